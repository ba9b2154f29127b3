import type { Dirent } from 'node:fs';
import path from 'node:path';
import {
  MEDIA_LIMITS,
  MediaFileSchema,
  mediaKindOf,
  type ImportProgress,
  type ImportSource,
  type ImportedMedia,
  type MediaKind,
  type MediaLibraryEntry,
  type PickerFolder,
} from '../../contract';
import { fsyncDirectory, realFileSystem, writeCauseOf, type FileSystem } from './durableFile';
import {
  createImportCopy,
  DEFAULT_COPY_CHUNK_BYTES,
  DEFAULT_PROGRESS_EVERY_BYTES,
  DEFAULT_PROGRESS_INTERVAL_MS,
  isTemporaryName,
} from './media/importCopy';
import type { SourceRoot } from './media/importSources';
import { readMediaNames, removeLeftoverMediaNames, updateMediaNames } from './media/mediaNames';
import { describeError, errorCode, refuse, type MediaResult } from './media/mediaResult';
import { createPicker, DEFAULT_MAX_TOKENS, MAX_NAME_CHARS } from './media/picker';

/**
 * The clinic's own pictures, videos and captions: the main-process side of importing them from
 * a USB drive or an import folder, and of the media folder they are copied into. Its parts live
 * in media/: the content checks (contentCheck.ts, fileWholeness.ts), where drives appear
 * (importSources.ts), the picker and its tokens (picker.ts), the copy (importCopy.ts), and the
 * names files had on the drive (mediaNames.ts).
 *
 * Plain Node on purpose (no `electron` import): main wires it to the app's folders and IPC,
 * tests drive it with real temporary folders.
 */

export type { MediaResult } from './media/mediaResult';
export type { SourceRoot } from './media/importSources';

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

