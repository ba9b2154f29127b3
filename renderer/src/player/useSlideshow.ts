import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  createSlideshow,
  type Slideshow,
  type SlideshowOptions,
  type SlideshowState,
} from './slideshow';

/** One slideshow for the component's lifetime; disposed (timers cleared) on unmount. */
export function useSlideshow(options: SlideshowOptions): [Slideshow, SlideshowState] {
  const [slideshow] = useState(() => createSlideshow(options));
  useEffect(() => () => slideshow.dispose(), [slideshow]);
  // The state it starts in is the prerendered first screen's too (the same on the server).
  const state = useSyncExternalStore(slideshow.subscribe, slideshow.getState, slideshow.getState);
  return [slideshow, state];
}
