/**
 * Disk faults on real file systems, met by the real main-process services through the real IPC
 * table (sender check, payload check, admin session), the way the kiosk page meets them:
 * - a full disk: a small tmpfs filled to a chosen free space (real ENOSPC);
 * - a disk remounted read-only (real EROFS), as ext4 does after disk errors;
 * - EIO, EACCES, ENOTDIR and ENAMETOOLONG, injected through the file-system seam (no disk here
 *   fails on cue).
 * Where `mount` is not allowed the first two are injected through the seam as well, and the
 * output says so. After each fault the test checks that nothing on disk changed that was not
 * meant to, that the refusal reached the caller with a reason and as the sentence staff read,
 * and that the kiosk still answers (another call, with a generous liveness timeout).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AdminStateSchema,
  DEFAULT_CLINIC,
  DEFAULT_SETTINGS,
  IpcChannel,
  type AdminError,
  type AdminResult,
  type AdminState,
  type AdminStatus,
  type CustomSlide,
  type EditableSettings,
  type ImportSource,
  type PickerFolder,
  type Settings,
  type WriteCause,
} from '../../../../contract';
import type { FileSystem } from '../../../../electron/main/durableFile';
import type { MainServices } from '../../../../electron/main/mainServices';
import { PENDING_BACKUP_FILE_NAME } from '../../../../electron/main/setupBundle/setupBundles';
import { UNRECORDED_TRY_INTERVAL_MS } from '../../../../electron/main/staffPin';
import { SETTINGS_FILE_NAME } from '../../../../electron/main/storeOptions';
import { describeAdminError } from '../../../../renderer/src/admin/adminErrors';
import { KIOSK_PAGE, startMainServices } from '../../../support/mainServices';
import { adminT } from './fixtures/adminWords';
import {
  faultyFileSystem,
  under,
  type FaultCall,
  type FaultCode,
} from './fixtures/faultyFileSystem';
import { withSmallDisk } from './fixtures/smallDisk';

const here = path.dirname(fileURLToPath(import.meta.url));
const PICTURE = fs.readFileSync(path.resolve(here, '../../../e2e/media/garden.png'));
const PIN = '4829';
const WRONG_PIN = '0000';
const FIXED_NOW = new Date('2026-11-27T10:00:00.123Z');
/** A liveness check, not a timing one: the call must come back at all on two busy cores. */
const LIVENESS_SECONDS = 60;
const KIB = 1024;

// Each test answers in well under a second here; the limit is for two busy cores.
vi.setConfig({ testTimeout: 120_000 });

