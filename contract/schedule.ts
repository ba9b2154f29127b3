import { schema, z } from './zod';

/*
 * The clinic's weekly schedule as staff save it: which playlist plays when, and when the kiosk
 * is closed. Rules are wall-clock times ("Monday 08:00"), not instants; domain/schedule.ts
 * decides what plays at a moment.
 */

/** A wall-clock time 'HH:MM', 00:00 to 23:59 (24:00 is not a time; end a day with 00:00). */
export const TimeOfDaySchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'use a 24-hour time like 08:30'));
export type TimeOfDay = z.infer<typeof TimeOfDaySchema>;

/** A calendar date 'YYYY-MM-DD' (real dates only: no 30 February). */
export const LocalDateSchema = /* @__PURE__ */ schema(() => z.iso.date());
export type LocalDate = z.infer<typeof LocalDateSchema>;

/** What a rule shows: a playlist, or the closed screen. */
export const ScheduleTargetSchema = /* @__PURE__ */ z.union([
  z.strictObject({ kind: z.literal('playlist'), playlistId: z.string().check(z.maxLength(60)) }),
  z.strictObject({ kind: z.literal('closed') }),
]);
export type ScheduleTarget = z.infer<typeof ScheduleTargetSchema>;

/** Rule ids are made by the admin, and name the rule that decided in a `ScheduleDecision`. */
const ruleIdSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^[a-z0-9-]{1,60}$/, 'use lowercase letters, digits and dashes'));

/**
 * A rule that repeats every week. It covers [start, end) on each listed day. When end <= start
 * the window runs overnight: from start on the listed day until end on the next day (Friday
 * 22:00–02:00 covers Friday 22:00–24:00 and Saturday 00:00–02:00). start === end is a whole day
 * (24 hours from start).
 */
export const WeeklyRuleSchema = /* @__PURE__ */ z
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
export const DateRangeRuleSchema = /* @__PURE__ */ z
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

export const ScheduleSchema = /* @__PURE__ */ z.strictObject({
  weekly: z.array(WeeklyRuleSchema).check(z.maxLength(MAX_WEEKLY_RULES)),
  dateRanges: z.array(DateRangeRuleSchema).check(z.maxLength(MAX_DATE_RANGE_RULES)),
  /** While closed: a card saying so ('card'), or a black screen ('dark'). */
  closedDisplay: z.enum(['card', 'dark']),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export { EMPTY_SCHEDULE } from './emptySchedule';
