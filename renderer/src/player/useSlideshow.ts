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
  const state = useSyncExternalStore(slideshow.subscribe, slideshow.getState);
  return [slideshow, state];
}
