/**
 * The kiosk's settings on disk: `settings.json` plus a last-known-good copy
 * (`settings.good.json`) in the data folder, written through `conf` (the library
 * `electron-store` is built on).
 *
 * Durability: conf writes with `atomically.writeFileSync`, which writes a temporary file
 * next to the target, fsyncs it, closes it and renames it over the target. It does not
 * fsync the directory, so after each write we do (that makes the rename itself durable).
 *
 * Loading never trusts the file: it is read as bytes, decoded, parsed, migrated and
 * validated with zod *before* conf sees it. A bad file is moved aside (never deleted),
 * the good copy is restored (or defaults when there is none) and a `RecoveryNotice`
 * says what happened.
 *
 * Must not import `electron` or `electron-store` (plain-Node tests); main passes
 * `app.getPath('userData')` as `directory`. Not `electron-store` itself in main either: its
 * constructor registers an `ipcMain` handler ('electron-store-get-data') that answers any
 * frame without a sender check (docs/SECURITY.md, "No IPC we did not write").
 */
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { fsyncDirectory } from './durableFile';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../contract';
import {
  CURRENT_STORE_VERSION,
  GOOD_COPY_CONFIG_NAME,
  GOOD_COPY_FILE_NAME,
  MIGRATIONS,
  SETTINGS_CONFIG_NAME,
  SETTINGS_FILE_NAME,
  StoreDocumentSchema,
  confOptions,
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

export interface RecoveryNotice {
  /** When the recovery happened (ISO 8601, from the injected clock). */
  at: string;
  /** The live settings file. */
  file: string;
  problem: FileProblem;
  /** Human-readable explanation for the admin screen. */
  detail: string;
  /** Where the bad file was kept (null when it was missing). */
  keptAs: string | null;
  restoredFrom: 'good-copy' | 'defaults';
  /** Set when a good copy existed but was unusable too (it is kept aside as well). */
  goodCopyProblem: { problem: FileProblem; detail: string; keptAs: string } | null;
}

export interface SettingsStore {
  readonly settings: Settings;
  /** Null when the file loaded cleanly (or on a first run with no files at all). */
  readonly recovery: RecoveryNotice | null;
  /** The schema version the file was migrated from on load, or null. */
  readonly migratedFrom: number | null;
  /** Absolute path of `settings.json`. */
  readonly path: string;
  /** Validates with zod; throws `InvalidSettingsError` (and writes nothing) when invalid. */
  save(next: Settings): void;
}

export interface OpenSettingsStoreOptions {
  /** The data folder (in the app: `app.getPath('userData')`). */
  directory: string;
  /** Clock, used to name files kept aside and to stamp notices. */
  now: () => Date;
}

export class InvalidSettingsError extends Error {
  readonly issues: readonly string[];
  constructor(issues: readonly string[]) {
    super(`Invalid settings, nothing was saved: ${issues.join('; ')}`);
    this.name = 'InvalidSettingsError';
    this.issues = issues;
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
export function checkFile(file: string): CheckResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
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
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
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

/** Renames `file` to `<baseName>.corrupt-<timestamp>[-n].json`; never overwrites. */
function moveAside(file: string, baseName: string, date: Date): string {
  const directory = path.dirname(file);
  const stamp = fileTimestamp(date);
  for (let n = 0; ; n++) {
    const target = path.join(directory, `${baseName}.corrupt-${stamp}${n ? `-${n}` : ''}.json`);
    if (fs.existsSync(target)) continue;
    fs.renameSync(file, target);
    fsyncDirectory(directory);
    return target;
  }
}

/** Temporary files `atomically` leaves behind when the process dies mid-write. */
function removeStaleTempFiles(directory: string): void {
  const prefixes = [`${SETTINGS_FILE_NAME}.tmp-`, `${GOOD_COPY_FILE_NAME}.tmp-`];
  for (const name of fs.readdirSync(directory)) {
    if (prefixes.some((prefix) => name.startsWith(prefix))) {
      fs.rmSync(path.join(directory, name), { force: true });
    }
  }
}

function readTextOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function openSettingsStore({ directory, now }: OpenSettingsStoreOptions): SettingsStore {
  fs.mkdirSync(directory, { recursive: true });
  removeStaleTempFiles(directory);
  const livePath = path.join(directory, SETTINGS_FILE_NAME);
  const goodPath = path.join(directory, GOOD_COPY_FILE_NAME);

  const live = checkFile(livePath);
  const good = checkFile(goodPath);
  let document: StoreDocument;
  let recovery: RecoveryNotice | null = null;
  let migratedFrom: number | null = null;

  if (live.kind === 'ok') {
    document = live.document;
    migratedFrom = live.migratedFrom;
    // A damaged good copy while the live file is fine: keep it aside, it is rewritten below.
    if (good.kind === 'bad') moveAside(goodPath, GOOD_COPY_CONFIG_NAME, now());
  } else {
    const at = now();
    const keptAs = live.kind === 'bad' ? moveAside(livePath, SETTINGS_CONFIG_NAME, at) : null;
    let goodCopyProblem: RecoveryNotice['goodCopyProblem'] = null;
    if (good.kind === 'ok') {
      document = good.document;
    } else {
      document = makeDocument(DEFAULT_SETTINGS);
      if (good.kind === 'bad') {
        goodCopyProblem = {
          problem: good.problem,
          detail: good.detail,
          keptAs: moveAside(goodPath, GOOD_COPY_CONFIG_NAME, at),
        };
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
      };
    }
  }

  // Both files are now valid JSON or absent, so conf's constructor cannot throw on them.
  const liveConf = new Conf<StoreDocument>(confOptions(directory, SETTINGS_CONFIG_NAME));
  const goodConf = new Conf<StoreDocument>(confOptions(directory, GOOD_COPY_CONFIG_NAME));

  /** Live file first, then the good copy: a crash in between leaves both valid. */
  const persist = (next: StoreDocument, force: boolean) => {
    const text = serializeDocument(next);
    if (force || readTextOrNull(livePath) !== text) {
      liveConf.store = next;
      fsyncDirectory(directory);
    }
    if (force || readTextOrNull(goodPath) !== text) {
      goodConf.store = next;
      fsyncDirectory(directory);
    }
  };
  persist(document, false);

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
      if (!parsed.success) throw new InvalidSettingsError(describeIssues(parsed.error));
      persist(makeDocument(parsed.data), true);
      current = parsed.data;
    },
  };
}
