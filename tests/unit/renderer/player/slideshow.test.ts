import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSlideshow,
  type Slideshow,
  type SlideshowOptions,
} from '../../../../renderer/src/player/slideshow';

const seconds = (n: number) => n * 1000;
const threeSlides = [
  { durationMs: seconds(10), steps: 0 },
  { durationMs: seconds(20), steps: 2 },
  { durationMs: seconds(5), steps: 0 },
];

let slideshow: Slideshow;
function start(overrides: Partial<SlideshowOptions> = {}): Slideshow {
  slideshow = createSlideshow({
    slides: threeSlides,
    idleTimeoutMs: seconds(60),
    resumeWhenIdle: true,
    autoplay: true,
    ...overrides,
  });
  return slideshow;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  slideshow?.dispose();
  vi.useRealTimers();
});

describe('the loop', () => {
  it('shows each slide for its own duration and loops from last to first', () => {
    start();
    expect(slideshow.getState()).toMatchObject({ index: 0, rotating: true });
    vi.advanceTimersByTime(seconds(10) - 1);
    expect(slideshow.getState().index).toBe(0);
    vi.advanceTimersByTime(1);
    expect(slideshow.getState().index).toBe(1);
    vi.advanceTimersByTime(seconds(20));
    expect(slideshow.getState().index).toBe(2);
    vi.advanceTimersByTime(seconds(5));
    expect(slideshow.getState().index).toBe(0);
  });

  it('keeps looping for a week of slide changes without piling up timers', () => {
    start({
      slides: [
        { durationMs: seconds(60), steps: 0 },
        { durationMs: seconds(60), steps: 1 },
      ],
    });
    for (let change = 0; change < 10_080; change += 1) vi.advanceTimersByTime(seconds(60));
    expect(slideshow.getState().index).toBe(0);
    expect(vi.getTimerCount()).toBeLessThanOrEqual(2);
  });

  it('reveals build steps by itself during the first half of the slide', () => {
    start();
    vi.advanceTimersByTime(seconds(10));
    expect(slideshow.getState()).toMatchObject({ index: 1, step: 0, steps: 2 });
    vi.advanceTimersByTime(seconds(5));
    expect(slideshow.getState().step).toBe(1);
    vi.advanceTimersByTime(seconds(5));
    expect(slideshow.getState().step).toBe(2);
    vi.advanceTimersByTime(seconds(10));
    expect(slideshow.getState()).toMatchObject({ index: 2, step: 0 });
  });

  it('restarts the progress countdown on every slide', () => {
    start();
    const firstRun = slideshow.getState().run;
    vi.advanceTimersByTime(seconds(10));
    expect(slideshow.getState().run).not.toBe(firstRun);
    expect(slideshow.getState().durationMs).toBe(seconds(20));
  });
});

