/**
 * The kiosk's settings on disk: `settings.json` plus a last-known-good copy
 * (`settings.good.json`) in the data folder. This module is the whole store: no library
 * between it and the files (docs/SECURITY.md, "The settings store").
 *
 * Saving is all or nothing, and every write is checked (durableFile.ts):
 * 1. the new document is written in full to a temporary file for each of the two files, each
 *    checked (no short write, the size on disk right) and fsynced;
 * 2. `settings.json` is renamed into place and the folder fsynced: that is the moment the save
 *    happens (a restart loads it);
 * 3. only then is the good copy renamed into place, so it always holds settings that were live.
 * A failure in 1 or 2 (a full disk, a read-only or failing one) throws `SettingsWriteError`
 * and leaves both files byte for byte as they were. A failure in 3 keeps the save (it is on
 * disk) and leaves the previous good copy; the next start writes it again.
 *
 * Loading never trusts the file: it is read as bytes, decoded, parsed, migrated and
 * validated with zod. A bad file is moved aside (never deleted), the good copy is restored
 * (or defaults when there is none) and a `RecoveryNotice` says what happened. When the data
 * folder cannot be written (remounted read-only after disk errors, full), the store still
 * opens on the good copy: the damaged file stays in place, the notice says the folder could
 * not be written, and saves fail with that reason until it can.
 *
 * Must not import `electron` (plain-Node tests); main passes `app.getPath('userData')` as
 * `directory`.
 */
import path from 'node:path';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type WriteCause } from '../../contract';
import {
  commitTemporaryFile,
  fsyncDirectory,
  realFileSystem,
  removeLeftoverTemporaryFiles,
  removeQuietly,
  withoutByteOrderMark,
  writeCauseOf,
  writeFileDurably,
  writeTemporaryFile,
  type FileSystem,
} from './durableFile';
import type { SettingsIssue } from './settingsRefusal';
import {
  CURRENT_STORE_VERSION,
  GOOD_COPY_CONFIG_NAME,
  GOOD_COPY_FILE_NAME,
  MIGRATIONS,
  SETTINGS_CONFIG_NAME,
  SETTINGS_FILE_NAME,
  StoreDocumentSchema,
  makeDocument,
  serializeDocument,
  type StoreDocument,
} from './storeOptions';

/** What was wrong with a settings file. */
export type FileProblem =
  | 'missing'
  | 'unreadable'
  | 'empty'
  | 'not-text'
  | 'invalid-json'
  | 'schema-violation'
  | 'newer-version';

/** A write the store could not make, and why (for the notice on Kiosk status). */
export interface WriteProblem {
  cause: WriteCause;
  detail: string;
}

export interface RecoveryNotice {
  /** When the recovery happened (ISO 8601, from the injected clock). */
  at: string;
  /** The live settings file. */
  file: string;
  problem: FileProblem;
  /** Human-readable explanation for the admin screen. */
  detail: string;
  /** Where the bad file was kept (null when it was missing, or could not be moved). */
  keptAs: string | null;
  restoredFrom: 'good-copy' | 'defaults';
  /** Set when a good copy existed but was unusable too (it is kept aside as well, if it can be). */
  goodCopyProblem: { problem: FileProblem; detail: string; keptAs: string | null } | null;
  /**
   * Set when the data folder could not be written at this start: the bad file could not be
   * moved aside or the restored settings could not be written. The kiosk runs on the
   * restored settings anyway; the damaged file stays where it was.
   */
  notWritten: WriteProblem | null;
}

export interface SettingsStore {
  readonly settings: Settings;
  /** Null when the file loaded cleanly (or on a first run with no files at all). */
  readonly recovery: RecoveryNotice | null;
  /** The schema version the file was migrated from on load, or null. */
  readonly migratedFrom: number | null;
  /** Absolute path of `settings.json`. */
  readonly path: string;
  /**
   * Validates with zod and writes both files. Throws `InvalidSettingsError` (invalid) or
   * `SettingsWriteError` (the disk refused); either way nothing on disk or in memory changed.
   */
  save(next: Settings): void;
}

