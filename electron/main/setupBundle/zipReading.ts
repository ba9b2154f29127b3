/**
 * Reading a setup bundle's zip without trusting it: every entry's name, type and declared
 * sizes are checked before anything is unpacked (links, folders, duplicates, names of its own
 * choosing, zip bombs), and every unpacked byte is counted and hashed on the way, so a lying
 * header can never make the kiosk inflate without end.
 */
import { createHash } from 'node:crypto';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile as ZipReader } from 'yauzl';
import { mediaKindOf } from '../../../contract';
import {
  BundleError,
  errorMessage,
  fail,
  failWrite,
  isListedFileName,
  MANIFEST_NAME,
  megabytes,
  SETTINGS_NAME,
  type BundleLimits,
  type BundleProblem,
} from './bundleFormat';

export type { Entry, ZipReader };

/** Below this size a high compression ratio is normal (small JSON), never a zip bomb. */
const RATIO_CHECK_MIN_BYTES = 64 * 1024;

/** Unix file type bits in the high half of a zip entry's external attributes. */
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

export interface Meter {
  bytes: number;
  /** The SHA-256 (hex) once the stream has ended. */
  digest(): string;
  stream: Transform;
}

/**
 * A pass-through stream that hashes and counts what flows through it, and fails as soon as
 * more than `limit` bytes arrived (so a lying header can never make us inflate without end).
 */
export function createMeter(
  limit: number,
  name: string,
  onFlush?: (meter: Meter) => Error | null,
): Meter {
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

/** A sink that drops everything (for checking a file the kiosk already has). */
export function discard(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}

const ZIP_OPTIONS: yauzl.Options = {
  lazyEntries: true,
  autoClose: false,
  strictFileNames: true,
  validateEntrySizes: true,
  decodeStrings: true,
};

export function openZip(file: string): Promise<ZipReader> {
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

export async function readAllEntries(zip: ZipReader, maxEntries: number): Promise<Entry[]> {
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
export function checkEntries(entries: readonly Entry[], limits: BundleLimits): Map<string, Entry> {
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
export async function unpackEntry(zip: ZipReader, entry: Entry, sink: Writable): Promise<Meter> {
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
export async function unpackToMemory(zip: ZipReader, entry: Entry): Promise<Buffer> {
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

/** UTF-8 JSON, or a refusal with `problem` saying what is wrong with `name`. */
export function decodeJson(bytes: Buffer, name: string, problem: BundleProblem): unknown {
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
