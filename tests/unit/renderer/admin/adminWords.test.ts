/**
 * The admin speaks both languages everywhere: every sentence staff can be shown in English has
 * its Spanish, and the other way round (a missing one would show English in the Spanish admin).
 */
import { describe, expect, it } from 'vitest';
import { adminResources } from '../../../../renderer/src/admin/adminI18n';

/** Every sentence, as its path of keys (some keys hold dots: field names). */
function sentencesOf(tree: unknown, at: string[] = []): { path: string[]; text: string }[] {
  if (typeof tree !== 'object' || tree === null) return [{ path: at, text: String(tree) }];
  return Object.entries(tree).flatMap(([key, value]) => sentencesOf(value, [...at, key]));
}

const english = sentencesOf(adminResources.en.admin);
const spanish = sentencesOf(adminResources.es.admin);
const named = (list: typeof english) =>
  new Map(list.map((entry) => [entry.path.join(' › '), entry]));

describe("the admin's words", () => {
  it('has the same sentences in English and Spanish', () => {
    const en = named(english);
    const es = named(spanish);
    expect([...en.keys()].filter((key) => !es.has(key))).toEqual([]);
    expect([...es.keys()].filter((key) => !en.has(key))).toEqual([]);
  });

  it('keeps every placeholder of a sentence in its translation', () => {
    const placeholders = (text: string | undefined) =>
      [...(text ?? '').matchAll(/\{\{(\w+)\}\}/g)]
        .map((match) => match[1])
        .sort()
        .join();
    const es = named(spanish);
    const differ = [...named(english)].filter(
      ([key, entry]) => placeholders(entry.text) !== placeholders(es.get(key)?.text),
    );
    expect(differ.map(([key]) => key)).toEqual([]);
  });
});
