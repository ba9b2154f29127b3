import { describe, expect, it } from 'vitest';
import type { SlideTotals } from '../../../../contract';
import { slidesByTimeShown } from '../../../../renderer/src/admin/reports/reportView';

const slide = (slideId: string, plays: number, seconds: number): SlideTotals => ({
  slideId,
  plays,
  seconds,
  failed: 0,
  browsed: 0,
  lastInSessions: 0,
});

describe('the plays chart of the Reports screen', () => {
  it('lists the slide still on screen, whose play has no seconds yet, with the others', () => {
    const slides = [slide('welcome', 1, 0), slide('bdnf', 3, 45), slide('never', 0, 0)];
    expect(slidesByTimeShown(slides).map((row) => row.slideId)).toEqual(['bdnf', 'welcome']);
  });

  it('puts the longest on screen first and keeps at most twelve', () => {
    const slides = Array.from({ length: 14 }, (_, index) => slide(`s${index}`, 1, index));
    const shown = slidesByTimeShown(slides);
    expect(shown).toHaveLength(12);
    expect(shown[0]!.slideId).toBe('s13');
    expect(shown.at(-1)!.slideId).toBe('s2');
  });
});
