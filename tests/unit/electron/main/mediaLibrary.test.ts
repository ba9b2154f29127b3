import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileTypeFromBuffer } from 'file-type';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ImportSourceSchema,
  ImportedMediaSchema,
  MediaLibraryEntrySchema,
  PickerFolderSchema,
  type ImportProgress,
} from '../../../../contract';
import { checkMediaFile, checkNamedMediaFile } from '../../../../electron/main/media/contentCheck';
import { usbMountRoots, type SourceRoot } from '../../../../electron/main/media/importSources';
import {
  createMediaLibrary,
  HELD_FOLDER,
  type MediaLibraryOptions,
  type MediaResult,
} from '../../../../electron/main/mediaLibrary';

// ---------------------------------------------------------------------------------------------
// Fixtures: real, tiny files of each type, built here so nothing is downloaded.

/** A 2×2 PNG written by pngjs. */
function pngBytes(): Buffer {
  const png = new PNG({ width: 2, height: 2 });
  png.data.fill(0x80);
  return PNG.sync.write(png);
}

/**
 * A baseline 1×1 grey JPEG written by hand: one quantisation table, one component, Huffman
 * tables with a single 1-bit code each (DC difference 0, end of block), one byte of scan data.
 */
function jpegBytes(): Buffer {
  const zeros = (count: number) => new Array<number>(count).fill(0);
  return Buffer.from([
    ...[0xff, 0xd8], // SOI
    ...[0xff, 0xdb, 0x00, 0x43, 0x00, ...new Array<number>(64).fill(1)], // DQT
    ...[0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00], // SOF0
    ...[0xff, 0xc4, 0x00, 0x14, 0x00, 0x01, ...zeros(15), 0x00], // DHT, DC table 0
    ...[0xff, 0xc4, 0x00, 0x14, 0x10, 0x01, ...zeros(15), 0x00], // DHT, AC table 0
    ...[0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00], // SOS
    0x3f, // "0" (DC 0), "0" (EOB), padded with ones
    ...[0xff, 0xd9], // EOI
  ]);
}

/** The well-known 1×1 lossless WebP (34 bytes). */
function webpBytes(): Buffer {
  return Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
}

function box(type: string, payload: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + payload.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, payload]);
}

function ftyp(brand = 'isom'): Buffer {
  return box('ftyp', Buffer.from(`${brand}\0\0\x02\0isommp41`, 'latin1'));
}

/** ftyp + an (empty) moov + an mdat with a few bytes: enough for file-type to say video/mp4. */
function mp4Bytes(): Buffer {
  return Buffer.concat([ftyp(), box('moov'), box('mdat', Buffer.from('frames!!'))]);
}

function ebml(id: number[], payload: Buffer | number[]): Buffer {
  const body = Buffer.from(payload);
  return Buffer.concat([Buffer.from([...id, 0x80 | body.length]), body]);
}

/** The EBML header of a WebM file (DocType "webm"). */
function webmHeader(): Buffer {
  const children = Buffer.concat([
    ebml([0x42, 0x86], [1]), // EBMLVersion
    ebml([0x42, 0xf7], [1]), // EBMLReadVersion
    ebml([0x42, 0xf2], [4]), // EBMLMaxIDLength
    ebml([0x42, 0xf3], [8]), // EBMLMaxSizeLength
    ebml([0x42, 0x82], Buffer.from('webm')), // DocType
    ebml([0x42, 0x87], [2]), // DocTypeVersion
    ebml([0x42, 0x85], [2]), // DocTypeReadVersion
  ]);
  return ebml([0x1a, 0x45, 0xdf, 0xa3], children);
}

/** EBML header + a Segment (8-byte size field) holding a Void element. */
function webmBytes(options: { unknownSize?: boolean } = {}): Buffer {
  const content = ebml([0xec], Buffer.alloc(10)); // Void
  const size = Buffer.alloc(8);
  if (options.unknownSize) size.fill(0xff, 1);
  else size.writeUInt32BE(content.length, 4);
  size[0] = (size[0] ?? 0) | 0x01; // the 8-byte length marker
  return Buffer.concat([webmHeader(), Buffer.from([0x18, 0x53, 0x80, 0x67]), size, content]);
}

const VTT = 'WEBVTT\n\n00:00.000 --> 00:02.000\nKetamin wirkt schnell — über NMDA.\n';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// ---------------------------------------------------------------------------------------------
// Set-up

const folders: string[] = [];
function folder(prefix = 'kiosk-media-'): string {
  const path = mkdtempSync(join(tmpdir(), prefix));
  folders.push(path);
  return path;
}
afterEach(() => {
  for (const path of folders.splice(0)) rmSync(path, { recursive: true, force: true });
});

/** A media folder, a "USB drive" folder, and a library over them. */
function setup(extra: Partial<MediaLibraryOptions> = {}) {
  const base = folder();
  const media = join(base, 'media');
  const drive = join(base, 'drive');
  mkdirSync(drive);
  const roots: SourceRoot[] = [{ label: 'USB drive KINGSTON', kind: 'usb', path: drive }];
  const library = createMediaLibrary({ mediaDirectory: media, sources: () => roots, ...extra });
  return { base, media, drive, roots, library };
}

