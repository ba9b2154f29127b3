/**
 * The one way main writes its small files (settings, the good copy, the setup backup, the PIN
 * record): every write is checked, and a write that fails leaves the old file as it was.
 *
 * - The bytes go to `<file>.tmp-<pid>`, in a loop until all are written (a short write is
 *   continued, a write that takes nothing fails), then the size on disk is checked, the
 *   temporary file is fsynced and closed, renamed over the target and the folder fsynced.
 * - Any failure before the rename removes the temporary file and throws the system's error
 *   (ENOSPC, EIO, EROFS …): the target still holds its old bytes.
 * - `writeCauseOf` sorts those errors into what staff can act on (disk full, read-only …).
 *
 * Every call takes the file system as an argument (node:fs by default) so the fault tests can
 * make one call fail on cue (EIO, EACCES …) where a real disk can't be made to.
 */
import nodeFs from 'node:fs';
import path from 'node:path';
import type { WriteCause } from '../../contract';

/** node:fs, or a stand-in with the same calls (the fault tests' file-system seam). */
export type FileSystem = typeof nodeFs;
export const realFileSystem: FileSystem = nodeFs;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Why a write failed, in terms staff can act on. */
export function writeCauseOf(error: unknown): WriteCause {
  switch (errorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return 'disk-full';
    case 'EROFS':
      return 'read-only';
    case 'EACCES':
    case 'EPERM':
      return 'no-permission';
    case 'ENOTDIR':
    case 'ENAMETOOLONG':
    case 'ENOENT':
    case 'ELOOP':
    case 'EISDIR':
      return 'path-problem';
    default:
      return 'disk-error';
  }
}

/** An error with a system error code, for failures we detect ourselves. */
function systemError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** Makes a rename inside `directory` survive a power cut (no-op on Windows, where NTFS journals it). */
export function fsyncDirectory(directory: string, files: FileSystem = nodeFs): void {
  if (process.platform === 'win32') return;
  const fd = files.openSync(directory, 'r');
  try {
    files.fsyncSync(fd);
  } finally {
    files.closeSync(fd);
  }
}

/** The temporary file `writeTemporaryFile` uses for `file`. */
export function temporaryPathOf(file: string): string {
  return `${file}.tmp-${process.pid}`;
}

/** Removes a file, ignoring every error (clean-up on a path that is failing already). */
export function removeQuietly(file: string, files: FileSystem = nodeFs): void {
  try {
    files.rmSync(file, { force: true });
  } catch {
    // Left for the clean-up at the next start.
  }
}

/**
 * Writes `bytes` to `<file>.tmp-<pid>`, checked and fsynced, and returns that path; the caller
 * renames it into place (`commitTemporaryFile`). On any failure the temporary file is removed
 * and the error thrown; `file` itself is never touched.
 */
export function writeTemporaryFile(
  file: string,
  bytes: Uint8Array,
  files: FileSystem = nodeFs,
): string {
  files.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = temporaryPathOf(file);
  let fd: number | null = null;
  try {
    fd = files.openSync(temporary, 'w');
    let written = 0;
    while (written < bytes.length) {
      const count = files.writeSync(fd, bytes, written, bytes.length - written);
      // A regular file that takes no bytes has no room left; never loop on it.
      if (count <= 0) {
        throw systemError(
          'ENOSPC',
          `the disk took no more bytes (${written} of ${bytes.length} written): ${temporary}`,
        );
      }
      written += count;
    }
    const size = files.fstatSync(fd).size;
    if (size !== bytes.length) {
      throw systemError('EIO', `${temporary} holds ${size} bytes, ${bytes.length} were written`);
    }
    files.fsyncSync(fd);
    const closing = fd;
    fd = null;
    files.closeSync(closing);
    return temporary;
  } catch (error) {
    if (fd !== null) {
      try {
        files.closeSync(fd);
      } catch {
        // Already failing; the error below is the one that matters.
      }
    }
    removeQuietly(temporary, files);
    throw error;
  }
}

/** Renames a temporary file over `file` and fsyncs the folder. A failed rename removes it. */
export function commitTemporaryFile(
  temporary: string,
  file: string,
  files: FileSystem = nodeFs,
): void {
  try {
    files.renameSync(temporary, file);
  } catch (error) {
    removeQuietly(temporary, files);
    throw error;
  }
  fsyncDirectory(path.dirname(file), files);
}

/**
 * Writes `data` to `file` so that after a crash, a power cut or a full disk the file holds
 * either the old or the new bytes, never a mix. Throws the system's error when the new bytes
 * could not be written (the old file is then unchanged), or when the folder could not be
 * fsynced after the rename (the new bytes are in place, but may not survive a power cut).
 */
export function writeFileDurably(
  file: string,
  data: string | Uint8Array,
  files: FileSystem = nodeFs,
): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  commitTemporaryFile(writeTemporaryFile(file, bytes, files), file, files);
}

/**
 * Removes `<file>.tmp-*` left by a write the process did not live to finish (a crash, a power
 * cut, a kill). Never throws: on a read-only or failing disk they simply stay. Returns the
 * names it removed.
 */
export function removeLeftoverTemporaryFiles(file: string, files: FileSystem = nodeFs): string[] {
  const directory = path.dirname(file);
  const prefix = `${path.basename(file)}.tmp-`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = files.readdirSync(directory);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    try {
      files.rmSync(path.join(directory, name), { force: true });
      removed.push(name);
    } catch {
      // Read-only or failing: harmless, it is never read.
    }
  }
  return removed;
}

/**
 * `removeLeftoverTemporaryFiles` for every file of a folder whose files are written durably
 * under names not known in advance (content hashes, dates): removes each `<name>.tmp-<pid>`.
 * Never throws. Returns the names it removed.
 */
export function removeLeftoverTemporaryFilesIn(
  directory: string,
  files: FileSystem = nodeFs,
): string[] {
  let names: string[];
  try {
    names = files.readdirSync(directory);
  } catch {
    return [];
  }
  const targets = new Set(
    names.map((name) => /^(.+)\.tmp-\d+$/.exec(name)?.[1]).filter((name) => name !== undefined),
  );
  return [...targets].flatMap((name) =>
    removeLeftoverTemporaryFiles(path.join(directory, name), files),
  );
}

/** Text without a leading UTF-8 byte order mark (PowerShell's `-Encoding utf8` writes one). */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parsed JSON, or undefined when the file does not exist. Throws on unreadable or bad JSON. */
export function readJsonFile(file: string, files: FileSystem = nodeFs): unknown {
  let text: string;
  try {
    text = files.readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(withoutByteOrderMark(text)) as unknown;
}
