import {
  localTimeOf,
  playlistToPlay,
  resolvePlaylist,
  scheduleDecisionOf,
  type KioskConfig,
  type Slide,
} from '../../../contract';
import type { PlayerView } from '../player/Player';

/** Built-in slide kinds whose content comes from the clinic's details. */
const CLINIC_KINDS: ReadonlySet<string> = new Set(['about-clinic', 'call-to-action', 'crisis']);

/**
 * Everything the kiosk's first render reads, as one string: the build writes it beside the
 * prerendered HTML (#root's data-first-render), and the page takes that HTML over (hydrates it)
 * only when its own config gives the same string now. Otherwise (another first slide, another
 * transition, presenting, closed hours) it renders afresh: React does not correct attributes
 * that differ while hydrating, so a near match is not good enough. Mirrors KioskApp's start:
 * the schedule picks the playlist, which resolves to the slides (the whole deck when none).
 */
export function firstRenderKey(
  config: KioskConfig,
  view: PlayerView,
  deckSlides: readonly Slide[],
  now: Date = new Date(),
): string {
  const { settings } = config;
  const time = localTimeOf(now);
  const decision = scheduleDecisionOf(settings, time);
  let first: Slide | undefined;
  if (decision.kind === 'playlist') {
    const playlist = playlistToPlay(settings.playlists, decision.playlistId);
    const resolved = playlist
      ? resolvePlaylist(playlist, deckSlides, settings.customSlides, time.date).slides
      : [];
    first = resolved[0] ?? deckSlides[0];
  }
  return JSON.stringify([
    decision.kind,
    settings.defaultLanguage,
    settings.transition,
    config.mode,
    view,
    first?.id ?? null,
    first && CLINIC_KINDS.has(first.kind) ? settings.clinic : null,
  ]);
}
