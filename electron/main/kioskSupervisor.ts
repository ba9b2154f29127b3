import { screen, type BrowserWindow } from 'electron';
import type { HeartbeatReport } from '../../contract';
import { chooseDisplay } from './displayFit';
import { msUntilNextRestart } from './nightlyRestart';
import type { RecoveryLog } from './recoveryLog';
import { createWatchdog, DEFAULT_WATCHDOG_OPTIONS, type RecoveryAction } from './watchdog';

const TICK_MS = 5000;

export interface SupervisorOptions {
  createWindow: () => BrowserWindow;
  log: RecoveryLog;
  /** Fullscreen kiosk (false in --windowed development runs). */
  fullscreen: boolean;
  /** Read again every few seconds: an hour staff set, change or turn off applies the same day. */
  nightlyRestartHour: () => number | null;
  /** The display staff chose for the slides (null: the primary one). */
  audienceDisplayId: () => number | null;
  /**
   * Starts the app again (without one-shot switches such as --reset-pin) and exits this one:
   * after too many recoveries (a fault, counted towards safe mode) or at the nightly hour.
   */
  relaunch: (why: { kind: 'fault' | 'nightly'; reason: string }) => void;
  /** A recovery was made (reload, new window). */
  onRecovery?: (action: RecoveryAction) => void;
}

export interface KioskSupervisor {
  heartbeat(beat: HeartbeatReport): void;
  /** The kiosk window now (a recovery may have replaced it). */
  window(): BrowserWindow;
  /** Stops watching and the nightly restart (the app is quitting). */
  stop(): void;
}

/**
 * Keeps the one kiosk window alive and filling its screen: wires the watchdog to Electron's
 * events, performs its recoveries, logs each one, re-applies fullscreen when displays
 * change, and restarts the app nightly when staff asked for it.
 */
export function superviseKiosk(options: SupervisorOptions): KioskSupervisor {
  const watchdog = createWatchdog({ ...DEFAULT_WATCHDOG_OPTIONS, now: () => performance.now() });
  let window = watch(options.createWindow());

  function watch(target: BrowserWindow): BrowserWindow {
    // Watched from its creation: a first load that never finishes is rescued as well.
    watchdog.windowCreated();
    const contents = target.webContents;
    contents.on('did-finish-load', () => watchdog.pageLoaded());
    contents.on('render-process-gone', (_event, details) => {
      options.log.append('renderer-gone', `${details.reason} (exit code ${details.exitCode})`);
      watchdog.rendererGone(details.reason);
    });
    target.on('unresponsive', () => {
      options.log.append('unresponsive', 'the page stopped responding');
      watchdog.unresponsive();
    });
    target.on('responsive', () => watchdog.responsive());
    return target;
  }

  function fill(target: BrowserWindow): void {
    if (!options.fullscreen || target.isDestroyed()) return;
    const display = chooseDisplay(
      screen.getAllDisplays(),
      screen.getPrimaryDisplay(),
      options.audienceDisplayId(),
    );
    target.setBounds(display.bounds);
    target.setKiosk(true);
    target.setFullScreen(true);
  }

  function recover(action: RecoveryAction): void {
    options.log.append(action.kind, action.reason);
    if (action.kind === 'relaunch-app') {
      options.relaunch({ kind: 'fault', reason: action.reason });
      return;
    }
    options.onRecovery?.(action);
    if (action.kind === 'reload' && !window.isDestroyed()) {
      window.webContents.reloadIgnoringCache();
      fill(window);
      return;
    }
    // A new window (also when the old one is already gone and cannot reload).
    const old = window;
    window = watch(options.createWindow());
    if (!old.isDestroyed()) old.destroy();
    window.once('ready-to-show', () => fill(window));
  }

  const nightly = scheduleNightlyRestart(options);
  const ticker = setInterval(() => {
    nightly.follow();
    const action = watchdog.tick();
    if (action) recover(action);
  }, TICK_MS);
  ticker.unref();

  const refill = () => fill(window);
  const displayEvents = ['display-added', 'display-removed', 'display-metrics-changed'] as const;
  for (const event of displayEvents) screen.on(event as 'display-added', refill);

  return {
    heartbeat: (beat) => watchdog.heartbeat(beat),
    window: () => window,
    stop() {
      clearInterval(ticker);
      nightly.stop();
      for (const event of displayEvents) screen.removeListener(event as 'display-added', refill);
    },
  };
}

/**
 * The nightly restart at the hour in the settings. `follow()` (every tick) re-arms it when staff
 * set, change or turn off the hour, so a saved change applies the same day, not after a restart.
 */
function scheduleNightlyRestart(options: SupervisorOptions): { follow(): void; stop(): void } {
  let hour: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const follow = () => {
    const wanted = options.nightlyRestartHour();
    if (wanted === hour && (timer !== null || wanted === null)) return;
    stop();
    hour = wanted;
    if (wanted === null) return;
    timer = setTimeout(
      () => {
        timer = null;
        options.log.append('nightly-restart', `scheduled restart at ${wanted}:00`);
        options.relaunch({ kind: 'nightly', reason: `scheduled restart at ${wanted}:00` });
      },
      msUntilNextRestart(new Date(), wanted),
    );
    timer.unref();
  };
  follow();
  return { follow, stop };
}
