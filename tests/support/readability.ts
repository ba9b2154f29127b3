/**
 * Plain-language scores for the kiosk's slide text.
 *
 * - English: Flesch–Kincaid grade level, with syllables from the `syllable` package.
 * - Spanish: Fernández-Huerta readability, with a rule-based Spanish syllable counter.
 *
 * Conventions shared by both languages:
 * - A word is a run of letters and digits; punctuation is stripped. Hyphenated words ("Brain-Derived")
 *   and words with an apostrophe ("clinic's") count as one word; numbers count as words.
 * - A number is counted by the syllables of how it is read aloud ("17" = "seventeen" = 3).
 * - A short all-capital initialism ("BDNF", "PTSD", "ECT"; see `isInitialism`) is read letter by
 *   letter, so it counts the syllables of each letter's name (English "W" = 3; Spanish names such
 *   as "efe" or "erre" = 2).
 * - With no words, every ratio is taken as 0: the formulas then give their constant term
 *   (FK −15.59, Fernández-Huerta 206.84) instead of NaN.
 */
import { syllable } from 'syllable';

export type ReadabilityLanguage = 'en' | 'es';

export interface ReadabilityResult {
  /** The parts joined one per line, as scored. */
  text: string;
  sentences: number;
  words: number;
  syllables: number;
  /** FK grade for English, Fernández-Huerta score for Spanish. */
  score: number;
}

const LETTER = String.raw`\p{L}\p{M}\p{N}`;
/** Letters/digits joined by hyphens or apostrophes, or by a point/comma between digits ("1.5"). */
const WORD = new RegExp(
  String.raw`[${LETTER}]+(?:(?:[-‐‑'’]|(?<=\p{N})[.,](?=\p{N}))[${LETTER}]+)*`,
  'gu',
);
const CAPITALS = /^\p{Lu}{2,5}$/u;
/**
 * A short all-capital word read letter by letter: three letters or fewer ("ECT", "TMS"), no vowel
 * ("BDNF", "PTSD"), or three consonants in a row ("SSRI"). Others ("NASA", "COVID") are read as words.
 */
function isInitialism(word: string): boolean {
  if (!CAPITALS.test(word)) return false;
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '');
  return plain.length <= 3 || !/[AEIOU]/.test(plain) || /[^AEIOU]{3}/.test(plain);
}
const HAS_WORD = new RegExp(`[${LETTER}]`, 'u');

/** The words of `text`, punctuation stripped. */
export function words(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}

/**
 * Sentences of `text`: split after `.`, `!`, `?` or `…` (with any closing quotes or brackets) when
 * followed by white space or the end, and at every line break (one list item per line). A text with
 * no end punctuation is one sentence; pieces with no letters or digits are dropped.
 */
