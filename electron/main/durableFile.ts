import fs from 'node:fs';
import path from 'node:path';

/** Makes a rename inside `directory` survive a power cut (no-op on Windows, where NTFS journals it). */
export function fsyncDirectory(directory: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(directory, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes `text` to `file` so that after a crash or power cut the file holds either the old
 * or the new text, never a mix: a temporary file next to it is written and fsynced, renamed
 * over the target, and the directory fsynced.
 */
export function writeFileDurably(file: string, text: string): void {
  const directory = path.dirname(file);
  fs.mkdirSync(directory, { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(temporary, 'w');
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  fsyncDirectory(directory);
}

/** Parsed JSON, or undefined when the file does not exist. Throws on unreadable or bad JSON. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as unknown;
}
