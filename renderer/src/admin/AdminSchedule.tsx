import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decide,
  localTimeOf,
  LocalDateSchema,
  minutesOf,
  type DateRangeRule,
  type Schedule,
  type ScheduleTarget,
  type WeeklyRule,
} from '../../../contract';
import { newId } from './AdminPlaylists';
import {
  Choice,
  editable,
  SaveBar,
  Section,
  TextField,
  type SectionProps,
  withCurrent,
} from './AdminSections';
import { useAdminCall } from './useAdminCall';

/** Monday first, as a clinic's week is read; values are Date.getDay() numbers. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;
const TIMES = Array.from({ length: 96 }, (_, quarter) => {
  const minutes = quarter * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

type Editing =
  | { kind: 'weekly'; rule: WeeklyRule; isNew: boolean }
  | { kind: 'range'; rule: DateRangeRule; isNew: boolean };

function dayName(day: number, language: string): string {
  // 2026-11-01 was a Sunday: day 0.
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 10, 1 + day)),
  );
}

function todayLocal(): string {
  return localTimeOf(new Date()).date;
}

/**
 * Weekly rules, date ranges that win over them, and what closed hours show. Each rule picks a
 * playlist or "closed"; the screen says what the kiosk shows right now under the draft.
 */
export function ScheduleSection({ admin, state, onState, onSessionClosed }: SectionProps) {
  const { t, i18n } = useTranslation('admin');
  const [schedule, setSchedule] = useState<Schedule>(state.settings.schedule);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const call = useAdminCall(onSessionClosed);
  const playlists = state.settings.playlists;
  const dirty = JSON.stringify(schedule) !== JSON.stringify(state.settings.schedule);
  const ruleIds = [...schedule.weekly, ...schedule.dateRanges].map((rule) => rule.id);

  const targetName = (target: ScheduleTarget) =>
    target.kind === 'closed'
      ? t('schedule.closed')
      : (playlists.find((playlist) => playlist.id === target.playlistId)?.name ?? '?');
  const times = (start: string, end: string) =>
    start === end
      ? t('schedule.summaryAllDay')
      : `${start}–${end}${minutesOf(end) < minutesOf(start) ? t('schedule.overnight') : ''}`;
  const summaryWeekly = (rule: WeeklyRule) =>
    t('schedule.summaryWeekly', {
      days: WEEK.filter((day) => rule.days.includes(day))
        .map((day) => dayName(day, i18n.language))
        .join(', '),
      times: times(rule.start, rule.end),
      target: targetName(rule.target),
    });
  const summaryRange = (rule: DateRangeRule) =>
    t('schedule.summaryRange', {
      from: rule.from,
      to: rule.to,
      times: rule.start && rule.end ? times(rule.start, rule.end) : t('schedule.summaryAllDay'),
      target: targetName(rule.target),
    });

  const now = decide(
    schedule,
    state.settings.defaultPlaylistId,
    localTimeOf(new Date()),
    playlists.map((playlist) => playlist.id),
  );
  const nowText =
    now.kind === 'closed'
      ? t('schedule.nowClosed')
      : t('schedule.nowPlaying', {
          name: targetName({ kind: 'playlist', playlistId: now.playlistId }),
        });

  const defaultTarget: ScheduleTarget = {
    kind: 'playlist',
    playlistId: state.settings.defaultPlaylistId,
  };
  const commit = (current: Editing) => {
    if (current.kind === 'weekly') {
      if (current.rule.days.length === 0) return setProblem(t('schedule.needDay'));
      setSchedule((draft) => ({
        ...draft,
        weekly: current.isNew
          ? [...draft.weekly, current.rule]
          : draft.weekly.map((rule) => (rule.id === current.rule.id ? current.rule : rule)),
      }));
    } else {
      const { from, to } = current.rule;
      const valid =
        LocalDateSchema.safeParse(from).success && LocalDateSchema.safeParse(to).success;
      if (!valid || from > to) return setProblem(t('schedule.badDates'));
      setSchedule((draft) => ({
        ...draft,
        dateRanges: current.isNew
          ? [...draft.dateRanges, current.rule]
          : draft.dateRanges.map((rule) => (rule.id === current.rule.id ? current.rule : rule)),
      }));
    }
    setProblem(null);
    setEditing(null);
  };

  return (
    <Section title={t('schedule.title')}>
      <p className="admin-field__hint">{t('schedule.hint')}</p>
      <p className="admin-badge" role="status">
        {nowText}
      </p>
      <Choice
        legend={t('schedule.closedDisplay')}
        name="closedDisplay"
        value={schedule.closedDisplay}
        options={[
          { value: 'card', label: t('schedule.closedCard') },
          { value: 'dark', label: t('schedule.closedDark') },
        ]}
        onChange={(closedDisplay) => {
          call.clear();
          setSchedule((draft) => ({ ...draft, closedDisplay }));
        }}
      />

      <h3 className="admin-section__subtitle">{t('schedule.dateRanges')}</h3>
      <RuleList
        empty={t('schedule.noDateRanges')}
        rules={schedule.dateRanges.map((rule) => ({ id: rule.id, summary: summaryRange(rule) }))}
        onEdit={(id) =>
          setEditing({
            kind: 'range',
            rule: schedule.dateRanges.find((rule) => rule.id === id)!,
            isNew: false,
          })
        }
        onDelete={(id) =>
          setSchedule((draft) => ({
            ...draft,
            dateRanges: draft.dateRanges.filter((rule) => rule.id !== id),
          }))
        }
      />
      <h3 className="admin-section__subtitle">{t('schedule.weekly')}</h3>
      <RuleList
        empty={t('schedule.noWeekly')}
        rules={schedule.weekly.map((rule) => ({ id: rule.id, summary: summaryWeekly(rule) }))}
        onEdit={(id) =>
          setEditing({
            kind: 'weekly',
            rule: schedule.weekly.find((rule) => rule.id === id)!,
            isNew: false,
          })
        }
        onDelete={(id) =>
          setSchedule((draft) => ({
            ...draft,
            weekly: draft.weekly.filter((rule) => rule.id !== id),
          }))
        }
      />

      {editing ? (
        <RuleEditor
          editing={editing}
          targets={[
            ...playlists.map((playlist) => ({ value: playlist.id, label: playlist.name })),
            { value: '', label: t('schedule.closed') },
          ]}
          problem={problem}
          onChange={(next) => {
            setProblem(null);
            setEditing(next);
          }}
          onDone={() => commit(editing)}
          onCancel={() => {
            setProblem(null);
            setEditing(null);
          }}
        />
      ) : (
        <div className="admin-actions">
          <button
            type="button"
            className="admin-button"
            onClick={() =>
              setEditing({
                kind: 'weekly',
                isNew: true,
                rule: {
                  id: newId('weekly', ruleIds),
                  days: [1, 2, 3, 4, 5],
                  start: '08:00',
                  end: '18:00',
                  target: defaultTarget,
                },
              })
            }
          >
            {t('schedule.addWeekly')}
          </button>
          <button
            type="button"
            className="admin-button"
            onClick={() =>
              setEditing({
                kind: 'range',
                isNew: true,
                rule: {
                  id: newId('dates', ruleIds),
                  from: todayLocal(),
                  to: todayLocal(),
                  start: null,
                  end: null,
                  target: { kind: 'closed' },
                },
              })
            }
          >
            {t('schedule.addDateRange')}
          </button>
        </div>
      )}

      <SaveBar
        busy={call.busy}
        dirty={dirty}
        outcome={call.outcome}
        onSave={() =>
          void call.run(
            () => admin.saveSettings({ settings: { ...editable(state), schedule } }),
            t('schedule.saved'),
            onState,
          )
        }
      />
    </Section>
  );
}

