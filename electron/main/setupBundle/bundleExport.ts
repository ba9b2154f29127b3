/**
 * Saving the whole setup to a drive as one setup bundle: the settings document, the media the
 * clinic's slides use (hashed as they stream in, so a damaged file on the kiosk is caught) and
 * the manifest last, with the names staff know those media by. Written as `<name>.part`
 * (created exclusively, so nothing on the drive is replaced or written through a link),
 * fsynced, then renamed.
 */
import type { ReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { mediaFilesOf } from '../../../domain';
import { fsyncDirectory, type FileSystem } from '../durableFile';
import { readMediaNames } from '../media/mediaNames';
import type { SettingsStore } from '../settingsStore';
import { makeDocument, serializeDocument } from '../storeOptions';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BUNDLE_FORMAT_VERSION_WITHOUT_NAMES,
  BundleError,
  bundleFileName,
  bundleMediaNames,
  fail,
  failWrite,
  MANIFEST_NAME,
  MEDIA_PREFIX,
  megabytes,
  SETTINGS_NAME,
  sha256,
  type BundleLimits,
  type BundleManifest,
  type BundleManifestFile,
} from './bundleFormat';
import { createMeter } from './zipReading';

/** Names tried for an export ("…-2.zip" … "…-1000.zip") before giving up. */
const MAX_NAME_TRIES = 1000;

export interface BundleExportContext {
  store: SettingsStore;
  mediaDirectory: string;
  appVersion: string;
  now(): Date;
  limits: BundleLimits;
  disk: FileSystem;
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

/**
 * Writes `clinic-kiosk-setup-YYYY-MM-DD-HHmm.zip` (local time via now()) into `folder`.
 * Throws a BundleError (the caller turns it into a `BundleResult`).
 */
export async function exportBundle(
  context: BundleExportContext,
  folder: string,
): Promise<{ fileName: string; bytes: number }> {
  const { store, limits, disk } = context;
  const mediaPath = (file: string) => path.join(context.mediaDirectory, file);
  const date = context.now();
  const settings = store.settings;
  const settingsBytes = Buffer.from(serializeDocument(makeDocument(settings)), 'utf8');
  const media = mediaFilesOf(settings.customSlides).sort();
  // Only names the importing kiosk would keep: one line each, and only for media in the bundle.
  const names = bundleMediaNames(readMediaNames(context.mediaDirectory, disk), new Set(media));
  const named = Object.keys(names).length > 0;

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
      // Without names, the format every earlier app reads.
      formatVersion: named ? BUNDLE_FORMAT_VERSION : BUNDLE_FORMAT_VERSION_WITHOUT_NAMES,
      appVersion: context.appVersion,
      createdAt: date.toISOString(),
      files: listed,
      ...(named ? { names } : {}),
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
    return { fileName, bytes: size };
  } catch (error) {
    for (const source of sources) source.destroy();
    // Nothing half-written stays on the drive under either name.
    await disk.promises.rm(renamed ? finalPath : partPath, { force: true }).catch(() => undefined);
    const cause = zipError ?? error;
    if (cause instanceof BundleError) throw cause;
    failWrite(`could not write ${fileName}`, cause);
  }
}
