import path from 'node:path';
import {
  readJsonFile,
  realFileSystem,
  removeLeftoverTemporaryFiles,
  writeFileDurably,
  type FileSystem,
} from './durableFile';
import type { StaffPinStore } from './staffPin';

export const PIN_FILE_NAME = 'staff-pin.json';

/**
 * The staff PIN record kept in its own small file, written durably (a failed write throws and
 * leaves the old record). Clears away temporary files a write cut short left behind.
 */
export function createPinFileStore(
  directory: string,
  files: FileSystem = realFileSystem,
): StaffPinStore {
  const file = path.join(directory, PIN_FILE_NAME);
  removeLeftoverTemporaryFiles(file, files);
  return {
    load: () => readJsonFile(file, files),
    save: (record) => writeFileDurably(file, `${JSON.stringify(record)}\n`, files),
    clear: () => writeFileDurably(file, 'null\n', files),
  };
}
