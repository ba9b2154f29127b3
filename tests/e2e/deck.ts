import { readFileSync } from 'node:fs';
import { DeckSchema } from '../../contract';

/** The built-in deck, as the tests expect the player to show it. */
export const deck = DeckSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../assets/deck/how-ketamine-works.json', import.meta.url), 'utf8'),
  ),
);
export const slideIds = deck.slides.map((slide) => slide.id);
