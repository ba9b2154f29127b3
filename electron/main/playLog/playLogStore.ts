/**
 * The play log on disk, in the app's data folder, never wiped on start:
 *
 *   play-log/days/2026-12-03.jsonl      raw records of one local day (kept `retentionDays`)
 *   play-log/summaries/2026-12-03.json  that day's totals, made when the day closes (kept)
 *
 * Records are buffered and appended in batches (`flush`, at least every few seconds and on
 * quit), never on the render path. Each batch is written whole or its unwritten part kept for
 * the next try; a line cut by a power cut is left alone (the next batch starts on a new line)
 * and skipped when read. A full or read-only disk, or the size cap, stops the log and says so
 * in `status()`; it never throws into the slideshow.
 */
import nodeFs from 'node:fs';
import path from 'node:path';
import type { PlayLogStatus } from '../../../contract';
import { dateMinusDays, localDateOf, parseRecords, type LogRecord } from './playRecords';
import { summariseDay, type DaySummary } from './playSummaries';
import { removeLeftoverTemporaryFilesIn, writeFileDurably, type FileSystem } from '../durableFile';

export const DEFAULT_RETENTION_DAYS = 90;
export const DEFAULT_CAP_BYTES = 200 * 1024 * 1024;
/** Records waiting for a disk that cannot take them; beyond this the oldest are counted and dropped. */
export const MAX_PENDING_RECORDS = 20_000;

export interface PlayLogStoreOptions {
  /** `<userData>/play-log`. */
  directory: string;
  now(): Date;
  retentionDays?: () => number;
  capBytes?: number;
  /** The file system (the fault tests inject failures here). */
  fileSystem?: FileSystem;
}

export interface PlayLogStore {
  append(record: LogRecord): void;
  /** Writes what is buffered. Never throws; a failure is kept in `status().problem`. */
  flush(): void;
  /** Makes the summaries of closed days that lack one, and removes raw days past retention. */
  closeDays(): void;
  /** When the previous run was last seen alive (its newest record), or null. */
  lastSeen(): Date | null;
  /** One day's totals: the kept summary, or made from the raw file (today, a day not closed yet). */
  day(date: string): DaySummary;
  /** A day's raw records (for the CSV export). */
  records(date: string): LogRecord[];
  /** Days that have raw records, oldest first. */
  rawDays(): string[];
  /** Days that have a kept summary (also those whose raw records are gone), oldest first. */
  summarisedDays(): string[];
  status(): PlayLogStatus;
}

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;
const SUMMARY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

function sizeOf(directory: string, fs: FileSystem): number {
  let total = 0;
  for (const sub of ['days', 'summaries']) {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(directory, sub));
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        total += fs.statSync(path.join(directory, sub, name)).size;
      } catch {
        // Gone meanwhile.
      }
    }
  }
  return total;
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the data folder is read-only';
  if (code === 'EACCES' || code === 'EPERM') return 'the data folder cannot be written';
  return error instanceof Error ? error.message : String(error);
}

