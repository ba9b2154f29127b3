import { StrictMode, useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/atkinson-hyperlegible-next/400.css';
import '@fontsource/atkinson-hyperlegible-next/700.css';
import './styles/player.css';
import { I18nextProvider } from 'react-i18next';
import {
  KioskConfigSchema,
  localTimeOf,
  playlistToPlay,
  resolvePlaylist,
  scheduleDecisionOf,
  watchClock,
  type ScheduleDecision,
  type KioskBridge,
  type KioskConfig,
  type Settings,
  type Slide,
} from '../../contract';
import { AdminGate } from './admin/AdminGate';
import { createI18n } from './i18n/i18n';
import { getBridge, loadKioskConfig, reportProblem } from './bridge';
import { loadBuiltInDeck } from './deck/builtInDeck';
import { Player, type PlayerProps } from './player/Player';
import { LastResortCard } from './player/LastResortCard';
import { ClosedCard } from './player/ClosedCard';
import { MediaBaseContext } from './slides/SlideMedia';
import { createPlayReporter } from './player/playReporter';

async function start(): Promise<void> {
  const bridge = getBridge();
  const params = new URLSearchParams(window.location.search);
  const loadedConfig = await loadKioskConfig(bridge);
  // The browser preview takes its mode from the address: ?mode=present, ?view=presenter.
  const config =
    !bridge && params.get('mode') === 'present'
      ? { ...loadedConfig, mode: 'present' as const }
      : loadedConfig;
  const initialView = params.get('view') === 'presenter' ? 'presenter' : 'audience';
  const openPresenterWindow = bridge
    ? undefined
    : () => window.open('?mode=present&view=presenter', 'clinic-kiosk-presenter', 'popup');
  const loaded = loadBuiltInDeck();
  for (const skipped of loaded?.skipped ?? []) {
    reportProblem(bridge, {
      kind: 'slide-skipped',
      slideId: skipped.id,
      message: `slide ${skipped.index + 1} left out: ${skipped.reason}`,
    });
  }
  const onSlideFailed = (slide: Slide, error: unknown) =>
    reportProblem(bridge, {
      kind: slide.media ? 'media-failed' : 'render-error',
      slideId: slide.id,
      message: slide.media
        ? `${error instanceof Error ? error.message : String(error)}; left out of the loop`
        : `slide could not be shown and was left out: ${String(error)}`,
    });

  // A bridge without the play log's channel (an older preload) simply plays without it.
  const plays =
    typeof bridge?.reportPlay === 'function'
      ? createPlayReporter((batch) => bridge.reportPlay(batch))
      : null;
  if (plays) window.addEventListener('pagehide', () => plays.flush());

  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root');
  const i18n = createI18n(config.settings.defaultLanguage);
  document.documentElement.lang = config.settings.defaultLanguage;
  createRoot(rootElement).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {loaded ? (
          <KioskApp
            bridge={bridge}
            initialConfig={config}
            deckSlides={loaded.deck.slides}
            player={{
              deckTitle: loaded.deck.title,
              onSlideFailed,
              onHeartbeat: bridge ? (beat) => bridge.heartbeat(beat) : undefined,
              onPlayEvent: plays ? (event) => plays.report(event) : undefined,
              initialView,
              onOpenPresenterWindow: openPresenterWindow,
            }}
          />
        ) : (
          <LastResortCard clinic={config.settings.clinic} />
        )}
      </I18nextProvider>
    </StrictMode>,
  );
}

/**
 * The player, kept up to date with the settings staff save, and the way into the admin. While
 * the admin is open the slideshow goes on underneath (its heartbeat keeps the watchdog calm)
 * but is inert and deaf to keys.
 */
