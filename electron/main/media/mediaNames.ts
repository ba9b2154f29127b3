import path from 'node:path';
import { MediaFileSchema } from '../../../contract';
import {
  readJsonFile,
  realFileSystem,
  removeLeftoverTemporaryFiles,
  writeFileDurably,
  type FileSystem,
} from '../durableFile';
import { MAX_NAME_CHARS } from './picker';

/**
 * The names media files had on the drive they came from, kept beside the media folder as
 * `<media folder>-names.json` (never served with the files): staff know "Big poster.png", not
 * the content hash a file is kept under. The media library notes a name on import and forgets
 * it on delete; a setup bundle carries the names of its media, and loading one notes them here.
 */

export function mediaNamesFile(mediaDirectory: string): string {
  return `${path.resolve(mediaDirectory)}-names.json`;
}

/**
 * Removes the names file's temporary copies a killed write left (`<names file>.tmp-<pid>`), when
 * the media library opens. Never throws.
 */
export function removeLeftoverMediaNames(
  mediaDirectory: string,
  disk: FileSystem = realFileSystem,
): void {
  removeLeftoverTemporaryFiles(mediaNamesFile(mediaDirectory), disk);
}

/** Media file name → name on the drive. A missing or unreadable file reads as no names. */
export function readMediaNames(
  mediaDirectory: string,
  disk: FileSystem = realFileSystem,
): Record<string, string> {
  try {
    const parsed = readJsonFile(mediaNamesFile(mediaDirectory), disk);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] =>
          MediaFileSchema.safeParse(entry[0]).success && typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

/**
 * Notes (a string, cut to MAX_NAME_CHARS) or forgets (null) the names of some media files in
 * one durable write; the names of other files stay. Writes nothing when nothing changes.
 * Throws when the write fails.
 */
export function updateMediaNames(
  mediaDirectory: string,
  changes: Readonly<Record<string, string | null>>,
  disk: FileSystem = realFileSystem,
): void {
  const names = readMediaNames(mediaDirectory, disk);
  let changed = false;
  for (const [file, name] of Object.entries(changes)) {
    if (!MediaFileSchema.safeParse(file).success) continue;
    if (name === null) {
      if (names[file] === undefined) continue;
      delete names[file];
    } else {
      const kept = name.slice(0, MAX_NAME_CHARS);
      if (names[file] === kept) continue;
      names[file] = kept;
    }
    changed = true;
  }
  if (changed) writeFileDurably(mediaNamesFile(mediaDirectory), JSON.stringify(names), disk);
}