const tempDirs: string[] = [];
function makeTempDir(prefix = 'kiosk-faults-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// One kiosk: every main-process service over a data folder, behind the real IPC table.

interface Places {
  /** The data folder (userData). */
  data: string;
  /** The import folder and a "USB drive" the picker offers. */
  importFolder: string;
  drive: string;
}

function places(data: string, drive = makeTempDir('kiosk-drive-')): Places {
  const importFolder = makeTempDir('kiosk-import-');
  return { data, importFolder, drive };
}

/** Services started by a test, stopped after it (timers), however it ended. */
const started: MainServices[] = [];
afterEach(() => {
  for (const services of started.splice(0)) services.stop();
});

/** One kiosk over `where`: main's own composition root, the real IPC table in front of it. */
async function startKiosk(where: Places, fileSystem?: FileSystem) {
  let clock = 0;
  const { services } = await startMainServices({
    directory: where.data,
    now: () => FIXED_NOW,
    monotonicNow: () => clock,
    drives: () => [{ label: 'USB drive STICK', kind: 'usb', path: where.drive }],
    launch: { importFolder: where.importFolder },
    ...(fileSystem ? { fileSystem } : {}),
  });
  started.push(services);
  const invoke = services.ipc.invoke as unknown as Record<
    string,
    (sender: typeof KIOSK_PAGE, payload: unknown) => unknown
  >;
  /** An admin call as the kiosk page makes it. */
  async function call<T = unknown>(channel: string, payload?: unknown): Promise<AdminResult<T>> {
    const handler = invoke[channel];
    if (!handler) throw new Error(`no handler for ${channel}`);
    return (await answers(Promise.resolve(handler(KIOSK_PAGE, payload)))) as AdminResult<T>;
  }
  return {
    where,
    store: services.store,
    mediaDirectory: services.mediaDirectory,
    call,
    advance(ms: number) {
      clock += ms;
    },
  };
}
type Kiosk = Awaited<ReturnType<typeof startKiosk>>;

/** Rejects when `call` has not answered within LIVENESS_SECONDS. */
function answers<T>(call: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the kiosk did not answer within ${LIVENESS_SECONDS} s`)),
      LIVENESS_SECONDS * 1000,
    );
  });
  return Promise.race([call, silence]).finally(() => clearTimeout(timer));
}

function valueOf<T>(result: AdminResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function errorOf(result: AdminResult<unknown>): AdminError {
  if (result.ok) throw new Error('expected a refusal, got success');
  return result.error;
}

/** What the admin screen shows for a refusal, in English. */
const staffSees = (error: AdminError) => describeAdminError(adminT('en'), error);

/** The kiosk still answers: the admin state comes back whole. */
async function stillAnswers(kiosk: Kiosk): Promise<AdminState> {
  return AdminStateSchema.parse(valueOf(await kiosk.call(IpcChannel.adminGetState)));
}

async function unlock(kiosk: Kiosk): Promise<void> {
  const status = (await kiosk.call(IpcChannel.adminStatus)) as unknown as AdminStatus;
  if (!status.hasPin) valueOf(await kiosk.call(IpcChannel.adminSetFirstPin, { pin: PIN }));
  valueOf(await kiosk.call(IpcChannel.adminUnlock, { pin: PIN }));
}

/** The token of `name` at the top of the picker source labelled `label`. */
async function pick(kiosk: Kiosk, label: string, name?: string): Promise<string> {
  const sources = valueOf(await kiosk.call<ImportSource[]>(IpcChannel.adminMediaSources));
  const source = sources.find((candidate) => candidate.label === label);
  if (!source) throw new Error(`no source ${label}`);
  if (name === undefined) return source.token;
  const folder = valueOf(
    await kiosk.call<PickerFolder>(IpcChannel.adminMediaBrowse, { token: source.token }),
  );
  const entry = folder.entries.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} not in ${label}`);
  return entry.token;
}

function editable(settings: Settings): EditableSettings {
  const { audienceDisplayId: _a, presenterDisplayId: _p, contentReviews: _r, ...rest } = settings;
  return rest;
}

async function saveSettings(kiosk: Kiosk, settings: Settings) {
  return kiosk.call<AdminState>(IpcChannel.adminSaveSettings, { settings: editable(settings) });
}

/**
 * Settings about `kib` KiB long once saved: long "about the clinic" lines of varied words (a
 * setup file packs them, and text that packs 50 to 1 would be refused as a zip bomb).
 */
function largeSettings(kib: number, tag = 'Large'): Settings {
  const perLine = Math.floor((kib * KIB) / 12);
  const text = (label: string) => {
    let words = label;
    for (let n = 0; words.length < perLine; n++) {
      words += ` ${createHash('sha256')
        .update(`${label}${n}`)
        .digest('hex')
        .slice(0, 5 + (n % 7))}`;
    }
    return words;
  };
  // The bulk is in clinic slides: the clinic's about text is held to 1,500 characters a language.
  return {
    ...DEFAULT_SETTINGS,
    idleTimeoutSeconds: 240,
    clinic: { ...DEFAULT_CLINIC, name: `${tag} Clinic` },
    customSlides: Array.from({ length: 6 }, (_, k) => ({
      id: `custom-large-${k}`,
      kind: 'text' as const,
      title: { en: `${tag} ${k}` },
      lines: [{ en: text(`en${k}`), es: text(`es${k}`) }],
      durationSeconds: null,
    })),
  };
}

const SMALL_CHANGE: Settings = {
  ...DEFAULT_SETTINGS,
  idleTimeoutSeconds: 75,
  clinic: { ...DEFAULT_CLINIC, name: 'Riverside Clinic' },
};

