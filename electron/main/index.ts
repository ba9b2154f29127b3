import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  session,
} from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import deckData from '../../assets/deck/how-ketamine-works.json';
import {
  CONTENT_SECURITY_POLICY_HEADER,
  IpcChannel,
  localTimeOf,
  scheduleDecisionOf,
  watchClock,
  type KioskConfig,
} from '../../contract';
import { homedir, userInfo } from 'node:os';
import { mkdirSync, readdirSync } from 'node:fs';
import { createAdminService, createPinFileStore } from './adminService';
import { checkNamedMediaFile, createMediaLibrary, usbMountRoots } from './mediaLibrary';
import { createSetupBundles } from './setupBundle';
import {
  APP_ENTRY_URL,
  APP_HOST,
  APP_SCHEME,
  createAppProtocolHandler,
  kioskPrerenderRule,
  MEDIA_HOST,
} from './appProtocol';
import { parseLaunchOptions } from './commandLine';
import { createIpcHandlers, IpcRejection, type IpcSender } from './ipcHandlers';
import { isEscapeShortcut } from './escapeKeys';
import { managePresenterWindow } from './presenterWindow';
import { createKioskWindow } from './kioskWindow';
import { superviseKiosk, type KioskSupervisor } from './kioskSupervisor';
import { decidePermission, isAppUrl } from './navigationPolicy';
import { createRecoveryLog, describeProblem } from './recoveryLog';
import { openSettingsStore } from './settingsStore';
import { createStaffPin } from './staffPin';

const launch = parseLaunchOptions(process.argv);
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const devServerOrigin = !app.isPackaged && devServerUrl ? new URL(devServerUrl).origin : undefined;
const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      stream: true,
      // Caption tracks are fetched from app://media with CORS.
      corsEnabled: true,
    },
  },
]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('the kiosk could not start', error);
      app.exit(1);
    });
}

// Every web contents, now or later: no navigation away, no new windows, no webviews.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Reload, devtools, zoom, fullscreen toggling, closing: refused outside development.
  contents.on('before-input-event', (event, input) => {
    if (app.isPackaged || !devServerOrigin) {
      if (isEscapeShortcut(input)) event.preventDefault();
    }
  });
});

