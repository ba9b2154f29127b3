/**
 * A day's totals from its records: what the Reports screen and the daily CSV show, and what is
 * kept for good once the raw records of the day are gone.
 */
import type { LogRecord } from './playRecords';

export interface SlideDayTotals {
  plays: number;
  seconds: number;
  failed: number;
  /** Plays a person brought on screen (a swipe, tap or key), not the loop. */
  browsed: number;
  /** Touch sessions whose last slide this was: where patients stop. */
  lastInSessions: number;
}

export const SCREEN_TOTALS = ['playing', 'closed', 'blanked', 'admin', 'not-running'] as const;
export type ScreenTotal = (typeof SCREEN_TOTALS)[number];

export interface DaySummary {
  date: string;
  plays: number;
  touchSessions: number;
  /** Touch sessions by the local hour they began (24 numbers). */
  sessionsByHour: number[];
  /** Seconds the screen spent in each state, and not running. */
  screenSeconds: Record<ScreenTotal, number>;
  slides: Record<string, SlideDayTotals>;
  /** Lines of the raw file that could not be read (a torn last line). */
  skippedLines: number;
}

/**
 * Arrivals a patient chose: a swipe, a tap, a key. Not the loop, not the start, and not the
 * presenter (a clinician showing slides in consultation mode, where the loop never rotates).
 */
const CHOSEN_BY_A_PATIENT: ReadonlySet<string> = new Set(['swipe', 'tap', 'key']);

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

export function summariseDay(
  date: string,
  records: readonly LogRecord[],
  skipped: number,
): DaySummary {
  const slides: Record<string, SlideDayTotals> = {};
  const slide = (id: string) =>
    (slides[id] ??= { plays: 0, seconds: 0, failed: 0, browsed: 0, lastInSessions: 0 });
  const screenSeconds = Object.fromEntries(SCREEN_TOTALS.map((state) => [state, 0])) as Record<
    ScreenTotal,
    number
  >;
  const sessionsByHour = Array.from({ length: 24 }, () => 0);
  let plays = 0;
  let touchSessions = 0;
  for (const record of records) {
    if (record.date !== date) continue;
    switch (record.type) {
      case 'play': {
        const totals = slide(record.slideId);
        totals.seconds += record.seconds;
        // A play carried on past midnight or a clock change was counted where it began.
        if (record.arrivedBy === 'continued') break;
        plays += 1;
        totals.plays += 1;
        if (record.failed) totals.failed += 1;
        if (CHOSEN_BY_A_PATIENT.has(record.arrivedBy)) totals.browsed += 1;
        break;
      }
      case 'session': {
        if (!record.continued) {
          touchSessions += 1;
          sessionsByHour[new Date(record.start).getHours()]! += 1;
        }
        const last = record.visits.at(-1);
        if (last && record.endedBy !== 'midnight' && record.endedBy !== 'clock') {
          slide(last.slideId).lastInSessions += 1;
        }
        break;
      }
      case 'screen':
        screenSeconds[record.state] += record.seconds;
        break;
      case 'alive':
        break;
    }
  }
  for (const totals of Object.values(slides)) totals.seconds = round(totals.seconds);
  for (const state of SCREEN_TOTALS) screenSeconds[state] = round(screenSeconds[state]);
  return {
    date,
    plays,
    touchSessions,
    sessionsByHour,
    screenSeconds,
    slides,
    skippedLines: skipped,
  };
}
