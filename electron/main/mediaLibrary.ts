import { createHash, randomBytes } from 'node:crypto';
import { constants, type Dirent, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileTypeFromFile } from 'file-type';
import {
  MEDIA_LIMITS,
  MediaFileSchema,
  PickerTokenSchema,
  mediaKindOf,
  type ImportProgress,
  type ImportSource,
  type ImportedMedia,
  type MediaKind,
  type MediaLibraryEntry,
  type MediaProblem,
  type PickerEntry,
  type PickerEntryKind,
  type PickerFolder,
  type WriteCause,
} from '../../contract';
import { fsyncDirectory, realFileSystem, writeCauseOf, type FileSystem } from './durableFile';

/**
 * The clinic's own pictures, videos and captions: the main-process side of importing them from
 * a USB drive or an import folder, and of the media folder they are copied into.
 *
 * Plain Node on purpose (no `electron` import): main wires it to the app's folders and IPC,
 * tests drive it with real temporary folders.
 *
 * - The renderer never sends a path. It browses through an in-app picker that main fills, and
 *   names folders and files only by opaque tokens that map to real paths in this module's
 *   memory. Every use of a token re-checks that the real path is still inside its drive.
 * - A file is judged by its content, never by its name: its type is detected from its bytes, it
 *   must be under the size limit for that type, and videos and pictures must be whole (a file
 *   half-copied onto a USB stick is refused rather than shown broken on the waiting-room screen).
 * - The copy lands in the media folder as `<sha256>.<extension of the detected type>`, written
 *   to a temporary file first and renamed only once complete and synced, so a crash or a pulled
 *   drive never leaves a half file under a real media name.
 */

// ---------------------------------------------------------------------------------------------
// Types

export interface SourceRoot {
  /** What staff see, e.g. "USB drive KINGSTON". */
  label: string;
  kind: 'usb' | 'import-folder';
  path: string;
}

export interface MediaLibraryOptions {
  /** `<userData>/media`; created if missing. */
  mediaDirectory: string;
  /** Where staff may pick files from; called on every `listSources()`. */
  sources(): SourceRoot[];
  /** Largest file per kind; default `MEDIA_LIMITS`. */
  limits?: Partial<Record<MediaKind, number>>;
  /** Bytes read per step while copying (default 1 MiB). For tests. */
  copyChunkBytes?: number;
  /** Progress is reported when this much time has passed since the last report (default 100 ms)… */
  progressIntervalMs?: number;
  /** …or this many bytes were copied since the last report (default 4 MiB). */
  progressEveryBytes?: number;
  /** Tokens kept before the oldest are forgotten (default 5000). */
  maxTokens?: number;
  /** node:fs unless a test passes a stand-in that fails on cue. */
  fileSystem?: FileSystem;
}

export type MediaResult<T> =
  | { ok: true; value: T }
  /** `cause`: why the kiosk's disk refused a write ('write-failed' only). */
  | { ok: false; problem: MediaProblem; message: string; cause?: WriteCause };

