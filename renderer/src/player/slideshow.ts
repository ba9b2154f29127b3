/**
 * The slideshow's clock and position, free of React and the DOM so it can be tested with fake
 * timers. The player renders whatever state this holds.
 */

export interface SlideTiming {
  durationMs: number;
  /** How many build steps the slide reveals after it first appears. */
  steps: number;
}

export interface SlideshowTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SlideshowOptions {
  slides: readonly SlideTiming[];
  idleTimeoutMs: number;
  /** Waiting room: true (the loop resumes by itself). Consultation room: false. */
  resumeWhenIdle: boolean;
  /** Start rotating at once. */
  autoplay: boolean;
  /** Manual "next" reveals the slide's next build step before moving on (presenting). */
  stepThroughBuilds?: boolean;
  /** Called when the loop resumes after the idle timeout (to reset language, text size …). */
  onIdleResume?: () => void;
  timers?: SlideshowTimers;
}

export interface SlideshowState {
  index: number;
  count: number;
  /** Build steps shown so far on the current slide (0 = none yet). */
  step: number;
  steps: number;
  rotating: boolean;
  /** Changes whenever the current slide's countdown (re)starts, to restart the progress bar. */
  run: number;
  /** Milliseconds the current countdown lasts (for the progress bar). */
  durationMs: number;
  /** The slide shown before this one (it stays drawn underneath while the new one arrives). */
  previousIndex: number;
  /** How the current slide arrived: a swipe has already moved it into place. */
  arrival: Arrival;
}

export type Arrival = 'auto' | 'hand' | 'swipe';

export interface Slideshow {
  getState(): SlideshowState;
  subscribe(listener: () => void): () => void;
  next(arrival?: Arrival): void;
  previous(arrival?: Arrival): void;
  goTo(index: number): void;
  first(): void;
  last(): void;
  play(): void;
  pause(): void;
  toggleRotation(): void;
  /** A touch, click or key that did not navigate: pauses and restarts the idle clock. */
  noteInteraction(): void;
  /** Jump to a slide and build step sent by another view (the presenter's, or the audience's). */
  setPosition(index: number, step: number): void;
  /**
   * New slide list or times (a playlist changed, another language, a new reading pace); keeps
   * the current position where it can. `replaced`:
   * the slide that was showing is gone (a failed video dropped, a slide deleted), so the one
   * now at `keepIndex` starts afresh: its own full time, its build steps, a new run.
   */
  setSlides(slides: readonly SlideTiming[], keepIndex?: number, replaced?: boolean): void;
  /** Staff changed the idle timeout: used from the next touch on (a running wait keeps its own). */
  setIdleTimeout(ms: number): void;
  /**
   * The slide shown in `run` finished by itself (a video reached its end): the loop moves on
   * now instead of waiting out the slide's longest time. Ignored when paused or stale.
   */
  slideEnded(run: number): void;
  dispose(): void;
}

/** In the loop, build steps appear one by one over the first half of a slide's time. */
const BUILD_SHARE_OF_DURATION = 0.5;

