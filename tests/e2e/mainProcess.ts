import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { CustomSlide, Settings } from '../../contract';
import { createMainServices, type MainServices } from '../../electron/main/mainServices';
import type { MediaLibrary } from '../../electron/main/mediaLibrary';
import type { RecoveryLog } from '../../electron/main/recoveryLog';
import type { SettingsStore } from '../../electron/main/settingsStore';
import type { StaffPin } from '../../electron/main/staffPin';
import type { IpcSender } from '../../electron/main/ipcHandlers';
import { builtPreloadScript } from './builtPreload';

const outDirectory = fileURLToPath(new URL('../../out', import.meta.url));

export interface MainProcess {
  directory: string;
  services: MainServices;
  store: SettingsStore;
  pin: StaffPin;
  recoveries: RecoveryLog;
  changes: RecoveryLog;
  /** Moves main's monotonic clock on (PIN lockouts, the admin session). */
  advance(ms: number): void;
  readSettingsFile(): Settings;
  readonly quitCalls: number;
  /** The kiosk's import folder, and a folder standing in for a plugged-in USB drive. */
  importFolder: string;
  usbDrive: string;
  mediaDirectory: string;
  /** Main's media library, for arranging a test's starting point. */
  media: MediaLibrary;
}

export interface MainProcessOptions {
  /** Start with a PIN already set. */
  pin?: string;
  /** Write these bytes as settings.json before the store opens (a damaged file …). */
  settingsFileBytes?: string;
  /** Entries already in the recovery log. */
  recoveries?: { event: string; detail: string }[];
  setupRequested?: boolean;
  /** Restarts caused by faults in the last minutes (three or more: the kiosk starts in safe mode). */
  faultRestarts?: number;
  /**
   * false: no play log at all (the bridge has no `reportPlay`, as from an older preload), for
   * the bench's "play log on vs off".
   */
  playLog?: boolean;
  /** Days of play log written before main starts (see playLogSeed.ts). */
  seedPlayLog?: (directory: string) => void;
}

/**
 * Main's real services, built by main's own composition root (createMainServices) over a
 * temporary data folder, behind the page. The page gets its `window.kiosk` from the built
 * preload (out/preload/index.cjs) itself, run with a stand-in for Electron's ipcRenderer that
 * carries each call over a Playwright binding to main's IPC handler table. Only Electron's
 * transport is replaced; the wiring, the checks and the bridge are the app's own.
 */
