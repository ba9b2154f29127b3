/**
 * A recording double of the `electron` module, for running the built main process
 * (out/main/index.js) in plain Node. Each part implements the members main uses, typed
 * against Electron's own electron.d.ts (`Pick<Electron.App, …>` and so on), so a call main
 * makes with the wrong shape fails to compile here as it would against Electron. The test
 * drives it: it makes the app ready, raises window and web-contents events, calls the IPC
 * handlers and the protocol handler main registered, and reads what main did.
 */
import { EventEmitter } from 'node:events';

/** What main did, in order: `app.quit`, `window.reload`, `powerSaveBlocker.start` … */
export type CallLog = string[];

export interface DoubleOptions {
  userData: string;
  version?: string;
  /** Another instance already runs: requestSingleInstanceLock() answers false. */
  otherInstanceRunning?: boolean;
  displays?: Electron.Display[];
  /** Started from an installed package (app.isPackaged), not from a checkout. */
  isPackaged?: boolean;
}

export function display(id: number, x: number): Electron.Display {
  const bounds = { x, y: 0, width: 1920, height: 1080 };
  return {
    id,
    bounds,
    workArea: bounds,
    size: { width: 1920, height: 1080 },
    workAreaSize: { width: 1920, height: 1080 },
    scaleFactor: 1,
    rotation: 0,
    internal: false,
    monochrome: false,
    accelerometerSupport: 'unknown',
    colorDepth: 24,
    colorSpace: '',
    depthPerComponent: 8,
    detected: true,
    displayFrequency: 60,
    label: `display ${id}`,
    maximumCursorSize: { width: 0, height: 0 },
    nativeOrigin: { x, y: 0 },
    touchSupport: 'available',
  };
}

/** A fake IPC event from a frame at `url` (the main frame unless `subFrame`). */
function ipcEvent(url: string, subFrame = false) {
  const mainFrame = { url };
  return {
    senderFrame: subFrame ? { url } : mainFrame,
    sender: { mainFrame },
  } as unknown as Electron.IpcMainInvokeEvent;
}

