import builtInDeck from '../assets/deck/how-ketamine-works.json' with { type: 'json' };
import type { Language } from '../contract/language';
import { BUILT_IN_SLIDE_IDS } from '../contract/playlist';
import { DEFAULT_SETTINGS, type ClinicDetails, type Settings } from '../contract/settings';
import type { LocalTime } from './calendar';
import { hasExpired } from './playlist';
import { playlistToPlay, scheduleDecisionOf } from './schedule';

/**
 * index.html carries the built-in deck's first slide, rendered at build time from
 * DEFAULT_SETTINGS (scripts/prerender.js), between these two comments. The screen shows it
 * before any script runs; the player then takes over in place.
 */
export const PRERENDER_START = '<!--prerendered-->';
export const PRERENDER_END = '<!--/prerendered-->';

/**
 * What the kiosk shows first with these settings at this moment, in the terms that decide
 * what is on screen: the slide and its language (and the clinic's details, for the slides that
 * show them), or the closed card. Mirrors the player's start (renderer/src/main.tsx): the
 * schedule picks the playlist, its first switched-on slide that exists (and has not expired)
 * comes first, and a playlist with none plays the whole deck.
 */
export type FirstScreen =
  | { kind: 'closed' }
  | { kind: 'slide'; slideId: string; language: Language; clinic: ClinicDetails | null };

/** Built-in slide kinds whose content comes from the clinic's details. */
const CLINIC_KINDS: ReadonlySet<string> = new Set(['about-clinic', 'call-to-action', 'crisis']);

export function firstScreenOf(settings: Settings, now: LocalTime): FirstScreen {
  const decision = scheduleDecisionOf(settings, now);
  if (decision.kind === 'closed') return { kind: 'closed' };
  const playlist = playlistToPlay(settings.playlists, decision.playlistId);
  const { customSlides } = settings;
  const exists = (id: string) =>
    BUILT_IN_SLIDE_IDS.includes(id) ||
    customSlides.some((slide) => slide.id === id && !hasExpired(slide, now.date));
  const first = playlist?.entries.find((entry) => entry.enabled && exists(entry.slideId));
  const slideId = first?.slideId ?? BUILT_IN_SLIDE_IDS[0] ?? '';
  const kind = builtInDeck.slides.find((slide) => slide.id === slideId)?.kind;
  return {
    kind: 'slide',
    slideId,
    language: settings.defaultLanguage,
    clinic: kind && CLINIC_KINDS.has(kind) ? settings.clinic : null,
  };
}

/**
 * Whether index.html's prerendered slide is what these settings show first now. When it is
 * not (another first slide, Spanish, closed hours), the page is served without it: a moment
 * of the plain background rather than a flash of the wrong slide.
 */
export function prerenderFits(settings: Settings, now: LocalTime): boolean {
  return (
    JSON.stringify(firstScreenOf(settings, now)) ===
    JSON.stringify(firstScreenOf(DEFAULT_SETTINGS, now))
  );
}

/** index.html without its prerendered slide: the #root the player renders into, empty. */
export function withoutPrerender(html: string): string {
  const start = html.indexOf(PRERENDER_START);
  const end = html.indexOf(PRERENDER_END, start);
  if (start < 0 || end < 0) return html;
  return html.slice(0, start) + html.slice(end + PRERENDER_END.length);
}