export interface OpenSettingsStoreOptions {
  /** The data folder (in the app: `app.getPath('userData')`). */
  directory: string;
  /** Clock, used to name files kept aside and to stamp notices. */
  now: () => Date;
  /** node:fs unless a test passes a stand-in that fails on cue. */
  fileSystem?: FileSystem;
  /** Problems that change nothing for staff (a good copy not refreshed); default console.warn. */
  warn?: (message: string) => void;
}

export class InvalidSettingsError extends Error {
  readonly issues: readonly string[];
  /** The problems as the schema found them: where, and which kind (for staff's words). */
  readonly found: readonly SettingsIssue[];
  constructor(issues: readonly string[], found: readonly SettingsIssue[] = []) {
    super(`Invalid settings, nothing was saved: ${issues.join('; ')}`);
    this.name = 'InvalidSettingsError';
    this.issues = issues;
    this.found = found;
  }
}

/** The disk refused the save; both files are as they were. */
export class SettingsWriteError extends Error {
  readonly writeCause: WriteCause;
  /** The system's error code (ENOSPC, EROFS, EIO …), when there was one. */
  readonly code: string | undefined;
  constructor(what: string, error: unknown) {
    super(`${what}: ${errorMessage(error)}`);
    this.name = 'SettingsWriteError';
    this.writeCause = writeCauseOf(error);
    this.code = (error as NodeJS.ErrnoException | null)?.code;
  }
}

type CheckResult =
  | { kind: 'ok'; document: StoreDocument; migratedFrom: number | null; text: string }
  | { kind: 'missing' }
  | { kind: 'bad'; problem: FileProblem; detail: string };

function describeIssues(error: { issues: readonly { path: PropertyKey[]; message: string }[] }) {
  return error.issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Migrates and validates a parsed JSON value. */
export function checkDocument(raw: unknown): CheckResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      kind: 'bad',
      problem: 'schema-violation',
      detail: 'expected an object with "version" and "settings"',
    };
  }
  const version = (raw as { version?: unknown }).version ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return {
      kind: 'bad',
      problem: 'schema-violation',
      detail: '"version" is not a non-negative whole number',
    };
  }
  if (version > CURRENT_STORE_VERSION) {
    return {
      kind: 'bad',
      problem: 'newer-version',
      detail: `written by a newer version of the app (settings version ${version}; this app understands up to ${CURRENT_STORE_VERSION})`,
    };
  }
  let document: unknown = raw;
  for (let from = version; from < CURRENT_STORE_VERSION; from++) {
    const migration = MIGRATIONS.find((candidate) => candidate.from === from);
    if (!migration) {
      return {
        kind: 'bad',
        problem: 'schema-violation',
        detail: `no migration from version ${from}`,
      };
    }
    try {
      document = migration.migrate(document);
    } catch (error) {
      return {
        kind: 'bad',
        problem: 'schema-violation',
        detail: `could not migrate from version ${from}: ${errorMessage(error)}`,
      };
    }
  }
  const parsed = StoreDocumentSchema.safeParse(document);
  if (!parsed.success) {
    return {
      kind: 'bad',
      problem: 'schema-violation',
      detail: `does not match the settings schema: ${describeIssues(parsed.error).join('; ')}`,
    };
  }
  return {
    kind: 'ok',
    document: parsed.data,
    migratedFrom: version < CURRENT_STORE_VERSION ? version : null,
    text: serializeDocument(parsed.data),
  };
}

/** Reads, decodes, parses, migrates and validates one settings file. */
export function checkFile(file: string, files: FileSystem = realFileSystem): CheckResult {
  let bytes: Buffer;
  try {
    bytes = files.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return {
      kind: 'bad',
      problem: 'unreadable',
      detail: `could not be read: ${errorMessage(error)}`,
    };
  }
  let text: string;
  try {
    // A UTF-8 byte order mark (PowerShell's `Out-File -Encoding utf8`) is dropped, not refused.
    text = withoutByteOrderMark(
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
    );
  } catch {
    return {
      kind: 'bad',
      problem: 'not-text',
      detail: 'contains bytes that are not text (damaged)',
    };
  }
  if (text.trim() === '') {
    return { kind: 'bad', problem: 'empty', detail: 'is empty' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      kind: 'bad',
      problem: 'invalid-json',
      detail: `is not valid JSON (truncated or damaged): ${errorMessage(error)}`,
    };
  }
  return checkDocument(raw);
}