/** Imports the picture through the picker and saves a slide that shows it. */
async function withPictureSlide(kiosk: Kiosk): Promise<string> {
  fs.writeFileSync(path.join(kiosk.where.importFolder, 'garden.png'), PICTURE);
  const imported = valueOf(
    await kiosk.call<{ file: string }>(IpcChannel.adminMediaImport, {
      token: await pick(kiosk, 'Import folder', 'garden.png'),
    }),
  );
  const slide: CustomSlide = {
    id: 'custom-garden',
    kind: 'image',
    title: { en: 'Our garden' },
    description: { en: 'The garden behind the clinic' },
    file: imported.file,
    sourceName: 'garden.png',
    durationSeconds: 10,
  };
  valueOf(await saveSettings(kiosk, { ...kiosk.store.settings, customSlides: [slide] }));
  return imported.file;
}

/** Every file under `root` with a hash of its bytes (the small disk's filler left out). */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.filler')) continue;
      const full = path.join(folder, entry.name);
      const name = path.relative(root, full);
      if (entry.isDirectory()) {
        files[`${name}/`] = 'folder';
        walk(full);
      } else {
        files[name] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
      }
    }
  };
  walk(root);
  return files;
}

/** A setup file exported by another kiosk (with the picture, when asked) in `folder`. */
async function bundleFrom(
  settings: Settings,
  folder: string,
  options: { picture: boolean },
): Promise<string> {
  const other = await startKiosk(places(makeTempDir('kiosk-other-')));
  await unlock(other);
  if (options.picture) await withPictureSlide(other);
  valueOf(
    await saveSettings(other, {
      ...settings,
      customSlides: [...other.store.settings.customSlides, ...settings.customSlides],
    }),
  );
  const written = valueOf(
    await other.call<{ fileName: string }>(IpcChannel.adminSetupExport, {
      token: await pick(other, 'USB drive STICK'),
    }),
  );
  const name = `${settings.clinic.name.replace(/\W+/g, '-')}-${written.fileName}`;
  fs.copyFileSync(path.join(other.where.drive, written.fileName), path.join(folder, name));
  return name;
}

function expectWriteRefusal(
  error: AdminError,
  code: AdminError['code'],
  cause: WriteCause,
  problem?: string,
) {
  expect(error).toMatchObject({ code, cause, ...(problem ? { problem } : {}) });
}

// ---------------------------------------------------------------------------------------------

