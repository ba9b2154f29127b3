import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeckSchema, loadDeckLeniently, SlideSchema, type Deck } from '../../../contract';

const deckPath = new URL('../../../assets/deck/how-ketamine-works.json', import.meta.url);
const raw: unknown = JSON.parse(readFileSync(deckPath, 'utf8'));

function englishText(deck: Deck): string {
  return deck.slides
    .flatMap((slide) => [
      slide.title.en,
      slide.subtitle?.en ?? '',
      ...slide.points.map((point) => point.text.en),
      ...(slide.columns ?? []).flatMap((column) => [
        column.heading.en,
        ...column.points.map((p) => p.en),
      ]),
      slide.illustration?.caption.en ?? '',
      slide.illustration?.description.en ?? '',
    ])
    .join('\n');
}

describe('the built-in deck', () => {
  const result = DeckSchema.safeParse(raw);

  it('passes the schema', () => {
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('carries a content version and a speaker note on every slide', () => {
    const deck = DeckSchema.parse(raw);
    expect(deck.contentVersion).toMatch(/^\d+\.\d+\.\d+$/);
    for (const slide of deck.slides) expect(slide.notes?.en, slide.id).toBeTruthy();
  });

  it('has every text in Spanish too', () => {
    const missing: string[] = [];
    const visit = (value: unknown, path: string) => {
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}[${index}]`));
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record['en'] === 'string' && typeof record['es'] !== 'string')
          missing.push(path);
        for (const [key, child] of Object.entries(record)) visit(child, `${path}.${key}`);
      }
    };
    visit(raw, 'deck');
    expect(missing).toEqual([]);
  });

  // Each claim of the clinic's page, in the words a patient would see on screen, hedged as
  // the evidence is (issue 21).
  it.each([
    ['can help within hours, not weeks', /can start to help within hours/i, /usually take weeks/i],
    ['monoamine system', /monoamine system/i, /serotonin, norepinephrine and the like/i],
    ['glutamate system', /glutamate system/i, /separate system/i],
    ['BDNF', /Brain-Derived Neurotrophic Factor/, /called “Miracle-Gro for the brain”/],
    [
      'new branches and connections',
      /growth of new nerve cell branches/i,
      /more connections between nerve cells/i,
    ],
    [
      'rat findings, before and after',
      /In studies in rats, nerve cells had few spines/,
      /In studies in rats, nerve cells quickly grew new and fuller spines/,
    ],
    ['dendritic spines', /Dendritic spines/, /talk with each other/i],
    [
      'depression loses connections',
      /lose these branches and connections/i,
      /may cause some symptoms of depression/i,
    ],
    [
      'rebuilding, from rat studies',
      /These findings come from studies in rats/,
      /thought to reverse some of the harm from depression, chronic stress and PTSD/,
    ],
    [
      'when other treatments failed',
      /may help some people who were not helped by other treatments/i,
      /may still work for you/i,
    ],
    [
      'antidepressants, ECT, TMS',
      /antidepressants, ECT and TMS/,
      /other medicines or ECT did not help you/,
    ],
    ['ask the front desk', /front desk/i, /Ketamine Therapy Program/],
    ['not medical advice', /not medical advice/i, /Ask your clinician/i],
    [
      'safety',
      /Ketamine can have side effects/,
      /driving and your plans for the day of a treatment/,
    ],
  ])('says: %s', (_topic, first, second) => {
    const text = englishText(DeckSchema.parse(raw));
    expect(text).toMatch(first);
    expect(text).toMatch(second);
  });

  it.each([
    ['en', /monoamine/i, /chemical messengers?/],
    ['es', /monoamina/i, /mensajeros químicos/],
  ] as const)(
    '%s: explains "monoamine" in plain words where it first appears on screen',
    (language, word, explained) => {
      const onScreen = DeckSchema.parse(raw).slides.flatMap((slide) => [
        slide.title,
        ...(slide.subtitle ? [slide.subtitle] : []),
        ...slide.points.map((point) => point.text),
        ...(slide.columns ?? []).flatMap((column) => [column.heading, ...column.points]),
      ]);
      const first = onScreen.map((text) => text[language] ?? '').find((text) => word.test(text));
      expect(first).toMatch(explained);
    },
  );

  it('says "y otras parecidas" in Spanish for "and the like", not the awkward "y otras así"', () => {
    const columns = DeckSchema.parse(raw).slides.flatMap((slide) => slide.columns ?? []);
    const spanish = columns.flatMap((column) => column.points.map((point) => point.es ?? ''));
    expect(spanish.filter((text) => /otras así/i.test(text))).toEqual([]);
    expect(spanish).toContain('Actúan sobre la serotonina, la norepinefrina y otras parecidas.');
  });

  it('labels the neuron drawings as drawings inspired by studies in rats', () => {
    const deck = DeckSchema.parse(raw);
    const figures = deck.slides.filter((slide) => slide.illustration?.id.startsWith('neuron-'));
    expect(figures).toHaveLength(2);
    for (const slide of figures) {
      expect(slide.illustration?.caption.en).toMatch(/^Drawing inspired by studies in rats: /);
      expect(slide.illustration?.caption.es).toMatch(/^Dibujo inspirado en estudios con ratas: /);
    }
  });

  it('labels the hours-and-weeks axis as the time until it may start to help', () => {
    const slide = DeckSchema.parse(raw).slides.find((s) => s.illustration?.id === 'hours-vs-weeks');
    expect(slide?.illustration?.labels['axis']).toEqual({
      en: 'Time until it may start to help',
      es: 'Tiempo hasta que puede empezar a ayudar',
    });
  });

  it('has a safety slide and a crisis slide, both marked as safety slides for review', () => {
    const deck = DeckSchema.parse(raw);
    const safety = deck.slides.filter((slide) => slide.safety);
    expect(safety.map((slide) => slide.id)).toEqual([
      'safety-and-what-to-expect',
      'if-you-are-in-crisis',
    ]);
    expect(safety.map((slide) => slide.kind)).toEqual(['text', 'crisis']);
    for (const slide of safety) {
      expect(slide.review).toEqual({ version: deck.contentVersion, change: 'new' });
    }
  });

  it('has an about-the-clinic slide', () => {
    expect(DeckSchema.parse(raw).slides.some((slide) => slide.kind === 'about-clinic')).toBe(true);
  });
});

describe('reading a deck at run time', () => {
  const good = {
    id: 'tiny',
    title: { en: 'Tiny' },
    contentVersion: '1.0.0',
    slides: [
      { id: 'one', kind: 'text', title: { en: 'One' }, durationSeconds: 10 },
      { id: 'two', kind: 'text', title: { en: 'Two' }, durationSeconds: 10 },
    ],
  };

  it('skips a broken slide and keeps the rest', () => {
    const loaded = loadDeckLeniently({
      ...good,
      slides: [
        good.slides[0],
        { id: 'broken', kind: 'text', durationSeconds: 'soon' },
        good.slides[1],
      ],
    });
    expect(loaded?.deck.slides.map((slide) => slide.id)).toEqual(['one', 'two']);
    expect(loaded?.skipped).toHaveLength(1);
    expect(loaded?.skipped[0]).toMatchObject({ index: 1, id: 'broken' });
  });

  it('skips a slide whose id repeats', () => {
    const loaded = loadDeckLeniently({ ...good, slides: [...good.slides, good.slides[0]] });
    expect(loaded?.deck.slides).toHaveLength(2);
    expect(loaded?.skipped[0]?.reason).toMatch(/repeats/);
  });

  it('gives up only when nothing is playable', () => {
    expect(loadDeckLeniently({ ...good, slides: [{ nonsense: true }] })).toBeNull();
    expect(loadDeckLeniently('not a deck')).toBeNull();
  });

  it('refuses durations outside 3–600 seconds and unknown kinds', () => {
    const base = { id: 'x', title: { en: 'X' } };
    expect(SlideSchema.safeParse({ ...base, kind: 'text', durationSeconds: 2 }).success).toBe(
      false,
    );
    expect(SlideSchema.safeParse({ ...base, kind: 'text', durationSeconds: 601 }).success).toBe(
      false,
    );
    expect(SlideSchema.safeParse({ ...base, kind: 'poster', durationSeconds: 10 }).success).toBe(
      false,
    );
  });

  it('accepts Spanish text beside English without a schema change', () => {
    const slide = {
      id: 'x',
      kind: 'text',
      title: { en: 'Hello', es: 'Hola' },
      durationSeconds: 10,
    };
    expect(SlideSchema.parse(slide).title.es).toBe('Hola');
  });

  it('refuses a build step that was never declared', () => {
    const slide = {
      id: 'x',
      kind: 'text',
      title: { en: 'X' },
      points: [{ text: { en: 'later' }, step: 2 }],
      buildSteps: [{ label: { en: 'first' } }],
      durationSeconds: 10,
    };
    expect(SlideSchema.safeParse(slide).success).toBe(false);
  });
});
