/**
 * Setup bundles: the kiosk's whole setup (settings with playlists, schedule and clinic slides,
 * plus the media files those slides use) in one zip file, so staff can copy a finished setup
 * from one kiosk to another with a USB drive.
 *
 * Bundle format (`clinic-kiosk-setup-YYYY-MM-DD-HHmm.zip`):
 *   - `manifest.json` (deflated): format, format version, app version, creation time, and the
 *     size and SHA-256 of every other file in the zip;
 *   - `settings.json` (deflated): the settings store document, exactly as `settings.json` in
 *     the data folder;
 *   - `media/<sha256>.<ext>` (stored: pictures and videos are compressed already).
 *
 * Import never trusts the file. Everything is checked before anything on the kiosk changes:
 * entry names (no paths of its own choosing, no links, no folders, no duplicates), declared
 * sizes and compression ratios (zip bombs), the real byte counts while inflating, the
 * manifest, every checksum, every media file's name against its content, the injected media
 * content check, and the settings themselves (migrated and validated like the live file).
 * Media are unpacked into a staging folder inside the data folder and only moved into the
 * media folder when all of that passed. The setup it replaces is kept as `setup-backup.json`,
 * which `restoreBackup` swaps back (and a second restore swaps again).
 *
 * Must not import `electron` (plain-Node tests); main passes the folders and the store.
 */
import { createHash } from 'node:crypto';
import type { ReadStream, Stats } from 'node:fs';
import path from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile as ZipReader } from 'yauzl';
import yazl from 'yazl';
import { z } from 'zod';
import {
  MAX_CUSTOM_SLIDES,
  MEDIA_LIMITS,
  MediaFileSchema,
  SettingsSchema,
  mediaFilesOf,
  mediaKindOf,
  type MediaKind,
  type Settings,
  type WriteCause,
} from '../../contract';
import {
  fsyncDirectory,
  realFileSystem,
  removeLeftoverTemporaryFiles,
  withoutByteOrderMark,
  writeCauseOf,
  writeFileDurably,
  type FileSystem,
} from './durableFile';
import { checkDocument, SettingsWriteError, type SettingsStore } from './settingsStore';
import { makeDocument, serializeDocument } from './storeOptions';

// ---------------------------------------------------------------------------------------------
// Public types

export interface BundleLimits {
  /** Most entries a bundle may hold (manifest, settings and two files per clinic slide). */
  maxEntries: number;
  /** Largest bundle file, and largest sum of its entries' unpacked sizes. */
  maxTotalBytes: number;
  /** Largest unpacked entry: the manifest, the settings, and media per kind. */
  maxEntryBytes: { manifest: number; settings: number } & Record<MediaKind, number>;
  /** Entries over 64 kB that unpack to more than this many times their packed size are refused. */
  maxCompressionRatio: number;
}

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
   * Content check for a media file (the media library's checkMediaFile), injected; returns
   * null when fine or a plain reason. Default: no extra check.
   */
  checkMedia?(path: string, file: string): Promise<string | null>;
  limits?: Partial<BundleLimits>;
  /** node:fs unless a test passes a stand-in that fails on cue. */
  fileSystem?: FileSystem;
}

export type BundleProblem =
  | 'not-a-bundle'
  | 'newer-version'
  | 'damaged'
  | 'unsafe'
  | 'too-large'
  | 'invalid-settings'
  | 'missing-media'
  | 'write-failed'
  | 'no-backup';

export type BundleResult<T> =
  | { ok: true; value: T }
  /** `cause`: why a disk refused a write ('write-failed' only). */
  | { ok: false; problem: BundleProblem; message: string; cause?: WriteCause };

export interface BackupInfo {
  savedAt: string;
  reason: 'import' | 'restore';
  /** The bundle's file name for an import; null for a restore. */
  sourceName: string | null;
}

export interface SetupBundles {
  /**
   * Writes `clinic-kiosk-setup-YYYY-MM-DD-HHmm.zip` (local time via now()) into `folder` via
   * a `.part` file, fsync, rename, fsync dir. Returns the file name and size.
   */
  exportTo(folder: string): Promise<BundleResult<{ fileName: string; bytes: number }>>;
  /** Checks everything, then copies media, keeps the current setup as backup, saves the imported settings. */
  importFrom(bundlePath: string): Promise<BundleResult<{ settings: Settings; fields: string[] }>>;
  /** Swaps the current setup and the backup (so a restore can itself be undone). */
  restoreBackup(): Promise<BundleResult<{ settings: Settings }>>;
  backupInfo(): BackupInfo | null;
  /** Media files the backup's settings use (so "delete unused media" keeps them). */
  backupMediaFiles(): string[];
}

