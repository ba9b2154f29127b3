import { describe, expect, it } from 'vitest';
import {
  createWatchdog,
  DEFAULT_WATCHDOG_OPTIONS,
  type Watchdog,
} from '../../../../electron/main/watchdog';

function setup() {
  let clock = 0;
  const watchdog = createWatchdog({ ...DEFAULT_WATCHDOG_OPTIONS, now: () => clock });
  const advance = (ms: number) => {
    clock += ms;
  };
  return { watchdog, advance };
}

/** Runs ticks every 5 s for `ms`, collecting what the watchdog asks for. */
function run(watchdog: Watchdog, advance: (ms: number) => void, ms: number, beat?: () => void) {
  const actions: string[] = [];
  for (let elapsed = 0; elapsed < ms; elapsed += 5000) {
    advance(5000);
    beat?.();
    const action = watchdog.tick();
    if (action) actions.push(`${action.kind}: ${action.reason}`);
  }
  return actions;
}

describe('the kiosk watchdog', () => {
  it('leaves a healthy page alone', () => {
    const { watchdog, advance } = setup();
    watchdog.pageLoaded();
    let run_ = 0;
    const actions = run(watchdog, advance, 60 * 60_000, () =>
      watchdog.heartbeat({ run: Math.floor((run_ += 1) / 3), rotating: true }),
    );
    expect(actions).toEqual([]);
  });

  it('watches a new window from its creation: a first load that stalls is reloaded after a minute', () => {
    const { watchdog, advance } = setup();
    watchdog.windowCreated();
    expect(run(watchdog, advance, 60_000)).toEqual([]);
    expect(run(watchdog, advance, 5_000)).toEqual(['reload: stalled loading']);
  });

  it('a new window that loads and beats in time is left alone', () => {
    const { watchdog, advance } = setup();
    watchdog.windowCreated();
    expect(run(watchdog, advance, 40_000)).toEqual([]);
    watchdog.pageLoaded();
    let beat = 0;
    expect(
      run(watchdog, advance, 10 * 60_000, () =>
        watchdog.heartbeat({ run: Math.floor((beat += 1) / 3), rotating: true }),
      ),
    ).toEqual([]);
  });

  it('reloads a page whose renderer crashed, at once', () => {
    const { watchdog, advance } = setup();
    watchdog.pageLoaded();
    watchdog.rendererGone('crashed');
    expect(watchdog.tick()).toEqual({ kind: 'reload', reason: 'renderer gone: crashed' });
    advance(1000);
    expect(watchdog.tick()).toBeNull();
  });

  it('reloads a page that stopped sending heartbeats', () => {
    const { watchdog, advance } = setup();
    watchdog.pageLoaded();
    watchdog.heartbeat({ run: 1, rotating: true });
    expect(run(watchdog, advance, 30_000)).toEqual([]);
    expect(run(watchdog, advance, 5_000)).toEqual(['reload: silent']);
  });

  it('gives a hung renderer ten seconds to come back before acting', () => {
    const { watchdog, advance } = setup();
    watchdog.pageLoaded();
    watchdog.unresponsive();
    advance(5000);
    watchdog.heartbeat({ run: 1, rotating: true });
    watchdog.responsive();
    expect(
      run(watchdog, advance, 20_000, () => watchdog.heartbeat({ run: 1, rotating: false })),
    ).toEqual([]);
    watchdog.unresponsive();
    expect(run(watchdog, advance, 10_000)).toEqual(['reload: unresponsive']);
  });

  it('notices a loop that is rotating but stuck on one slide', () => {
    const { watchdog, advance } = setup();
    watchdog.pageLoaded();
    const actions = run(watchdog, advance, 21 * 60_000, () =>
      watchdog.heartbeat({ run: 7, rotating: true }),
    );
    expect(actions).toEqual(['reload: stuck']);
  });

  it('does not call a paused slideshow stuck', () => {
    const { watchdog, advance } = setup();
    watchdog.pageLoaded();
    const actions = run(watchdog, advance, 60 * 60_000, () =>
      watchdog.heartbeat({ run: 7, rotating: false }),
    );
    expect(actions).toEqual([]);
  });

  it('recreates the window when a reload did not bring the page back', () => {
    const { watchdog, advance } = setup();
    watchdog.pageLoaded();
    watchdog.rendererGone('crashed');
    expect(watchdog.tick()?.kind).toBe('reload');
    // No heartbeat arrives from the reloaded page.
    const actions = run(watchdog, advance, 40_000);
    expect(actions[0]).toMatch(/^recreate-window: silent/);
  });

  it('backs off between tries and relaunches the app after five in ten minutes', () => {
    const { watchdog, advance } = setup();
    watchdog.pageLoaded();
    const kinds: string[] = [];
    const waits: number[] = [];
    for (let crash = 0; crash < 6; crash += 1) {
      watchdog.heartbeat({ run: crash, rotating: true });
      watchdog.rendererGone('crashed');
      let waited = 0;
      let action = watchdog.tick();
      while (!action) {
        advance(1000);
        waited += 1000;
        action = watchdog.tick();
      }
      kinds.push(action.kind);
      waits.push(waited);
      advance(10_000);
    }
    expect(kinds).toEqual(['reload', 'reload', 'reload', 'reload', 'reload', 'relaunch-app']);
    expect(waits).toEqual([0, 2000, 5000, 15000, 30000, 30000]);
  });

  it('forgets old recoveries after ten minutes', () => {
    const { watchdog, advance } = setup();
    watchdog.pageLoaded();
    for (let crash = 0; crash < 4; crash += 1) {
      watchdog.heartbeat({ run: crash, rotating: true });
      watchdog.rendererGone('crashed');
      while (!watchdog.tick()) advance(1000);
    }
    advance(11 * 60_000);
    watchdog.heartbeat({ run: 99, rotating: true });
    watchdog.rendererGone('oom');
    expect(watchdog.tick()).toEqual({ kind: 'reload', reason: 'renderer gone: oom' });
  });
});
