import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ILLUSTRATION_IDS } from '../../../contract';
import { fillLabels, labelKeys } from '../../../renderer/src/slides/illustrations';
import { deck } from '../../e2e/deck';

const folder = new URL('../../../assets/illustrations/', import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith('.svg'));
const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');

describe('illustrations', () => {
  it('exist for every illustration id the contract names', () => {
    expect(files.sort()).toEqual(ILLUSTRATION_IDS.map((id) => `${id}.svg`).sort());
  });

  it.each(files)('%s is inert markup the CSP allows: no script, style, link or handler', (name) => {
    const svg = read(name);
    expect(svg).toMatch(/^<svg [^>]*viewBox="[\d. ]+"[^>]*aria-hidden="true"/);
    expect(svg).not.toMatch(/<script|<style|style="|href=|<image|<foreignObject|\son[a-z]+=/i);
    expect(svg).not.toMatch(/<title|<desc/);
  });

  it('every word drawn in a picture has a label in the deck, so it can be translated', () => {
    for (const slide of deck.slides) {
      if (!slide.illustration) continue;
      const keys = labelKeys(read(`${slide.illustration.id}.svg`));
      expect(Object.keys(slide.illustration.labels).sort(), slide.id).toEqual([...keys].sort());
    }
  });

  it('draws "more and fuller" spines after ketamine, not a sevenfold change', () => {
    const spines = (name: string) =>
      [...read(name).matchAll(/<circle cx="[\d.]+" cy="[\d.]+" r="([\d.]+)"\/><\/g>/g)].map(
        (match) => Number(match[1]),
      );
    const before = spines('neuron-before.svg');
    const after = spines('neuron-after.svg');
    const ratio = after.length / before.length;
    expect(ratio, `${after.length} spines after, ${before.length} before`).toBeGreaterThan(1.5);
    expect(ratio, `${after.length} spines after, ${before.length} before`).toBeLessThanOrEqual(3);
    const mean = (radii: number[]) => radii.reduce((sum, r) => sum + r, 0) / radii.length;
    expect(mean(after), 'fuller spine heads after').toBeGreaterThan(mean(before) * 1.2);
  });

  it('puts a translated label into the drawing, escaped', () => {
    const svg =
      '<svg><text data-label="ketamine" x="1">Ketamine: hours</text><text>other</text></svg>';
    expect(fillLabels(svg, { ketamine: 'Ketamina: <horas> & más' })).toBe(
      '<svg><text data-label="ketamine" x="1">Ketamina: &lt;horas&gt; &amp; más</text><text>other</text></svg>',
    );
    expect(fillLabels(svg, {})).toBe(svg);
  });
});