// ---------------------------------------------------------------------------------------------
// Format

export const BUNDLE_FORMAT = 'clinic-kiosk-setup';
export const BUNDLE_FORMAT_VERSION = 1;
export const BACKUP_FILE_NAME = 'setup-backup.json';
/** The next backup, written in full before an import or restore saves its settings. */
export const PENDING_BACKUP_FILE_NAME = 'setup-backup.pending.json';
export const STAGING_PREFIX = '.import-staging-';

const MANIFEST_NAME = 'manifest.json';
const SETTINGS_NAME = 'settings.json';
const MEDIA_PREFIX = 'media/';

const MB = 1024 * 1024;
/** Names tried for an export ("…-2.zip" … "…-1000.zip") before giving up. */
const MAX_NAME_TRIES = 1000;
/** Below this size a high compression ratio is normal (small JSON), never a zip bomb. */
const RATIO_CHECK_MIN_BYTES = 64 * 1024;
/** Kept free on the kiosk's disk after unpacking media. */
const FREE_SPACE_MARGIN_BYTES = 64 * MB;

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxEntries: 2 + 2 * MAX_CUSTOM_SLIDES,
  // The largest file a FAT32 USB drive can hold.
  maxTotalBytes: 4 * 1024 * MB - 1,
  maxEntryBytes: { manifest: 1 * MB, settings: 2 * MB, ...MEDIA_LIMITS },
  maxCompressionRatio: 50,
};

/** Unix file type bits in the high half of a zip entry's external attributes. */
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

/** `settings.json` or `media/<sha256>.<ext>`: the only files a bundle lists. */
function isListedFileName(name: string): boolean {
  if (name === SETTINGS_NAME) return true;
  return (
    name.startsWith(MEDIA_PREFIX) &&
    MediaFileSchema.safeParse(name.slice(MEDIA_PREFIX.length)).success
  );
}

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256');

export const BundleManifestFileSchema = z.strictObject({
  name: z
    .string()
    .max(200)
    .refine(isListedFileName, 'a bundle holds only settings.json and media/<sha256>.<ext>'),
  bytes: z.number().int().nonnegative(),
  sha256: Sha256Schema,
});
export type BundleManifestFile = z.infer<typeof BundleManifestFileSchema>;

export const BundleManifestSchema = z
  .strictObject({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
    appVersion: z.string().max(60),
    createdAt: z.iso.datetime(),
    files: z.array(BundleManifestFileSchema).max(10_000),
  })
  .superRefine((manifest, ctx) => {
    const names = new Set<string>();
    for (const file of manifest.files) {
      if (names.has(file.name)) {
        ctx.addIssue({ code: 'custom', message: `"${file.name}" is listed twice` });
      }
      names.add(file.name);
    }
    if (!names.has(SETTINGS_NAME)) {
      ctx.addIssue({ code: 'custom', message: `"${SETTINGS_NAME}" is not listed` });
    }
  });
export type BundleManifest = z.infer<typeof BundleManifestSchema>;

/** Read first, loosely, so a newer format gets "newer version" rather than "damaged". */
const ManifestHeaderSchema = z.object({ format: z.unknown(), formatVersion: z.unknown() });

/** `setup-backup.json`: the setup an import or restore replaced. */
export const BackupFileSchema = z.strictObject({
  savedAt: z.iso.datetime(),
  reason: z.enum(['import', 'restore']),
  sourceName: z.string().max(260).nullable(),
  /** A settings store document (checked with `checkDocument` when used). */
  document: z.unknown(),
});
export type BackupFile = z.infer<typeof BackupFileSchema>;

// ---------------------------------------------------------------------------------------------
// Helpers

/** Thrown inside this module, turned into a `BundleResult` at the edge. */
class BundleError extends Error {
  readonly problem: BundleProblem;
  readonly writeCause: WriteCause | undefined;
  constructor(problem: BundleProblem, message: string, writeCause?: WriteCause) {
    super(message);
    this.name = 'BundleError';
    this.problem = problem;
    this.writeCause = writeCause;
  }
}

