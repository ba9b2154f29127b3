import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DateRangeRuleSchema,
  EMPTY_SCHEDULE,
  LocalDateSchema,
  ScheduleSchema,
  ScheduleTargetSchema,
  TimeOfDaySchema,
  WeeklyRuleSchema,
  type DateRangeRule,
  type Schedule,
  type ScheduleTarget,
  type WeeklyRule,
} from '../../../contract';
import {
  decide,
  describeRuleProblems,
  localTimeOf,
  minutesOf,
  nextDate,
  previousDate,
  weekdayOf,
  type LocalTime,
  type ScheduleDecision,
} from '../../../domain';

const RUNS = { numRuns: 300 };
const IDS = ['a', 'b', 'c'] as const;

/** The wall clock at `time` on `date`, with the weekday worked out from the date. */
function at(date: string, time: string): LocalTime {
  return { date, weekday: weekdayOf(date), minutes: minutesOf(time) };
}

const play = (playlistId: string): ScheduleTarget => ({ kind: 'playlist', playlistId });
const CLOSED: ScheduleTarget = { kind: 'closed' };

function weekly(
  id: string,
  days: number[],
  start: string,
  end: string,
  target: ScheduleTarget,
): WeeklyRule {
  return { id, days, start, end, target };
}

function dateRange(
  id: string,
  from: string,
  to: string,
  start: string | null,
  end: string | null,
  target: ScheduleTarget,
): DateRangeRule {
  return { id, from, to, start, end, target };
}

function schedule(rules: { weekly?: WeeklyRule[]; dateRanges?: DateRangeRule[] }): Schedule {
  return {
    weekly: rules.weekly ?? [],
    dateRanges: rules.dateRanges ?? [],
    closedDisplay: 'card',
  };
}

/** Whether a schedule made of this one rule covers `now` (the rule's playlist exists). */
function covers(rule: { weekly?: WeeklyRule; dateRange?: DateRangeRule }, now: LocalTime) {
  const s = schedule({
    weekly: rule.weekly ? [rule.weekly] : [],
    dateRanges: rule.dateRange ? [rule.dateRange] : [],
  });
  return decide(s, 'default', now, IDS).ruleId !== null;
}

// Fridays, Saturdays and Sundays of March 2026 (8 March is the US spring-forward Sunday).
const FRI = '2026-03-06';
const SAT = '2026-03-07';
const SUN = '2026-03-08';
const MON = '2026-03-09';
const TUE = '2026-03-10';
const WED = '2026-03-11';

// ---------------------------------------------------------------------------------------------

