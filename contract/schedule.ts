import { z } from './zod';

/*
 * The clinic's weekly schedule: which playlist plays when, and when the kiosk is closed.
 *
 * Everything here is pure (no DOM, no Node APIs) so main, the renderer and the tests share it.
 * Rules are wall-clock times ("Monday 08:00"), not instants: `localTimeOf` reads the wall clock
 * of a time zone and `decide` only ever compares wall-clock dates and minutes. That is how
 * daylight saving is handled: on the spring-forward night 02:00–02:59 never happens, and on the
 * fall-back night 01:00–01:59 happens twice, exactly as a person reading the clock would expect.
 */

/** A wall-clock time 'HH:MM', 00:00 to 23:59 (24:00 is not a time; end a day with 00:00). */
export const TimeOfDaySchema = z
  .string()
  .check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'use a 24-hour time like 08:30'));
export type TimeOfDay = z.infer<typeof TimeOfDaySchema>;

/** Minutes since midnight of an 'HH:MM' time (so '01:30' is 90). Throws on anything else. */
export function minutesOf(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`not a time of day: "${time}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** A calendar date 'YYYY-MM-DD' (real dates only: no 30 February). */
export const LocalDateSchema = z.iso.date();
export type LocalDate = z.infer<typeof LocalDateSchema>;

/** What a rule shows: a playlist, or the closed screen. */
export const ScheduleTargetSchema = z.union([
  z.strictObject({ kind: z.literal('playlist'), playlistId: z.string().check(z.maxLength(60)) }),
  z.strictObject({ kind: z.literal('closed') }),
]);
export type ScheduleTarget = z.infer<typeof ScheduleTargetSchema>;

/** Rule ids are made by the admin, and name the rule that decided in a `ScheduleDecision`. */
const ruleIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9-]{1,60}$/, 'use lowercase letters, digits and dashes'));

/**
 * A rule that repeats every week. It covers [start, end) on each listed day. When end <= start
 * the window runs overnight: from start on the listed day until end on the next day (Friday
 * 22:00–02:00 covers Friday 22:00–24:00 and Saturday 00:00–02:00). start === end is a whole day
 * (24 hours from start).
 */
export const WeeklyRuleSchema = z
  .strictObject({
    id: ruleIdSchema,
    /** 0 = Sunday … 6 = Saturday, like Date.getDay. */
    days: z.array(z.int().check(z.minimum(0), z.maximum(6))).check(z.minLength(1), z.maxLength(7)),
    start: TimeOfDaySchema,
    end: TimeOfDaySchema,
    target: ScheduleTargetSchema,
  })
  .check(
    z.refine((rule) => new Set(rule.days).size === rule.days.length, {
      path: ['days'],
      message: 'a day is listed twice',
    }),
  );
export type WeeklyRule = z.infer<typeof WeeklyRuleSchema>;

/**
 * A rule for a run of calendar dates (a holiday, a training week), which wins over the weekly
 * rules. With start and end both null it covers every date from `from` to `to` all day; with
 * both set it covers that window on each of those dates, overnight allowed as for weekly rules
 * (so the last night spills into the day after `to`).
 */
export const DateRangeRuleSchema = z
  .strictObject({
    id: ruleIdSchema,
    from: LocalDateSchema,
    to: LocalDateSchema,
    start: z.nullable(TimeOfDaySchema),
    end: z.nullable(TimeOfDaySchema),
    target: ScheduleTargetSchema,
  })
  .check(
    z.superRefine((rule, ctx) => {
      // 'YYYY-MM-DD' strings sort like the dates they name.
      if (rule.from > rule.to) {
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: 'the last date is before the first',
        });
      }
      if ((rule.start === null) !== (rule.end === null)) {
        ctx.addIssue({
          code: 'custom',
          path: [rule.start === null ? 'start' : 'end'],
          message: 'give both a start and an end time, or neither (all day)',
        });
      }
    }),
  );
export type DateRangeRule = z.infer<typeof DateRangeRuleSchema>;

export const MAX_WEEKLY_RULES = 50;
export const MAX_DATE_RANGE_RULES = 50;

export const ScheduleSchema = z.strictObject({
  weekly: z.array(WeeklyRuleSchema).check(z.maxLength(MAX_WEEKLY_RULES)),
  dateRanges: z.array(DateRangeRuleSchema).check(z.maxLength(MAX_DATE_RANGE_RULES)),
  /** While closed: a card saying so ('card'), or a black screen ('dark'). */
  closedDisplay: z.enum(['card', 'dark']),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

/** No rules: the default playlist plays all the time. */
export const EMPTY_SCHEDULE: Schedule = { weekly: [], dateRanges: [], closedDisplay: 'card' };

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic, done in UTC so the machine's own zone and its DST never shift a date.

function parseDate(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date: "${date}"`);
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  utc.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return utc;
}

function formatDate(utc: Date): string {
  const year = String(utc.getUTCFullYear()).padStart(4, '0');
  const month = String(utc.getUTCMonth() + 1).padStart(2, '0');
  const day = String(utc.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** 'YYYY-MM-DD' moved by whole days ('2024-02-28', 2 → '2024-03-01'). */
export function addDays(date: string, days: number): string {
  const utc = parseDate(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return formatDate(utc);
}

/**
 * 'YYYY-MM-DD' moved by whole months; a day the month lacks becomes its last day
 * ('2024-02-29', 12 → '2025-02-28').
 */
export function addMonths(date: string, months: number): string {
  const utc = parseDate(date);
  const day = utc.getUTCDate();
  utc.setUTCDate(1);
  utc.setUTCMonth(utc.getUTCMonth() + months);
  // Day 0 of the next month is the last day of this one.
  const last = new Date(0);
  last.setUTCFullYear(utc.getUTCFullYear(), utc.getUTCMonth() + 1, 0);
  utc.setUTCDate(Math.min(day, last.getUTCDate()));
  return formatDate(utc);
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDate(to).getTime() - parseDate(from).getTime()) / 86_400_000);
}

/** The calendar date before 'YYYY-MM-DD' ('2024-03-01' → '2024-02-29'). */
export function previousDate(date: string): string {
  return addDays(date, -1);
}

/** The calendar date after 'YYYY-MM-DD' ('2025-12-31' → '2026-01-01'). */
export function nextDate(date: string): string {
  return addDays(date, 1);
}

/** The weekday of 'YYYY-MM-DD', 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return parseDate(date).getUTCDay();
}

// ---------------------------------------------------------------------------------------------
// The wall clock

/** A moment as the clinic's wall clock and calendar show it. */
export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Minutes since midnight, 0–1439 */
  minutes: number;
}

const WEEKDAYS: Readonly<Record<string, number>> = {
  Sun: 0,
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
};

/**
 * The wall-clock date, weekday and minute of `instant` in `timeZone` (an IANA name such as
 * 'America/Los_Angeles'; undefined means the machine's own zone). An unknown zone throws a
 * RangeError, as Intl does.
 */
export function localTimeOf(instant: Date, timeZone?: string): LocalTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const date = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  // Some engines have written midnight as hour 24; it is hour 0 of the same date.
  const hour = Number(part('hour')) % 24;
  const weekday = WEEKDAYS[part('weekday')] ?? weekdayOf(date);
  return { date, weekday, minutes: hour * 60 + Number(part('minute')) };
}

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
