/**
 * Where staff may pick files from: the kiosk's import folder and the USB drives plugged in now.
 * Pure where it can be (the directory lister is passed in), so every platform is tested anywhere.
 */
import path from 'node:path';
import type { FileSystem } from '../durableFile';

export interface SourceRoot {
  /** What staff see, e.g. "USB drive KINGSTON". */
  label: string;
  kind: 'usb' | 'import-folder';
  path: string;
}

/**
 * Where USB drives appear on this OS, as picker roots. Pure (the directory lister is passed in)
 * so every platform is tested anywhere. Missing or unreadable places count as empty.
 *
 * - Linux: udisks mounts under `/media/<user>/<label>` (Debian, Ubuntu) or
 *   `/run/media/<user>/<label>` (Fedora, Arch); usbmount and hand-made mounts sit directly in
 *   `/media/<name>`.
 * - macOS: `/Volumes/<name>`, except the startup disk's entry.
 * - Windows: drive letters D: to Z: that can be listed right now (an empty card reader or
 *   optical drive can't, and is left out). C: is the system.
 */
export function usbMountRoots(input: {
  platform: NodeJS.Platform;
  username: string;
  listDirectory(path: string): string[];
}): SourceRoot[] {
  const list = (directory: string): string[] => {
    try {
      return input.listDirectory(directory).filter((name) => name !== '' && !name.startsWith('.'));
    } catch {
      return [];
    }
  };
  const roots: SourceRoot[] = [];
  const seen = new Set<string>();
  const add = (root: SourceRoot) => {
    if (seen.has(root.path)) return;
    seen.add(root.path);
    roots.push(root);
  };
  const posix = path.posix;

  switch (input.platform) {
    case 'linux': {
      const user = input.username;
      const validUser = user !== '' && !user.includes('/') && user !== '.' && user !== '..';
      const userFolders = validUser
        ? [posix.join('/media', user), posix.join('/run/media', user)]
        : [];
      for (const folder of userFolders) {
        for (const name of list(folder)) {
          add({ label: `USB drive ${name}`, kind: 'usb', path: posix.join(folder, name) });
        }
      }
      for (const name of list('/media')) {
        if (name === user) continue;
        add({ label: `USB drive ${name}`, kind: 'usb', path: posix.join('/media', name) });
      }
      break;
    }
    case 'darwin':
      for (const name of list('/Volumes')) {
        if (name === 'Macintosh HD') continue;
        add({ label: `USB drive ${name}`, kind: 'usb', path: posix.join('/Volumes', name) });
      }
      break;
    case 'win32':
      for (let code = 'D'.charCodeAt(0); code <= 'Z'.charCodeAt(0); code += 1) {
        const drive = `${String.fromCharCode(code)}:`;
        const root = path.win32.join(drive, path.win32.sep);
        try {
          input.listDirectory(root);
        } catch {
          continue;
        }
        add({ label: `Drive ${drive}`, kind: 'usb', path: root });
      }
      break;
    default:
      break;
  }
  return roots;
}

/**
 * The given roots that are folders right now, each once (by its resolved path), in the order
 * given. A root that cannot be looked at is left out.
 */
export async function existingSourceRoots(
  given: readonly SourceRoot[],
  disk: FileSystem,
): Promise<SourceRoot[]> {
  const roots: SourceRoot[] = [];
  const seen = new Set<string>();
  for (const root of given) {
    const resolved = { ...root, path: path.resolve(root.path) };
    if (seen.has(resolved.path)) continue;
    const isDirectory = await disk.promises.stat(resolved.path).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (!isDirectory) continue;
    seen.add(resolved.path);
    roots.push(resolved);
  }
  return roots;
}