const defaultTimers: SlideshowTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createSlideshow(options: SlideshowOptions): Slideshow {
  const timers = options.timers ?? defaultTimers;
  let slides = checkSlides(options.slides);
  let idleTimeoutMs = options.idleTimeoutMs;
  const listeners = new Set<() => void>();
  let slideTimer: unknown = null;
  let stepTimer: unknown = null;
  let idleTimer: unknown = null;
  let disposed = false;

  let state: SlideshowState = {
    index: 0,
    count: slides.length,
    step: 0,
    steps: stepsOf(0),
    rotating: false,
    run: 0,
    durationMs: durationOf(0),
    previousIndex: 0,
    arrival: 'auto',
  };

  function stepsOf(index: number): number {
    return slides[index]?.steps ?? 0;
  }
  function durationOf(index: number): number {
    return slides[index]?.durationMs ?? 1000;
  }

  function emit(next: SlideshowState): void {
    state = next;
    for (const listener of [...listeners]) listener();
  }

  function clearSlideTimers(): void {
    if (slideTimer !== null) timers.clearTimeout(slideTimer);
    if (stepTimer !== null) timers.clearTimeout(stepTimer);
    slideTimer = null;
    stepTimer = null;
  }

  function clearIdleTimer(): void {
    if (idleTimer !== null) timers.clearTimeout(idleTimer);
    idleTimer = null;
  }

  function scheduleRotation(): void {
    clearSlideTimers();
    if (disposed || !state.rotating) return;
    slideTimer = timers.setTimeout(() => {
      slideTimer = null;
      show((state.index + 1) % state.count, 'auto');
    }, state.durationMs);
    scheduleNextStep();
  }

  function scheduleNextStep(): void {
    if (state.step >= state.steps) return;
    const interval = (state.durationMs * BUILD_SHARE_OF_DURATION) / state.steps;
    stepTimer = timers.setTimeout(() => {
      stepTimer = null;
      emit({ ...state, step: state.step + 1 });
      scheduleNextStep();
    }, interval);
  }

  function restartIdleClock(): void {
    clearIdleTimer();
    if (disposed || !options.resumeWhenIdle) return;
    idleTimer = timers.setTimeout(() => {
      idleTimer = null;
      options.onIdleResume?.();
      play();
    }, idleTimeoutMs);
  }

  /** Auto-advance starts a slide unbuilt; a person moving by hand sees it whole. */
  function show(index: number, arrival: Arrival): void {
    const steps = stepsOf(index);
    const step = arrival === 'auto' || options.stepThroughBuilds ? 0 : steps;
    emit({
      ...state,
      previousIndex: state.index,
      arrival,
      index,
      step,
      steps,
      run: state.run + 1,
      durationMs: durationOf(index),
    });
    scheduleRotation();
  }

  function stopRotating(): void {
    clearSlideTimers();
    if (state.rotating) emit({ ...state, rotating: false });
    restartIdleClock();
  }

  function navigate(index: number, arrival: Arrival = 'hand'): void {
    stopRotating();
    const target = ((index % state.count) + state.count) % state.count;
    if (target !== state.index || state.step < state.steps) show(target, arrival);
  }

  function play(): void {
    if (disposed) return;
    clearIdleTimer();
    // Resuming shows the whole slide and gives it a full turn before moving on.
    emit({ ...state, rotating: true, step: state.steps, run: state.run + 1 });
    scheduleRotation();
  }

  function pause(): void {
    stopRotating();
  }

  if (options.autoplay) {
    state = { ...state, rotating: true };
    scheduleRotation();
  } else {
    state = { ...state, step: options.stepThroughBuilds ? 0 : state.steps };
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    next(arrival) {
      if (options.stepThroughBuilds && state.step < state.steps && arrival !== 'swipe') {
        stopRotating();
        emit({ ...state, step: state.step + 1 });
        return;
      }
      navigate(state.index + 1, arrival);
    },
    previous(arrival) {
      navigate(state.index - 1, arrival);
    },
    goTo(index) {
      if (!Number.isInteger(index) || index < 0 || index >= state.count) return;
      navigate(index);
    },
    first() {
      navigate(0);
    },
    last() {
      navigate(state.count - 1);
    },
    play,
    pause,
    toggleRotation() {
      if (state.rotating) pause();
      else play();
    },
    noteInteraction() {
      stopRotating();
    },
    setPosition(index, step) {
      if (!Number.isInteger(index) || index < 0 || index >= state.count) return;
      const steps = stepsOf(index);
      const nextStep = Math.min(Math.max(0, Math.floor(step)), steps);
      if (index === state.index && nextStep === state.step && !state.rotating) return;
      clearSlideTimers();
      const moved = index !== state.index;
      emit({
        ...state,
        rotating: false,
        index,
        step: nextStep,
        steps,
        previousIndex: moved ? state.index : state.previousIndex,
        arrival: moved ? 'hand' : state.arrival,
        run: moved ? state.run + 1 : state.run,
        durationMs: durationOf(index),
      });
      restartIdleClock();
    },
    setIdleTimeout(ms) {
      idleTimeoutMs = ms;
    },
    slideEnded(run) {
      if (disposed || run !== state.run || !state.rotating) return;
      clearSlideTimers();
      show((state.index + 1) % state.count, 'auto');
    },
    setSlides(nextSlides, keepIndex, replaced = false) {
      slides = checkSlides(nextSlides);
      const index = Math.min(Math.max(keepIndex ?? state.index, 0), slides.length - 1);
      // A kept index names the same slide, perhaps moved; without one, only an unmoved index.
      const sameSlide = !replaced && (keepIndex !== undefined || index === state.index);
      const steps = stepsOf(index);
      const freshStep = state.rotating || options.stepThroughBuilds ? 0 : steps;
      // The slide on screen got another time (shown in another language, a new reading pace):
      // a running countdown starts again with it rather than finishing on the old one.
      const retimed = sameSlide && state.rotating && durationOf(index) !== state.durationMs;
      emit({
        ...state,
        index,
        previousIndex: Math.min(state.previousIndex, slides.length - 1),
        count: slides.length,
        steps,
        step: sameSlide ? Math.min(state.step, steps) : freshStep,
        durationMs: durationOf(index),
        run: sameSlide && !retimed ? state.run : state.run + 1,
      });
      if (!sameSlide || retimed) scheduleRotation();
    },
    dispose() {
      disposed = true;
      clearSlideTimers();
      clearIdleTimer();
      listeners.clear();
    },
  };
}

function checkSlides(slides: readonly SlideTiming[]): readonly SlideTiming[] {
  if (slides.length === 0) throw new Error('a slideshow needs at least one slide');
  return slides.map((slide) => ({
    durationMs: Math.max(1000, slide.durationMs),
    steps: Math.max(0, Math.floor(slide.steps)),
  }));
}
