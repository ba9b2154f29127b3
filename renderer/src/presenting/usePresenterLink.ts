import { useEffect, useRef, useState } from 'react';
import type { Slideshow, SlideshowState } from '../player/slideshow';
import { broadcastChannel, createPresenterLink, type PresenterLink } from './presenterLink';

/**
 * Joins this view to the other views of the same presentation: local moves are announced,
 * remote moves are applied. Only while presenting; the waiting-room loop runs alone.
 */
export function usePresenterLink(
  enabled: boolean,
  slideshow: Slideshow,
  state: SlideshowState,
  blank: boolean,
  setBlank: (blank: boolean) => void,
): void {
  const blankRef = useRef(blank);
  const [link, setLink] = useState<PresenterLink | null>(null);
  useEffect(() => {
    blankRef.current = blank;
  }, [blank]);
  useEffect(() => {
    if (!enabled || typeof BroadcastChannel === 'undefined') return;
    const created = createPresenterLink({
      channel: broadcastChannel(),
      id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
      getPosition: () => {
        const { index, step } = slideshow.getState();
        return { index, step, blank: blankRef.current };
      },
      applyPosition: (position) => {
        blankRef.current = position.blank;
        setBlank(position.blank);
        slideshow.setPosition(position.index, position.step);
      },
    });
    setLink(created);
    return () => {
      created.dispose();
      setLink(null);
    };
  }, [enabled, slideshow, setBlank]);
  useEffect(() => {
    link?.announce();
  }, [link, state.index, state.step, blank]);
}