async function start(): Promise<void> {
  Menu.setApplicationMenu(null);
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(decidePermission()),
  );
  session.defaultSession.setPermissionCheckHandler(() => decidePermission());
  const log = createRecoveryLog({ directory: app.getPath('userData') });
  // Saved settings, checked on load: a damaged file is kept aside and the last good copy used.
  const store = openSettingsStore({ directory: app.getPath('userData'), now: () => new Date() });
  if (store.recovery) {
    log.append('settings-recovered', JSON.stringify(store.recovery));
  }
  const settings = store.settings;
  const userData = app.getPath('userData');
  const changes = createRecoveryLog({ directory: userData, fileName: 'changes.log' });
  const pin = createStaffPin({
    store: createPinFileStore(userData),
    monotonicNow: () => performance.now(),
  });
  if (launch.resetPin) {
    // Only someone at the machine can start the app with this switch; content is kept.
    await pin.resetPin();
    changes.append('pin-reset', 'started with --reset-pin');
  }
  const config: KioskConfig = {
    settings,
    // Staff choose presenting per kiosk; `--present` chooses it for one run.
    mode: launch.mode === 'present' ? 'present' : settings.mode,
    appVersion: app.getVersion(),
    mediaBaseUrl: `${APP_SCHEME}://media/`,
  };
  const mediaDirectory = join(userData, 'media');
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      // The clinic's own images and videos are served from the data folder as app://media/…
      roots: { [APP_HOST]: rendererRoot, [MEDIA_HOST]: mediaDirectory },
      contentSecurityPolicy: CONTENT_SECURITY_POLICY_HEADER,
      // index.html's prerendered slide only where it is the slide this kiosk starts on (no flash
      // of the built-in English welcome in Spanish, on another first slide, closed, presenting).
      prerenderFits: kioskPrerenderRule(() => config),
    }),
  );
  // The clinic's pictures and videos: picked from USB drives or the import folder, by token.
  const importFolder = launch.importFolder ?? join(userData, 'import');
  mkdirSync(importFolder, { recursive: true });
  const media = createMediaLibrary({
    mediaDirectory,
    sources: () => [
      { label: 'Import folder', kind: 'import-folder', path: importFolder },
      ...usbMountRoots({
        platform: process.platform,
        username: safeUserName(),
        listDirectory: (path) => readdirSync(path),
      }),
    ],
  });
  const bundles = createSetupBundles({
    directory: userData,
    mediaDirectory,
    store,
    appVersion: app.getVersion(),
    now: () => new Date(),
    checkMedia: checkNamedMediaFile,
  });
  let supervisor: KioskSupervisor | null = null;
  registerIpc(
    createIpcHandlers({
      getConfig: () => config,
      logProblem: (report) => {
        console.warn(`[renderer] ${report.kind}: ${report.message}`);
        log.append(report.kind, describeProblem(report));
      },
      heartbeat: (beat) => supervisor?.heartbeat(beat),
      admin: createAdminService({
        store,
        pin,
        recoveries: log,
        changes,
        appVersion: app.getVersion(),
        deckContentVersion: deckData.contentVersion,
        setupRequested: launch.setup,
        settingsNotice: store.recovery,
        monotonicNow: () => performance.now(),
        now: () => new Date(),
        onSettingsSaved: (saved) => {
          // Mode and displays apply at the next start; everything else at once.
          config.settings = saved;
          followSchedule();
          for (const window of BrowserWindow.getAllWindows()) {
            window.webContents.send(IpcChannel.kioskConfigChanged, config);
          }
        },
        quit: () => app.quit(),
        media,
        bundles,
        notify: (channel, payload) => {
          for (const window of BrowserWindow.getAllWindows()) {
            window.webContents.send(channel, payload);
          }
        },
      }),
      ...(devServerOrigin ? { devServerOrigin } : {}),
    }),
  );

  // A waiting-room screen must not go dark while the slideshow plays; in closed hours it may.
  let blocker: number | null = null;
  const followSchedule = () => {
    const open = scheduleDecisionOf(config.settings, localTimeOf(new Date())).kind !== 'closed';
    if (open && blocker === null) blocker = powerSaveBlocker.start('prevent-display-sleep');
    if (!open && blocker !== null) {
      powerSaveBlocker.stop(blocker);
      blocker = null;
    }
  };
  followSchedule();
  setInterval(followSchedule, 60_000);
  powerMonitor.on('resume', followSchedule);
  // The system clock was set (by hand or by time sync): closed hours may have begun or ended.
  watchClock({
    onJump: (jumpMs) => {
      log.append('clock-changed', `the system clock jumped ${Math.round(jumpMs / 1000)} s`);
      followSchedule();
    },
  });
  powerMonitor.on('unlock-screen', followSchedule);

  const entryUrl = devServerUrl && devServerOrigin ? devServerUrl : APP_ENTRY_URL;
  const openWindow = (url: string) =>
    createKioskWindow({
      preloadPath,
      url,
      windowed: launch.windowed,
      devTools: !app.isPackaged,
      backgroundColor: '#0f2530',
    });
  supervisor = superviseKiosk({
    createWindow: () => openWindow(entryUrl),
    log,
    fullscreen: !launch.windowed,
    nightlyRestartHour: () => config.settings.nightlyRestartHour,
    audienceDisplayId: () => config.settings.audienceDisplayId,
  });

  if (config.mode === 'present') {
    managePresenterWindow({
      createWindow: openWindow,
      presenterUrl: `${entryUrl}?view=presenter`,
      audienceDisplayId: () => config.settings.audienceDisplayId,
      presenterDisplayId: () => config.settings.presenterDisplayId,
    });
  }
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return homedir().split(/[\\/]/).pop() ?? '';
  }
}

function registerIpc(handlers: ReturnType<typeof createIpcHandlers>): void {
  const senderOf = (event: Electron.IpcMainEvent | Electron.IpcMainInvokeEvent): IpcSender => ({
    frameUrl: event.senderFrame?.url,
    isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
  });
  for (const [channel, handler] of Object.entries(handlers.invoke)) {
    ipcMain.handle(channel, (event, payload: unknown) => handler(senderOf(event), payload));
  }
  for (const [channel, handler] of Object.entries(handlers.send)) {
    ipcMain.on(channel, (event, payload: unknown) => {
      try {
        handler(senderOf(event), payload);
      } catch (error) {
        if (!(error instanceof IpcRejection)) throw error;
        console.warn(error.message);
      }
    });
  }
}

// The supervisor replaces a lost window; closing the last one on purpose ends the app.
app.on('window-all-closed', () => app.quit());