describe('a full disk (ENOSPC on a small tmpfs)', () => {
  it('refuses a 125 kB settings save with 40 kB free, leaving both files byte for byte', async () => {
    await withSmallDisk('settings save, disk full', 1024 * KIB, async (disk) => {
      const kiosk = await startKiosk(places(path.join(disk.directory, 'data')), disk.fileSystem);
      await unlock(kiosk);
      valueOf(await saveSettings(kiosk, SMALL_CHANGE));
      const before = snapshot(kiosk.where.data);
      disk.leaveFree(40 * KIB);

      const error = errorOf(await saveSettings(kiosk, largeSettings(125)));
      expectWriteRefusal(error, 'save-failed', 'disk-full');
      expect(staffSees(error)).toBe(
        'The kiosk could not save because the disk is full. Nothing was changed.',
      );
      expect(snapshot(kiosk.where.data)).toEqual(before);
      expect((await stillAnswers(kiosk)).settings).toEqual(SMALL_CHANGE);

      // A restart (the disk still full) finds the settings of before, untouched.
      const restarted = await startKiosk(kiosk.where, disk.fileSystem);
      expect(restarted.store.settings).toEqual(SMALL_CHANGE);
      expect(restarted.store.recovery).toBeNull();

      // With room again the same save goes through: the refusal was the disk's.
      disk.release();
      valueOf(await saveSettings(kiosk, largeSettings(125)));
    });
  });

  it('refuses a save when settings.json fits but its good copy does not (all or nothing)', async () => {
    await withSmallDisk('settings save, room for one file of two', 1024 * KIB, async (disk) => {
      const kiosk = await startKiosk(places(path.join(disk.directory, 'data')), disk.fileSystem);
      await unlock(kiosk);
      valueOf(await saveSettings(kiosk, SMALL_CHANGE));
      const before = snapshot(kiosk.where.data);
      disk.leaveFree(160 * KIB);

      const error = errorOf(await saveSettings(kiosk, largeSettings(125)));
      expectWriteRefusal(error, 'save-failed', 'disk-full');
      expect(snapshot(kiosk.where.data)).toEqual(before);
      expect((await startKiosk(kiosk.where, disk.fileSystem)).store.settings).toEqual(SMALL_CHANGE);
      await stillAnswers(kiosk);
    });
  });

  it('answers PIN tries it cannot record without checking them; a restart keeps the count', async () => {
    await withSmallDisk('PIN tries, disk full', 512 * KIB, async (disk) => {
      const kiosk = await startKiosk(places(path.join(disk.directory, 'data')), disk.fileSystem);
      valueOf(await kiosk.call(IpcChannel.adminSetFirstPin, { pin: PIN }));
      for (let n = 0; n < 2; n++) await kiosk.call(IpcChannel.adminUnlock, { pin: WRONG_PIN });
      const before = snapshot(kiosk.where.data);
      disk.leaveFree(0);

      for (const pin of [WRONG_PIN, '1111', PIN, '2222', '3333', '4444']) {
        const error = errorOf(await kiosk.call(IpcChannel.adminUnlock, { pin }));
        expectWriteRefusal(error, 'save-failed', 'disk-full', 'pin-try');
        expect(staffSees(error)).toBe(
          'The kiosk could not record this PIN try because the disk is full, so it did not check the PIN. Until its disk can be written it checks one try every 15 minutes: try again in 15:00.',
        );
      }
      expect(snapshot(kiosk.where.data)).toEqual(before);
      const status = (await kiosk.call(IpcChannel.adminStatus)) as unknown as AdminStatus;
      expect(status.triesLeft).toBe(3);
      // A restart (nightly, a crash, the plug) hands back no try.
      const restarted = await startKiosk(kiosk.where, disk.fileSystem);
      expect(
        ((await restarted.call(IpcChannel.adminStatus)) as unknown as AdminStatus).triesLeft,
      ).toBe(3);

      // Still full 15 min after the start: one try is checked (the right PIN lets staff in).
      restarted.advance(UNRECORDED_TRY_INTERVAL_MS);
      valueOf(await restarted.call(IpcChannel.adminUnlock, { pin: PIN }));
      await stillAnswers(restarted);

      disk.release();
      const again = await startKiosk(kiosk.where, disk.fileSystem);
      expect(errorOf(await again.call(IpcChannel.adminUnlock, { pin: WRONG_PIN }))).toMatchObject({
        code: 'wrong-pin',
        triesLeft: 2,
      });
      valueOf(await again.call(IpcChannel.adminUnlock, { pin: PIN }));
    });
  });

  it('refuses a media import with a reason, leaving no part file behind', async () => {
    await withSmallDisk('media import, disk full', 1024 * KIB, async (disk) => {
      const kiosk = await startKiosk(places(path.join(disk.directory, 'data')), disk.fileSystem);
      await unlock(kiosk);
      fs.writeFileSync(path.join(kiosk.where.importFolder, 'garden.png'), PICTURE);
      const token = await pick(kiosk, 'Import folder', 'garden.png');
      const before = snapshot(kiosk.where.data);
      disk.leaveFree(40 * KIB);

      const error = errorOf(await kiosk.call(IpcChannel.adminMediaImport, { token }));
      expectWriteRefusal(error, 'media-refused', 'disk-full', 'write-failed');
      expect(staffSees(error)).toBe(
        'That file was not taken: The kiosk could not store the file because the disk is full.',
      );
      expect(snapshot(kiosk.where.data)).toEqual(before);
      expect((await stillAnswers(kiosk)).settings.customSlides).toEqual([]);

      disk.release();
      valueOf(await kiosk.call(IpcChannel.adminMediaImport, { token }));
    });
  });

  it('refuses an export to a full drive, leaving the drive as it was', async () => {
    await withSmallDisk('export, drive full', 1024 * KIB, async (disk) => {
      const kiosk = await startKiosk(places(makeTempDir(), disk.directory), disk.fileSystem);
      await unlock(kiosk);
      await withPictureSlide(kiosk);
      fs.writeFileSync(path.join(disk.directory, 'notes.txt'), 'kept');
      const token = await pick(kiosk, 'USB drive STICK');
      const drive = snapshot(disk.directory);
      const data = snapshot(kiosk.where.data);
      disk.leaveFree(40 * KIB);

      const error = errorOf(await kiosk.call(IpcChannel.adminSetupExport, { token }));
      expectWriteRefusal(error, 'setup-refused', 'disk-full', 'write-failed');
      expect(staffSees(error)).toBe(
        'Nothing was changed: The setup could not be written because the disk is full.',
      );
      expect(snapshot(disk.directory)).toEqual(drive);
      expect(snapshot(kiosk.where.data)).toEqual(data);
      await stillAnswers(kiosk);

      disk.release();
      valueOf(await kiosk.call(IpcChannel.adminSetupExport, { token }));
    });
  });

  it('refuses a setup import onto a full kiosk: the old setup stays, the backup restorable', async () => {
    await withSmallDisk('setup import, disk full', 2048 * KIB, async (disk) => {
      const kiosk = await startKiosk(places(path.join(disk.directory, 'data')), disk.fileSystem);
      await unlock(kiosk);
      const original = kiosk.store.settings;
      const first = await bundleFrom(SMALL_CHANGE, kiosk.where.importFolder, { picture: false });
      valueOf(
        await kiosk.call(IpcChannel.adminSetupImport, {
          token: await pick(kiosk, 'Import folder', first),
        }),
      );
      const second = await bundleFrom(largeSettings(125, 'Second'), kiosk.where.importFolder, {
        picture: false,
      });
      const token = await pick(kiosk, 'Import folder', second);
      const before = snapshot(kiosk.where.data);
      // Room for the backup and settings.json, not for the good copy as well.
      disk.leaveFree(150 * KIB);

      const error = errorOf(await kiosk.call(IpcChannel.adminSetupImport, { token }));
      expectWriteRefusal(error, 'setup-refused', 'disk-full', 'write-failed');
      expect(snapshot(kiosk.where.data)).toEqual(before);
      expect((await stillAnswers(kiosk)).settings.clinic.name).toBe('Riverside Clinic');

      const restarted = await startKiosk(kiosk.where, disk.fileSystem);
      expect(restarted.store.settings.clinic.name).toBe('Riverside Clinic');
      disk.release();
      await unlock(restarted);
      const restored = AdminStateSchema.parse(
        valueOf(await restarted.call(IpcChannel.adminSetupRestore)),
      );
      expect(restored.settings).toEqual(original);
    });
  });
});