export interface MediaLibrary {
  /** The drives and import folders that exist right now, each with a fresh token. */
  listSources(): Promise<ImportSource[]>;
  browse(token: string): Promise<MediaResult<PickerFolder>>;
  /** Copies the file behind `token` into the media folder after checking it. */
  importFile(
    token: string,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<MediaResult<ImportedMedia>>;
  /** Files in the media folder; `inUse` lists, per file name, the ids of slides using it. */
  list(inUse: ReadonlyMap<string, string[]>): Promise<MediaLibraryEntry[]>;
  /** Deletes a media file unless `inUse` has it (problem 'in-use'); unknown name: 'not-found'. */
  remove(file: string, inUse: ReadonlyMap<string, string[]>): Promise<MediaResult<null>>;
  /**
   * Absolute path of a media file by its content name, or null when the name is not a media
   * file name (MediaFileSchema). The file itself may not exist.
   */
  pathOf(file: string): string | null;
  /**
   * Token → absolute path, for main's own use (export a setup bundle into a picked folder,
   * import a picked bundle). Null for unknown tokens, the wrong kind, or a path that no longer
   * exists inside its drive.
   */
  resolveFolder(token: string): string | null;
  resolveFile(token: string): string | null;
}

/** What `checkMediaFile` found: the detected kind and extension, and the size. */
export interface MediaCheck {
  kind: MediaKind;
  extension: string;
  bytes: number;
}

// ---------------------------------------------------------------------------------------------
// Policy

const MB = 1024 * 1024;
export const DEFAULT_COPY_CHUNK_BYTES = MB;
export const DEFAULT_PROGRESS_INTERVAL_MS = 100;
export const DEFAULT_PROGRESS_EVERY_BYTES = 4 * MB;
export const DEFAULT_MAX_TOKENS = 5000;
/** The picker lists at most this many entries of one folder (the schema allows 1000). */
export const MAX_PICKER_ENTRIES = 500;
/** The schema's limits on names and on the trail. */
const MAX_NAME_CHARS = 260;
const MAX_TRAIL = 20;
/** A real MP4 has a handful of top-level boxes (a fragmented one a few thousand). */
const MAX_MP4_TOP_LEVEL_BOXES = 100_000;
/** JPEG writers sometimes pad the end with zeros after the end marker. */
const MAX_JPEG_TRAILING_ZEROS = 16;

const TEMPORARY_PREFIX = '.import-';
const TEMPORARY_SUFFIX = '.part';

/** Folders Windows puts on every drive it touches; staff never want them. */
const SYSTEM_FOLDERS = new Set(['system volume information', '$recycle.bin']);

const WHAT_THE_KIOSK_TAKES =
  'the kiosk takes PNG, JPEG or WebP pictures, MP4 or WebM videos, and WebVTT captions';

/** Detected types the kiosk accepts (by file-type's `ext` and `mime`), and what they become. */
const ACCEPTED_TYPES: ReadonlyArray<{ ext: string; mime: string; kind: MediaKind }> = [
  { ext: 'png', mime: 'image/png', kind: 'image' },
  { ext: 'jpg', mime: 'image/jpeg', kind: 'image' },
  { ext: 'webp', mime: 'image/webp', kind: 'image' },
  // file-type calls every ISO-BMFF brand it doesn't know `mp4`; M4V, QuickTime, 3GP and the
  // like get their own ext and are refused.
  { ext: 'mp4', mime: 'video/mp4', kind: 'video' },
  { ext: 'webm', mime: 'video/webm', kind: 'video' },
];

/** Plain names for the types staff are most likely to try, for the refusal message. */
const TYPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  pdf: 'a PDF document',
  gif: 'a GIF picture',
  apng: 'an animated PNG picture',
  bmp: 'a BMP picture',
  tif: 'a TIFF picture',
  heic: 'a HEIC photo (as iPhones take them)',
  avif: 'an AVIF picture',
  jxl: 'a JPEG XL picture',
  psd: 'a Photoshop file',
  mov: 'a QuickTime video',
  m4v: 'an M4V video',
  mkv: 'a Matroska video',
  avi: 'an AVI video',
  wmv: 'a Windows Media video',
  '3gp': 'a 3GP phone video',
  mp3: 'an MP3 audio file',
  m4a: 'an M4A audio file',
  wav: 'a WAV audio file',
  zip: 'a ZIP archive',
  docx: 'a Word document',
  pptx: 'a PowerPoint presentation',
  xlsx: 'an Excel spreadsheet',
  exe: 'a Windows program',
};

// ---------------------------------------------------------------------------------------------
// Results

/** Carries a refusal out of deep helpers; turned into a `MediaResult` at the edge. */
class MediaFailure extends Error {
  constructor(
    readonly problem: MediaProblem,
    message: string,
    readonly writeCause?: WriteCause,
  ) {
    super(message);
  }
}

function refuse(
  problem: MediaProblem,
  message: string,
  cause?: WriteCause,
): { ok: false; problem: MediaProblem; message: string; cause?: WriteCause } {
  return cause ? { ok: false, problem, message, cause } : { ok: false, problem, message };
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

function describeError(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : String(error));
}

/** "25 MB", "1024 MB"; tiny limits (tests) in bytes. */
function formatLimit(bytes: number): string {
  if (bytes < MB) return `${bytes} bytes`;
  return `${Number((bytes / MB).toFixed(1))} MB`;
}

// ---------------------------------------------------------------------------------------------
// Checking a file by its content

/** Reads up to `length` bytes at `position`; shorter only at the end of the file. */
async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** `WEBVTT` (after an optional BOM) followed by space, tab, CR, LF or the end of the file. */
function hasWebVttHeader(head: Buffer): boolean {
  const start = UTF8_BOM.every((byte, index) => head[index] === byte) ? UTF8_BOM.length : 0;
  if (head.toString('latin1', start, start + 6) !== 'WEBVTT') return false;
  const next = head[start + 6];
  return next === undefined || next === 0x20 || next === 0x09 || next === 0x0d || next === 0x0a;
}

function describeType(detected: { ext: string; mime: string }): string {
  const known = TYPE_DESCRIPTIONS[detected.ext];
  if (known) return known;
  const name = detected.ext.toUpperCase();
  if (detected.mime.startsWith('image/')) return `a ${name} picture`;
  if (detected.mime.startsWith('video/')) return `a ${name} video`;
  if (detected.mime.startsWith('audio/')) return `a ${name} audio file`;
  return `a ${name} file`;
}

const VIDEO_ENDS_EARLY =
  'The video ends early — it may be only partly copied. Copy it to the drive again and wait until the copy has finished.';
const PICTURE_ENDS_EARLY =
  'The picture ends early — it may be only partly copied. Copy it to the drive again and wait until the copy has finished.';

/**
 * An MP4 is a row of top-level boxes (32-bit size + 4-letter type; size 1: a 64-bit size
 * follows; size 0: the box runs to the end of the file). The sizes of a whole file add up to
 * exactly the file size, it starts with `ftyp`, and it has a `moov` (the index, which many
 * writers put last, so a cut-off copy usually lacks it).
 */
