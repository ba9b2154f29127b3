/**
 * The play log's half of the contract: what the page reports (it only reports; main keeps the
 * time, decides and writes), and the reports main gives the admin. Nothing here can hold
 * anything about a person: ids, languages, counts and times only.
 */
import { z } from './zod';
import { LanguageSchema } from './language';

const Id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'not a slide or playlist id'));

/** How a slide came on screen, and how it left (the next slide's arrival, or a stop). */
export const PLAY_CAUSES = ['start', 'loop', 'swipe', 'tap', 'key', 'presenter'] as const;
export const PlayCauseSchema = z.enum(PLAY_CAUSES);
export type PlayCause = z.infer<typeof PlayCauseSchema>;

/** What the patients' screen is doing. */
export const SCREEN_STATES = ['playing', 'closed', 'blanked', 'admin'] as const;
export const ScreenStateSchema = z.enum(SCREEN_STATES);
export type ScreenState = z.infer<typeof ScreenStateSchema>;

/**
 * One thing the player saw happen. Main stamps the time when it arrives: the page's clock is
 * never trusted, and a report cannot say when or for how long.
 */
export const PlayEventSchema = z.discriminatedUnion('kind', [
  /** A slide is on screen now: the previous one's play ends here. */
  z.strictObject({
    kind: z.literal('slide'),
    slideId: Id,
    playlistId: Id,
    language: LanguageSchema,
    arrivedBy: PlayCauseSchema,
    /** The loop was rotating (true) or a person was browsing (false). */
    rotating: z.boolean(),
  }),
  /** The slide on screen could not be shown (a video that failed): its play is a failure. */
  z.strictObject({ kind: z.literal('failed'), slideId: Id }),
  /** The first touch after the loop had been rotating: a touch session starts. */
  z.strictObject({ kind: z.literal('touch') }),
  /** The idle timeout passed and the loop resumed: the touch session ends. */
  z.strictObject({ kind: z.literal('idle-resume') }),
  /** A patient changed the language or the text size. */
  z.strictObject({ kind: z.literal('language'), language: LanguageSchema }),
  z.strictObject({ kind: z.literal('text-size'), large: z.boolean() }),
  /** The screen changed state: closed hours, blanked by a presenter, the admin open. */
  z.strictObject({ kind: z.literal('screen'), state: ScreenStateSchema }),
]);
export type PlayEvent = z.infer<typeof PlayEventSchema>;

/** A batch of events, sent every second or so (never one IPC message per frame). */
export const PlayEventBatchSchema = z.strictObject({
  events: z.array(PlayEventSchema).check(z.minLength(1), z.maxLength(200)),
});
export type PlayEventBatch = z.infer<typeof PlayEventBatchSchema>;

/** Per slide, over a report's days. */
export const SlideTotalsSchema = z.strictObject({
  slideId: z.string().check(z.maxLength(80)),
  plays: z.int().check(z.nonnegative()),
  seconds: z.number().check(z.nonnegative()),
  failed: z.int().check(z.nonnegative()),
  /** Plays a person browsed to (not the loop). */
  browsed: z.int().check(z.nonnegative()),
  /** Touch sessions that ended on this slide: where patients stop. */
  lastInSessions: z.int().check(z.nonnegative()),
});
export type SlideTotals = z.infer<typeof SlideTotalsSchema>;

export const DayTotalsSchema = z.strictObject({
  /** Local calendar date, YYYY-MM-DD. */
  date: z.iso.date(),
  plays: z.int().check(z.nonnegative()),
  touchSessions: z.int().check(z.nonnegative()),
  /** Seconds in each screen state that day, and seconds the app was not running. */
  playingSeconds: z.number().check(z.nonnegative()),
  closedSeconds: z.number().check(z.nonnegative()),
  blankedSeconds: z.number().check(z.nonnegative()),
  adminSeconds: z.number().check(z.nonnegative()),
  notRunningSeconds: z.number().check(z.nonnegative()),
});
export type DayTotals = z.infer<typeof DayTotalsSchema>;

export const PlayReportSchema = z.strictObject({
  /** The days covered (the last 7 or 30, today included). */
  days: z.int().check(z.minimum(1), z.maximum(366)),
  from: z.iso.date(),
  to: z.iso.date(),
  slides: z.array(SlideTotalsSchema).check(z.maxLength(500)),
  perDay: z.array(DayTotalsSchema).check(z.maxLength(366)),
  /** Touch sessions by hour of the day (24 numbers). */
  touchSessionsByHour: z.array(z.int().check(z.nonnegative())).check(z.length(24)),
});
export type PlayReport = z.infer<typeof PlayReportSchema>;

/** The log's own health, for Kiosk status. */
export const PlayLogStatusSchema = z.strictObject({
  /** Bytes on disk (raw records and summaries). */
  bytes: z.number().check(z.nonnegative()),
  oldestDay: z.nullable(z.iso.date()),
  lastSummarisedDay: z.nullable(z.iso.date()),
  /** Set while records cannot be written: what is wrong and since when. */
  problem: z.nullable(
    z.strictObject({
      kind: z.enum(['write-failed', 'disk-cap']),
      detail: z.string().check(z.maxLength(500)),
      since: z.string().check(z.maxLength(40)),
    }),
  ),
  /** Torn or damaged lines skipped while reading. */
  skippedLines: z.int().check(z.nonnegative()),
  /** Reports from the page refused (unknown slide, a flood …). */
  refusedEvents: z.int().check(z.nonnegative()),
});
export type PlayLogStatus = z.infer<typeof PlayLogStatusSchema>;
