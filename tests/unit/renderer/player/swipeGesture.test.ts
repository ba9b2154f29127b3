import { describe, expect, it } from 'vitest';
import { createSwipeTracker } from '../../../../renderer/src/player/swipeGesture';

const left = 0;
const width = 1000;

/** Drags pointer 1 from (x0, y0) by (dx, dy) in `steps` moves `stepMs` apart; returns the end. */
function drag(dx: number, dy: number, steps = 10, stepMs = 16, restMs = 0) {
  const tracker = createSwipeTracker();
  tracker.down(1, 500, 300, 0);
  let t = 0;
  for (let step = 1; step <= steps; step += 1) {
    t += stepMs;
    tracker.move(1, 500 + (dx * step) / steps, 300 + (dy * step) / steps, t);
  }
  return tracker.up(1, 500 + dx, 300 + dy, t + restMs, left, width);
}

describe('swipe decisions', () => {
  it('commits past a fifth of the width, either way', () => {
    expect(drag(-250, 0, 10, 50, 200)).toMatchObject({ kind: 'commit', direction: 'next' });
    expect(drag(250, 0, 10, 50, 200)).toMatchObject({ kind: 'commit', direction: 'previous' });
  });

  it('springs back from a short, slow drag', () => {
    expect(drag(-150, 0, 10, 50, 200)).toMatchObject({ kind: 'spring-back', dx: -150 });
  });

  it('commits a short drag released at speed: a flick', () => {
    expect(drag(-100, 0, 4, 10)).toMatchObject({ kind: 'commit', direction: 'next' });
  });

  it('does not take a fast jitter for a flick', () => {
    expect(drag(-20, 0, 2, 5).kind).not.toBe('commit');
  });

  it('ignores a drag that starts mostly vertical', () => {
    expect(drag(-300, -400).kind).toBe('none');
  });

  it('reads a still, short touch as a tap in one of three zones', () => {
    const tapAt = (x: number) => {
      const tracker = createSwipeTracker();
      tracker.down(1, x, 300, 0);
      return tracker.up(1, x + 2, 301, 120, left, width);
    };
    expect(tapAt(100)).toEqual({ kind: 'tap', zone: 'previous' });
    expect(tapAt(500)).toEqual({ kind: 'tap', zone: 'middle' });
    expect(tapAt(900)).toEqual({ kind: 'tap', zone: 'next' });
  });

  it('does not count a long press as a tap', () => {
    const tracker = createSwipeTracker();
    tracker.down(1, 900, 300, 0);
    expect(tracker.up(1, 900, 300, 3000, left, width).kind).toBe('none');
  });

  it('never changes the slide when a second finger joins', () => {
    const tracker = createSwipeTracker();
    tracker.down(1, 500, 300, 0);
    tracker.move(1, 400, 300, 16);
    tracker.down(2, 600, 300, 20);
    expect(tracker.isDragging()).toBe(false);
    tracker.move(1, 100, 300, 40);
    expect(tracker.up(1, 100, 300, 50, left, width).kind).toBe('none');
    expect(tracker.up(2, 800, 300, 60, left, width).kind).toBe('none');
    // Once both fingers are up, the next swipe works again.
    tracker.down(3, 500, 300, 100);
    tracker.move(3, 200, 300, 150);
    expect(tracker.up(3, 200, 300, 400, left, width)).toMatchObject({ kind: 'commit' });
  });

  it('springs back when the system takes the pointer away', () => {
    const tracker = createSwipeTracker();
    tracker.down(1, 500, 300, 0);
    tracker.move(1, 300, 300, 16);
    expect(tracker.cancel(1)).toEqual({ kind: 'spring-back', dx: -200 });
  });
});