function fail(problem: BundleProblem, message: string): never {
  throw new BundleError(problem, message);
}

/** A write that a disk refused: 'write-failed', with why. */
function failWrite(what: string, error: unknown): never {
  const cause = error instanceof SettingsWriteError ? error.writeCause : writeCauseOf(error);
  throw new BundleError('write-failed', `${what}: ${errorMessage(error)}`, cause);
}

/**
 * Anything at `target`, a dangling link included (existsSync follows links and says no).
 * Only "not there" means free: any other answer (EIO from a failing drive, EACCES, ENOTDIR,
 * ENAMETOOLONG) fails the export, since no other name in that folder would fare better.
 */
function pathTaken(target: string, disk: FileSystem): boolean {
  try {
    disk.lstatSync(target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    failWrite(`could not look for ${path.basename(target)} in the folder`, error);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function hasErrorCode(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException | null)?.code === 'string';
}

function toFailure(error: unknown, fallback: BundleProblem): BundleResult<never> {
  if (error instanceof BundleError) {
    return {
      ok: false,
      problem: error.problem,
      message: error.message,
      ...(error.writeCause ? { cause: error.writeCause } : {}),
    };
  }
  return {
    ok: false,
    problem: fallback,
    message: errorMessage(error),
    ...(fallback === 'write-failed' && hasErrorCode(error) ? { cause: writeCauseOf(error) } : {}),
  };
}

function describeIssues(error: { issues: readonly { path: PropertyKey[]; message: string }[] }) {
  return error.issues
    .map((issue) => {
      const where = issue.path.map(String).join('.');
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** `2026-11-27 09:05` local → `clinic-kiosk-setup-2026-11-27-0905.zip`. */
function bundleFileName(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  return `${BUNDLE_FORMAT}-${day}-${two(date.getHours())}${two(date.getMinutes())}.zip`;
}

/**
 * A pass-through stream that hashes and counts what flows through it, and fails as soon as
 * more than `limit` bytes arrived (so a lying header can never make us inflate without end).
 */
function createMeter(limit: number, name: string, onFlush?: (meter: Meter) => Error | null) {
  const hash = createHash('sha256');
  const meter: Meter = {
    bytes: 0,
    digest: () => '',
    stream: new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        meter.bytes += chunk.length;
        if (meter.bytes > limit) {
          callback(new BundleError('unsafe', `${name} holds more data than it says it does`));
          return;
        }
        hash.update(chunk);
        callback(null, chunk);
      },
      flush(callback) {
        const digest = hash.digest('hex');
        meter.digest = () => digest;
        callback(onFlush?.(meter) ?? null);
      },
    }),
  };
  return meter;
}
interface Meter {
  bytes: number;
  /** The SHA-256 (hex) once the stream has ended. */
  digest(): string;
  stream: Transform;
}

/** A sink that drops everything (for checking a file the kiosk already has). */
function discard(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}

function changedFields(before: Settings, after: Settings): string[] {
  return (Object.keys(after) as (keyof Settings)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

/** The imported or restored setup, with this kiosk's own screens kept. */
function withThisKiosksDisplays(next: Settings, current: Settings): Settings {
  return {
    ...next,
    audienceDisplayId: current.audienceDisplayId,
    presenterDisplayId: current.presenterDisplayId,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading zips

const ZIP_OPTIONS: yauzl.Options = {
  lazyEntries: true,
  autoClose: false,
  strictFileNames: true,
  validateEntrySizes: true,
  decodeStrings: true,
};

function openZip(file: string): Promise<ZipReader> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, ZIP_OPTIONS, (error, zip) => {
      if (error) {
        reject(new BundleError('not-a-bundle', `not a setup file (${error.message})`));
        return;
      }
      // Errors are reported through the calls that caused them; this keeps a late one (say,
      // on closing) from becoming an uncaught 'error' event.
      zip.on('error', () => undefined);
      resolve(zip);
    });
  });
}

/** yauzl refuses unsafe names itself while reading the table of contents. */
function tableOfContentsError(error: unknown): BundleError {
  if (error instanceof BundleError) return error;
  const message = errorMessage(error);
  if (/^(invalid characters in fileName|absolute path|invalid relative path)/.test(message)) {
    return new BundleError('unsafe', `the setup file holds an unsafe entry: ${message}`);
  }
  return new BundleError('damaged', `the setup file's table of contents is damaged: ${message}`);
}

/** Errors while unpacking one entry (yauzl's size check fails on "too many bytes"). */
function entryReadError(error: unknown, name: string): BundleError {
  if (error instanceof BundleError) return error;
  const message = errorMessage(error);
  if (/too many bytes/.test(message)) {
    return new BundleError('unsafe', `${name} holds more data than it says it does (${message})`);
  }
  return new BundleError('damaged', `${name} could not be read: ${message}`);
}

async function readAllEntries(zip: ZipReader, maxEntries: number): Promise<Entry[]> {
  if (zip.entryCount > maxEntries) {
    fail('unsafe', `the setup file holds ${zip.entryCount} entries; at most ${maxEntries} allowed`);
  }
  const entries: Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) entries.push(entry);
  } catch (error) {
    throw tableOfContentsError(error);
  }
  return entries;
}

