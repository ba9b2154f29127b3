import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DateRangeRule, ScheduleTarget, WeeklyRule } from '../../../../contract';
import { DATE_LENGTH } from '../fieldLimits';
import { TextField, withCurrent } from '../kit';
import './ScheduleRuleEditor.css';

/** Monday first, as a clinic's week is read; values are Date.getDay() numbers. */
export const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;
const TIMES = Array.from({ length: 96 }, (_, quarter) => {
  const minutes = quarter * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

export type Editing =
  | { kind: 'weekly'; rule: WeeklyRule; isNew: boolean }
  | { kind: 'range'; rule: DateRangeRule; isNew: boolean };

export function dayName(day: number, language: string): string {
  // 2026-11-01 was a Sunday: day 0.
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 10, 1 + day)),
  );
}

/** The rules of one kind, each with its summary and buttons to edit or delete it. */
export function RuleList({
  rules,
  empty,
  locked,
  onEdit,
  onDelete,
}: {
  rules: { id: string; summary: string; note?: string | undefined }[];
  empty: string;
  /** Why Edit and Delete wait (a rule is open below); undefined: they do not. */
  locked?: string | undefined;
  onEdit: (id: string) => void;
  onDelete: (id: string, summary: string) => void;
}) {
  const { t } = useTranslation('admin');
  const hintId = useId();
  if (rules.length === 0) return <p>{empty}</p>;
  return (
    <>
      {locked ? (
        <p id={hintId} className="admin-field__hint">
          {locked}
        </p>
      ) : null}
      <ul className="admin-list playlist-add">
        {rules.map((rule) => (
          <li key={rule.id}>
            <span>
              {rule.summary}
              {rule.note ? <span className="admin-list__attention"> · {rule.note}</span> : null}
            </span>
            <button
              type="button"
              className="admin-button"
              aria-label={t('schedule.editNamed', { summary: rule.summary })}
              aria-describedby={locked ? hintId : undefined}
              disabled={locked !== undefined}
              onClick={() => onEdit(rule.id)}
            >
              {t('schedule.edit')}
            </button>
            <button
              type="button"
              className="admin-button admin-button--danger"
              aria-label={t('schedule.deleteNamed', { summary: rule.summary })}
              aria-describedby={locked ? hintId : undefined}
              disabled={locked !== undefined}
              onClick={() => onDelete(rule.id, rule.summary)}
            >
              {t('schedule.delete')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function TimeSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="admin-field admin-field--inline">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="admin-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {withCurrent(TIMES, value).map((time) => (
          <option key={time} value={time}>
            {time}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A weekly rule is all day when it starts and ends at the same time (24 hours, written 00:00 to
 * 00:00); a date range is all day with no times at all.
 */
function isAllDay(editing: Editing): boolean {
  return editing.kind === 'weekly'
    ? editing.rule.start === editing.rule.end
    : editing.rule.start === null;
}

function withAllDay(editing: Editing, allDay: boolean): Editing {
  if (editing.kind === 'weekly') {
    const times = allDay ? { start: '00:00', end: '00:00' } : { start: '08:00', end: '18:00' };
    return { ...editing, rule: { ...editing.rule, ...times } };
  }
  const times = allDay ? { start: null, end: null } : { start: '08:00', end: '18:00' };
  return { ...editing, rule: { ...editing.rule, ...times } };
}

export /** One rule being written: its days or dates, its hours, and what it plays. */
function RuleEditor({
  editing,
  targets,
  problem,
  note = null,
  onChange,
  onDone,
  onCancel,
}: {
  editing: Editing;
  targets: { value: string; label: string }[];
  problem: string | null;
  /** Said under the rule while it changes nothing in the week. */
  note?: string | null;
  onChange: (next: Editing) => void;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const targetId = useId();
  const target = editing.rule.target;
  const allDay = isAllDay(editing);
  const setTarget = (value: string) => {
    const next: ScheduleTarget =
      value === '' ? { kind: 'closed' } : { kind: 'playlist', playlistId: value };
    onChange({ ...editing, rule: { ...editing.rule, target: next } } as Editing);
  };
  return (
    <div className="admin-form admin-rule-editor">
      {editing.kind === 'weekly' ? (
        <fieldset className="admin-field admin-choice admin-days">
          <legend>{t('schedule.days')}</legend>
          {WEEK.map((day) => (
            <label key={day} className="admin-choice__option">
              <input
                type="checkbox"
                checked={editing.rule.days.includes(day)}
                onChange={(event) => {
                  const days = event.target.checked
                    ? [...editing.rule.days, day].sort((a, b) => a - b)
                    : editing.rule.days.filter((other) => other !== day);
                  onChange({ ...editing, rule: { ...editing.rule, days } });
                }}
              />
              <span>{dayName(day, i18n.language)}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <>
          <TextField
            label={t('schedule.from')}
            value={editing.rule.from}
            maxLength={DATE_LENGTH}
            numeric
            onChange={(from) => onChange({ ...editing, rule: { ...editing.rule, from } })}
          />
          <TextField
            label={t('schedule.to')}
            value={editing.rule.to}
            maxLength={DATE_LENGTH}
            numeric
            onChange={(to) => onChange({ ...editing, rule: { ...editing.rule, to } })}
          />
        </>
      )}
      <label className="admin-choice__option">
        <input
          type="checkbox"
          checked={allDay}
          onChange={(event) => onChange(withAllDay(editing, event.target.checked))}
        />
        <span>{t('schedule.allDay')}</span>
      </label>
      {!allDay ? (
        <div className="admin-actions">
          <TimeSelect
            label={t('schedule.start')}
            value={editing.rule.start ?? '08:00'}
            onChange={(start) =>
              onChange({ ...editing, rule: { ...editing.rule, start } } as Editing)
            }
          />
          <TimeSelect
            label={t('schedule.end')}
            value={editing.rule.end ?? '18:00'}
            onChange={(end) => onChange({ ...editing, rule: { ...editing.rule, end } } as Editing)}
          />
        </div>
      ) : null}
      <div className="admin-field">
        <label htmlFor={targetId}>{t('schedule.target')}</label>
        <select
          id={targetId}
          className="admin-input"
          value={target.kind === 'closed' ? '' : target.playlistId}
          onChange={(event) => setTarget(event.target.value)}
        >
          {targets.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <p className="admin-message" role="status">
        {note ?? ''}
      </p>
      <div className="admin-savebar">
        <button type="button" className="admin-button admin-button--primary" onClick={onDone}>
          {t('schedule.done')}
        </button>
        <button type="button" className="admin-button" onClick={onCancel}>
          {t('schedule.cancel')}
        </button>
        {problem ? (
          <p className="admin-message admin-message--problem" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
    </div>
  );
}