describe('a disk remounted read-only (EROFS)', () => {
  it('refuses a settings save with a reason, changing nothing', async () => {
    await withSmallDisk('settings save, read-only', 512 * KIB, async (disk) => {
      const kiosk = await startKiosk(places(path.join(disk.directory, 'data')), disk.fileSystem);
      await unlock(kiosk);
      valueOf(await saveSettings(kiosk, SMALL_CHANGE));
      const before = snapshot(kiosk.where.data);
      disk.makeReadOnly();

      const error = errorOf(
        await saveSettings(kiosk, { ...SMALL_CHANGE, idleTimeoutSeconds: 200 }),
      );
      expectWriteRefusal(error, 'save-failed', 'read-only');
      expect(staffSees(error)).toBe(
        'The kiosk could not save because the disk is read-only (it may have been locked after disk errors). Nothing was changed.',
      );
      expect(snapshot(kiosk.where.data)).toEqual(before);
      await stillAnswers(kiosk);
      // PIN tries are answered too, unchecked.
      const pin = errorOf(await kiosk.call(IpcChannel.adminUnlock, { pin: PIN }));
      expectWriteRefusal(pin, 'save-failed', 'read-only', 'pin-try');
    });
  });

  it('starts on the good copy when settings.json is damaged, and Kiosk status says why', async () => {
    await withSmallDisk('damaged settings, read-only', 512 * KIB, async (disk) => {
      const where = places(path.join(disk.directory, 'data'));
      const kiosk = await startKiosk(where, disk.fileSystem);
      await unlock(kiosk);
      valueOf(await saveSettings(kiosk, SMALL_CHANGE));
      fs.writeFileSync(path.join(where.data, SETTINGS_FILE_NAME), '{"version": 3, "setti');
      const before = snapshot(where.data);
      disk.makeReadOnly();

      // The start that used to stop here (moving the damaged file aside failed).
      const restarted = await startKiosk(where, disk.fileSystem);
      expect(restarted.store.settings).toEqual(SMALL_CHANGE);
      // PIN tries can't be recorded on a read-only disk: one is checked 15 min after the start.
      expectWriteRefusal(
        errorOf(await restarted.call(IpcChannel.adminUnlock, { pin: PIN })),
        'save-failed',
        'read-only',
        'pin-try',
      );
      restarted.advance(UNRECORDED_TRY_INTERVAL_MS);
      valueOf(await restarted.call(IpcChannel.adminUnlock, { pin: PIN }));
      // Kiosk status says what happened and why the files stay as they are.
      const state = await stillAnswers(restarted);
      expect(state.settings).toEqual(SMALL_CHANGE);
      expect(state.settingsNotice).toMatchObject({
        restoredFrom: 'good-copy',
        keptAs: null,
        notWritten: { cause: 'read-only', detail: expect.stringMatching(/EROFS/) },
      });
      const t = adminT('en');
      expect(
        t('status.notWritten', {
          cause: t(`writeCause.${state.settingsNotice?.notWritten?.cause}`),
        }),
      ).toBe(
        'The kiosk could not write to its data folder because the disk is read-only (it may have been locked after disk errors), so it runs on these settings without changing its files. Saving will not work until IT repairs the disk.',
      );
      expect(snapshot(where.data)).toEqual(before);
      expectWriteRefusal(
        errorOf(await saveSettings(restarted, { ...SMALL_CHANGE, idleTimeoutSeconds: 200 })),
        'save-failed',
        'read-only',
      );

      // Writable again (same process): the first save keeps the damaged file aside, then saves.
      disk.makeWritable();
      valueOf(await saveSettings(restarted, { ...SMALL_CHANGE, idleTimeoutSeconds: 200 }));
      expect(
        fs.readdirSync(where.data).filter((name) => name.startsWith('settings.corrupt-')),
      ).toHaveLength(1);
    });
  });

  it('refuses an export to a read-only drive, leaving it as it was', async () => {
    await withSmallDisk('export, read-only drive', 512 * KIB, async (disk) => {
      const kiosk = await startKiosk(places(makeTempDir(), disk.directory), disk.fileSystem);
      await unlock(kiosk);
      const token = await pick(kiosk, 'USB drive STICK');
      const drive = snapshot(disk.directory);
      disk.makeReadOnly();

      const error = errorOf(await kiosk.call(IpcChannel.adminSetupExport, { token }));
      expectWriteRefusal(error, 'setup-refused', 'read-only', 'write-failed');
      expect(snapshot(disk.directory)).toEqual(drive);
      await stillAnswers(kiosk);
    });
  });

  it('refuses a setup import and a media import on a read-only kiosk, changing nothing', async () => {
    await withSmallDisk('imports, read-only', 1024 * KIB, async (disk) => {
      const kiosk = await startKiosk(places(path.join(disk.directory, 'data')), disk.fileSystem);
      await unlock(kiosk);
      // Without media: a bundle with media would be refused before any write, for want of the
      // 64 MB the import keeps free.
      const bundle = await bundleFrom(SMALL_CHANGE, kiosk.where.importFolder, { picture: false });
      fs.writeFileSync(path.join(kiosk.where.importFolder, 'garden.png'), PICTURE);
      const bundleToken = await pick(kiosk, 'Import folder', bundle);
      const pictureToken = await pick(kiosk, 'Import folder', 'garden.png');
      const before = snapshot(kiosk.where.data);
      disk.makeReadOnly();

      const setup = errorOf(await kiosk.call(IpcChannel.adminSetupImport, { token: bundleToken }));
      expectWriteRefusal(setup, 'setup-refused', 'read-only', 'write-failed');
      const media = errorOf(await kiosk.call(IpcChannel.adminMediaImport, { token: pictureToken }));
      expectWriteRefusal(media, 'media-refused', 'read-only', 'write-failed');
      expect(snapshot(kiosk.where.data)).toEqual(before);
      await stillAnswers(kiosk);

      disk.makeWritable();
      valueOf(await kiosk.call(IpcChannel.adminSetupImport, { token: bundleToken }));
    });
  });
});

