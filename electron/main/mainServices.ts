/**
 * Main's composition root: the one function that builds every service main runs (settings
 * store, staff PIN, logs, media library, setup bundles, admin service, schedule watch, the
 * app:// handler and the IPC handler table) from its dependencies. `index.ts` calls it with
 * Electron's effects; the browser-test harness calls it with a temporary data folder and a
 * Playwright transport. So every test that goes through main runs this wiring, never a copy.
 *
 * Plain Node: no `electron` import (the effects on the outside world come in as functions).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import deckData from '../../assets/deck/how-ketamine-works.json' with { type: 'json' };
import {
  CONTENT_SECURITY_POLICY_HEADER,
  DEFAULT_PLAYLIST,
  EMPTY_SCHEDULE,
  IpcChannel,
  KioskConfigSchema,
  type HeartbeatReport,
  type KioskConfig,
  type PushChannel,
  type PushEvents,
  type Settings,
} from '../../contract';
import { localTimeOf, scheduleDecisionOf, watchClock, type ClockWatchOptions } from '../../domain';
import { createAdminService } from './adminService';
import { createPinFileStore } from './pinFile';
import type { FileSystem } from './durableFile';
import {
  APP_HOST,
  createAppProtocolHandler,
  kioskPrerenderRule,
  MEDIA_HOST,
  SCREENS_HOST,
  type ProtocolHandler,
} from './appProtocol';
import type { LaunchOptions } from './commandLine';
import { openFaultHistory, SAFE_MODE_CALM_MS, type FaultHistory } from './faultHistory';
import { contentHash, createContentHistory, type ContentHistory } from './contentHistory';
import { fleetAdminHandlers, fleetView } from './fleet/fleetAdmin';
import { isJpeg, SCREENSHOT_MAX_BYTES, SCREENSHOT_NAME } from './fleet/fleetScreenshots';
import { createFleetService, type FleetService } from './fleet/fleetService';
import { STATUS_FOLDER } from './fleet/fleetStatus';
import { playLogAdminHandlers } from './playLog/playLogAdmin';
import { createTaskQueue } from './taskQueue';
import { createIpcHandlers, type IpcHandlerTable } from './ipcHandlers';
import { checkNamedMediaFile } from './media/contentCheck';
import type { SourceRoot } from './media/importSources';
import { createMediaLibrary, type MediaLibrary } from './mediaLibrary';
import { createPlayLogService, type PlayLogService } from './playLog/playLogService';
import { localDateOf } from './playLog/playRecords';
import { createRecoveryLog, describeProblem, type RecoveryLog } from './recoveryLog';
import { openSettingsStore, type SettingsStore } from './settingsStore';
import { createSetupBundles, type SetupBundles } from './setupBundle/setupBundles';
import { createStaffPin, type ScryptParams, type StaffPin } from './staffPin';

export const SCHEDULE_CHECK_MS = 60_000;

/**
 * What plays in safe mode: the built-in deck only. The clinic's slides, their media and the
 * schedule are set aside for the run (kept on disk as they are), language and the rest stay.
 */
export function safeModeSettings(settings: Settings): Settings {
  return {
    ...settings,
    playlists: [DEFAULT_PLAYLIST],
    defaultPlaylistId: DEFAULT_PLAYLIST.id,
    customSlides: [],
    schedule: EMPTY_SCHEDULE,
  };
}

