/**
 * The built main process (out/main/index.js, as `npm run build` leaves it) boots in Node with
 * the `electron` module replaced by a recording double (tests/support/electronDouble.ts). What
 * runs is main's real code: its command line, its composition root, its window, supervisor
 * and watchdog, and its handlers, called the way Electron calls them.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ADMIN_BRIDGE_INVOKE,
  AdminStateSchema,
  DEFAULT_PLAYLIST,
  BRIDGE_INVOKE,
  BRIDGE_SEND,
  IpcChannel,
  KioskConfigSchema,
  type AdminResult,
  type AdminState,
  type AdminStatus,
  type ImportSource,
  type PickerFolder,
} from '../../contract';
import { editable } from '../../renderer/src/admin/editable';
import { createElectronDouble, display, type ElectronDouble } from '../support/electronDouble';

const root = fileURLToPath(new URL('../..', import.meta.url));
const builtMain = path.join(root, 'out/main/index.js');
const garden = fs.readFileSync(path.join(root, 'tests/e2e/media/garden.png'));

beforeAll(() => {
  if (!fs.existsSync(builtMain))
    throw new Error(`${builtMain} is missing: run npm run build first`);
});

interface Boot {
  electron: ElectronDouble;
  userData: string;
  errors: unknown[][];
}
const boots: Boot[] = [];
const argvBefore = process.argv;

afterEach(() => {
  process.argv = argvBefore;
  vi.useRealTimers();
  vi.doUnmock('electron');
  vi.restoreAllMocks();
  for (const boot of boots.splice(0)) {
    // The app quits as Electron would, so its timers stop before the next boot.
    if (!boot.electron.calls.includes('app.quit')) boot.electron.module.app.quit();
    fs.rmSync(boot.userData, { recursive: true, force: true });
  }
});

/** Real-time wait (fake timers do not move it) until `condition` holds. */
async function until(condition: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  const started = process.hrtime.bigint();
  while (!condition()) {
    if (Number(process.hrtime.bigint() - started) / 1e6 > limitMs) {
      throw new Error(`timed out waiting until ${what}`);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Loads the built main as Electron would start it with these arguments, makes the app ready,
 * and waits until the kiosk window exists. Start-up errors (console.error, app.exit(1)) fail.
 */
async function boot(
  args: string[] = [],
  options: {
    userData?: string;
    displays?: Electron.Display[];
    ready?: boolean;
    isPackaged?: boolean;
  } = {},
): Promise<Boot> {
  const userData = options.userData ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-boot-'));
  const electron = createElectronDouble({
    userData,
    ...(options.displays ? { displays: options.displays } : {}),
    ...(options.isPackaged ? { isPackaged: true } : {}),
  });
  const errors: unknown[][] = [];
  vi.spyOn(console, 'error').mockImplementation((...data: unknown[]) => {
    errors.push(data);
  });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const booted: Boot = { electron, userData, errors };
  boots.push(booted);
  process.argv = ['/opt/electron/electron', root, ...args];
  vi.resetModules();
  vi.doMock('electron', () => electron.module);
  vi.useFakeTimers({
    now: new Date('2026-03-02T09:00:00'),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
  });
  await import(/* @vite-ignore */ `${builtMain}?boot=${boots.length}-${Math.random()}`);
  if (options.ready === false) return booted;
  electron.becomeReady();
  await until(
    () => electron.windows.length > 0 || errors.length > 0 || electron.calls.includes('app.exit 1'),
    'the kiosk window is created',
  );
  expect(errors, 'errors at start-up').toEqual([]);
  expect(electron.calls).not.toContain('app.exit 1');
  return booted;
}

const invoke = <T>(electron: ElectronDouble, channel: string, payload?: unknown) =>
  electron.invoke(channel, payload) as Promise<T>;

/** Sets the first PIN and opens an admin session through main's own handlers. */
async function unlockAdmin(electron: ElectronDouble): Promise<void> {
  expect(await invoke(electron, IpcChannel.adminSetFirstPin, { pin: '4829' })).toMatchObject({
    ok: true,
  });
  expect(await invoke(electron, IpcChannel.adminUnlock, { pin: '4829' })).toMatchObject({
    ok: true,
  });
}

describe('the built main process starts', () => {
  it('registers app:// before ready, takes the single-instance lock, then opens one locked-down kiosk window', async () => {
    const { electron } = await boot([], { ready: false });
    // Before ready: the scheme is privileged, the sandbox on for every renderer, the lock taken.
    expect(electron.privilegedSchemes).toEqual([
      {
        beforeReady: true,
        schemes: [
          expect.objectContaining({
            scheme: 'app',
            privileges: expect.objectContaining({ standard: true, secure: true }),
          }),
        ],
      },
    ]);
    expect(electron.calls).toEqual(['app.enableSandbox', 'app.requestSingleInstanceLock']);
    expect(electron.windows).toHaveLength(0);

    electron.becomeReady();
    await until(() => electron.windows.length === 1, 'the kiosk window is created');
    const [window] = electron.windows;
    expect(window!.options).toMatchObject({
      show: false,
      fullscreen: true,
      kiosk: true,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        devTools: true,
      },
    });
    expect(fs.existsSync(window!.options.webPreferences!.preload!)).toBe(true);
    expect(window!.options.webPreferences!.preload).toBe(path.join(root, 'out/preload/index.cjs'));
    expect(window!.url).toBe('app://kiosk/index.html');
    expect(electron.calls).toContain('Menu.setApplicationMenu null');
    // Shown only with its first frame ready, then fullscreen.
    expect(window!.shown).toBe(false);
    window!.emit('ready-to-show');
    expect(window!.shown).toBe(true);
    expect(window!.isFullScreen()).toBe(true);
  });

  it('a second instance only hands over to the first and quits', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-boot-'));
    const electron = createElectronDouble({ userData, otherInstanceRunning: true });
    boots.push({ electron, userData, errors: [] });
    vi.resetModules();
    vi.doMock('electron', () => electron.module);
    await import(/* @vite-ignore */ `${builtMain}?second=${Math.random()}`);
    electron.becomeReady();
    await new Promise((resolve) => setImmediate(resolve));
    expect(electron.calls).toContain('app.quit');
    expect(electron.windows).toHaveLength(0);
    expect(electron.invokeHandlers.size).toBe(0);
  });

  it('registers exactly the contract’s IPC channels, each answering only the kiosk page', async () => {
    const { electron } = await boot();
    expect([...electron.invokeHandlers.keys()].sort()).toEqual(
      [...Object.values(BRIDGE_INVOKE), ...Object.values(ADMIN_BRIDGE_INVOKE)].sort(),
    );
    expect([...electron.sendHandlers.keys()].sort()).toEqual(Object.values(BRIDGE_SEND).sort());
    const config = KioskConfigSchema.parse(await electron.invoke(IpcChannel.getKioskConfig));
    expect(config).toMatchObject({
      mode: 'loop',
      appVersion: '0.1.0',
      mediaBaseUrl: 'app://media/',
    });
    await expect(
      electron.invoke(IpcChannel.getKioskConfig, undefined, 'https://example.com/'),
    ).rejects.toThrow(/did not come from the kiosk page/);
  });

  it('refuses navigation, redirects, new windows, webviews and every permission', async () => {
    const { electron } = await boot();
    const contents = electron.windows[0]!.webContents;
    const attempt = (event: string, url?: string) => {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    };
    expect(attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', 'app://kiosk/index.html')).toBe(false);
    expect(attempt('will-redirect', 'https://example.com/')).toBe(true);
    expect(attempt('will-attach-webview')).toBe(true);
    expect(
      contents.windowOpenHandler!({ url: 'https://example.com/' } as Electron.HandlerDetails),
    ).toEqual({ action: 'deny' });
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal'] as const) {
      const callback = vi.fn();
      electron.permissions.request!(
        contents as unknown as Electron.WebContents,
        permission,
        callback,
        {} as Electron.PermissionRequest,
      );
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(
        electron.permissions.check!(
          null,
          permission,
          'app://kiosk',
          {} as Electron.PermissionCheckHandlerHandlerDetails,
        ),
      ).toBe(false);
    }
    // Reload and devtools keys are refused in the page too.
    const preventDefault = vi.fn();
    contents.emit(
      'before-input-event',
      { preventDefault },
      {
        type: 'keyDown',
        key: 'F5',
        code: 'F5',
        control: false,
        shift: false,
        alt: false,
        meta: false,
      },
    );
    expect(preventDefault).toHaveBeenCalled();
  });

  it('installed from a package, it has no devtools and ignores a dev server named in the environment', async () => {
    const devServer = process.env['ELECTRON_RENDERER_URL'];
    process.env['ELECTRON_RENDERER_URL'] = 'http://127.0.0.1:5173/';
    try {
      const { electron } = await boot([], { isPackaged: true });
      const [window] = electron.windows;
      expect(window!.options.webPreferences).toMatchObject({ devTools: false });
      expect(window!.url).toBe('app://kiosk/index.html');
      const preventDefault = vi.fn();
      window!.webContents.emit('will-navigate', { preventDefault }, 'http://127.0.0.1:5173/');
      expect(preventDefault).toHaveBeenCalled();
    } finally {
      if (devServer === undefined) delete process.env['ELECTRON_RENDERER_URL'];
      else process.env['ELECTRON_RENDERER_URL'] = devServer;
    }
  });

  it('keeps the display awake while the slideshow plays', async () => {
    const { electron } = await boot();
    expect(electron.calls).toContain('powerSaveBlocker.start prevent-display-sleep');
    expect(electron.blockers.size).toBe(1);
  });

  it('serves the page, the deck’s illustrations and a clinic media file through the app:// handler it registered', async () => {
    const { electron, userData } = await boot();
    const page = await electron.fetch('app://kiosk/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await page.text()).toContain('<div id="root"');
    const script = /src="\.\/(assets\/index-[^"]+\.js)"/.exec(
      fs.readFileSync(path.join(root, 'out/renderer/index.html'), 'utf8'),
    )![1]!;
    expect((await electron.fetch(`app://kiosk/${script}`)).status).toBe(200);

    const name = `${createHash('sha256').update(garden).digest('hex')}.png`;
    fs.mkdirSync(path.join(userData, 'media'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'media', name), garden);
    const media = await electron.fetch(`app://media/${name}`);
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await media.arrayBuffer()).equals(garden)).toBe(true);
    const ranged = await electron.fetch(`app://media/${name}`, { headers: { range: 'bytes=0-7' } });
    expect(ranged.status).toBe(206);
    expect((await ranged.arrayBuffer()).byteLength).toBe(8);

    expect((await electron.fetch('app://kiosk/../settings.json')).status).toBeGreaterThanOrEqual(
      400,
    );
    expect((await electron.fetch('app://media/settings.json')).status).toBeGreaterThanOrEqual(400);
    expect((await electron.fetch('app://kiosk/index.html', { method: 'POST' })).status).toBe(405);
  });

  it('a fleet kiosk sharing its picture captures its own window, shrunk, and serves it on app://screens', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-boot-'));
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-boot-fleet-'));
    const kioskId = 'kiosk-0a1b2c3d';
    const { publicKey } = generateKeyPairSync('ed25519');
    fs.writeFileSync(
      path.join(userData, 'fleet.json'),
      JSON.stringify({
        version: 1,
        fleetId: 'fleet-0123456789ab',
        role: 'member',
        kioskId,
        name: 'Waiting room',
        room: '',
        setupFolder: path.join(shared, 'setup'),
        statusFolder: shared,
        trustedKeys: [publicKey.export({ type: 'spki', format: 'pem' }).toString()],
        setupVersion: 0,
        screenshots: true,
      }),
    );
    try {
      const { electron } = await boot([], { userData });
      // The page reports it is playing: the first picture follows a few seconds later.
      electron.send(IpcChannel.reportPlay, { events: [{ kind: 'screen', state: 'playing' }] });
      await vi.advanceTimersByTimeAsync(5_000);
      expect(electron.calls).toContain('webContents.capturePage');
      expect(electron.calls).toContain('image.resize 480');
      const picture = fs.readFileSync(path.join(shared, 'status', `${kioskId}.jpg`));
      expect(picture.subarray(4).toString()).toContain('480x270 q60');
      const status = JSON.parse(
        fs.readFileSync(path.join(shared, 'status', `${kioskId}.json`), 'utf8'),
      ) as { screenshotAt: string | null };
      expect(status.screenshotAt).not.toBeNull();
      const served = await electron.fetch(`app://screens/${kioskId}.jpg`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await served.arrayBuffer()).equals(picture)).toBe(true);
      expect((await electron.fetch(`app://screens/${kioskId}.json`)).status).toBe(404);
    } finally {
      fs.rmSync(shared, { recursive: true, force: true });
    }
  });

  it('quits cleanly: every timer stops and the display may sleep again', async () => {
    const { electron } = await boot();
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    electron.windows[0]!.destroy();
    electron.module.app.emit('window-all-closed');
    expect(electron.calls).toContain('app.quit');
    expect(electron.calls).toContain('powerSaveBlocker.stop');
    expect(electron.blockers.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the watchdog recovers the page through Electron’s events', () => {
  it('a renderer that dies is reloaded, then its window recreated, then the app relaunched (capped)', async () => {
    const { electron, userData } = await boot(['--reset-pin', '--windowed']);
    const current = () => electron.windows.filter((window) => !window.destroyed);
    const crash = () =>
      current()[0]!.webContents.emit(
        'render-process-gone',
        {},
        { reason: 'crashed', exitCode: 133 },
      );
    crash();
    vi.advanceTimersByTime(5_000);
    expect(electron.calls).toContain('webContents.reloadIgnoringCache');
    expect(electron.windows).toHaveLength(1);

    // No heartbeat since: the next try is a new window, and the old one goes.
    crash();
    vi.advanceTimersByTime(10_000);
    expect(electron.windows).toHaveLength(2);
    expect(electron.windows[0]!.destroyed).toBe(true);
    expect(current()).toHaveLength(1);

    for (let i = 0; i < 3; i++) {
      crash();
      vi.advanceTimersByTime(35_000);
    }
    expect(electron.calls.filter((call) => call.startsWith('app.relaunch'))).toEqual([]);
    // The sixth fault within ten minutes: the app relaunches, without the one-shot switch.
    crash();
    vi.advanceTimersByTime(35_000);
    expect(electron.calls).toContain(`app.relaunch ${JSON.stringify([root, '--windowed'])}`);
    expect(electron.calls).toContain('app.exit 0');
    const log = fs.readFileSync(path.join(userData, 'recoveries.log'), 'utf8');
    expect(log).toMatch(/"event":"renderer-gone"/);
    expect(log).toMatch(/"event":"recreate-window"/);
    expect(log).toMatch(/"event":"relaunch-app"/);
  });

  it('a page that stops responding gets a grace period, then a reload', async () => {
    const { electron } = await boot();
    const [window] = electron.windows;
    window!.emit('unresponsive');
    vi.advanceTimersByTime(5_000);
    expect(electron.calls).not.toContain('webContents.reloadIgnoringCache');
    window!.emit('responsive');
    vi.advanceTimersByTime(15_000);
    expect(electron.calls).not.toContain('webContents.reloadIgnoringCache');
    window!.emit('unresponsive');
    vi.advanceTimersByTime(15_000);
    expect(electron.calls).toContain('webContents.reloadIgnoringCache');
  });

  it('a first load that stalls is rescued: the window is watched from its creation', async () => {
    const { electron } = await boot();
    // No load event, no heartbeat: the page never came up.
    vi.advanceTimersByTime(55_000);
    expect(electron.calls).not.toContain('webContents.reloadIgnoringCache');
    vi.advanceTimersByTime(15_000);
    expect(electron.calls).toContain('webContents.reloadIgnoringCache');
  });

  it('a page that goes silent after its heartbeats is reloaded', async () => {
    const { electron } = await boot();
    electron.windows[0]!.webContents.emit('did-finish-load');
    electron.send(IpcChannel.heartbeat, { run: 1, rotating: true, index: 0 });
    vi.advanceTimersByTime(25_000);
    electron.send(IpcChannel.heartbeat, { run: 2, rotating: true, index: 1 });
    vi.advanceTimersByTime(25_000);
    expect(electron.calls).not.toContain('webContents.reloadIgnoringCache');
    vi.advanceTimersByTime(15_000);
    expect(electron.calls).toContain('webContents.reloadIgnoringCache');
  });
});

describe('the command line', () => {
  it('--windowed opens a normal window, not a fullscreen kiosk', async () => {
    const { electron } = await boot(['--windowed']);
    expect(electron.windows[0]!.options).toMatchObject({ fullscreen: false, kiosk: false });
    electron.windows[0]!.emit('ready-to-show');
    expect(electron.windows[0]!.isFullScreen()).toBe(false);
  });

  it('--present starts presenting: no loop, and the presenter view on the second screen', async () => {
    const { electron } = await boot(['--present'], { displays: [display(1, 0), display(2, 1920)] });
    const config = KioskConfigSchema.parse(await electron.invoke(IpcChannel.getKioskConfig));
    expect(config.mode).toBe('present');
    const urls = electron.windows.map((window) => window.url);
    expect(urls).toEqual(
      expect.arrayContaining(['app://kiosk/index.html', 'app://kiosk/index.html?view=presenter']),
    );
    const presenter = electron.windows.find((window) => window.url?.includes('presenter'))!;
    expect(presenter.bounds).toMatchObject({ x: 1920 });
  });

  it('--setup asks the admin to offer the first PIN at once', async () => {
    const { electron } = await boot(['--setup']);
    expect(await invoke<AdminStatus>(electron, IpcChannel.adminStatus)).toMatchObject({
      hasPin: false,
      setupRequested: true,
    });
  });

  it('--reset-pin removes a forgotten PIN once, keeps the settings, and logs it', async () => {
    const first = await boot();
    await unlockAdmin(first.electron);
    first.electron.module.app.quit();
    const settingsBefore = fs.readFileSync(path.join(first.userData, 'settings.json'), 'utf8');

    const second = await boot(['--reset-pin'], { userData: first.userData });
    expect(await invoke<AdminStatus>(second.electron, IpcChannel.adminStatus)).toMatchObject({
      hasPin: false,
    });
    expect(fs.readFileSync(path.join(first.userData, 'settings.json'), 'utf8')).toBe(
      settingsBefore,
    );
    expect(fs.readFileSync(path.join(first.userData, 'changes.log'), 'utf8')).toMatch(
      /"event":"pin-reset"/,
    );
  });

  it.each([
    ['--import-folder PATH', (folder: string) => ['--import-folder', folder]],
    ['--import-folder=PATH', (folder: string) => [`--import-folder=${folder}`]],
  ])('%s is where staff pick files from', async (_spelling, args) => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk import folder '));
    fs.writeFileSync(path.join(folder, 'poster.png'), garden);
    try {
      const { electron } = await boot(args(folder));
      await unlockAdmin(electron);
      const sources = await invoke<AdminResult<ImportSource[]>>(
        electron,
        IpcChannel.adminMediaSources,
      );
      const importFolder = sources.ok && sources.value.find((s) => s.kind === 'import-folder');
      expect(importFolder).toBeTruthy();
      const listing = await invoke<AdminResult<PickerFolder>>(
        electron,
        IpcChannel.adminMediaBrowse,
        { token: (importFolder as ImportSource).token },
      );
      expect(listing.ok && listing.value.entries.map((entry) => entry.name)).toEqual([
        'poster.png',
      ]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** Saves the settings staff can change, with `change` applied, through main's own handlers. */
async function saveSettings(
  electron: ElectronDouble,
  change: Partial<ReturnType<typeof editable>>,
): Promise<AdminState> {
  const state = await invoke<AdminResult<AdminState>>(electron, IpcChannel.adminGetState);
  const current = AdminStateSchema.parse(state.ok && state.value);
  const saved = await invoke<AdminResult<AdminState>>(electron, IpcChannel.adminSaveSettings, {
    settings: { ...editable(current), ...change },
  });
  return AdminStateSchema.parse(saved.ok && saved.value);
}

/** restarts.json as the fault history left it. */
const faultHistoryOf = (userData: string) =>
  JSON.parse(fs.readFileSync(path.join(userData, 'restarts.json'), 'utf8')) as {
    running: boolean;
    restarts: unknown[];
    safeMode: unknown;
  };

/**
 * The page plays for `ms` of fake time: loaded, with a heartbeat every 5 s from a rotating loop,
 * so the watchdog has nothing to rescue. Stops early once the app exits.
 */
function playFor(electron: ElectronDouble, ms: number): void {
  electron.windows.filter((window) => !window.destroyed)[0]!.webContents.emit('did-finish-load');
  for (let beat = 0; beat * 5_000 < ms && !electron.calls.includes('app.exit 0'); beat++) {
    electron.send(IpcChannel.heartbeat, { run: beat, rotating: true, index: beat % 5 });
    vi.advanceTimersByTime(5_000);
  }
}

describe('the nightly restart', () => {
  it('relaunches at the hour staff chose, without the one-shot switches, and is not a fault', async () => {
    const first = await boot();
    await unlockAdmin(first.electron);
    expect((await saveSettings(first.electron, { nightlyRestartHour: 10 })).settings).toMatchObject(
      { nightlyRestartHour: 10 },
    );
    first.electron.module.app.quit();

    // Started at 09:00 with switches meant for this start only.
    const { electron, userData } = await boot(['--reset-pin', '--setup', '--windowed'], {
      userData: first.userData,
    });
    const relaunches = () => electron.calls.filter((call) => call.startsWith('app.relaunch'));
    playFor(electron, 59 * 60_000);
    expect(relaunches()).toEqual([]);
    // 10:00.
    playFor(electron, 60_000);
    expect(relaunches()).toEqual([`app.relaunch ${JSON.stringify([root, '--windowed'])}`]);
    expect(electron.calls).toContain('app.exit 0');
    const recoveries = fs.readFileSync(path.join(userData, 'recoveries.log'), 'utf8');
    expect(recoveries).toMatch(/"event":"nightly-restart","detail":"scheduled restart at 10:00"/);
    expect(recoveries).not.toMatch(/"event":"relaunch-app"/);
    // Not a fault: nothing counted towards safe mode, and the run ended cleanly.
    expect(faultHistoryOf(userData)).toMatchObject({
      running: false,
      restarts: [],
      safeMode: null,
    });

    // The relaunched app starts as usual: no fault found, no safe mode, --setup not carried on.
    const after = await boot(['--windowed'], { userData });
    expect(faultHistoryOf(userData)).toMatchObject({ running: true, restarts: [], safeMode: null });
    expect(await invoke<AdminStatus>(after.electron, IpcChannel.adminStatus)).toMatchObject({
      setupRequested: false,
    });
  });

  it('an hour staff set, turn off or change while the kiosk runs is followed that same day', async () => {
    const { electron, userData } = await boot();
    const relaunches = () => electron.calls.filter((call) => call.startsWith('app.relaunch'));
    await unlockAdmin(electron);
    // 09:00: staff turn it on for 10:00, then off again at 09:30.
    await saveSettings(electron, { nightlyRestartHour: 10 });
    playFor(electron, 30 * 60_000);
    await saveSettings(electron, { nightlyRestartHour: null });
    playFor(electron, 60 * 60_000);
    expect(relaunches()).toEqual([]);
    // 10:30: on again, for 11:00.
    await saveSettings(electron, { nightlyRestartHour: 11 });
    playFor(electron, 29 * 60_000);
    expect(relaunches()).toEqual([]);
    playFor(electron, 60_000);
    expect(relaunches()).toEqual([`app.relaunch ${JSON.stringify([root])}`]);
    expect(fs.readFileSync(path.join(userData, 'recoveries.log'), 'utf8')).toMatch(
      /"event":"nightly-restart","detail":"scheduled restart at 11:00"/,
    );
    expect(faultHistoryOf(userData)).toMatchObject({ running: false, restarts: [] });
  });
});

/** Crashes the page until the watchdog gives up and relaunches the app (a fault relaunch). */
function crashUntilRelaunch(electron: ElectronDouble): void {
  for (let i = 0; i < 10 && !electron.calls.includes('app.exit 0'); i++) {
    electron.windows
      .filter((window) => !window.destroyed)[0]!
      .webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 133 });
    vi.advanceTimersByTime(35_000);
  }
  expect(electron.calls).toContain('app.exit 0');
}

/** The playlist playing in each line of the content history's timeline, oldest first. */
function playlistsInTimeline(userData: string): string[] {
  const history = path.join(userData, 'content-history');
  const read = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
  return fs
    .readFileSync(path.join(history, 'timeline.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(
      (line) =>
        (
          read(
            path.join(
              history,
              'items',
              `${(JSON.parse(line) as { playlists: string }).playlists}.json`,
            ),
          ) as { defaultPlaylistId: string }
        ).defaultPlaylistId,
    );
}

describe('safe mode after restarting again and again', () => {
  /** A kiosk whose staff made their own playlist the one playing. */
  async function kioskWithOwnPlaylist(): Promise<Boot> {
    const first = await boot();
    await unlockAdmin(first.electron);
    const state = await invoke<AdminResult<AdminState>>(first.electron, IpcChannel.adminGetState);
    const { settings } = AdminStateSchema.parse(state.ok && state.value);
    const own = { id: 'short', name: 'Short', entries: DEFAULT_PLAYLIST.entries.slice(0, 2) };
    const saved = await invoke<AdminResult<AdminState>>(
      first.electron,
      IpcChannel.adminSaveSettings,
      {
        settings: {
          idleTimeoutSeconds: settings.idleTimeoutSeconds,
          defaultLanguage: settings.defaultLanguage,
          transition: settings.transition,
          showProgressBar: settings.showProgressBar,
          readingWordsPerMinute: settings.readingWordsPerMinute,
          mode: settings.mode,
          nightlyRestartHour: settings.nightlyRestartHour,
          playLogRetentionDays: settings.playLogRetentionDays,
          clinic: settings.clinic,
          playlists: [...settings.playlists, own],
          defaultPlaylistId: 'short',
          customSlides: settings.customSlides,
          schedule: settings.schedule,
        },
      },
    );
    expect(saved.ok).toBe(true);
    first.electron.module.app.quit();
    return first;
  }

  it('three fault relaunches within 15 minutes: the next start shows the built-in deck only, keeps the clinic’s setup, and says so', async () => {
    const { userData } = await kioskWithOwnPlaylist();
    for (let i = 0; i < 3; i++) {
      const run = await boot([], { userData });
      const config = KioskConfigSchema.parse(await run.electron.invoke(IpcChannel.getKioskConfig));
      expect(config.settings.defaultPlaylistId, `start ${i + 1}`).toBe('short');
      crashUntilRelaunch(run.electron);
    }
    const settingsOnDisk = fs.readFileSync(path.join(userData, 'settings.json'), 'utf8');

    const safe = await boot([], { userData });
    const config = KioskConfigSchema.parse(await safe.electron.invoke(IpcChannel.getKioskConfig));
    expect(config.settings.defaultPlaylistId).toBe(DEFAULT_PLAYLIST.id);
    expect(config.settings.playlists).toEqual([DEFAULT_PLAYLIST]);
    expect(config.settings.customSlides).toEqual([]);
    // Set aside, not deleted.
    expect(fs.readFileSync(path.join(userData, 'settings.json'), 'utf8')).toBe(settingsOnDisk);
    expect(await invoke(safe.electron, IpcChannel.adminUnlock, { pin: '4829' })).toMatchObject({
      ok: true,
    });
    const state = await invoke<AdminResult<AdminState>>(safe.electron, IpcChannel.adminGetState);
    expect(state.ok && state.value.safeMode).toMatchObject({
      reason: expect.stringMatching(/^restarted 3 times in 15 minutes/),
    });
    expect(state.ok && state.value.settings.defaultPlaylistId).toBe('short');

    // Staff end it: the clinic's own playlist plays again, at once.
    const left = await invoke<AdminResult<AdminState>>(
      safe.electron,
      IpcChannel.adminLeaveSafeMode,
    );
    expect(left.ok && left.value.safeMode).toBeNull();
    const pushed = safe.electron.windows[0]!.webContents.sent.filter(
      (message) => message.channel === IpcChannel.kioskConfigChanged,
    );
    expect(KioskConfigSchema.parse(pushed.at(-1)!.payload).settings.defaultPlaylistId).toBe(
      'short',
    );
    safe.electron.module.app.quit();
    const after = await boot([], { userData });
    expect(
      KioskConfigSchema.parse(await after.electron.invoke(IpcChannel.getKioskConfig)).settings
        .defaultPlaylistId,
    ).toBe('short');
  });

  it('safe mode ends by itself after an hour without faults; a fault starts the hour again', async () => {
    const { userData } = await kioskWithOwnPlaylist();
    for (let i = 0; i < 3; i++) crashUntilRelaunch((await boot([], { userData })).electron);
    const safe = await boot([], { userData });
    const playing = async () =>
      KioskConfigSchema.parse(await safe.electron.invoke(IpcChannel.getKioskConfig)).settings
        .defaultPlaylistId;
    expect(await playing()).toBe(DEFAULT_PLAYLIST.id);
    vi.advanceTimersByTime(50 * 60_000);
    // One crash, recovered by a reload: the calm hour starts again.
    safe.electron.windows[0]!.webContents.emit(
      'render-process-gone',
      {},
      { reason: 'oom', exitCode: 1 },
    );
    vi.advanceTimersByTime(5_000);
    safe.electron.windows[0]!.webContents.emit('did-finish-load');
    for (let beat = 0; beat < 12 * 60; beat++) {
      safe.electron.send(IpcChannel.heartbeat, { run: beat, rotating: true, index: beat % 5 });
      vi.advanceTimersByTime(5_000);
      if (beat === 11 * 60) expect(await playing()).toBe(DEFAULT_PLAYLIST.id);
    }
    expect(await playing()).toBe('short');
    expect(fs.readFileSync(path.join(userData, 'recoveries.log'), 'utf8')).toMatch(
      /"event":"safe-mode-left","detail":"an hour without faults"/,
    );
    // What the screen showed, as the content history keeps it: safe mode from its start to its end.
    expect(playlistsInTimeline(userData)).toEqual([
      DEFAULT_PLAYLIST.id,
      'short',
      DEFAULT_PLAYLIST.id,
      'short',
    ]);
  });

  it('a run that crashes outright (no clean quit) counts too', async () => {
    const { userData } = await kioskWithOwnPlaylist();
    for (let i = 0; i < 3; i++) {
      const run = await boot([], { userData });
      // Killed: no quit, no relaunch; the next start finds the run never ended.
      boots.splice(boots.indexOf(run), 1);
    }
    const safe = await boot([], { userData });
    expect(
      KioskConfigSchema.parse(await safe.electron.invoke(IpcChannel.getKioskConfig)).settings
        .defaultPlaylistId,
    ).toBe(DEFAULT_PLAYLIST.id);
  });
});
