/**
 * The setup a load replaced, kept as `setup-backup.json` in the data folder so "Bring back the
 * backup" can restore it (and a restore can itself be undone the same way). A new backup is
 * written in full as `setup-backup.pending.json` before the settings are saved, and only then
 * renamed over the old one: a failed save leaves both as they were, and a crash in between is
 * settled at the next start.
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { SettingsSchema, type Settings } from '../../../contract';
import { mediaFilesOf } from '../../../domain';
import {
  fsyncDirectory,
  removeLeftoverTemporaryFiles,
  withoutByteOrderMark,
  writeFileDurably,
  type FileSystem,
} from '../durableFile';
import { checkDocument, type SettingsStore } from '../settingsStore';
import { makeDocument, serializeDocument } from '../storeOptions';
import {
  BACKUP_FILE_NAME,
  BackupFileSchema,
  describeIssues,
  errorMessage,
  fail,
  failWrite,
  PENDING_BACKUP_FILE_NAME,
  type BackupFile,
} from './bundleFormat';

export interface BackupInfo {
  savedAt: string;
  reason: 'import' | 'restore';
  /** The bundle's file name for an import; null for a restore. */
  sourceName: string | null;
}

export type BackupRead =
  { kind: 'ok'; backup: BackupFile } | { kind: 'missing' } | { kind: 'bad'; detail: string };

export interface SetupBackup {
  read(): BackupRead;
  /**
   * Keeps the current setup as the backup and saves `next`, all or nothing, without a write
   * after a failure (on a full disk that write would fail too):
   * 1. the new backup is written in full as `setup-backup.pending.json`; the backup stays;
   * 2. the settings are saved (the store writes both files or neither);
   * 3. only then is the pending backup renamed over the backup.
   * A failure in 1 or 2 removes the pending file and leaves the settings and the backup as
   * they were (and throws a BundleError). A crash between 2 and 3 is settled at the next start.
   */
  saveWithBackup(next: Settings, reason: BackupInfo['reason'], sourceName: string | null): Settings;
  info(): BackupInfo | null;
  /** Media files the backup's settings use (so "delete unused media" keeps them). */
  mediaFiles(): string[];
}

export interface SetupBackupOptions {
  /** The data folder (userData). */
  directory: string;
  store: SettingsStore;
  now(): Date;
  disk: FileSystem;
}

/** What an imported setup leaves as this kiosk had it, beyond its screens (always kept). */
export interface KeptOnImport {
  /**
   * Waiting room or consultation room: kept when the setup comes from the clinic's fleet (one
   * setup for every screen); taken from the file when staff load one setup by hand.
   */
  mode?: boolean;
}

/** The imported or restored setup, with this kiosk's own screens (and what `keep` names) kept. */
export function withThisKiosksDisplays(
  next: Settings,
  current: Settings,
  keep: KeptOnImport = {},
): Settings {
  return {
    ...next,
    ...(keep.mode ? { mode: current.mode } : {}),
    audienceDisplayId: current.audienceDisplayId,
    presenterDisplayId: current.presenterDisplayId,
  };
}

/** Opens the backup: clears temporary files a write cut short, settles a pending backup. */
export function openSetupBackup(options: SetupBackupOptions): SetupBackup {
  const { directory, store, now, disk } = options;
  const backupPath = path.join(directory, BACKUP_FILE_NAME);
  const pendingPath = path.join(directory, PENDING_BACKUP_FILE_NAME);
  removeLeftoverTemporaryFiles(backupPath, disk);
  removeLeftoverTemporaryFiles(pendingPath, disk);

  function readBackup(file = backupPath): BackupRead {
    let text: string;
    try {
      text = withoutByteOrderMark(disk.readFileSync(file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'bad', detail: `could not be read: ${errorMessage(error)}` };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { kind: 'bad', detail: `is not valid JSON: ${errorMessage(error)}` };
    }
    const parsed = BackupFileSchema.safeParse(raw);
    if (!parsed.success) return { kind: 'bad', detail: describeIssues(parsed.error) };
    return { kind: 'ok', backup: parsed.data };
  }

  function removePending(): void {
    try {
      disk.rmSync(pendingPath, { force: true });
      fsyncDirectory(directory, disk);
    } catch (error) {
      // Settled at the next start (see `settlePendingBackup`).
      console.warn(`[setup] could not remove ${PENDING_BACKUP_FILE_NAME}: ${errorMessage(error)}`);
    }
  }

  function saveWithBackup(
    next: Settings,
    reason: BackupInfo['reason'],
    sourceName: string | null,
  ): Settings {
    const parsed = SettingsSchema.safeParse(next);
    if (!parsed.success) fail('invalid-settings', describeIssues(parsed.error));
    const backup: BackupFile = {
      savedAt: now().toISOString(),
      reason,
      sourceName,
      document: makeDocument(store.settings),
    };
    try {
      writeFileDurably(pendingPath, serializeDocument(backup), disk);
    } catch (error) {
      removePending();
      failWrite('could not keep the current setup as a backup', error);
    }
    try {
      store.save(parsed.data);
    } catch (error) {
      removePending();
      failWrite('could not save the settings', error);
    }
    try {
      disk.renameSync(pendingPath, backupPath);
      fsyncDirectory(directory, disk);
    } catch (error) {
      // The settings are saved; the next start puts the pending backup in place.
      console.warn(`[setup] the backup stays pending until the next start: ${errorMessage(error)}`);
    }
    return store.settings;
  }

  /**
   * A pending backup found at start: an import or restore was cut short. If the settings on
   * disk are still the ones it kept, the save never happened and it goes; otherwise the save
   * happened and it becomes the backup.
   */
  function settlePendingBackup(): void {
    const pending = readBackup(pendingPath);
    if (pending.kind === 'missing') return;
    const kept = pending.kind === 'ok' ? checkDocument(pending.backup.document) : null;
    try {
      if (kept?.kind === 'ok' && !isDeepStrictEqual(kept.document.settings, store.settings)) {
        disk.renameSync(pendingPath, backupPath);
        fsyncDirectory(directory, disk);
      } else {
        disk.rmSync(pendingPath, { force: true });
      }
    } catch (error) {
      console.warn(`[setup] could not settle ${PENDING_BACKUP_FILE_NAME}: ${errorMessage(error)}`);
    }
  }
  settlePendingBackup();

  return {
    read: () => readBackup(),
    saveWithBackup,
    info() {
      const read = readBackup();
      if (read.kind !== 'ok') return null;
      const { savedAt, reason, sourceName } = read.backup;
      return { savedAt, reason, sourceName };
    },
    mediaFiles() {
      const read = readBackup();
      if (read.kind !== 'ok') return [];
      const checked = checkDocument(read.backup.document);
      return checked.kind === 'ok' ? mediaFilesOf(checked.document.settings.customSlides) : [];
    },
  };
}
