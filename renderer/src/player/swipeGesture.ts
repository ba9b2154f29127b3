/**
 * Decides what a pointer gesture on the slides means: a horizontal drag that commits or springs
 * back, a tap, or nothing (vertical drags, pinches, several fingers). Plain data in, decisions
 * out, so it is tested without a browser; useSwipe wires it to pointer events and the DOM.
 */

export interface SwipeOptions {
  /** Fraction of the width past which a released drag commits. */
  commitFraction: number;
  /** Release speed (px/ms) that commits a shorter drag: a flick. */
  flickVelocity: number;
  /** A flick must still travel this far (px), so a jittery tap never changes the slide. */
  flickMinDistance: number;
  /** Movement (px) under which a gesture is still a tap. */
  slop: number;
  /** Longest press (ms) that still counts as a tap. */
  tapMaxMs: number;
}

export const DEFAULT_SWIPE_OPTIONS: SwipeOptions = {
  commitFraction: 0.2,
  flickVelocity: 0.5,
  flickMinDistance: 40,
  slop: 12,
  tapMaxMs: 600,
};

export type SwipeMove = { kind: 'idle' } | { kind: 'drag'; dx: number };

export type SwipeEnd =
  | { kind: 'none' }
  | { kind: 'tap'; zone: 'previous' | 'middle' | 'next' }
  | { kind: 'commit'; direction: 'next' | 'previous'; dx: number }
  | { kind: 'spring-back'; dx: number };

interface Sample {
  x: number;
  t: number;
}

type Phase = 'waiting' | 'pending' | 'dragging' | 'ignored';

export interface SwipeTracker {
  down(pointerId: number, x: number, y: number, time: number): void;
  move(pointerId: number, x: number, y: number, time: number): SwipeMove;
  /** `left` and `width` describe the slide area, for commit distance and tap zones. */
  up(pointerId: number, x: number, y: number, time: number, left: number, width: number): SwipeEnd;
  /** The pointer was taken away (pointercancel): spring back if dragging. */
  cancel(pointerId: number): SwipeEnd;
  isDragging(): boolean;
}

export function createSwipeTracker(options: SwipeOptions = DEFAULT_SWIPE_OPTIONS): SwipeTracker {
  let phase: Phase = 'waiting';
  const pointers = new Set<number>();
  let primary = -1;
  let startX = 0;
  let startY = 0;
  let startTime = 0;
  let samples: Sample[] = [];
  let dx = 0;

  function reset(): void {
    phase = 'waiting';
    primary = -1;
    samples = [];
    dx = 0;
  }

  function velocity(): number {
    const last = samples.at(-1);
    if (!last) return 0;
    // Speed over the last 100 ms of the drag, so a slow drag ending in a flick still counts.
    const first = samples.find((sample) => last.t - sample.t <= 100) ?? last;
    const elapsed = last.t - first.t;
    return elapsed > 0 ? (last.x - first.x) / elapsed : 0;
  }

  return {
    down(pointerId, x, y, time) {
      pointers.add(pointerId);
      if (pointers.size > 1) {
        // A second finger: a pinch or a palm, never a slide change.
        phase = 'ignored';
        return;
      }
      phase = 'pending';
      primary = pointerId;
      startX = x;
      startY = y;
      startTime = time;
      samples = [{ x, t: time }];
      dx = 0;
    },
    move(pointerId, x, y, time) {
      if (pointerId !== primary || (phase !== 'pending' && phase !== 'dragging')) {
        return phase === 'dragging' ? { kind: 'drag', dx } : { kind: 'idle' };
      }
      const moveX = x - startX;
      const moveY = y - startY;
      if (phase === 'pending') {
        if (Math.hypot(moveX, moveY) < options.slop) return { kind: 'idle' };
        // The first clear movement decides: mostly sideways drags, anything else is ignored.
        phase = Math.abs(moveX) > Math.abs(moveY) ? 'dragging' : 'ignored';
        if (phase === 'ignored') return { kind: 'idle' };
      }
      dx = moveX;
      samples.push({ x, t: time });
      if (samples.length > 20) samples.shift();
      return { kind: 'drag', dx };
    },
    up(pointerId, x, y, time, left, width) {
      pointers.delete(pointerId);
      if (pointerId !== primary) {
        if (pointers.size === 0 && phase === 'ignored') reset();
        return { kind: 'none' };
      }
      const wasPhase = phase;
      const end = (): SwipeEnd => {
        if (wasPhase === 'pending') {
          const still = Math.hypot(x - startX, y - startY) < options.slop;
          if (!still || time - startTime > options.tapMaxMs) return { kind: 'none' };
          const third = (x - left) / width;
          return {
            kind: 'tap',
            zone: third < 1 / 3 ? 'previous' : third > 2 / 3 ? 'next' : 'middle',
          };
        }
        if (wasPhase !== 'dragging') return { kind: 'none' };
        samples.push({ x, t: time });
        const finalDx = x - startX;
        const speed = velocity();
        const farEnough = Math.abs(finalDx) > width * options.commitFraction;
        const flicked =
          Math.abs(speed) > options.flickVelocity &&
          Math.abs(finalDx) >= options.flickMinDistance &&
          Math.sign(speed) === Math.sign(finalDx);
        if (finalDx !== 0 && (farEnough || flicked)) {
          return { kind: 'commit', direction: finalDx < 0 ? 'next' : 'previous', dx: finalDx };
        }
        return { kind: 'spring-back', dx: finalDx };
      };
      const result = end();
      if (pointers.size === 0) reset();
      else phase = 'ignored';
      return result;
    },
    cancel(pointerId) {
      pointers.delete(pointerId);
      const result: SwipeEnd =
        phase === 'dragging' ? { kind: 'spring-back', dx } : { kind: 'none' };
      if (pointers.size === 0) reset();
      else phase = 'ignored';
      return result;
    },
    isDragging: () => phase === 'dragging',
  };
}
