import { describe, expect, it } from 'vitest';
import {
  englishSyllables,
  fernandezHuerta,
  fleschKincaidGrade,
  readabilityOf,
  sentences,
  spanishSyllables,
  words,
} from '../../support/readability';

describe('English syllables (the `syllable` package, plus numbers and initialisms)', () => {
  it.each([
    ['the', 1],
    ['cat', 1],
    ['water', 2],
    ['ketamine', 3],
    ['glutamate', 3],
    ['depression', 3],
    ['dendritic', 3],
    ['serotonin', 4],
    ['traditional', 4],
    // an·ti·de·pres·sant: five, in the package and in dictionaries alike.
    ['antidepressant', 5],
    ['antidepressants', 5],
    ['norepinephrine', 5],
    ['electroconvulsive', 6],
    ['Miracle-Gro', 4],
    ['Brain-Derived', 3],
    ['clinic’s', 2],
  ])('%s has %i', (word, count) => {
    expect(englishSyllables(word)).toBe(count);
  });

  it('follows the package where dictionaries differ', () => {
    // "every" is ev·ery (2) in the package; some dictionaries give ev·er·y (3).
    expect(englishSyllables('every')).toBe(2);
    // "monoamine" is mon·o·am·ine (4) in dictionaries; the package counts 3.
    expect(englishSyllables('monoamine')).toBe(3);
  });

  it('reads initialisms letter by letter, and pronounceable acronyms as words', () => {
    expect(englishSyllables('BDNF')).toBe(4); // bee-dee-en-ef
    expect(englishSyllables('PTSD')).toBe(4);
    expect(englishSyllables('ECT')).toBe(3);
    expect(englishSyllables('TMS')).toBe(3);
    expect(englishSyllables('WHO')).toBe(5); // double-u (3) + aitch + oh
    expect(englishSyllables('NASA')).toBe(2);
  });

  it('reads numbers aloud', () => {
    expect(englishSyllables('7')).toBe(2); // seven
    expect(englishSyllables('17')).toBe(3); // seventeen
    expect(englishSyllables('90')).toBe(2); // nine·ty (the package alone says 3)
    expect(englishSyllables('1,500')).toBe(6); // one thousand five hundred
    expect(englishSyllables('2,024')).toBe(6); // two thousand twenty four
    expect(englishSyllables('1.5')).toBe(3); // one point five
    expect(englishSyllables('COVID-19')).toBe(4); // co·vid + nine·teen
  });
});

describe('Spanish syllables', () => {
  it.each([
    ['cerebro', 3],
    ['neurona', 3], // neu-ro-na: eu is a diphthong
    ['ketamina', 4],
    ['día', 2], // accented í: hiatus
    ['cuidado', 3], // cui-da-do: weak + weak is a diphthong
    ['país', 2],
    ['baúl', 2],
    ['aeropuerto', 5], // a-e (hiatus) -ro-puer-to
    ['Uruguay', 3], // u-ru-guay: uay is a triphthong, the u of "gua" is heard
    ['buey', 1], // triphthong with a final y
    ['guerra', 2], // silent u in "gue"
    ['queso', 2], // silent u in "que"
    ['quiero', 2],
    ['pingüino', 3], // gü is pronounced: pin-güi-no
    ['vergüenza', 3],
    ['hoy', 1], // final y is a vowel
    ['muy', 1],
    ['y', 1],
    ['mayo', 2], // y before a vowel is a consonant
    ['leer', 2], // strong + strong: hiatus
    ['poeta', 3],
    ['héroe', 3],
    ['ciudad', 2],
    ['ruido', 2],
    ['búho', 2], // silent h, accented ú: hiatus
    ['alcohol', 3], // o-o across a silent h is still a hiatus
    ['ocho', 2], // ch is a consonant, not a silent h
    ['recepción', 3],
    ['conexiones', 4],
  ])('%s has %i', (word, count) => {
    expect(spanishSyllables(word)).toBe(count);
  });

  it('reads numbers aloud and initialisms by their letter names', () => {
    expect(spanishSyllables('17')).toBe(4); // die-ci-sie-te
    expect(spanishSyllables('100')).toBe(1); // cien
    expect(spanishSyllables('2024')).toBe(6); // dos mil vein-ti-cua-tro
    expect(spanishSyllables('1.500')).toBe(4); // mil qui-nien-tos
    expect(spanishSyllables('1,5')).toBe(6); // u-no co-ma cin-co
    expect(spanishSyllables('BDNF')).toBe(6); // be-de-e-ne-e-fe
    expect(spanishSyllables('TEC')).toBe(3); // te-e-ce
  });
});

describe('words and sentences', () => {
  it('strips punctuation, keeps hyphenated words and numbers whole', () => {
    expect(words('Brain-Derived “Miracle-Gro” clinic’s 1.5 and/or hours—not weeks, ¿qué?')).toEqual(
      [
        'Brain-Derived',
        'Miracle-Gro',
        'clinic’s',
        '1.5',
        'and',
        'or',
        'hours',
        'not',
        'weeks',
        'qué',
      ],
    );
  });

  it('splits on end punctuation and line breaks', () => {
    expect(sentences('Hello there. How are you?! Fine… ok')).toEqual([
      'Hello there.',
      'How are you?!',
      'Fine…',
      'ok',
    ]);
    expect(sentences('One\nTwo\r\nThree')).toEqual(['One', 'Two', 'Three']);
    expect(sentences('“Quoted.” Next one.')).toEqual(['“Quoted.”', 'Next one.']);
    expect(sentences('Version 1.5 is out. Yes')).toEqual(['Version 1.5 is out.', 'Yes']);
  });

  it('treats a text without end punctuation as one sentence', () => {
    expect(sentences('No end punctuation here')).toEqual(['No end punctuation here']);
  });

  it('finds no sentence in empty or punctuation-only text', () => {
    expect(sentences('')).toEqual([]);
    expect(sentences(' ... !? — ')).toEqual([]);
    expect(words(' ... !? — ')).toEqual([]);
  });
});

