import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeckSchema, slidePartText, type Slide } from '../../../contract';

/*
 * The clinician signs off a content version. Every line whose words changed since the version
 * last signed off (1.1.0, kept as a fixture) must be marked on its slide, so the Clinical review
 * screen can show exactly what to read again; nothing may change unmarked.
 */
const read = (url: URL) => DeckSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
const deck = read(new URL('../../../assets/deck/how-ketamine-works.json', import.meta.url));
const reviewed = read(new URL('./fixtures/how-ketamine-works-1.1.0.json', import.meta.url));

/** Every part of a slide that holds words, by its path (SlidePartSchema). */
function parts(slide: Slide): string[] {
  return [
    'title',
    ...(slide.subtitle ? ['subtitle'] : []),
    ...(slide.notes ? ['notes'] : []),
    ...slide.points.map((_, index) => `points.${index}`),
    ...(slide.columns ?? []).flatMap((column, index) => [
      `columns.${index}.heading`,
      ...column.points.map((_, point) => `columns.${index}.points.${point}`),
    ]),
    ...(slide.illustration
      ? [
          'illustration.caption',
          'illustration.description',
          ...Object.keys(slide.illustration.labels).map((key) => `illustration.labels.${key}`),
        ]
      : []),
    ...slide.buildSteps.map((_, index) => `buildSteps.${index}`),
  ];
}

function changedParts(before: Slide, after: Slide): string[] {
  return parts(after).filter(
    (part) =>
      JSON.stringify(slidePartText(before, part)) !== JSON.stringify(slidePartText(after, part)),
  );
}

describe('changes since the last signed-off content version', () => {
  it('come with a new content version', () => {
    expect(deck.contentVersion).not.toBe(reviewed.contentVersion);
    const [major, minor] = deck.contentVersion.split('.').map(Number);
    const [oldMajor, oldMinor] = reviewed.contentVersion.split('.').map(Number);
    expect(major! * 1000 + minor!).toBeGreaterThan(oldMajor! * 1000 + oldMinor!);
  });

  it.each(deck.slides.map((slide) => ({ id: slide.id, slide })))(
    '$id: every changed line is marked for the clinical review, and nothing else',
    ({ slide }) => {
      const before = reviewed.slides.find((candidate) => candidate.id === slide.id);
      if (!before) {
        expect(slide.review).toEqual({ version: deck.contentVersion, change: 'new' });
        return;
      }
      const changed = changedParts(before, slide);
      if (changed.length === 0) {
        expect(slide.review?.version, 'unchanged, so not marked').not.toBe(deck.contentVersion);
      } else {
        expect(slide.review).toEqual({
          version: deck.contentVersion,
          change: 'changed',
          parts: changed,
        });
      }
    },
  );

  it('names only parts the slide has', () => {
    for (const slide of deck.slides) {
      if (slide.review?.change !== 'changed') continue;
      for (const part of slide.review.parts) {
        expect(slidePartText(slide, part), `${slide.id} ${part}`).toBeDefined();
      }
    }
  });
});