function RuleList({
  rules,
  empty,
  onEdit,
  onDelete,
}: {
  rules: { id: string; summary: string }[];
  empty: string;
  onEdit: (id: string) => void;
  onDelete: (id: string) => void;
}) {
  const { t } = useTranslation('admin');
  if (rules.length === 0) return <p>{empty}</p>;
  return (
    <ul className="admin-list playlist-add">
      {rules.map((rule) => (
        <li key={rule.id}>
          <span>{rule.summary}</span>
          <button
            type="button"
            className="admin-button"
            aria-label={t('schedule.editNamed', { summary: rule.summary })}
            onClick={() => onEdit(rule.id)}
          >
            {t('schedule.edit')}
          </button>
          <button
            type="button"
            className="admin-button admin-button--danger"
            aria-label={t('schedule.deleteNamed', { summary: rule.summary })}
            onClick={() => onDelete(rule.id)}
          >
            {t('schedule.delete')}
          </button>
        </li>
      ))}
    </ul>
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

function RuleEditor({
  editing,
  targets,
  problem,
  onChange,
  onDone,
  onCancel,
}: {
  editing: Editing;
  targets: { value: string; label: string }[];
  problem: string | null;
  onChange: (next: Editing) => void;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const targetId = useId();
  const target = editing.rule.target;
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
            maxLength={10}
            numeric
            onChange={(from) => onChange({ ...editing, rule: { ...editing.rule, from } })}
          />
          <TextField
            label={t('schedule.to')}
            value={editing.rule.to}
            maxLength={10}
            numeric
            onChange={(to) => onChange({ ...editing, rule: { ...editing.rule, to } })}
          />
          <label className="admin-choice__option">
            <input
              type="checkbox"
              checked={editing.rule.start === null}
              onChange={(event) =>
                onChange({
                  ...editing,
                  rule: {
                    ...editing.rule,
                    start: event.target.checked ? null : '08:00',
                    end: event.target.checked ? null : '18:00',
                  },
                })
              }
            />
            <span>{t('schedule.allDay')}</span>
          </label>
        </>
      )}
      {editing.kind === 'weekly' || editing.rule.start !== null ? (
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
