/**
 * The play log as files a manager opens in a spreadsheet: every play, every day's totals, and a
 * short summary in words. CSV as RFC 4180 (UTF-8 with a byte-order mark so spreadsheet programs
 * read it as UTF-8, one header row, CRLF), ISO dates, and no cell a spreadsheet would run as a
 * formula.
 */
import type { PlayRecord } from './playRecords';
import type { DaySummary } from './playSummaries';

/** A cell, quoted where needed; text a spreadsheet would read as a formula is made plain text. */
export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean)[])[],
): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const PLAYS_HEADER = [
  'start_utc',
  'end_utc',
  'local_date',
  'seconds',
  'playlist',
  'slide',
  'language',
  'content_version',
  'arrived_by',
  'left_by',
  'rotating',
  'failed',
] as const;

export function playsCsv(plays: readonly PlayRecord[]): string {
  return csv(
    PLAYS_HEADER,
    plays.map((play) => [
      play.start,
      play.end,
      play.date,
      play.seconds,
      play.playlistId,
      play.slideId,
      play.language,
      play.contentVersion,
      play.arrivedBy,
      play.leftBy,
      play.rotating,
      play.failed,
    ]),
  );
}

export const DAILY_HEADER = [
  'date',
  'plays',
  'touch_sessions',
  'playing_hours',
  'closed_hours',
  'blanked_hours',
  'admin_hours',
  'not_running_hours',
] as const;

const hours = (seconds: number) => Math.round((seconds / 3600) * 100) / 100;

export function dailyCsv(days: readonly DaySummary[]): string {
  return csv(
    DAILY_HEADER,
    days.map((day) => [
      day.date,
      day.plays,
      day.touchSessions,
      hours(day.screenSeconds.playing),
      hours(day.screenSeconds.closed),
      hours(day.screenSeconds.blanked),
      hours(day.screenSeconds.admin),
      hours(day.screenSeconds['not-running']),
    ]),
  );
}

/** A few lines a manager can read without a spreadsheet. */
export function summaryText(
  clinic: string,
  days: readonly DaySummary[],
  titleOf: (slideId: string) => string,
): string {
  const total = (pick: (day: DaySummary) => number) =>
    days.reduce((sum, day) => sum + pick(day), 0);
  const plays = total((day) => day.plays);
  const sessions = total((day) => day.touchSessions);
  const playing = hours(total((day) => day.screenSeconds.playing));
  const dark = hours(total((day) => day.screenSeconds['not-running']));
  const perSlide = new Map<string, number>();
  for (const day of days) {
    for (const [id, totals] of Object.entries(day.slides)) {
      perSlide.set(id, (perSlide.get(id) ?? 0) + totals.browsed);
    }
  }
  const browsed = [...perSlide.entries()]
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([id, count]) => `${titleOf(id)} (${count})`);
  const from = days[0]?.date ?? '';
  const to = days.at(-1)?.date ?? '';
  return [
    `Play log of ${clinic}, ${from} to ${to}`,
    '',
    `The slideshow played for ${playing} hours and showed ${plays} slides.`,
    `Patients touched the screen ${sessions} times.`,
    browsed.length
      ? `The slides patients went to most: ${browsed.join(', ')}.`
      : 'No slide was chosen by hand.',
    dark > 0
      ? `The kiosk was not running for ${dark} hours in all.`
      : 'The kiosk was running the whole time.',
    '',
    'plays.csv lists every slide shown; daily.csv gives each day’s totals.',
    'Nothing here is about a person: no names, no camera, no microphone, nothing typed.',
    '',
  ].join('\r\n');
}