function KioskApp({
  bridge,
  initialConfig,
  deckSlides,
  player,
}: {
  bridge: KioskBridge | null;
  initialConfig: KioskConfig;
  deckSlides: readonly Slide[];
  player: Omit<PlayerProps, 'config' | 'suspended' | 'slides' | 'playlistId'>;
}) {
  const [config, setConfig] = useState(initialConfig);
  const { decision, today } = useScheduleDecision(config.settings);
  const playlistId = decision.kind === 'playlist' ? decision.playlistId : null;
  const { slides, playing } = usePlaylistSlides(
    config.settings,
    playlistId,
    deckSlides,
    bridge,
    today,
  );
  const closed = decision.kind === 'closed';
  const onPlayEvent = player.onPlayEvent;
  useEffect(() => {
    if (closed && player.initialView !== 'presenter')
      onPlayEvent?.({ kind: 'screen', state: 'closed' });
  }, [closed, onPlayEvent, player.initialView]);
  const [adminOpen, setAdminOpen] = useState(false);
  useEffect(
    () =>
      bridge?.onConfigChanged((next) => {
        const parsed = KioskConfigSchema.safeParse(next);
        // Mode and displays are fixed for a run; the rest applies at once.
        if (parsed.success) setConfig((current) => ({ ...parsed.data, mode: current.mode }));
      }),
    [bridge],
  );
  const onOpenChange = useCallback((open: boolean) => setAdminOpen(open), []);
  // One way into the admin: the patient's screen, not the clinician's presenter view.
  const showAdmin = player.initialView !== 'presenter';
  return (
    <MediaBaseContext.Provider value={config.mediaBaseUrl}>
      <div className="kiosk-layer" inert={adminOpen}>
        {decision.kind === 'closed' ? (
          <ClosedCard
            clinic={config.settings.clinic}
            display={config.settings.schedule.closedDisplay}
            language={config.settings.defaultLanguage}
            onHeartbeat={player.onHeartbeat}
          />
        ) : (
          <Player
            {...player}
            slides={slides}
            playlistId={playing}
            config={config}
            suspended={adminOpen}
          />
        )}
      </div>
      {showAdmin && bridge?.admin ? (
        <AdminGate
          admin={bridge.admin}
          language={config.settings.defaultLanguage}
          deckSlides={deckSlides}
          onOpenChange={onOpenChange}
        />
      ) : null}
    </MediaBaseContext.Provider>
  );
}

/** How often the schedule is looked at again (and after waking, and when the page shows). */
const SCHEDULE_CHECK_MS = 15_000;

/**
 * What the schedule says now, on this machine's wall clock, and today's date (clinic slides
 * expire by it): daylight-saving changes are followed at the next check, a system clock that
 * is set at once.
 */
function useScheduleDecision(settings: Settings): { decision: ScheduleDecision; today: string } {
  const { schedule, defaultPlaylistId, playlists } = settings;
  const evaluate = useCallback(() => {
    const now = localTimeOf(new Date());
    return {
      decision: scheduleDecisionOf({ schedule, defaultPlaylistId, playlists }, now),
      today: now.date,
    };
  }, [schedule, defaultPlaylistId, playlists]);
  const [decision, setDecision] = useState(evaluate);
  useEffect(() => {
    const check = () =>
      setDecision((previous) => {
        const next = evaluate();
        return JSON.stringify(next) === JSON.stringify(previous) ? previous : next;
      });
    check();
    const timer = setInterval(check, SCHEDULE_CHECK_MS);
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    // Someone set the system clock: look again now, not at the next check.
    const stopWatchingClock = watchClock({ onJump: check });
    return () => {
      stopWatchingClock();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }, [evaluate]);
  return decision;
}

/**
 * The slides of the playlist playing now, in its order and times, and that playlist's id;
 * missing slides are reported, and clinic slides past their expiry date leave the loop.
 */
function usePlaylistSlides(
  settings: Settings,
  playlistId: string | null,
  deckSlides: readonly Slide[],
  bridge: KioskBridge | null,
  today: string,
): { slides: Slide[]; playing: string } {
  const { playlists, customSlides } = settings;
  const playlist = useMemo(() => playlistToPlay(playlists, playlistId), [playlists, playlistId]);
  const resolved = useMemo(
    () => (playlist ? resolvePlaylist(playlist, deckSlides, customSlides, today) : null),
    [playlist, customSlides, deckSlides, today],
  );
  useEffect(() => {
    for (const slideId of resolved?.missing ?? []) {
      reportProblem(bridge, {
        kind: 'slide-skipped',
        slideId,
        message: 'the playlist names a slide that no longer exists',
      });
    }
  }, [resolved, bridge]);
  const slides = useMemo(
    () => (resolved && resolved.slides.length > 0 ? resolved.slides : [...deckSlides]),
    [resolved, deckSlides],
  );
  return { slides, playing: playlist?.id ?? settings.defaultPlaylistId };
}

void start();
