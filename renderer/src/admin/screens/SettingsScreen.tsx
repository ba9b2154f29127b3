import { useId } from 'react';
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
import { useSettingsDraft } from '../useSettingsDraft';
import type { ScreenProps } from './ScreenProps';

const IDLE_CHOICES = [20, 30, 45, 60, 90, 120, 180, 300, 600, 900] as const;
const PACE_CHOICES = [100, 120, 150, 180, 200] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

type SlideshowSettings = Pick<
  EditableSettings,
  | 'idleTimeoutSeconds'
  | 'defaultLanguage'
  | 'transition'
  | 'showProgressBar'
  | 'readingWordsPerMinute'
  | 'mode'
  | 'nightlyRestartHour'
  | 'playLogRetentionDays'
>;

function slideshowSettingsOf(settings: EditableSettings): SlideshowSettings {
  const { idleTimeoutSeconds, defaultLanguage, transition, showProgressBar } = settings;
  const { readingWordsPerMinute, mode, nightlyRestartHour, playLogRetentionDays } = settings;
  return {
    idleTimeoutSeconds,
    defaultLanguage,
    transition,
    showProgressBar,
    readingWordsPerMinute,
    mode,
    nightlyRestartHour,
    playLogRetentionDays,
  };
}

/** How long the play log keeps its detail, in days (a value saved otherwise is offered too). */
const RETENTION_CHOICES = [30, 90, 180, 366] as const;

/** The first screen: what needs attention, then how the slideshow runs. */
export function SettingsScreen(props: ScreenProps) {
  const { t } = useTranslation('admin');
  const settings = useSettingsDraft(
    props,
    () => slideshowSettingsOf(editable(props.state)),
    (draft, saved) => ({ ...saved, ...draft }),
  );
  const { draft } = settings;
  const update = (patch: Partial<SlideshowSettings>) =>
    settings.change((current) => ({ ...current, ...patch }));
  const idleLabel = (seconds: number) =>
    seconds < 120
      ? t('settings.seconds', { count: seconds })
      : t('settings.minutes', { count: seconds / 60 });
  const idleId = useId();
  const restartId = useId();
  const retentionId = useId();
  const paceId = useId();
  return (
    <Section title={t('settings.title')}>
      <ContentNotices state={props.state} deckSlides={props.deckSlides} />
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
      <div className="admin-field">
        <label htmlFor={retentionId}>{t('settings.playLogRetention')}</label>
        <p className="admin-field__hint" id={`${retentionId}-hint`}>
          {t('settings.playLogRetentionHint')}
        </p>
        <select
          id={retentionId}
          className="admin-input"
          aria-describedby={`${retentionId}-hint`}
          value={draft.playLogRetentionDays}
          onChange={(event) => update({ playLogRetentionDays: Number(event.target.value) })}
        >
          {withCurrent(RETENTION_CHOICES, draft.playLogRetentionDays).map((days) => (
            <option key={days} value={days}>
              {t('settings.days', { count: days })}
            </option>
          ))}
        </select>
      </div>
      <SaveBar draft={settings} onSave={() => void settings.save(t('settings.saved'))} />
    </Section>
  );
}
