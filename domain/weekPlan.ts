import type { Schedule, WeeklyRule } from '../contract/schedule';
import { minutesOf } from './calendar';
import { decide } from './schedule';

/*
 * The week as the weekly rules make it: for each day, which stretches of it play which playlist
 * and which are closed. Date ranges are left out (they name dates, not a week, and win on their
 * dates). It is worked out by `decide` itself at every moment a rule starts or ends, so it
 * shows what the kiosk does, overnight rules and rule order included.
 */

/** What shows in a stretch of a day: a playlist, or the closed screen. */
export type Shown = { kind: 'playlist'; playlistId: string } | { kind: 'closed' };

export interface WeekStretch {
  /** Minutes since midnight: from `start` up to (not including) `end`, 0–1440. */
  start: number;
  end: number;
  shown: Shown;
}

/** One day's stretches, in order, covering 00:00 to 24:00 with nothing shown twice in a row. */
export interface DayPlan {
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  stretches: WeekStretch[];
}

const DAY_MINUTES = 24 * 60;
/** Any date: only the weekday and minutes matter once date ranges are left out. */
const ANY_DATE = '2001-01-01';

const sameShown = (a: Shown, b: Shown) =>
  a.kind === b.kind &&
  (a.kind === 'closed' || (b.kind === 'playlist' && a.playlistId === b.playlistId));

/** The week, Sunday (0) to Saturday (6), under the weekly rules `weekly`. */
export function weekPlan(
  weekly: readonly WeeklyRule[],
  defaultPlaylistId: string,
  playlistIds: readonly string[],
): DayPlan[] {
  const schedule: Schedule = { weekly: [...weekly], dateRanges: [], closedDisplay: 'card' };
  const moments = [
    ...new Set([0, ...weekly.flatMap((rule) => [minutesOf(rule.start), minutesOf(rule.end)])]),
  ].sort((a, b) => a - b);
  return Array.from({ length: 7 }, (_, weekday) => {
    const stretches: WeekStretch[] = [];
    moments.forEach((start, index) => {
      const end = moments[index + 1] ?? DAY_MINUTES;
      const decision = decide(
        schedule,
        defaultPlaylistId,
        { date: ANY_DATE, weekday, minutes: start },
        playlistIds,
      );
      const shown: Shown =
        decision.kind === 'closed'
          ? { kind: 'closed' }
          : { kind: 'playlist', playlistId: decision.playlistId };
      const last = stretches.at(-1);
      if (last && sameShown(last.shown, shown)) last.end = end;
      else stretches.push({ start, end, shown });
    });
    return { weekday, stretches };
  });
}

const samePlan = (a: DayPlan[], b: DayPlan[]) =>
  a.every((day, index) => {
    const other = b[index]!.stretches;
    return (
      day.stretches.length === other.length &&
      day.stretches.every(
        (stretch, at) =>
          stretch.start === other[at]!.start &&
          stretch.end === other[at]!.end &&
          sameShown(stretch.shown, other[at]!.shown),
      )
    );
  });

/**
 * The weekly rules that change nothing in the week: without any one of them the kiosk would
 * show exactly the same at every moment (it plays what would play anyway, or rules above it
 * always win).
 */
export function weeklyRulesThatChangeNothing(
  weekly: readonly WeeklyRule[],
  defaultPlaylistId: string,
  playlistIds: readonly string[],
): string[] {
  const whole = weekPlan(weekly, defaultPlaylistId, playlistIds);
  return weekly
    .filter((rule) =>
      samePlan(
        whole,
        weekPlan(
          weekly.filter((other) => other !== rule),
          defaultPlaylistId,
          playlistIds,
        ),
      ),
    )
    .map((rule) => rule.id);
}

/** 'HH:MM' for minutes since midnight; the end of the day is 24:00. */
export function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
