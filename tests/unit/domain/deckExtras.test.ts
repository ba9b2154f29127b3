import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeckSchema, type Slide } from '../../../contract/deck';
import { splitDeckExtras, withDeckExtras } from '../../../domain/deckExtras';

const deck = DeckSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/deck/how-ketamine-works.json', import.meta.url), 'utf8'),
  ),
);

describe('the deck without its speaker notes and review marks', () => {
  const { slides, extras } = splitDeckExtras(deck.slides);

  it('leaves every other part of every slide as it was', () => {
    expect(slides).toHaveLength(deck.slides.length);
    for (const [index, slide] of slides.entries()) {
      const { notes: _notes, review: _review, ...rest } = deck.slides[index]!;
      expect(slide).toEqual(rest);
      expect(slide).not.toHaveProperty('notes');
      expect(slide).not.toHaveProperty('review');
    }
  });

  it('puts them back by id, to the slide as the schema gave it', () => {
    expect(Object.keys(extras).length).toBeGreaterThan(0);
    expect(withDeckExtras(slides, extras)).toEqual(deck.slides);
  });

  it('leaves a clinic slide, and a slide with notes of its own, as they are', () => {
    const own = { ...slides[1]!, notes: { en: 'Mine', es: 'Mías' } };
    const clinic: Slide = { ...slides[2]!, id: 'custom-my-slide' };
    const [first, second] = withDeckExtras([own, clinic], extras);
    expect(first!.notes).toEqual({ en: 'Mine', es: 'Mías' });
    expect(second).toBe(clinic);
  });
});
