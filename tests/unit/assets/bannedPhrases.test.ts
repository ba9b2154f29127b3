import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLINIC,
  DeckSchema,
  type ClinicDetails,
  type Deck,
  type Language,
  type LocalizedText,
} from '../../../contract';

/*
 * Wording a clinician objected to (issue 21), held out of the deck for good, in English and
 * Spanish: what the patient reads, the presenter's notes, the captions, the descriptions read
 * aloud and the words drawn in the pictures, and the clinic's default texts.
 */
const BANNED: Record<Language, readonly RegExp[]> = {
  en: [
    // Ketamine works on a different system of chemical messengers, not a different region.
    /different part of the brain/i,
    /part of the brain than/i,
    // Absolutes the evidence does not support.
    /\bketamine acts in hours\b/i,
    /\bacts in hours\b/i,
    /\boften works\b/i,
    /ketamine (?:boosts|stimulates) (?:a molecule|BDNF)/i,
    /\bundo some of the damage\b/i,
    /fuller, more (?:inter)?connected brain/i,
    /\bactually\b/i,
    // Drawings inspired by rat studies, not photos; no sevenfold "many new spines".
    /based on photos/i,
    /many new spines/i,
    // "Traditional medicines" meant traditional antidepressants.
    /traditional medicines/i,
  ],
  es: [
    /otra parte del cerebro/i,
    /parte del cerebro que es/i,
    /del todo distint/i,
    /se dirigen? a/i,
    /un cerebro más completo/i,
    /puede ser la causa/i,
    /\ben realidad\b/i,
    /profesional de salud/i,
    /actúa en (?:cuestión de )?horas/i,
    /a menudo, la ketamina/i,
    /certificado por la junta médica/i,
    /basada en fotos/i,
    /muchas espinas nuevas/i,
  ],
};

function texts(deck: Deck, clinic: ClinicDetails): LocalizedText[] {
  return [
    ...deck.slides.flatMap((slide) => [
      slide.title,
      ...(slide.subtitle ? [slide.subtitle] : []),
      ...(slide.notes ? [slide.notes] : []),
      ...slide.points.map((point) => point.text),
      ...(slide.columns ?? []).flatMap((column) => [column.heading, ...column.points]),
      ...(slide.illustration
        ? [
            slide.illustration.caption,
            slide.illustration.description,
            ...Object.values(slide.illustration.labels),
          ]
        : []),
      ...slide.buildSteps.map((step) => step.label),
    ]),
    ...clinic.about,
    ...clinic.crisisLines,
  ];
}

function offences(deck: Deck, clinic: ClinicDetails, language: Language): string[] {
  const found: string[] = [];
  for (const text of texts(deck, clinic)) {
    const words = text[language];
    if (words === undefined) continue;
    for (const phrase of BANNED[language]) {
      if (phrase.test(words)) found.push(`${phrase}: “${words}”`);
    }
  }
  return found;
}

const read = (url: URL) => DeckSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
const deck = read(new URL('../../../assets/deck/how-ketamine-works.json', import.meta.url));

describe('phrases the deck must never contain again', () => {
  it.each(['en', 'es'] as const)(
    '%s: none of them, anywhere in the deck or the clinic text',
    (language) => {
      expect(offences(deck, DEFAULT_CLINIC, language)).toEqual([]);
    },
  );

  it.each(['en', 'es'] as const)(
    '%s: the list catches the wording of version 1.1.0',
    (language) => {
      // A list that could not fail would prove nothing: the deck as it was must trip it.
      const old = read(new URL('./fixtures/how-ketamine-works-1.1.0.json', import.meta.url));
      const oldClinic: ClinicDetails = {
        ...DEFAULT_CLINIC,
        about: DEFAULT_CLINIC.about.map((line, index) =>
          index === 1
            ? {
                ...line,
                es: 'El Dr. Starr está certificado por la junta médica en Medicina de las Adicciones.',
              }
            : line,
        ),
      };
      const found = offences(old, oldClinic, language);
      const unused = BANNED[language].filter(
        (phrase) => !found.some((offence) => offence.startsWith(`${phrase}:`)),
      );
      expect(unused, 'each phrase on the list was in the 1.1.0 wording').toEqual([]);
    },
  );

  it('uses one word for each idea on screen: nerve cells, spines and connections', () => {
    const onScreen = deck.slides.flatMap((slide) => [
      slide.title,
      ...(slide.subtitle ? [slide.subtitle] : []),
      ...slide.points.map((point) => point.text),
      ...(slide.columns ?? []).flatMap((column) => [column.heading, ...column.points]),
      ...(slide.illustration ? [slide.illustration.caption] : []),
    ]);
    const loose = onScreen.filter(
      (text) =>
        /\b(?:neurons?|links?|connectors?)\b/i.test(text.en) ||
        /\bneuronas?\b|\bconectores\b/i.test(text.es ?? ''),
    );
    expect(loose).toEqual([]);
  });
});
