import { BrowserWindow } from 'electron';

export interface KioskWindowOptions {
  preloadPath: string;
  url: string;
  windowed: boolean;
  devTools: boolean;
  backgroundColor: string;
}

/** The one fullscreen window, shown only once its first frame is ready (no white flash). */
export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    fullscreen: !options.windowed,
    kiosk: !options.windowed,
    width: 1280,
    height: 800,
    autoHideMenuBar: true,
    backgroundColor: options.backgroundColor,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would try to open links in new windows; there are none to open.
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
      // A kiosk is "in the background" to Chromium more often than one thinks; keep timers honest.
      backgroundThrottling: false,
    },
  });
  window.setMenu(null);
  // Pinch zoom is refused here as well as by CSS touch-action in the page.
  window.webContents.on('did-finish-load', () => {
    void window.webContents.setVisualZoomLevelLimits(1, 1);
  });
  window.once('ready-to-show', () => {
    window.show();
    if (!options.windowed) window.setFullScreen(true);
  });
  void window.loadURL(options.url);
  return window;
}