export interface MediaLibrary {
  /** The drives and import folders that exist right now, each with a fresh token. */
  listSources(): Promise<ImportSource[]>;
  browse(token: string): Promise<MediaResult<PickerFolder>>;
  /** Copies the file behind `token` into the media folder after checking it. */
  importFile(
    token: string,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<MediaResult<ImportedMedia>>;
  /**
   * Files in the media folder, each with the name it had on the drive when one was noted; `inUse`
   * lists, per file name, the ids of slides using it.
   */
  list(inUse: ReadonlyMap<string, string[]>): Promise<MediaLibraryEntry[]>;
  /**
   * Deletes a media file unless `inUse` has it (problem 'in-use'); unknown name: 'not-found'.
   * The file is held aside, not yet gone: `restore` brings it back (an Undo), until
   * `discardHeld` deletes it for good or the kiosk starts again.
   */
  remove(file: string, inUse: ReadonlyMap<string, string[]>): Promise<MediaResult<null>>;
  /** Brings back a file `remove` holds, with its name; 'not-found' once it is gone for good. */
  restore(file: string): Promise<MediaResult<null>>;
  /** Deletes a file `remove` holds for good (nothing when it is not held). */
  discardHeld(file: string): Promise<void>;
  /** The name a media file had on the drive it was imported from, when one was noted. */
  sourceNameOf(file: string): string | null;
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

const FILE_GONE = 'This file is no longer there. Was the drive removed?';
/** Inside the media folder: deleted files held for an Undo (never listed, never served). */
export const HELD_FOLDER = '.deleted';

export function createMediaLibrary(options: MediaLibraryOptions): MediaLibrary {
  const mediaDirectory = path.resolve(options.mediaDirectory);
  const limits: Readonly<Record<MediaKind, number>> = { ...MEDIA_LIMITS, ...options.limits };
  const disk = options.fileSystem ?? realFileSystem;
  const { lstat, readdir, rename, unlink } = disk.promises;
  const held = path.join(mediaDirectory, HELD_FOLDER);
  /** The names held files had on the drive, to give back with them. */
  const heldNames = new Map<string, string | null>();

  // Copies cut short by a crash or power cut: never renamed, so never used. Clear them away.
  // On a read-only or failing disk they stay, and the kiosk still starts.
  try {
    disk.mkdirSync(mediaDirectory, { recursive: true });
    for (const name of disk.readdirSync(mediaDirectory)) {
      if (isTemporaryName(name)) disk.rmSync(path.join(mediaDirectory, name), { force: true });
    }
    // Files held for an Undo: no Undo outlives the kiosk's run.
    disk.rmSync(held, { recursive: true, force: true });
  } catch (error) {
    console.warn(`[media] could not clear unfinished copies: ${describeError(error)}`);
  }
  removeLeftoverMediaNames(mediaDirectory, disk);

  // The names files had on the drive (media/mediaNames.ts): staff know "Big poster.png", not
  // the content hash a file is kept under.
  const readNames = () => readMediaNames(mediaDirectory, disk);
  const noteName = (file: string, name: string | null) => {
    try {
      updateMediaNames(mediaDirectory, { [file]: name }, disk);
    } catch (error) {
      // Only a name is lost: the file itself is in place.
      console.warn(`[media] could not note a file's name: ${describeError(error)}`);
    }
  };

  const picker = createPicker({
    sources: () => options.sources(),
    maxTokens: options.maxTokens ?? DEFAULT_MAX_TOKENS,
    disk,
  });
  const copy = createImportCopy({
    mediaDirectory,
    limits,
    copyChunkBytes: options.copyChunkBytes ?? DEFAULT_COPY_CHUNK_BYTES,
    progressIntervalMs: options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS,
    progressEveryBytes: options.progressEveryBytes ?? DEFAULT_PROGRESS_EVERY_BYTES,
    disk,
  });

  return {
    listSources: () => picker.listSources(),
    browse: (token) => picker.browse(token),

    async importFile(token, onProgress) {
      const source = await picker.fileBehind(token);
      if (!source) return refuse('not-found', FILE_GONE);
      const result = await copy.importFile(
        source.path,
        source.name.slice(0, MAX_NAME_CHARS),
        token,
        onProgress,
      );
      if (result.ok) noteName(result.value.file, result.value.sourceName);
      return result;
    },

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
      const sourceNames = readNames();
      const entries = await Promise.all(
        names.map(async (file): Promise<MediaLibraryEntry | null> => {
          try {
            const info = await lstat(path.join(mediaDirectory, file));
            const sourceName = sourceNames[file];
            return {
              file,
              kind: mediaKindOf(file),
              bytes: info.size,
              ...(sourceName === undefined ? {} : { sourceName }),
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
      const sourceName = readNames()[file] ?? null;
      try {
        await disk.promises.mkdir(held, { recursive: true });
        await rename(path.join(mediaDirectory, file), path.join(held, file));
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
      heldNames.set(file, sourceName);
      noteName(file, null);
      return { ok: true, value: null };
    },

    async restore(file) {
      if (!MediaFileSchema.safeParse(file).success || !heldNames.has(file)) {
        return refuse('not-found', 'That file can no longer be brought back.');
      }
      const target = path.join(mediaDirectory, file);
      // The same content imported again meanwhile: it is back already, under its new name.
      const again = disk.existsSync(target);
      try {
        if (again) await unlink(path.join(held, file));
        else await rename(path.join(held, file), target);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') {
          return refuse('not-found', 'That file can no longer be brought back.');
        }
        return refuse(
          'write-failed',
          `The file could not be brought back (${describeError(error)}).`,
          writeCauseOf(error),
        );
      }
      try {
        fsyncDirectory(mediaDirectory, disk);
      } catch {
        // The file is back; at worst a power cut leaves it held, and the next start deletes it.
      }
      if (!again) noteName(file, heldNames.get(file) ?? null);
      heldNames.delete(file);
      return { ok: true, value: null };
    },

    async discardHeld(file) {
      if (!heldNames.has(file)) return;
      heldNames.delete(file);
      await unlink(path.join(held, file)).catch((error: unknown) => {
        if (errorCode(error) !== 'ENOENT') {
          console.warn(`[media] could not delete a held file: ${describeError(error)}`);
        }
      });
    },

    sourceNameOf: (file) => readNames()[file] ?? null,

    pathOf(file) {
      return MediaFileSchema.safeParse(file).success ? path.join(mediaDirectory, file) : null;
    },

    resolveFolder: (token) => picker.resolveFolder(token),
    resolveFile: (token) => picker.resolveFile(token),
  };
}
