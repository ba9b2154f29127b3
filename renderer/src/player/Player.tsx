import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { LanguageContext, translate, type StringKey } from '../i18n/strings';
import {
  localize,
  slideSeconds,
  type ClinicDetails,
  type HeartbeatReport,
  type KioskConfig,
  type Language,
  type LocalizedText,
  type PlayEvent,
  type Slide,
} from '../../../contract';
import { SlideView } from '../slides/SlideView';
import { SlideErrorBoundary } from './SlideErrorBoundary';
import { Controls } from './Controls';
import { LastResortCard } from './LastResortCard';
import { commandForKey } from './keyboard';
import { useSlideshow } from './useSlideshow';
import { useSwipe } from './useSwipe';
import { useDecodeNeighbours } from './useDecodeNeighbours';
import { useHeartbeat } from './useHeartbeat';
import { usePresenterLink } from '../presenting/usePresenterLink';
import { useKioskPointerHygiene } from './useKioskPointerHygiene';
import { usePlayReports } from './usePlayReports';
import type { Slideshow } from './slideshow';
import { useHydrated } from '../kiosk/useHydrated';
import './Player.css';

// Presenting's screens (and their styles) load when first opened, not with the waiting room.
const Overview = lazy(() =>
  import('../presenting/Overview').then((m) => ({ default: m.Overview })),
);
const PresenterView = lazy(() =>
  import('../presenting/PresenterView').then((m) => ({ default: m.PresenterView })),
);

export interface PlayerProps {
  deckTitle: LocalizedText;
  slides: readonly Slide[];
  config: KioskConfig;
  onSlideFailed: (slide: Slide, error: unknown) => void;
  /** Where heartbeats go (main's watchdog); none in the browser preview. */
  onHeartbeat?: ((beat: HeartbeatReport) => void) | undefined;
  /** Which screen this page is: the patient's slides, or the clinician's presenter view. */
  initialView?: PlayerView;
  /** Opens the presenter view elsewhere (a second browser window); absent: toggled in place. */
  onOpenPresenterWindow?: (() => void) | undefined;
  /** The staff admin is open on top: keys belong to it, not to the slideshow. */
  suspended?: boolean;
  /** The playlist the slides come from (for the play log). */
  playlistId?: string;
  /** Where play events go (main's play log); none in the browser preview. */
  onPlayEvent?: ((event: PlayEvent) => void) | undefined;
}

export type PlayerView = 'audience' | 'presenter';

