import extrasData from '../../../assets/deck/how-ketamine-works.json?extras';
import { withDeckExtras, type DeckExtras, type Slide } from '../../../contract';

/**
 * The built-in deck's speaker notes and clinical review marks, by slide id. Only the presenter
 * view and the admin import this module, so it loads with them, never with the waiting room's
 * first slide (the build splits these off the deck: electron.vite.config.ts).
 */
const deckExtras = extrasData as unknown as DeckExtras;

/** The slides with the built-in deck's notes and review marks put back. */
export function withBuiltInExtras(slides: readonly Slide[]): Slide[] {
  return withDeckExtras(slides, deckExtras);
}

/** A slide's speaker notes: its own, or the built-in deck's for it. */
export function notesOf(slide: Slide): Slide['notes'] {
  return withDeckExtras([slide], deckExtras)[0]?.notes;
}
