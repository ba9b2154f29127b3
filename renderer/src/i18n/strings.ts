import { createContext, useCallback, useContext } from 'react';
import type { Language } from '../../../contract';
import en from './en.json';
import es from './es.json';

/*
 * The player's ~35 strings, looked up by a typed key. i18next (about 15 kB gzip) did only
 * this for the player: one namespace, two languages, {{name}} placeholders. The staff admin,
 * which needs more of it, keeps i18next in its own lazily loaded chunk.
 */
type Sections = typeof en;
/** 'carousel.next', 'presenting.step', …: every string the player can show. */
export type StringKey = {
  [S in keyof Sections]: `${S & string}.${keyof Sections[S] & string}`;
}[keyof Sections];
export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

const TABLES: Record<Language, Sections> = { en, es };

export function translate(
  language: Language,
  key: StringKey,
  values?: Record<string, string | number>,
): string {
  const [section, name] = key.split('.') as [keyof Sections, string];
  const read = (table: Sections) => (table[section] as Record<string, string | undefined>)[name];
  const text = read(TABLES[language]) ?? read(en) ?? key;
  return values
    ? text.replace(/\{\{(\w+)\}\}/g, (whole, v: string) => String(values[v] ?? whole))
    : text;
}

/** The language the player's own words are in; each screen sets it for what it shows. */
export const LanguageContext = createContext<Language>('en');

/** `t(key, values)` in the language of the nearest LanguageContext. */
export function useStrings(): Translate {
  const language = useContext(LanguageContext);
  return useCallback<Translate>((key, values) => translate(language, key, values), [language]);
}
