import type { Playlist } from '../contract/playlist';
import type { DateRangeRule, Schedule, ScheduleTarget, WeeklyRule } from '../contract/schedule';
import type { Settings } from '../contract/settings';
import { minutesOf, previousDate, type LocalTime } from './calendar';

/*
 * What the schedule plays at a moment. Rules are wall-clock times ("Monday 08:00"), not
 * instants: `localTimeOf` (calendar.ts) reads the wall clock of a time zone and `decide` only
 * ever compares wall-clock dates and minutes. That is how daylight saving is handled: on the
 * spring-forward night 02:00–02:59 never happens, and on the fall-back night 01:00–01:59
 * happens twice, exactly as a person reading the clock would expect.
 */

// ---------------------------------------------------------------------------------------------
// Deciding what plays

export type ScheduleDecision =
  | { kind: 'playlist'; playlistId: string; ruleId: string | null }
  | { kind: 'closed'; ruleId: string };

/**
 * Whether a window from `start` to `end` covers `now`, given whether the rule opens the window
 * today and whether it opened one yesterday: either it opened today and `now` is past its start,
 * or it is an overnight window that opened yesterday and `now` is before its end.
 */
function windowCovers(
  start: string,
  end: string,
  now: LocalTime,
  openedToday: boolean,
  openedYesterday: boolean,
): boolean {
  const from = minutesOf(start);
  const to = minutesOf(end);
  if (to > from) return openedToday && now.minutes >= from && now.minutes < to;
  // Overnight (or a whole day when to === from): [from, 24:00) today, [00:00, to) tomorrow.
  return (openedToday && now.minutes >= from) || (openedYesterday && now.minutes < to);
}

function weeklyCovers(rule: WeeklyRule, now: LocalTime): boolean {
  const yesterday = (now.weekday + 6) % 7;
  return windowCovers(
    rule.start,
    rule.end,
    now,
    rule.days.includes(now.weekday),
    rule.days.includes(yesterday),
  );
}

function dateRangeCovers(rule: DateRangeRule, now: LocalTime): boolean {
  const inRange = (date: string) => rule.from <= date && date <= rule.to;
  if (rule.start === null || rule.end === null) return inRange(now.date);
  return windowCovers(
    rule.start,
    rule.end,
    now,
    inRange(now.date),
    inRange(previousDate(now.date)),
  );
}

/** A rule whose playlist was deleted does nothing, rather than leave the kiosk with no slides. */
function targetExists(target: ScheduleTarget, playlistIds: readonly string[]): boolean {
  return target.kind === 'closed' || playlistIds.includes(target.playlistId);
}

function decisionOf(target: ScheduleTarget, ruleId: string): ScheduleDecision {
  return target.kind === 'closed'
    ? { kind: 'closed', ruleId }
    : { kind: 'playlist', playlistId: target.playlistId, ruleId };
}

/**
 * What the kiosk shows at `now`: the first date-range rule that covers it, else the first
 * weekly rule that covers it, else the default playlist (ruleId null). Order within each list
 * is the staff's priority. Rules pointing at playlists not in `playlistIds` are skipped.
 */
export function decide(
  schedule: Schedule,
  defaultPlaylistId: string,
  now: LocalTime,
  playlistIds: readonly string[],
): ScheduleDecision {
  for (const rule of schedule.dateRanges) {
    if (targetExists(rule.target, playlistIds) && dateRangeCovers(rule, now)) {
      return decisionOf(rule.target, rule.id);
    }
  }
  for (const rule of schedule.weekly) {
    if (targetExists(rule.target, playlistIds) && weeklyCovers(rule, now)) {
      return decisionOf(rule.target, rule.id);
    }
  }
  return { kind: 'playlist', playlistId: defaultPlaylistId, ruleId: null };
}

/**
 * Problems staff should see and fix in the schedule, in plain English (empty when all is well).
 * A date range that has already ended is not a problem: it just no longer applies.
 */
export function describeRuleProblems(schedule: Schedule, playlistIds: readonly string[]): string[] {
  const problems: string[] = [];
  const check = (label: string, rule: { id: string; target: ScheduleTarget }) => {
    if (rule.target.kind === 'playlist' && !playlistIds.includes(rule.target.playlistId)) {
      problems.push(
        `${label} "${rule.id}" plays a playlist that no longer exists (${rule.target.playlistId}), so it is ignored`,
      );
    }
  };
  for (const rule of schedule.dateRanges) check('The date rule', rule);
  for (const rule of schedule.weekly) check('The weekly rule', rule);
  return problems;
}

/** What the schedule says for these settings at `now`: a playlist to play, or closed. */
export function scheduleDecisionOf(
  settings: Pick<Settings, 'schedule' | 'defaultPlaylistId' | 'playlists'>,
  now: LocalTime,
): ScheduleDecision {
  return decide(
    settings.schedule,
    settings.defaultPlaylistId,
    now,
    settings.playlists.map((playlist) => playlist.id),
  );
}

/** The playlist a decision names; the first one if it is gone. */
export function playlistToPlay(
  playlists: readonly Playlist[],
  playlistId: string | null,
): Playlist | undefined {
  return playlists.find((candidate) => candidate.id === playlistId) ?? playlists[0];
}