export function createElectronDouble(options: DoubleOptions) {
  const calls: CallLog = [];
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  let ready = false;
  const displays = options.displays ?? [display(1, 0)];

  class WebContentsDouble extends EventEmitter {
    readonly mainFrame = { url: '' };
    windowOpenHandler:
      ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null;
    readonly sent: { channel: string; payload: unknown }[] = [];
    setWindowOpenHandler(
      handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse,
    ): void {
      this.windowOpenHandler = handler;
    }
    send(channel: string, ...args: unknown[]): void {
      this.sent.push({ channel, payload: args[0] });
    }
    reloadIgnoringCache(): void {
      calls.push('webContents.reloadIgnoringCache');
    }
    setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void> {
      calls.push(`webContents.setVisualZoomLevelLimits ${minimumLevel} ${maximumLevel}`);
      return Promise.resolve();
    }
    /** A 1920x1080 page; its JPEG names its size and quality, behind a JPEG's first bytes. */
    capturePage(): Promise<Electron.NativeImage> {
      calls.push('webContents.capturePage');
      return Promise.resolve(imageDouble(1920, 1080) as unknown as Electron.NativeImage);
    }
  }
  const imageDouble = (width: number, height: number) => ({
    isEmpty: () => false,
    getSize: () => ({ width, height }),
    resize: (to: { width: number }) => {
      calls.push(`image.resize ${to.width}`);
      return imageDouble(to.width, Math.round((height * to.width) / width));
    },
    toJPEG: (quality: number) =>
      Buffer.concat([
        Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
        Buffer.from(`${width}x${height} q${quality}`),
        Buffer.from([0xff, 0xd9]),
      ]),
  });
  const webContents: Pick<
    Electron.WebContents,
    | 'setWindowOpenHandler'
    | 'send'
    | 'reloadIgnoringCache'
    | 'setVisualZoomLevelLimits'
    | 'capturePage'
  > = WebContentsDouble.prototype;
  void webContents;

  const windows: BrowserWindowDouble[] = [];
  class BrowserWindowDouble extends EventEmitter {
    static getAllWindows(): BrowserWindowDouble[] {
      return windows.filter((window) => !window.destroyed);
    }
    readonly webContents = new WebContentsDouble();
    readonly options: Electron.BrowserWindowConstructorOptions;
    url: string | null = null;
    destroyed = false;
    bounds: Electron.Rectangle | null = null;
    fullScreen = false;
    kiosk = false;
    shown = false;
    constructor(windowOptions: Electron.BrowserWindowConstructorOptions = {}) {
      super();
      this.options = windowOptions;
      this.fullScreen = windowOptions.fullscreen ?? false;
      this.kiosk = windowOptions.kiosk ?? false;
      windows.push(this);
      calls.push('new BrowserWindow');
      // As Electron: every new web contents is announced before anything loads into it.
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.url = url;
      this.webContents.mainFrame.url = url;
      calls.push(`window.loadURL ${url}`);
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
    setMenu(menu: Electron.Menu | null): void {
      calls.push(`window.setMenu ${String(menu)}`);
    }
    setFullScreen(flag: boolean): void {
      this.fullScreen = flag;
    }
    isFullScreen(): boolean {
      return this.fullScreen;
    }
    setKiosk(flag: boolean): void {
      this.kiosk = flag;
    }
    setBounds(bounds: Partial<Electron.Rectangle>): void {
      this.bounds = { x: 0, y: 0, width: 0, height: 0, ...this.bounds, ...bounds };
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      calls.push('window.destroy');
      this.emit('closed');
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {}
  }
  const browserWindow: Pick<
    Electron.BrowserWindow,
    | 'loadURL'
    | 'show'
    | 'setMenu'
    | 'setFullScreen'
    | 'isFullScreen'
    | 'setKiosk'
    | 'setBounds'
    | 'isDestroyed'
    | 'destroy'
    | 'isMinimized'
    | 'restore'
    | 'focus'
  > = BrowserWindowDouble.prototype;
  void browserWindow;

  const appEmitter = new EventEmitter();
  const app = Object.assign(appEmitter, {
    isPackaged: options.isPackaged ?? false,
    requestSingleInstanceLock: () => {
      calls.push('app.requestSingleInstanceLock');
      return !options.otherInstanceRunning;
    },
    whenReady: () => readyPromise,
    isReady: () => ready,
    enableSandbox: () => {
      calls.push('app.enableSandbox');
    },
    getPath: (name: Parameters<Electron.App['getPath']>[0]) => {
      if (name !== 'userData') throw new Error(`the double has no path for ${name}`);
      return options.userData;
    },
    getVersion: () => options.version ?? '0.1.0',
    quit: () => {
      calls.push('app.quit');
      appEmitter.emit('before-quit', { preventDefault: () => undefined });
      for (const window of BrowserWindowDouble.getAllWindows()) window.destroy();
      appEmitter.emit('will-quit', { preventDefault: () => undefined });
      appEmitter.emit('quit', {}, 0);
    },
    exit: (exitCode = 0) => {
      calls.push(`app.exit ${exitCode}`);
    },
    relaunch: (relaunchOptions?: Electron.RelaunchOptions) => {
      calls.push(`app.relaunch ${JSON.stringify(relaunchOptions?.args ?? null)}`);
    },
  });
  const typedApp: Pick<
    Electron.App,
    | 'requestSingleInstanceLock'
    | 'whenReady'
    | 'isReady'
    | 'enableSandbox'
    | 'getPath'
    | 'getVersion'
    | 'quit'
    | 'exit'
    | 'relaunch'
    | 'isPackaged'
  > = app;
  void typedApp;

  const privilegedSchemes: { schemes: Electron.CustomScheme[]; beforeReady: boolean }[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const protocol: Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'> = {
    registerSchemesAsPrivileged: (schemes) => {
      privilegedSchemes.push({ schemes, beforeReady: !ready });
    },
    handle: (scheme, handler) => {
      if (!ready) throw new Error('protocol.handle before the app is ready');
      protocolHandlers.set(scheme, handler);
    },
  };

  type PermissionRequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
  type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];
  const permissions: {
    request: PermissionRequestHandler;
    check: PermissionCheckHandler;
  } = { request: null, check: null };
  const defaultSession: Pick<
    Electron.Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler'
  > = {
    setPermissionRequestHandler: (handler) => {
      permissions.request = handler;
    },
    setPermissionCheckHandler: (handler) => {
      permissions.check = handler;
    },
  };

  type InvokeListener = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;
  type SendListener = (event: Electron.IpcMainEvent, ...args: unknown[]) => void;
  const invokeHandlers = new Map<string, InvokeListener>();
  const sendHandlers = new Map<string, SendListener[]>();
  const ipcMain: Pick<Electron.IpcMain, 'handle' | 'on'> = {
    handle: (channel, listener) => {
      if (invokeHandlers.has(channel)) throw new Error(`a second handler for ${channel}`);
      invokeHandlers.set(channel, listener as InvokeListener);
    },
    on(channel, listener) {
      sendHandlers.set(channel, [...(sendHandlers.get(channel) ?? []), listener as SendListener]);
      return this as Electron.IpcMain;
    },
  };

  const blockers = new Map<number, string>();
  let nextBlocker = 1;
  const powerSaveBlocker: Pick<Electron.PowerSaveBlocker, 'start' | 'stop' | 'isStarted'> = {
    start: (type) => {
      const id = nextBlocker++;
      blockers.set(id, type);
      calls.push(`powerSaveBlocker.start ${type}`);
      return id;
    },
    stop: (id) => {
      calls.push(`powerSaveBlocker.stop`);
      return blockers.delete(id);
    },
    isStarted: (id) => blockers.has(id),
  };

  const screen = Object.assign(new EventEmitter(), {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0]!,
  });
  const typedScreen: Pick<Electron.Screen, 'getAllDisplays' | 'getPrimaryDisplay'> = screen;
  void typedScreen;

  const Menu: Pick<typeof Electron.Menu, 'setApplicationMenu'> = {
    setApplicationMenu: (menu) => {
      calls.push(`Menu.setApplicationMenu ${String(menu)}`);
    },
  };

  const powerMonitor = new EventEmitter();

  return {
    /** What `import … from 'electron'` gives main. */
    module: {
      app,
      BrowserWindow: BrowserWindowDouble,
      ipcMain,
      Menu,
      powerMonitor,
      powerSaveBlocker,
      protocol,
      screen,
      session: { defaultSession },
    },
    calls,
    windows,
    privilegedSchemes,
    protocolHandlers,
    permissions,
    invokeHandlers,
    sendHandlers,
    blockers,
    /** Electron has finished starting: `whenReady()` resolves. */
    becomeReady(): void {
      ready = true;
      app.emit('ready');
      resolveReady();
    },
    /** Calls the handler main registered for an invoke channel, as the page at `url` would. */
    async invoke(channel: string, payload?: unknown, url = 'app://kiosk/index.html') {
      const handler = invokeHandlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(ipcEvent(url), payload);
    },
    /** Sends on a channel main listens to, as the page at `url` would. */
    send(channel: string, payload: unknown, url = 'app://kiosk/index.html'): void {
      for (const listener of sendHandlers.get(channel) ?? []) {
        listener(ipcEvent(url) as unknown as Electron.IpcMainEvent, payload);
      }
    },
    /** Fetches through the app:// handler main registered. */
    async fetch(url: string, init?: RequestInit): Promise<Response> {
      const handler = protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
      if (!handler) throw new Error(`no protocol handler for ${url}`);
      return handler(new Request(url, init));
    },
  };
}

export type ElectronDouble = ReturnType<typeof createElectronDouble>;
