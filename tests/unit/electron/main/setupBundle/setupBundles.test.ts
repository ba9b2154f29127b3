import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_PLAYLIST,
  DEFAULT_SETTINGS,
  EMPTY_SCHEDULE,
  type Settings,
} from '../../../../../contract';
import { mediaFilesOf } from '../../../../../domain';
import {
  BACKUP_FILE_NAME,
  DEFAULT_BUNDLE_LIMITS,
  PENDING_BACKUP_FILE_NAME,
  STAGING_PREFIX,
  createSetupBundles,
  type BundleResult,
  type SetupBundleOptions,
} from '../../../../../electron/main/setupBundle/setupBundles';
import { openSettingsStore, type SettingsStore } from '../../../../../electron/main/settingsStore';
import {
  CURRENT_STORE_VERSION,
  GOOD_COPY_FILE_NAME,
  SETTINGS_FILE_NAME,
  makeDocument,
  serializeDocument,
} from '../../../../../electron/main/storeOptions';
import { faultyFileSystem, type FaultCode } from '../fixtures/faultyFileSystem';
import { tinyPng } from '../../../../support/pictures';

// Local time, so the bundle is named clinic-kiosk-setup-2026-11-27-0905.zip in any zone.
const FIXED_NOW = new Date(2026, 10, 27, 9, 5, 30);
const now = () => FIXED_NOW;
const BUNDLE_NAME = 'clinic-kiosk-setup-2026-11-27-0905.zip';