function value<T>(result: MediaResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.problem}: ${result.message}`);
  return result.value;
}

type Setup = ReturnType<typeof setup>;

/** The token of a file at the drive's top, through the picker as the renderer would get it. */
async function tokenOf(context: Setup, name: string): Promise<string> {
  const [source] = await context.library.listSources();
  const top = value(await context.library.browse(source?.token ?? ''));
  const entry = top.entries.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} not listed`);
  return entry.token;
}

/** Puts `bytes` on the drive as `name` and imports it. */
async function importBytes(
  context: Setup,
  name: string,
  bytes: Buffer | string,
  onProgress?: (progress: ImportProgress) => void,
) {
  writeFileSync(join(context.drive, name), bytes);
  return context.library.importFile(await tokenOf(context, name), onProgress);
}

const partFiles = (media: string) => readdirSync(media).filter((name) => name.endsWith('.part'));

// ---------------------------------------------------------------------------------------------

describe('the fixtures', () => {
  it('are what file-type says they are', async () => {
    expect(await fileTypeFromBuffer(pngBytes())).toEqual({ ext: 'png', mime: 'image/png' });
    expect(await fileTypeFromBuffer(jpegBytes())).toEqual({ ext: 'jpg', mime: 'image/jpeg' });
    expect(await fileTypeFromBuffer(webpBytes())).toEqual({ ext: 'webp', mime: 'image/webp' });
    expect(await fileTypeFromBuffer(mp4Bytes())).toEqual({ ext: 'mp4', mime: 'video/mp4' });
    expect(await fileTypeFromBuffer(webmBytes())).toEqual({ ext: 'webm', mime: 'video/webm' });
  });
});