describe('a person taking over', () => {
  it('pauses on any interaction and resumes after the idle timeout', () => {
    start();
    slideshow.noteInteraction();
    expect(slideshow.getState().rotating).toBe(false);
    vi.advanceTimersByTime(seconds(59));
    expect(slideshow.getState()).toMatchObject({ index: 0, rotating: false });
    vi.advanceTimersByTime(seconds(1));
    expect(slideshow.getState().rotating).toBe(true);
    vi.advanceTimersByTime(seconds(10));
    expect(slideshow.getState().index).toBe(1);
  });

  it('restarts the idle clock with every interaction', () => {
    start();
    slideshow.next();
    vi.advanceTimersByTime(seconds(50));
    slideshow.next();
    vi.advanceTimersByTime(seconds(50));
    expect(slideshow.getState()).toMatchObject({ index: 2, rotating: false });
    vi.advanceTimersByTime(seconds(10));
    expect(slideshow.getState().rotating).toBe(true);
  });

  it('moves by hand with next, previous, first, last and goTo, wrapping at the ends', () => {
    start();
    slideshow.previous();
    expect(slideshow.getState().index).toBe(2);
    slideshow.next();
    expect(slideshow.getState().index).toBe(0);
    slideshow.last();
    expect(slideshow.getState().index).toBe(2);
    slideshow.first();
    expect(slideshow.getState().index).toBe(0);
    slideshow.goTo(1);
    expect(slideshow.getState().index).toBe(1);
    slideshow.goTo(7);
    expect(slideshow.getState().index).toBe(1);
  });

  it('shows a slide whole when a person moves to it', () => {
    start();
    slideshow.goTo(1);
    expect(slideshow.getState()).toMatchObject({ index: 1, step: 2, steps: 2 });
  });

  it('toggles rotation; playing again gives the slide a full turn', () => {
    start();
    vi.advanceTimersByTime(seconds(8));
    slideshow.toggleRotation();
    expect(slideshow.getState().rotating).toBe(false);
    vi.advanceTimersByTime(seconds(30));
    expect(slideshow.getState().index).toBe(0);
    slideshow.toggleRotation();
    expect(slideshow.getState().rotating).toBe(true);
    vi.advanceTimersByTime(seconds(9));
    expect(slideshow.getState().index).toBe(0);
    vi.advanceTimersByTime(seconds(1));
    expect(slideshow.getState().index).toBe(1);
  });

  it('tells subscribers about every change and stops after unsubscribing', () => {
    start();
    const listener = vi.fn();
    const unsubscribe = slideshow.subscribe(listener);
    slideshow.next();
    expect(listener).toHaveBeenCalled();
    listener.mockClear();
    unsubscribe();
    slideshow.next();
    expect(listener).not.toHaveBeenCalled();
  });

  it('leaves no timer behind when disposed', () => {
    start();
    slideshow.next();
    slideshow.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('presenting', () => {
  it('never advances or resumes by itself, and steps through builds before moving on', () => {
    start({ autoplay: false, resumeWhenIdle: false, stepThroughBuilds: true });
    vi.advanceTimersByTime(seconds(3600));
    expect(slideshow.getState()).toMatchObject({ index: 0, rotating: false });
    slideshow.next();
    expect(slideshow.getState()).toMatchObject({ index: 1, step: 0 });
    slideshow.next();
    expect(slideshow.getState()).toMatchObject({ index: 1, step: 1 });
    slideshow.next();
    expect(slideshow.getState()).toMatchObject({ index: 1, step: 2 });
    slideshow.next();
    expect(slideshow.getState()).toMatchObject({ index: 2 });
    vi.advanceTimersByTime(seconds(3600));
    expect(slideshow.getState()).toMatchObject({ index: 2, rotating: false });
  });
});

describe('a changed slide list', () => {
  it('keeps the slide on screen and the loop going', () => {
    start();
    vi.advanceTimersByTime(seconds(10 + 20 + 2));
    expect(slideshow.getState()).toMatchObject({ index: 2, rotating: true });
    const { run } = slideshow.getState();
    slideshow.setSlides([threeSlides[0]!, threeSlides[2]!], 1);
    expect(slideshow.getState()).toMatchObject({ index: 1, count: 2, run });
    // Its countdown goes on: 5 s in all, 2 of them already shown.
    vi.advanceTimersByTime(seconds(3) - 1);
    expect(slideshow.getState().index).toBe(1);
    vi.advanceTimersByTime(1);
    expect(slideshow.getState().index).toBe(0);
  });

  it('gives the slide that takes a dropped one’s place its own full time and steps', () => {
    // A ten-minute video at index 0 fails after 3 s and is dropped: the 20 s slide with two
    // build steps moves into place and must not inherit the video's remaining 9 min 57 s.
    start({
      slides: [{ durationMs: seconds(600), steps: 0 }, threeSlides[1]!, threeSlides[2]!],
    });
    const { run } = slideshow.getState();
    vi.advanceTimersByTime(seconds(3));
    slideshow.setSlides([threeSlides[1]!, threeSlides[2]!], 0, true);
    expect(slideshow.getState()).toMatchObject({
      index: 0,
      count: 2,
      steps: 2,
      step: 0,
      durationMs: seconds(20),
    });
    expect(slideshow.getState().run).not.toBe(run);
    vi.advanceTimersByTime(seconds(20) - 1);
    expect(slideshow.getState().index).toBe(0);
    vi.advanceTimersByTime(1);
    expect(slideshow.getState().index).toBe(1);
  });

  it('starts the countdown again when the slide on screen gets another time', () => {
    // The loop resumes after a patient read in Spanish: the language goes back to English and
    // the slide must take its English time, not finish the Spanish one (nor keep the old bar).
    start();
    vi.advanceTimersByTime(seconds(4));
    const { run } = slideshow.getState();
    slideshow.setSlides([{ durationMs: seconds(14), steps: 0 }, ...threeSlides.slice(1)], 0);
    expect(slideshow.getState()).toMatchObject({ index: 0, durationMs: seconds(14) });
    expect(slideshow.getState().run).not.toBe(run);
    vi.advanceTimersByTime(seconds(14) - 1);
    expect(slideshow.getState().index).toBe(0);
    vi.advanceTimersByTime(1);
    expect(slideshow.getState().index).toBe(1);
  });

  it('refuses an empty list', () => {
    start();
    expect(() => slideshow.setSlides([])).toThrow(/at least one slide/);
  });
});

describe('a slide that ends by itself (a video)', () => {
  it('moves the loop on at once, and the next slide gets its full time', () => {
    start();
    const { run } = slideshow.getState();
    vi.advanceTimersByTime(seconds(3));
    slideshow.slideEnded(run);
    expect(slideshow.getState().index).toBe(1);
    vi.advanceTimersByTime(seconds(20) - 1);
    expect(slideshow.getState().index).toBe(1);
    vi.advanceTimersByTime(1);
    expect(slideshow.getState().index).toBe(2);
  });

  it('is ignored when it comes from an earlier run of the slide', () => {
    start();
    const stale = slideshow.getState().run;
    slideshow.next();
    slideshow.play();
    slideshow.slideEnded(stale);
    expect(slideshow.getState().index).toBe(1);
  });

  it('does not move a loop that a patient or a clinician paused', () => {
    start();
    slideshow.pause();
    slideshow.slideEnded(slideshow.getState().run);
    expect(slideshow.getState()).toMatchObject({ index: 0, rotating: false });
  });

  it('still falls back to the slide time when the end never comes (the longest a video may run)', () => {
    start({ slides: [{ durationMs: seconds(30), steps: 0 }, ...threeSlides] });
    vi.advanceTimersByTime(seconds(30));
    expect(slideshow.getState().index).toBe(1);
  });

  it('starts a lone video again: a new run of the same slide', () => {
    start({ slides: [{ durationMs: seconds(600), steps: 0 }] });
    const { run } = slideshow.getState();
    slideshow.slideEnded(run);
    expect(slideshow.getState()).toMatchObject({ index: 0, run: run + 1, rotating: true });
  });
});
