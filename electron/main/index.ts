/**
 * Electron's side of main, kept thin: the app:// scheme, the single-instance lock, the policy
 * every web contents gets, and then `createMainServices` (mainServices.ts) wired to Electron's
 * ipcMain, protocol, power and window APIs. Everything that decides anything lives in the
 * plain modules beside this file.
 */
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
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { homedir, userInfo } from 'node:os';
import { readdirSync } from 'node:fs';
import { APP_ENTRY_URL, APP_SCHEME } from './appProtocol';
import { parseLaunchOptions, relaunchArguments } from './commandLine';
import { IpcRejection, type IpcHandlerTable, type IpcSender } from './ipcHandlers';
import { isEscapeShortcut } from './escapeKeys';
import { smallJpegOf } from './fleet/fleetScreenshots';
import { createMainServices } from './mainServices';
import { usbMountRoots } from './media/importSources';
import { managePresenterWindow } from './presenterWindow';
import { createKioskWindow } from './kioskWindow';
import { superviseKiosk, type KioskSupervisor } from './kioskSupervisor';
import { decidePermission, isAppUrl } from './navigationPolicy';

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

/** Starts this app again without the one-shot switches it was given (`--reset-pin`, `--setup`). */
function relaunchApp(): void {
  app.relaunch({ args: relaunchArguments(process.argv) });
  app.exit(0);
}

async function start(): Promise<void> {
  Menu.setApplicationMenu(null);
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(decidePermission()),
  );
  session.defaultSession.setPermissionCheckHandler(() => decidePermission());

  let supervisor: KioskSupervisor | null = null;
  let blocker: number | null = null;
  const services = await createMainServices({
    directory: app.getPath('userData'),
    launch,
    appVersion: app.getVersion(),
    rendererRoot,
    mediaBaseUrl: `${APP_SCHEME}://media/`,
    drives: () =>
      usbMountRoots({
        platform: process.platform,
        username: safeUserName(),
        listDirectory: (path) => readdirSync(path),
      }),
    now: () => new Date(),
    monotonicNow: () => performance.now(),
    broadcast: (channel, payload) => {
      for (const window of BrowserWindow.getAllWindows()) {
        window.webContents.send(channel, payload);
      }
    },
    heartbeat: (beat) => supervisor?.heartbeat(beat),
    // The fleet's optional picture: the patients' window, shrunk (the fleet decides when).
    captureScreen: async () => {
      const window = supervisor?.window();
      if (!window || window.isDestroyed()) return null;
      return smallJpegOf(() => window.webContents.capturePage());
    },
    quit: () => app.quit(),
    displaySleep: {
      prevent: () => {
        blocker ??= powerSaveBlocker.start('prevent-display-sleep');
      },
      allow: () => {
        if (blocker !== null) powerSaveBlocker.stop(blocker);
        blocker = null;
      },
    },
    ...(devServerOrigin ? { devServerOrigin } : {}),
  });
  protocol.handle(APP_SCHEME, services.appProtocol);
  registerIpc(services.ipc);
  powerMonitor.on('resume', services.followSchedule);
  powerMonitor.on('unlock-screen', services.followSchedule);
  app.once('will-quit', () => services.stop());

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
    log: services.recoveries,
    fullscreen: !launch.windowed,
    nightlyRestartHour: () => services.store.settings.nightlyRestartHour,
    audienceDisplayId: () => services.store.settings.audienceDisplayId,
    relaunch: (why) => {
      // A fault is counted on disk first (three in 15 minutes: safe mode); a planned one is not.
      if (why.kind === 'fault') services.faults.recordRelaunch(why.reason);
      // app.exit skips 'will-quit': close the play log and the timers here.
      services.stop();
      relaunchApp();
    },
    onRecovery: () => services.noteFault(),
  });
  app.once('will-quit', () => supervisor?.stop());

  if (services.config().mode === 'present') {
    managePresenterWindow({
      createWindow: openWindow,
      presenterUrl: `${entryUrl}?view=presenter`,
      audienceDisplayId: () => services.store.settings.audienceDisplayId,
      presenterDisplayId: () => services.store.settings.presenterDisplayId,
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

/** Hands each channel of the table to ipcMain; what main answers is the table's own reply. */
function registerIpc(handlers: IpcHandlerTable): void {
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
