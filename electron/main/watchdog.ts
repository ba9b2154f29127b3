/**
 * When to rescue the kiosk page, as a plain state machine with an injected clock. Main feeds
 * it what it sees (heartbeats, a renderer that died or hangs) and acts on what `tick` returns:
 * reload the page, recreate the window, or, after too many tries in a short time, relaunch
 * the whole app (after Xibo's player: 5 restarts in 10 minutes).
 */

export interface Heartbeat {
  /** Changes every time a slide starts. */
  run: number;
  rotating: boolean;
}

export type RecoveryKind = 'reload' | 'recreate-window' | 'relaunch-app';

export interface RecoveryAction {
  kind: RecoveryKind;
  reason: string;
}

export interface WatchdogOptions {
  now: () => number;
  /** No heartbeat for this long: the page is silent. */
  heartbeatTimeoutMs: number;
  /** A new window that shows no sign of life (a load or a heartbeat) this long: stalled. */
  firstLoadTimeoutMs: number;
  /** Rotating, yet no slide change for this long: the loop is stuck. */
  stuckTimeoutMs: number;
  /** How long an unresponsive renderer gets to come back by itself. */
  unresponsiveGraceMs: number;
  maxRecoveries: number;
  recoveryWindowMs: number;
  /** Wait before the n-th recovery within the window (the last value repeats). */
  backoffMs: readonly number[];
}

export const DEFAULT_WATCHDOG_OPTIONS: Omit<WatchdogOptions, 'now'> = {
  heartbeatTimeoutMs: 30_000,
  firstLoadTimeoutMs: 60_000,
  stuckTimeoutMs: 20 * 60_000,
  unresponsiveGraceMs: 10_000,
  maxRecoveries: 5,
  recoveryWindowMs: 10 * 60_000,
  backoffMs: [0, 2_000, 5_000, 15_000, 30_000],
};

export interface Watchdog {
  /**
   * A window was created and its page is loading: watched from now on, so a first load that
   * stalls (no load event, no heartbeat) is rescued too.
   */
  windowCreated(): void;
  /** The page finished loading: expect heartbeats from now on. */
  pageLoaded(): void;
  heartbeat(beat: Heartbeat): void;
  rendererGone(reason: string): void;
  unresponsive(): void;
  responsive(): void;
  /** Call every few seconds; returns the recovery to perform now, if any. */
  tick(): RecoveryAction | null;
}

interface Problem {
  reason: string;
  /** Act at or after this time. */
  dueAt: number;
}

export function createWatchdog(options: WatchdogOptions): Watchdog {
  const { now } = options;
  let watching = false;
  /** Until the page first shows life, it has `firstLoadTimeoutMs` rather than the beat timeout. */
  let loading = false;
  let lastBeatAt = 0;
  let lastRun: number | null = null;
  let lastRunChangeAt = 0;
  let rotating = false;
  let healthySinceRecovery = true;
  let problem: Problem | null = null;
  let recoveries: number[] = [];

  function recentRecoveries(): number[] {
    recoveries = recoveries.filter((at) => now() - at < options.recoveryWindowMs);
    return recoveries;
  }

  function report(reason: string, delayMs = 0): void {
    if (problem) return;
    const count = recentRecoveries().length;
    const backoff = options.backoffMs[Math.min(count, options.backoffMs.length - 1)] ?? 0;
    problem = { reason, dueAt: now() + Math.max(delayMs, backoff) };
  }

  return {
    windowCreated() {
      watching = true;
      loading = true;
      lastBeatAt = now();
      lastRunChangeAt = now();
      lastRun = null;
    },
    pageLoaded() {
      watching = true;
      loading = false;
      lastBeatAt = now();
      lastRunChangeAt = now();
      lastRun = null;
    },
    heartbeat(beat) {
      watching = true;
      loading = false;
      lastBeatAt = now();
      if (beat.run !== lastRun) {
        lastRun = beat.run;
        lastRunChangeAt = now();
      }
      rotating = beat.rotating;
      healthySinceRecovery = true;
      if (problem?.reason === 'silent' || problem?.reason === 'stalled loading') problem = null;
    },
    rendererGone(reason) {
      problem = null;
      report(`renderer gone: ${reason}`);
    },
    unresponsive() {
      report('unresponsive', options.unresponsiveGraceMs);
    },
    responsive() {
      if (problem?.reason === 'unresponsive') problem = null;
    },
    tick() {
      if (!problem && watching) {
        const timeout = loading ? options.firstLoadTimeoutMs : options.heartbeatTimeoutMs;
        if (now() - lastBeatAt > timeout) report(loading ? 'stalled loading' : 'silent');
        else if (rotating && now() - lastRunChangeAt > options.stuckTimeoutMs) report('stuck');
      }
      if (!problem || now() < problem.dueAt) return null;
      const reason = problem.reason;
      problem = null;
      const count = recentRecoveries().length;
      // A reload first; if the page has not beaten once since the last try, a new window.
      const kind: RecoveryKind =
        count >= options.maxRecoveries
          ? 'relaunch-app'
          : healthySinceRecovery
            ? 'reload'
            : 'recreate-window';
      recoveries.push(now());
      healthySinceRecovery = false;
      // The new page must start beating within the heartbeat timeout, or this repeats.
      watching = true;
      lastBeatAt = now();
      lastRunChangeAt = now();
      if (kind === 'relaunch-app') recoveries = [];
      return { kind, reason };
    },
  };
}
