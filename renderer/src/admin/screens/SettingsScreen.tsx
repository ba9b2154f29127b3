import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_WORDS_PER_MINUTE,
  LANGUAGES,
  TRANSITION_STYLES,
  type EditableSettings,
  type Language,
} from '../../../../contract';
import { editable } from '../editable';
import { Choice, SaveBar, Section, withCurrent } from '../kit';
import { ContentNotices } from '../review/ContentNotices';
import { useAdminCall } from '../useAdminCall';
import type { ScreenProps } from './ScreenProps';

const IDLE_CHOICES = [20, 30, 45, 60, 90, 120, 180, 300, 600, 900] as const;
const PACE_CHOICES = [100, 120, 150, 180, 200] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

export function SettingsScreen({
  admin,
  deckSlides,
  state,
  onState,
  onSessionClosed,
}: ScreenProps) {
  const { t } = useTranslation('admin');
  const [draft, setDraft] = useState(() => editable(state));
  const call = useAdminCall(onSessionClosed);
  const dirty = JSON.stringify(draft) !== JSON.stringify(editable(state));
  const update = (patch: Partial<EditableSettings>) => {
    call.clear();
    setDraft((current) => ({ ...current, ...patch }));
  };
  const idleLabel = (seconds: number) =>
    seconds < 120
      ? t('settings.seconds', { count: seconds })
      : t('settings.minutes', { count: seconds / 60 });
  const idleId = useId();
  const restartId = useId();
  const paceId = useId();
  return (
    <Section title={t('settings.title')}>
      <ContentNotices state={state} deckSlides={deckSlides} />
      <div className="admin-field">
        <label htmlFor={idleId}>{t('settings.idleTimeout')}</label>
        <select
          id={idleId}
          className="admin-input"
          value={draft.idleTimeoutSeconds}
          onChange={(event) => update({ idleTimeoutSeconds: Number(event.target.value) })}
        >
          {withCurrent(IDLE_CHOICES, draft.idleTimeoutSeconds).map((seconds) => (
            <option key={seconds} value={seconds}>
              {idleLabel(seconds)}
            </option>
          ))}
        </select>
      </div>
      <Choice<Language>
        legend={t('settings.defaultLanguage')}
        name="defaultLanguage"
        value={draft.defaultLanguage}
        options={LANGUAGES.map((language) => ({
          value: language,
          label: t(`languageName.${language}`),
        }))}
        onChange={(defaultLanguage) => update({ defaultLanguage })}
      />
      <Choice
        legend={t('settings.transition')}
        name="transition"
        value={draft.transition}
        options={TRANSITION_STYLES.map((style) => ({
          value: style,
          label: t(`settings.transition${style[0]?.toUpperCase()}${style.slice(1)}`),
        }))}
        onChange={(transition) => update({ transition })}
      />
      <div className="admin-field">
        <label className="admin-choice__option">
          <input
            type="checkbox"
            checked={draft.showProgressBar}
            onChange={(event) => update({ showProgressBar: event.target.checked })}
          />
          <span>{t('settings.progressBar')}</span>
        </label>
      </div>
      <div className="admin-field">
        <label htmlFor={paceId}>{t('settings.readingPace')}</label>
        <p className="admin-field__hint" id={`${paceId}-hint`}>
          {t('settings.readingPaceHint')}
        </p>
        <select
          id={paceId}
          className="admin-input"
          aria-describedby={`${paceId}-hint`}
          value={draft.readingWordsPerMinute}
          onChange={(event) => update({ readingWordsPerMinute: Number(event.target.value) })}
        >
          {withCurrent(PACE_CHOICES, draft.readingWordsPerMinute).map((pace) => (
            <option key={pace} value={pace}>
              {t(
                pace === DEFAULT_WORDS_PER_MINUTE
                  ? 'settings.wordsPerMinuteDefault'
                  : 'settings.wordsPerMinute',
                { count: pace },
              )}
            </option>
          ))}
        </select>
      </div>
      <Choice
        legend={t('settings.mode')}
        name="mode"
        value={draft.mode}
        options={[
          { value: 'loop', label: t('settings.modeLoop') },
          { value: 'present', label: t('settings.modePresent') },
        ]}
        onChange={(mode) => update({ mode })}
      />
      <p className="admin-field__hint">{t('settings.modeNote')}</p>
      <div className="admin-field">
        <label htmlFor={restartId}>{t('settings.nightlyRestart')}</label>
        <select
          id={restartId}
          className="admin-input"
          value={draft.nightlyRestartHour ?? ''}
          onChange={(event) =>
            update({
              nightlyRestartHour: event.target.value === '' ? null : Number(event.target.value),
            })
          }
        >
          <option value="">{t('settings.never')}</option>
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>
              {t('settings.atHour', { hour: `${String(hour).padStart(2, '0')}:00` })}
            </option>
          ))}
        </select>
      </div>
      <SaveBar
        busy={call.busy}
        dirty={dirty}
        outcome={call.outcome}
        onSave={() =>
          void call.run(() => admin.saveSettings({ settings: draft }), t('settings.saved'), onState)
        }
      />
    </Section>
  );
}
