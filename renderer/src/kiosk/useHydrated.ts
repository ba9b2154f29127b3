import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False while React renders what index.html carries prerendered (at build time, and when the
 * page takes that markup over with hydrateRoot); true from the next render on, and from the
 * start when there was nothing to take over. What the prerendered page does not carry (the
 * control bar, the slides after the first, the progress bar's inline duration, which the CSP
 * refuses in HTML) waits for it, so the first render matches the HTML node for node.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