describe.each([
  ['EIO', 'disk-error'],
  ['EACCES', 'no-permission'],
  ['ENOTDIR', 'path-problem'],
  ['ENAMETOOLONG', 'path-problem'],
] as const)('%s, injected through the file-system seam', (code: FaultCode, cause) => {
  it('export: looking for a free name fails the export at once, leaving the drive as it was', async () => {
    const where = places(makeTempDir());
    const faults = faultyFileSystem([{ calls: ['lstat'], path: under(where.drive), code }]);
    const kiosk = await startKiosk(where, faults.fileSystem);
    await unlock(kiosk);
    await withPictureSlide(kiosk);
    fs.writeFileSync(path.join(where.drive, 'notes.txt'), 'kept');
    const drive = snapshot(where.drive);

    const error = errorOf(
      await kiosk.call(IpcChannel.adminSetupExport, {
        token: await pick(kiosk, 'USB drive STICK'),
      }),
    );
    console.log(`[faults] export: ${faults.injected.join('; ')} (injected)`);
    expectWriteRefusal(error, 'setup-refused', cause, 'write-failed');
    expect(error.message).toMatch(new RegExp(`could not look for clinic-kiosk-setup-.*${code}`));
    expect(staffSees(error)).toMatch(
      /^Nothing was changed: The setup could not be written because/,
    );
    expect(snapshot(where.drive)).toEqual(drive);
    await stillAnswers(kiosk);
  });

  it('export: the drive failing while the file is written leaves no file', async () => {
    const where = places(makeTempDir());
    const faults = faultyFileSystem([{ calls: ['write'], path: under(where.drive), code }]);
    const kiosk = await startKiosk(where, faults.fileSystem);
    await unlock(kiosk);
    await withPictureSlide(kiosk);
    const drive = snapshot(where.drive);

    const error = errorOf(
      await kiosk.call(IpcChannel.adminSetupExport, {
        token: await pick(kiosk, 'USB drive STICK'),
      }),
    );
    console.log(`[faults] export: ${faults.injected.join('; ')} (injected)`);
    expectWriteRefusal(error, 'setup-refused', cause, 'write-failed');
    expect(snapshot(where.drive)).toEqual(drive);
    await stillAnswers(kiosk);
  });

  it.each([
    ['creating the copy', 'create', 'copy'],
    ['writing the copy', 'write', 'copy'],
    ['syncing the copy', 'fsync', 'copy'],
    ['reading the copy back for its check', 'read', 'copy'],
    ['renaming the copy into place', 'rename', 'copy'],
    ['syncing the media folder after the rename', 'fsync', 'folder'],
  ] as const)(
    'media import: %s fails; nothing changes, staff are told why, and the same import works after',
    async (_step, call: FaultCall, where: 'copy' | 'folder') => {
      const faults = faultyFileSystem();
      const kiosk = await startKiosk(places(makeTempDir()), faults.fileSystem);
      await unlock(kiosk);
      fs.writeFileSync(path.join(kiosk.where.importFolder, 'garden.png'), PICTURE);
      const token = await pick(kiosk, 'Import folder', 'garden.png');
      const before = snapshot(kiosk.where.data);
      const media = kiosk.mediaDirectory;
      faults.rules.push({
        calls: [call],
        path: (file) =>
          where === 'folder'
            ? file === media
            : path.dirname(file) === media && path.basename(file).startsWith('.import-'),
        code,
      });

      const error = errorOf(await kiosk.call(IpcChannel.adminMediaImport, { token }));
      console.log(`[faults] media import: ${faults.injected.join('; ')} (injected)`);
      expect(faults.injected).not.toEqual([]);
      expectWriteRefusal(error, 'media-refused', cause, 'write-failed');
      expect(error.message).toContain(code);
      expect(staffSees(error)).toMatch(
        /^That file was not taken: The kiosk could not store the file because/,
      );
      expect(snapshot(kiosk.where.data)).toEqual(before);
      expect((await stillAnswers(kiosk)).settings.customSlides).toEqual([]);

      // The refusal was the disk's: with the fault gone the same file is taken.
      faults.rules.length = 0;
      valueOf(await kiosk.call(IpcChannel.adminMediaImport, { token }));
    },
  );

  it('media import: the drive failing while the file is read; nothing changes, staff are told', async () => {
    const where = places(makeTempDir());
    const faults = faultyFileSystem();
    const kiosk = await startKiosk(where, faults.fileSystem);
    await unlock(kiosk);
    fs.writeFileSync(path.join(where.importFolder, 'garden.png'), PICTURE);
    const token = await pick(kiosk, 'Import folder', 'garden.png');
    const before = snapshot(where.data);
    faults.rules.push({ calls: ['read'], path: under(where.importFolder), code });

    const error = errorOf(await kiosk.call(IpcChannel.adminMediaImport, { token }));
    console.log(`[faults] media import: ${faults.injected.join('; ')} (injected)`);
    expect(error).toMatchObject({ code: 'media-refused', problem: 'read-failed' });
    expect(error.message).toContain(code);
    expect(staffSees(error)).toBe(
      'That file was not taken: The drive could not be read. Try the drive again or use another one.',
    );
    expect(snapshot(where.data)).toEqual(before);
    await stillAnswers(kiosk);
  });

  it.each([
    ['unpacking the media', 'create', '.import-staging-'],
    ['keeping the backup', 'write', `${PENDING_BACKUP_FILE_NAME}.tmp-`],
    ['writing settings.json', 'write', `${SETTINGS_FILE_NAME}.tmp-`],
    ['writing the good copy', 'fsync', 'settings.good.json.tmp-'],
    ['renaming settings.json into place', 'rename', `${SETTINGS_FILE_NAME}.tmp-`],
  ] as const)(
    'import: %s fails; nothing changes, a restart finds the old setup and the backup restorable',
    async (_step, call: FaultCall, prefix) => {
      const where = places(makeTempDir());
      const faults = faultyFileSystem();
      const kiosk = await startKiosk(where, faults.fileSystem);
      await unlock(kiosk);
      const original = kiosk.store.settings;
      const first = await bundleFrom(SMALL_CHANGE, where.importFolder, { picture: false });
      valueOf(
        await kiosk.call(IpcChannel.adminSetupImport, {
          token: await pick(kiosk, 'Import folder', first),
        }),
      );
      const second = await bundleFrom(
        { ...SMALL_CHANGE, clinic: { ...DEFAULT_CLINIC, name: 'Second Clinic' } },
        where.importFolder,
        { picture: true },
      );
      const token = await pick(kiosk, 'Import folder', second);
      const before = snapshot(where.data);
      faults.rules.push({
        calls: [call],
        path: (file) => path.basename(file).startsWith(prefix),
        code,
      });

      const error = errorOf(await kiosk.call(IpcChannel.adminSetupImport, { token }));
      console.log(`[faults] import: ${faults.injected.join('; ')} (injected)`);
      expect(faults.injected).not.toEqual([]);
      expectWriteRefusal(error, 'setup-refused', cause, 'write-failed');
      expect(error.message).toContain(code);
      expect(staffSees(error)).toMatch(
        /^Nothing was changed: The setup could not be written because/,
      );
      expect(snapshot(where.data)).toEqual(before);
      expect((await stillAnswers(kiosk)).settings.clinic.name).toBe('Riverside Clinic');

      const restarted = await startKiosk(where);
      await unlock(restarted);
      expect(restarted.store.settings.clinic.name).toBe('Riverside Clinic');
      const restored = AdminStateSchema.parse(
        valueOf(await restarted.call(IpcChannel.adminSetupRestore)),
      );
      expect(restored.settings).toEqual(original);
    },
  );
});