async function mp4Problem(handle: FileHandle, size: number): Promise<string | null> {
  let offset = 0;
  let boxes = 0;
  let sawMoov = false;
  while (offset < size) {
    if (boxes >= MAX_MP4_TOP_LEVEL_BOXES) {
      return 'The video has far too many parts to be a normal MP4 file; it may be damaged.';
    }
    const header = await readAt(handle, offset, 16);
    if (header.length < 8) return VIDEO_ENDS_EARLY;
    const type = header.toString('latin1', 4, 8);
    if (boxes === 0 && type !== 'ftyp') {
      return 'The video does not start the way an MP4 file must; it may be damaged.';
    }
    let boxSize = header.readUInt32BE(0);
    if (boxSize === 1) {
      if (header.length < 16) return VIDEO_ENDS_EARLY;
      const large = header.readBigUInt64BE(8);
      if (large < 16n || large > BigInt(Number.MAX_SAFE_INTEGER)) {
        return 'The video has a part of impossible size; it may be damaged.';
      }
      boxSize = Number(large);
    } else if (boxSize === 0) {
      // "To the end of the file": by definition the last box.
      boxSize = size - offset;
    } else if (boxSize < 8) {
      return 'The video has a part of impossible size; it may be damaged.';
    }
    if (offset + boxSize > size) return VIDEO_ENDS_EARLY;
    if (type === 'moov') sawMoov = true;
    offset += boxSize;
    boxes += 1;
  }
  if (!sawMoov) {
    return 'The video has no index (moov) — it may be only partly copied or still being written.';
  }
  return null;
}

/** An EBML variable-length integer at `offset` of `bytes`: its length and value. */
function readVint(
  bytes: Buffer,
  offset: number,
): { length: number; value: bigint; unknown: boolean } | null {
  const first = bytes[offset];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23; // leading zeros within the byte, plus one
  if (offset + length > bytes.length) return null;
  let value = BigInt(first & (0xff >> length));
  for (let index = 1; index < length; index += 1) {
    value = (value << 8n) | BigInt(bytes[offset + index] ?? 0);
  }
  // All value bits set means "size unknown" (a live recording, or a muxer that never went back).
  const unknown = value === (1n << BigInt(7 * length)) - 1n;
  return { length, value, unknown };
}

const EBML_ID = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);
const SEGMENT_ID = Buffer.from([0x18, 0x53, 0x80, 0x67]);

/**
 * A WebM file is an EBML header element followed by one Segment element. When the Segment's
 * size is written down, the header, the Segment's own head and its size add up to the file
 * size. An "unknown size" Segment can't be checked and is accepted.
 */
async function webmProblem(handle: FileHandle, size: number): Promise<string | null> {
  const damaged = 'The video does not have the structure of a WebM file; it may be damaged.';
  const head = await readAt(handle, 0, 12);
  if (head.length < 5 || !head.subarray(0, 4).equals(EBML_ID)) return damaged;
  const headerSize = readVint(head, 4);
  if (!headerSize || headerSize.unknown) return damaged;
  const segmentOffset = BigInt(4 + headerSize.length) + headerSize.value;
  if (segmentOffset + 5n > BigInt(size)) return VIDEO_ENDS_EARLY;
  const segment = await readAt(handle, Number(segmentOffset), 12);
  if (!segment.subarray(0, 4).equals(SEGMENT_ID)) return damaged;
  const segmentSize = readVint(segment, 4);
  if (!segmentSize) return VIDEO_ENDS_EARLY;
  if (segmentSize.unknown) return null;
  const total = segmentOffset + BigInt(4 + segmentSize.length) + segmentSize.value;
  if (total > BigInt(size)) return VIDEO_ENDS_EARLY;
  if (total < BigInt(size)) {
    return 'The video has extra bytes after its end; it may be damaged.';
  }
  return null;
}

const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** A whole PNG ends with its empty IEND chunk. */
async function pngProblem(handle: FileHandle, size: number): Promise<string | null> {
  if (size < PNG_END.length) return PICTURE_ENDS_EARLY;
  const tail = await readAt(handle, size - PNG_END.length, PNG_END.length);
  return tail.equals(PNG_END) ? null : PICTURE_ENDS_EARLY;
}

/** A whole JPEG ends with the end-of-image marker FF D9 (some writers pad a few zeros). */
async function jpegProblem(handle: FileHandle, size: number): Promise<string | null> {
  const length = Math.min(size, MAX_JPEG_TRAILING_ZEROS + 2);
  const tail = await readAt(handle, size - length, length);
  let end = tail.length;
  while (end > 0 && tail.length - end < MAX_JPEG_TRAILING_ZEROS && tail[end - 1] === 0) end -= 1;
  return end >= 2 && tail[end - 2] === 0xff && tail[end - 1] === 0xd9 ? null : PICTURE_ENDS_EARLY;
}

