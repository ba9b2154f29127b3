/**
 * The play log as main runs it: the page's reports checked and timed by main, records batched
 * to disk every few seconds (and on quit), days summarised when they close, reports and the
 * export for staff. Nothing here can stop the slideshow: a refused report is counted and noted
 * once, a disk that cannot take the log is shown on Kiosk status.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  PlayEventBatchSchema,
  type PlayLogStatus,
  type PlayReport,
  type ScreenState,
} from '../../../contract';
import type { FileSystem } from '../durableFile';
import { dailyCsv, playsCsv, summaryText } from './playCsv';
import { openPlayLogStore, type PlayLogStore } from './playLogStore';
import { createPlayRecorder, type PlayRecorder } from './playRecorder';
import { localDateOf, type PlayRecord } from './playRecords';
import { buildPlayReport } from './playReports';
import type { DaySummary } from './playSummaries';

export const FLUSH_EVERY_MS = 5_000;
export const TICK_EVERY_MS = 20_000;
/** The page reports a few events a minute; far more than this per second is a fault. */
export const EVENTS_PER_SECOND = 20;
export const EVENT_BURST = 200;

export interface PlayLogServiceOptions {
  /** The data folder; the log lives in `<directory>/play-log`. */
  directory: string;
  now(): Date;
  monotonicNow(): number;
  /** The content version of a slide the kiosk has now, or null when it has none by that id. */
  contentVersionOf(slideId: string): string | null;
  isKnownPlaylist(playlistId: string): boolean;
  /** Why the app was not running between these times (the recovery log), if it says. */
  stopReason(from: Date, to: Date): string | null;
  /** Writes a problem to the recovery log (each kind of refusal once). */
  note(event: string, detail: string): void;
  retentionDays?: () => number;
  capBytes?: number;
  /** How often buffered records go to disk (default 5 s); a power cut loses at most this. */
  flushEveryMs?: number;
  /** The file system (the fault tests inject failures here). */
  fileSystem?: FileSystem;
  /** The screen's state changed (playing, closed, blanked, admin). */
  onScreenChange?: () => void;
}

export type ExportResult =
  | { ok: true; folderName: string; files: string[] }
  | { ok: false; problem: 'write-failed'; message: string };

export interface PlayLogService {
  /** A batch of events from the page (unchecked). */
  report(payload: unknown): void;
  status(): PlayLogStatus;
  playReport(days: number): PlayReport;
  /** Writes plays.csv, daily.csv and summary.txt into a new folder inside `folder`. */
  exportTo(
    folder: string,
    describe: { clinic: string; titleOf(slideId: string): string },
  ): ExportResult;
  clockJumped(): void;
  /** Closes what is open and writes everything (the app is quitting). */
  stop(): void;
  /** Writes what is buffered now (tests, and before an export). */
  flush(): void;
  /** What the patients' screen shows now, as the player last reported. */
  nowShowing(): { screen: ScreenState | null; slideId: string | null };
  /** A day's totals (the fleet's status file carries yesterday's). */
  day(date: string): DaySummary;
}

