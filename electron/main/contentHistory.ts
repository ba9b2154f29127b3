/**
 * Every version of what the kiosk shows, kept so staff can answer "what did the screen say on
 * this date?". Plain Node (no `electron` import): it takes its folder, the built-in deck and a
 * clock, so the unit tests drive it directly.
 *
 * In `content-history/` in the app's data folder:
 *
 *   deck/<contentVersion>.json      the built-in deck as shipped with that content version
 *   items/<sha256>.json             a clinic slide, the clinic's details (its texts and crisis
 *                                   line) or the playlists and schedule, by the SHA-256 of
 *                                   their JSON: the same content is kept once
 *   timeline.jsonl                  one line each time what is shown changed: from when, the
 *                                   deck version, and the hashes of everything else
 *
 * Files are only ever added. A picture or video a slide names is itself named by its SHA-256
 * (`media/<sha256>.<type>`), so the kept slide says exactly which file it showed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../contract';
import { fsyncDirectory, removeLeftoverTemporaryFilesIn, writeFileDurably } from './durableFile';

export const CONTENT_HISTORY_FOLDER = 'content-history';
const TIMELINE_FILE = 'timeline.jsonl';

/** One line of the timeline: what the kiosk showed from `from` until the next line. */
export interface ShownContent {
  /** ISO 8601 instant this content began to be shown. */
  from: string;
  /** The built-in deck's content version, and its file under content-history/. */
  deckVersion: string;
  deckFile: string;
  /** Clinic slide id → hash of the slide (items/<hash>.json). */
  clinicSlides: Record<string, string>;
  /** The clinic's details: name, texts, crisis line (items/<hash>.json). */
  clinic: string;
  /** The playlists, the one playing and the schedule: which slides played when. */
  playlists: string;
}

export interface ContentHistory {
  /** Keeps what these settings put on screen, when it is new, and notes from when. */
  record(settings: Settings): void;
  /** Every timeline line in force at some moment between `from` and `to` (oldest first). */
  shownBetween(from: Date, to: Date): ShownContent[];
  /** The kept JSON of a deck file or an item hash named by a timeline line. */
  read(name: string): unknown;
}

export interface ContentHistoryOptions {
  /** The app's data folder; the history goes in its `content-history/`. */
  directory: string;
  /** The built-in deck as shipped (its JSON). */
  deck: { contentVersion: string };
  now(): Date;
}

/** JSON with every object's keys sorted, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  );
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function createContentHistory(options: ContentHistoryOptions): ContentHistory {
  const root = path.join(options.directory, CONTENT_HISTORY_FOLDER);
  const timelinePath = path.join(root, TIMELINE_FILE);
  // Copies a killed write left (`<file>.tmp-<pid>`): never renamed, so never read.
  for (const folder of [root, path.join(root, 'deck'), path.join(root, 'items')]) {
    removeLeftoverTemporaryFilesIn(folder);
  }

  /** Writes a file once; an existing one is the same content (its name says so). */
  function keep(relative: string, value: unknown): void {
    const file = path.join(root, relative);
    if (fs.existsSync(file)) return;
    writeFileDurably(file, `${JSON.stringify(value, null, 2)}\n`);
  }

  /** The deck's file: by version, or by version and hash if a different deck claims it. */
  function keepDeck(): string {
    const version = options.deck.contentVersion;
    const byVersion = `deck/${version}.json`;
    const file = path.join(root, byVersion);
    if (!fs.existsSync(file)) {
      keep(byVersion, options.deck);
      return byVersion;
    }
    const kept: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (contentHash(kept) === contentHash(options.deck)) return byVersion;
    // The words changed without a new content version: keep both, never overwrite.
    const byHash = `deck/${version}-${contentHash(options.deck).slice(0, 16)}.json`;
    keep(byHash, options.deck);
    return byHash;
  }

  function keepItem(value: unknown): string {
    const hash = contentHash(value);
    keep(`items/${hash}.json`, value);
    return hash;
  }

  function timeline(): ShownContent[] {
    let text: string;
    try {
      text = fs.readFileSync(timelinePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const lines: ShownContent[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        lines.push(JSON.parse(line) as ShownContent);
      } catch {
        // A line cut short by a power cut: the next record writes a whole one.
      }
    }
    return lines;
  }

  const sameContent = (a: ShownContent, b: ShownContent) =>
    canonicalJson({ ...a, from: '' }) === canonicalJson({ ...b, from: '' });

  return {
    record(settings) {
      const entry: ShownContent = {
        from: options.now().toISOString(),
        deckVersion: options.deck.contentVersion,
        deckFile: keepDeck(),
        clinicSlides: Object.fromEntries(
          settings.customSlides.map((slide) => [slide.id, keepItem(slide)]),
        ),
        clinic: keepItem(settings.clinic),
        playlists: keepItem({
          playlists: settings.playlists,
          defaultPlaylistId: settings.defaultPlaylistId,
          schedule: settings.schedule,
          readingWordsPerMinute: settings.readingWordsPerMinute,
        }),
      };
      const last = timeline().at(-1);
      if (last && sameContent(last, entry)) return;
      fs.mkdirSync(root, { recursive: true });
      const fd = fs.openSync(timelinePath, 'a+');
      try {
        // After a line cut short, start on a line of its own.
        const size = fs.fstatSync(fd).size;
        const last = Buffer.alloc(1);
        const cut = size > 0 && fs.readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
        fs.writeSync(fd, `${cut ? '\n' : ''}${JSON.stringify(entry)}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fsyncDirectory(root);
    },

    shownBetween(from, to) {
      const lines = timeline();
      const start = from.toISOString();
      const end = to.toISOString();
      return lines.filter((line, index) => {
        const next = lines[index + 1];
        // In force from its own start until the next line's.
        return line.from <= end && (next === undefined || next.from > start);
      });
    },

    read(name) {
      const relative = /^[0-9a-f]{64}$/.test(name) ? `items/${name}.json` : name;
      const file = path.resolve(root, relative);
      if (!file.startsWith(`${path.resolve(root)}${path.sep}`)) {
        throw new Error(`not a content history file: ${name}`);
      }
      return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    },
  };
}
