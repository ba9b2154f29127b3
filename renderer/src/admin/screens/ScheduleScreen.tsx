import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decide,
  localTimeOf,
  minutesOf,
  weeklyRulesThatChangeNothing,
  weekPlan,
  type DateRangeRule,
  type Schedule,
  type ScheduleTarget,
  type WeeklyRule,
} from '../../../../contract';
import { Choice, SaveBar, Section, UndoBar, useUndo } from '../kit';
import { newId } from '../newId';
import { today } from '../today';
import { useSettingsDraft } from '../useSettingsDraft';
import { dayName, RuleEditor, RuleList, WEEK, type Editing } from './ScheduleRuleEditor';
import type { ScreenProps } from './ScreenProps';
import { ruleProblem, withAt, withOpenRule, type ScheduleDraft } from './scheduleDraft';
import { playlistName } from '../staffWords';
import { WeekView } from './WeekView';

/**
 * Weekly rules, date ranges that win over them, and what closed hours show. Each rule picks a
 * playlist or "closed"; the screen says what the kiosk shows right now under the draft.
 */
export function ScheduleScreen(props: ScreenProps) {
  const { state } = props;
  const { t, i18n } = useTranslation('admin');
  // The rule open in the editor is part of the draft: a change before "Done" (see scheduleDraft).
  const scheduleDraft = useSettingsDraft(
    props,
    (): ScheduleDraft => ({ schedule: state.settings.schedule, editing: null }),
    (draft, saved) => ({ ...saved, schedule: withOpenRule(draft) }),
    {
      check: (draft) => ruleProblem(t, draft.editing),
      afterSave: (draft) => ({ schedule: withOpenRule(draft), editing: null }),
    },
  );
  const { schedule, editing } = scheduleDraft.draft;
  const setSchedule = (change: (schedule: Schedule) => Schedule) =>
    scheduleDraft.change((draft) => ({ ...draft, schedule: change(draft.schedule) }));
  const setEditing = (next: Editing | null) =>
    scheduleDraft.change((draft) => ({ ...draft, editing: next }));
  const [problem, setProblem] = useState<string | null>(null);
  const { offer, offerUndo, undo } = useUndo();
  const playlists = state.settings.playlists;
  const ruleIds = [...schedule.weekly, ...schedule.dateRanges].map((rule) => rule.id);

  const targetName = (target: ScheduleTarget) =>
    target.kind === 'closed'
      ? t('schedule.closed')
      : playlistName(
          playlists.find((playlist) => playlist.id === target.playlistId)?.name ?? '?',
          t,
        );
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

  // The week as it would be, the rule being written included, so its effect shows as it is made.
  const playlistIds = playlists.map((playlist) => playlist.id);
  const weekly =
    editing?.kind === 'weekly'
      ? editing.isNew
        ? [...schedule.weekly, editing.rule]
        : schedule.weekly.map((rule) => (rule.id === editing.rule.id ? editing.rule : rule))
      : schedule.weekly;
  const idle = weeklyRulesThatChangeNothing(weekly, state.settings.defaultPlaylistId, playlistIds);
  const idleNote = t('schedule.changesNothing');

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
  const commit = () => {
    const found = ruleProblem(t, editing);
    setProblem(found);
    if (found) return;
    scheduleDraft.change((draft) => ({ schedule: withOpenRule(draft), editing: null }));
  };
  /** A rule deleted from the draft, with Undo: back in its place in the draft as it is by then. */
  const offerRuleBack = (summary: string, putBack: (draft: Schedule) => Schedule) =>
    offerUndo({ text: t('schedule.deleted', { summary }), undo: () => setSchedule(putBack) });
  const deleteWeekly = (id: string, summary: string) => {
    const index = schedule.weekly.findIndex((rule) => rule.id === id);
    const rule = schedule.weekly[index];
    if (!rule) return;
    setSchedule((draft) => ({ ...draft, weekly: draft.weekly.filter((other) => other.id !== id) }));
    offerRuleBack(summary, (draft) => ({ ...draft, weekly: withAt(draft.weekly, index, rule) }));
  };
  const deleteRange = (id: string, summary: string) => {
    const index = schedule.dateRanges.findIndex((rule) => rule.id === id);
    const rule = schedule.dateRanges[index];
    if (!rule) return;
    setSchedule((draft) => ({
      ...draft,
      dateRanges: draft.dateRanges.filter((other) => other.id !== id),
    }));
    offerRuleBack(summary, (draft) => ({
      ...draft,
      dateRanges: withAt(draft.dateRanges, index, rule),
    }));
  };
  /** While a rule is open, the lists wait: another Edit or a Delete would drop what it holds. */
  const locked = editing ? t('schedule.finishRuleFirst') : undefined;

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
        onChange={(closedDisplay) => setSchedule((draft) => ({ ...draft, closedDisplay }))}
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
        locked={locked}
        onDelete={deleteRange}
      />
      <h3 className="admin-section__subtitle">{t('schedule.weekly')}</h3>
      <RuleList
        empty={t('schedule.noWeekly')}
        rules={schedule.weekly.map((rule) => ({
          id: rule.id,
          summary: summaryWeekly(rule),
          note: idle.includes(rule.id) ? idleNote : undefined,
        }))}
        onEdit={(id) =>
          setEditing({
            kind: 'weekly',
            rule: schedule.weekly.find((rule) => rule.id === id)!,
            isNew: false,
          })
        }
        locked={locked}
        onDelete={deleteWeekly}
      />

      {editing ? (
        <RuleEditor
          editing={editing}
          targets={[
            ...playlists.map((playlist) => ({
              value: playlist.id,
              label: playlistName(playlist.name, t),
            })),
            { value: '', label: t('schedule.closed') },
          ]}
          problem={problem}
          note={
            editing.kind === 'weekly' &&
            editing.rule.days.length > 0 &&
            idle.includes(editing.rule.id)
              ? t('schedule.ruleChangesNothing')
              : null
          }
          onChange={(next) => {
            setProblem(null);
            setEditing(next);
          }}
          onDone={commit}
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
                  from: today(),
                  to: today(),
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

      <h3 className="admin-section__subtitle">{t('schedule.weekTitle')}</h3>
      <WeekView
        plan={weekPlan(weekly, state.settings.defaultPlaylistId, playlistIds)}
        playlistOrder={playlistIds}
        nameOf={(shown) =>
          shown.kind === 'closed'
            ? t('schedule.closed')
            : targetName({ kind: 'playlist', playlistId: shown.playlistId })
        }
      />

      <SaveBar draft={scheduleDraft} onSave={() => void scheduleDraft.save(t('schedule.saved'))}>
        <UndoBar offer={offer} onUndo={undo} />
      </SaveBar>
    </Section>
  );
}
