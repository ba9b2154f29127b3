import deckData from '../../../assets/deck/how-ketamine-works.json';
import type { Deck } from '../../../contract';

/**
 * The built-in "How ketamine works" deck. It is checked at build time, not here: the build
 * parses it through DeckSchema (electron.vite.config.ts, deckCheckedAtBuild), fails on a bad
 * deck and bundles the parsed result, defaults filled in; the unit tests fail on it too
 * (tests/unit/contract/deck.test.ts). The player so carries no schema code for it.
 */
export const builtInDeck = deckData as unknown as Deck;