const tempDirs: string[] = [];
function makeTempDir(prefix = 'kiosk-bundle-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A small, valid PNG (so a real content check would accept it). */

interface Kiosk {
  directory: string;
  mediaDirectory: string;
  store: SettingsStore;
  bundles: ReturnType<typeof createSetupBundles>;
}

function makeKiosk(options: Partial<SetupBundleOptions> = {}, directory = makeTempDir()): Kiosk {
  const mediaDirectory = path.join(directory, 'media');
  fs.mkdirSync(mediaDirectory, { recursive: true });
  const store =
    options.store ??
    openSettingsStore({
      directory,
      now,
      ...(options.fileSystem ? { fileSystem: options.fileSystem } : {}),
    });
  const bundles = createSetupBundles({
    directory,
    mediaDirectory,
    store,
    appVersion: '0.1.0',
    now,
    ...options,
  });
  return { directory, mediaDirectory, store, bundles };
}

function addMedia(kiosk: Kiosk, data: Buffer, extension: string): string {
  const file = `${sha256(data)}.${extension}`;
  fs.writeFileSync(path.join(kiosk.mediaDirectory, file), data);
  return file;
}

/** A setup with a text, a picture and a video slide (with captions), a playlist and a rule. */
function clinicSetup(image: string, video: string, captions: string): Settings {
  return {
    ...DEFAULT_SETTINGS,
    idleTimeoutSeconds: 90,
    transition: 'slide',
    audienceDisplayId: 11,
    presenterDisplayId: 12,
    customSlides: [
      {
        id: 'custom-welcome',
        kind: 'text',
        title: { en: 'Welcome', es: 'Bienvenidos' },
        lines: [{ en: 'Please take a seat.' }],
        durationSeconds: 12,
      },
      {
        id: 'custom-team',
        kind: 'image',
        title: { en: 'Our team' },
        description: { en: 'The clinic staff in front of the building' },
        file: image,
        sourceName: 'team.png',
        durationSeconds: 10,
      },
      {
        id: 'custom-tour',
        kind: 'video',
        title: { en: 'A tour' },
        description: { en: 'A walk through the treatment rooms' },
        file: video,
        captions,
        sourceName: 'tour.mp4',
        maxSeconds: null,
      },
    ],
    playlists: [
      DEFAULT_PLAYLIST,
      {
        id: 'mornings',
        name: 'Mornings',
        entries: ['custom-welcome', 'custom-team', 'custom-tour'].map((slideId) => ({
          slideId,
          enabled: true,
          durationSeconds: null,
        })),
      },
    ],
    schedule: {
      ...EMPTY_SCHEDULE,
      weekly: [
        {
          id: 'weekday-mornings',
          days: [1, 2, 3, 4, 5],
          start: '08:00',
          end: '12:00',
          target: { kind: 'playlist', playlistId: 'mornings' },
        },
      ],
    },
  };
}

/** A kiosk with `clinicSetup` saved and its three media files in place. */
function sourceKiosk(): Kiosk & { media: string[] } {
  const kiosk = makeKiosk();
  const image = addMedia(kiosk, tinyPng(200), 'png');
  const video = addMedia(kiosk, Buffer.from('not really a video, but bytes'), 'mp4');
  const captions = addMedia(kiosk, Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n'), 'vtt');
  kiosk.store.save(clinicSetup(image, video, captions));
  return { ...kiosk, media: [image, video, captions] };
}

/** A second kiosk with its own screens and a plain setup. */
function targetKiosk(options: Partial<SetupBundleOptions> = {}): Kiosk {
  const directory = makeTempDir();
  openSettingsStore({ directory, now }).save({
    ...DEFAULT_SETTINGS,
    idleTimeoutSeconds: 30,
    audienceDisplayId: 21,
    presenterDisplayId: 22,
  });
  return makeKiosk(options, directory);
}

function expectOk<T>(result: BundleResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.problem}: ${result.message}`);
  return result.value;
}

async function exportBundle(kiosk: Kiosk): Promise<string> {
  const folder = makeTempDir('usb-');
  const { fileName } = expectOk(await kiosk.bundles.exportTo(folder));
  return path.join(folder, fileName);
}

// ---------------------------------------------------------------------------------------------
// Zip helpers for building hostile bundles

interface ZipEntry {
  name: string;
  data: Buffer;
  compress?: boolean;
  mode?: number;
  /** A folder entry (`name` ends with "/"; `data` is ignored). */
  directory?: boolean;
}

function buildZip(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    if (entry.directory) {
      zip.addEmptyDirectory(entry.name, { mtime: FIXED_NOW });
      continue;
    }
    zip.addBuffer(entry.data, entry.name, {
      compress: entry.compress ?? true,
      mtime: FIXED_NOW,
      ...(entry.mode === undefined ? {} : { mode: entry.mode }),
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** Reads every entry of a zip (for checking what export wrote, and to rebuild it). */
async function readZip(file: string): Promise<(ZipEntry & { method: number })[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const entries: (ZipEntry & { method: number })[] = [];
  for await (const entry of zip.eachEntry()) {
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    entries.push({
      name: entry.fileName,
      data: Buffer.concat(chunks),
      compress: entry.compressionMethod === 8,
      method: entry.compressionMethod,
    });
  }
  zip.close();
  return entries;
}

interface ManifestJson {
  format: string;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  files: { name: string; bytes: number; sha256: string }[];
}

function manifestFor(entries: readonly ZipEntry[]): ManifestJson {
  return {
    format: 'clinic-kiosk-setup',
    formatVersion: 1,
    appVersion: '0.1.0',
    createdAt: FIXED_NOW.toISOString(),
    files: entries.map(({ name, data }) => ({ name, bytes: data.length, sha256: sha256(data) })),
  };
}

/** A bundle of `files` with a correct manifest (`editManifest` may change it). */
function bundleZip(
  files: readonly ZipEntry[],
  editManifest: (manifest: ManifestJson) => unknown = (manifest) => manifest,
): Promise<Buffer> {
  const manifest = Buffer.from(JSON.stringify(editManifest(manifestFor(files))));
  return buildZip([{ name: 'manifest.json', data: manifest }, ...files]);
}

function settingsEntry(document: unknown): ZipEntry {
  return { name: 'settings.json', data: Buffer.from(serializeDocument(document)) };
}

function writeTemp(bytes: Buffer, name = 'bundle.zip'): string {
  const file = path.join(makeTempDir('usb-'), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Sets the uncompressed size an entry declares in the central directory (what yauzl reads). */
function setDeclaredSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = out.indexOf('PK\x01\x02'); at !== -1; at = out.indexOf('PK\x01\x02', at + 1)) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      out.writeUInt32LE(size, at + 24);
      return out;
    }
  }
  throw new Error(`no central directory record for ${name}`);
}

/** Snapshot of what an import must not touch on failure. */
function snapshot(kiosk: Kiosk) {
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file) : null);
  return {
    live: read(path.join(kiosk.directory, SETTINGS_FILE_NAME)),
    good: read(path.join(kiosk.directory, GOOD_COPY_FILE_NAME)),
    backup: read(path.join(kiosk.directory, BACKUP_FILE_NAME)),
    media: fs.readdirSync(kiosk.mediaDirectory).sort(),
    folder: fs.readdirSync(kiosk.directory).sort(),
  };
}

function stagingFolders(kiosk: Kiosk): string[] {
  return fs.readdirSync(kiosk.directory).filter((name) => name.startsWith(STAGING_PREFIX));
}

/** Imports `bundle`, expects one of `problems`, and checks nothing on the kiosk changed. */
async function expectRefused(
  kiosk: Kiosk,
  bundle: string,
  problems: readonly string[],
  message?: RegExp,
) {
  const before = snapshot(kiosk);
  const settingsBefore = kiosk.store.settings;
  const result = await kiosk.bundles.importFrom(bundle);
  if (result.ok) throw new Error('expected the import to be refused');
  expect(problems).toContain(result.problem);
  if (message) expect(result.message).toMatch(message);
  expect(snapshot(kiosk)).toEqual(before);
  expect(kiosk.store.settings).toEqual(settingsBefore);
  expect(stagingFolders(kiosk)).toEqual([]);
  return result;
}

// ---------------------------------------------------------------------------------------------

describe('exportTo', () => {
  it('writes a dated zip with the settings, the media and a manifest of checksums', async () => {
    const source = sourceKiosk();
    const folder = makeTempDir('usb-');
    const result = expectOk(await source.bundles.exportTo(folder));
    expect(result.fileName).toBe(BUNDLE_NAME);
    expect(fs.readdirSync(folder)).toEqual([BUNDLE_NAME]);
    expect(result.bytes).toBe(fs.statSync(path.join(folder, BUNDLE_NAME)).size);

    const entries = await readZip(path.join(folder, BUNDLE_NAME));
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    const mediaNames = source.media.map((file) => `media/${file}`).sort();
    expect([...byName.keys()].sort()).toEqual(
      ['manifest.json', 'settings.json', ...mediaNames].sort(),
    );

    const settings = byName.get('settings.json');
    expect(settings?.data.toString()).toBe(serializeDocument(makeDocument(source.store.settings)));
    expect(settings?.method).toBe(8);
    expect(byName.get('manifest.json')?.method).toBe(8);
    for (const name of mediaNames) {
      expect(byName.get(name)?.method).toBe(0);
      expect(byName.get(name)?.data).toEqual(
        fs.readFileSync(path.join(source.mediaDirectory, name.slice('media/'.length))),
      );
    }

    const manifest = JSON.parse(byName.get('manifest.json')?.data.toString() ?? '') as ManifestJson;
    expect(manifest).toMatchObject({
      format: 'clinic-kiosk-setup',
      formatVersion: 1,
      appVersion: '0.1.0',
      createdAt: FIXED_NOW.toISOString(),
    });
    expect(manifest.files.map((file) => file.name).sort()).toEqual(
      ['settings.json', ...mediaNames].sort(),
    );
    for (const file of manifest.files) {
      const data = byName.get(file.name)?.data ?? Buffer.alloc(0);
      expect(file).toEqual({ name: file.name, bytes: data.length, sha256: sha256(data) });
    }
  });

  it('never replaces an earlier export of the same minute', async () => {
    const source = sourceKiosk();
    const folder = makeTempDir('usb-');
    expectOk(await source.bundles.exportTo(folder));
    const second = expectOk(await source.bundles.exportTo(folder));
    expect(second.fileName).toBe('clinic-kiosk-setup-2026-11-27-0905-2.zip');
    expect(fs.readdirSync(folder).sort()).toEqual([second.fileName, BUNDLE_NAME].sort());
  });

  it('never writes through a link left on the drive under its names', async () => {
    const source = sourceKiosk();
    const folder = makeTempDir('usb-');
    const elsewhere = makeTempDir('elsewhere-');
    const victim = path.join(elsewhere, 'important.txt');
    fs.writeFileSync(victim, 'keep me');
    // A link where the .part would go, and a dangling link where the next name would go.
    fs.symlinkSync(victim, path.join(folder, `${BUNDLE_NAME}.part`));
    fs.symlinkSync(
      path.join(elsewhere, 'nothing'),
      path.join(folder, BUNDLE_NAME.replace(/\.zip$/, '-2.zip')),
    );
    const written = expectOk(await source.bundles.exportTo(folder));
    expect(written.fileName).toBe('clinic-kiosk-setup-2026-11-27-0905-3.zip');
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    expect(fs.readdirSync(elsewhere)).toEqual(['important.txt']);
    expect(fs.lstatSync(path.join(folder, written.fileName)).isFile()).toBe(true);
  });

  it('fails with missing-media naming a file the setup uses but the kiosk lacks', async () => {
    const source = sourceKiosk();
    const [image] = source.media;
    fs.rmSync(path.join(source.mediaDirectory, image ?? ''));
    const folder = makeTempDir('usb-');
    const result = await source.bundles.exportTo(folder);
    expect(result).toMatchObject({ ok: false, problem: 'missing-media' });
    expect(!result.ok && result.message).toContain(image);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('fails with damaged when a media file no longer matches its name, leaving no file', async () => {
    const source = sourceKiosk();
    const [image] = source.media;
    fs.writeFileSync(path.join(source.mediaDirectory, image ?? ''), tinyPng(1));
    const folder = makeTempDir('usb-');
    const result = await source.bundles.exportTo(folder);
    expect(result).toMatchObject({ ok: false, problem: 'damaged' });
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('fails with write-failed when the folder is not there', async () => {
    const source = sourceKiosk();
    const result = await source.bundles.exportTo(path.join(makeTempDir('usb-'), 'gone'));
    expect(result).toMatchObject({ ok: false, problem: 'write-failed' });
  });
});

describe('exportTo on a drive that fails', () => {
  /** Export finished (or failed) at all: a sync loop that never ends would never get here. */
  async function exportInto(source: Kiosk, folder: string) {
    return source.bundles.exportTo(folder);
  }

  it('fails with write-failed when the folder is a file (ENOTDIR), creating nothing', async () => {
    const source = sourceKiosk();
    const file = path.join(makeTempDir('usb-'), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const result = await exportInto(source, file);
    expect(result).toMatchObject({
      ok: false,
      problem: 'write-failed',
      cause: 'path-problem',
      message: expect.stringMatching(/ENOTDIR/),
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  it('fails with write-failed when the folder name is too long (ENAMETOOLONG)', async () => {
    const source = sourceKiosk();
    const result = await exportInto(source, path.join(makeTempDir('usb-'), 'x'.repeat(300)));
    expect(result).toMatchObject({
      ok: false,
      problem: 'write-failed',
      cause: 'path-problem',
      message: expect.stringMatching(/ENAMETOOLONG/),
    });
  });

  it.each([
    ['EIO', 'disk-error'],
    ['EACCES', 'no-permission'],
    ['ENOTDIR', 'path-problem'],
    ['ENAMETOOLONG', 'path-problem'],
  ] as const)(
    'fails with write-failed when looking for a free name answers %s, leaving the drive as it was',
    async (code: FaultCode, cause) => {
      const folder = makeTempDir('usb-');
      fs.writeFileSync(path.join(folder, 'notes.txt'), 'kept');
      const faults = faultyFileSystem([
        { calls: ['lstat'], path: (file) => path.dirname(file) === folder, code },
      ]);
      const source = sourceKiosk();
      const kiosk = makeKiosk(
        { store: source.store, fileSystem: faults.fileSystem },
        source.directory,
      );
      const result = await exportInto(kiosk, folder);
      expect(result).toMatchObject({
        ok: false,
        problem: 'write-failed',
        cause,
        message: expect.stringMatching(new RegExp(`could not look for ${BUNDLE_NAME}.*${code}`)),
      });
      expect(faults.injected).toEqual([`${code} on lstat ${path.join(folder, BUNDLE_NAME)}`]);
      expect(fs.readdirSync(folder)).toEqual(['notes.txt']);
    },
  );

  it('fails with write-failed when the drive fails while the file is written, leaving no file', async () => {
    const folder = makeTempDir('usb-');
    const faults = faultyFileSystem([
      { calls: ['write'], path: (file) => path.dirname(file) === folder, code: 'EIO' },
    ]);
    const source = sourceKiosk();
    const kiosk = makeKiosk(
      { store: source.store, fileSystem: faults.fileSystem },
      source.directory,
    );
    const result = await kiosk.bundles.exportTo(folder);
    expect(result).toMatchObject({ ok: false, problem: 'write-failed', cause: 'disk-error' });
    expect(fs.readdirSync(folder)).toEqual([]);
    // The next export, on a drive that works again, goes through.
    faults.rules.length = 0;
    expectOk(await kiosk.bundles.exportTo(folder));
  });
});

describe('importFrom is all or nothing', () => {
  /** A kiosk that has imported once (so a backup exists), and a second bundle to import. */
  async function kioskWithBackup(fileSystem: SetupBundleOptions['fileSystem']) {
    const first = targetKiosk();
    const firstBundle = await exportBundle(makeKiosk());
    expectOk(await first.bundles.importFrom(firstBundle));
    const kiosk = makeKiosk({ fileSystem }, first.directory);
    const source = sourceKiosk();
    const bundle = await exportBundle(source);
    return { kiosk, bundle, source };
  }

  const filesOf = (kiosk: Kiosk) =>
    Object.fromEntries(
      [SETTINGS_FILE_NAME, GOOD_COPY_FILE_NAME, BACKUP_FILE_NAME].map((name) => [
        name,
        fs.readFileSync(path.join(kiosk.directory, name), 'utf8'),
      ]),
    );

  it.each([
    ['the backup', PENDING_BACKUP_FILE_NAME, 'ENOSPC', 'disk-full'],
    ['settings.json', SETTINGS_FILE_NAME, 'EIO', 'disk-error'],
    ['the good copy', GOOD_COPY_FILE_NAME, 'ENOSPC', 'disk-full'],
    ['the good copy', GOOD_COPY_FILE_NAME, 'EACCES', 'no-permission'],
  ] as const)(
    'when writing %s fails (%s): the old setup stays live after a restart, the backup restorable',
    async (_label, name, code: FaultCode, cause) => {
      const faults = faultyFileSystem();
      const { kiosk } = await kioskWithBackup(faults.fileSystem);
      const { bundle } = await kioskWithBackup(undefined);
      const before = filesOf(kiosk);
      const mediaBefore = fs.readdirSync(kiosk.mediaDirectory);
      const settingsBefore = kiosk.store.settings;
      faults.rules.push({
        calls: ['write'],
        path: (file) => file.startsWith(path.join(kiosk.directory, `${name}.tmp-`)),
        code,
      });

      const result = await kiosk.bundles.importFrom(bundle);
      expect(result).toMatchObject({ ok: false, problem: 'write-failed', cause });
      expect(faults.injected).not.toEqual([]);
      expect(filesOf(kiosk)).toEqual(before);
      expect(fs.readdirSync(kiosk.mediaDirectory)).toEqual(mediaBefore);
      expect(stagingFolders(kiosk)).toEqual([]);
      expect(kiosk.store.settings).toEqual(settingsBefore);

      // After a restart: the old setup, and the backup of the first import still there.
      const restarted = makeKiosk({}, kiosk.directory);
      expect(restarted.store.settings).toEqual(settingsBefore);
      expect(restarted.bundles.backupInfo()).toMatchObject({ reason: 'import' });
      expect(expectOk(await restarted.bundles.restoreBackup()).settings.idleTimeoutSeconds).toBe(
        30,
      );
    },
  );

  it('settles a backup left pending by a crash: kept when the save happened, dropped if not', async () => {
    const source = sourceKiosk();
    const target = targetKiosk();
    const before = target.store.settings;
    expectOk(await target.bundles.importFrom(await exportBundle(source)));
    const backupFile = path.join(target.directory, BACKUP_FILE_NAME);
    const pendingFile = path.join(target.directory, PENDING_BACKUP_FILE_NAME);
    const committed = fs.readFileSync(backupFile, 'utf8');

    // Crashed after the settings were saved, before the backup was renamed: it is put in place.
    fs.renameSync(backupFile, pendingFile);
    const afterCrash = makeKiosk({}, target.directory);
    expect(fs.existsSync(pendingFile)).toBe(false);
    expect(fs.readFileSync(backupFile, 'utf8')).toBe(committed);
    expect(expectOk(await afterCrash.bundles.restoreBackup()).settings).toEqual(before);

    // Crashed before the settings were saved: the pending backup describes the live setup. It
    // goes, and the backup there already stays.
    const backupBefore = fs.readFileSync(backupFile, 'utf8');
    fs.writeFileSync(
      pendingFile,
      serializeDocument({
        savedAt: FIXED_NOW.toISOString(),
        reason: 'import',
        sourceName: 'other.zip',
        document: makeDocument(afterCrash.store.settings),
      }),
    );
    makeKiosk({}, target.directory);
    expect(fs.existsSync(pendingFile)).toBe(false);
    expect(fs.readFileSync(backupFile, 'utf8')).toBe(backupBefore);
  });

  it('reads a backup file saved with a UTF-8 byte order mark', async () => {
    const source = sourceKiosk();
    const target = targetKiosk();
    expectOk(await target.bundles.importFrom(await exportBundle(source)));
    const backupFile = path.join(target.directory, BACKUP_FILE_NAME);
    fs.writeFileSync(backupFile, `\uFEFF${fs.readFileSync(backupFile, 'utf8')}`);
    expect(target.bundles.backupInfo()).toMatchObject({ reason: 'import' });
    expect(expectOk(await target.bundles.restoreBackup()).settings.idleTimeoutSeconds).toBe(30);
  });
});

describe('importFrom and restoreBackup', () => {
  it('moves the whole setup to another kiosk, keeping that kiosk’s screens', async () => {
    const source = sourceKiosk();
    const bundle = await exportBundle(source);
    const target = targetKiosk();

    const result = expectOk(await target.bundles.importFrom(bundle));
    const sent = source.store.settings;
    expect(result.settings).toEqual({ ...sent, audienceDisplayId: 21, presenterDisplayId: 22 });
    expect(target.store.settings).toEqual(result.settings);
    expect(result.fields.sort()).toEqual(
      ['customSlides', 'idleTimeoutSeconds', 'playlists', 'schedule', 'transition'].sort(),
    );
    for (const file of source.media) {
      expect(fs.readFileSync(path.join(target.mediaDirectory, file))).toEqual(
        fs.readFileSync(path.join(source.mediaDirectory, file)),
      );
    }
    expect(stagingFolders(target)).toEqual([]);

    // It is on disk, not only in memory.
    const reopened = openSettingsStore({ directory: target.directory, now });
    expect(reopened.settings).toEqual(result.settings);

    expect(target.bundles.backupInfo()).toEqual({
      savedAt: FIXED_NOW.toISOString(),
      reason: 'import',
      sourceName: BUNDLE_NAME,
    });
    expect(target.bundles.backupMediaFiles()).toEqual([]);
  });

  it('restores the previous setup, and a second restore swaps back', async () => {
    const source = sourceKiosk();
    const bundle = await exportBundle(source);
    const target = targetKiosk();
    const original = target.store.settings;
    const imported = expectOk(await target.bundles.importFrom(bundle)).settings;

    const restored = expectOk(await target.bundles.restoreBackup());
    expect(restored.settings).toEqual(original);
    expect(target.store.settings).toEqual(original);
    expect(target.bundles.backupInfo()).toMatchObject({ reason: 'restore', sourceName: null });
    expect(target.bundles.backupMediaFiles().sort()).toEqual([...source.media].sort());

    const again = expectOk(await target.bundles.restoreBackup());
    expect(again.settings).toEqual(imported);
    expect(target.bundles.backupMediaFiles()).toEqual([]);
  });

  it('restore keeps the screens the kiosk has now', async () => {
    const source = sourceKiosk();
    const target = targetKiosk();
    expectOk(await target.bundles.importFrom(await exportBundle(source)));
    target.store.save({ ...target.store.settings, audienceDisplayId: 99 });
    const restored = expectOk(await target.bundles.restoreBackup());
    expect(restored.settings.audienceDisplayId).toBe(99);
    expect(restored.settings.idleTimeoutSeconds).toBe(30);
  });

  it('says no-backup when there is none, and damaged for a damaged backup', async () => {
    const kiosk = makeKiosk();
    expect(await kiosk.bundles.restoreBackup()).toMatchObject({ ok: false, problem: 'no-backup' });
    expect(kiosk.bundles.backupInfo()).toBeNull();
    fs.writeFileSync(path.join(kiosk.directory, BACKUP_FILE_NAME), '{"savedAt": ');
    expect(await kiosk.bundles.restoreBackup()).toMatchObject({ ok: false, problem: 'damaged' });
    expect(kiosk.bundles.backupInfo()).toBeNull();
    expect(kiosk.bundles.backupMediaFiles()).toEqual([]);
  });

  it('refuses to restore a backup whose media are gone', async () => {
    const kiosk = sourceKiosk();
    const other = targetKiosk();
    expectOk(await kiosk.bundles.importFrom(await exportBundle(other)));
    expect(kiosk.bundles.backupMediaFiles().sort()).toEqual([...kiosk.media].sort());
    const [image] = kiosk.media;
    fs.rmSync(path.join(kiosk.mediaDirectory, image ?? ''));
    const settings = kiosk.store.settings;
    const result = await kiosk.bundles.restoreBackup();
    expect(result).toMatchObject({ ok: false, problem: 'missing-media' });
    expect(!result.ok && result.message).toContain(image);
    expect(kiosk.store.settings).toEqual(settings);
  });

  it('migrates an older (version 2) settings document', async () => {
    const {
      playlists: _p,
      defaultPlaylistId: _d,
      customSlides: _c,
      schedule: _s,
      ...v2Settings
    } = { ...DEFAULT_SETTINGS, idleTimeoutSeconds: 45 };
    const bundle = writeTemp(
      await bundleZip([settingsEntry({ version: 2, settings: v2Settings })]),
    );
    const target = targetKiosk();
    const result = expectOk(await target.bundles.importFrom(bundle));
    expect(result.settings.idleTimeoutSeconds).toBe(45);
    expect(result.settings.playlists).toEqual([DEFAULT_PLAYLIST]);
    expect(result.settings.audienceDisplayId).toBe(21);
    expect(result.fields).toEqual(['idleTimeoutSeconds']);
  });

  it('accepts a bundle without a media file this kiosk already has', async () => {
    const source = sourceKiosk();
    const target = targetKiosk();
    for (const file of source.media) {
      fs.copyFileSync(
        path.join(source.mediaDirectory, file),
        path.join(target.mediaDirectory, file),
      );
    }
    const bundle = writeTemp(await bundleZip([settingsEntry(makeDocument(source.store.settings))]));
    const result = expectOk(await target.bundles.importFrom(bundle));
    expect(mediaFilesOf(result.settings.customSlides).sort()).toEqual([...source.media].sort());
  });

  it('checks every new media file with the injected content check', async () => {
    const source = sourceKiosk();
    const bundle = await exportBundle(source);
    const checkMedia = vi.fn(async (file: string, name: string) => {
      expect(fs.readFileSync(file).length).toBeGreaterThan(0);
      expect(path.basename(path.dirname(file))).toMatch(new RegExp(`^${STAGING_PREFIX}`));
      return name.endsWith('.mp4') ? 'this is not a video the kiosk can play' : null;
    });
    const target = targetKiosk({ checkMedia });
    await expectRefused(target, bundle, ['damaged', 'unsafe'], /not a video the kiosk can play/);
    expect(checkMedia).toHaveBeenCalled();

    const accepting = targetKiosk({ checkMedia: vi.fn(async () => null) });
    expectOk(await accepting.bundles.importFrom(bundle));
  });

  it('leaves the backup file as it was when saving the settings fails', async () => {
    const source = sourceKiosk();
    const bundle = await exportBundle(source);
    const directory = makeTempDir();
    const real = openSettingsStore({ directory, now });
    const broken: SettingsStore = {
      get settings() {
        return real.settings;
      },
      recovery: null,
      migratedFrom: null,
      path: real.path,
      save() {
        throw new Error('disk full');
      },
    };
    const kiosk = makeKiosk({ store: broken }, directory);
    const result = await kiosk.bundles.importFrom(bundle);
    expect(result).toMatchObject({ ok: false, problem: 'write-failed' });
    expect(!result.ok && result.message).toMatch(/disk full/);
    expect(fs.existsSync(path.join(directory, BACKUP_FILE_NAME))).toBe(false);

    // With a backup already there, it is put back byte for byte.
    const backupFile = path.join(directory, BACKUP_FILE_NAME);
    fs.writeFileSync(
      backupFile,
      JSON.stringify({
        savedAt: FIXED_NOW.toISOString(),
        reason: 'import',
        sourceName: 'earlier.zip',
        document: makeDocument(DEFAULT_SETTINGS),
      }),
    );
    const before = fs.readFileSync(backupFile);
    expect(await kiosk.bundles.importFrom(bundle)).toMatchObject({ problem: 'write-failed' });
    expect(fs.readFileSync(backupFile)).toEqual(before);
    expect(stagingFolders(kiosk)).toEqual([]);
  });

  it('removes staging folders a crashed import left behind', () => {
    const directory = makeTempDir();
    fs.mkdirSync(path.join(directory, `${STAGING_PREFIX}abc123`, 'deep'), { recursive: true });
    fs.writeFileSync(path.join(directory, `${STAGING_PREFIX}abc123`, 'deep', 'x.mp4'), 'x');
    const kiosk = makeKiosk({}, directory);
    expect(stagingFolders(kiosk)).toEqual([]);
  });
});

describe('importFrom refuses bad bundles without changing anything', () => {
  it('refuses a bundle whose settings were changed after export (damaged)', async () => {
    const source = sourceKiosk();
    const entries = await readZip(await exportBundle(source));
    const altered = entries.map((entry) =>
      entry.name === 'settings.json'
        ? settingsEntry(makeDocument({ ...source.store.settings, idleTimeoutSeconds: 600 }))
        : entry,
    );
    const bundle = writeTemp(await buildZip(altered));
    await expectRefused(targetKiosk(), bundle, ['damaged'], /settings\.json/);
  });

  it('refuses a media file whose content was swapped (damaged)', async () => {
    const source = sourceKiosk();
    const entries = await readZip(await exportBundle(source));
    const altered = entries.map((entry) =>
      entry.name.endsWith('.png') ? { ...entry, data: tinyPng(3) } : entry,
    );
    await expectRefused(targetKiosk(), writeTemp(await buildZip(altered)), ['damaged'], /checksum/);
  });

  it('refuses media whose name is not its own checksum (damaged)', async () => {
    const data = tinyPng(50);
    const wrongName = `media/${'0'.repeat(64)}.png`;
    const bundle = writeTemp(
      await bundleZip([
        settingsEntry(makeDocument(DEFAULT_SETTINGS)),
        { name: wrongName, data, compress: false },
      ]),
    );
    await expectRefused(targetKiosk(), bundle, ['damaged'], /media\/0{64}\.png/);
  });

  it.each([
    ['a parent-folder path', 'zz/evil.txt', '../evil.txt'],
    ['an absolute path', 'qetc/x', '/etc/x'],
    ['a backslash', 'media/q.png', 'media\\q.png'],
  ])('refuses an entry with %s (unsafe)', async (_label, placeholder, name) => {
    const zip = await bundleZip([
      settingsEntry(makeDocument(DEFAULT_SETTINGS)),
      { name: placeholder, data: Buffer.from('boo') },
    ]);
    // yazl refuses these names, so a placeholder of the same length is renamed in the headers.
    const bundle = writeTemp(renameEntryHeaders(zip, placeholder, name));
    await expectRefused(targetKiosk(), bundle, ['unsafe'], new RegExp(escapeRegExp(name)));
  });

  it.each([
    ['an unexpected file', { name: 'notes.txt', data: Buffer.from('hi') }],
    ['a nested path', { name: 'media/sub/x.png', data: Buffer.from('hi') }],
    ['a folder', { name: 'media/', data: Buffer.alloc(0), directory: true }],
    [
      'a link',
      {
        name: `media/${sha256('/etc/passwd')}.png`,
        data: Buffer.from('/etc/passwd'),
        mode: 0o120777,
      },
    ],
    ['a second settings.json', settingsEntry(makeDocument(DEFAULT_SETTINGS))],
  ])('refuses %s (unsafe)', async (_label, extra: ZipEntry) => {
    const settings = settingsEntry(makeDocument(DEFAULT_SETTINGS));
    const manifest = Buffer.from(JSON.stringify(manifestFor([settings])));
    const zip = await buildZip([{ name: 'manifest.json', data: manifest }, settings, extra]);
    await expectRefused(
      targetKiosk(),
      writeTemp(zip),
      ['unsafe'],
      new RegExp(escapeRegExp(extra.name)),
    );
  });

  it('refuses an entry not listed in the manifest, and one listed but absent (damaged)', async () => {
    const settings = settingsEntry(makeDocument(DEFAULT_SETTINGS));
    const data = tinyPng(9);
    const media: ZipEntry = { name: `media/${sha256(data)}.png`, data, compress: false };
    const extra = await buildZip([
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifestFor([settings]))) },
      settings,
      media,
    ]);
    await expectRefused(
      targetKiosk(),
      writeTemp(extra),
      ['damaged', 'unsafe'],
      /not in the manifest/,
    );

    const absent = await buildZip([
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifestFor([settings, media]))) },
      settings,
    ]);
    await expectRefused(targetKiosk(), writeTemp(absent), ['damaged'], /missing/);
  });

  it('refuses a zip bomb without unpacking it', async () => {
    const zeros = Buffer.alloc(60 * 1024 * 1024);
    const bomb = await bundleZip([
      settingsEntry(makeDocument(DEFAULT_SETTINGS)),
      { name: `media/${sha256(zeros)}.mp4`, data: zeros, compress: true },
    ]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const target = targetKiosk();
    const result = await expectRefused(
      target,
      writeTemp(bomb),
      ['unsafe', 'too-large'],
      /zip bomb/,
    );
    expect(result.problem).toBe('unsafe');

    const asSettings = await buildZip([
      { name: 'manifest.json', data: Buffer.from('{}') },
      { name: 'settings.json', data: zeros, compress: true },
    ]);
    await expectRefused(target, writeTemp(asSettings), ['unsafe', 'too-large']);
    // Nothing of it reached the disk: no media, no staging left in the data folder. (How fast
    // the refusal comes is for the bench to print, not for a test to time.)
    const files = (dir: string): number =>
      fs.existsSync(dir)
        ? fs
            .readdirSync(dir, { withFileTypes: true })
            .reduce(
              (sum, entry) =>
                sum +
                (entry.isDirectory()
                  ? files(path.join(dir, entry.name))
                  : fs.statSync(path.join(dir, entry.name)).size),
              0,
            )
        : 0;
    expect(files(target.mediaDirectory)).toBe(0);
    expect(
      fs.readdirSync(target.directory).filter((name) => /stag|\.tmp|\.part/i.test(name)),
    ).toEqual([]);
  }, 30_000);

  it('refuses an entry that inflates to more than its declared size', async () => {
    const settings = settingsEntry(makeDocument(DEFAULT_SETTINGS));
    const declared = 100;
    const zip = await bundleZip([settings], (manifest) => ({
      ...manifest,
      files: manifest.files.map((file) => ({ ...file, bytes: declared })),
    }));
    const bundle = writeTemp(setDeclaredSize(zip, 'settings.json', declared));
    await expectRefused(targetKiosk(), bundle, ['unsafe', 'damaged'], /more data/);
  });

  it('refuses entries larger than the limits (too-large)', async () => {
    const settings = settingsEntry(makeDocument(DEFAULT_SETTINGS));
    const data = tinyPng(7);
    const media: ZipEntry = { name: `media/${sha256(data)}.png`, data, compress: false };
    const bundle = writeTemp(await bundleZip([settings, media]));
    const small = targetKiosk({
      limits: { maxEntryBytes: { ...DEFAULT_BUNDLE_LIMITS.maxEntryBytes, image: 10 } },
    });
    await expectRefused(small, bundle, ['too-large'], /\.png/);
    const tiny = targetKiosk({ limits: { maxTotalBytes: 500 } });
    await expectRefused(tiny, bundle, ['too-large']);
    const few = targetKiosk({ limits: { maxEntries: 2 } });
    await expectRefused(few, bundle, ['unsafe'], /entries/);
  });

  it('refuses files that are not zips, or cut short', async () => {
    const target = targetKiosk();
    const random = Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 7919) % 251));
    await expectRefused(target, writeTemp(random), ['not-a-bundle']);
    await expectRefused(target, writeTemp(Buffer.alloc(0)), ['not-a-bundle']);
    await expectRefused(target, path.join(makeTempDir('usb-'), 'nothing.zip'), ['not-a-bundle']);

    const whole = fs.readFileSync(await exportBundle(sourceKiosk()));
    const half = whole.subarray(0, Math.floor(whole.length / 2));
    await expectRefused(target, writeTemp(half), ['not-a-bundle', 'damaged']);

    const noManifest = await buildZip([settingsEntry(makeDocument(DEFAULT_SETTINGS))]);
    await expectRefused(target, writeTemp(noManifest), ['not-a-bundle']);
  });

  it('refuses a bundle of a newer format (newer-version) or another format (not-a-bundle)', async () => {
    const settings = settingsEntry(makeDocument(DEFAULT_SETTINGS));
    const newer = await bundleZip([settings], (manifest) => ({
      ...manifest,
      formatVersion: 3,
      somethingNew: true,
    }));
    await expectRefused(targetKiosk(), writeTemp(newer), ['newer-version']);
    const other = await bundleZip([settings], (manifest) => ({ ...manifest, format: 'photos' }));
    await expectRefused(targetKiosk(), writeTemp(other), ['not-a-bundle']);
    const broken = await bundleZip([settings], (manifest) => ({ ...manifest, createdAt: 'soon' }));
    await expectRefused(targetKiosk(), writeTemp(broken), ['damaged'], /createdAt/);
  });

  it('refuses settings written by a newer app (newer-version)', async () => {
    const document = { version: CURRENT_STORE_VERSION + 1, settings: DEFAULT_SETTINGS };
    const bundle = writeTemp(await bundleZip([settingsEntry(document)]));
    await expectRefused(targetKiosk(), bundle, ['newer-version']);
  });

  it('refuses settings that break the schema (invalid-settings), with the detail', async () => {
    const document = makeDocument({ ...DEFAULT_SETTINGS, idleTimeoutSeconds: 1 });
    const bundle = writeTemp(await bundleZip([settingsEntry(document)]));
    await expectRefused(targetKiosk(), bundle, ['invalid-settings'], /idleTimeoutSeconds/);
    const notJson = writeTemp(
      await bundleZip([{ name: 'settings.json', data: Buffer.from('{"version": 3, ') }]),
    );
    await expectRefused(targetKiosk(), notJson, ['invalid-settings']);
  });

  it('refuses settings that use media neither in the bundle nor on the kiosk (missing-media)', async () => {
    const source = sourceKiosk();
    const entries = await readZip(await exportBundle(source));
    const withoutVideo = entries.filter(
      (entry) => entry.name !== 'manifest.json' && !entry.name.endsWith('.mp4'),
    );
    const bundle = writeTemp(await bundleZip(withoutVideo));
    const video = source.media.find((file) => file.endsWith('.mp4')) ?? '';
    await expectRefused(targetKiosk(), bundle, ['missing-media'], new RegExp(escapeRegExp(video)));
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Renames an entry in the local header and the central directory only (the manifest, which
 * also names it, is left alone), by rewriting the bytes where each header holds its name.
 */
function renameEntryHeaders(zip: Buffer, from: string, to: string): Buffer {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  const out = Buffer.from(zip);
  let renamed = 0;
  const headers: [signature: string, nameAt: number, lengthAt: number][] = [
    ['PK\x03\x04', 30, 26],
    ['PK\x01\x02', 46, 28],
  ];
  for (const [signature, nameAt, lengthAt] of headers) {
    for (let at = out.indexOf(signature); at !== -1; at = out.indexOf(signature, at + 1)) {
      const length = out.readUInt16LE(at + lengthAt);
      if (out.toString('utf8', at + nameAt, at + nameAt + length) === from) {
        out.write(to, at + nameAt, 'utf8');
        renamed++;
      }
    }
  }
  expect(renamed).toBe(2);
  return out;
}

describe('checkFile: the checks of a load, changing nothing', () => {
  it('passes a good bundle and leaves the kiosk exactly as it was', async () => {
    const source = sourceKiosk();
    const bundle = await exportBundle(source);
    const checkMedia = vi.fn(async () => null);
    const target = targetKiosk({ checkMedia });
    const before = snapshot(target);
    const settingsBefore = target.store.settings;
    const checked = expectOk(await target.bundles.checkFile(bundle, { mode: true }));
    expect(checked.settings.customSlides).toEqual(source.store.settings.customSlides);
    // The media were checked on the way, as a load checks them, and nothing was kept.
    expect(checkMedia).toHaveBeenCalledTimes(source.media.length);
    expect(snapshot(target)).toEqual(before);
    expect(target.store.settings).toEqual(settingsBefore);
    expect(stagingFolders(target)).toEqual([]);
    // The load that follows still finds everything to do.
    expectOk(await target.bundles.importFrom(bundle, { mode: true }));
    expect(target.store.settings.customSlides).toEqual(source.store.settings.customSlides);
  });

  it.each([
    ['a media file the content check refuses', /not a video the kiosk can play/],
    ['settings changed after export', /settings\.json/],
  ])('refuses %s with the reason a load gives, changing nothing', async (label, reason) => {
    const source = sourceKiosk();
    let bundle = await exportBundle(source);
    if (label === 'settings changed after export') {
      const entries = await readZip(bundle);
      bundle = writeTemp(
        await buildZip(
          entries.map((entry) =>
            entry.name === 'settings.json'
              ? settingsEntry(makeDocument({ ...source.store.settings, idleTimeoutSeconds: 600 }))
              : entry,
          ),
        ),
      );
    }
    const target = targetKiosk({
      checkMedia: async (_file, name) =>
        name.endsWith('.mp4') ? 'this is not a video the kiosk can play' : null,
    });
    const before = snapshot(target);
    const checked = await target.bundles.checkFile(bundle);
    expect(checked).toMatchObject({ ok: false, problem: 'damaged' });
    expect(!checked.ok && checked.message).toMatch(reason);
    const loaded = await target.bundles.importFrom(bundle);
    expect(!loaded.ok && loaded.message).toBe(!checked.ok && checked.message);
    expect(snapshot(target)).toEqual(before);
    expect(stagingFolders(target)).toEqual([]);
  });
});
