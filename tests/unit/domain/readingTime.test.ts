import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLINIC,
  DEFAULT_WORDS_PER_MINUTE,
  DeckSchema,
  type Slide,
} from '../../../contract';
import {
  countWords,
  readingSeconds,
  resolvePlaylist,
  slideSeconds,
  visibleText,
} from '../../../domain';

const deck = DeckSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/deck/how-ketamine-works.json', import.meta.url), 'utf8'),
  ),
);
const slide = (id: string) => deck.slides.find((candidate) => candidate.id === id)!;
const text = (id: string, title: string, points: string[]): Slide => ({
  id,
  kind: 'text',
  title: { en: title },
  points: points.map((en) => ({ text: { en } })),
  buildSteps: [],
});

describe('reading time from word counts', () => {
  it.each([
    // words, pictures, words a minute → seconds: words / pace + 3 s, at least 8 s, +3 s a picture
    [0, 0, 150, 8],
    [10, 0, 150, 8], // 4 + 3 = 7 → at least 8
    [13, 0, 150, 9], // 5.2 + 3 = 8.2 → 9 (whole seconds, rounded up)
    [50, 0, 150, 23], // 20 + 3
    [66, 0, 150, 30], // 26.4 + 3 = 29.4 → 30
    [66, 1, 150, 33], // a drawing adds 3 s
    [10, 1, 150, 11], // at least 8, then the drawing
    [50, 0, 100, 33], // a slower pace: 30 + 3
    [50, 0, 200, 18], // a faster one: 15 + 3
    [5000, 0, 150, 600], // never past the longest a slide may stay
  ])('%i words, %i pictures at %i a minute: %i s', (words, pictures, pace, seconds) => {
    expect(readingSeconds(words, pictures, pace)).toBe(seconds);
  });

  it('counts words as a reader does', () => {
    expect(countWords('Ketamine acts on the glutamate system.')).toBe(6);
    expect(countWords('BDNF stands for Brain-Derived Neurotrophic Factor.')).toBe(6);
    expect(countWords('“Miracle-Gro” para el cerebro, ¿sí?')).toBe(5);
    expect(countWords('Call or text 988.')).toBe(4);
    expect(countWords('  ')).toBe(0);
  });

  it('reads what is on screen: title, points, columns, the caption; not the notes', () => {
    const words = visibleText(slide('a-different-system'), 'en', DEFAULT_CLINIC);
    expect(words[0]).toBe('A different system');
    expect(words.join(' ')).toContain('Glutamate is a chemical messenger too.');
    expect(words.join(' ')).not.toContain('neurotransmitters');
  });

  it('keeps the same slide up longer in Spanish, which says it in more words', () => {
    for (const id of ['neuron-after', 'when-others-have-not-helped', 'bdnf']) {
      const en = slideSeconds(slide(id), 'en', DEFAULT_CLINIC, DEFAULT_WORDS_PER_MINUTE);
      const es = slideSeconds(slide(id), 'es', DEFAULT_CLINIC, DEFAULT_WORDS_PER_MINUTE);
      expect(es, id).toBeGreaterThan(en);
    }
  });

  it('gives "After ketamine" in Spanish time for its words and its drawing', () => {
    // Before issue 21 it stayed 16 s, whatever the language: 66 Spanish words need about 30.
    const after = slide('neuron-after');
    const words = visibleText(after, 'es', DEFAULT_CLINIC).reduce(
      (sum, part) => sum + countWords(part),
      0,
    );
    expect(slideSeconds(after, 'es', DEFAULT_CLINIC, DEFAULT_WORDS_PER_MINUTE)).toBe(
      readingSeconds(words, 1, DEFAULT_WORDS_PER_MINUTE),
    );
    expect(slideSeconds(after, 'es', DEFAULT_CLINIC, DEFAULT_WORDS_PER_MINUTE)).toBeGreaterThan(
      words / 2.5,
    );
  });

  it('reads the clinic texts on the slides that show them', () => {
    const crisis = slide('if-you-are-in-crisis');
    const short = { ...DEFAULT_CLINIC, crisisLines: [{ en: 'Call 911.' }] };
    expect(slideSeconds(crisis, 'en', DEFAULT_CLINIC, 150)).toBeGreaterThan(
      slideSeconds(crisis, 'en', short, 150),
    );
    // The QR code is a picture, there only when the clinic has a web address.
    const ask = slide('ask-the-front-desk');
    const withQr = { ...DEFAULT_CLINIC, webAddress: 'https://example.org/' };
    expect(slideSeconds(ask, 'en', withQr, 150)).toBe(
      slideSeconds(ask, 'en', DEFAULT_CLINIC, 150) + 3,
    );
  });

  it('lets a time that staff set win', () => {
    const timed = {
      ...text('custom-a', 'Parking', ['Free parking behind the clinic.']),
      durationSeconds: 45,
    };
    expect(slideSeconds(timed, 'es', DEFAULT_CLINIC, 150)).toBe(45);
    const playlist = {
      id: 'p',
      name: 'P',
      entries: [{ slideId: 'welcome', enabled: true, durationSeconds: 25 }],
    };
    const [welcome] = resolvePlaylist(playlist, deck.slides, [], '2026-03-02').slides;
    expect(slideSeconds(welcome!, 'es', DEFAULT_CLINIC, 150)).toBe(25);
  });
});
