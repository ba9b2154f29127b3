import deckData from '../../../assets/deck/how-ketamine-works.json';
import { loadDeckLeniently, type LoadedDeck } from '../../../contract';

/** The built-in "How ketamine works" deck, read leniently: a broken slide is skipped, not fatal. */
export function loadBuiltInDeck(): LoadedDeck | null {
  return loadDeckLeniently(deckData);
}
