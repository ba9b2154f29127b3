import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Language, LocalizedText, Slide } from '../../../contract';
import { DeckSchema, DEFAULT_CRISIS_LINES } from '../../../contract';
import { readabilityOf } from '../../support/readability';

/** Plain-language targets: US grade 8 for English, Fernández-Huerta 60 ("normal") for Spanish. */
const MAX_ENGLISH_GRADE = 8;
const MIN_SPANISH_SCORE = 60;

const deck = DeckSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/deck/how-ketamine-works.json', import.meta.url), 'utf8'),
  ),
);

/** The about-the-clinic slide shows the clinic's own details, which the deck does not hold. */
const slides = deck.slides.filter((slide) => slide.kind !== 'about-clinic');

interface VisiblePart {
  where: string;
  text: LocalizedText;
}

/**
 * The text a viewer reads on the slide: not notes, nor illustration captions, descriptions or
 * labels. The crisis slide shows the clinic's crisis line, scored as the default reads.
 */
function visibleParts(slide: Slide): VisiblePart[] {
  return [
    ...(slide.kind === 'crisis'
      ? DEFAULT_CRISIS_LINES.map((text, index) => ({ where: `crisisLines[${index}]`, text }))
      : []),
    { where: 'title', text: slide.title },
    ...(slide.subtitle ? [{ where: 'subtitle', text: slide.subtitle }] : []),
    ...slide.points.map((point, index) => ({ where: `points[${index}]`, text: point.text })),
    ...(slide.columns ?? []).flatMap((column, index) => [
      { where: `columns[${index}].heading`, text: column.heading },
      ...column.points.map((text, point) => ({
        where: `columns[${index}].points[${point}]`,
        text,
      })),
    ]),
  ];
}

function scoreOf(slide: Slide, language: Language) {
  return readabilityOf(
    visibleParts(slide).map((part) => part.text[language] ?? ''),
    language,
  );
}

function describeScore(slide: Slide, label: string, score: number, text: string): string {
  return `slide "${slide.id}": ${label} ${score.toFixed(2)} for:\n${text}`;
}

describe('plain language of the deck', () => {
  it.each(slides.map((slide) => ({ id: slide.id, slide })))(
    '$id: English is at US grade 8 or below (Flesch–Kincaid)',
    ({ slide }) => {
      const result = scoreOf(slide, 'en');
      expect(
        result.score,
        describeScore(slide, 'Flesch–Kincaid grade', result.score, result.text),
      ).toBeLessThanOrEqual(MAX_ENGLISH_GRADE);
    },
  );

  it.each(slides.map((slide) => ({ id: slide.id, slide })))(
    '$id: Spanish scores 60 or above (Fernández-Huerta)',
    ({ slide }) => {
      const missing = visibleParts(slide)
        .filter((part) => part.text.es === undefined)
        .map((part) => `${part.where} (“${part.text.en}”)`);
      expect(missing, `slide "${slide.id}" has no Spanish yet for: ${missing.join(', ')}`).toEqual(
        [],
      );
      const result = scoreOf(slide, 'es');
      expect(
        result.score,
        describeScore(slide, 'Fernández-Huerta score', result.score, result.text),
      ).toBeGreaterThanOrEqual(MIN_SPANISH_SCORE);
    },
  );
});
