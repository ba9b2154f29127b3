import { useLayoutEffect, useRef, type RefObject } from 'react';

/** The smallest the words go (of their size) before they are left to clip. */
const SMALLEST_SCALE = 0.6;
const STEP = 0.05;

/** Whether the slide's words need more room than it has: into its margins, or off its edges. */
export function wordsStickOut(view: HTMLElement): boolean {
  const box = view.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return false;
  if (view.scrollHeight > view.clientHeight + 1 || view.scrollWidth > view.clientWidth + 1)
    return true;
  for (const element of view.querySelectorAll('h2, h3, p, li')) {
    const rect = element.getBoundingClientRect();
    if (
      rect.top < box.top - 1 ||
      rect.bottom > box.bottom + 1 ||
      rect.left < box.left - 1 ||
      rect.right > box.right + 1
    )
      return true;
  }
  return false;
}

/**
 * Steps a slide's type down (--fit-scale) until its words fit, so a clinic's long slide, or any
 * slide with larger text on a small screen, loses nothing off its edges. Checked again when the
 * slide or its stage changes size (a turned screen, larger text). A slide that fits is left as
 * it is.
 */
export function useFitToSlide(
  enabled: boolean,
  content: unknown,
): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const view = ref.current;
    if (!enabled || !view) return;
    let scale = 1;
    const fit = () => {
      const next = (value: number) => {
        scale = value;
        if (value === 1) view.style.removeProperty('--fit-scale');
        else view.style.setProperty('--fit-scale', value.toFixed(2));
      };
      next(1);
      while (wordsStickOut(view) && scale > SMALLEST_SCALE + STEP / 2) next(scale - STEP);
    };
    fit();
    // The stage's size and the words' own size (larger text) both change what fits.
    const observer = new ResizeObserver(fit);
    observer.observe(view);
    const text = view.firstElementChild;
    if (text) observer.observe(text);
    return () => observer.disconnect();
  }, [enabled, content]);
  return ref;
}
