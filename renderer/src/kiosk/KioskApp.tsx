import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { KioskBridge, KioskConfig, Slide } from '../../../contract';
import { ClosedCard } from '../player/ClosedCard';
import { Player, type PlayerProps } from '../player/Player';
import { MediaBaseContext } from '../slides/SlideMedia';
import { usePlaylistSlides } from './usePlaylistSlides';
import { useScheduleDecision } from './useScheduleDecision';
import { useHydrated } from './useHydrated';
import './KioskApp.css';

// The way into the admin (and the admin behind it) is not needed for the first slide.
const AdminGate = lazy(() => import('../admin/AdminGate').then((m) => ({ default: m.AdminGate })));

/**
 * The player, kept up to date with the settings staff save, and the way into the admin. While
 * the admin is open the slideshow goes on underneath (its heartbeat keeps the watchdog calm)
 * but is inert and deaf to keys.
 */
export function KioskApp({
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
      // Main checks the config against its schema before sending it (the trust boundary).
      // Mode and displays are fixed for a run; the rest applies at once.
      bridge?.onConfigChanged((next) => setConfig((current) => ({ ...next, mode: current.mode }))),
    [bridge],
  );
  const live = useHydrated();
  const onOpenChange = useCallback((open: boolean) => setAdminOpen(open), []);
  // One way into the admin: the patient's screen, not the clinician's presenter view.
  const showAdmin = player.initialView !== 'presenter' && live;
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
        <Suspense fallback={null}>
          <AdminGate
            admin={bridge.admin}
            language={config.settings.defaultLanguage}
            deckSlides={deckSlides}
            onOpenChange={onOpenChange}
          />
        </Suspense>
      ) : null}
    </MediaBaseContext.Provider>
  );
}
