import { describe, expect, it } from 'vitest';
import type { ScheduleTarget, WeeklyRule } from '../../../contract';
import { clockOf, weeklyRulesThatChangeNothing, weekPlan } from '../../../domain';

const IDS = ['waiting', 'evening'];
const CLOSED: ScheduleTarget = { kind: 'closed' };
const play = (playlistId: string): ScheduleTarget => ({ kind: 'playlist', playlistId });
const rule = (
  id: string,
  days: number[],
  start: string,
  end: string,
  target: ScheduleTarget,
): WeeklyRule => ({ id, days, start, end, target });

/** A day as text: "00:00-08:00 closed, 08:00-24:00 waiting". */
const text = (weekly: WeeklyRule[], weekday: number) =>
  weekPlan(weekly, 'waiting', IDS)[weekday]!.stretches.map(
    ({ start, end, shown }) =>
      `${clockOf(start)}-${clockOf(end)} ${shown.kind === 'closed' ? 'closed' : shown.playlistId}`,
  );

describe('weekPlan', () => {
  it('with no rules, plays the default playlist all week', () => {
    const plan = weekPlan([], 'waiting', IDS);
    expect(plan).toHaveLength(7);
    for (const day of plan) expect(text([], day.weekday)).toEqual(['00:00-24:00 waiting']);
  });

  it('shows an all-day rule (00:00 to 00:00) as the whole day, on its days only', () => {
    const weekly = [rule('sunday', [0], '00:00', '00:00', CLOSED)];
    expect(text(weekly, 0)).toEqual(['00:00-24:00 closed']);
    expect(text(weekly, 1)).toEqual(['00:00-24:00 waiting']);
  });

  it('splits an overnight rule across the two days it covers', () => {
    const weekly = [rule('late', [5], '22:00', '02:00', play('evening'))];
    expect(text(weekly, 5)).toEqual(['00:00-22:00 waiting', '22:00-24:00 evening']);
    expect(text(weekly, 6)).toEqual(['00:00-02:00 evening', '02:00-24:00 waiting']);
  });

  it('lets the first matching rule win, as the kiosk does', () => {
    const weekly = [
      rule('closed-evenings', [1], '18:00', '00:00', CLOSED),
      rule('evening', [1], '17:00', '20:00', play('evening')),
    ];
    expect(text(weekly, 1)).toEqual([
      '00:00-17:00 waiting',
      '17:00-18:00 evening',
      '18:00-24:00 closed',
    ]);
  });
});

describe('weeklyRulesThatChangeNothing', () => {
  it('names a rule that plays what plays anyway, and one always beaten by a rule above it', () => {
    const weekly = [
      rule('sunday', [0], '00:00', '00:00', CLOSED),
      rule('same-as-default', [1, 2], '08:00', '18:00', play('waiting')),
      rule('hidden', [0], '10:00', '12:00', play('evening')),
      rule('evening', [3], '18:00', '21:00', play('evening')),
    ];
    expect(weeklyRulesThatChangeNothing(weekly, 'waiting', IDS)).toEqual([
      'same-as-default',
      'hidden',
    ]);
  });

  it('names a rule whose playlist was deleted', () => {
    const weekly = [rule('gone', [1], '08:00', '10:00', play('deleted'))];
    expect(weeklyRulesThatChangeNothing(weekly, 'waiting', IDS)).toEqual(['gone']);
  });
});
