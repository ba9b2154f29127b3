import type { TFunction } from 'i18next';
import { LocalDateSchema, type Schedule } from '../../../../contract';
import type { Editing } from './ScheduleRuleEditor';

/**
 * The Schedule screen's unsaved work: the schedule, and the rule open in the editor. The open
 * rule counts as a change before "Done": a save (or "Save changes?" on leaving) takes it in.
 */
export interface ScheduleDraft {
  schedule: Schedule;
  editing: Editing | null;
}

/** The schedule with the open rule in it: added at the end when new, in its place when not. */
export function withOpenRule({ schedule, editing }: ScheduleDraft): Schedule {
  if (!editing) return schedule;
  if (editing.kind === 'weekly') {
    const { rule } = editing;
    return {
      ...schedule,
      weekly: editing.isNew
        ? [...schedule.weekly, rule]
        : schedule.weekly.map((other) => (other.id === rule.id ? rule : other)),
    };
  }
  const { rule } = editing;
  return {
    ...schedule,
    dateRanges: editing.isNew
      ? [...schedule.dateRanges, rule]
      : schedule.dateRanges.map((other) => (other.id === rule.id ? rule : other)),
  };
}

/** What must be put right in the open rule before it can be kept, in staff's words; or null. */
export function ruleProblem(t: TFunction<'admin'>, editing: Editing | null): string | null {
  if (!editing) return null;
  if (editing.kind === 'weekly') {
    return editing.rule.days.length === 0 ? t('schedule.needDay') : null;
  }
  const { from, to } = editing.rule;
  const valid = LocalDateSchema.safeParse(from).success && LocalDateSchema.safeParse(to).success;
  return !valid || from > to ? t('schedule.badDates') : null;
}

/** The list with `item` put back at `index` (or at the end). */
export function withAt<T>(list: readonly T[], index: number, item: T): T[] {
  const next = [...list];
  next.splice(index < 0 ? next.length : Math.min(index, next.length), 0, item);
  return next;
}