export interface MainServicesOptions {
  /** The data folder (in the app: `app.getPath('userData')`). */
  directory: string;
  launch: LaunchOptions;
  appVersion: string;
  /** The built renderer (out/renderer), served as app://kiosk/. */
  rendererRoot: string;
  /** Where the page loads the clinic's media from (app://media/ in the app; ends with /). */
  mediaBaseUrl: string;
  /** Where the admin loads the fleet's screen pictures from (default app://screens/). */
  screensBaseUrl?: string;
  /** The patients' screen as a small JPEG, for the fleet's optional picture (absent: none). */
  captureScreen?: () => Promise<Buffer | null>;
  /** USB drives plugged in now; the import folder is added in front of them. */
  drives(): SourceRoot[];
  now(): Date;
  /** A clock that never goes back (PIN lockouts, the admin session). */
  monotonicNow(): number;
  /** main → every window of the app. */
  broadcast<C extends PushChannel>(channel: C, payload: PushEvents[C]): void;
  /** The page is alive (the supervisor's watchdog listens). */
  heartbeat(beat: HeartbeatReport): void;
  /** Staff confirmed "quit kiosk mode". */
  quit(): void;
  /** Keeps the display on while the slideshow is meant to be seen; lets it sleep in closed hours. */
  displaySleep: { prevent(): void; allow(): void };
  /** Where a development server serves the page (development only). */
  devServerOrigin?: string;
  /** For tests only: cheaper PIN hashing. */
  scryptParams?: ScryptParams;
  /** For the fault tests only: a file system that fails on cue (default node:fs). */
  fileSystem?: FileSystem;
  /** For tests only: the clocks the clock watch compares (default the system's). */
  clockWatch?: Pick<ClockWatchOptions, 'wallNow' | 'monotonicNow'>;
}

export interface MainServices {
  /** What the player gets now: the saved settings, the mode, versions. */
  config(): KioskConfig;
  readonly store: SettingsStore;
  readonly pin: StaffPin;
  readonly recoveries: RecoveryLog;
  readonly changes: RecoveryLog;
  readonly media: MediaLibrary;
  readonly bundles: SetupBundles;
  /** Restarts caused by faults, and safe mode. */
  readonly faults: FaultHistory;
  /** What played, what patients touched, and when the screen was dark. */
  readonly playLog: PlayLogService;
  /** Publishing to, or following, the clinic's other kiosks through a shared folder. */
  readonly fleet: FleetService;
  readonly importFolder: string;
  readonly mediaDirectory: string;
  /** Every IPC channel's handler, sender and payload checks included. */
  readonly ipc: IpcHandlerTable;
  /** Serves app://kiosk/ (the page) and app://media/ (the clinic's files). */
  readonly appProtocol: ProtocolHandler;
  /** Looks at the schedule now: keeps the display awake when open (also called on resume). */
  followSchedule(): void;
  /** The watchdog had to recover the page: in safe mode, the calm hour starts again. */
  noteFault(): void;
  /** Stops the timers and lets the display sleep: the app is quitting on purpose. */
  stop(): void;
}

