import { useTranslation } from 'react-i18next';
import type { LogEntry } from '../../../../contract';
import { formatWhen as when } from '../formatWhen';
import { Section } from '../kit';
import { PlayLogHealth } from '../reports/PlayLogHealth';
import { ContentNotices } from '../review/ContentNotices';
import { ReviewList } from '../review/ReviewList';
import { SafeModeNotice } from './SafeModeNotice';
import type { ScreenProps } from './ScreenProps';
import './StatusScreen.css';
import { describeChange } from './changeLine';

function LogList({
  entries,
  empty,
  describe,
}: {
  entries: readonly LogEntry[];
  empty: string;
  describe: (entry: LogEntry) => string;
}) {
  const { i18n } = useTranslation('admin');
  if (entries.length === 0) return <p>{empty}</p>;
  return (
    <ul className="admin-list admin-log">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`}>
          <time dateTime={entry.at} className="admin-log__time">
            {when(entry.at, i18n.language)}
          </time>{' '}
          <span>{describe(entry)}</span>
        </li>
      ))}
    </ul>
  );
}

export function StatusScreen({ admin, deckSlides, state, onState, onSessionClosed }: ScreenProps) {
  const { t, i18n } = useTranslation('admin');
  const eventName = (event: string) => t(`status.event.${event}`, { defaultValue: event });
  const notice = state.settingsNotice;
  return (
    <Section title={t('status.title')}>
      <SafeModeNotice
        admin={admin}
        state={state}
        onState={onState}
        onSessionClosed={onSessionClosed}
      />
      <ul className="admin-list">
        <li>{t('status.appVersion', { version: state.appVersion })}</li>
        <li>{t('status.contentVersion', { version: state.deckContentVersion })}</li>
      </ul>
      <ReviewList state={state} />
      <ContentNotices state={state} deckSlides={deckSlides} showNone />
      {notice ? (
        <div className="admin-message admin-message--problem" role="alert">
          <p>
            {t(
              notice.restoredFrom === 'good-copy'
                ? 'status.settingsRestored'
                : 'status.settingsDefaults',
              {
                date: when(notice.at, i18n.language),
                detail: notice.detail,
              },
            )}
          </p>
          {notice.keptAs ? <p>{t('status.keptAs', { file: notice.keptAs })}</p> : null}
          {notice.notWritten ? (
            <p>{t('status.notWritten', { cause: t(`writeCause.${notice.notWritten.cause}`) })}</p>
          ) : null}
        </div>
      ) : null}
      <PlayLogHealth state={state} />
      <h3 className="admin-section__subtitle">{t('status.recoveries')}</h3>
      <LogList
        entries={state.recoveries}
        empty={t('status.noRecoveries')}
        describe={(entry) => `${eventName(entry.event)}${entry.detail ? `: ${entry.detail}` : ''}`}
      />
      <h3 className="admin-section__subtitle">{t('status.changes')}</h3>
      <LogList
        entries={state.changes}
        empty={t('status.noChanges')}
        describe={(entry) => describeChange(t, entry)}
      />
    </Section>
  );
}
