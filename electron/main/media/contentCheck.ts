/**
 * A file is judged by its content, never by its name: its type is detected from its bytes, it
 * must be under the size limit for that type, and it must be whole (fileWholeness.ts). Used by
 * the media import and, through `checkNamedMediaFile`, by the setup-bundle import.
 */
import { constants, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromFile } from 'file-type';
import { MEDIA_LIMITS, type MediaKind } from '../../../contract';
import { realFileSystem, type FileSystem } from '../durableFile';
import { captionsTextProblem, readAt, wholeFileProblem } from './fileWholeness';
import {
  describeError,
  errorCode,
  formatLimit,
  refuse,
  type MediaRefusal,
  type MediaResult,
} from './mediaResult';

/** What `checkMediaFile` found: the detected kind and extension, and the size. */
export interface MediaCheck {
  kind: MediaKind;
  extension: string;
  bytes: number;
}

/** What the import needs to know the copy is of the same file: the check, and when it changed. */
export interface Inspection extends MediaCheck {
  mtimeMs: number;
}

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

const NOT_A_FILE =
  'This is not a picture, video or captions file but something else with a name (a folder, a device or a pipe).';
const FILE_SWAPPED =
  'The file changed while it was being opened; wait until the copy to the drive has finished.';

/** The refusal for a file that could not be read, from the system's error. */
export type ReadFailure = (error: unknown) => MediaRefusal;

/** A file on the drive staff picked could not be read: the drive's fault ('read-failed'). */
export const driveReadFailure: ReadFailure = (error) =>
  refuse('read-failed', `The file could not be read (${describeError(error)}).`);

/**
 * Opens a file for reading only if it is a regular file, without ever waiting on it: it is
 * looked at (lstat) before it is opened, opened non-blocking (a FIFO or a device put where a
 * file was would otherwise hang the open forever), and must still be the same regular file
 * once open. A read error is refused by `readFailure` (the drive's, unless told otherwise).
 */
export async function openRegularFile(
  file: string,
  disk: FileSystem,
  readFailure: ReadFailure = driveReadFailure,
): Promise<{ ok: true; handle: FileHandle; info: Stats } | MediaRefusal> {
  let before: Stats;
  try {
    before = await disk.promises.lstat(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return refuse('not-found', 'The file is no longer there. Was the drive removed?');
    }
    return readFailure(error);
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
    return readFailure(error);
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
    return readFailure(error);
  }
}

/**
 * The whole content check. `name` is the file's name on the drive, used only to say
 * "not a captions file" rather than "unsupported" for a `.vtt` without the header.
 * `readFailure` refuses a read error (the drive's, unless the file is the kiosk's own copy).
 */
export async function inspect(
  file: string,
  name: string,
  limits: Readonly<Record<MediaKind, number>>,
  disk: FileSystem = realFileSystem,
  readFailure: ReadFailure = driveReadFailure,
): Promise<MediaResult<Inspection>> {
  const opened = await openRegularFile(file, disk, readFailure);
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

    // 3. Whole, not cut off; captions are UTF-8 text.
    if (extension === 'vtt') {
      const notText = await captionsTextProblem(handle, size);
      if (notText) return refuse('not-captions', notText);
    }
    const problem = await wholeFileProblem(extension, handle, size);
    if (problem) return refuse('incomplete', problem);

    return { ok: true, value: { kind, extension, bytes: size, mtimeMs: info.mtimeMs } };
  } catch (error) {
    return readFailure(error);
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
