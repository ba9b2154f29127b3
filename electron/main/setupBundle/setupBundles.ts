/**
 * Setup bundles: the kiosk's whole setup (settings with playlists, schedule and clinic slides,
 * plus the media files those slides use) in one zip file, so staff can copy a finished setup
 * from one kiosk to another with a USB drive. The format is in bundleFormat.ts, reading a zip
 * safely in zipReading.ts, saving in bundleExport.ts, loading in bundleImport.ts and the backup
 * a load keeps in setupBackup.ts; this module runs them one at a time.
 *
 * Must not import `electron` (plain-Node tests); main passes the folders and the store.
 */
import path from 'node:path';
import { type Settings } from '../../../contract';
import { mediaFilesOf } from '../../../domain';
import { realFileSystem, type FileSystem } from '../durableFile';
import { checkDocument, type SettingsStore } from '../settingsStore';
import { exportBundle } from './bundleExport';
import {
  BACKUP_FILE_NAME,
  DEFAULT_BUNDLE_LIMITS,
  errorMessage,
  fail,
  STAGING_PREFIX,
  toFailure,
  type BundleLimits,
  type BundleResult,
} from './bundleFormat';
import { importBundle } from './bundleImport';
import {
  openSetupBackup,
  withThisKiosksDisplays,
  type BackupInfo,
  type KeptOnImport,
} from './setupBackup';

export {
  BACKUP_FILE_NAME,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  DEFAULT_BUNDLE_LIMITS,
  PENDING_BACKUP_FILE_NAME,
  STAGING_PREFIX,
  type BundleLimits,
  type BundleProblem,
  type BundleResult,
} from './bundleFormat';
export type { BackupInfo } from './setupBackup';

export interface SetupBundleOptions {
  /** The data folder (userData); the backup lives here as `setup-backup.json`. */
  directory: string;
  /** `<directory>/media`, with files named `<sha256>.<ext>`. */
  mediaDirectory: string;
  /** The live settings store. */
  store: SettingsStore;
  appVersion: string;
  now(): Date;
  /**
   * Content check for a media file (the media library's checkNamedMediaFile), injected;
   * returns null when fine or a plain reason. Default: no extra check.
   */
  checkMedia?(path: string, file: string): Promise<string | null>;
  limits?: Partial<BundleLimits>;
  /** node:fs unless a test passes a stand-in that fails on cue. */
  fileSystem?: FileSystem;
}

export interface SetupBundles {
  /**
   * Writes `clinic-kiosk-setup-YYYY-MM-DD-HHmm.zip` (local time via now()) into `folder` via
   * a `.part` file, fsync, rename, fsync dir. Returns the file name and size.
   */
  exportTo(folder: string): Promise<BundleResult<{ fileName: string; bytes: number }>>;
  /**
   * Checks everything, then copies media, keeps the current setup as backup, saves the imported
   * settings. `fields`: the settings it replaced, by their top-level names.
   */
  importFrom(
    bundlePath: string,
    keep?: KeptOnImport,
  ): Promise<BundleResult<{ settings: Settings; fields: string[] }>>;
  /**
   * The checks of `importFrom`, changing nothing on the kiosk: what it would load, or why it
   * would refuse (the fleet checks a setup when it arrives, long before it switches to it).
   */
  checkFile(
    bundlePath: string,
    keep?: KeptOnImport,
  ): Promise<BundleResult<{ settings: Settings; fields: string[] }>>;
  /** Swaps the current setup and the backup (so a restore can itself be undone). */
  restoreBackup(): Promise<BundleResult<{ settings: Settings }>>;
  backupInfo(): BackupInfo | null;
  /** Media files the backup's settings use (so "delete unused media" keeps them). */
  backupMediaFiles(): string[];
}

export function createSetupBundles(options: SetupBundleOptions): SetupBundles {
  const { directory, mediaDirectory, store } = options;
  const disk = options.fileSystem ?? realFileSystem;
  const limits: BundleLimits = {
    ...DEFAULT_BUNDLE_LIMITS,
    ...options.limits,
    maxEntryBytes: { ...DEFAULT_BUNDLE_LIMITS.maxEntryBytes, ...options.limits?.maxEntryBytes },
  };

  // Staging folders and temporary files left by an import that was cut short (crash, power
  // cut). On a read-only or failing disk they stay: never used, and no reason not to start.
  try {
    disk.mkdirSync(directory, { recursive: true });
    for (const name of disk.readdirSync(directory)) {
      if (name.startsWith(STAGING_PREFIX)) {
        disk.rmSync(path.join(directory, name), { recursive: true, force: true });
      }
    }
  } catch (error) {
    console.warn(`[setup] could not clear old import folders: ${errorMessage(error)}`);
  }
  const backup = openSetupBackup({ directory, store, now: options.now, disk });

  /** One export, import or restore at a time. */
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function restoreBackup(): Promise<BundleResult<{ settings: Settings }>> {
    const read = backup.read();
    if (read.kind === 'missing') fail('no-backup', 'there is no earlier setup to go back to');
    if (read.kind === 'bad') fail('damaged', `${BACKUP_FILE_NAME} is damaged: ${read.detail}`);
    const checked = checkDocument(read.backup.document);
    if (checked.kind === 'bad' && checked.problem === 'newer-version') {
      fail('newer-version', `the earlier setup was ${checked.detail}`);
    }
    if (checked.kind !== 'ok') {
      fail(
        'invalid-settings',
        `the earlier setup ${checked.kind === 'bad' ? checked.detail : 'is missing'}`,
      );
    }
    const next = withThisKiosksDisplays(checked.document.settings, store.settings);
    const absent = mediaFilesOf(next.customSlides).filter(
      (file) => !disk.existsSync(path.join(mediaDirectory, file)),
    );
    if (absent.length) {
      fail('missing-media', `media files of the earlier setup are gone: ${absent.join(', ')}`);
    }
    return { ok: true, value: { settings: backup.saveWithBackup(next, 'restore', null) } };
  }

  const exportContext = {
    store,
    mediaDirectory,
    appVersion: options.appVersion,
    now: options.now,
    limits,
    disk,
  };
  const importContext = {
    directory,
    mediaDirectory,
    store,
    backup,
    limits,
    disk,
    checkMedia: options.checkMedia,
  };

  return {
    exportTo: (folder) =>
      exclusive(() =>
        exportBundle(exportContext, folder).then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => toFailure(error, 'write-failed'),
        ),
      ),
    importFrom: (bundlePath, keep) =>
      exclusive(() => importBundle(importContext, bundlePath, keep)),
    checkFile: (bundlePath, keep) =>
      exclusive(() => importBundle(importContext, bundlePath, keep, true)),
    restoreBackup: () =>
      exclusive(() => restoreBackup().catch((error: unknown) => toFailure(error, 'write-failed'))),
    backupInfo: () => backup.info(),
    backupMediaFiles: () => backup.mediaFiles(),
  };
}
