/**
 * The in-app picker over USB drives and the import folder. The renderer never sends a path: it
 * browses folders main lists for it and names folders and files only by opaque tokens that map
 * to real paths in this module's memory. Every use of a token re-checks that the real path is
 * still inside its drive.
 */
import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import {
  PickerTokenSchema,
  type ImportSource,
  type PickerEntry,
  type PickerEntryKind,
  type PickerFolder,
} from '../../../contract';
import type { FileSystem } from '../durableFile';
import { existingSourceRoots, type SourceRoot } from './importSources';
import { refuse, type MediaResult } from './mediaResult';

export const DEFAULT_MAX_TOKENS = 5000;
/** The picker lists at most this many entries of one folder (the schema allows 1000). */
export const MAX_PICKER_ENTRIES = 500;
/** The schema's limits on names and on the trail. */
export const MAX_NAME_CHARS = 260;
const MAX_TRAIL = 20;

/** Folders Windows puts on every drive it touches; staff never want them. */
const SYSTEM_FOLDERS = new Set(['system volume information', '$recycle.bin']);

const FOLDER_GONE = 'This folder is no longer there. Was the drive removed?';

interface TokenTarget {
  path: string;
  type: 'folder' | 'file';
  root: SourceRoot;
}

export interface PickerOptions {
  /** Where staff may pick files from; called on every `listSources()`. */
  sources(): SourceRoot[];
  /** Tokens kept before the oldest are forgotten. */
  maxTokens: number;
  disk: FileSystem;
}

export interface Picker {
  /** The drives and import folders that exist right now, each with a fresh token. */
  listSources(): Promise<ImportSource[]>;
  browse(token: string): Promise<MediaResult<PickerFolder>>;
  /** The file a token names, if it is still inside its drive: its real path and its name there. */
  fileBehind(token: string): Promise<{ path: string; name: string } | null>;
  /** Token → absolute path (null: unknown token, the wrong kind, or gone from its drive). */
  resolveFolder(token: string): string | null;
  resolveFile(token: string): string | null;
}

/** A picker guess from the name only, for the icon and the filter; import checks the content. */
function guessKind(name: string): PickerEntryKind {
  const extension = path.extname(name).slice(1).toLowerCase();
  if (['png', 'jpg', 'jpeg', 'webp'].includes(extension)) return 'image';
  if (['mp4', 'm4v', 'webm'].includes(extension)) return 'video';
  if (extension === 'vtt') return 'captions';
  if (extension === 'zip') return 'bundle';
  if (extension === 'json') return 'invitation';
  return 'other';
}

/** `child` is `parent` itself or somewhere below it. */
function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  if (relative === '') return true;
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });

export function createPicker(options: PickerOptions): Picker {
  const { maxTokens, disk } = options;
  const { lstat, readdir, realpath } = disk.promises;

  /** Token → what it stands for. Insertion order is age, so the first key is the oldest. */
  const tokens = new Map<string, TokenTarget>();

  function issue(target: TokenTarget): string {
    const token = randomBytes(16).toString('hex');
    tokens.set(token, target);
    while (tokens.size > maxTokens) {
      const oldest = tokens.keys().next().value;
      if (oldest === undefined) break;
      tokens.delete(oldest);
    }
    return token;
  }

  function lookup(token: unknown, type: TokenTarget['type']): TokenTarget | null {
    if (!PickerTokenSchema.safeParse(token).success) return null;
    const target = tokens.get(token as string);
    return target?.type === type ? target : null;
  }

  /**
   * The real path of a token's target, if it still exists inside the real path of its drive.
   * Checked on every use: a folder may have been swapped for a symlink pointing anywhere in
   * the machine, or the drive pulled, since the token was handed out.
   */
  async function realPathInside(target: TokenTarget): Promise<string | null> {
    try {
      const [root, real] = await Promise.all([realpath(target.root.path), realpath(target.path)]);
      return isInside(root, real) ? real : null;
    } catch {
      return null;
    }
  }

  function realPathInsideSync(target: TokenTarget): string | null {
    try {
      const real = disk.realpathSync(target.path);
      return isInside(disk.realpathSync(target.root.path), real) ? real : null;
    } catch {
      return null;
    }
  }

  async function browse(token: string): Promise<MediaResult<PickerFolder>> {
    const target = lookup(token, 'folder');
    if (!target) return refuse('not-found', FOLDER_GONE);
    const real = await realPathInside(target);
    if (!real) return refuse('not-found', FOLDER_GONE);

    let dirents: Dirent[];
    try {
      dirents = await readdir(real, { withFileTypes: true });
    } catch {
      return refuse('not-found', FOLDER_GONE);
    }
    // Symlinks are never followed: one on a drive could point anywhere in the machine.
    const visible = dirents.filter(
      (dirent) =>
        !dirent.name.startsWith('.') &&
        !SYSTEM_FOLDERS.has(dirent.name.toLowerCase()) &&
        !dirent.isSymbolicLink() &&
        (dirent.isDirectory() || dirent.isFile()),
    );
    const folders = visible.filter((dirent) => dirent.isDirectory()).map((dirent) => dirent.name);
    const files = visible.filter((dirent) => dirent.isFile()).map((dirent) => dirent.name);
    const ordered = [
      ...folders.sort(byName).map((name) => ({ name, folder: true })),
      ...files.sort(byName).map((name) => ({ name, folder: false })),
    ];
    const shown = ordered.slice(0, MAX_PICKER_ENTRIES);

    const entries = await Promise.all(
      shown.map(async ({ name, folder }): Promise<PickerEntry | null> => {
        const entryPath = path.join(target.path, name);
        let bytes: number | null = null;
        if (!folder) {
          try {
            const info = await lstat(path.join(real, name));
            if (!info.isFile()) return null;
            bytes = info.size;
          } catch {
            return null; // gone since the listing
          }
        }
        return {
          token: issue({ path: entryPath, type: folder ? 'folder' : 'file', root: target.root }),
          name: name.slice(0, MAX_NAME_CHARS),
          kind: folder ? 'folder' : guessKind(name),
          bytes,
        };
      }),
    );

    const below = path.relative(target.root.path, target.path).split(path.sep).filter(Boolean);
    let trail = [target.root.label, ...below].map((name) => name.slice(0, MAX_NAME_CHARS));
    if (trail.length > MAX_TRAIL) {
      trail = [trail[0] ?? '', '…', ...trail.slice(trail.length - (MAX_TRAIL - 2))];
    }
    const atRoot = path.relative(target.root.path, target.path) === '';

    return {
      ok: true,
      value: {
        token,
        trail,
        parent: atRoot
          ? null
          : issue({ path: path.dirname(target.path), type: 'folder', root: target.root }),
        entries: entries.filter((entry): entry is PickerEntry => entry !== null),
        truncated: ordered.length > shown.length,
      },
    };
  }

  return {
    async listSources() {
      let given: SourceRoot[];
      try {
        given = options.sources();
      } catch {
        return [];
      }
      const roots = await existingSourceRoots(given, disk);
      return roots.map((root) => ({
        token: issue({ path: root.path, type: 'folder', root }),
        label: root.label.slice(0, MAX_NAME_CHARS),
        kind: root.kind,
      }));
    },

    browse,

    async fileBehind(token) {
      const target = lookup(token, 'file');
      if (!target) return null;
      const real = await realPathInside(target);
      return real ? { path: real, name: path.basename(target.path) } : null;
    },

    resolveFolder(token) {
      const target = lookup(token, 'folder');
      return target ? realPathInsideSync(target) : null;
    },

    resolveFile(token) {
      const target = lookup(token, 'file');
      return target ? realPathInsideSync(target) : null;
    },
  };
}