describe('importing a file', () => {
  const accepted = [
    { name: 'logo.png', bytes: pngBytes(), kind: 'image', extension: 'png' },
    { name: 'team.jpeg', bytes: jpegBytes(), kind: 'image', extension: 'jpg' },
    { name: 'room.webp', bytes: webpBytes(), kind: 'image', extension: 'webp' },
    { name: 'welcome.mp4', bytes: mp4Bytes(), kind: 'video', extension: 'mp4' },
    { name: 'welcome.webm', bytes: webmBytes(), kind: 'video', extension: 'webm' },
    { name: 'welcome.de.vtt', bytes: Buffer.from(VTT), kind: 'captions', extension: 'vtt' },
  ] as const;

  it.each(accepted)('copies $name in as <sha256>.$extension', async (fixture) => {
    const context = setup();
    const imported = value(await importBytes(context, fixture.name, fixture.bytes));
    const file = `${sha256(fixture.bytes)}.${fixture.extension}`;
    expect(imported).toEqual({
      file,
      kind: fixture.kind,
      bytes: fixture.bytes.length,
      sourceName: fixture.name,
    });
    expect(ImportedMediaSchema.parse(imported)).toEqual(imported);
    expect(readFileSync(join(context.media, file))).toEqual(fixture.bytes);
    expect(readdirSync(context.media)).toEqual([file]);
  });

  it('goes by the content, not the name', async () => {
    const context = setup();
    const bytes = pngBytes();
    const imported = value(await importBytes(context, 'holiday.mp4', bytes));
    expect(imported.file).toBe(`${sha256(bytes)}.png`);
    expect(imported.kind).toBe('image');
  });

  it('refuses text named .png', async () => {
    const context = setup();
    const result = await importBytes(context, 'notes.png', 'just some notes\n');
    expect(result).toMatchObject({ ok: false, problem: 'unsupported-type' });
  });

  it('refuses a PDF and says what it looks like', async () => {
    const context = setup();
    const result = await importBytes(
      context,
      'flyer.png',
      '%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n',
    );
    expect(result).toMatchObject({ ok: false, problem: 'unsupported-type' });
    if (!result.ok) {
      expect(result.message).toContain('PDF');
      expect(result.message).toContain('PNG, JPEG or WebP');
    }
  });

  it('refuses QuickTime and M4V, even though they are close to MP4', async () => {
    const context = setup();
    const mov = Buffer.concat([ftyp('qt  '), box('moov'), box('mdat', Buffer.alloc(4))]);
    expect(await importBytes(context, 'a.mp4', mov)).toMatchObject({
      ok: false,
      problem: 'unsupported-type',
    });
    const m4v = Buffer.concat([ftyp('M4V '), box('moov'), box('mdat', Buffer.alloc(4))]);
    expect(await importBytes(context, 'b.mp4', m4v)).toMatchObject({
      ok: false,
      problem: 'unsupported-type',
    });
  });

  it('refuses an empty file', async () => {
    const context = setup();
    expect(await importBytes(context, 'empty.png', '')).toMatchObject({
      ok: false,
      problem: 'empty',
    });
  });

  it('refuses a file over the limit for its kind, naming the limit', async () => {
    const context = setup({ limits: { image: 2 * 1024 * 1024, video: 20 } });
    const result = await importBytes(context, 'welcome.mp4', mp4Bytes());
    expect(result).toMatchObject({ ok: false, problem: 'too-large' });
    // Images are under their own (larger) limit.
    expect((await importBytes(context, 'logo.png', pngBytes())).ok).toBe(true);

    const small = setup({ limits: { image: 1024 * 1024 } });
    const big = await importBytes(
      small,
      'big.png',
      Buffer.concat([pngBytes(), Buffer.alloc(1024 * 1024)]),
    );
    expect(big).toMatchObject({ ok: false, problem: 'too-large' });
    if (!big.ok) expect(big.message).toContain('up to 1 MB');
  });

  describe('refuses files that are cut off', () => {
    it('an MP4 missing its last bytes', async () => {
      const context = setup();
      const bytes = mp4Bytes();
      const result = await importBytes(context, 'cut.mp4', bytes.subarray(0, bytes.length - 10));
      expect(result).toMatchObject({ ok: false, problem: 'incomplete' });
      if (!result.ok) expect(result.message).toMatch(/ends early/);
    });

    it('an MP4 with no moov box', async () => {
      const context = setup();
      const bytes = Buffer.concat([ftyp(), box('mdat', Buffer.alloc(32))]);
      expect(await importBytes(context, 'nomoov.mp4', bytes)).toMatchObject({
        ok: false,
        problem: 'incomplete',
      });
    });

    it('an MP4 with bytes after its last box', async () => {
      const context = setup();
      const bytes = Buffer.concat([mp4Bytes(), Buffer.from([1, 2, 3])]);
      expect(await importBytes(context, 'extra.mp4', bytes)).toMatchObject({
        ok: false,
        problem: 'incomplete',
      });
    });

    it('a PNG without its IEND chunk', async () => {
      const context = setup();
      const bytes = pngBytes();
      expect(
        await importBytes(context, 'cut.png', bytes.subarray(0, bytes.length - 12)),
      ).toMatchObject({ ok: false, problem: 'incomplete' });
    });

    it('a JPEG without its end marker', async () => {
      const context = setup();
      const bytes = jpegBytes();
      expect(
        await importBytes(context, 'cut.jpg', bytes.subarray(0, bytes.length - 2)),
      ).toMatchObject({ ok: false, problem: 'incomplete' });
    });

    it('a WebP shorter than its RIFF size', async () => {
      const context = setup();
      const bytes = webpBytes();
      expect(
        await importBytes(context, 'cut.webp', bytes.subarray(0, bytes.length - 4)),
      ).toMatchObject({ ok: false, problem: 'incomplete' });
    });

    it('a WebM shorter than its Segment size', async () => {
      const context = setup();
      const bytes = webmBytes();
      expect(
        await importBytes(context, 'cut.webm', bytes.subarray(0, bytes.length - 3)),
      ).toMatchObject({ ok: false, problem: 'incomplete' });
    });
  });

  describe('accepts whole files in their less common forms', () => {
    it('an MP4 whose last box runs to the end (size 0) or uses a 64-bit size', async () => {
      const context = setup();
      const open = Buffer.concat([ftyp(), box('moov'), box('mdat', Buffer.alloc(8))]);
      open.writeUInt32BE(0, open.length - 16); // the mdat's size: "to the end"
      expect((await importBytes(context, 'open.mp4', open)).ok).toBe(true);

      const large = Buffer.alloc(16 + 8);
      large.writeUInt32BE(1, 0);
      large.write('mdat', 4, 'latin1');
      large.writeBigUInt64BE(BigInt(large.length), 8);
      const withLarge = Buffer.concat([ftyp(), box('moov'), large]);
      expect((await importBytes(context, 'large.mp4', withLarge)).ok).toBe(true);
    });

    it('a WebM whose Segment size is unknown', async () => {
      const context = setup();
      const bytes = webmBytes({ unknownSize: true });
      expect(value(await importBytes(context, 'live.webm', bytes)).kind).toBe('video');
    });

    it('a JPEG padded with a few zeros after the end marker', async () => {
      const context = setup();
      const bytes = Buffer.concat([jpegBytes(), Buffer.alloc(8)]);
      expect((await importBytes(context, 'padded.jpg', bytes)).ok).toBe(true);
      const tooMuch = Buffer.concat([jpegBytes(), Buffer.alloc(40)]);
      expect(await importBytes(context, 'padded2.jpg', tooMuch)).toMatchObject({
        ok: false,
        problem: 'incomplete',
      });
    });
  });

  describe('captions', () => {
    it('refuses a .vtt without the WEBVTT header', async () => {
      const context = setup();
      const result = await importBytes(
        context,
        'subs.vtt',
        '1\n00:00:00,000 --> 00:00:02,000\nHi\n',
      );
      expect(result).toMatchObject({ ok: false, problem: 'not-captions' });
    });

    it('accepts a byte-order mark before the header', async () => {
      const context = setup();
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VTT)]);
      const imported = value(await importBytes(context, 'bom.vtt', bytes));
      expect(imported.file).toBe(`${sha256(bytes)}.vtt`);
    });

    it('accepts a file that is only the header', async () => {
      const context = setup();
      expect(value(await importBytes(context, 'bare.vtt', 'WEBVTT')).kind).toBe('captions');
    });

    it('refuses WEBVTT followed by anything but white space', async () => {
      const context = setup();
      expect(await importBytes(context, 'x.vtt', 'WEBVTTX\n')).toMatchObject({
        ok: false,
        problem: 'not-captions',
      });
      expect(await importBytes(context, 'x.txt', 'WEBVTTX\n')).toMatchObject({
        ok: false,
        problem: 'unsupported-type',
      });
    });

    it('refuses captions that are not UTF-8', async () => {
      const context = setup();
      const latin1 = Buffer.from(
        'WEBVTT\n\n00:00.000 --> 00:02.000\nKetamin wirkt \xfcber NMDA\n',
        'latin1',
      );
      expect(await importBytes(context, 'latin1.vtt', latin1)).toMatchObject({
        ok: false,
        problem: 'not-captions',
      });
    });
  });

  it('gives the same name to the same content, and keeps one file', async () => {
    const context = setup();
    const bytes = mp4Bytes();
    const first = value(await importBytes(context, 'a.mp4', bytes));
    const second = value(await importBytes(context, 'b.mp4', bytes));
    expect(second.file).toBe(first.file);
    expect(second.sourceName).toBe('b.mp4');
    expect(readdirSync(context.media)).toEqual([first.file]);
  });

  it('reports progress that grows to the total', async () => {
    const context = setup({ copyChunkBytes: 64, progressIntervalMs: 0 });
    const padded = Buffer.concat([ftyp(), box('moov'), box('mdat', Buffer.alloc(1000))]);
    const seen: ImportProgress[] = [];
    writeFileSync(join(context.drive, 'video.mp4'), padded);
    const token = await tokenOf(context, 'video.mp4');
    value(await context.library.importFile(token, (progress) => seen.push(progress)));
    expect(seen.length).toBeGreaterThan(5);
    const copied = seen.map((progress) => progress.copiedBytes);
    expect(copied).toEqual([...copied].sort((a, b) => a - b));
    expect(new Set(copied).size).toBe(copied.length);
    expect(seen.at(-1)).toEqual({ token, copiedBytes: padded.length, totalBytes: padded.length });
    expect(seen.every((progress) => progress.totalBytes === padded.length)).toBe(true);
  });

  it('reports progress only now and then by default, but always at the end', async () => {
    const context = setup({ copyChunkBytes: 64 });
    const padded = Buffer.concat([ftyp(), box('moov'), box('mdat', Buffer.alloc(1000))]);
    const seen: ImportProgress[] = [];
    // By default a report is due every 100 ms or every 4 MB copied. This copy's 17 chunks take
    // well under 100 ms here, but a busy machine can stall it for longer (a 30 ms stall per
    // chunk gave five reports): main's clock is held still, so only the bytes and the end count.
    const clock = performance.now();
    const now = vi.spyOn(performance, 'now').mockReturnValue(clock);
    try {
      value(await importBytes(context, 'video.mp4', padded, (progress) => seen.push(progress)));
    } finally {
      now.mockRestore();
    }
    expect(seen).toEqual([
      { token: expect.any(String), copiedBytes: padded.length, totalBytes: padded.length },
    ]);
  });

  it('refuses a file that grows while it is copied, and leaves nothing behind', async () => {
    const context = setup({ copyChunkBytes: 16, progressIntervalMs: 0 });
    const source = join(context.drive, 'growing.mp4');
    writeFileSync(source, mp4Bytes());
    const token = await tokenOf(context, 'growing.mp4');
    let appended = false;
    const result = await context.library.importFile(token, () => {
      if (appended) return;
      appended = true;
      appendFileSync(source, Buffer.alloc(64));
    });
    expect(result).toMatchObject({ ok: false, problem: 'changed-during-copy' });
    if (!result.ok) expect(result.message).toMatch(/changed while it was being copied/);
    expect(readdirSync(context.media)).toEqual([]);
  });

  it('refuses a file rewritten (same size) at the very end of the copy', async () => {
    const context = setup({ copyChunkBytes: 1024 * 1024 });
    const source = join(context.drive, 'logo.png');
    writeFileSync(source, pngBytes());
    const token = await tokenOf(context, 'logo.png');
    const result = await context.library.importFile(token, () => {
      // Rewritten with the same length once all bytes were read: only the mtime tells.
      writeFileSync(source, pngBytes());
      utimesSync(source, new Date(2001, 0, 1), new Date(2001, 0, 1));
    });
    expect(result).toMatchObject({ ok: false, problem: 'changed-during-copy' });
    expect(readdirSync(context.media)).toEqual([]);
  });

  it('leaves no temporary files after any refusal', async () => {
    const context = setup({ limits: { video: 30 } });
    await importBytes(context, 'a.png', 'text');
    await importBytes(context, 'b.mp4', mp4Bytes());
    await importBytes(context, 'c.vtt', 'nope');
    expect(partFiles(context.media)).toEqual([]);
  });

  it('refuses unknown, malformed and wrong-kind tokens as not found', async () => {
    const context = setup();
    writeFileSync(join(context.drive, 'logo.png'), pngBytes());
    const fileToken = await tokenOf(context, 'logo.png');
    const [source] = await context.library.listSources();
    for (const token of ['0'.repeat(32), 'not a token', '../../etc/passwd', '', source?.token]) {
      expect(await context.library.importFile(token ?? '')).toMatchObject({
        ok: false,
        problem: 'not-found',
      });
    }
    for (const token of ['f'.repeat(32), '../', fileToken]) {
      expect(await context.library.browse(token)).toMatchObject({
        ok: false,
        problem: 'not-found',
      });
    }
  });

  it('refuses a file that was removed, or swapped for a link out of the drive', async () => {
    const context = setup();
    const outside = folder('kiosk-outside-');
    writeFileSync(join(outside, 'secret.png'), pngBytes());
    writeFileSync(join(context.drive, 'gone.png'), pngBytes());
    writeFileSync(join(context.drive, 'swapped.png'), pngBytes());
    const gone = await tokenOf(context, 'gone.png');
    const swapped = await tokenOf(context, 'swapped.png');
    rmSync(join(context.drive, 'gone.png'));
    rmSync(join(context.drive, 'swapped.png'));
    symlinkSync(join(outside, 'secret.png'), join(context.drive, 'swapped.png'));
    expect(await context.library.importFile(gone)).toMatchObject({
      ok: false,
      problem: 'not-found',
    });
    expect(await context.library.importFile(swapped)).toMatchObject({
      ok: false,
      problem: 'not-found',
    });
    expect(context.library.resolveFile(swapped)).toBeNull();
  });
});

