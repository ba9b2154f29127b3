import { useEffect, type RefObject } from 'react';

/**
 * Decodes the images of the slides on either side of the current one, so whichever comes next
 * is ready to draw the moment it shows: no half-painted frame, no flash between slides.
 */
export function useDecodeNeighbours(
  containerRef: RefObject<HTMLElement | null>,
  index: number,
  count: number,
): void {
  useEffect(() => {
    const container = containerRef.current;
    if (!container || count < 2) return;
    const slides = container.querySelectorAll<HTMLElement>(':scope > .carousel__slide');
    for (const neighbour of new Set([(index + 1) % count, (index - 1 + count) % count])) {
      for (const image of slides[neighbour]?.querySelectorAll('img') ?? []) {
        // A broken image is the slide's own problem; decoding must never throw here.
        image.decode().catch(() => undefined);
      }
    }
  }, [containerRef, index, count]);
}
