/**
 * The names staff know the clinic's media by travel with a setup file: a picture imported as
 * "Waiting room poster.png" on one kiosk is listed under that name on the kiosk that loads the
 * setup, not as "(name not known)". Names are labels only: a bad one is dropped, and they never
 * make a load fail, nor change when a load is refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type MediaLibraryEntry, type Settings } from '../../../../../contract';
import { checkNamedMediaFile } from '../../../../../electron/main/media/contentCheck';
import { createMediaLibrary, type MediaLibrary } from '../../../../../electron/main/mediaLibrary';
import { openSettingsStore, type SettingsStore } from '../../../../../electron/main/settingsStore';
import {
  createSetupBundles,
  type BundleResult,
  type SetupBundles,
} from '../../../../../electron/main/setupBundle/setupBundles';
import { SETTINGS_FILE_NAME } from '../../../../../electron/main/storeOptions';
import { faultyFileSystem, type FaultyFileSystem } from '../fixtures/faultyFileSystem';
import { tinyPng } from '../../../../support/pictures';

const FIXED_NOW = new Date(2026, 10, 27, 9, 5, 30);
const now = () => FIXED_NOW;

const tempDirs: string[] = [];
function makeTempDir(prefix = 'kiosk-names-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

interface Kiosk {
  mediaDirectory: string;
  namesFile: string;
  drive: string;
  store: SettingsStore;
  library: MediaLibrary;
  bundles: SetupBundles;
}

/** A kiosk's media library and setup files over one data folder, with a USB drive. */
function kiosk(faults?: FaultyFileSystem): Kiosk {
  const directory = makeTempDir();
  const mediaDirectory = path.join(directory, 'media');
  const drive = makeTempDir('usb-');
  const seam = faults ? { fileSystem: faults.fileSystem } : {};
  const store = openSettingsStore({ directory, now, ...seam });
  const library = createMediaLibrary({
    mediaDirectory,
    sources: () => [{ label: 'CLINIC USB', kind: 'usb', path: drive }],
    ...seam,
  });
  const bundles = createSetupBundles({
    directory,
    mediaDirectory,
    store,
    appVersion: '0.2.0',
    now,
    checkMedia: checkNamedMediaFile,
    ...seam,
  });
  return {
    mediaDirectory,
    namesFile: `${mediaDirectory}-names.json`,
    drive,
    store,
    library,
    bundles,
  };
}

/** Puts a picture on the kiosk's drive as `name` and imports it through the picker. */
async function importPicture(target: Kiosk, name: string, bytes: Buffer): Promise<string> {
  fs.writeFileSync(path.join(target.drive, name), bytes);
  const [drive] = await target.library.listSources();
  const top = await target.library.browse(drive!.token);
  if (!top.ok) throw new Error(top.message);
  const entry = top.value.entries.find((candidate) => candidate.name === name);
  const imported = await target.library.importFile(entry!.token);
  if (!imported.ok) throw new Error(imported.message);
  return imported.value.file;
}

function withPictureSlides(files: readonly string[]): Settings {
  return {
    ...DEFAULT_SETTINGS,
    idleTimeoutSeconds: 75,
    customSlides: files.map((file, index) => ({
      id: `custom-picture-${index + 1}`,
      kind: 'image' as const,
      title: { en: `Picture ${index + 1}` },
      description: { en: 'A picture of the clinic' },
      file,
      sourceName: `slide-${index + 1}.png`,
      durationSeconds: 10,
    })),
  };
}