describe('a pipe or device where a file was', () => {
  /** A liveness check, not a timing one: the call must answer at all. */
  function answersWithin<T>(call: Promise<T>, seconds: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const silence = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${seconds} s: the import hung`)),
        seconds * 1000,
      );
    });
    return Promise.race([call, silence]).finally(() => clearTimeout(timer));
  }

  it.skipIf(process.platform === 'win32')(
    'refuses a FIFO put in place of a picked file, at once, without opening it to wait',
    async () => {
      const context = setup();
      const file = join(context.drive, 'photo.png');
      writeFileSync(file, pngBytes());
      const token = await tokenOf(context, 'photo.png');
      // After browsing, someone swaps the picture for a named pipe with no writer.
      rmSync(file);
      execFileSync('mkfifo', [file]);
      try {
        const result = await answersWithin(context.library.importFile(token), 30);
        expect(result).toMatchObject({
          ok: false,
          problem: 'not-found',
          message: expect.stringMatching(/pipe/),
        });
        expect(partFiles(context.media)).toEqual([]);
        // The library still works.
        writeFileSync(join(context.drive, 'other.png'), pngBytes());
        value(await context.library.importFile(await tokenOf(context, 'other.png')));
      } finally {
        // Had an open() blocked on the pipe, this writer would set it free.
        closeSync(openSync(file, constants.O_RDWR | constants.O_NONBLOCK));
      }
    },
    60_000,
  );

  it.skipIf(process.platform === 'win32')(
    'checkMediaFile refuses a FIFO without waiting on it',
    async () => {
      const base = folder();
      const file = join(base, 'pipe.png');
      execFileSync('mkfifo', [file]);
      try {
        expect(await answersWithin(checkMediaFile(file), 30)).toMatchObject({
          ok: false,
          problem: 'not-found',
        });
      } finally {
        closeSync(openSync(file, constants.O_RDWR | constants.O_NONBLOCK));
      }
    },
    60_000,
  );
});

describe('checkMediaFile', () => {
  it('checks a file by its content, for the setup-bundle import', async () => {
    const directory = folder();
    writeFileSync(join(directory, 'entry.bin'), webmBytes());
    expect(await checkMediaFile(join(directory, 'entry.bin'))).toEqual({
      ok: true,
      value: { kind: 'video', extension: 'webm', bytes: webmBytes().length },
    });
    expect(await checkMediaFile(join(directory, 'entry.bin'), { video: 10 })).toMatchObject({
      ok: false,
      problem: 'too-large',
    });
    expect(await checkMediaFile(join(directory, 'missing.png'))).toMatchObject({
      ok: false,
      problem: 'not-found',
    });
  });

  it('for a bundle, also wants the type its name says', async () => {
    const directory = folder();
    const file = join(directory, 'entry.bin');
    writeFileSync(file, webmBytes());
    expect(await checkNamedMediaFile(file, `${'a'.repeat(64)}.webm`)).toBeNull();
    expect(await checkNamedMediaFile(file, `${'a'.repeat(64)}.mp4`)).toBe(
      'its name says .mp4 but it holds a .webm file',
    );
    writeFileSync(file, pngBytes());
    expect(await checkNamedMediaFile(file, `${'a'.repeat(64)}.jpg`)).toContain('.png');
    writeFileSync(file, 'not media');
    expect(await checkNamedMediaFile(file, `${'a'.repeat(64)}.png`)).toEqual(expect.any(String));
  });
});

describe('the picker', () => {
  it('lists only the sources that exist, each with a token', async () => {
    const context = setup();
    context.roots.push(
      { label: 'Import folder', kind: 'import-folder', path: join(context.base, 'missing') },
      { label: 'Not a folder', kind: 'usb', path: join(context.base, 'file.txt') },
    );
    writeFileSync(join(context.base, 'file.txt'), 'x');
    const sources = await context.library.listSources();
    expect(sources).toHaveLength(1);
    expect(ImportSourceSchema.parse(sources[0])).toEqual({
      token: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
      label: 'USB drive KINGSTON',
      kind: 'usb',
    });
    // A fresh token each time.
    const again = await context.library.listSources();
    expect(again[0]?.token).not.toBe(sources[0]?.token);
    expect(context.library.resolveFolder(sources[0]?.token ?? '')).toBe(context.drive);
  });

  it('lists folders first, then files, by name; hides hidden files and symlinks', async () => {
    const context = setup();
    const outside = folder('kiosk-outside-');
    mkdirSync(join(context.drive, 'videos'));
    mkdirSync(join(context.drive, 'Bilder'));
    mkdirSync(join(context.drive, '.Trashes'));
    mkdirSync(join(context.drive, 'System Volume Information'));
    writeFileSync(join(context.drive, 'slide10.png'), pngBytes());
    writeFileSync(join(context.drive, 'slide9.png'), pngBytes());
    writeFileSync(join(context.drive, 'Welcome.MP4'), mp4Bytes());
    writeFileSync(join(context.drive, 'subs.vtt'), VTT);
    writeFileSync(join(context.drive, 'setup.zip'), 'PK');
    writeFileSync(join(context.drive, 'readme.txt'), 'hi');
    writeFileSync(join(context.drive, '._slide9.png'), 'mac junk');
    symlinkSync(outside, join(context.drive, 'elsewhere'));
    symlinkSync(join(context.drive, 'slide9.png'), join(context.drive, 'link.png'));

    const [source] = await context.library.listSources();
    const top = value(await context.library.browse(source?.token ?? ''));
    expect(PickerFolderSchema.parse(top)).toEqual(top);
    expect(top.trail).toEqual(['USB drive KINGSTON']);
    expect(top.parent).toBeNull();
    expect(top.truncated).toBe(false);
    expect(top.entries.map(({ name, kind, bytes }) => ({ name, kind, bytes }))).toEqual([
      { name: 'Bilder', kind: 'folder', bytes: null },
      { name: 'videos', kind: 'folder', bytes: null },
      { name: 'readme.txt', kind: 'other', bytes: 2 },
      { name: 'setup.zip', kind: 'bundle', bytes: 2 },
      { name: 'slide9.png', kind: 'image', bytes: pngBytes().length },
      { name: 'slide10.png', kind: 'image', bytes: pngBytes().length },
      { name: 'subs.vtt', kind: 'captions', bytes: Buffer.byteLength(VTT) },
      { name: 'Welcome.MP4', kind: 'video', bytes: mp4Bytes().length },
    ]);
  });

  it('walks down and back up, with a trail', async () => {
    const context = setup();
    mkdirSync(join(context.drive, 'clinic', 'videos'), { recursive: true });
    writeFileSync(join(context.drive, 'clinic', 'videos', 'welcome.mp4'), mp4Bytes());
    const [source] = await context.library.listSources();
    const top = value(await context.library.browse(source?.token ?? ''));
    const clinic = value(await context.library.browse(top.entries[0]?.token ?? ''));
    expect(clinic.trail).toEqual(['USB drive KINGSTON', 'clinic']);
    const videos = value(await context.library.browse(clinic.entries[0]?.token ?? ''));
    expect(videos.trail).toEqual(['USB drive KINGSTON', 'clinic', 'videos']);
    expect(videos.entries.map((entry) => entry.name)).toEqual(['welcome.mp4']);

    const up = value(await context.library.browse(videos.parent ?? ''));
    expect(up.trail).toEqual(['USB drive KINGSTON', 'clinic']);
    const upAgain = value(await context.library.browse(up.parent ?? ''));
    expect(upAgain.parent).toBeNull();

    const file = videos.entries[0]?.token ?? '';
    expect(context.library.resolveFile(file)).toBe(
      join(context.drive, 'clinic', 'videos', 'welcome.mp4'),
    );
    expect(context.library.resolveFolder(file)).toBeNull();
    expect(context.library.resolveFile(videos.token)).toBeNull();
    expect(context.library.resolveFolder(videos.token)).toBe(
      join(context.drive, 'clinic', 'videos'),
    );
    expect(value(await context.library.importFile(file)).sourceName).toBe('welcome.mp4');
  });

  it('lists at most 500 entries and says when there were more', async () => {
    const context = setup();
    for (let index = 0; index < 501; index += 1) {
      writeFileSync(join(context.drive, `photo${index}.jpg`), '');
    }
    const [source] = await context.library.listSources();
    const top = value(await context.library.browse(source?.token ?? ''));
    expect(top.entries).toHaveLength(500);
    expect(top.truncated).toBe(true);
    expect(top.entries[0]?.name).toBe('photo0.jpg');
    expect(top.entries[499]?.name).toBe('photo499.jpg');
  });

  it('refuses a folder swapped for a link pointing out of the drive', async () => {
    const context = setup();
    const outside = folder('kiosk-outside-');
    writeFileSync(join(outside, 'secret.txt'), 'private');
    mkdirSync(join(context.drive, 'clinic'));
    const [source] = await context.library.listSources();
    const top = value(await context.library.browse(source?.token ?? ''));
    const clinic = top.entries[0]?.token ?? '';
    rmSync(join(context.drive, 'clinic'), { recursive: true });
    symlinkSync(outside, join(context.drive, 'clinic'));
    expect(await context.library.browse(clinic)).toMatchObject({ ok: false, problem: 'not-found' });
    expect(context.library.resolveFolder(clinic)).toBeNull();
  });

  it('says "not found" in plain words when the drive was pulled', async () => {
    const context = setup();
    mkdirSync(join(context.drive, 'clinic'));
    const [source] = await context.library.listSources();
    const top = value(await context.library.browse(source?.token ?? ''));
    rmSync(context.drive, { recursive: true });
    const result = await context.library.browse(top.entries[0]?.token ?? '');
    expect(result).toMatchObject({ ok: false, problem: 'not-found' });
    if (!result.ok) expect(result.message).toMatch(/no longer there/);
    expect(await context.library.browse(source?.token ?? '')).toMatchObject({
      ok: false,
      problem: 'not-found',
    });
    expect(await context.library.listSources()).toEqual([]);
  });

  it('forgets the oldest tokens beyond its cap', async () => {
    const context = setup({ maxTokens: 3 });
    const [first] = await context.library.listSources();
    await context.library.listSources();
    await context.library.listSources();
    expect(context.library.resolveFolder(first?.token ?? '')).toBe(context.drive);
    await context.library.listSources();
    expect(context.library.resolveFolder(first?.token ?? '')).toBeNull();
    expect(await context.library.browse(first?.token ?? '')).toMatchObject({
      ok: false,
      problem: 'not-found',
    });
  });
});

describe('the media folder', () => {
  it('is created if missing, and cleared of copies a crash left behind', () => {
    const base = folder();
    const media = join(base, 'media');
    createMediaLibrary({ mediaDirectory: media, sources: () => [] });
    expect(existsSync(media)).toBe(true);

    const kept = `${'a'.repeat(64)}.png`;
    writeFileSync(join(media, '.import-0123abcd.part'), 'half');
    writeFileSync(join(media, kept), pngBytes());
    createMediaLibrary({ mediaDirectory: media, sources: () => [] });
    expect(readdirSync(media)).toEqual([kept]);
  });

  it('clears the names file’s temporary copies a killed write left behind', () => {
    const base = folder();
    const media = join(base, 'media');
    writeFileSync(join(base, 'media-names.json'), '{}');
    writeFileSync(join(base, 'media-names.json.tmp-99999'), '{"aaa');
    writeFileSync(join(base, 'other.json.tmp-99999'), 'not ours');
    createMediaLibrary({ mediaDirectory: media, sources: () => [] });
    expect(readdirSync(base).sort()).toEqual(['media', 'media-names.json', 'other.json.tmp-99999']);
  });

  it('lists media files with their users and the names they had on the drive, ignoring anything else', async () => {
    const context = setup();
    const png = value(await importBytes(context, 'logo.png', pngBytes()));
    const vtt = value(await importBytes(context, 'subs.vtt', VTT));
    writeFileSync(join(context.media, 'notes.txt'), 'not media');
    mkdirSync(join(context.media, `${'b'.repeat(64)}.png`));

    const entries = await context.library.list(new Map([[png.file, ['slide-1', 'slide-4']]]));
    expect(entries).toEqual(
      [
        {
          file: png.file,
          kind: 'image',
          bytes: pngBytes().length,
          usedBy: ['slide-1', 'slide-4'],
          sourceName: 'logo.png',
        },
        {
          file: vtt.file,
          kind: 'captions',
          bytes: Buffer.byteLength(VTT),
          usedBy: [],
          sourceName: 'subs.vtt',
        },
      ].sort((a, b) => (a.file < b.file ? -1 : 1)),
    );
    for (const entry of entries) expect(MediaLibraryEntrySchema.parse(entry)).toEqual(entry);
  });

  it('removes only files nobody uses', async () => {
    const context = setup();
    const png = value(await importBytes(context, 'logo.png', pngBytes()));
    const inUse = new Map([[png.file, ['slide-1']]]);
    expect(context.library.sourceNameOf(png.file)).toBe('logo.png');
    expect(await context.library.remove(png.file, inUse)).toMatchObject({
      ok: false,
      problem: 'in-use',
    });
    expect(existsSync(join(context.media, png.file))).toBe(true);

    expect(await context.library.remove(png.file, new Map([[png.file, []]]))).toEqual({
      ok: true,
      value: null,
    });
    expect(existsSync(join(context.media, png.file))).toBe(false);
    // Its name goes with it.
    expect(context.library.sourceNameOf(png.file)).toBeNull();
    expect(await context.library.remove(png.file, new Map())).toMatchObject({
      ok: false,
      problem: 'not-found',
    });
    for (const name of ['../settings.json', 'notes.txt', `${'a'.repeat(64)}.exe`]) {
      expect(await context.library.remove(name, new Map())).toMatchObject({
        ok: false,
        problem: 'not-found',
      });
    }
  });

  it('holds a deleted file for an Undo: restore brings it back with its name, discardHeld ends it, a new start clears what is held', async () => {
    const context = setup();
    const png = value(await importBytes(context, 'logo.png', pngBytes()));
    value(await context.library.remove(png.file, new Map()));
    expect(await context.library.list(new Map())).toEqual([]);
    expect(context.library.pathOf(png.file)).toBe(join(context.media, png.file));
    expect(existsSync(join(context.media, HELD_FOLDER, png.file))).toBe(true);

    expect(await context.library.restore(png.file)).toEqual({ ok: true, value: null });
    expect(existsSync(join(context.media, png.file))).toBe(true);
    expect(context.library.sourceNameOf(png.file)).toBe('logo.png');
    // Once back, there is nothing held to bring back again.
    expect(await context.library.restore(png.file)).toMatchObject({ problem: 'not-found' });

    value(await context.library.remove(png.file, new Map()));
    await context.library.discardHeld(png.file);
    expect(existsSync(join(context.media, HELD_FOLDER, png.file))).toBe(false);
    expect(await context.library.restore(png.file)).toMatchObject({ problem: 'not-found' });

    // Held when the kiosk stopped: the next start deletes it.
    const again = value(await importBytes(context, 'logo again.png', pngBytes()));
    value(await context.library.remove(again.file, new Map()));
    const restarted = createMediaLibrary({ mediaDirectory: context.media, sources: () => [] });
    expect(existsSync(join(context.media, HELD_FOLDER))).toBe(false);
    expect(await restarted.restore(again.file)).toMatchObject({ problem: 'not-found' });
  });

  it('a held file imported again meanwhile: its Undo finds it back, under the new name', async () => {
    const context = setup();
    const png = value(await importBytes(context, 'logo.png', pngBytes()));
    value(await context.library.remove(png.file, new Map()));
    value(await importBytes(context, 'logo copy.png', pngBytes()));
    expect(await context.library.restore(png.file)).toEqual({ ok: true, value: null });
    expect(existsSync(join(context.media, HELD_FOLDER, png.file))).toBe(false);
    expect(context.library.sourceNameOf(png.file)).toBe('logo copy.png');
  });

  it('gives paths only for media file names', () => {
    const context = setup();
    const name = `${'c'.repeat(64)}.webm`;
    expect(context.library.pathOf(name)).toBe(join(context.media, name));
    expect(context.library.pathOf('../secret.webm')).toBeNull();
    expect(context.library.pathOf(`${'c'.repeat(64)}.mov`)).toBeNull();
  });
});

describe('usbMountRoots', () => {
  /** A fake file system: path → names; anything else throws like a missing folder. */
  function lister(tree: Record<string, string[]>) {
    return (path: string) => {
      const names = tree[path];
      if (!names) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return names;
    };
  }

  it('finds udisks and plain mounts on Linux', () => {
    const roots = usbMountRoots({
      platform: 'linux',
      username: 'kiosk',
      listDirectory: lister({
        '/media/kiosk': ['KINGSTON', '.hidden'],
        '/run/media/kiosk': ['SANDISK'],
        '/media': ['kiosk', 'usb0', 'cdrom'],
      }),
    });
    expect(roots).toEqual([
      { label: 'USB drive KINGSTON', kind: 'usb', path: '/media/kiosk/KINGSTON' },
      { label: 'USB drive SANDISK', kind: 'usb', path: '/run/media/kiosk/SANDISK' },
      { label: 'USB drive usb0', kind: 'usb', path: '/media/usb0' },
      { label: 'USB drive cdrom', kind: 'usb', path: '/media/cdrom' },
    ]);
    expect(
      usbMountRoots({ platform: 'linux', username: 'kiosk', listDirectory: lister({}) }),
    ).toEqual([]);
  });

  it('finds volumes on macOS, but not the startup disk', () => {
    const roots = usbMountRoots({
      platform: 'darwin',
      username: 'staff',
      listDirectory: lister({ '/Volumes': ['Macintosh HD', 'KINGSTON', '.timemachine'] }),
    });
    expect(roots).toEqual([
      { label: 'USB drive KINGSTON', kind: 'usb', path: '/Volumes/KINGSTON' },
    ]);
  });

  it('finds drive letters D: to Z: that can be listed on Windows', () => {
    const listed: string[] = [];
    const roots = usbMountRoots({
      platform: 'win32',
      username: 'Kiosk',
      listDirectory: (path) => {
        listed.push(path);
        if (path === 'E:\\' || path === 'Z:\\') return [];
        throw new Error('not ready');
      },
    });
    expect(roots).toEqual([
      { label: 'Drive E:', kind: 'usb', path: 'E:\\' },
      { label: 'Drive Z:', kind: 'usb', path: 'Z:\\' },
    ]);
    expect(listed[0]).toBe('D:\\');
    expect(listed).not.toContain('C:\\');
    expect(listed).toHaveLength(23);
  });

  it('finds nothing on other systems', () => {
    expect(
      usbMountRoots({ platform: 'freebsd', username: 'x', listDirectory: () => ['a'] }),
    ).toEqual([]);
  });
});