export async function createMainServices(options: MainServicesOptions): Promise<MainServices> {
  const { directory, launch } = options;
  const seam = options.fileSystem ? { fileSystem: options.fileSystem } : {};
  const recoveries = createRecoveryLog({ directory, now: options.now });
  // Saved settings, checked on load: a damaged file is kept aside and the last good copy used.
  const store = openSettingsStore({ directory, now: options.now, ...seam });
  if (store.recovery) {
    const from =
      store.recovery.restoredFrom === 'good-copy' ? 'the last good copy' : 'the defaults';
    recoveries.append('settings-recovered', `${store.recovery.detail}; restored from ${from}`);
  }
  const changes = createRecoveryLog({ directory, fileName: 'changes.log', now: options.now });
  const faults = openFaultHistory({ directory, now: options.now });
  const startedInSafeMode = faults.safeMode();
  if (startedInSafeMode) recoveries.append('safe-mode', startedInSafeMode.reason);
  const pin = createStaffPin({
    store: createPinFileStore(directory, options.fileSystem),
    monotonicNow: options.monotonicNow,
    ...(options.scryptParams ? { scryptParams: options.scryptParams } : {}),
  });
  if (launch.resetPin) {
    // Only someone at the machine can start the app with this switch; content is kept. A disk
    // that cannot be written must not stop the slideshow: the PIN then stays, and the log says so.
    try {
      await pin.resetPin();
      changes.append('pin-reset', 'started with --reset-pin');
    } catch (error) {
      recoveries.append(
        'pin-reset-failed',
        `--reset-pin could not remove the PIN: ${String(error)}`,
      );
    }
  }

  const startup: Omit<KioskConfig, 'settings'> = {
    // Staff choose presenting per kiosk; `--present` chooses it for one run. Mode and displays
    // apply at the next start; everything else in the settings at once.
    mode: launch.mode === 'present' ? 'present' : store.settings.mode,
    appVersion: options.appVersion,
    mediaBaseUrl: options.mediaBaseUrl,
  };
  /** What these saved settings put on screen now: in safe mode, the built-in deck only. */
  const shownOf = (settings: Settings): Settings =>
    faults.safeMode() ? safeModeSettings(settings) : settings;
  const config = (): KioskConfig => ({ ...startup, settings: shownOf(store.settings) });
  // Every version of what the screen said: the deck by version, clinic slides by content hash.
  // What is recorded is what is shown: the saved settings as safe mode shows them, if it is on.
  const keptHistory = createContentHistory({ directory, deck: deckData, now: options.now });
  const contentHistory: ContentHistory = {
    ...keptHistory,
    record: (settings) => keptHistory.record(shownOf(settings)),
  };
  /** Like the admin's, a history that cannot be written never stops what changed the screen. */
  const rememberShown = (who: string) => {
    try {
      contentHistory.record(store.settings);
    } catch (error) {
      console.warn(`[${who}] could not keep the content history: ${String(error)}`);
    }
  };
  // Main is the trust boundary: the renderer takes the config it is sent without a check of its
  // own, so only a config that passes the schema is sent (the store's settings always do).
  const broadcastConfig = () => {
    const checked = KioskConfigSchema.safeParse(config());
    if (checked.success) options.broadcast(IpcChannel.kioskConfigChanged, checked.data);
    else console.warn('[kiosk] config failed the schema; not sent to the player');
  };

  // A waiting-room screen must not go dark while the slideshow plays; in closed hours it may.
  let awake = false;
  const followSchedule = () => {
    const open =
      scheduleDecisionOf(config().settings, localTimeOf(options.now())).kind !== 'closed';
    if (open && !awake) options.displaySleep.prevent();
    if (!open && awake) options.displaySleep.allow();
    awake = open;
  };

  // Safe mode ends by itself after an hour without a fault (each recovery starts the hour again).
  let calmTimer: NodeJS.Timeout | null = null;
  let calmUntil = 0;
  const leaveSafeMode = (why: string) => {
    if (calmTimer) clearTimeout(calmTimer);
    calmTimer = null;
    if (!faults.safeMode()) return;
    faults.leaveSafeMode();
    recoveries.append('safe-mode-left', why);
    // The clinic's own slides are back on screen from now.
    rememberShown('safe mode');
    followSchedule();
    broadcastConfig();
  };
  const startCalmHour = () => {
    if (!faults.safeMode()) return;
    if (calmTimer) clearTimeout(calmTimer);
    calmUntil = options.now().getTime() + SAFE_MODE_CALM_MS;
    calmTimer = setTimeout(() => leaveSafeMode('an hour without faults'), SAFE_MODE_CALM_MS);
  };

  const mediaDirectory = join(directory, 'media');
  const importFolder = launch.importFolder ?? join(directory, 'import');
  try {
    mkdirSync(importFolder, { recursive: true });
  } catch (error) {
    // A read-only disk, or IT's folder not there yet: the picker lists only what exists.
    recoveries.append('import-folder', `${importFolder} could not be made: ${String(error)}`);
  }
  const media = createMediaLibrary({
    mediaDirectory,
    sources: () => [
      { label: 'Import folder', kind: 'import-folder', path: importFolder },
      ...options.drives(),
    ],
    ...seam,
  });
  const bundles = createSetupBundles({
    directory,
    mediaDirectory,
    store,
    appVersion: options.appVersion,
    now: options.now,
    checkMedia: checkNamedMediaFile,
    ...seam,
  });
  // Saves, media deletes, setup loads and the fleet's switches take turns.
  const queue = createTaskQueue();
  let screenChanged = () => {};
  const builtInSlideIds = new Set(deckData.slides.map((slide: { id: string }) => slide.id));
  const playLog = createPlayLogService({
    directory,
    now: options.now,
    // Staff set it on the Slideshow screen; read at each nightly clean-up.
    retentionDays: () => store.settings.playLogRetentionDays,
    monotonicNow: options.monotonicNow,
    // Built-in slides carry the deck's content version; the clinic's a hash of the slide (its
    // media are named by their own content hash, so a new picture is a new version): the start
    // of the name the content history keeps it under (content-history/items/<hash>.json).
    contentVersionOf: (slideId) => {
      if (builtInSlideIds.has(slideId)) return deckData.contentVersion;
      const custom = store.settings.customSlides.find((slide) => slide.id === slideId);
      return custom ? contentHash(custom).slice(0, 16) : null;
    },
    isKnownPlaylist: (playlistId) =>
      config().settings.playlists.some((playlist) => playlist.id === playlistId),
    stopReason: (from, to) => {
      const reason = recoveries.recent(20).find((entry) => {
        const at = Date.parse(entry.at);
        return at >= from.getTime() - 60_000 && at <= to.getTime();
      });
      return reason ? `${reason.event}${reason.detail ? `: ${reason.detail}` : ''}` : null;
    },
    note: (event, detail) => recoveries.append(event, detail),
    // The fleet (built below, as it reads the play log) hears of screen changes through this.
    onScreenChange: () => screenChanged(),
    ...seam,
  });

  /** When the watchdog last had to recover the page (for the fleet's status file). */
  let lastFaultAt = -Infinity;
  const RECOVERING_FOR_MS = 2 * 60_000;
  const RECOVERY_EVENTS = new Set([
    'reload',
    'recreate-window',
    'relaunch-app',
    'renderer-gone',
    'unresponsive',
    'safe-mode',
  ]);
  const fleet = createFleetService({
    directory,
    now: options.now,
    appVersion: options.appVersion,
    exportSetup: async (folder) => {
      const exported = await bundles.exportTo(folder);
      return exported.ok
        ? { ok: true, value: join(folder, exported.value.fileName) }
        : { ok: false, reason: exported.message };
    },
    importSetup: (file) =>
      queue(async () => {
        // A setup from the fleet leaves this kiosk's mode (waiting room or consultation) as it is.
        const imported = await bundles.importFrom(file, { mode: true });
        if (!imported.ok) return { ok: false, reason: imported.message };
        rememberShown('fleet');
        followSchedule();
        broadcastConfig();
        return { ok: true, value: null };
      }),
    // The same checks when a setup arrives, changing nothing (this kiosk's mode kept likewise).
    checkSetup: async (file) => {
      const checked = await bundles.checkFile(file, { mode: true });
      return checked.ok ? { ok: true, value: null } : { ok: false, reason: checked.message };
    },
    snapshot: () => {
      const showing = playLog.nowShowing();
      const yesterday = playLog.day(localDateOf(new Date(options.now().getTime() - 24 * 3600_000)));
      const recovery = recoveries.recent(20).find((entry) => RECOVERY_EVENTS.has(entry.event));
      const state =
        options.monotonicNow() - lastFaultAt < RECOVERING_FOR_MS
          ? 'recovering'
          : showing.screen === 'admin'
            ? 'admin'
            : startup.mode === 'present'
              ? 'presenting'
              : showing.screen === 'closed' ||
                  scheduleDecisionOf(config().settings, localTimeOf(options.now())).kind ===
                    'closed'
                ? 'closed'
                : 'playing';
      return {
        state,
        currentSlide: showing.slideId,
        lastRecovery: recovery
          ? { at: recovery.at, reason: `${recovery.event}: ${recovery.detail}`.slice(0, 300) }
          : null,
        yesterday:
          yesterday.plays > 0
            ? {
                plays: yesterday.plays,
                touchSessions: yesterday.touchSessions,
                playingHours: Math.round((yesterday.screenSeconds.playing / 3600) * 10) / 10,
              }
            : null,
      };
    },
    note: (event, detail) => recoveries.append(event, detail),
    ...(options.captureScreen ? { captureScreen: options.captureScreen } : {}),
  });
  screenChanged = () => fleet.statusChanged();

  const admin = createAdminService({
    contentHistory,
    queue,
    store,
    pin,
    recoveries,
    changes,
    appVersion: options.appVersion,
    deckContentVersion: deckData.contentVersion,
    setupRequested: launch.setup,
    settingsNotice: store.recovery,
    safeMode: () => {
      const safeMode = faults.safeMode();
      return safeMode ? { ...safeMode, endsAt: new Date(calmUntil).toISOString() } : null;
    },
    leaveSafeMode: () => leaveSafeMode('ended by staff'),
    monotonicNow: options.monotonicNow,
    now: options.now,
    onSettingsSaved: () => {
      followSchedule();
      broadcastConfig();
    },
    quit: options.quit,
    media,
    bundles,
    notify: options.broadcast,
    playLogStatus: () => playLog.status(),
    fleetView: () => fleetView(fleet),
    extensions: (tools) => ({
      ...playLogAdminHandlers(tools, playLog, () => ({
        clinic: store.settings.clinic.name,
        titleOf: (slideId) =>
          deckData.slides.find((slide: { id: string }) => slide.id === slideId)?.title.en ??
          store.settings.customSlides.find((slide) => slide.id === slideId)?.title.en ??
          slideId,
      })),
      ...fleetAdminHandlers(
        tools,
        fleet,
        options.now,
        options.screensBaseUrl ?? `app://${SCREENS_HOST}/`,
      ),
    }),
  });

  const ipc = createIpcHandlers({
    getConfig: config,
    logProblem: (report) => {
      console.warn(`[renderer] ${report.kind}: ${report.message}`);
      recoveries.append(report.kind, describeProblem(report));
    },
    heartbeat: options.heartbeat,
    reportPlay: (payload) => playLog.report(payload),
    admin,
    ...(options.devServerOrigin ? { devServerOrigin: options.devServerOrigin } : {}),
  });
  const appProtocol = createAppProtocolHandler({
    // The clinic's own images and videos are served from the data folder as app://media/…
    roots: { [APP_HOST]: options.rendererRoot, [MEDIA_HOST]: mediaDirectory },
    contentSecurityPolicy: CONTENT_SECURITY_POLICY_HEADER,
    // index.html's prerendered slide only where it is the slide this kiosk starts on (no flash
    // of the built-in English welcome in Spanish, on another first slide, closed, presenting).
    prerenderFits: kioskPrerenderRule(config),
    // The Screens view's pictures, from the shared status folder (written by other machines).
    screens: {
      folder: () => {
        const membership = fleet.state().membership;
        return membership ? join(membership.statusFolder, STATUS_FOLDER) : null;
      },
      name: SCREENSHOT_NAME,
      accept: isJpeg,
      maxBytes: SCREENSHOT_MAX_BYTES,
    },
  });

  followSchedule();
  startCalmHour();
  const scheduleTimer = setInterval(followSchedule, SCHEDULE_CHECK_MS);
  // The system clock was set (by hand or by time sync): closed hours may have begun or ended,
  // and a setup from the fleet waiting for its time switches by the clock as it is now.
  const stopClockWatch = watchClock({
    ...options.clockWatch,
    onJump: (jumpMs) => {
      recoveries.append('clock-changed', `the system clock jumped ${Math.round(jumpMs / 1000)} s`);
      playLog.clockJumped();
      followSchedule();
      fleet.clockChanged();
    },
  });

  return {
    config,
    store,
    pin,
    recoveries,
    changes,
    media,
    bundles,
    faults,
    playLog,
    fleet,
    importFolder,
    mediaDirectory,
    ipc,
    appProtocol,
    followSchedule,
    noteFault: () => {
      lastFaultAt = options.monotonicNow();
      startCalmHour();
      fleet.statusChanged();
    },
    stop() {
      clearInterval(scheduleTimer);
      if (calmTimer) clearTimeout(calmTimer);
      stopClockWatch();
      playLog.stop();
      fleet.stop();
      faults.markCleanExit();
      if (awake) options.displaySleep.allow();
      awake = false;
    },
  };
}