export function openPlayLogStore(options: PlayLogStoreOptions): PlayLogStore {
  const fs = options.fileSystem ?? nodeFs;
  const daysDir = path.join(options.directory, 'days');
  const summariesDir = path.join(options.directory, 'summaries');
  const capBytes = options.capBytes ?? DEFAULT_CAP_BYTES;
  const retentionDays = options.retentionDays ?? (() => DEFAULT_RETENTION_DAYS);
  let problem: PlayLogStatus['problem'] = null;
  let pending: { date: string; line: string }[] = [];
  let droppedPending = 0;
  let skippedLines = 0;
  // Summaries a killed write left half made (`<date>.json.tmp-<pid>`): never renamed, never read.
  removeLeftoverTemporaryFilesIn(summariesDir, fs);
  let bytes = sizeOf(options.directory, fs);
  /** Day files this run has checked for a torn last line. */
  const checkedEnds = new Set<string>();

  const dayFile = (date: string) => path.join(daysDir, `${date}.jsonl`);
  const summaryFile = (date: string) => path.join(summariesDir, `${date}.json`);

  const fail = (kind: 'write-failed' | 'disk-cap', detail: string) => {
    if (problem?.kind !== kind || problem.detail !== detail) {
      problem = { kind, detail: detail.slice(0, 500), since: options.now().toISOString() };
    }
  };

  function listDays(directory: string, pattern: RegExp): string[] {
    try {
      return fs
        .readdirSync(directory)
        .map((name) => pattern.exec(name)?.[1])
        .filter((date): date is string => !!date)
        .sort();
    } catch {
      return [];
    }
  }

  /** A file cut mid-line by a power cut: the next record must start on a line of its own. */
  function tornEnd(file: string): boolean {
    let fd: number | null = null;
    try {
      fd = fs.openSync(file, 'r');
      const { size } = fs.fstatSync(fd);
      if (size === 0) return false;
      const last = Buffer.alloc(1);
      fs.readSync(fd, last, 0, 1, size - 1);
      return last[0] !== 0x0a;
    } catch {
      return false;
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
  }

  /** Appends `text` whole, or throws after writing what it could (returned in the error). */
  function appendAll(file: string, text: Buffer): void {
    const fd = fs.openSync(file, 'a');
    let written = 0;
    try {
      while (written < text.length) {
        written += fs.writeSync(fd, text, written, text.length - written);
      }
      fs.fdatasyncSync(fd);
    } catch (error) {
      (error as { written?: number }).written = written;
      throw error;
    } finally {
      fs.closeSync(fd);
    }
  }

  function flushDay(date: string, lines: string[]): number {
    const file = dayFile(date);
    let prefix = '';
    if (!checkedEnds.has(file)) {
      if (tornEnd(file)) prefix = '\n';
      checkedEnds.add(file);
    }
    const body = lines.join('');
    const text = Buffer.from(prefix + body);
    try {
      appendAll(file, text);
      bytes += text.length;
      return lines.length;
    } catch (error) {
      // Whole lines that reached the disk are done; the rest (a torn one included) go again.
      const written = Math.max(0, ((error as { written?: number }).written ?? 0) - prefix.length);
      let done = 0;
      let offset = 0;
      for (const line of lines) {
        offset += Buffer.byteLength(line);
        if (offset > written) break;
        done += 1;
      }
      bytes += written;
      // A torn line may now end the file: start the next try on a new line.
      if (written > 0) checkedEnds.delete(file);
      throw Object.assign(error as Error, { done });
    }
  }

  function summaryOf(date: string): DaySummary | null {
    try {
      return JSON.parse(fs.readFileSync(summaryFile(date), 'utf8')) as DaySummary;
    } catch {
      return null;
    }
  }

  function readRaw(date: string): { records: LogRecord[]; skipped: number } {
    let text: string;
    try {
      text = fs.readFileSync(dayFile(date), 'utf8');
    } catch {
      return { records: [], skipped: 0 };
    }
    return parseRecords(text);
  }

  const store: PlayLogStore = {
    append(record) {
      pending.push({ date: record.date, line: `${JSON.stringify(record)}\n` });
      if (pending.length > MAX_PENDING_RECORDS) {
        droppedPending += pending.length - MAX_PENDING_RECORDS;
        pending = pending.slice(-MAX_PENDING_RECORDS);
      }
    },
    flush() {
      if (pending.length === 0) return;
      if (bytes >= capBytes) {
        droppedPending += pending.length;
        pending = [];
        fail(
          'disk-cap',
          `the play log reached its size limit (${Math.round(capBytes / 1048576)} MB); ${droppedPending} records were not kept`,
        );
        return;
      }
      try {
        fs.mkdirSync(daysDir, { recursive: true });
      } catch (error) {
        fail('write-failed', errorText(error));
        return;
      }
      const dates = [...new Set(pending.map((entry) => entry.date))];
      for (const date of dates) {
        const lines = pending.filter((entry) => entry.date === date).map((entry) => entry.line);
        try {
          flushDay(date, lines);
          pending = pending.filter((entry) => entry.date !== date);
        } catch (error) {
          const done = (error as { done?: number }).done ?? 0;
          let seen = 0;
          pending = pending.filter((entry) => entry.date !== date || ++seen > done);
          fail('write-failed', errorText(error));
          return;
        }
      }
      if (problem?.kind === 'write-failed') problem = null;
    },
    closeDays() {
      const today = localDateOf(options.now());
      // Records still buffered may belong to a day about to close (a stop that lasted past
      // midnight is written at start-up): they go to disk before that day is summarised.
      store.flush();
      try {
        fs.mkdirSync(summariesDir, { recursive: true });
        for (const date of listDays(daysDir, DAY_FILE)) {
          if (date >= today || summaryOf(date)) continue;
          const summary = store.day(date);
          const text = `${JSON.stringify(summary)}\n`;
          writeFileDurably(summaryFile(date), text, fs);
          bytes += text.length;
        }
        const oldestKept = dateMinusDays(today, retentionDays());
        for (const date of listDays(daysDir, DAY_FILE)) {
          // Raw days past retention go, but only once their summary is safely made.
          if (date < oldestKept && summaryOf(date)) {
            bytes -= fs.statSync(dayFile(date)).size;
            fs.rmSync(dayFile(date));
          }
        }
        if (problem?.kind === 'disk-cap' && bytes < capBytes) problem = null;
      } catch (error) {
        fail('write-failed', errorText(error));
      }
    },
    lastSeen() {
      const days = listDays(daysDir, DAY_FILE);
      for (const date of days.reverse()) {
        const { records } = readRaw(date);
        const times = records.map((record) =>
          Date.parse(record.type === 'alive' ? record.at : record.end),
        );
        if (times.length > 0) return new Date(Math.max(...times));
      }
      return null;
    },
    day(date) {
      const kept = summaryOf(date);
      if (kept) return kept;
      const { records, skipped } = readRaw(date);
      skippedLines += skipped;
      return summariseDay(date, records, skipped);
    },
    records(date) {
      return readRaw(date).records;
    },
    rawDays() {
      return listDays(daysDir, DAY_FILE);
    },
    summarisedDays() {
      return listDays(summariesDir, SUMMARY_FILE);
    },
    status() {
      const summarised = listDays(summariesDir, SUMMARY_FILE);
      const raw = listDays(daysDir, DAY_FILE);
      return {
        bytes,
        oldestDay: [raw[0], summarised[0]].filter((d): d is string => !!d).sort()[0] ?? null,
        lastSummarisedDay: summarised.at(-1) ?? null,
        problem,
        skippedLines,
        refusedEvents: 0,
      };
    },
  };
  return store;
}