/** A WebP is one RIFF chunk whose size field (+ 8 for its own head) covers the whole file. */
async function webpProblem(handle: FileHandle, size: number): Promise<string | null> {
  const head = await readAt(handle, 0, 8);
  if (head.length < 8) return PICTURE_ENDS_EARLY;
  return head.readUInt32LE(4) + 8 > size ? PICTURE_ENDS_EARLY : null;
}

/** Captions must be UTF-8 text; decoded piece by piece so a multi-byte character may straddle. */
async function utf8Problem(handle: FileHandle, size: number): Promise<string | null> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const chunk = 64 * 1024;
  try {
    for (let offset = 0; offset < size; offset += chunk) {
      decoder.decode(await readAt(handle, offset, Math.min(chunk, size - offset)), {
        stream: true,
      });
    }
    decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) {
      return 'The captions file is not UTF-8 text; save it again as UTF-8.';
    }
    throw error;
  }
  return null;
}

interface Inspection extends MediaCheck {
  mtimeMs: number;
}

const NOT_A_FILE =
  'This is not a picture, video or captions file but something else with a name (a folder, a device or a pipe).';
const FILE_SWAPPED =
  'The file changed while it was being opened; wait until the copy to the drive has finished.';

/**
 * Opens a file for reading only if it is a regular file, without ever waiting on it: it is
 * looked at (lstat) before it is opened, opened non-blocking (a FIFO or a device put where a
 * file was would otherwise hang the open forever), and must still be the same regular file
 * once open.
 */
async function openRegularFile(
  file: string,
  disk: FileSystem,
): Promise<
  { ok: true; handle: FileHandle; info: Stats } | Extract<MediaResult<never>, { ok: false }>
> {
  let before: Stats;
  try {
    before = await disk.promises.lstat(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return refuse('not-found', 'The file is no longer there. Was the drive removed?');
    }
    return refuse('read-failed', `The file could not be read (${describeError(error)}).`);
  }
  if (!before.isFile()) return refuse('not-found', NOT_A_FILE);
  let handle: FileHandle;
  try {
    // O_NONBLOCK is 0 on Windows, where a named pipe can't sit in a folder anyway.
    handle = await disk.promises.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return refuse('not-found', 'The file is no longer there. Was the drive removed?');
    }
    return refuse('read-failed', `The file could not be read (${describeError(error)}).`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close().catch(() => undefined);
      return refuse('not-found', NOT_A_FILE);
    }
    if (info.ino !== before.ino || info.dev !== before.dev) {
      await handle.close().catch(() => undefined);
      return refuse('changed-during-copy', FILE_SWAPPED);
    }
    return { ok: true, handle, info };
  } catch (error) {
    await handle.close().catch(() => undefined);
    return refuse('read-failed', `The file could not be read (${describeError(error)}).`);
  }
}

/**
 * The whole content check. `name` is the file's name on the drive, used only to say
 * "not a captions file" rather than "unsupported" for a `.vtt` without the header.
 */
