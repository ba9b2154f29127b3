import { useTranslation } from 'react-i18next';
import type { AdminState } from '../../../../contract';
import { formatWhen } from '../formatWhen';
import { formatBytes } from '../MediaPicker';
import { dateOf } from './reportView';

/** Kiosk status: the play log's size and age, the last day summarised, and what is wrong. */
export function PlayLogHealth({ state }: { state: AdminState }) {
  const { t, i18n } = useTranslation('admin');
  const log = state.playLog;
  if (!log) return null;
  const day = (date: string) =>
    dateOf(date).toLocaleDateString(i18n.language, { dateStyle: 'long' });
  return (
    <>
      <h3 className="admin-section__subtitle">{t('reports.log.title')}</h3>
      {log.problem ? (
        <p className="admin-message admin-message--problem" role="alert">
          {t(`reports.log.problem.${log.problem.kind}`, {
            since: formatWhen(log.problem.since, i18n.language),
            detail: log.problem.detail,
          })}
        </p>
      ) : null}
      <ul className="admin-list">
        <li>
          {log.oldestDay
            ? t('reports.log.size', { size: formatBytes(log.bytes), oldest: day(log.oldestDay) })
            : t('reports.log.noRecords')}
        </li>
        <li>
          {log.lastSummarisedDay
            ? t('reports.log.lastSummarised', { day: day(log.lastSummarisedDay) })
            : t('reports.log.noneSummarised')}
        </li>
        {log.skippedLines > 0 ? (
          <li>{t('reports.log.skipped', { count: log.skippedLines })}</li>
        ) : null}
        {log.refusedEvents > 0 ? (
          <li>{t('reports.log.refused', { count: log.refusedEvents })}</li>
        ) : null}
      </ul>
    </>
  );
}
