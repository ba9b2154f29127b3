import { translate, type StringKey } from '../i18n/strings';
import { useEffect } from 'react';
import type { ClinicDetails, HeartbeatReport, Language } from '../../../contract';
import type { SlideshowState } from './slideshow';
import { useHeartbeat } from './useHeartbeat';
import './LastResortCard.css';
import './ClosedCard.css';

/** Nothing moves while closed: the heartbeat says so ("not rotating"). */
const STILL: SlideshowState = {
  index: 0,
  count: 1,
  step: 0,
  steps: 0,
  rotating: false,
  run: 0,
  durationMs: 0,
  previousIndex: 0,
  arrival: 'auto',
};

/**
 * Closed hours: a quiet card with the clinic's name (or a dark screen), no movement, nothing
 * to touch. It still sends heartbeats, so the watchdog knows the page is alive.
 */
export function ClosedCard({
  clinic,
  display,
  language,
  onHeartbeat,
}: {
  clinic: ClinicDetails;
  display: 'card' | 'dark';
  language: Language;
  onHeartbeat?: ((beat: HeartbeatReport) => void) | undefined;
}) {
  const t = (key: StringKey, values?: Record<string, string | number>) =>
    translate(language, key, values);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useHeartbeat(onHeartbeat, STILL);
  if (display === 'dark') {
    return (
      <main className="last-resort closed closed--dark">
        <h1 className="visually-hidden">{t('closed.title')}</h1>
      </main>
    );
  }
  return (
    <main className="last-resort closed">
      <h1 className="last-resort__name">{clinic.name}</h1>
      <div role="status">
        <p className="last-resort__message">{t('closed.title')}</p>
        {clinic.phone ? (
          <p className="last-resort__phone">{t('callToAction.phone', { phone: clinic.phone })}</p>
        ) : null}
      </div>
    </main>
  );
}