export function createPlayLogService(options: PlayLogServiceOptions): PlayLogService {
  const store: PlayLogStore = openPlayLogStore({
    directory: path.join(options.directory, 'play-log'),
    now: options.now,
    ...(options.retentionDays ? { retentionDays: options.retentionDays } : {}),
    ...(options.capBytes !== undefined ? { capBytes: options.capBytes } : {}),
    ...(options.fileSystem ? { fileSystem: options.fileSystem } : {}),
  });
  const recorder: PlayRecorder = createPlayRecorder({
    now: options.now,
    monotonicNow: options.monotonicNow,
    contentVersionOf: options.contentVersionOf,
    isKnownPlaylist: options.isKnownPlaylist,
    write: (record) => store.append(record),
  });

  // The gap since the previous run was last seen is time the kiosk was not running.
  const lastSeen = store.lastSeen();
  if (lastSeen) recorder.startedAfterGap(lastSeen, options.stopReason(lastSeen, options.now()));
  store.closeDays();

  let refused = 0;
  const noted = new Set<string>();
  const refuse = (reason: string, count = 1) => {
    refused += count;
    const kind = reason.replace(/"[^"]*"/g, '…');
    if (noted.has(kind)) return;
    noted.add(kind);
    options.note('play-log-refused', reason.slice(0, 300));
  };
  let tokens = EVENT_BURST;
  let tokensAt = options.monotonicNow();
  const take = (count: number): number => {
    const now = options.monotonicNow();
    tokens = Math.min(EVENT_BURST, tokens + ((now - tokensAt) / 1000) * EVENTS_PER_SECOND);
    tokensAt = now;
    const granted = Math.min(count, Math.floor(tokens));
    tokens -= granted;
    return granted;
  };

  let day = localDateOf(options.now());
  const tick = () => {
    recorder.tick();
    const today = localDateOf(options.now());
    if (today !== day) {
      day = today;
      store.flush();
      store.closeDays();
    }
  };
  const flushTimer = setInterval(() => store.flush(), options.flushEveryMs ?? FLUSH_EVERY_MS);
  const tickTimer = setInterval(tick, TICK_EVERY_MS);
  tick();

  return {
    report(payload) {
      const batch = PlayEventBatchSchema.safeParse(payload);
      if (!batch.success) {
        refuse(
          `a report that is not a batch of play events (${batch.error.issues[0]?.message ?? ''})`,
        );
        return;
      }
      const events = batch.data.events;
      const allowed = take(events.length);
      if (allowed < events.length) {
        refuse(
          'more reports than a slideshow makes (a flood); the excess was dropped',
          events.length - allowed,
        );
      }
      const screenBefore = recorder.nowShowing().screen;
      for (const event of events.slice(0, allowed)) {
        const outcome = recorder.report(event);
        if (!outcome.ok) refuse(outcome.reason);
      }
      if (recorder.nowShowing().screen !== screenBefore) options.onScreenChange?.();
    },
    status() {
      return { ...store.status(), refusedEvents: refused };
    },
    playReport(days) {
      store.flush();
      return buildPlayReport(localDateOf(options.now()), days, (date) => store.day(date));
    },
    exportTo(folder, describe) {
      store.flush();
      const stamp = localDateOf(options.now());
      let target = '';
      try {
        for (let n = 1; n <= 100 && !target; n++) {
          const name = `clinic-kiosk-play-log-${stamp}${n > 1 ? `-${n}` : ''}`;
          try {
            fs.mkdirSync(path.join(folder, name));
            target = name;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          }
        }
        if (!target) throw new Error('no free folder name on the drive');
        const rawDays = [...new Set([...store.rawDays(), stamp])].sort();
        const plays = rawDays.flatMap((date) =>
          store.records(date).filter((record): record is PlayRecord => record.type === 'play'),
        );
        // Every day kept: also those past retention, of which only the summary is left.
        const days = [...new Set([...rawDays, ...store.summarisedDays()])].sort();
        const summaries = days.map((date) => store.day(date));
        const files = {
          'plays.csv': playsCsv(plays),
          'daily.csv': dailyCsv(summaries),
          'summary.txt': summaryText(describe.clinic, summaries.slice(-30), describe.titleOf),
        };
        for (const [name, text] of Object.entries(files)) {
          const file = path.join(folder, target, name);
          const fd = fs.openSync(file, 'wx');
          try {
            fs.writeFileSync(fd, text);
            fs.fsyncSync(fd);
          } finally {
            fs.closeSync(fd);
          }
        }
        return { ok: true, folderName: target, files: Object.keys(files) };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return {
          ok: false,
          problem: 'write-failed',
          message:
            code === 'ENOSPC'
              ? 'the drive is full'
              : code === 'EROFS'
                ? 'the drive is read-only'
                : `the drive could not be written (${code ?? String(error)})`,
        };
      }
    },
    clockJumped() {
      recorder.clockJumped();
    },
    stop() {
      clearInterval(flushTimer);
      clearInterval(tickTimer);
      recorder.stop();
      store.flush();
    },
    flush() {
      store.flush();
    },
    nowShowing: () => recorder.nowShowing(),
    day: (date) => store.day(date),
  };
}