/** `2026-11-27T10:00:00.123Z` → `2026-11-27T10-00-00Z` (safe in file names everywhere). */
export function fileTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
}

/** Renames `file` to `<baseName>.corrupt-<timestamp>[-n].json`; never overwrites. Throws. */
function moveAside(file: string, baseName: string, date: Date, files: FileSystem): string {
  const directory = path.dirname(file);
  const stamp = fileTimestamp(date);
  for (let n = 0; n < 1000; n++) {
    const target = path.join(directory, `${baseName}.corrupt-${stamp}${n ? `-${n}` : ''}.json`);
    if (files.existsSync(target)) continue;
    files.renameSync(file, target);
    fsyncDirectory(directory, files);
    return target;
  }
  throw new Error(`too many kept files named ${baseName}.corrupt-${stamp}-*.json`);
}

function readTextOrNull(file: string, files: FileSystem): string | null {
  try {
    return files.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function openSettingsStore(options: OpenSettingsStoreOptions): SettingsStore {
  const { directory, now } = options;
  const files = options.fileSystem ?? realFileSystem;
  const warn = options.warn ?? ((message: string) => console.warn(`[settings] ${message}`));
  const livePath = path.join(directory, SETTINGS_FILE_NAME);
  const goodPath = path.join(directory, GOOD_COPY_FILE_NAME);

  /** The first write that failed at this start, for the notice. */
  let notWritten: WriteProblem | null = null;
  const couldNotWrite = (what: string, error: unknown) => {
    const detail = `${what}: ${errorMessage(error)}`;
    notWritten ??= { cause: writeCauseOf(error), detail };
    warn(detail);
  };

  try {
    files.mkdirSync(directory, { recursive: true });
  } catch (error) {
    couldNotWrite('the data folder could not be created', error);
  }
  // Temporary files of a write the process did not live to finish (never renamed, never read).
  removeLeftoverTemporaryFiles(livePath, files);
  removeLeftoverTemporaryFiles(goodPath, files);

  const live = checkFile(livePath, files);
  const good = checkFile(goodPath, files);
  let document: StoreDocument;
  let recovery: RecoveryNotice | null = null;
  let migratedFrom: number | null = null;
  /** A damaged file that could not be moved aside: never written over at start. */
  let damagedLiveInPlace = false;
  let damagedGoodInPlace = false;

  const keepAside = (file: string, baseName: string, at: Date): string | null => {
    try {
      return moveAside(file, baseName, at, files);
    } catch (error) {
      couldNotWrite(`the damaged ${path.basename(file)} could not be moved aside`, error);
      return null;
    }
  };

  if (live.kind === 'ok') {
    document = live.document;
    migratedFrom = live.migratedFrom;
    // A damaged good copy while the live file is fine: keep it aside, it is rewritten below.
    if (good.kind === 'bad') {
      damagedGoodInPlace = keepAside(goodPath, GOOD_COPY_CONFIG_NAME, now()) === null;
    }
  } else {
    const at = now();
    let keptAs: string | null = null;
    if (live.kind === 'bad') {
      keptAs = keepAside(livePath, SETTINGS_CONFIG_NAME, at);
      damagedLiveInPlace = keptAs === null;
    }
    let goodCopyProblem: RecoveryNotice['goodCopyProblem'] = null;
    if (good.kind === 'ok') {
      document = good.document;
    } else {
      document = makeDocument(DEFAULT_SETTINGS);
      if (good.kind === 'bad') {
        const goodKeptAs = keepAside(goodPath, GOOD_COPY_CONFIG_NAME, at);
        damagedGoodInPlace = goodKeptAs === null;
        goodCopyProblem = { problem: good.problem, detail: good.detail, keptAs: goodKeptAs };
      }
    }
    const firstRun = live.kind === 'missing' && good.kind === 'missing';
    if (!firstRun) {
      recovery = {
        at: at.toISOString(),
        file: livePath,
        problem: live.kind === 'bad' ? live.problem : 'missing',
        detail: live.kind === 'bad' ? live.detail : 'the settings file was missing',
        keptAs,
        restoredFrom: good.kind === 'ok' ? 'good-copy' : 'defaults',
        goodCopyProblem,
        notWritten: null,
      };
    }
  }

  // Bring both files in line with what was loaded (a migration, a restore, a first run): the
  // live file first, the good copy only once the live file holds the same.
  const text = serializeDocument(document);
  let liveCurrent = !damagedLiveInPlace && readTextOrNull(livePath, files) === text;
  if (!damagedLiveInPlace && !liveCurrent) {
    try {
      writeFileDurably(livePath, text, files);
      liveCurrent = true;
    } catch (error) {
      couldNotWrite(`${SETTINGS_FILE_NAME} could not be written`, error);
    }
  }
  if (liveCurrent && !damagedGoodInPlace && readTextOrNull(goodPath, files) !== text) {
    try {
      writeFileDurably(goodPath, text, files);
    } catch (error) {
      couldNotWrite(`${GOOD_COPY_FILE_NAME} could not be written`, error);
    }
  }
  if (recovery) recovery.notWritten = notWritten;

  /**
   * Both files or neither (see the top of this file). Throws `SettingsWriteError` only when
   * `settings.json` was not replaced.
   */
  function writeBoth(bytes: Buffer): void {
    if (damagedLiveInPlace) {
      // The damaged file is kept, never written over: it must be moved aside first.
      try {
        moveAside(livePath, SETTINGS_CONFIG_NAME, now(), files);
        damagedLiveInPlace = false;
      } catch (error) {
        throw new SettingsWriteError(
          'the damaged settings.json could not be moved aside, so nothing was saved',
          error,
        );
      }
    }
    if (damagedGoodInPlace) {
      try {
        moveAside(goodPath, GOOD_COPY_CONFIG_NAME, now(), files);
      } catch (error) {
        warn(
          `the damaged ${GOOD_COPY_FILE_NAME} is replaced without a kept copy: ${errorMessage(error)}`,
        );
      }
      damagedGoodInPlace = false;
    }
    let liveTemporary: string | null = null;
    let goodTemporary: string;
    try {
      liveTemporary = writeTemporaryFile(livePath, bytes, files);
      goodTemporary = writeTemporaryFile(goodPath, bytes, files);
    } catch (error) {
      if (liveTemporary !== null) removeQuietly(liveTemporary, files);
      throw new SettingsWriteError('the settings could not be written, nothing was changed', error);
    }
    try {
      commitTemporaryFile(liveTemporary, livePath, files);
    } catch (error) {
      removeQuietly(goodTemporary, files);
      // A rename that failed leaves the old file; one that went through is on disk already.
      if (readTextOrNull(livePath, files) !== bytes.toString('utf8')) {
        throw new SettingsWriteError(
          'the settings could not be written, nothing was changed',
          error,
        );
      }
      warn(
        `${SETTINGS_FILE_NAME} was replaced but the folder could not be synced: ${errorMessage(error)}`,
      );
      return;
    }
    try {
      commitTemporaryFile(goodTemporary, goodPath, files);
    } catch (error) {
      removeQuietly(goodTemporary, files);
      warn(`saved, but ${GOOD_COPY_FILE_NAME} keeps the previous settings: ${errorMessage(error)}`);
    }
  }

  let current = document.settings;
  return {
    get settings() {
      return current;
    },
    recovery,
    migratedFrom,
    path: livePath,
    save(next: Settings) {
      const parsed = SettingsSchema.safeParse(next);
      if (!parsed.success) {
        throw new InvalidSettingsError(describeIssues(parsed.error), parsed.error.issues);
      }
      writeBoth(Buffer.from(serializeDocument(makeDocument(parsed.data)), 'utf8'));
      current = parsed.data;
    },
  };
}
