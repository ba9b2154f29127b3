import { describe, expect, it } from 'vitest';
import { watchClock } from '../../../domain';

function fakeClocks() {
  let wall = Date.UTC(2026, 2, 8, 9, 0, 0);
  let monotonic = 1000;
  let tick: (() => void) | null = null;
  return {
    wallNow: () => wall,
    monotonicNow: () => monotonic,
    setInterval: (callback: () => void) => {
      tick = callback;
      return 1;
    },
    clearInterval: () => {
      tick = null;
    },
    /** Time passes on both clocks; `set` moves only the wall clock. */
    pass(ms: number, set = 0) {
      wall += ms + set;
      monotonic += ms;
      tick?.();
    },
    get running() {
      return tick !== null;
    },
  };
}

describe('watchClock', () => {
  it('stays quiet while both clocks move together, with timer jitter', () => {
    const clocks = fakeClocks();
    const jumps: number[] = [];
    watchClock({ ...clocks, onJump: (jump) => jumps.push(jump) });
    for (let i = 0; i < 100; i += 1) clocks.pass(2000, (i % 2 === 0 ? 1 : -1) * 40);
    expect(jumps).toEqual([]);
  });

  it('reports a clock set forward or back, once, by how far it moved', () => {
    const clocks = fakeClocks();
    const jumps: number[] = [];
    watchClock({ ...clocks, onJump: (jump) => jumps.push(jump) });
    clocks.pass(2000, 3_600_000);
    clocks.pass(2000);
    clocks.pass(2000, -7_200_000);
    expect(jumps).toEqual([3_600_000, -7_200_000]);
  });

  it('stops when asked', () => {
    const clocks = fakeClocks();
    const stop = watchClock({ ...clocks, onJump: () => undefined });
    expect(clocks.running).toBe(true);
    stop();
    expect(clocks.running).toBe(false);
  });
});
