import { readFileSync } from 'node:fs';
import {
  DEFAULT_SETTINGS,
  DeckSchema,
  slideSeconds,
  type Language,
  type Slide,
} from '../../contract';

/** The built-in deck, as the tests expect the player to show it. */
export const deck = DeckSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../assets/deck/how-ketamine-works.json', import.meta.url), 'utf8'),
  ),
);
export const slideIds = deck.slides.map((slide) => slide.id);

/** How long a built-in slide stays up with the standard settings: its reading time. */
export function secondsOf(slide: Slide, language: Language = 'en'): number {
  return slideSeconds(
    slide,
    language,
    DEFAULT_SETTINGS.clinic,
    DEFAULT_SETTINGS.readingWordsPerMinute,
  );
}
