/**
 * What the play log writes: one JSON line per record, in one file per local day. A record lies
 * wholly inside its day (the recorder splits anything open at midnight), so a day's summary
 * reads that day's file alone. Times are UTC; `seconds` come from the monotonic clock, so a
 * clock set by hand or by time sync never stretches or shrinks a play.
 */
import { z } from '../../../contract/zod';
import { LanguageSchema, PlayCauseSchema, ScreenStateSchema } from '../../../contract';

const When = z.string().check(z.maxLength(40));
const LocalDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const Seconds = z.number().check(z.nonnegative(), z.maximum(366 * 24 * 3600));
const Id = z.string().check(z.maxLength(80));

export const PlayRecordSchema = z.strictObject({
  type: z.literal('play'),
  start: When,
  end: When,
  /** The kiosk's local calendar date, YYYY-MM-DD. */
  date: LocalDate,
  seconds: Seconds,
  playlistId: Id,
  slideId: Id,
  language: LanguageSchema,
  /** The deck's content version (built-in slides) or a hash of the slide and its media. */
  contentVersion: z.string().check(z.maxLength(40)),
  /** 'continued': the same play carried on past midnight or a clock change (not a new play). */
  arrivedBy: z.union([PlayCauseSchema, z.literal('continued')]),
  /** How it left: the next slide's arrival, a change of screen, midnight, a clock change, a stop. */
  leftBy: z.union([PlayCauseSchema, ScreenStateSchema, z.enum(['midnight', 'clock', 'stop'])]),
  rotating: z.boolean(),
  failed: z.boolean(),
});
export type PlayRecord = z.infer<typeof PlayRecordSchema>;

export const SessionRecordSchema = z.strictObject({
  type: z.literal('session'),
  start: When,
  end: When,
  date: LocalDate,
  seconds: Seconds,
  /** The slides visited, in order, with the seconds on each. */
  visits: z.array(z.strictObject({ slideId: Id, seconds: Seconds })).check(z.maxLength(500)),
  /** Language and text-size changes, in order. */
  changes: z
    .array(z.enum(['language:en', 'language:es', 'text:large', 'text:normal']))
    .check(z.maxLength(200)),
  /** How it ended: the idle resume, or cut by midnight or a stop. */
  endedBy: z.enum(['idle-resume', 'midnight', 'clock', 'stop', 'screen']),
  /** The same session carried on past midnight or a clock change (counted once, on its first day). */
  continued: z.boolean(),
});
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

export const ScreenRecordSchema = z.strictObject({
  type: z.literal('screen'),
  state: z.union([ScreenStateSchema, z.literal('not-running')]),
  start: When,
  end: When,
  date: LocalDate,
  seconds: Seconds,
  /** For 'not-running': the recovery log's reason, where there is one. */
  reason: z.optional(z.string().check(z.maxLength(300))),
});
export type ScreenRecord = z.infer<typeof ScreenRecordSchema>;

/** Written every minute: the last one before a stop says when the app was last alive. */
export const AliveRecordSchema = z.strictObject({
  type: z.literal('alive'),
  at: When,
  date: LocalDate,
});
export type AliveRecord = z.infer<typeof AliveRecordSchema>;

export const LogRecordSchema = z.discriminatedUnion('type', [
  PlayRecordSchema,
  SessionRecordSchema,
  ScreenRecordSchema,
  AliveRecordSchema,
]);
export type LogRecord = z.infer<typeof LogRecordSchema>;

/** The local calendar date of an instant, YYYY-MM-DD. */
export function localDateOf(at: Date): string {
  const month = String(at.getMonth() + 1).padStart(2, '0');
  const day = String(at.getDate()).padStart(2, '0');
  return `${at.getFullYear()}-${month}-${day}`;
}

/** The instant the local day after `at` begins (a DST day is 23 or 25 hours long). */
export function nextLocalMidnight(at: Date): Date {
  return new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1, 0, 0, 0, 0);
}

/** The local date `days` before `date` (YYYY-MM-DD in, out). */
export function dateMinusDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return localDateOf(new Date(year, month - 1, day - days, 12));
}

/**
 * Reads a day file's lines: whole records in order, and how many lines were skipped (a torn
 * last line after a power cut, or a damaged one). Never throws on content.
 */
export function parseRecords(text: string): { records: LogRecord[]; skipped: number } {
  const records: LogRecord[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = LogRecordSchema.safeParse(JSON.parse(line));
      if (parsed.success) records.push(parsed.data);
      else skipped += 1;
    } catch {
      skipped += 1;
    }
  }
  return { records, skipped };
}
