import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type Language, type ScreenView } from '../../../../contract';
import { formatWhen } from '../formatWhen';
import { Outcome } from '../kit';
import { formatBytes } from '../MediaPicker';
import type { ScreenProps } from '../screens/ScreenProps';
import { slideCatalogue } from '../slideCatalogue';
import { useAdminCall } from '../useAdminCall';

/** Main reads the status folder again this often while the list is open. */
const REFRESH_MS = 30_000;

/** Every screen of the fleet, from the shared status folder: flagged ones first. */
export function ScreensList(props: ScreenProps) {
  const { admin, onSessionClosed } = props;
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'es' ? 'es' : 'en';
  const load = useAdminCall(onSessionClosed);
  const [screens, setScreens] = useState<ScreenView[] | null>(null);

  useEffect(() => {
    void load.run(() => admin.fleetScreens(), '', setScreens);
    // The later looks are quiet: they neither count as staff at work (the admin still leaves
    // by itself when nobody touches it) nor replace the list with a passing problem.
    const timer = setInterval(() => {
      admin.fleetScreens().then(
        (result) => {
          if (result.ok) setScreens(result.value);
        },
        () => undefined,
      );
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [admin]); // eslint-disable-line react-hooks/exhaustive-deps

  const catalogue = slideCatalogue(props);
  const slideName = (id: string) => {
    const slide = catalogue.get(id);
    return slide ? localize(slide.title, language) : id;
  };
  const ordered = [...(screens ?? [])].sort(
    (a, b) =>
      Number(b.flag !== null) - Number(a.flag !== null) ||
      (a.name ?? '').localeCompare(b.name ?? '', language),
  );

  return (
    <>
      <div className="fleet-heading">
        <h3 className="admin-section__subtitle">{t('fleet.screensTitle')}</h3>
        <button
          type="button"
          className="admin-button"
          disabled={load.busy}
          onClick={() => void load.run(() => admin.fleetScreens(), '', setScreens)}
        >
          {t('fleet.refresh')}
        </button>
      </div>
      <Outcome outcome={load.outcome} />
      {screens === null ? (
        <p role="status">{t('fleet.loading')}</p>
      ) : screens.length === 0 ? (
        <p>{t('fleet.noScreens')}</p>
      ) : (
        <ul className="fleet-screens">
          {ordered.map((screen) => (
            <li
              key={screen.kioskId}
              className={`fleet-screen${screen.flag ? ' fleet-screen--flagged' : ''}`}
            >
              <p className="fleet-screen__name">
                {screen.name ?? t('fleet.unnamed')}
                {screen.room ? <span className="fleet-screen__room"> · {screen.room}</span> : null}
                {screen.self ? (
                  <span className="fleet-screen__room"> ({t('fleet.you')})</span>
                ) : null}
              </p>
              {screen.flag ? (
                <p className="fleet-screen__flag">⚠ {t(`fleet.flag.${screen.flag}`)}</p>
              ) : null}
              {screen.screenshot ? (
                <figure className="fleet-screen__picture">
                  <img
                    src={screen.screenshot.url}
                    alt={t('fleet.pictureAlt', {
                      name: screen.name ?? t('fleet.unnamed'),
                      when: formatWhen(screen.screenshot.takenAt, i18n.language),
                    })}
                    loading="lazy"
                    decoding="async"
                  />
                  <figcaption className="fleet-screen__detail">
                    {t('fleet.pictureTaken', {
                      when: formatWhen(screen.screenshot.takenAt, i18n.language),
                    })}
                  </figcaption>
                </figure>
              ) : null}
              <p>
                {screen.state ? <strong>{t(`fleet.state.${screen.state}`)}</strong> : null}
                {screen.state ? ' · ' : null}
                {screen.writtenAt
                  ? t('fleet.lastSeen', { when: formatWhen(screen.writtenAt, i18n.language) })
                  : t('fleet.neverSeen')}
              </p>
              {screen.currentSlide ? (
                <p>{t('fleet.showing', { slide: slideName(screen.currentSlide) })}</p>
              ) : null}
              {screen.appVersion !== null ? (
                <p className="fleet-screen__detail">
                  {t('fleet.versions', {
                    app: screen.appVersion,
                    setup: screen.setupVersion ?? 0,
                  })}
                  {screen.freeDiskBytes !== null
                    ? ` · ${t('fleet.freeDisk', { size: formatBytes(screen.freeDiskBytes) })}`
                    : ''}
                </p>
              ) : null}
              {screen.yesterday ? (
                <p className="fleet-screen__detail">
                  {t('fleet.yesterday', {
                    plays: screen.yesterday.plays,
                    sessions: screen.yesterday.touchSessions,
                  })}
                </p>
              ) : null}
              {screen.lastRecovery ? (
                <p className="fleet-screen__detail">
                  {t('fleet.lastRecovery', {
                    when: formatWhen(screen.lastRecovery.at, i18n.language),
                    reason: screen.lastRecovery.reason,
                  })}
                </p>
              ) : null}
              {screen.lastRefusal ? (
                <p className="fleet-screen__flag">
                  {t('fleet.refused', { reason: screen.lastRefusal })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