function entryLimit(name: string, limits: BundleLimits): number {
  if (name === MANIFEST_NAME) return limits.maxEntryBytes.manifest;
  if (name === SETTINGS_NAME) return limits.maxEntryBytes.settings;
  return limits.maxEntryBytes[mediaKindOf(name)];
}

/**
 * Checks every entry's name, type and declared sizes (nothing is unpacked yet) and returns
 * the entries by name.
 */
function checkEntries(entries: readonly Entry[], limits: BundleLimits): Map<string, Entry> {
  const byName = new Map<string, Entry>();
  let total = 0;
  for (const entry of entries) {
    const name = entry.fileName;
    const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK) fail('unsafe', `the setup file holds a link: ${name}`);
    if (type === S_IFDIR || name.endsWith('/')) {
      fail('unsafe', `the setup file holds a folder entry: ${name}`);
    }
    if (name !== MANIFEST_NAME && !isListedFileName(name)) {
      fail('unsafe', `the setup file holds an unexpected entry: ${name}`);
    }
    if (byName.has(name)) fail('unsafe', `the setup file holds ${name} twice`);
    byName.set(name, entry);
    if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) {
      fail('damaged', `${name} is encrypted or packed in a way this app does not read`);
    }
    if (
      entry.compressionMethod === 8 &&
      entry.uncompressedSize > RATIO_CHECK_MIN_BYTES &&
      entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio
    ) {
      fail(
        'unsafe',
        `${name} unpacks to ${megabytes(entry.uncompressedSize)} from ${entry.compressedSize} bytes: looks like a zip bomb`,
      );
    }
    const limit = entryLimit(name, limits);
    if (entry.uncompressedSize > limit) {
      fail(
        'too-large',
        `${name} is ${megabytes(entry.uncompressedSize)}; at most ${megabytes(limit)} allowed`,
      );
    }
    total += entry.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) {
    fail(
      'too-large',
      `the setup unpacks to ${megabytes(total)}; at most ${megabytes(limits.maxTotalBytes)} allowed`,
    );
  }
  if (!byName.has(MANIFEST_NAME)) {
    fail('not-a-bundle', `not a setup file (it has no ${MANIFEST_NAME})`);
  }
  return byName;
}

/**
 * Unpacks one entry through a meter into `sink`; the meter stops at the declared size. Read
 * problems become 'damaged'/'unsafe', problems writing `sink` become 'write-failed'.
 */
async function unpackEntry(zip: ZipReader, entry: Entry, sink: Writable): Promise<Meter> {
  const name = entry.fileName;
  const meter = createMeter(entry.uncompressedSize, name);
  // The stream that failed first says whose fault it was: pipeline then destroys the others
  // with the same error.
  let first: { side: 'read' | 'write'; error: unknown } | null = null;
  const watch = (stream: NodeJS.EventEmitter, side: 'read' | 'write') =>
    stream.once('error', (error: unknown) => {
      first ??= { side, error };
    });
  watch(meter.stream, 'read');
  watch(sink, 'write');
  try {
    const source = await zip.openReadStreamPromise(entry);
    watch(source, 'read');
    await pipeline(source, meter.stream, sink);
  } catch (error) {
    const failed = first as { side: 'read' | 'write'; error: unknown } | null;
    if (failed?.side === 'write') failWrite(`could not unpack ${name}`, failed.error);
    throw entryReadError(failed?.error ?? error, name);
  }
  if (meter.bytes !== entry.uncompressedSize) {
    fail('damaged', `${name} is incomplete (${meter.bytes} of ${entry.uncompressedSize} bytes)`);
  }
  return meter;
}