describe('schedule schemas', () => {
  it.each(['00:00', '07:00', '12:59', '23:59'])('accepts the time %s', (time) => {
    expect(TimeOfDaySchema.safeParse(time).success).toBe(true);
  });

  it.each(['24:00', '7:00', '12:60', '07:00:00', '07.00', ' 07:00', '', '-1:00'])(
    'refuses the time "%s"',
    (time) => {
      expect(TimeOfDaySchema.safeParse(time).success).toBe(false);
    },
  );

  it('reads times as minutes since midnight', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('01:30')).toBe(90);
    expect(minutesOf('23:59')).toBe(1439);
    expect(() => minutesOf('24:00')).toThrow(RangeError);
    expect(() => minutesOf('7:00')).toThrow(RangeError);
  });

  it.each(['2026-03-08', '2024-02-29', '2000-02-29'])('accepts the date %s', (date) => {
    expect(LocalDateSchema.safeParse(date).success).toBe(true);
  });

  it.each(['2026-02-30', '2025-02-29', '1900-02-29', '2026-13-01', '2026-3-8', '08/03/2026', ''])(
    'refuses the date "%s"',
    (date) => {
      expect(LocalDateSchema.safeParse(date).success).toBe(false);
    },
  );

  it('accepts the two kinds of target and nothing else', () => {
    expect(ScheduleTargetSchema.safeParse(play('a')).success).toBe(true);
    expect(ScheduleTargetSchema.safeParse(CLOSED).success).toBe(true);
    expect(ScheduleTargetSchema.safeParse({ kind: 'closed', playlistId: 'a' }).success).toBe(false);
    expect(ScheduleTargetSchema.safeParse({ kind: 'playlist' }).success).toBe(false);
    expect(ScheduleTargetSchema.safeParse({ kind: 'open' }).success).toBe(false);
    expect(ScheduleTargetSchema.safeParse(play('x'.repeat(61))).success).toBe(false);
  });

  const goodWeekly = weekly('weekdays', [1, 2, 3, 4, 5], '08:00', '17:00', play('a'));

  it('accepts a weekly rule, overnight and whole-day ones too', () => {
    expect(WeeklyRuleSchema.parse(goodWeekly)).toEqual(goodWeekly);
    expect(
      WeeklyRuleSchema.safeParse({ ...goodWeekly, start: '22:00', end: '02:00' }).success,
    ).toBe(true);
    expect(
      WeeklyRuleSchema.safeParse({ ...goodWeekly, start: '06:00', end: '06:00' }).success,
    ).toBe(true);
    expect(WeeklyRuleSchema.safeParse({ ...goodWeekly, days: [0, 1, 2, 3, 4, 5, 6] }).success).toBe(
      true,
    );
  });

  it.each([
    ['a day listed twice', { days: [1, 2, 1] }],
    ['no days', { days: [] }],
    ['day 7', { days: [7] }],
    ['day -1', { days: [-1] }],
    ['a fractional day', { days: [1.5] }],
    ['eight days', { days: [0, 1, 2, 3, 4, 5, 6, 6] }],
    ['a bad start', { start: '24:00' }],
    ['a bad end', { end: '7:00' }],
    ['an uppercase id', { id: 'Weekdays' }],
    ['an empty id', { id: '' }],
    ['a long id', { id: 'a'.repeat(61) }],
    ['an extra key', { note: 'hi' }],
  ])('refuses a weekly rule with %s', (_what, change) => {
    expect(WeeklyRuleSchema.safeParse({ ...goodWeekly, ...change }).success).toBe(false);
  });

  it('says which day is listed twice', () => {
    const result = WeeklyRuleSchema.safeParse({ ...goodWeekly, days: [1, 1] });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['days']]);
  });

  const goodRange = dateRange('holidays', '2026-12-24', '2026-12-26', null, null, CLOSED);

  it('accepts date ranges: all day, with a window, one day long', () => {
    expect(DateRangeRuleSchema.parse(goodRange)).toEqual(goodRange);
    expect(
      DateRangeRuleSchema.safeParse({ ...goodRange, start: '20:00', end: '02:00' }).success,
    ).toBe(true);
    expect(DateRangeRuleSchema.safeParse({ ...goodRange, to: goodRange.from }).success).toBe(true);
  });

  it.each([
    ['from after to', { from: '2026-12-27' }],
    ['a start without an end', { start: '08:00' }],
    ['an end without a start', { end: '17:00' }],
    ['an impossible date', { to: '2026-02-30' }],
    ['a missing start', { start: undefined }],
    ['a bad time', { start: '24:00', end: '01:00' }],
    ['an extra key', { note: 'hi' }],
  ])('refuses a date range with %s', (_what, change) => {
    expect(DateRangeRuleSchema.safeParse({ ...goodRange, ...change }).success).toBe(false);
  });

  it('points at the field to fix', () => {
    const backwards = DateRangeRuleSchema.safeParse({ ...goodRange, from: '2027-01-01' });
    expect(backwards.error?.issues.map((issue) => issue.path)).toEqual([['to']]);
    const halfWindow = DateRangeRuleSchema.safeParse({ ...goodRange, start: '08:00' });
    expect(halfWindow.error?.issues.map((issue) => issue.path)).toEqual([['end']]);
  });

  it('accepts the empty schedule and a full one', () => {
    expect(ScheduleSchema.parse(EMPTY_SCHEDULE)).toEqual({
      weekly: [],
      dateRanges: [],
      closedDisplay: 'card',
    });
    const full = schedule({ weekly: [goodWeekly], dateRanges: [goodRange] });
    expect(ScheduleSchema.parse({ ...full, closedDisplay: 'dark' })).toEqual({
      ...full,
      closedDisplay: 'dark',
    });
  });

  it('refuses schedules with extra keys, bad rules, too many rules or another display', () => {
    expect(ScheduleSchema.safeParse({ ...EMPTY_SCHEDULE, timeZone: 'UTC' }).success).toBe(false);
    expect(ScheduleSchema.safeParse({ ...EMPTY_SCHEDULE, closedDisplay: 'off' }).success).toBe(
      false,
    );
    expect(
      ScheduleSchema.safeParse({ ...EMPTY_SCHEDULE, weekly: [{ ...goodWeekly, days: [2, 2] }] })
        .success,
    ).toBe(false);
    expect(
      ScheduleSchema.safeParse({ ...EMPTY_SCHEDULE, weekly: Array(51).fill(goodWeekly) }).success,
    ).toBe(false);
    expect(
      ScheduleSchema.safeParse({ ...EMPTY_SCHEDULE, dateRanges: Array(51).fill(goodRange) })
        .success,
    ).toBe(false);
    expect(
      ScheduleSchema.safeParse({ ...EMPTY_SCHEDULE, weekly: Array(50).fill(goodWeekly) }).success,
    ).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('calendar helpers', () => {
  it.each([
    ['2026-03-01', '2026-02-28'],
    ['2024-03-01', '2024-02-29'],
    ['2000-03-01', '2000-02-29'],
    ['1900-03-01', '1900-02-28'],
    ['2026-01-01', '2025-12-31'],
    ['2026-05-01', '2026-04-30'],
    ['2026-03-09', '2026-03-08'],
  ])('the day before %s is %s', (date, before) => {
    expect(previousDate(date)).toBe(before);
    expect(nextDate(before)).toBe(date);
  });

  it('knows the weekdays', () => {
    expect([FRI, SAT, SUN, MON].map(weekdayOf)).toEqual([5, 6, 0, 1]);
    expect(weekdayOf('2000-01-01')).toBe(6);
    expect(weekdayOf('1900-01-01')).toBe(1);
  });

  it('steps one day at a time, back and forth, 1900 to 2100', () => {
    const dateArb = fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((instant) => instant.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dateArb, (date) => {
        const next = nextDate(date);
        expect(previousDate(next)).toBe(date);
        expect(nextDate(previousDate(date))).toBe(date);
        expect(next > date).toBe(true);
        expect(LocalDateSchema.safeParse(next).success).toBe(true);
        expect(weekdayOf(next)).toBe((weekdayOf(date) + 1) % 7);
        expect(Date.parse(`${next}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)).toBe(86_400_000);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('weekly rules', () => {
  const weekdays = weekly('weekdays', [1, 2, 3, 4, 5], '08:00', '17:00', play('a'));

  it('cover the listed days only', () => {
    expect(covers({ weekly: weekdays }, at(WED, '12:00'))).toBe(true);
    expect(covers({ weekly: weekdays }, at(FRI, '12:00'))).toBe(true);
    expect(covers({ weekly: weekdays }, at(SAT, '12:00'))).toBe(false);
    expect(covers({ weekly: weekdays }, at(SUN, '12:00'))).toBe(false);
  });

  it('cover the start minute but not the end minute', () => {
    expect(covers({ weekly: weekdays }, at(MON, '07:59'))).toBe(false);
    expect(covers({ weekly: weekdays }, at(MON, '08:00'))).toBe(true);
    expect(covers({ weekly: weekdays }, at(MON, '16:59'))).toBe(true);
    expect(covers({ weekly: weekdays }, at(MON, '17:00'))).toBe(false);
  });

  it('run overnight into the next day when the end is before the start', () => {
    const fridayNight = weekly('friday-night', [5], '22:00', '02:00', play('b'));
    expect(covers({ weekly: fridayNight }, at(FRI, '21:59'))).toBe(false);
    expect(covers({ weekly: fridayNight }, at(FRI, '22:00'))).toBe(true);
    expect(covers({ weekly: fridayNight }, at(FRI, '23:59'))).toBe(true);
    expect(covers({ weekly: fridayNight }, at(SAT, '00:00'))).toBe(true);
    expect(covers({ weekly: fridayNight }, at(SAT, '01:59'))).toBe(true);
    expect(covers({ weekly: fridayNight }, at(SAT, '02:00'))).toBe(false);
    expect(covers({ weekly: fridayNight }, at(SAT, '22:30'))).toBe(false);
    // Thursday night is not Friday night.
    expect(covers({ weekly: fridayNight }, at('2026-03-05', '23:00'))).toBe(false);
    expect(covers({ weekly: fridayNight }, at(FRI, '01:00'))).toBe(false);
  });

  it('wrap from Saturday night into Sunday morning', () => {
    const saturdayNight = weekly('saturday-night', [6], '23:00', '01:00', CLOSED);
    expect(covers({ weekly: saturdayNight }, at(SAT, '22:59'))).toBe(false);
    expect(covers({ weekly: saturdayNight }, at(SAT, '23:30'))).toBe(true);
    expect(covers({ weekly: saturdayNight }, at(SUN, '00:30'))).toBe(true);
    expect(covers({ weekly: saturdayNight }, at(SUN, '01:00'))).toBe(false);
    expect(covers({ weekly: saturdayNight }, at(MON, '00:30'))).toBe(false);

    const sundayNight = weekly('sunday-night', [0], '23:00', '01:00', CLOSED);
    expect(covers({ weekly: sundayNight }, at(MON, '00:30'))).toBe(true);
    expect(covers({ weekly: sundayNight }, at(SUN, '00:30'))).toBe(false);
  });

  it('last a whole day when start equals end', () => {
    const tuesdayFromSix = weekly('tuesday', [2], '06:00', '06:00', play('c'));
    expect(covers({ weekly: tuesdayFromSix }, at(TUE, '05:59'))).toBe(false);
    expect(covers({ weekly: tuesdayFromSix }, at(TUE, '06:00'))).toBe(true);
    expect(covers({ weekly: tuesdayFromSix }, at(TUE, '23:59'))).toBe(true);
    expect(covers({ weekly: tuesdayFromSix }, at(WED, '05:59'))).toBe(true);
    expect(covers({ weekly: tuesdayFromSix }, at(WED, '06:00'))).toBe(false);

    const allTuesday = weekly('all-tuesday', [2], '00:00', '00:00', play('c'));
    expect(covers({ weekly: allTuesday }, at(MON, '23:59'))).toBe(false);
    expect(covers({ weekly: allTuesday }, at(TUE, '00:00'))).toBe(true);
    expect(covers({ weekly: allTuesday }, at(TUE, '23:59'))).toBe(true);
    expect(covers({ weekly: allTuesday }, at(WED, '00:00'))).toBe(false);
  });

  it('name the playlist and the rule that chose it', () => {
    expect(decide(schedule({ weekly: [weekdays] }), 'default', at(MON, '09:00'), IDS)).toEqual({
      kind: 'playlist',
      playlistId: 'a',
      ruleId: 'weekdays',
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('deciding what plays', () => {
  const everyDay = weekly('every-day', [0, 1, 2, 3, 4, 5, 6], '00:00', '00:00', play('a'));
  const holidays = dateRange('holidays', '2026-12-24', '2026-12-26', null, null, CLOSED);

  it('plays the default playlist when no rule covers now', () => {
    const expected: ScheduleDecision = { kind: 'playlist', playlistId: 'default', ruleId: null };
    expect(decide(EMPTY_SCHEDULE, 'default', at(MON, '09:00'), IDS)).toEqual(expected);
    const mornings = weekly('mornings', [1], '08:00', '12:00', play('b'));
    expect(decide(schedule({ weekly: [mornings] }), 'default', at(MON, '13:00'), IDS)).toEqual(
      expected,
    );
  });

  it('closes for a closed rule', () => {
    const nights = weekly('nights', [1], '18:00', '08:00', CLOSED);
    expect(decide(schedule({ weekly: [nights] }), 'a', at(TUE, '07:00'), IDS)).toEqual({
      kind: 'closed',
      ruleId: 'nights',
    });
  });

  it('covers every minute of an all-day date range, and nothing outside it', () => {
    const s = schedule({ dateRanges: [holidays] });
    const closed = { kind: 'closed', ruleId: 'holidays' };
    expect(decide(s, 'a', at('2026-12-23', '23:59'), IDS).kind).toBe('playlist');
    expect(decide(s, 'a', at('2026-12-24', '00:00'), IDS)).toEqual(closed);
    expect(decide(s, 'a', at('2026-12-25', '12:00'), IDS)).toEqual(closed);
    expect(decide(s, 'a', at('2026-12-26', '23:59'), IDS)).toEqual(closed);
    expect(decide(s, 'a', at('2026-12-27', '00:00'), IDS).kind).toBe('playlist');
  });

  it('lets date ranges win over weekly rules, whatever the order', () => {
    const s = schedule({ weekly: [everyDay], dateRanges: [holidays] });
    expect(decide(s, 'default', at('2026-12-25', '10:00'), IDS)).toEqual({
      kind: 'closed',
      ruleId: 'holidays',
    });
    expect(decide(s, 'default', at('2026-12-27', '10:00'), IDS)).toEqual({
      kind: 'playlist',
      playlistId: 'a',
      ruleId: 'every-day',
    });
  });

  it('runs a date range window on each date, spilling past the last date overnight', () => {
    const lateShows = dateRange(
      'late-shows',
      '2026-07-01',
      '2026-07-03',
      '20:00',
      '02:00',
      play('b'),
    );
    const s = schedule({ weekly: [everyDay], dateRanges: [lateShows] });
    const ruleAt = (date: string, time: string) => decide(s, 'default', at(date, time), IDS).ruleId;
    expect(ruleAt('2026-07-01', '01:00')).toBe('every-day'); // 30 June was not in the range
    expect(ruleAt('2026-07-01', '19:59')).toBe('every-day');
    expect(ruleAt('2026-07-01', '20:00')).toBe('late-shows');
    expect(ruleAt('2026-07-02', '01:59')).toBe('late-shows');
    expect(ruleAt('2026-07-02', '02:00')).toBe('every-day');
    expect(ruleAt('2026-07-03', '23:00')).toBe('late-shows');
    expect(ruleAt('2026-07-04', '01:59')).toBe('late-shows'); // the day after `to`
    expect(ruleAt('2026-07-04', '02:00')).toBe('every-day');
    expect(ruleAt('2026-07-04', '20:00')).toBe('every-day');
  });

  it('runs a same-day date range window only inside the window', () => {
    const open = dateRange('open-day', '2026-07-01', '2026-07-01', '10:00', '14:00', play('c'));
    const s = schedule({ dateRanges: [open] });
    expect(decide(s, 'default', at('2026-07-01', '09:59'), IDS).ruleId).toBeNull();
    expect(decide(s, 'default', at('2026-07-01', '10:00'), IDS).ruleId).toBe('open-day');
    expect(decide(s, 'default', at('2026-07-01', '14:00'), IDS).ruleId).toBeNull();
    expect(decide(s, 'default', at('2026-07-02', '11:00'), IDS).ruleId).toBeNull();
  });

  it('takes the first covering rule in each list', () => {
    const first = dateRange('first', '2026-12-20', '2026-12-31', null, null, play('b'));
    const second = dateRange('second', '2026-12-24', '2026-12-26', null, null, CLOSED);
    const mornings = weekly('mornings', [5], '08:00', '12:00', play('c'));
    const s = schedule({ weekly: [mornings, everyDay], dateRanges: [first, second] });
    expect(decide(s, 'default', at('2026-12-25', '10:00'), IDS).ruleId).toBe('first');
    const swapped = { ...s, dateRanges: [second, first] };
    expect(decide(swapped, 'default', at('2026-12-25', '10:00'), IDS).ruleId).toBe('second');
    expect(decide(s, 'default', at(FRI, '10:00'), IDS).ruleId).toBe('mornings');
    expect(decide(s, 'default', at(FRI, '13:00'), IDS).ruleId).toBe('every-day');
    const weeklySwapped = { ...s, weekly: [everyDay, mornings] };
    expect(decide(weeklySwapped, 'default', at(FRI, '10:00'), IDS).ruleId).toBe('every-day');
  });

  it('skips rules whose playlist was deleted, as if they were not there', () => {
    const goneRange = dateRange('gone-range', '2026-01-01', '2026-12-31', null, null, play('gone'));
    const goneWeekly = weekly('gone-weekly', [5], '00:00', '00:00', play('gone'));
    const s = schedule({ weekly: [goneWeekly, everyDay], dateRanges: [goneRange] });
    expect(decide(s, 'default', at(FRI, '10:00'), IDS)).toEqual({
      kind: 'playlist',
      playlistId: 'a',
      ruleId: 'every-day',
    });
    const onlyGone = schedule({ weekly: [goneWeekly], dateRanges: [goneRange] });
    expect(decide(onlyGone, 'default', at(FRI, '10:00'), IDS)).toEqual({
      kind: 'playlist',
      playlistId: 'default',
      ruleId: null,
    });
    // Once the playlist exists again, its rules apply again.
    expect(decide(s, 'default', at(FRI, '10:00'), [...IDS, 'gone']).ruleId).toBe('gone-range');
  });

  it('never skips a closed rule for want of a playlist', () => {
    const closedAllDay = weekly('closed', [5], '00:00', '00:00', CLOSED);
    expect(decide(schedule({ weekly: [closedAllDay] }), 'default', at(FRI, '10:00'), [])).toEqual({
      kind: 'closed',
      ruleId: 'closed',
    });
  });
});

describe('describeRuleProblems', () => {
  it('has nothing to say about an empty or healthy schedule', () => {
    expect(describeRuleProblems(EMPTY_SCHEDULE, IDS)).toEqual([]);
    const s = schedule({
      weekly: [weekly('nights', [1, 2], '18:00', '08:00', CLOSED)],
      dateRanges: [
        dateRange('open-day', '2026-07-01', '2026-07-01', '10:00', '14:00', play('c')),
        // Long over: not a problem, it just no longer applies.
        dateRange('old-holidays', '2001-12-24', '2001-12-26', null, null, CLOSED),
      ],
    });
    expect(describeRuleProblems(s, IDS)).toEqual([]);
  });

  it('names each rule that plays a deleted playlist', () => {
    const s = schedule({
      weekly: [
        weekly('fine', [1], '08:00', '12:00', play('a')),
        weekly('orphan-weekly', [2], '08:00', '12:00', play('gone')),
      ],
      dateRanges: [dateRange('orphan-range', '2026-07-01', '2026-07-02', null, null, play('old'))],
    });
    const problems = describeRuleProblems(s, IDS);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/orphan-range/);
    expect(problems[0]).toMatch(/old/);
    expect(problems[1]).toMatch(/orphan-weekly/);
    expect(problems[1]).toMatch(/no longer exists/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('localTimeOf', () => {
  const LA = 'America/Los_Angeles';
  const utc = (iso: string) => new Date(iso);

  it('follows Los Angeles across spring forward (8 March 2026)', () => {
    expect(localTimeOf(utc('2026-03-08T09:59:00Z'), LA)).toEqual(at(SUN, '01:59')); // PST
    expect(localTimeOf(utc('2026-03-08T10:00:00Z'), LA)).toEqual(at(SUN, '03:00')); // PDT
    expect(localTimeOf(utc('2026-03-08T10:30:00Z'), LA)).toEqual({
      date: '2026-03-08',
      weekday: 0,
      minutes: 210,
    });
  });

  it('follows Los Angeles across fall back (1 November 2026): 01:30 happens twice', () => {
    const first = localTimeOf(utc('2026-11-01T08:30:00Z'), LA); // 01:30 PDT
    const second = localTimeOf(utc('2026-11-01T09:30:00Z'), LA); // 01:30 PST
    expect(first).toEqual({ date: '2026-11-01', weekday: 0, minutes: 90 });
    expect(second).toEqual(first);
    expect(localTimeOf(utc('2026-11-01T11:00:00Z'), LA)).toEqual(at('2026-11-01', '03:00'));
  });

  it('follows Madrid in winter, in summer and across its change (29 March 2026)', () => {
    expect(localTimeOf(utc('2026-01-15T12:00:00Z'), 'Europe/Madrid')).toEqual(
      at('2026-01-15', '13:00'),
    );
    expect(localTimeOf(utc('2026-07-15T12:00:00Z'), 'Europe/Madrid')).toEqual(
      at('2026-07-15', '14:00'),
    );
    expect(localTimeOf(utc('2026-03-29T00:59:00Z'), 'Europe/Madrid')).toEqual(
      at('2026-03-29', '01:59'),
    );
    expect(localTimeOf(utc('2026-03-29T01:00:00Z'), 'Europe/Madrid')).toEqual(
      at('2026-03-29', '03:00'),
    );
    // Just before midnight UTC is already tomorrow in Madrid.
    expect(localTimeOf(utc('2026-12-31T23:30:00Z'), 'Europe/Madrid')).toEqual(
      at('2027-01-01', '00:30'),
    );
  });

  it('reads UTC as is, midnight as minute 0', () => {
    expect(localTimeOf(utc('2026-12-31T23:59:00Z'), 'UTC')).toEqual({
      date: '2026-12-31',
      weekday: 4,
      minutes: 1439,
    });
    expect(localTimeOf(utc('2027-01-01T00:00:00Z'), 'UTC')).toEqual({
      date: '2027-01-01',
      weekday: 5,
      minutes: 0,
    });
    expect(localTimeOf(utc('2024-02-29T12:34:56Z'), 'UTC')).toEqual(at('2024-02-29', '12:34'));
  });

  it('puts the same instant on different days on either side of the date line', () => {
    const instant = utc('2026-03-06T12:00:00Z');
    expect(localTimeOf(instant, 'Pacific/Kiritimati')).toEqual(at(SAT, '02:00')); // UTC+14
    expect(localTimeOf(instant, 'Pacific/Pago_Pago')).toEqual(at(FRI, '01:00')); // UTC−11
  });

  it("uses the machine's own zone when none is given", () => {
    const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    const instant = utc('2026-06-01T15:45:00Z');
    expect(localTimeOf(instant)).toEqual(localTimeOf(instant, zone));
  });

  it('refuses an unknown zone', () => {
    expect(() => localTimeOf(utc('2026-06-01T15:45:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('agrees with the UTC calendar for any instant read in UTC', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2100-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (instant) => {
          expect(localTimeOf(instant, 'UTC')).toEqual({
            date: instant.toISOString().slice(0, 10),
            weekday: instant.getUTCDay(),
            minutes: instant.getUTCHours() * 60 + instant.getUTCMinutes(),
          });
        },
      ),
      RUNS,
    );
  });
});

describe('schedules on the wall clock across daylight saving', () => {
  const LA = 'America/Los_Angeles';
  const earlySunday = schedule({ weekly: [weekly('early-sunday', [0], '01:00', '03:00', CLOSED)] });
  const closedAt = (iso: string) =>
    decide(earlySunday, 'a', localTimeOf(new Date(iso), LA), IDS).kind === 'closed';

  it('spring forward: 01:30 PST is covered, 03:05 PDT is not', () => {
    expect(closedAt('2026-03-08T09:30:00Z')).toBe(true); // 01:30 PST
    expect(closedAt('2026-03-08T10:05:00Z')).toBe(false); // 03:05 PDT, an hour later
  });

  it('fall back: 01:30 is covered both times it happens, 03:00 PST is not', () => {
    expect(closedAt('2026-11-01T08:30:00Z')).toBe(true); // 01:30 PDT
    expect(closedAt('2026-11-01T09:30:00Z')).toBe(true); // 01:30 PST
    expect(closedAt('2026-11-01T11:00:00Z')).toBe(false); // 03:00 PST
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const timeArb = fc
  .integer({ min: 0, max: 1439 })
  .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const dateArb = fc
  .date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((instant) => instant.toISOString().slice(0, 10));
const targetArb: fc.Arbitrary<ScheduleTarget> = fc.oneof(
  fc.constant(CLOSED),
  fc.constantFrom(...IDS).map(play),
);
const ruleIdArb = fc.stringMatching(/^[a-z0-9-]{1,12}$/);

const weeklyArb: fc.Arbitrary<WeeklyRule> = fc.record({
  id: ruleIdArb,
  days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
  start: timeArb,
  end: timeArb,
  target: targetArb,
});

const dateRangeArb: fc.Arbitrary<DateRangeRule> = fc
  .record({
    id: ruleIdArb,
    dates: fc.tuple(dateArb, dateArb),
    window: fc.option(fc.tuple(timeArb, timeArb), { nil: null }),
    target: targetArb,
  })
  .map(({ id, dates, window, target }) => ({
    id,
    from: dates[0] < dates[1] ? dates[0] : dates[1],
    to: dates[0] < dates[1] ? dates[1] : dates[0],
    start: window ? window[0] : null,
    end: window ? window[1] : null,
    target,
  }));

const scheduleArb: fc.Arbitrary<Schedule> = fc.record({
  weekly: fc.array(weeklyArb, { maxLength: 6 }),
  dateRanges: fc.array(dateRangeArb, { maxLength: 4 }),
  closedDisplay: fc.constantFrom('card' as const, 'dark' as const),
});

const localTimeArb: fc.Arbitrary<LocalTime> = fc
  .record({ date: dateArb, minutes: fc.integer({ min: 0, max: 1439 }) })
  .map(({ date, minutes }) => ({ date, weekday: weekdayOf(date), minutes }));

const playlistIdsArb: fc.Arbitrary<string[]> = fc.subarray<string>([...IDS]);
const defaultArb = fc.constantFrom('default', ...IDS);

/**
 * An independent reading of a weekly rule: count minutes from the start of the week, and see
 * whether `now` falls within the rule's length after one of its openings (wrapping the week).
 */
function weeklyCoversByWeekMinutes(rule: WeeklyRule, now: LocalTime): boolean {
  const week = 7 * 1440;
  const start = minutesOf(rule.start);
  const end = minutesOf(rule.end);
  const length = end > start ? end - start : end - start + 1440;
  const nowInWeek = now.weekday * 1440 + now.minutes;
  return rule.days.some(
    (day) => (((nowInWeek - (day * 1440 + start)) % week) + week) % week < length,
  );
}

describe('schedule properties', () => {
  it('generates only valid schedules', () => {
    fc.assert(
      fc.property(scheduleArb, (s) => {
        expect(ScheduleSchema.parse(s)).toEqual(s);
      }),
      RUNS,
    );
  });

  it('always decides on an existing rule, an existing playlist or the default', () => {
    fc.assert(
      fc.property(
        scheduleArb,
        defaultArb,
        localTimeArb,
        playlistIdsArb,
        (s, fallback, now, playlistIds) => {
          const decision = decide(s, fallback, now, playlistIds);
          const rules = [...s.dateRanges, ...s.weekly];
          if (decision.kind === 'closed') {
            expect(
              rules.some((rule) => rule.id === decision.ruleId && rule.target.kind === 'closed'),
            ).toBe(true);
          } else if (decision.ruleId === null) {
            expect(decision.playlistId).toBe(fallback);
          } else {
            expect(playlistIds).toContain(decision.playlistId);
            expect(
              rules.some(
                (rule) =>
                  rule.id === decision.ruleId &&
                  rule.target.kind === 'playlist' &&
                  rule.target.playlistId === decision.playlistId,
              ),
            ).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });

  it('lets a catch-all date range at the front win whenever its playlist exists', () => {
    fc.assert(
      fc.property(
        scheduleArb,
        targetArb,
        localTimeArb,
        playlistIdsArb,
        (s, target, now, playlistIds) => {
          const always = dateRange('always', '2000-01-01', '2099-12-31', null, null, target);
          const withAlways = { ...s, dateRanges: [always, ...s.dateRanges] };
          const decision = decide(withAlways, 'default', now, playlistIds);
          if (target.kind === 'closed') {
            expect(decision).toEqual({ kind: 'closed', ruleId: 'always' });
          } else if (playlistIds.includes(target.playlistId)) {
            expect(decision).toEqual({
              kind: 'playlist',
              playlistId: target.playlistId,
              ruleId: 'always',
            });
          } else {
            expect(decision).toEqual(decide(s, 'default', now, playlistIds));
          }
        },
      ),
      RUNS,
    );
  });

  it('agrees with counting minutes through the week for a single weekly rule', () => {
    fc.assert(
      fc.property(weeklyArb, localTimeArb, (rule, now) => {
        const named = { ...rule, id: 'rule' };
        const decision = decide(schedule({ weekly: [named] }), 'default', now, IDS);
        expect(decision.ruleId === 'rule').toBe(weeklyCoversByWeekMinutes(named, now));
      }),
      { numRuns: 2000 },
    );
  });

  it('covers exactly 24 hours per listed day in a week of minutes', () => {
    fc.assert(
      fc.property(
        weeklyArb.filter((rule) => rule.start === rule.end),
        (rule) => {
          let covered = 0;
          for (let day = 0; day < 7; day += 1) {
            for (let minutes = 0; minutes < 1440; minutes += 15) {
              const now = { date: '2026-03-08', weekday: day, minutes };
              if (decide(schedule({ weekly: [rule] }), 'default', now, IDS).ruleId !== null)
                covered += 1;
            }
          }
          expect(covered).toBe(rule.days.length * 96);
        },
      ),
      { numRuns: 50 },
    );
  });
});
