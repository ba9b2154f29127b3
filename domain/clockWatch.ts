/**
 * Notices when the machine's wall clock is set (by staff, by the network time service, after a
 * long sleep): the wall clock moved by a different amount than the monotonic clock since the
 * last look. Neither Electron nor the browser has an event for it, so both main and the page
 * look every couple of seconds; a look is two clock reads.
 */
export interface ClockWatchOptions {
  /** How often to look (ms). */
  intervalMs?: number;
  /** A jump smaller than this is timer jitter, not a clock change (ms). */
  thresholdMs?: number;
  wallNow?: () => number;
  monotonicNow?: () => number;
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  /** Called with how far the wall clock jumped (positive: forward). */
  onJump(jumpMs: number): void;
}

export const CLOCK_WATCH_INTERVAL_MS = 2_000;
export const CLOCK_JUMP_THRESHOLD_MS = 1_500;

/** Starts watching; returns a function that stops. */
export function watchClock(options: ClockWatchOptions): () => void {
  const wallNow = options.wallNow ?? (() => Date.now());
  const monotonicNow = options.monotonicNow ?? (() => performance.now());
  const threshold = options.thresholdMs ?? CLOCK_JUMP_THRESHOLD_MS;
  const every = options.setInterval ?? ((callback, ms) => globalThis.setInterval(callback, ms));
  const stop =
    options.clearInterval ??
    ((handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>));
  let lastWall = wallNow();
  let lastMonotonic = monotonicNow();
  const handle = every(() => {
    const wall = wallNow();
    const monotonic = monotonicNow();
    const jump = wall - lastWall - (monotonic - lastMonotonic);
    lastWall = wall;
    lastMonotonic = monotonic;
    if (Math.abs(jump) >= threshold) options.onJump(jump);
  }, options.intervalMs ?? CLOCK_WATCH_INTERVAL_MS);
  return () => stop(handle);
}
