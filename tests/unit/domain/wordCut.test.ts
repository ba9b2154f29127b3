import { describe, expect, it } from 'vitest';
import { cutAtWord } from '../../../domain';

describe('cutAtWord', () => {
  it('leaves text within the limit as it is, a trailing space too', () => {
    expect(cutAtWord('Have your photo ID ready', 24)).toBe('Have your photo ID ready');
    expect(cutAtWord('Have your ', 24)).toBe('Have your ');
  });

  it('drops a word the limit would cut in half', () => {
    expect(cutAtWord('Have your photo ID ready for the front desk', 20)).toBe('Have your photo ID');
    expect(cutAtWord('Have your photo ID ready f', 25)).toBe('Have your photo ID ready');
  });

  it('keeps a word that ends right at the limit', () => {
    expect(cutAtWord('Have your photo ID ready for', 24)).toBe('Have your photo ID ready');
    expect(cutAtWord('Have your photo ID ready  ', 24)).toBe('Have your photo ID ready');
  });

  it('cuts a single word longer than the limit where the limit falls', () => {
    expect(cutAtWord('https://clinic.example/a-very-long-page', 10)).toBe('https://cl');
  });

  it('never returns more than the limit, whatever the text', () => {
    const words = 'a bb ccc dddd eeeee ffffff   ggggggg\nhhhhhhhh';
    for (let max = 1; max <= words.length; max += 1) {
      const cut = cutAtWord(words, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(words.startsWith(cut)).toBe(true);
    }
  });
});