/** Unpacks a small entry (manifest, settings) into memory. */
async function unpackToMemory(zip: ZipReader, entry: Entry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await unpackEntry(zip, entry, collect);
  return Buffer.concat(chunks);
}

function decodeJson(bytes: Buffer, name: string, problem: BundleProblem): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(problem, `${name} is not text`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    fail(problem, `${name} is not valid JSON: ${errorMessage(error)}`);
  }
}

function parseManifest(bytes: Buffer): BundleManifest {
  const raw = decodeJson(bytes, MANIFEST_NAME, 'damaged');
  const header = ManifestHeaderSchema.safeParse(raw);
  if (!header.success || header.data.format !== BUNDLE_FORMAT) {
    fail('not-a-bundle', `not a setup file (${MANIFEST_NAME} names another format)`);
  }
  const { formatVersion } = header.data;
  if (typeof formatVersion === 'number' && formatVersion > BUNDLE_FORMAT_VERSION) {
    fail(
      'newer-version',
      `made by a newer version of the app (setup format ${formatVersion}; this app reads up to ${BUNDLE_FORMAT_VERSION})`,
    );
  }
  const parsed = BundleManifestSchema.safeParse(raw);
  if (!parsed.success)
    fail('damaged', `${MANIFEST_NAME} is damaged: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** The manifest must list exactly the zip's other entries, with their declared sizes. */
function checkManifestAgainstEntries(manifest: BundleManifest, entries: Map<string, Entry>) {
  const listed = new Set(manifest.files.map((file) => file.name));
  const unlisted = [...entries.keys()].filter((n) => n !== MANIFEST_NAME && !listed.has(n));
  if (unlisted.length) fail('damaged', `files not in the manifest: ${unlisted.join(', ')}`);
  const absent = [...listed].filter((name) => !entries.has(name));
  if (absent.length) fail('damaged', `files missing from the setup file: ${absent.join(', ')}`);
  for (const file of manifest.files) {
    if (entries.get(file.name)?.uncompressedSize !== file.bytes) {
      fail('damaged', `size does not match the manifest: ${file.name}`);
    }
    // Media files are named by their content.
    if (
      file.name.startsWith(MEDIA_PREFIX) &&
      !file.name.startsWith(`${MEDIA_PREFIX}${file.sha256}.`)
    ) {
      fail('damaged', `checksum does not match the file's name: ${file.name}`);
    }
  }
}

function checkContent(file: BundleManifestFile, bytes: number, digest: string) {
  if (bytes !== file.bytes || digest !== file.sha256) {
    fail('damaged', `checksum does not match: ${file.name}`);
  }
}

/** settings.json → a migrated, validated settings document. */
function parseSettings(bytes: Buffer): Settings {
  const raw = decodeJson(bytes, SETTINGS_NAME, 'invalid-settings');
  const checked = checkDocument(raw);
  if (checked.kind === 'ok') return checked.document.settings;
  if (checked.kind === 'bad' && checked.problem === 'newer-version') {
    fail('newer-version', `${SETTINGS_NAME} was ${checked.detail}`);
  }
  fail(
    'invalid-settings',
    `${SETTINGS_NAME} ${checked.kind === 'bad' ? checked.detail : 'is missing'}`,
  );
}

// ---------------------------------------------------------------------------------------------