export function Player({
  deckTitle,
  slides: allSlides,
  config,
  onSlideFailed,
  onHeartbeat,
  initialView = 'audience',
  onOpenPresenterWindow,
  suspended = false,
  playlistId = 'waiting-room',
  onPlayEvent,
}: PlayerProps) {
  const [failedIds, setFailedIds] = useState<ReadonlySet<string>>(() => new Set());
  const slides = useMemo(
    () => allSlides.filter((slide) => !failedIds.has(slide.id)),
    [allSlides, failedIds],
  );
  const presenting = config.mode === 'present';
  const defaultLanguage = config.settings.defaultLanguage;
  const [language, setLanguage] = useState<Language>(defaultLanguage);
  const [largeText, setLargeText] = useState(false);
  // After the idle timeout the next patient gets the kiosk as staff set it up.
  const resetForNextPatient = useRef(() => {});
  useEffect(() => {
    resetForNextPatient.current = () => {
      setLanguage(defaultLanguage);
      setLargeText(false);
    };
  }, [defaultLanguage]);
  // Each slide's time: a time staff set, or how long its words take to read in this language.
  const { clinic, readingWordsPerMinute } = config.settings;
  const timings = useMemo(
    () => slides.map((slide) => timingOf(slide, language, clinic, readingWordsPerMinute)),
    [slides, language, clinic, readingWordsPerMinute],
  );
  const [slideshow, state] = useSlideshow({
    onIdleResume: () => resetForNextPatient.current(),
    slides: timings,
    idleTimeoutMs: config.settings.idleTimeoutSeconds * 1000,
    resumeWhenIdle: !presenting,
    autoplay: !presenting,
    stepThroughBuilds: presenting,
  });

  useEffect(() => {
    slideshow.setIdleTimeout(config.settings.idleTimeoutSeconds * 1000);
  }, [slideshow, config.settings.idleTimeoutSeconds]);

  // A slide that throws while rendering is dropped from the loop; the rest keep playing.
  const handleSlideError = useCallback(
    (slide: Slide, error: unknown) => {
      onPlayEvent?.({ kind: 'failed', slideId: slide.id });
      onSlideFailed(slide, error);
      setFailedIds((previous) => new Set(previous).add(slide.id));
    },
    [onSlideFailed, onPlayEvent],
  );
  // Keep showing the same slide when the list changes (a failed slide dropped, a playlist edit),
  // or only the times do (another language, a new reading pace).
  const listedRef = useRef({ slides, timings });
  useEffect(() => {
    const previous = listedRef.current;
    if (previous.timings === timings || slides.length === 0) return;
    listedRef.current = { slides, timings };
    const index = slideshow.getState().index;
    const keep = slides.findIndex((slide) => slide.id === previous.slides[index]?.id);
    // The slide on screen is gone (a failed video, a deleted slide): the next one gets its own time.
    slideshow.setSlides(timings, keep >= 0 ? keep : index, keep < 0);
  }, [slides, timings, slideshow]);
  const currentId = slides[Math.min(state.index, slides.length - 1)]?.id;
  // The first slide is on screen from the start (index.html carries it prerendered): it
  // arrives without a fade.
  const [startRun] = useState(() => slideshow.getState().run);

  const [blank, setBlank] = useState(false);
  const [overviewOpen, setOverviewOpen] = useState(false);
  const [view, setView] = useState<PlayerView>(initialView);
  usePresenterLink(presenting, slideshow, state, blank, setBlank);
  useKeyboard(slideshow, {
    suspended,
    presenting,
    overviewOpen,
    toggleBlank: () => setBlank((value) => !value),
    unblank: () => setBlank(false),
    toggleOverview: () => setOverviewOpen((open) => !open),
    closeOverview: () => setOverviewOpen(false),
    toggleView: () => setView((current) => (current === 'audience' ? 'presenter' : 'audience')),
  });
  const chooseFromOverview = (index: number) => {
    setOverviewOpen(false);
    setBlank(false);
    slideshow.goTo(index);
  };
  const overview = overviewOpen ? (
    <Suspense fallback={null}>
      <Overview
        slides={slides}
        currentIndex={state.index}
        language={language}
        clinic={config.settings.clinic}
        onChoose={chooseFromOverview}
        onClose={() => setOverviewOpen(false)}
      />
    </Suspense>
  ) : null;
  useKioskPointerHygiene();
  const slidesRef = useRef<HTMLDivElement>(null);
  useSwipe(slidesRef, slideshow);
  useDecodeNeighbours(slidesRef, state.index, slides.length);
  useHeartbeat(view === 'audience' ? onHeartbeat : undefined, state);
  // The patients' screen reports to the play log; a presenter view never does.
  usePlayReports({
    report: initialView === 'audience' ? onPlayEvent : undefined,
    state,
    slides,
    playlistId,
    language,
    largeText,
    presenting,
    screen: suspended ? 'admin' : blank ? 'blanked' : 'playing',
  });

  // The Player's own words and those of everything inside it follow the patient's choice.
  const t = (key: StringKey, values?: Record<string, string | number>) =>
    translate(language, key, values);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const inLanguage = (screen: ReactNode) => (
    <LanguageContext.Provider value={language}>{screen}</LanguageContext.Provider>
  );
  const otherLanguage: Language = language === 'en' ? 'es' : 'en';

  // Until React has taken over the prerendered first slide, render just what index.html holds.
  const live = useHydrated();
  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    // The controls act on their own; touching anywhere else pauses and restarts the idle clock.
    if ((event.target as Element).closest('.controls')) return;
    slideshow.noteInteraction();
  };

  if (slides.length === 0) return inLanguage(<LastResortCard clinic={config.settings.clinic} />);

  if (view === 'presenter') {
    return inLanguage(
      <Suspense fallback={null}>
        <PresenterView
          slides={slides}
          slideshow={slideshow}
          state={state}
          language={language}
          clinic={config.settings.clinic}
          blank={blank}
          onToggleBlank={() => setBlank((value) => !value)}
          onOpenOverview={() => setOverviewOpen(true)}
        />
        {overview}
      </Suspense>,
    );
  }

  // A video's own length decides when it moves on, so no countdown bar runs under it.
  const showProgress =
    config.settings.showProgressBar &&
    state.rotating &&
    slides[Math.min(state.index, slides.length - 1)]?.kind !== 'video';
  return inLanguage(
    <main
      className="player text-sized"
      data-transition={config.settings.transition}
      data-text-size={largeText ? 'large' : 'normal'}
      data-prerendered={live ? undefined : ''}
    >
      <h1 className="visually-hidden">{localize(deckTitle, language)}</h1>
      <section
        className="carousel"
        aria-roledescription="carousel"
        aria-label={localize(deckTitle, language)}
        onPointerDown={onPointerDown}
      >
        {live ? (
          <Controls
            slideshow={slideshow}
            state={state}
            titles={slides.map((slide) => localize(slide.title, language))}
            otherLanguage={otherLanguage}
            onSwitchLanguage={() => {
              slideshow.noteInteraction();
              setLanguage(otherLanguage);
            }}
            largeText={largeText}
            onToggleLargeText={() => {
              slideshow.noteInteraction();
              setLargeText((large) => !large);
            }}
            presenting={presenting}
            onOpenOverview={() => setOverviewOpen(true)}
            onOpenPresenterView={onOpenPresenterWindow ?? (() => setView('presenter'))}
          />
        ) : (
          // The bar's place, held empty in the prerendered page so that nothing moves.
          <div className="controls" aria-hidden="true" />
        )}
        <div
          ref={slidesRef}
          className="carousel__slides"
          id="slides"
          aria-live={state.rotating ? 'off' : 'polite'}
        >
          {slides.map((slide, index) => {
            const current = slide.id === currentId;
            if (!live && !current) return null;
            // Build steps: the slide leaving keeps what it showed; the others wait unbuilt, so
            // a slide reached by hand grows its parts in, and the loop reveals them in turn.
            const step = current
              ? state.step
              : index === state.previousIndex
                ? slide.buildSteps.length
                : 0;
            return (
              <div
                key={slide.id}
                className={`carousel__slide${current ? ' is-current' : ''}`}
                role="group"
                aria-roledescription="slide"
                aria-labelledby={`title-${slide.id}`}
                aria-hidden={!current || undefined}
                inert={!current}
                data-slide-id={slide.id}
                data-arrival={
                  current ? (state.run === startRun ? 'start' : state.arrival) : undefined
                }
              >
                <SlideErrorBoundary slide={slide} onError={handleSlideError}>
                  <SlideView
                    slide={slide}
                    step={step}
                    language={language}
                    clinic={config.settings.clinic}
                    titleId={`title-${slide.id}`}
                    playback={
                      slide.media
                        ? {
                            active: current && !suspended,
                            run: state.run,
                            onEnded: (run) => slideshow.slideEnded(run),
                            onFailed: (error) => handleSlideError(slide, error),
                          }
                        : undefined
                    }
                  />
                  {live ? (
                    <p className="visually-hidden">
                      {t('carousel.slidePosition', { position: index + 1, count: slides.length })}
                    </p>
                  ) : null}
                </SlideErrorBoundary>
              </div>
            );
          })}
        </div>
        {blank ? <div className="blank-screen" data-testid="blank-screen" /> : null}
        {overview}
        {showProgress && live ? (
          <div className="progress" aria-hidden="true">
            <div
              key={state.run}
              className="progress__bar"
              style={{ animationDuration: `${state.durationMs}ms` }}
            />
          </div>
        ) : null}
      </section>
    </main>,
  );
}

