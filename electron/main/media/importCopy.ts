/**
 * The import copy: a checked file is streamed into a temporary file in the media folder,
 * hashed as it goes, synced, checked again, and only then renamed to
 * `<sha256>.<extension of the detected type>`, so a crash or a pulled drive never leaves a half
 * file under a real media name. Progress is reported as it goes.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImportedMedia, ImportProgress, MediaKind } from '../../../contract';
import { fsyncDirectory, writeCauseOf, type FileSystem } from '../durableFile';
import { inspect, openRegularFile, type Inspection } from './contentCheck';
import {
  describeError,
  formatLimit,
  MB,
  MediaFailure,
  refuse,
  type MediaResult,
} from './mediaResult';

export const DEFAULT_COPY_CHUNK_BYTES = MB;
export const DEFAULT_PROGRESS_INTERVAL_MS = 100;
export const DEFAULT_PROGRESS_EVERY_BYTES = 4 * MB;

const TEMPORARY_PREFIX = '.import-';
const TEMPORARY_SUFFIX = '.part';

/** A copy cut short by a crash or power cut: never renamed, so never used. */
export function isTemporaryName(name: string): boolean {
  return name.startsWith(TEMPORARY_PREFIX) && name.endsWith(TEMPORARY_SUFFIX);
}

export interface ImportCopyOptions {
  mediaDirectory: string;
  limits: Readonly<Record<MediaKind, number>>;
  /** Bytes read per step while copying. */
  copyChunkBytes: number;
  /** Progress is reported when this much time has passed since the last report… */
  progressIntervalMs: number;
  /** …or this many bytes were copied since the last report. */
  progressEveryBytes: number;
  disk: FileSystem;
}

/** Copies files staff picked into the media folder, after checking them by their content. */
export function createImportCopy(options: ImportCopyOptions) {
  const { mediaDirectory, limits, copyChunkBytes, progressIntervalMs, progressEveryBytes, disk } =
    options;
  const { lstat, open, rename, rm, stat } = disk.promises;

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

  /**
   * Checks `source` (its real path, and its name on the drive), copies it into the media folder
   * and reports progress under `token` (the picker's name for it).
   */
  async function importFile(
    source: string,
    sourceName: string,
    token: string,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<MediaResult<ImportedMedia>> {
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
      // A copy that can't be read back is the kiosk's disk failing, not the drive.
      const again = await inspect(copy.temporary, sourceName, limits, disk, (error) =>
        refuse(
          'write-failed',
          `The copy could not be read back from the kiosk's disk (${describeError(error)}).`,
          writeCauseOf(error),
        ),
      );
      if (!again.ok && again.problem === 'write-failed') {
        await rm(copy.temporary, { force: true });
        return again;
      }
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
      if (exists) {
        await rm(copy.temporary, { force: true });
      } else {
        await rename(copy.temporary, destination);
        try {
          fsyncDirectory(mediaDirectory, disk);
        } catch (error) {
          // The rename may not survive a power cut: refused, so take the file back out too.
          await rm(destination, { force: true }).catch(() => undefined);
          throw error;
        }
      }
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

  return { importFile };
}
