import { schema, z } from './zod';

/** Languages the kiosk can show. Spanish content arrives later without a schema change. */
export const LANGUAGES = ['en', 'es'] as const;
export const LanguageSchema = /* @__PURE__ */ z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

const nonBlank = /* @__PURE__ */ schema(() => z.string().check(z.trim(), z.minLength(1)));

/** Text in one or more languages; English is always present and is the fallback. */
export const LocalizedTextSchema = /* @__PURE__ */ z.strictObject({
  en: nonBlank,
  es: z.optional(nonBlank),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export function localize(text: LocalizedText, language: Language): string {
  return text[language] ?? text.en;
}
