import { useEffect, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { Slideshow } from './slideshow';
import { createSwipeTracker } from './swipeGesture';

const SETTLE_MS = 260;
const SETTLE_EASING = 'cubic-bezier(0.2, 0.8, 0.2, 1)';
const MAX_CATCH_UP_MS = 50;

/**
 * Touch, pen and mouse on the slide area: the slide follows the finger, commits past a fifth
 * of the width or on a flick, otherwise springs back; taps on the outer thirds go back and
 * forward. Moves are written straight to the elements' transforms (no React render per
 * frame); only a committed swipe changes the slideshow.
 */
export function useSwipe(containerRef: RefObject<HTMLElement | null>, slideshow: Slideshow): void {
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const tracker = createSwipeTracker();
    let settling: Animation[] = [];
    let lastDx = 0;
    let dragged: { current: HTMLElement; neighbour: HTMLElement | null; sign: number } | null =
      null;

    const slideElements = () =>
      Array.from(container.querySelectorAll<HTMLElement>(':scope > .carousel__slide'));

    function placeDrag(dx: number): void {
      const slides = slideElements();
      const count = slides.length;
      if (count < 2) return;
      const index = slideshow.getState().index;
      const current = slides[index];
      if (!current) return;
      const sign = dx < 0 ? 1 : -1; // 1: the next slide comes in from the right
      const neighbour = slides[(index + sign + count) % count] ?? null;
      if (dragged && dragged.neighbour !== neighbour) clearPeek(dragged.neighbour);
      dragged = { current, neighbour, sign };
      container!.classList.add('is-dragging');
      current.style.transform = `translate3d(${dx}px, 0, 0)`;
      if (neighbour) {
        neighbour.dataset['peek'] = '';
        neighbour.style.transform = `translate3d(calc(${sign * 100}% + ${dx}px), 0, 0)`;
      }
    }

    function clearPeek(element: HTMLElement | null): void {
      if (!element) return;
      delete element.dataset['peek'];
      element.style.removeProperty('transform');
    }

    function finishDrag(): void {
      for (const animation of settling) animation.cancel();
      settling = [];
      if (dragged) {
        dragged.current.style.removeProperty('transform');
        clearPeek(dragged.neighbour);
      }
      dragged = null;
      container!.classList.remove('is-dragging');
    }

    /**
     * `releasedAt` (the pointerup's timeStamp): the settle animation is timed from the finger's
     * release, not from the next frame, so the very first frame after the release already
     * shows the slide moving on (a new animation otherwise waits a frame as "pending" and then
     * starts at its first keyframe, which is where the finger left the slide).
     */
    function settle(dx: number, commit: boolean, releasedAt?: number): void {
      if (!dragged) return;
      const { current, neighbour, sign } = dragged;
      const width = container!.clientWidth;
      const currentTo = commit ? -sign * width : 0;
      const options: KeyframeAnimationOptions = {
        duration: reducedMotion() ? 0 : SETTLE_MS,
        easing: SETTLE_EASING,
        fill: 'forwards',
      };
      settling = [
        current.animate(
          [
            { transform: `translate3d(${dx}px, 0, 0)` },
            { transform: `translate3d(${currentTo}px, 0, 0)` },
          ],
          options,
        ),
      ];
      if (neighbour) {
        settling.push(
          neighbour.animate(
            [
              { transform: `translate3d(${sign * width + dx}px, 0, 0)` },
              { transform: `translate3d(${commit ? 0 : sign * width}px, 0, 0)` },
            ],
            options,
          ),
        );
      }
      const now = document.timeline.currentTime;
      if (releasedAt !== undefined && typeof now === 'number' && releasedAt <= now) {
        // A release handled late (a busy frame) catches up by at most a few frames, no jump.
        const startTime = Math.max(releasedAt, now - MAX_CATCH_UP_MS);
        for (const animation of settling) animation.startTime = startTime;
      }
      const done = settling[0]!.finished;
      void done.then(
        () => {
          if (commit) {
            // The incoming slide already sits in place: it arrives without the fade.
            flushSync(() => (sign === 1 ? slideshow.next('swipe') : slideshow.previous('swipe')));
          }
          finishDrag();
        },
        () => undefined,
      );
    }

    const onPointerDown = (event: PointerEvent) => {
      if (settling.length > 0) return;
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      tracker.down(event.pointerId, event.clientX, event.clientY, event.timeStamp);
      if (event.isPrimary) container.setPointerCapture?.(event.pointerId);
    };
    const onPointerMove = (event: PointerEvent) => {
      const move = tracker.move(event.pointerId, event.clientX, event.clientY, event.timeStamp);
      if (move.kind === 'drag') {
        lastDx = move.dx;
        placeDrag(move.dx);
      } else if (dragged && !tracker.isDragging() && settling.length === 0) {
        settle(lastDx, false); // a second finger joined: never a slide change
      }
    };
    const onPointerUp = (event: PointerEvent) => {
      const box = container.getBoundingClientRect();
      const end = tracker.up(
        event.pointerId,
        event.clientX,
        event.clientY,
        event.timeStamp,
        box.left,
        box.width,
      );
      if (end.kind === 'commit') settle(end.dx, true, event.timeStamp);
      else if (end.kind === 'spring-back') settle(end.dx, false, event.timeStamp);
      else if (dragged && settling.length === 0) settle(lastDx, false);
      else if (end.kind === 'tap' && end.zone === 'next') slideshow.next();
      else if (end.kind === 'tap' && end.zone === 'previous') slideshow.previous();
    };
    const onPointerCancel = (event: PointerEvent) => {
      const end = tracker.cancel(event.pointerId);
      if (end.kind === 'spring-back') settle(end.dx, false);
    };

    container.addEventListener('pointerdown', onPointerDown);
    container.addEventListener('pointermove', onPointerMove);
    container.addEventListener('pointerup', onPointerUp);
    container.addEventListener('pointercancel', onPointerCancel);
    return () => {
      container.removeEventListener('pointerdown', onPointerDown);
      container.removeEventListener('pointermove', onPointerMove);
      container.removeEventListener('pointerup', onPointerUp);
      container.removeEventListener('pointercancel', onPointerCancel);
      finishDrag();
    };
  }, [containerRef, slideshow]);
}

function reducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
