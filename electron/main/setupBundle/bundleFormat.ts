/**
 * The setup bundle's format: what a `clinic-kiosk-setup-YYYY-MM-DD-HHmm.zip` holds, the
 * schemas its manifest and the kept backup are checked against, the limits an import holds it
 * to, and the refusals (`BundleResult`) the other setup-bundle modules answer with.
 *
 *   - `manifest.json` (deflated): format, format version, app version, creation time, the
 *     size and SHA-256 of every other file in the zip, and (format 2) `names`: the name each
 *     media file had on the drive it was first imported from, keyed by its `<sha256>.<ext>`;
 *   - `settings.json` (deflated): the settings store document, exactly as `settings.json` in
 *     the data folder;
 *   - `media/<sha256>.<ext>` (stored: pictures and videos are compressed already).
 */
import { createHash } from 'node:crypto';
import {
  MAX_CUSTOM_SLIDES,
  MEDIA_LIMITS,
  MediaFileSchema,
  type MediaKind,
  type WriteCause,
} from '../../../contract';
import { z } from '../../../contract/zod';
import { writeCauseOf } from '../durableFile';
import { MAX_NAME_CHARS } from '../media/picker';
import { SettingsWriteError } from '../settingsStore';

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

export const BUNDLE_FORMAT = 'clinic-kiosk-setup';
/**
 * The newest format this app reads. 2 adds the manifest's `names`; a bundle without names is
 * still written as 1, so kiosks on an older app keep loading it (they refuse an unknown key as
 * damaged, but a newer version as "made by a newer version of the app", which is true).
 */
export const BUNDLE_FORMAT_VERSION = 2;
export const BUNDLE_FORMAT_VERSION_WITHOUT_NAMES = 1;
export const BACKUP_FILE_NAME = 'setup-backup.json';
/** The next backup, written in full before an import or restore saves its settings. */
export const PENDING_BACKUP_FILE_NAME = 'setup-backup.pending.json';
export const STAGING_PREFIX = '.import-staging-';

export const MANIFEST_NAME = 'manifest.json';
export const SETTINGS_NAME = 'settings.json';
export const MEDIA_PREFIX = 'media/';

export const MB = 1024 * 1024;

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxEntries: 2 + 2 * MAX_CUSTOM_SLIDES,
  // The largest file a FAT32 USB drive can hold.
  maxTotalBytes: 4 * 1024 * MB - 1,
  maxEntryBytes: { manifest: 1 * MB, settings: 2 * MB, ...MEDIA_LIMITS },
  maxCompressionRatio: 50,
};

/** `settings.json` or `media/<sha256>.<ext>`: the only files a bundle lists. */
export function isListedFileName(name: string): boolean {
  if (name === SETTINGS_NAME) return true;
  return (
    name.startsWith(MEDIA_PREFIX) &&
    MediaFileSchema.safeParse(name.slice(MEDIA_PREFIX.length)).success
  );
}

const Sha256Schema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'not a SHA-256'));

export const BundleManifestFileSchema = z.strictObject({
  name: z
    .string()
    .check(
      z.maxLength(200),
      z.refine(isListedFileName, 'a bundle holds only settings.json and media/<sha256>.<ext>'),
    ),
  bytes: z.int().check(z.nonnegative()),
  sha256: Sha256Schema,
});
export type BundleManifestFile = z.infer<typeof BundleManifestFileSchema>;

export const BundleManifestSchema = z
  .strictObject({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.literal([BUNDLE_FORMAT_VERSION_WITHOUT_NAMES, BUNDLE_FORMAT_VERSION]),
    appVersion: z.string().check(z.maxLength(60)),
    createdAt: z.iso.datetime(),
    files: z.array(BundleManifestFileSchema).check(z.maxLength(10_000)),
    /**
     * Media file → the name staff know it by. Only a label: read by `bundleMediaNames`, which
     * drops what it cannot use, so nothing in it can make a bundle fail to load.
     */
    names: z.optional(z.unknown()),
  })
  .check(
    z.superRefine((manifest, ctx) => {
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
    }),
  );
export type BundleManifest = z.infer<typeof BundleManifestSchema>;

/** A media file's name as a bundle may carry it: a label of at most MAX_NAME_CHARS, one line. */
export const BundleMediaNameSchema = z.string().check(
  z.minLength(1),
  z.maxLength(MAX_NAME_CHARS),
  // Control characters, line and paragraph separators, and the bidi overrides that can make
  // a label read as something else.
  z.refine(
    (name) => !/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u.test(name),
    'a name holds no control characters',
  ),
);

/**
 * The names in `raw` (a manifest's `names`, or a kiosk's names file) that a bundle may carry:
 * one per media file in `media`, each passing BundleMediaNameSchema. Anything else is dropped.
 */
export function bundleMediaNames(raw: unknown, media: ReadonlySet<string>): Record<string, string> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const names: Record<string, string> = {};
  for (const [file, name] of Object.entries(raw)) {
    const parsed = BundleMediaNameSchema.safeParse(name);
    if (media.has(file) && parsed.success) names[file] = parsed.data;
  }
  return names;
}

/** Read first, loosely, so a newer format gets "newer version" rather than "damaged". */
export const ManifestHeaderSchema = z.object({ format: z.unknown(), formatVersion: z.unknown() });

/** `setup-backup.json`: the setup an import or restore replaced. */
export const BackupFileSchema = z.strictObject({
  savedAt: z.iso.datetime(),
  reason: z.enum(['import', 'restore']),
  sourceName: z.nullable(z.string().check(z.maxLength(260))),
  /** A settings store document (checked with `checkDocument` when used). */
  document: z.unknown(),
});
export type BackupFile = z.infer<typeof BackupFileSchema>;

/** `2026-11-27 09:05` local → `clinic-kiosk-setup-2026-11-27-0905.zip`. */
export function bundleFileName(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  return `${BUNDLE_FORMAT}-${day}-${two(date.getHours())}${two(date.getMinutes())}.zip`;
}

// ---------------------------------------------------------------------------------------------
// Refusals

/** Thrown inside the setup-bundle modules, turned into a `BundleResult` at the edge. */
export class BundleError extends Error {
  readonly problem: BundleProblem;
  readonly writeCause: WriteCause | undefined;
  constructor(problem: BundleProblem, message: string, writeCause?: WriteCause) {
    super(message);
    this.name = 'BundleError';
    this.problem = problem;
    this.writeCause = writeCause;
  }
}

export function fail(problem: BundleProblem, message: string): never {
  throw new BundleError(problem, message);
}

/** A write that a disk refused: 'write-failed', with why. */
export function failWrite(what: string, error: unknown): never {
  const cause = error instanceof SettingsWriteError ? error.writeCause : writeCauseOf(error);
  throw new BundleError('write-failed', `${what}: ${errorMessage(error)}`, cause);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function hasErrorCode(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException | null)?.code === 'string';
}

export function toFailure(error: unknown, fallback: BundleProblem): BundleResult<never> {
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

export function describeIssues(error: {
  issues: readonly { path: PropertyKey[]; message: string }[];
}): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.map(String).join('.');
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}