function expectOk<T>(result: BundleResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.problem}: ${result.message}`);
  return result.value;
}

/** Kiosk A: two pictures imported from its drive by name, used by two slides. */
async function kioskA() {
  const a = kiosk();
  const poster = await importPicture(a, 'Waiting room poster.png', tinyPng(10));
  const team = await importPicture(a, 'Équipe — été 2026.png', tinyPng(20));
  a.store.save(withPictureSlides([poster, team]));
  return { a, poster, team };
}

async function exportFrom(source: Kiosk): Promise<string> {
  const folder = makeTempDir('usb-');
  return path.join(folder, expectOk(await source.bundles.exportTo(folder)).fileName);
}

const libraryNames = async (target: Kiosk) =>
  Object.fromEntries(
    (await target.library.list(new Map())).map((entry: MediaLibraryEntry) => [
      entry.file,
      entry.sourceName ?? null,
    ]),
  );

interface Entry {
  name: string;
  data: Buffer;
}

async function readZip(file: string): Promise<Entry[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const entries: Entry[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return entries;
}

type Manifest = Record<string, unknown> & { formatVersion: number; names?: unknown };

/** The bundle at `file` with its manifest changed by `edit`, written beside it. */
async function withManifest(file: string, edit: (manifest: Manifest) => Manifest) {
  const zip = new yazl.ZipFile();
  for (const entry of await readZip(file)) {
    const data =
      entry.name === 'manifest.json'
        ? Buffer.from(JSON.stringify(edit(JSON.parse(entry.data.toString()) as Manifest)))
        : entry.data;
    zip.addBuffer(data, entry.name, {
      mtime: FIXED_NOW,
      compress: !entry.name.startsWith('media/'),
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const edited = path.join(makeTempDir('usb-'), 'edited.zip');
  fs.writeFileSync(edited, Buffer.concat(chunks));
  return edited;
}

const manifestOf = async (file: string) =>
  JSON.parse(
    (await readZip(file)).find((entry) => entry.name === 'manifest.json')!.data.toString(),
  ) as Manifest;

describe('a setup file carries the names of its media', () => {
  it('kiosk B lists the two pictures exported from kiosk A by their names, and keeps its own', async () => {
    const { a, poster, team } = await kioskA();
    const b = kiosk();
    const own = await importPicture(b, 'Front desk.png', tinyPng(30));

    const bundle = await exportFrom(a);
    const manifest = await manifestOf(bundle);
    expect(manifest.formatVersion).toBe(2);
    expect(manifest.names).toEqual({
      [poster]: 'Waiting room poster.png',
      [team]: 'Équipe — été 2026.png',
    });

    const imported = expectOk(await b.bundles.importFrom(bundle));
    expect(imported.settings.customSlides.map((slide) => slide.id)).toEqual([
      'custom-picture-1',
      'custom-picture-2',
    ]);
    expect(await libraryNames(b)).toEqual({
      [poster]: 'Waiting room poster.png',
      [team]: 'Équipe — été 2026.png',
      [own]: 'Front desk.png',
    });
    expect(b.library.sourceNameOf(team)).toBe('Équipe — été 2026.png');
  });

  it('only names media in the bundle: a named picture no slide uses stays behind', async () => {
    const { a, poster, team } = await kioskA();
    const unused = await importPicture(a, 'Old flyer.png', tinyPng(40));
    const manifest = await manifestOf(await exportFrom(a));
    expect(Object.keys(manifest.names as object).sort()).toEqual([poster, team].sort());
    expect(manifest.names).not.toHaveProperty(unused);
  });

  it('loads a setup file made before names travelled (format 1), leaving the names file as it was', async () => {
    const { a, poster, team } = await kioskA();
    const b = kiosk();
    const own = await importPicture(b, 'Front desk.png', tinyPng(30));
    const before = fs.readFileSync(b.namesFile);
    const old = await withManifest(await exportFrom(a), ({ names: _names, ...rest }) => ({
      ...rest,
      formatVersion: 1,
    }));

    expectOk(await b.bundles.importFrom(old));
    expect(b.store.settings.customSlides).toHaveLength(2);
    expect(fs.readFileSync(b.namesFile)).toEqual(before);
    expect(await libraryNames(b)).toEqual({
      [poster]: null,
      [team]: null,
      [own]: 'Front desk.png',
    });
  });

  it.each([
    ['too long', 'x'.repeat(261)],
    ['empty', ''],
    ['a line break', 'Team\nphoto.png'],
    ['a NUL', 'Team\u0000.png'],
    ['a bidi override', 'Team\u202egnp.exe'],
    ['not text', 42],
    ['a list', ['Team.png']],
  ])('drops a name that is %s, loading the setup and the other names', async (_label, bad) => {
    const { a, poster, team } = await kioskA();
    const b = kiosk();
    const bundle = await withManifest(await exportFrom(a), (manifest) => ({
      ...manifest,
      names: { [poster]: 'Waiting room poster.png', [team]: bad },
    }));

    expectOk(await b.bundles.importFrom(bundle));
    expect(b.store.settings.customSlides).toHaveLength(2);
    expect(await libraryNames(b)).toEqual({ [poster]: 'Waiting room poster.png', [team]: null });
  });

  it('keeps a name of exactly 260 characters', async () => {
    const { a, poster, team } = await kioskA();
    const b = kiosk();
    const long = `${'n'.repeat(256)}.png`;
    const bundle = await withManifest(await exportFrom(a), (manifest) => ({
      ...manifest,
      names: { [poster]: long },
    }));
    expectOk(await b.bundles.importFrom(bundle));
    expect(await libraryNames(b)).toEqual({ [poster]: long, [team]: null });
  });

  it('drops names of files not in the bundle, so a setup file cannot rename what B has', async () => {
    const { a, poster, team } = await kioskA();
    const b = kiosk();
    const own = await importPicture(b, 'Front desk.png', tinyPng(30));
    const elsewhere = `${'f'.repeat(64)}.png`;
    const bundle = await withManifest(await exportFrom(a), (manifest) => ({
      ...manifest,
      names: {
        // An own "__proto__" key, as JSON.parse makes it.
        ...(JSON.parse('{"__proto__": "Prototype.png"}') as object),
        [poster]: 'Waiting room poster.png',
        [own]: 'Renamed by the setup file.png',
        [elsewhere]: 'Not in the bundle.png',
        '../settings.json': 'Escape.png',
      },
    }));

    expectOk(await b.bundles.importFrom(bundle));
    expect(await libraryNames(b)).toEqual({
      [poster]: 'Waiting room poster.png',
      [team]: null,
      [own]: 'Front desk.png',
    });
    expect(Object.keys(JSON.parse(fs.readFileSync(b.namesFile, 'utf8')) as object).sort()).toEqual(
      [poster, own].sort(),
    );
  });

  it.each([
    ['a number', 42],
    ['a list', ['Waiting room poster.png']],
    ['null', null],
  ])('loads a setup file whose names are %s, naming nothing', async (_label, names) => {
    const { a, poster, team } = await kioskA();
    const b = kiosk();
    const bundle = await withManifest(await exportFrom(a), (manifest) => ({ ...manifest, names }));
    expectOk(await b.bundles.importFrom(bundle));
    expect(await libraryNames(b)).toEqual({ [poster]: null, [team]: null });
  });
});

describe('names change only with a load that succeeded', () => {
  it('a refused load leaves B’s names file byte for byte; the same setup, once it loads, brings its names', async () => {
    const { a, poster, team } = await kioskA();
    const faults = faultyFileSystem();
    const b = kiosk(faults);
    const own = await importPicture(b, 'Front desk.png', tinyPng(30));
    const namesBefore = fs.readFileSync(b.namesFile);
    const bundle = await exportFrom(a);

    // Refused early: a picture whose bytes no longer match the manifest.
    const damaged = await withManifest(bundle, (manifest) => ({
      ...manifest,
      files: (manifest.files as { name: string; sha256: string }[]).map((file) =>
        file.name === `media/${team}` ? { ...file, sha256: '0'.repeat(64) } : file,
      ),
    }));
    expect(await b.bundles.importFrom(damaged)).toMatchObject({ ok: false, problem: 'damaged' });
    expect(fs.readFileSync(b.namesFile)).toEqual(namesBefore);

    // Refused last: everything checked, then saving the settings fails.
    faults.rules.push({
      calls: ['write'],
      path: (file) => path.basename(file).startsWith(`${SETTINGS_FILE_NAME}.tmp-`),
      code: 'EIO',
    });
    expect(await b.bundles.importFrom(bundle)).toMatchObject({
      ok: false,
      problem: 'write-failed',
    });
    expect(faults.injected).not.toEqual([]);
    expect(fs.readFileSync(b.namesFile)).toEqual(namesBefore);
    expect(b.store.settings.customSlides).toEqual([]);

    faults.rules.length = 0;
    expectOk(await b.bundles.importFrom(bundle));
    expect(await libraryNames(b)).toEqual({
      [poster]: 'Waiting room poster.png',
      [team]: 'Équipe — été 2026.png',
      [own]: 'Front desk.png',
    });
  });

  it('a names file that cannot be written fails nothing: the setup is loaded', async () => {
    const { a } = await kioskA();
    const faults = faultyFileSystem();
    const b = kiosk(faults);
    const bundle = await exportFrom(a);
    faults.rules.push({
      calls: ['write'],
      path: (file) => path.basename(file).startsWith('media-names.json.tmp-'),
      code: 'EIO',
    });

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const imported = expectOk(await b.bundles.importFrom(bundle));
    expect(faults.injected).toEqual([expect.stringMatching(/^EIO on write .*media-names\.json/)]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/could not note the names.*EIO/));
    warn.mockRestore();
    expect(imported.settings.idleTimeoutSeconds).toBe(75);
    expect(b.store.settings.customSlides).toHaveLength(2);
    expect(fs.existsSync(b.namesFile)).toBe(false);
  });
});
