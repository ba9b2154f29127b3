/**
 * What the Reports screen draws, from a play report: pure, so the numbers are tested apart from
 * the drawing.
 */
import type { DayTotals, PlayReport, SlideTotals } from '../../../../contract';

/** The parts of a day, as the chart stacks them (bottom first). */
export const DAY_PARTS = ['playing', 'closed', 'blanked', 'admin', 'notRunning'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

export function hoursOf(day: DayTotals): Record<DayPart, number> {
  return {
    playing: day.playingSeconds / 3600,
    closed: day.closedSeconds / 3600,
    blanked: day.blankedSeconds / 3600,
    admin: day.adminSeconds / 3600,
    notRunning: day.notRunningSeconds / 3600,
  };
}

export interface ReportTotals {
  plays: number;
  touchSessions: number;
  playingHours: number;
  failed: number;
  /** Nothing at all was recorded in the period. */
  empty: boolean;
}

export function totalsOf(report: PlayReport): ReportTotals {
  const plays = report.perDay.reduce((sum, day) => sum + day.plays, 0);
  const touchSessions = report.perDay.reduce((sum, day) => sum + day.touchSessions, 0);
  const playingSeconds = report.perDay.reduce((sum, day) => sum + day.playingSeconds, 0);
  const recorded = report.perDay.some(
    (day) =>
      day.plays > 0 ||
      day.playingSeconds + day.closedSeconds + day.blankedSeconds + day.adminSeconds > 0,
  );
  return {
    plays,
    touchSessions,
    playingHours: playingSeconds / 3600,
    failed: report.slides.reduce((sum, slide) => sum + slide.failed, 0),
    empty: !recorded,
  };
}

/**
 * Slides by a measure, largest first, without the ones at zero (or, given `keep`, the ones it
 * keeps); ties keep the report's order.
 */
export function rankBy(
  slides: readonly SlideTotals[],
  measure: (slide: SlideTotals) => number,
  limit = 12,
  keep: (slide: SlideTotals, value: number) => boolean = (_slide, value) => value > 0,
): SlideTotals[] {
  return slides
    .map((slide, index) => ({ slide, index, value: measure(slide) }))
    .filter((row) => keep(row.slide, row.value))
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .slice(0, limit)
    .map((row) => row.slide);
}

/** A calendar date (YYYY-MM-DD) as a local date at noon, so no time zone moves it a day. */
export function dateOf(day: string): Date {
  return new Date(`${day}T12:00:00`);
}

/**
 * Every `step`-th label on an axis, counted back from the last (today), blank between, so 30
 * days stay legible and the newest is always named.
 */
export function thinAxis<T>(
  items: readonly T[],
  label: (item: T) => string,
  step: number,
): string[] {
  return items.map((item, index) => ((items.length - 1 - index) % step === 0 ? label(item) : ''));
}

/**
 * The plays chart: every slide shown in the period, longest on screen first. A play still under
 * way (the slide on screen when staff opened the admin) has no seconds yet but is counted in the
 * totals, so it is listed too: the chart never says no slide was shown beside "1 slide shown".
 */
export function slidesByTimeShown(slides: readonly SlideTotals[]): SlideTotals[] {
  return rankBy(
    slides,
    (slide) => slide.seconds,
    12,
    (slide) => slide.plays > 0,
  );
}
