import { useEffect, useMemo } from 'react';
import {
  playlistToPlay,
  resolvePlaylist,
  type KioskBridge,
  type Settings,
  type Slide,
} from '../../../contract';
import { reportProblem } from '../bridge';

/**
 * The slides of the playlist playing now, in its order and times, and that playlist's id;
 * missing slides are reported, and clinic slides past their expiry date leave the loop.
 */
export function usePlaylistSlides(
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