export function createSetupBundles(options: SetupBundleOptions): SetupBundles {
  const { directory, mediaDirectory, store, appVersion, now, checkMedia } = options;
  const disk = options.fileSystem ?? realFileSystem;
  const limits: BundleLimits = {
    ...DEFAULT_BUNDLE_LIMITS,
    ...options.limits,
    maxEntryBytes: { ...DEFAULT_BUNDLE_LIMITS.maxEntryBytes, ...options.limits?.maxEntryBytes },
  };
  const backupPath = path.join(directory, BACKUP_FILE_NAME);
  const pendingPath = path.join(directory, PENDING_BACKUP_FILE_NAME);

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
  removeLeftoverTemporaryFiles(backupPath, disk);
  removeLeftoverTemporaryFiles(pendingPath, disk);

  /** One export, import or restore at a time. */
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  const mediaPath = (file: string) => path.join(mediaDirectory, file);
  const missingMedia = (files: readonly string[]) =>
    files.filter((file) => !disk.existsSync(mediaPath(file)));

  type BackupRead =
    { kind: 'ok'; backup: BackupFile } | { kind: 'missing' } | { kind: 'bad'; detail: string };

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

  /**
   * Keeps the current setup as the backup and saves `next`, all or nothing, without a write
   * after a failure (on a full disk that write would fail too):
   * 1. the new backup is written in full as `setup-backup.pending.json`; the backup stays;
   * 2. the settings are saved (the store writes both files or neither);
   * 3. only then is the pending backup renamed over the backup.
   * A failure in 1 or 2 removes the pending file and leaves the settings and the backup as
   * they were. A crash between 2 and 3 is settled at the next start.
   */
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

  // -------------------------------------------------------------------------------------------
  // Export

  async function exportTo(
    folder: string,
  ): Promise<BundleResult<{ fileName: string; bytes: number }>> {
    const date = now();
    const settings = store.settings;
    const settingsBytes = Buffer.from(serializeDocument(makeDocument(settings)), 'utf8');
    const media = mediaFilesOf(settings.customSlides).sort();

    const sizes = new Map<string, number>();
    const missing: string[] = [];
    for (const file of media) {
      try {
        const stat = await disk.promises.stat(mediaPath(file));
        if (stat.isFile()) sizes.set(file, stat.size);
        else missing.push(file);
      } catch {
        missing.push(file);
      }
    }
    if (missing.length) {
      fail('missing-media', `media files missing on this kiosk: ${missing.join(', ')}`);
    }
    const total = [...sizes.values()].reduce((sum, bytes) => sum + bytes, settingsBytes.length);
    if (total > limits.maxTotalBytes) {
      fail(
        'too-large',
        `the setup is ${megabytes(total)}; a setup file holds at most ${megabytes(limits.maxTotalBytes)}`,
      );
    }

    // Never replace another file, nor write through a link someone left on the drive: add
    // "-2", "-3", … when the name (or its `.part`) is taken; the `.part` is created exclusively.
    // Every way round the loop either ends it or moves to the next of at most 1000 names.
    const baseName = bundleFileName(date);
    let fileName = baseName;
    let partFd: number | null = null;
    for (let n = 2; partFd === null; n++) {
      if (n > MAX_NAME_TRIES) {
        fail('write-failed', `${MAX_NAME_TRIES} files named ${baseName} are in the folder already`);
      }
      if (!pathTaken(path.join(folder, fileName), disk)) {
        try {
          partFd = disk.openSync(path.join(folder, `${fileName}.part`), 'wx');
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
            failWrite(`could not write ${fileName}`, error);
          }
        }
      }
      fileName = baseName.replace(/\.zip$/, `-${n}.zip`);
    }
    const finalPath = path.join(folder, fileName);
    const partPath = `${finalPath}.part`;

    // Entries are written one after another; media are hashed as they stream into the zip
    // and the manifest, which needs those hashes, comes last.
    const listed: BundleManifestFile[] = [
      { name: SETTINGS_NAME, bytes: settingsBytes.length, sha256: sha256(settingsBytes) },
    ];
    const zip = new yazl.ZipFile();
    const output = zip.outputStream as unknown as Readable;
    const sources = new Set<ReadStream>();
    // A failing entry (a media file that cannot be read, or is damaged) stops the whole zip.
    let zipError: unknown = null;
    zip.on('error', (error: unknown) => {
      zipError ??= error;
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    zip.addBuffer(settingsBytes, SETTINGS_NAME, { mtime: date, compress: true });
    for (const file of media) {
      const size = sizes.get(file) ?? 0;
      const name = `${MEDIA_PREFIX}${file}`;
      zip.addReadStreamLazy(name, { mtime: date, compress: false, size }, (callback) => {
        const meter = createMeter(size, name, ({ bytes, digest }) => {
          if (bytes !== size || !file.startsWith(`${digest()}.`)) {
            return new BundleError('damaged', `media file ${file} on this kiosk is damaged`);
          }
          listed.push({ name, bytes, sha256: digest() });
          return null;
        });
        const source = disk.createReadStream(mediaPath(file));
        sources.add(source);
        source.on('error', (error) => zip.emit('error', error));
        meter.stream.on('error', (error) => zip.emit('error', error));
        callback(null, source.pipe(meter.stream));
      });
    }
    zip.addReadStreamLazy(MANIFEST_NAME, { mtime: date, compress: true }, (callback) => {
      const manifest: BundleManifest = {
        format: BUNDLE_FORMAT,
        formatVersion: BUNDLE_FORMAT_VERSION,
        appVersion,
        createdAt: date.toISOString(),
        files: listed,
      };
      callback(null, Readable.from([Buffer.from(serializeDocument(manifest), 'utf8')]));
    });
    zip.end();

    let renamed = false;
    try {
      // `flush`: the file is fsynced before it is closed (and the pipeline ends after that).
      await pipeline(output, disk.createWriteStream(partPath, { fd: partFd, flush: true }));
      await disk.promises.rename(partPath, finalPath);
      renamed = true;
      fsyncDirectory(folder, disk);
      const { size } = await disk.promises.stat(finalPath);
      return { ok: true, value: { fileName, bytes: size } };
    } catch (error) {
      for (const source of sources) source.destroy();
      // Nothing half-written stays on the drive under either name.
      await disk.promises
        .rm(renamed ? finalPath : partPath, { force: true })
        .catch(() => undefined);
      const cause = zipError ?? error;
      if (cause instanceof BundleError) throw cause;
      failWrite(`could not write ${fileName}`, cause);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Import

  async function importFrom(
    bundlePath: string,
  ): Promise<BundleResult<{ settings: Settings; fields: string[] }>> {
    let zip: ZipReader | null = null;
    let staging: string | null = null;
    /** Media files this import put into the media folder; emptied once it succeeded. */
    const movedIn: string[] = [];
    try {
      let stat: Stats;
      try {
        stat = await disk.promises.stat(bundlePath);
      } catch (error) {
        fail('not-a-bundle', `the setup file could not be read: ${errorMessage(error)}`);
      }
      if (!stat.isFile()) fail('not-a-bundle', 'not a setup file (not a file)');
      if (stat.size > limits.maxTotalBytes) {
        fail(
          'too-large',
          `the setup file is ${megabytes(stat.size)}; at most ${megabytes(limits.maxTotalBytes)} allowed`,
        );
      }

      // 1. The table of contents: names, types, declared sizes.
      zip = await openZip(bundlePath);
      const entries = checkEntries(await readAllEntries(zip, limits.maxEntries), limits);

      // 2. The manifest.
      const manifestEntry = entries.get(MANIFEST_NAME);
      if (!manifestEntry) fail('not-a-bundle', `not a setup file (it has no ${MANIFEST_NAME})`);
      const manifest = parseManifest(await unpackToMemory(zip, manifestEntry));
      checkManifestAgainstEntries(manifest, entries);
      const listed = new Map(manifest.files.map((file) => [file.name, file]));

      // 3. The settings.
      const settingsEntry = entries.get(SETTINGS_NAME);
      const settingsFile = listed.get(SETTINGS_NAME);
      if (!settingsEntry || !settingsFile) fail('damaged', `${SETTINGS_NAME} is missing`);
      const settingsBytes = await unpackToMemory(zip, settingsEntry);
      checkContent(settingsFile, settingsBytes.length, sha256(settingsBytes));
      const current = store.settings;
      const next = withThisKiosksDisplays(parseSettings(settingsBytes), current);
      const validated = SettingsSchema.safeParse(next);
      if (!validated.success) fail('invalid-settings', describeIssues(validated.error));

      // 4. Every media file the settings use is in the bundle or on this kiosk already.
      const mediaFiles = manifest.files
        .filter((file) => file.name.startsWith(MEDIA_PREFIX))
        .map((file) => ({ ...file, file: file.name.slice(MEDIA_PREFIX.length) }));
      const inBundle = new Set(mediaFiles.map(({ file }) => file));
      const absent = missingMedia(
        mediaFilesOf(validated.data.customSlides).filter((file) => !inBundle.has(file)),
      );
      if (absent.length) {
        fail(
          'missing-media',
          `media files neither in the setup file nor on this kiosk: ${absent.join(', ')}`,
        );
      }

      // 5. Media: unpack the new ones into a staging folder, check the others in passing.
      const toStage = mediaFiles.filter(({ file }) => !disk.existsSync(mediaPath(file)));
      const needed = toStage.reduce((sum, { bytes }) => sum + bytes, 0);
      if (needed > 0) {
        const space = await disk.promises.statfs(directory);
        const free = space.bavail * space.bsize;
        if (free < needed + FREE_SPACE_MARGIN_BYTES) {
          throw new BundleError(
            'write-failed',
            `not enough free space on this kiosk: the media need ${megabytes(needed)}, ${megabytes(free)} free`,
            'disk-full',
          );
        }
      }
      try {
        staging = await disk.promises.mkdtemp(path.join(directory, STAGING_PREFIX));
      } catch (error) {
        failWrite('could not make room to unpack the media', error);
      }
      const staged: string[] = [];
      for (const media of mediaFiles) {
        const entry = entries.get(media.name);
        if (!entry) fail('damaged', `${media.name} is missing`);
        if (!toStage.includes(media)) {
          const meter = await unpackEntry(zip, entry, discard());
          checkContent(media, meter.bytes, meter.digest());
          continue;
        }
        const target = path.join(staging, media.file);
        // 'wx': never follows or replaces anything; `flush`: fsynced before it is closed.
        const sink = disk.createWriteStream(target, { flags: 'wx', flush: true });
        const meter = await unpackEntry(zip, entry, sink);
        checkContent(media, meter.bytes, meter.digest());
        let reason: string | null = null;
        try {
          reason = checkMedia ? await checkMedia(target, media.file) : null;
        } catch (error) {
          reason = `could not be checked (${errorMessage(error)})`;
        }
        if (reason !== null) fail('damaged', `${media.name}: ${reason}`);
        staged.push(media.file);
      }
      zip.close();
      zip = null;

      // 6. All checked: move the media in, keep the current setup as backup, save. Media this
      // import brought in are taken out again if it fails, so a failed import changes nothing.
      try {
        await disk.promises.mkdir(mediaDirectory, { recursive: true });
        for (const file of staged) {
          // The same name is the same content: a file already there is kept.
          if (!disk.existsSync(mediaPath(file))) {
            await disk.promises.rename(path.join(staging, file), mediaPath(file));
            movedIn.push(file);
          }
        }
        if (staged.length) fsyncDirectory(mediaDirectory, disk);
      } catch (error) {
        failWrite('could not copy the media into place', error);
      }
      const sourceName = path.basename(bundlePath).slice(0, 260);
      const saved = saveWithBackup(validated.data, 'import', sourceName);
      movedIn.length = 0;
      return { ok: true, value: { settings: saved, fields: changedFields(current, saved) } };
    } catch (error) {
      // Zip and content problems are all BundleErrors by now; anything else is this kiosk's disk.
      return toFailure(error, 'write-failed');
    } finally {
      zip?.close();
      if (movedIn.length) {
        for (const file of movedIn) {
          await disk.promises.rm(mediaPath(file), { force: true }).catch(() => undefined);
        }
        try {
          fsyncDirectory(mediaDirectory, disk);
        } catch {
          // At worst a power cut brings back a file no setup uses.
        }
      }
      if (staging) {
        await disk.promises.rm(staging, { recursive: true, force: true }).catch(() => undefined);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Restore

  async function restoreBackup(): Promise<BundleResult<{ settings: Settings }>> {
    const read = readBackup();
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
    const absent = missingMedia(mediaFilesOf(next.customSlides));
    if (absent.length) {
      fail('missing-media', `media files of the earlier setup are gone: ${absent.join(', ')}`);
    }
    return { ok: true, value: { settings: saveWithBackup(next, 'restore', null) } };
  }

  return {
    exportTo: (folder) =>
      exclusive(() => exportTo(folder).catch((error: unknown) => toFailure(error, 'write-failed'))),
    importFrom: (bundlePath) => exclusive(() => importFrom(bundlePath)),
    restoreBackup: () =>
      exclusive(() => restoreBackup().catch((error: unknown) => toFailure(error, 'write-failed'))),
    backupInfo() {
      const read = readBackup();
      if (read.kind !== 'ok') return null;
      const { savedAt, reason, sourceName } = read.backup;
      return { savedAt, reason, sourceName };
    },
    backupMediaFiles() {
      const read = readBackup();
      if (read.kind !== 'ok') return [];
      const checked = checkDocument(read.backup.document);
      return checked.kind === 'ok' ? mediaFilesOf(checked.document.settings.customSlides) : [];
    },
  };
}
