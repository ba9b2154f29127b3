/**
 * Whether a picture, video or captions file is whole: a file half-copied onto a USB stick is
 * refused rather than shown broken on the waiting-room screen. Each check reads only the few
 * bytes its format needs (box sizes, element sizes, the end marker), never the whole file.
 */
import type { FileHandle } from 'node:fs/promises';

/** A real MP4 has a handful of top-level boxes (a fragmented one a few thousand). */
const MAX_MP4_TOP_LEVEL_BOXES = 100_000;
/** JPEG writers sometimes pad the end with zeros after the end marker. */
const MAX_JPEG_TRAILING_ZEROS = 16;

/** Reads up to `length` bytes at `position`; shorter only at the end of the file. */
export async function readAt(
  handle: FileHandle,
  position: number,
  length: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
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
export async function captionsTextProblem(
  handle: FileHandle,
  size: number,
): Promise<string | null> {
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

/**
 * Why the file of this detected type is not whole (a sentence for staff), or null when it is.
 * Captions have no end to check; `captionsTextProblem` checks them.
 */
export function wholeFileProblem(
  extension: string,
  handle: FileHandle,
  size: number,
): Promise<string | null> {
  switch (extension) {
    case 'mp4':
      return mp4Problem(handle, size);
    case 'webm':
      return webmProblem(handle, size);
    case 'png':
      return pngProblem(handle, size);
    case 'jpg':
      return jpegProblem(handle, size);
    case 'webp':
      return webpProblem(handle, size);
    default:
      return Promise.resolve(null);
  }
}
