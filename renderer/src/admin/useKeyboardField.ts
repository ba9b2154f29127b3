import { useEffect, useState, type RefObject } from 'react';

export type KeyboardField = HTMLInputElement | HTMLTextAreaElement;

/** A press this recent moved the focus: its click is still to come. */
const PRESS_MS = 1000;
/** The longest wait for that click once the finger or mouse is up. */
const CLICK_WAIT_MS = 700;

/**
 * The text field the on-screen keyboard types into: the focused one that asks for it.
 *
 * When a tap moves the focus to a button (Save), the keyboard stays until that tap's click has
 * run. A touchscreen focuses the button on the mousedown it sends after the finger lifts, then
 * sends the click at the same point: had the keyboard gone in between, the page would have moved
 * under the finger and the click landed elsewhere (the first tap on Save was lost).
 */
export function useKeyboardField(rootRef: RefObject<HTMLElement | null>) {
  const [field, setField] = useState<KeyboardField | null>(null);

  // Once up, the field being typed in is scrolled into view above the keyboard.
  useEffect(() => {
    if (!field) return;
    const frame = requestAnimationFrame(() => field.scrollIntoView({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [field]);

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let pointerDown = false;
    let lastPress = -Infinity;
    let waitTimer: ReturnType<typeof setTimeout> | undefined;
    let waitingForClick: (() => void) | null = null;

    const stopWaiting = () => {
      clearTimeout(waitTimer);
      if (waitingForClick) window.removeEventListener('click', waitingForClick, true);
      waitingForClick = null;
    };
    const hideAfterClick = () => {
      stopWaiting();
      if (!pointerDown && performance.now() - lastPress > PRESS_MS) {
        setField(null);
        return;
      }
      const hide = () => {
        stopWaiting();
        // After the click's own handlers (they run after this capturing listener).
        setTimeout(() => setField(null), 0);
      };
      const fallback = () => {
        if (pointerDown) waitTimer = setTimeout(fallback, CLICK_WAIT_MS);
        else hide();
      };
      waitingForClick = hide;
      window.addEventListener('click', hide, true);
      waitTimer = setTimeout(fallback, CLICK_WAIT_MS);
    };
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      if (
        (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) &&
        target.dataset['oskMode']
      ) {
        stopWaiting();
        setField(target);
      } else if (!(target instanceof Element && target.closest('.osk'))) hideAfterClick();
    };
    const onPointerDown = () => {
      pointerDown = true;
      lastPress = performance.now();
    };
    const onPointerUp = () => {
      pointerDown = false;
      lastPress = performance.now();
    };
    root.addEventListener('focusin', onFocusIn);
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('pointerup', onPointerUp, true);
    window.addEventListener('pointercancel', onPointerUp, true);
    return () => {
      stopWaiting();
      root.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('pointerup', onPointerUp, true);
      window.removeEventListener('pointercancel', onPointerUp, true);
    };
  }, [rootRef]);

  return [field, setField] as const;
}