async function inspect(
  file: string,
  name: string,
  limits: Readonly<Record<MediaKind, number>>,
  disk: FileSystem = realFileSystem,
): Promise<MediaResult<Inspection>> {
  const opened = await openRegularFile(file, disk);
  if (!opened.ok) return opened;
  const { handle, info } = opened;
  try {
    const size = info.size;
    if (size === 0) return refuse('empty', 'The file is empty.');

    // 1. The type, from the content alone.
    let detected: { ext: string; mime: string } | undefined;
    try {
      detected = await fileTypeFromFile(file);
    } catch (error) {
      if (errorCode(error) === undefined) {
        return refuse(
          'unsupported-type',
          `The kiosk cannot tell what this file is; ${WHAT_THE_KIOSK_TAKES}.`,
        );
      }
      throw error;
    }
    let kind: MediaKind;
    let extension: string;
    if (detected && detected.ext !== 'vtt') {
      const accepted = ACCEPTED_TYPES.find(
        (type) => type.ext === detected.ext && type.mime === detected.mime,
      );
      if (!accepted) {
        return refuse(
          'unsupported-type',
          `This looks like ${describeType(detected)} (${detected.ext}); ${WHAT_THE_KIOSK_TAKES}.`,
        );
      }
      kind = accepted.kind;
      extension = accepted.ext;
    } else if (hasWebVttHeader(await readAt(handle, 0, UTF8_BOM.length + 7))) {
      // file-type knows WebVTT too, but our own header check decides (BOM, what may follow).
      kind = 'captions';
      extension = 'vtt';
    } else if (name.toLowerCase().endsWith('.vtt')) {
      return refuse(
        'not-captions',
        'This .vtt file does not start with the line "WEBVTT", so it is not a WebVTT captions file.',
      );
    } else {
      return refuse(
        'unsupported-type',
        `This is not a picture, video or captions file the kiosk can read; ${WHAT_THE_KIOSK_TAKES}.`,
      );
    }

    // 2. The size limit for that kind.
    const limit = limits[kind];
    if (size > limit) {
      return refuse(
        'too-large',
        `The file is ${formatLimit(size)}; the kiosk takes ${kind === 'captions' ? 'captions files' : `${kind}s`} up to ${formatLimit(limit)}.`,
      );
    }

    // 3. Whole, not cut off.
    let problem: string | null = null;
    if (extension === 'mp4') problem = await mp4Problem(handle, size);
    else if (extension === 'webm') problem = await webmProblem(handle, size);
    else if (extension === 'png') problem = await pngProblem(handle, size);
    else if (extension === 'jpg') problem = await jpegProblem(handle, size);
    else if (extension === 'webp') problem = await webpProblem(handle, size);
    else if (extension === 'vtt') {
      const notText = await utf8Problem(handle, size);
      if (notText) return refuse('not-captions', notText);
    }
    if (problem) return refuse('incomplete', problem);

    return { ok: true, value: { kind, extension, bytes: size, mtimeMs: info.mtimeMs } };
  } catch (error) {
    return refuse('read-failed', `The file could not be read (${describeError(error)}).`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Checks a file by its content: a type the kiosk takes, under its size limit, and whole.
 * Exported so the setup-bundle import checks the media inside a bundle the same way.
 */
export async function checkMediaFile(
  file: string,
  limits?: Partial<Record<MediaKind, number>>,
): Promise<MediaResult<MediaCheck>> {
  const result = await inspect(file, path.basename(file), { ...MEDIA_LIMITS, ...limits });
  if (!result.ok) return result;
  const { kind, extension, bytes } = result.value;
  return { ok: true, value: { kind, extension, bytes } };
}

/**
 * The setup-bundle import's media check: the content check, plus the type it found must be the
 * one the file's name says (a picture named `.mp4` would be served as a video). Null when fine,
 * else what is wrong, in words.
 */
export async function checkNamedMediaFile(file: string, name: string): Promise<string | null> {
  const checked = await checkMediaFile(file);
  if (!checked.ok) return checked.message;
  const named = path.extname(name).slice(1).toLowerCase();
  if (named !== checked.value.extension) {
    return `its name says .${named} but it holds a .${checked.value.extension} file`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Where drives appear

/**
 * Where USB drives appear on this OS, as picker roots. Pure (the directory lister is passed in)
 * so every platform is tested anywhere. Missing or unreadable places count as empty.
 *
 * - Linux: udisks mounts under `/media/<user>/<label>` (Debian, Ubuntu) or
 *   `/run/media/<user>/<label>` (Fedora, Arch); usbmount and hand-made mounts sit directly in
 *   `/media/<name>`.
 * - macOS: `/Volumes/<name>`, except the startup disk's entry.
 * - Windows: drive letters D: to Z: that can be listed right now (an empty card reader or
 *   optical drive can't, and is left out). C: is the system.
 */
export function usbMountRoots(input: {
  platform: NodeJS.Platform;
  username: string;
  listDirectory(path: string): string[];
}): SourceRoot[] {
  const list = (directory: string): string[] => {
    try {
      return input.listDirectory(directory).filter((name) => name !== '' && !name.startsWith('.'));
    } catch {
      return [];
    }
  };
  const roots: SourceRoot[] = [];
  const seen = new Set<string>();
  const add = (root: SourceRoot) => {
    if (seen.has(root.path)) return;
    seen.add(root.path);
    roots.push(root);
  };
  const posix = path.posix;

  switch (input.platform) {
    case 'linux': {
      const user = input.username;
      const validUser = user !== '' && !user.includes('/') && user !== '.' && user !== '..';
      const userFolders = validUser
        ? [posix.join('/media', user), posix.join('/run/media', user)]
        : [];
      for (const folder of userFolders) {
        for (const name of list(folder)) {
          add({ label: `USB drive ${name}`, kind: 'usb', path: posix.join(folder, name) });
        }
      }
      for (const name of list('/media')) {
        if (name === user) continue;
        add({ label: `USB drive ${name}`, kind: 'usb', path: posix.join('/media', name) });
      }
      break;
    }
    case 'darwin':
      for (const name of list('/Volumes')) {
        if (name === 'Macintosh HD') continue;
        add({ label: `USB drive ${name}`, kind: 'usb', path: posix.join('/Volumes', name) });
      }
      break;
    case 'win32':
      for (let code = 'D'.charCodeAt(0); code <= 'Z'.charCodeAt(0); code += 1) {
        const drive = `${String.fromCharCode(code)}:`;
        const root = path.win32.join(drive, path.win32.sep);
        try {
          input.listDirectory(root);
        } catch {
          continue;
        }
        add({ label: `Drive ${drive}`, kind: 'usb', path: root });
      }
      break;
    default:
      break;
  }
  return roots;
}

// ---------------------------------------------------------------------------------------------
// The library

interface TokenTarget {
  path: string;
  type: 'folder' | 'file';
  root: SourceRoot;
}

/** A picker guess from the name only, for the icon and the filter; import checks the content. */
function guessKind(name: string): PickerEntryKind {
  const extension = path.extname(name).slice(1).toLowerCase();
  if (['png', 'jpg', 'jpeg', 'webp'].includes(extension)) return 'image';
  if (['mp4', 'm4v', 'webm'].includes(extension)) return 'video';
  if (extension === 'vtt') return 'captions';
  if (extension === 'zip') return 'bundle';
  return 'other';
}

/** `child` is `parent` itself or somewhere below it. */
function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  if (relative === '') return true;
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function isTemporaryName(name: string): boolean {
  return name.startsWith(TEMPORARY_PREFIX) && name.endsWith(TEMPORARY_SUFFIX);
}

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });

export function createMediaLibrary(options: MediaLibraryOptions): MediaLibrary {
  const mediaDirectory = path.resolve(options.mediaDirectory);
  const limits: Readonly<Record<MediaKind, number>> = { ...MEDIA_LIMITS, ...options.limits };
  const copyChunkBytes = options.copyChunkBytes ?? DEFAULT_COPY_CHUNK_BYTES;
  const progressIntervalMs = options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
  const progressEveryBytes = options.progressEveryBytes ?? DEFAULT_PROGRESS_EVERY_BYTES;
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  const disk = options.fileSystem ?? realFileSystem;
  const { lstat, open, readdir, realpath, rename, rm, stat, unlink } = disk.promises;

  // Copies cut short by a crash or power cut: never renamed, so never used. Clear them away.
  // On a read-only or failing disk they stay, and the kiosk still starts.
  try {
    disk.mkdirSync(mediaDirectory, { recursive: true });
    for (const name of disk.readdirSync(mediaDirectory)) {
      if (isTemporaryName(name)) disk.rmSync(path.join(mediaDirectory, name), { force: true });
    }
  } catch (error) {
    console.warn(`[media] could not clear unfinished copies: ${describeError(error)}`);
  }

  /** Token → what it stands for. Insertion order is age, so the first key is the oldest. */
  const tokens = new Map<string, TokenTarget>();

  function issue(target: TokenTarget): string {
    const token = randomBytes(16).toString('hex');
    tokens.set(token, target);
    while (tokens.size > maxTokens) {
      const oldest = tokens.keys().next().value;
      if (oldest === undefined) break;
      tokens.delete(oldest);
    }
    return token;
  }

  function lookup(token: unknown, type: TokenTarget['type']): TokenTarget | null {
    if (!PickerTokenSchema.safeParse(token).success) return null;
    const target = tokens.get(token as string);
    return target?.type === type ? target : null;
  }

  /**
   * The real path of a token's target, if it still exists inside the real path of its drive.
   * Checked on every use: a folder may have been swapped for a symlink pointing anywhere in
   * the machine, or the drive pulled, since the token was handed out.
   */
  async function realPathInside(target: TokenTarget): Promise<string | null> {
    try {
      const [root, real] = await Promise.all([realpath(target.root.path), realpath(target.path)]);
      return isInside(root, real) ? real : null;
    } catch {
      return null;
    }
  }

  function realPathInsideSync(target: TokenTarget): string | null {
    try {
      const real = disk.realpathSync(target.path);
      return isInside(disk.realpathSync(target.root.path), real) ? real : null;
    } catch {
      return null;
    }
  }

  const FOLDER_GONE = 'This folder is no longer there. Was the drive removed?';
  const FILE_GONE = 'This file is no longer there. Was the drive removed?';

  async function browse(token: string): Promise<MediaResult<PickerFolder>> {
    const target = lookup(token, 'folder');
    if (!target) return refuse('not-found', FOLDER_GONE);
    const real = await realPathInside(target);
    if (!real) return refuse('not-found', FOLDER_GONE);

    let dirents: Dirent[];
    try {
      dirents = await readdir(real, { withFileTypes: true });
    } catch {
      return refuse('not-found', FOLDER_GONE);
    }
    // Symlinks are never followed: one on a drive could point anywhere in the machine.
    const visible = dirents.filter(
      (dirent) =>
        !dirent.name.startsWith('.') &&
        !SYSTEM_FOLDERS.has(dirent.name.toLowerCase()) &&
        !dirent.isSymbolicLink() &&
        (dirent.isDirectory() || dirent.isFile()),
    );
    const folders = visible.filter((dirent) => dirent.isDirectory()).map((dirent) => dirent.name);
    const files = visible.filter((dirent) => dirent.isFile()).map((dirent) => dirent.name);
    const ordered = [
      ...folders.sort(byName).map((name) => ({ name, folder: true })),
      ...files.sort(byName).map((name) => ({ name, folder: false })),
    ];
    const shown = ordered.slice(0, MAX_PICKER_ENTRIES);

    const entries = await Promise.all(
      shown.map(async ({ name, folder }): Promise<PickerEntry | null> => {
        const entryPath = path.join(target.path, name);
        let bytes: number | null = null;
        if (!folder) {
          try {
            const info = await lstat(path.join(real, name));
            if (!info.isFile()) return null;
            bytes = info.size;
          } catch {
            return null; // gone since the listing
          }
        }
        return {
          token: issue({ path: entryPath, type: folder ? 'folder' : 'file', root: target.root }),
          name: name.slice(0, MAX_NAME_CHARS),
          kind: folder ? 'folder' : guessKind(name),
          bytes,
        };
      }),
    );

    const below = path.relative(target.root.path, target.path).split(path.sep).filter(Boolean);
    let trail = [target.root.label, ...below].map((name) => name.slice(0, MAX_NAME_CHARS));
    if (trail.length > MAX_TRAIL) {
      trail = [trail[0] ?? '', '…', ...trail.slice(trail.length - (MAX_TRAIL - 2))];
    }
    const atRoot = path.relative(target.root.path, target.path) === '';

    return {
      ok: true,
      value: {
        token,
        trail,
        parent: atRoot
          ? null
          : issue({ path: path.dirname(target.path), type: 'folder', root: target.root }),
        entries: entries.filter((entry): entry is PickerEntry => entry !== null),
        truncated: ordered.length > shown.length,
      },
    };
  }

  /**
   * Streams `source` into a new temporary file in the media folder, hashing as it goes. Throws
   * a `MediaFailure`; the temporary file is gone by then.
   */
  async function copyToTemporary(
    source: string,
    seen: Inspection,
    report: (copiedBytes: number) => void,
  ): Promise<{ temporary: string; sha256: string }> {
    const temporary = path.join(
      mediaDirectory,
      `${TEMPORARY_PREFIX}${randomBytes(8).toString('hex')}${TEMPORARY_SUFFIX}`,
    );
    const changed = () =>
      new MediaFailure(
        'changed-during-copy',
        'The file changed while it was being copied; wait until the copy to the drive has finished.',
      );
    const readFailed = (error: unknown) =>
      new MediaFailure(
        'read-failed',
        `The file could not be read from the drive (${describeError(error)}). Was the drive removed?`,
      );
    const writeFailed = (error: unknown) =>
      new MediaFailure(
        'write-failed',
        `The file could not be written to the kiosk's disk (${describeError(error)}).`,
        writeCauseOf(error),
      );

    let input: FileHandle | undefined;
    let output: FileHandle | undefined;
    try {
      // The same regular file that was checked, opened without waiting (never a pipe).
      const opened = await openRegularFile(source, disk);
      if (!opened.ok) throw new MediaFailure(opened.problem, opened.message);
      input = opened.handle;
      if (opened.info.size !== seen.bytes || opened.info.mtimeMs !== seen.mtimeMs) throw changed();
      output = await open(temporary, 'wx').catch((error: unknown) => {
        throw writeFailed(error);
      });
      const hash = createHash('sha256');
      const buffer = Buffer.allocUnsafe(copyChunkBytes);
      let copied = 0;
      // Read to the end of the file, not to the size seen, so a file still growing is noticed.
      for (;;) {
        let bytesRead: number;
        try {
          ({ bytesRead } = await input.read(buffer, 0, buffer.length, copied));
        } catch (error) {
          throw readFailed(error);
        }
        if (bytesRead === 0) break;
        copied += bytesRead;
        if (copied > seen.bytes) throw changed();
        // The check above already keeps the copy under the limit; this guards the limit itself.
        if (copied > limits[seen.kind]) {
          throw new MediaFailure(
            'too-large',
            `The file is over ${formatLimit(limits[seen.kind])}.`,
          );
        }
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        try {
          let written = 0;
          while (written < chunk.length) {
            const { bytesWritten } = await output.write(chunk, written, chunk.length - written);
            // A regular file that takes no bytes has no room left; never loop on it.
            if (bytesWritten <= 0) {
              throw Object.assign(new Error('ENOSPC: the disk took no more bytes'), {
                code: 'ENOSPC',
              });
            }
            written += bytesWritten;
          }
        } catch (error) {
          throw writeFailed(error);
        }
        report(copied);
      }
      if (copied !== seen.bytes) throw changed();
      let after;
      try {
        after = await stat(source);
      } catch {
        throw changed();
      }
      if (after.size !== seen.bytes || after.mtimeMs !== seen.mtimeMs) throw changed();
      try {
        await output.sync();
        await output.close();
        output = undefined;
      } catch (error) {
        throw writeFailed(error);
      }
      return { temporary, sha256: hash.digest('hex') };
    } catch (error) {
      await output?.close().catch(() => undefined);
      output = undefined;
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error instanceof MediaFailure ? error : writeFailed(error);
    } finally {
      await input?.close().catch(() => undefined);
      await output?.close().catch(() => undefined);
    }
  }

  async function importFile(
    token: string,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<MediaResult<ImportedMedia>> {
    const target = lookup(token, 'file');
    if (!target) return refuse('not-found', FILE_GONE);
    const source = await realPathInside(target);
    if (!source) return refuse('not-found', FILE_GONE);
    const sourceName = path.basename(target.path).slice(0, MAX_NAME_CHARS);

    const checked = await inspect(source, sourceName, limits, disk);
    if (!checked.ok) return checked;
    const seen = checked.value;

    // Progress: at most every `progressIntervalMs` or `progressEveryBytes`, and once at the end.
    let lastReportAt = performance.now();
    let lastReportBytes = 0;
    const report = (copiedBytes: number) => {
      const now = performance.now();
      const atEnd = copiedBytes === seen.bytes;
      if (
        !atEnd &&
        now - lastReportAt < progressIntervalMs &&
        copiedBytes - lastReportBytes < progressEveryBytes
      ) {
        return;
      }
      lastReportAt = now;
      lastReportBytes = copiedBytes;
      try {
        onProgress?.({ token, copiedBytes, totalBytes: seen.bytes });
      } catch {
        // A progress listener that fails (the window went away) must not stop the copy.
      }
    };

    let copy: { temporary: string; sha256: string };
    try {
      copy = await copyToTemporary(source, seen, report);
    } catch (error) {
      if (error instanceof MediaFailure)
        return refuse(error.problem, error.message, error.writeCause);
      throw error;
    }

    try {
      // The copy is what we keep, so check the copy too: it can't change under us any more.
      const again = await inspect(copy.temporary, sourceName, limits, disk);
      if (!again.ok || again.value.extension !== seen.extension) {
        await rm(copy.temporary, { force: true });
        return refuse(
          'changed-during-copy',
          'The file changed while it was being copied; wait until the copy to the drive has finished.',
        );
      }
      const file = `${copy.sha256}.${seen.extension}`;
      const destination = path.join(mediaDirectory, file);
      const exists = await lstat(destination).then(
        () => true,
        () => false,
      );
      // The name is the content's hash: an existing file with it already holds these bytes.
      if (exists) await rm(copy.temporary, { force: true });
      else await rename(copy.temporary, destination);
      fsyncDirectory(mediaDirectory, disk);
      return { ok: true, value: { file, kind: seen.kind, bytes: seen.bytes, sourceName } };
    } catch (error) {
      await rm(copy.temporary, { force: true }).catch(() => undefined);
      return refuse(
        'write-failed',
        `The file could not be saved on the kiosk's disk (${describeError(error)}).`,
        writeCauseOf(error),
      );
    }
  }

  return {
    async listSources() {
      let roots: SourceRoot[];
      try {
        roots = options.sources();
      } catch {
        return [];
      }
      const sources: ImportSource[] = [];
      const seen = new Set<string>();
      for (const given of roots) {
        const root = { ...given, path: path.resolve(given.path) };
        if (seen.has(root.path)) continue;
        const isDirectory = await stat(root.path).then(
          (info) => info.isDirectory(),
          () => false,
        );
        if (!isDirectory) continue;
        seen.add(root.path);
        sources.push({
          token: issue({ path: root.path, type: 'folder', root }),
          label: root.label.slice(0, MAX_NAME_CHARS),
          kind: root.kind,
        });
      }
      return sources;
    },

    browse,
    importFile,

    async list(inUse) {
      let dirents: Dirent[];
      try {
        dirents = await readdir(mediaDirectory, { withFileTypes: true });
      } catch {
        return [];
      }
      const names = dirents
        .filter((dirent) => dirent.isFile() && MediaFileSchema.safeParse(dirent.name).success)
        .map((dirent) => dirent.name)
        .sort();
      const entries = await Promise.all(
        names.map(async (file): Promise<MediaLibraryEntry | null> => {
          try {
            const info = await lstat(path.join(mediaDirectory, file));
            return {
              file,
              kind: mediaKindOf(file),
              bytes: info.size,
              usedBy: [...(inUse.get(file) ?? [])].slice(0, 200),
            };
          } catch {
            return null; // removed meanwhile
          }
        }),
      );
      return entries.filter((entry): entry is MediaLibraryEntry => entry !== null);
    },

    async remove(file, inUse) {
      if (!MediaFileSchema.safeParse(file).success) {
        return refuse('not-found', 'There is no such media file.');
      }
      const users = inUse.get(file) ?? [];
      if (users.length > 0) {
        return refuse(
          'in-use',
          `The file is still used by ${users.length} slide(s): ${users.join(', ')}.`,
        );
      }
      try {
        await unlink(path.join(mediaDirectory, file));
      } catch (error) {
        if (errorCode(error) === 'ENOENT')
          return refuse('not-found', 'There is no such media file.');
        return refuse(
          'write-failed',
          `The file could not be deleted (${describeError(error)}).`,
          writeCauseOf(error),
        );
      }
      try {
        fsyncDirectory(mediaDirectory, disk);
      } catch {
        // The file is gone; at worst a power cut brings the unused file back.
      }
      return { ok: true, value: null };
    },

    pathOf(file) {
      return MediaFileSchema.safeParse(file).success ? path.join(mediaDirectory, file) : null;
    },

    resolveFolder(token) {
      const target = lookup(token, 'folder');
      return target ? realPathInsideSync(target) : null;
    },

    resolveFile(token) {
      const target = lookup(token, 'file');
      return target ? realPathInsideSync(target) : null;
    },
  };
}