describe('Flesch–Kincaid grade', () => {
  it('scores a worked example', () => {
    // "Ketamine acts in hours." ket-a-mine(3) acts(1) in(1) hours(1)
    // "Traditional antidepressants take weeks." tra-di-tion-al(4) an-ti-de-pres-sants(5) take(1) weeks(1)
    // 8 words, 2 sentences, 17 syllables:
    // 0.39 × 8/2 + 11.8 × 17/8 − 15.59 = 1.56 + 25.075 − 15.59 = 11.045
    expect(
      fleschKincaidGrade('Ketamine acts in hours. Traditional antidepressants take weeks.'),
    ).toBeCloseTo(11.045, 10);
  });

  it('scores an easy worked example below zero', () => {
    // 12 words, 2 sentences, 13 syllables (only "water" has two):
    // 0.39 × 6 + 11.8 × 13/12 − 15.59 = 2.34 + 12.78333… − 15.59 = −0.46666…
    expect(fleschKincaidGrade('The cat sat on the mat. The dog ran to the water.')).toBeCloseTo(
      -0.4666667,
      6,
    );
  });

  it('counts initialisms, numbers and hyphenated words in the formula', () => {
    // BDNF(4) rose(1) 17(3, seventeen) times(1) in(1) well-known(2, one word) tests(1)
    // 7 words, 1 sentence, 13 syllables: 0.39 × 7 + 11.8 × 13/7 − 15.59 = 9.0542857…
    expect(fleschKincaidGrade('BDNF rose 17 times in well-known tests.')).toBeCloseTo(9.0542857, 6);
  });

  it('gives a defined value for empty or punctuation-only text', () => {
    // No words: every ratio is 0, leaving the constant term.
    expect(fleschKincaidGrade('')).toBe(-15.59);
    expect(fleschKincaidGrade('…!?')).toBe(-15.59);
    expect(Number.isNaN(fleschKincaidGrade(' . '))).toBe(false);
  });
});

describe('Fernández-Huerta', () => {
  it('scores a worked example', () => {
    // "El gato come pan." el(1) ga-to(2) co-me(2) pan(1) = 6
    // "La casa es azul." la(1) ca-sa(2) es(1) a-zul(2) = 6
    // 8 words, 12 syllables, 2 sentences: P = 150 syllables per 100 words, F = 4 words per sentence
    // 206.84 − 0.60 × 150 − 1.02 × 4 = 206.84 − 90 − 4.08 = 112.76
    expect(fernandezHuerta('El gato come pan. La casa es azul.')).toBeCloseTo(112.76, 10);
  });

  it('scores a worked example with diphthongs and hiatuses', () => {
    // la(1) ke-ta-mi-na(4) ac-tú-a(3) en(1) ho-ras(2) = 11
    // el(1) ce-re-bro(3) cre-a(2) nue-vas(2) co-ne-xio-nes(4) = 12
    // 10 words, 23 syllables, 2 sentences: P = 230, F = 5 words per sentence
    // 206.84 − 138 − 5.1 = 63.74
    expect(
      fernandezHuerta('La ketamina actúa en horas. El cerebro crea nuevas conexiones.'),
    ).toBeCloseTo(63.74, 10);
  });

  it('scores long sentences lower than the same words in short ones', () => {
    const long = 'El gato come pan y la casa es azul y el sol sale hoy';
    const short = 'El gato come pan. La casa es azul. El sol sale hoy.';
    expect(fernandezHuerta(short)).toBeGreaterThan(fernandezHuerta(long));
  });

  it('gives a defined value for empty or punctuation-only text', () => {
    expect(fernandezHuerta('')).toBe(206.84);
    expect(fernandezHuerta('¿…?')).toBe(206.84);
  });
});

describe('readabilityOf', () => {
  it('makes each part (title, point) a sentence of its own', () => {
    // Title without a full stop, then two points: 3 sentences, 12 words, 23 syllables.
    // 0.39 × 4 + 11.8 × 23/12 − 15.59 = 1.56 + 22.61666… − 15.59 = 8.58666…
    const result = readabilityOf(
      [
        'Ketamine acts in hours',
        'Ketamine acts in hours.',
        'Traditional antidepressants take weeks.',
      ],
      'en',
    );
    expect(result).toMatchObject({ sentences: 3, words: 12, syllables: 23 });
    expect(result.score).toBeCloseTo(8.5866667, 6);
  });

  it('scores Spanish parts with Fernández-Huerta', () => {
    // quie-res(2) sa-ber(2) más(1) | pre-gun-ta(3) en(1) la(1) re-cep-ción(3)
    // 7 words, 13 syllables, 2 sentences: P = 1300/7, F = 3.5 words per sentence
    // 206.84 − 0.60 × 185.714… − 1.02 × 3.5 = 206.84 − 111.428… − 3.57 = 91.841428…
    const result = readabilityOf(['¿Quieres saber más?', 'Pregunta en la recepción'], 'es');
    expect(result).toMatchObject({ sentences: 2, words: 7, syllables: 13 });
    expect(result.score).toBeCloseTo(91.8414286, 6);
  });

  it('ignores blank parts', () => {
    expect(readabilityOf(['', '  ', 'Hello.'], 'en').sentences).toBe(1);
    expect(readabilityOf([], 'es')).toMatchObject({ words: 0, sentences: 0, score: 206.84 });
  });
});
