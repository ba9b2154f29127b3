/*
 * Calendar dates ('YYYY-MM-DD') and the wall clock, as the schedule, the review dates and the
 * expiry dates read them. Pure (no DOM, no Node APIs): main, the renderer and the tests share it.
 */

/** Minutes since midnight of an 'HH:MM' time (so '01:30' is 90). Throws on anything else. */
export function minutesOf(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`not a time of day: "${time}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

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