export async function installMainProcess(
  page: Page,
  baseURL: string,
  options: MainProcessOptions = {},
): Promise<MainProcess> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-'));
  // The data folder goes with the page (the test has read what it needed by then).
  page.once('close', () => {
    services.stop();
    fs.rmSync(directory, { recursive: true, force: true });
  });
  const usbDrive = path.join(directory, 'usb', 'CLINIC USB');
  fs.mkdirSync(usbDrive, { recursive: true });
  if (options.settingsFileBytes !== undefined) {
    fs.writeFileSync(path.join(directory, 'settings.json'), options.settingsFileBytes);
  }

  options.seedPlayLog?.(directory);
  if (options.faultRestarts) {
    const at = new Date().toISOString();
    const restarts = Array.from({ length: options.faultRestarts }, () => ({
      at,
      reason: 'renderer gone: crashed',
    }));
    fs.writeFileSync(
      path.join(directory, 'restarts.json'),
      JSON.stringify({ version: 1, running: false, restarts, safeMode: null }),
    );
  }

  let clockOffset = 0;
  const origin = new URL(baseURL).origin;
  const emit = (channel: string, payload: unknown) =>
    void page
      .evaluate(
        ([name, value]) =>
          (
            window as unknown as { __kioskEmit(channel: string, payload: unknown): void }
          ).__kioskEmit(name as string, value),
        [channel, payload] as const,
      )
      .catch(() => undefined);
  let quitCalls = 0;
  const services = await createMainServices({
    directory,
    launch: {
      mode: 'loop',
      windowed: true,
      setup: options.setupRequested ?? false,
      resetPin: false,
      importFolder: null,
    },
    appVersion: '9.9.9-test',
    rendererRoot: path.join(outDirectory, 'renderer'),
    // Served below by main's app:// handler (Chromium here cannot load app:// itself).
    mediaBaseUrl: `${origin}/__media/`,
    screensBaseUrl: `${origin}/__screens/`,
    // As Electron's capturePage of the kiosk window: the page as it is on screen, as a JPEG.
    captureScreen: async () =>
      page.isClosed() ? null : page.screenshot({ type: 'jpeg', quality: 60 }),
    drives: () => [{ label: 'CLINIC USB', kind: 'usb', path: usbDrive }],
    now: () => new Date(),
    monotonicNow: () => performance.now() + clockOffset,
    broadcast: emit,
    heartbeat: () => undefined,
    quit: () => {
      quitCalls += 1;
    },
    displaySleep: { prevent: () => undefined, allow: () => undefined },
    devServerOrigin: origin,
  });
  if (options.pin) await services.pin.setPin(options.pin);
  for (const entry of options.recoveries ?? [])
    services.recoveries.append(entry.event, entry.detail);

  // Media load from /__media/…, the Screens view's pictures from /__screens/…, pages from /,
  // all answered by main's app:// handler as app://media/…, app://screens/… and app://kiosk/…
  // (which leaves index.html's prerendered slide out when these settings start on another
  // screen). Ranges are passed on for videos. Only the body, status and type of a page are
  // passed on: the page keeps its own meta CSP, as under vite preview.
  for (const host of ['media', 'screens']) {
    await page.route(`${origin}/__${host}/**`, async (route) => {
      const url = new URL(route.request().url());
      const range = route.request().headers()['range'];
      try {
        const response = await services.appProtocol(
          new Request(
            `app://${host}/${url.pathname.slice(`/__${host}/`.length)}${url.search}`,
            range ? { headers: { range } } : {},
          ),
        );
        await route.fulfill({
          status: response.status,
          headers: Object.fromEntries(response.headers.entries()),
          body: Buffer.from(await response.arrayBuffer()),
        });
      } catch (error) {
        // The page closed (and its data folder went) while this was being answered.
        if (!page.isClosed()) throw error;
        await route.abort().catch(() => undefined);
      }
    });
  }
  await page.route(
    (url) => url.origin === origin && (url.pathname === '/' || url.pathname.endsWith('.html')),
    async (route) => {
      const url = new URL(route.request().url());
      const pathname = url.pathname === '/' ? '/index.html' : url.pathname;
      const response = await services.appProtocol(
        new Request(`app://kiosk${pathname}${url.search}`),
      );
      await route.fulfill({
        status: response.status,
        contentType: response.headers.get('content-type') ?? 'text/plain',
        body: Buffer.from(await response.arrayBuffer()),
      });
    },
  );

  const { invoke, send } = services.ipc as unknown as {
    invoke: Record<string, (sender: IpcSender, payload: unknown) => unknown>;
    send: Record<string, (sender: IpcSender, payload: unknown) => void>;
  };
  await page.exposeBinding(
    '__kioskIpc',
    async (source, kind: 'invoke' | 'send', channel: string, payload: unknown) => {
      const sender: IpcSender = {
        frameUrl: source.frame.url(),
        isMainFrame: source.frame === source.page.mainFrame(),
      };
      // As ipcMain: an invoke on a channel main never registered fails; a stray send is dropped.
      if (kind === 'invoke') {
        const handler = invoke[channel];
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        return handler(sender, payload);
      }
      send[channel]?.(sender, payload);
      return undefined;
    },
  );
  // The built preload, run as Electron runs a sandboxed preload: `require('electron')` gives
  // it contextBridge and ipcRenderer, here stand-ins over the binding above.
  await page.addInitScript(
    builtPreloadScript(`(() => {
      const ipc = (kind, channel, payload) => window.__kioskIpc(kind, channel, payload);
      const listeners = new Map();
      Object.defineProperty(window, '__kioskEmit', {
        value: (channel, payload) => {
          for (const listener of listeners.get(channel) ?? []) listener({ sender: null }, payload);
        },
      });
      return {
        contextBridge: {
          exposeInMainWorld: (key, api) => {
            if (${options.playLog === false}) {
              const { reportPlay, ...rest } = api;
              api = Object.freeze(rest);
            }
            Object.defineProperty(window, key, { value: api });
          },
        },
        ipcRenderer: {
          invoke: (channel, payload) => ipc('invoke', channel, payload),
          send: (channel, payload) => void ipc('send', channel, payload),
          on(channel, listener) {
            if (!listeners.has(channel)) listeners.set(channel, new Set());
            listeners.get(channel).add(listener);
            return this;
          },
          removeListener(channel, listener) {
            listeners.get(channel)?.delete(listener);
            return this;
          },
        },
      };
    })()`),
  );

  return {
    directory,
    services,
    store: services.store,
    pin: services.pin,
    recoveries: services.recoveries,
    changes: services.changes,
    advance: (ms) => {
      clockOffset += ms;
    },
    readSettingsFile: () =>
      (
        JSON.parse(fs.readFileSync(path.join(directory, 'settings.json'), 'utf8')) as {
          settings: Settings;
        }
      ).settings,
    get quitCalls() {
      return quitCalls;
    },
    importFolder: services.importFolder,
    usbDrive,
    mediaDirectory: services.mediaDirectory,
    media: services.media,
  };
}