function timingOf(slide: Slide, language: Language, clinic: ClinicDetails, pace: number) {
  return {
    durationMs: slideSeconds(slide, language, clinic, pace) * 1000,
    steps: slide.buildSteps.length,
  };
}

interface PresentingKeys {
  suspended: boolean;
  presenting: boolean;
  overviewOpen: boolean;
  toggleBlank: () => void;
  unblank: () => void;
  toggleOverview: () => void;
  closeOverview: () => void;
  toggleView: () => void;
}

function useKeyboard(slideshow: Slideshow, keys: PresentingKeys): void {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const current = latest.current;
      if (current.suspended || event.altKey || event.ctrlKey || event.metaKey) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      if (current.overviewOpen) {
        if (key === 'Escape' || key === 'o') {
          event.preventDefault();
          current.closeOverview();
        }
        return; // the overview's own buttons take Tab, Enter and Space
      }
      if (current.presenting) {
        // Clinicians' clickers: B or "." blanks the patient's screen; O shows every slide.
        const action = {
          b: current.toggleBlank,
          '.': current.toggleBlank,
          o: current.toggleOverview,
          p: current.toggleView,
        }[key];
        if (action) {
          event.preventDefault();
          action();
          return;
        }
      }
      const command = commandForKey(event.key);
      if (!command) {
        slideshow.noteInteraction();
        return;
      }
      // Space and Enter on a focused button press that button; do not act twice.
      const target = event.target as Element | null;
      if (command === 'toggle-rotation' && target?.closest('button')) return;
      event.preventDefault();
      if (current.presenting) current.unblank();
      switch (command) {
        case 'next':
          return slideshow.next();
        case 'previous':
          return slideshow.previous();
        case 'first':
          return slideshow.first();
        case 'last':
          return slideshow.last();
        case 'toggle-rotation':
          return current.presenting ? undefined : slideshow.toggleRotation();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [slideshow]);
}
