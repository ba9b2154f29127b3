import type { LocalizedText } from '../../../contract';

/** The non-blank lines of what staff typed, trimmed. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Lines typed one per line in English and Spanish, paired by position (Spanish optional). */
export function pairLines(english: string, spanish: string): LocalizedText[] {
  const es = splitLines(spanish);
  return splitLines(english).map((en, index) => {
    const translation = es[index];
    return translation ? { en, es: translation } : { en };
  });
}