/** Copies a file into the kiosk's media through main's media library, the way the picker does. */
export async function importMedia(main: MainProcess, name: string, bytes: Buffer): Promise<string> {
  fs.writeFileSync(path.join(main.importFolder, name), bytes);
  const [root] = (await main.media.listSources()).filter((s) => s.kind === 'import-folder');
  const folder = await main.media.browse(root!.token);
  if (!folder.ok) throw new Error(folder.message);
  const entry = folder.value.entries.find((candidate) => candidate.name === name)!;
  const imported = await main.media.importFile(entry.token);
  if (!imported.ok) throw new Error(imported.message);
  return imported.value.file;
}

/**
 * Imports a picture or video (and its captions) through main's media library, the way the
 * picker does, and puts it as a clinic slide at the head of every playlist.
 */
export async function addClinicSlide(
  main: MainProcess,
  bytes: Buffer,
  slide: { id: string; kind: 'image' | 'video'; title: string; captions?: Buffer },
): Promise<void> {
  const file = await importMedia(
    main,
    `${slide.id}.${slide.kind === 'image' ? 'png' : 'webm'}`,
    bytes,
  );
  const captions = slide.captions
    ? await importMedia(main, `${slide.id}.vtt`, slide.captions)
    : null;
  const common = {
    id: slide.id,
    title: { en: slide.title, es: `${slide.title} (es)` },
    description: { en: `What ${slide.title} shows.` },
    file,
    sourceName: 'from the drive',
  };
  const custom: CustomSlide =
    slide.kind === 'image'
      ? { ...common, kind: 'image', durationSeconds: 20 }
      : { ...common, kind: 'video', captions, maxSeconds: null };
  const settings = main.store.settings;
  main.store.save({
    ...settings,
    customSlides: [...settings.customSlides, custom],
    playlists: settings.playlists.map((playlist) => ({
      ...playlist,
      entries: [{ slideId: slide.id, enabled: true, durationSeconds: null }, ...playlist.entries],
    })),
  });
}

/** A clinic text slide at the end of every playlist, switched on, arranged through main. */
export function addTextSlide(main: MainProcess, id: string, title: string): void {
  const settings = main.store.settings;
  main.store.save({
    ...settings,
    customSlides: [
      ...settings.customSlides,
      {
        id,
        kind: 'text',
        title: { en: title },
        lines: [{ en: 'Free parking behind the clinic.' }],
        durationSeconds: null,
      },
    ],
    playlists: settings.playlists.map((playlist) => ({
      ...playlist,
      entries: [...playlist.entries, { slideId: id, enabled: true, durationSeconds: null }],
    })),
  });
}
