import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localize,
  type ImportSource,
  type Language,
  type PlayReport,
  type SlideTotals,
} from '../../../../contract';
import { Outcome, Section } from '../kit';
import { MediaPicker } from '../MediaPicker';
import type { ScreenProps } from '../screens/ScreenProps';
import { slideCatalogue } from '../slideCatalogue';
import { useAdminCall } from '../useAdminCall';
import { BarList, ColumnChart, StackedColumnChart, type Bar } from './charts';
import {
  DAY_PARTS,
  dateOf,
  hoursOf,
  rankBy,
  slidesByTimeShown,
  thinAxis,
  totalsOf,
} from './reportView';
import './reports.css';

type Days = 7 | 30;

/**
 * The play log's Reports: what the screen showed and how patients used it over the last 7 or 30
 * days, as charts with their numbers for screen readers, and the export to a USB drive.
 */
export function ReportsScreen(props: ScreenProps) {
  const { admin, onSessionClosed } = props;
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'es' ? 'es' : 'en';
  const load = useAdminCall(onSessionClosed);
  const exporting = useAdminCall(onSessionClosed);
  const looking = useAdminCall(onSessionClosed);
  const [days, setDays] = useState<Days>(7);
  const [report, setReport] = useState<PlayReport | null>(null);
  const [picking, setPicking] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  /** The USB drives plugged in: each is one tap away from the saved report. */
  const [drives, setDrives] = useState<ImportSource[] | null>(null);

  useEffect(() => {
    void load.run(() => admin.playReport({ days }), '', setReport);
  }, [admin, days]); // eslint-disable-line react-hooks/exhaustive-deps
  const lookForDrives = () =>
    looking.run(
      () => admin.mediaSources(),
      '',
      (found) => setDrives(found.filter((source) => source.kind === 'usb')),
    );
  useEffect(() => {
    void lookForDrives();
  }, [admin]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Writes the report into a new folder in the folder `token` names (a drive's top, or one staff chose). */
  const saveTo = (token: string, name: string) => {
    exporting.clear();
    setSaved(null);
    void exporting.run(
      () => admin.playExport({ token }),
      '',
      (written) =>
        setSaved(
          t('reports.exported', {
            files: written.files.join(', '),
            folder: written.folderName,
            drive: name,
          }),
        ),
    );
  };

  if (picking) {
    return (
      <Section title={t('reports.title')}>
        <MediaPicker
          admin={admin}
          accept={['folder']}
          title={t('reports.pickFolder')}
          onPick={(token, name) => {
            setPicking(false);
            saveTo(token, name);
          }}
          onCancel={() => setPicking(false)}
          onSessionClosed={onSessionClosed}
        />
      </Section>
    );
  }

  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const dayAxis = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'numeric' });
  const dayLabel = new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
  const catalogue = slideCatalogue(props);
  const titleOf = (slideId: string) => {
    const slide = catalogue.get(slideId);
    return slide ? localize(slide.title, language) : t('reports.removedSlide');
  };
  const barsOf = (
    slides: readonly SlideTotals[],
    text: (slide: SlideTotals) => string,
    value: (slide: SlideTotals) => number,
  ): Bar[] =>
    slides.map((slide) => ({
      key: slide.slideId,
      label: titleOf(slide.slideId),
      value: value(slide),
      text: text(slide),
    }));

  return (
    <Section title={t('reports.title')}>
      <p className="admin-field__hint">{t('reports.hint')}</p>
      <div className="admin-actions" role="group" aria-label={t('reports.range')}>
        {([7, 30] as const).map((option) => (
          <button
            key={option}
            type="button"
            className={`admin-button${days === option ? ' admin-button--primary' : ''}`}
            aria-pressed={days === option}
            onClick={() => {
              if (option === days) return;
              setReport(null);
              setDays(option);
            }}
          >
            {t('reports.lastDays', { count: option })}
          </button>
        ))}
      </div>
      <Outcome outcome={load.outcome} />
      {report ? (
        <ReportBody report={report} render={{ number, whole, dayAxis, dayLabel, barsOf }} />
      ) : load.outcome ? null : (
        <p role="status">{t('reports.loading')}</p>
      )}

      <h3 className="admin-section__subtitle">{t('reports.exportTitle')}</h3>
      <p className="admin-field__hint">{t('reports.exportHint')}</p>
      <div className="admin-actions">
        {(drives ?? []).map((drive) => (
          <button
            key={drive.token}
            type="button"
            className="admin-button admin-button--primary"
            disabled={exporting.busy}
            onClick={() => saveTo(drive.token, drive.label)}
          >
            {t('reports.saveTo', { drive: drive.label })}
          </button>
        ))}
        <button
          type="button"
          className="admin-button"
          disabled={looking.busy}
          onClick={() => void lookForDrives()}
        >
          {t('picker.lookAgain')}
        </button>
        <button
          type="button"
          className="admin-button"
          disabled={exporting.busy}
          onClick={() => {
            exporting.clear();
            setSaved(null);
            setPicking(true);
          }}
        >
          {t('reports.chooseFolder')}
        </button>
      </div>
      {drives && drives.length === 0 ? <p role="status">{t('reports.noDrive')}</p> : null}
      <Outcome outcome={looking.outcome} />
      <p className="admin-message" role="status">
        {saved ?? ''}
      </p>
      <Outcome outcome={exporting.outcome} />
    </Section>
  );
}

