import { useEffect, useState } from 'react';
import { useStrings } from '../i18n/strings';
import { localize, type ClinicDetails, type Language, type Slide } from '../../../contract';
import type { Slideshow, SlideshowState } from '../player/slideshow';
import { notesOf } from '../deck/deckExtras';
import { SlideThumbnail } from './SlideThumbnail';
import '../player/Controls.css';
import './PresenterView.css';

interface PresenterViewProps {
  slides: readonly Slide[];
  slideshow: Slideshow;
  state: SlideshowState;
  language: Language;
  clinic: ClinicDetails;
  blank: boolean;
  onToggleBlank: () => void;
  onOpenOverview: () => void;
}

/**
 * The clinician's screen: the slide the patient sees, the one after it, the speaker notes,
 * the time since presenting began and where in the playlist they are.
 */
export function PresenterView({
  slides,
  slideshow,
  state,
  language,
  clinic,
  blank,
  onToggleBlank,
  onOpenOverview,
}: PresenterViewProps) {
  const t = useStrings();
  const elapsed = useElapsedSeconds();
  const current = slides[state.index];
  const nextIndex = (state.index + 1) % slides.length;
  const next = slides[nextIndex];
  if (!current || !next) return null;
  const notes = notesOf(current);
  return (
    <main className="presenter">
      <h1 className="visually-hidden">{t('presenting.presenterView')}</h1>
      <section className="presenter__current" aria-label={t('presenting.currentSlide')}>
        <SlideThumbnail slide={current} step={state.step} language={language} clinic={clinic} />
        {blank ? <p className="presenter__blank">{t('presenting.screenBlank')}</p> : null}
      </section>
      <aside className="presenter__side">
        <p className="presenter__position" aria-live="polite">
          {t('presenting.position', { position: state.index + 1, count: slides.length })}
          {state.steps > 0
            ? ` · ${t('presenting.step', { step: state.step, steps: state.steps })}`
            : ''}
        </p>
        <p className="presenter__timer" role="timer" aria-label={t('presenting.elapsed')}>
          {formatElapsed(elapsed)}
        </p>
        <section className="presenter__next" aria-label={t('presenting.nextSlide')}>
          <h2 className="presenter__heading">
            {t('presenting.nextSlide')}: {localize(next.title, language)}
          </h2>
          <SlideThumbnail
            slide={next}
            step={next.buildSteps.length}
            language={language}
            clinic={clinic}
          />
        </section>
      </aside>
      <section className="presenter__notes" aria-label={t('presenting.notes')}>
        <h2 className="presenter__heading">{t('presenting.notes')}</h2>
        <p>{notes ? localize(notes, language) : t('presenting.noNotes')}</p>
      </section>
      <div className="presenter__controls">
        <button type="button" className="controls__button" onClick={() => slideshow.previous()}>
          {t('carousel.previous')}
        </button>
        <button type="button" className="controls__button" onClick={() => slideshow.next()}>
          {t('carousel.next')}
        </button>
        <button type="button" className="controls__button" onClick={onOpenOverview}>
          {t('presenting.overview')}
        </button>
        <button
          type="button"
          className="controls__button"
          aria-pressed={blank}
          onClick={onToggleBlank}
        >
          {t('presenting.blank')}
        </button>
      </div>
    </main>
  );
}

function useElapsedSeconds(): number {
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.floor((now - started) / 1000));
}

function formatElapsed(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
