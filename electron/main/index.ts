import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, protocol, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY_HEADER, DEFAULT_SETTINGS, type KioskConfig } from '../../contract';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, createAppProtocolHandler } from './appProtocol';
import { parseLaunchOptions } from './commandLine';
import { createIpcHandlers, IpcRejection, type IpcSender } from './ipcHandlers';
import { createKioskWindow } from './kioskWindow';
import { decidePermission, isAppUrl } from './navigationPolicy';

const launch = parseLaunchOptions(process.argv);
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const devServerOrigin = !app.isPackaged && devServerUrl ? new URL(devServerUrl).origin : undefined;
const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
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
  void app.whenReady().then(start);
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
});

function start(): void {
  Menu.setApplicationMenu(null);
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(decidePermission()),
  );
  session.defaultSession.setPermissionCheckHandler(() => decidePermission());
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      roots: { [APP_HOST]: rendererRoot },
      contentSecurityPolicy: CONTENT_SECURITY_POLICY_HEADER,
    }),
  );

  const config: KioskConfig = {
    settings: DEFAULT_SETTINGS,
    mode: launch.mode,
    appVersion: app.getVersion(),
  };
  registerIpc(
    createIpcHandlers({
      getConfig: () => config,
      logProblem: (report) => console.warn(`[renderer] ${report.kind}: ${report.message}`),
      ...(devServerOrigin ? { devServerOrigin } : {}),
    }),
  );

  // A waiting-room screen must not go dark while the slideshow plays.
  powerSaveBlocker.start('prevent-display-sleep');

  createKioskWindow({
    preloadPath,
    url: devServerUrl && devServerOrigin ? devServerUrl : APP_ENTRY_URL,
    windowed: launch.windowed,
    devTools: !app.isPackaged,
    backgroundColor: '#0f2530',
  });
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

app.on('window-all-closed', () => app.quit());