function ReportBody({
  report,
  render,
}: {
  report: PlayReport;
  render: {
    number: Intl.NumberFormat;
    whole: Intl.NumberFormat;
    dayAxis: Intl.DateTimeFormat;
    dayLabel: Intl.DateTimeFormat;
    barsOf: (
      slides: readonly SlideTotals[],
      text: (slide: SlideTotals) => string,
      value: (slide: SlideTotals) => number,
    ) => Bar[];
  };
}) {
  const { t } = useTranslation('admin');
  const { number, whole, dayAxis, dayLabel, barsOf } = render;
  const totals = totalsOf(report);
  const step = report.perDay.length > 10 ? 5 : 1;
  const axis = thinAxis(report.perDay, (day) => dayAxis.format(dateOf(day.date)), step);
  const label = (date: string) => dayLabel.format(dateOf(date));
  const minutes = (seconds: number) => t('reports.minutes', { value: whole.format(seconds / 60) });

  return (
    <>
      <p className="report-period">
        {t('reports.period', { from: label(report.from), to: label(report.to) })}
      </p>
      {totals.empty ? <p className="admin-message">{t('reports.empty')}</p> : null}
      <ul className="report-totals">
        <li>
          <strong>{whole.format(totals.plays)}</strong>{' '}
          {t('reports.totalPlays', { count: totals.plays })}
        </li>
        <li>
          <strong>{whole.format(totals.touchSessions)}</strong>{' '}
          {t('reports.totalSessions', { count: totals.touchSessions })}
        </li>
        <li>
          <strong>{number.format(totals.playingHours)}</strong> {t('reports.totalHours')}
        </li>
        {totals.failed > 0 ? (
          <li className="report-totals__problem">
            <strong>{whole.format(totals.failed)}</strong>{' '}
            {t('reports.totalFailed', { count: totals.failed })}
          </li>
        ) : null}
      </ul>

      <StackedColumnChart
        title={t('reports.screenTitle')}
        heading={t('reports.day')}
        parts={DAY_PARTS.map((part) => ({ key: part, label: t(`reports.part.${part}`) }))}
        columns={report.perDay.map((day, index) => {
          const hours = hoursOf(day);
          return {
            key: day.date,
            axis: axis[index]!,
            label: label(day.date),
            values: DAY_PARTS.map((part) => hours[part]),
          };
        })}
        format={(hours) => t('reports.hours', { value: number.format(hours) })}
      />

      <div className="report-pair">
        <ColumnChart
          title={t('reports.sessionsTitle')}
          headings={[t('reports.day'), t('reports.sessions')]}
          columns={report.perDay.map((day, index) => ({
            key: day.date,
            axis: axis[index]!,
            label: label(day.date),
            value: day.touchSessions,
          }))}
          format={(value) => whole.format(value)}
        />
        <ColumnChart
          title={t('reports.hourTitle')}
          headings={[t('reports.hour'), t('reports.sessions')]}
          columns={report.touchSessionsByHour.map((value, hour) => ({
            key: String(hour),
            axis: hour % 6 === 0 ? String(hour) : '',
            label: t('reports.hourRange', { from: hour, to: (hour + 1) % 24 }),
            value,
          }))}
          format={(value) => whole.format(value)}
        />
      </div>

      <BarList
        title={t('reports.slidesTitle')}
        empty={t('reports.noPlays')}
        bars={barsOf(
          slidesByTimeShown(report.slides),
          (slide) => `${t('reports.plays', { count: slide.plays })} · ${minutes(slide.seconds)}`,
          (slide) => slide.seconds,
        )}
      />
      <div className="report-pair">
        <BarList
          title={t('reports.browsedTitle')}
          empty={t('reports.noTouches')}
          bars={barsOf(
            rankBy(report.slides, (slide) => slide.browsed),
            (slide) => t('reports.times', { count: slide.browsed }),
            (slide) => slide.browsed,
          )}
        />
        <BarList
          title={t('reports.stopTitle')}
          empty={t('reports.noTouches')}
          bars={barsOf(
            rankBy(report.slides, (slide) => slide.lastInSessions),
            (slide) => t('reports.times', { count: slide.lastInSessions }),
            (slide) => slide.lastInSessions,
          )}
        />
      </div>
    </>
  );
}