export function sentences(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\r\n|\r|\n|(?<=[.!?…]+["'”’»)\]]*)\s+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => HAS_WORD.test(sentence));
}

// ---------------------------------------------------------------------------------------------
// English

const EN_ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];
/**
 * Syllables of the English number words, given here rather than asked of the package, which
 * miscounts some of them ("nineteen", "ninety": 3).
 */
const EN_NUMBER_SYLLABLES: Record<string, number> = {
  zero: 2,
  seven: 2,
  eleven: 3,
  thirteen: 2,
  fourteen: 2,
  fifteen: 2,
  sixteen: 2,
  seventeen: 3,
  eighteen: 2,
  nineteen: 2,
  twenty: 2,
  thirty: 2,
  forty: 2,
  fifty: 2,
  sixty: 2,
  seventy: 3,
  eighty: 2,
  ninety: 2,
  hundred: 2,
  thousand: 2,
  million: 2,
  billion: 2,
  // every other number word (one … ten, twelve, point) has one syllable
};
const EN_SCALES: [number, string][] = [
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

function englishCardinal(n: number): string[] {
  for (const [size, name] of EN_SCALES) {
    if (n >= size) {
      const rest = n % size;
      return [
        ...englishCardinal(Math.floor(n / size)),
        name,
        ...(rest ? englishCardinal(rest) : []),
      ];
    }
  }
  if (n >= 100) {
    const rest = n % 100;
    return [EN_ONES[Math.floor(n / 100)]!, 'hundred', ...(rest ? englishCardinal(rest) : [])];
  }
  if (n >= 20) {
    const unit = n % 10;
    return [EN_TENS[Math.floor(n / 10)]!, ...(unit ? [EN_ONES[unit]!] : [])];
  }
  return [EN_ONES[n]!];
}

/**
 * How a number is read aloud in `language`. English groups thousands with commas and uses a decimal
 * point ("1,200.5" → one thousand two hundred point five); Spanish the other way round ("1.200,5" →
 * mil doscientos coma cinco). Digits after the decimal mark are read one by one.
 */
function numberWords(digits: string, language: ReadabilityLanguage): string[] {
  const [cardinal, group, decimal, point] =
    language === 'en'
      ? ([englishCardinal, ',', '.', 'point'] as const)
      : ([spanishCardinal, '.', ',', 'coma'] as const);
  const grouping = new RegExp(`^\\d{1,3}(?:\\${group}\\d{3})+(?:\\${decimal}\\d+)?$`);
  const plain = grouping.test(digits) ? digits.replaceAll(group, '') : digits;
  const [whole = '', ...fractions] = plain.split(/[.,]/);
  const oneByOne = (part: string) => [...part].flatMap((digit) => cardinal(Number(digit)));
  return [
    ...(whole.length <= 12 ? cardinal(Number(whole)) : oneByOne(whole)),
    ...fractions.flatMap((part) => [point, ...oneByOne(part)]),
  ];
}

/**
 * Syllables of one English word or number. Letters go to the `syllable` package; numbers are
 * counted as read aloud; short all-capital initialisms are read letter by letter.
 */
export function englishSyllables(word: string): number {
  return countParts(word, 'en');
}

function englishPart(part: string): number {
  if (isInitialism(part))
    return [...part].reduce((sum, letter) => sum + (letter === 'W' ? 3 : 1), 0);
  return Math.max(1, syllable(part));
}

/**
 * Flesch–Kincaid grade level: 0.39·(words/sentences) + 11.8·(syllables/words) − 15.59.
 */
export function fleschKincaidGrade(text: string): number {
  return score(text, 'en').score;
}

// ---------------------------------------------------------------------------------------------
// Spanish

const ES_UNITS = [
  'cero',
  'uno',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const ES_TENS = [
  '',
  '',
  '',
  'treinta',
  'cuarenta',
  'cincuenta',
  'sesenta',
  'setenta',
  'ochenta',
  'noventa',
];
const ES_HUNDREDS = [
  '',
  'ciento',
  'doscientos',
  'trescientos',
  'cuatrocientos',
  'quinientos',
  'seiscientos',
  'setecientos',
  'ochocientos',
  'novecientos',
];

function spanishCardinal(n: number): string[] {
  if (n >= 1e6) {
    const millions = Math.floor(n / 1e6);
    const rest = n % 1e6;
    const head = millions === 1 ? ['un', 'millón'] : [...spanishCardinal(millions), 'millones'];
    return [...head, ...(rest ? spanishCardinal(rest) : [])];
  }
  if (n >= 1000) {
    const thousands = Math.floor(n / 1000);
    const rest = n % 1000;
    const head = thousands === 1 ? ['mil'] : [...spanishCardinal(thousands), 'mil'];
    return [...head, ...(rest ? spanishCardinal(rest) : [])];
  }
  if (n === 100) return ['cien'];
  if (n > 100) {
    const rest = n % 100;
    return [ES_HUNDREDS[Math.floor(n / 100)]!, ...(rest ? spanishCardinal(rest) : [])];
  }
  if (n >= 30) {
    const unit = n % 10;
    return [ES_TENS[Math.floor(n / 10)]!, ...(unit ? ['y', ES_UNITS[unit]!] : [])];
  }
  return [ES_UNITS[n]!];
}

/** Syllables of each Spanish letter name, as recommended by the RAE ("efe", "uve doble", "ye"). */
const ES_LETTER_NAMES: Record<string, number> = {
  f: 2,
  h: 2,
  j: 2,
  l: 2,
  m: 2,
  n: 2,
  ñ: 2,
  r: 2,
  s: 2,
  v: 2,
  w: 4,
  x: 2,
  z: 2,
};

/** Unaccented weak vowels; every other vowel (a, e, o, í, ú, …) is a nucleus of its own. */
const WEAK = new Set('iuüïy');

/**
 * Syllables of one Spanish word, by counting vowel nuclei:
 * - a, e, o are strong; i, u, ü are weak. Two strong vowels are a hiatus (two syllables).
 * - A weak vowel next to a strong one, or two weak vowels, form a diphthong (one syllable);
 *   weak-strong-weak is a triphthong ("buey", "Uruguay": one).
 * - An accented weak vowel (í, ú) is its own nucleus: "día", "país", "baúl" are hiatuses.
 * - "y" is a vowel only at the end of a word or alone ("hoy", "muy", "y"), a consonant elsewhere.
 * - The u of "que", "qui", "gue", "gui" is silent; "gü" is pronounced ("pingüino").
 * - A silent h between vowels does not break them apart ("ahumar" = 2, "búho" = 2).
 * Numbers are counted as read aloud, short initialisms by their letter names; a word with no
 * vowel counts as one syllable.
 */
export function spanishSyllables(word: string): number {
  return countParts(word, 'es');
}

function spanishPart(part: string): number {
  if (isInitialism(part)) {
    return [...part.toLowerCase()].reduce((sum, letter) => sum + (ES_LETTER_NAMES[letter] ?? 1), 0);
  }
  const letters = part
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '')
    .replace(/ch/g, 'c') // the h of "ch" is part of a consonant, not a silent h
    .replace(/h/g, '')
    .replace(/([qg])u(?=[eiéí])/g, '$1') // que, qui, gue, gui: silent u
    .replace(/y(?!$)/g, 'j'); // y is a consonant except at the end of a word (or alone)
  let nuclei = 0;
  for (const run of letters.match(/[aeiouyáéíóúàèìòùâêôüï]+/g) ?? []) {
    nuclei += vowelRunNuclei(run);
  }
  return Math.max(1, nuclei);
}

/**
 * Nuclei in a run of adjacent vowels: one per strong or accented weak vowel. Unaccented weak vowels
 * lean on a neighbouring nucleus (diphthong, triphthong); a run of weak vowels only is one nucleus.
 */
function vowelRunNuclei(run: string): number {
  const nuclei = [...run].filter((vowel) => !WEAK.has(vowel)).length;
  return nuclei > 0 ? nuclei : 1;
}

/**
 * Fernández-Huerta readability: L = 206.84 − 0.60·P − 1.02·F, where P is syllables per 100 words
 * and F is words per sentence (Law's correction of the published formula; see score()).
 */
export function fernandezHuerta(text: string): number {
  return score(text, 'es').score;
}

// ---------------------------------------------------------------------------------------------
// Shared

function countParts(word: string, language: ReadabilityLanguage): number {
  let total = 0;
  for (const piece of word.normalize('NFC').split(/[-‐‑]/)) {
    // Letters and digits run together ("COVID19"): count each run on its own terms.
    for (const part of piece.match(/\p{N}+(?:[.,]\p{N}+)*|[^\p{N}]+/gu) ?? []) {
      if (/^\p{N}/u.test(part)) {
        const said = numberWords(part, language);
        total += said.reduce(
          (sum, spoken) =>
            sum + (language === 'en' ? (EN_NUMBER_SYLLABLES[spoken] ?? 1) : spanishPart(spoken)),
          0,
        );
      } else {
        const letters = part.replace(/['’]/g, '');
        if (!HAS_WORD.test(letters)) continue;
        total += language === 'en' ? englishPart(letters) : spanishPart(letters);
      }
    }
  }
  return total;
}

function score(text: string, language: ReadabilityLanguage): ReadabilityResult {
  const wordList = words(text);
  const sentenceCount = sentences(text).length;
  const syllableCount = wordList.reduce(
    (sum, word) => sum + (language === 'en' ? englishSyllables(word) : spanishSyllables(word)),
    0,
  );
  const wordCount = wordList.length;
  const perWord = (n: number) => (wordCount === 0 ? 0 : n / wordCount);
  const wordsPerSentence = sentenceCount === 0 ? 0 : wordCount / sentenceCount;
  const value =
    language === 'en'
      ? 0.39 * wordsPerSentence + 11.8 * perWord(syllableCount) - 15.59
      : // Fernández-Huerta as corrected by Law (2011): F is words per sentence, as in Flesch,
        // whose formula it adapts; read as "sentences per 100 words" it would reward long
        // sentences, the opposite of plain language.
        206.84 - 0.6 * 100 * perWord(syllableCount) - 1.02 * wordsPerSentence;
  return {
    text,
    sentences: sentenceCount,
    words: wordCount,
    syllables: syllableCount,
    score: value,
  };
}

/**
 * Scores a slide's visible text. Each part (title, subtitle, bullet point, heading) ends a
 * sentence of its own: the parts are joined one per line, and every line break ends a sentence.
 */
export function readabilityOf(
  parts: readonly string[],
  language: ReadabilityLanguage,
): ReadabilityResult {
  const text = parts
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join('\n');
  return score(text, language);
}
