import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import {
  ADMIN_BRIDGE_INVOKE,
  ADMIN_BRIDGE_LISTEN,
  BRIDGE_INVOKE,
  BRIDGE_LISTEN,
  BRIDGE_SEND,
  IpcChannel,
  type CustomSlide,
  type KioskConfig,
  type Settings,
} from '../../contract';
import { createAdminService, createPinFileStore } from '../../electron/main/adminService';
import { createAppProtocolHandler, kioskPrerenderRule } from '../../electron/main/appProtocol';
import {
  checkNamedMediaFile,
  createMediaLibrary,
  type MediaLibrary,
} from '../../electron/main/mediaLibrary';
import { createSetupBundles } from '../../electron/main/setupBundle';
import { createIpcHandlers, type IpcSender } from '../../electron/main/ipcHandlers';
import {
  createRecoveryLog,
  describeProblem,
  type RecoveryLog,
} from '../../electron/main/recoveryLog';
import { openSettingsStore, type SettingsStore } from '../../electron/main/settingsStore';
import { createStaffPin, type StaffPin } from '../../electron/main/staffPin';

const deck = JSON.parse(
  fs.readFileSync(new URL('../../assets/deck/how-ketamine-works.json', import.meta.url), 'utf8'),
) as { contentVersion: string };

export interface MainProcess {
  directory: string;
  store: SettingsStore;
  pin: StaffPin;
  recoveries: RecoveryLog;
  changes: RecoveryLog;
  /** Moves main's monotonic clock on (PIN lockouts, the admin session). */
  advance(ms: number): void;
  readSettingsFile(): Settings;
  quitCalls: number;
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
}

/**
 * The real main-process handlers (settings store, staff PIN, admin service, IPC sender and
 * payload checks) run here in Node over a temporary data folder, and the page gets the same
 * `window.kiosk` the preload builds, over a Playwright binding. Only Electron's transport is
 * replaced; every check main makes is the real one.
 */
export async function installMainProcess(
  page: Page,
  baseURL: string,
  options: MainProcessOptions = {},
): Promise<MainProcess> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-'));
  // The data folder goes with the page (the test has read what it needed by then).
  page.once('close', () => fs.rmSync(directory, { recursive: true, force: true }));
  const importFolder = path.join(directory, 'import');
  const usbDrive = path.join(directory, 'usb', 'CLINIC USB');
  const mediaDirectory = path.join(directory, 'media');
  fs.mkdirSync(importFolder, { recursive: true });
  fs.mkdirSync(usbDrive, { recursive: true });
  if (options.settingsFileBytes !== undefined) {
    fs.writeFileSync(path.join(directory, 'settings.json'), options.settingsFileBytes);
  }
  let clockOffset = 0;
  const monotonicNow = () => performance.now() + clockOffset;
  const store = openSettingsStore({ directory, now: () => new Date() });
  const recoveries = createRecoveryLog({ directory });
  for (const entry of options.recoveries ?? []) recoveries.append(entry.event, entry.detail);
  if (store.recovery) recoveries.append('settings-recovered', store.recovery.detail);
  const changes = createRecoveryLog({ directory, fileName: 'changes.log' });
  const pin = createStaffPin({ store: createPinFileStore(directory), monotonicNow });
  if (options.pin) await pin.setPin(options.pin);

  const config: KioskConfig = {
    settings: store.settings,
    mode: 'loop',
    appVersion: '9.9.9-test',
    // Served below by the real app:// handler (Chromium here cannot load app:// itself).
    mediaBaseUrl: `${new URL(baseURL).origin}/__media/`,
  };
  const media = createMediaLibrary({
    mediaDirectory,
    sources: () => [
      { label: 'CLINIC USB', kind: 'usb', path: usbDrive },
      { label: 'Import folder', kind: 'import-folder', path: importFolder },
    ],
  });
  const harness: MainProcess = {
    directory,
    store,
    pin,
    recoveries,
    changes,
    advance: (ms) => {
      clockOffset += ms;
    },
    readSettingsFile: () =>
      (
        JSON.parse(fs.readFileSync(path.join(directory, 'settings.json'), 'utf8')) as {
          settings: Settings;
        }
      ).settings,
    quitCalls: 0,
    importFolder,
    usbDrive,
    mediaDirectory,
    media,
  };
  const bundles = createSetupBundles({
    directory,
    mediaDirectory,
    store,
    appVersion: config.appVersion,
    now: () => new Date(),
    checkMedia: checkNamedMediaFile,
  });
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
  // Media load from /__media/ here, answered by main's real app:// handler for app://media/.
  const mediaHandler = createAppProtocolHandler({
    roots: { media: mediaDirectory },
    contentSecurityPolicy: "default-src 'none'",
  });
  await page.route(`${new URL(baseURL).origin}/__media/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\/__media\//, '');
    const range = route.request().headers()['range'];
    const response = await mediaHandler(
      new Request(`app://media/${name}`, range ? { headers: { range } } : {}),
    );
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
  // Pages, too, come through main's app:// handler, which leaves index.html's prerendered slide
  // out when these settings start on another screen. (Only the body and type are passed on:
  // the page keeps its own meta CSP, as under vite preview.)
  const pageHandler = createAppProtocolHandler({
    roots: { kiosk: fileURLToPath(new URL('../../out/renderer', import.meta.url)) },
    contentSecurityPolicy: "default-src 'none'",
    prerenderFits: kioskPrerenderRule(() => ({ settings: store.settings, mode: config.mode })),
  });
  const origin = new URL(baseURL).origin;
  await page.route(
    (url) => url.origin === origin && (url.pathname === '/' || url.pathname.endsWith('.html')),
    async (route) => {
      const url = new URL(route.request().url());
      const response = await pageHandler(new Request(`app://kiosk${url.pathname}${url.search}`));
      await route.fulfill({
        status: response.status,
        contentType: response.headers.get('content-type') ?? 'text/plain',
        body: Buffer.from(await response.arrayBuffer()),
      });
    },
  );
  const handlers = createIpcHandlers({
    getConfig: () => ({ ...config, settings: store.settings }),
    logProblem: (report) => recoveries.append(report.kind, describeProblem(report)),
    heartbeat: () => undefined,
    devServerOrigin: new URL(baseURL).origin,
    admin: createAdminService({
      store,
      pin,
      recoveries,
      changes,
      appVersion: config.appVersion,
      deckContentVersion: deck.contentVersion,
      setupRequested: options.setupRequested ?? false,
      settingsNotice: store.recovery,
      monotonicNow,
      now: () => new Date(),
      onSettingsSaved: (settings) => {
        config.settings = settings;
        emit(IpcChannel.kioskConfigChanged, config);
      },
      media,
      bundles,
      notify: emit,
      quit: () => {
        harness.quitCalls += 1;
      },
    }),
  });

  await page.exposeBinding(
    '__kioskIpc',
    async (source, kind: 'invoke' | 'send', channel: string, payload: unknown) => {
      const sender: IpcSender = {
        frameUrl: source.frame.url(),
        isMainFrame: source.frame === source.page.mainFrame(),
      };
      if (kind === 'invoke') {
        const handler = handlers.invoke[channel];
        if (!handler) throw new Error(`no handler for ${channel}`);
        return handler(sender, payload);
      }
      handlers.send[channel]?.(sender, payload);
      return undefined;
    },
  );
  // The preload's construction, from the same tables (electron/preload/index.ts).
  await page.addInitScript(
    (tables) => {
      type Ipc = (kind: string, channel: string, payload?: unknown) => Promise<unknown>;
      const ipc = (window as unknown as { __kioskIpc: Ipc }).__kioskIpc;
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const bridge: Record<string, unknown> = {};
      const listen = (channel: string) => (listener: (payload: unknown) => void) => {
        const set = listeners.get(channel) ?? new Set();
        listeners.set(channel, set);
        set.add(listener);
        return () => set.delete(listener);
      };
      for (const [name, channel] of Object.entries(tables.invoke)) {
        bridge[name] = (payload?: unknown) => ipc('invoke', channel, payload);
      }
      for (const [name, channel] of Object.entries(tables.send)) {
        bridge[name] = (payload: unknown) => void ipc('send', channel, payload);
      }
      for (const [name, channel] of Object.entries(tables.listen)) bridge[name] = listen(channel);
      const admin: Record<string, unknown> = {};
      for (const [name, channel] of Object.entries(tables.admin)) {
        admin[name] = (payload?: unknown) => ipc('invoke', channel, payload);
      }
      for (const [name, channel] of Object.entries(tables.adminListen)) {
        admin[name] = listen(channel);
      }
      bridge['admin'] = admin;
      Object.defineProperty(window, 'kiosk', { value: Object.freeze(bridge) });
      Object.defineProperty(window, '__kioskEmit', {
        value: (channel: string, payload: unknown) => {
          for (const listener of listeners.get(channel) ?? []) listener(payload);
        },
      });
    },
    {
      invoke: BRIDGE_INVOKE,
      send: BRIDGE_SEND,
      listen: BRIDGE_LISTEN,
      admin: ADMIN_BRIDGE_INVOKE,
      adminListen: ADMIN_BRIDGE_LISTEN,
    },
  );
  return harness;
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
  const importOne = async (name: string, content: Buffer) => {
    fs.writeFileSync(path.join(main.importFolder, name), content);
    const [root] = (await main.media.listSources()).filter((s) => s.kind === 'import-folder');
    const folder = await main.media.browse(root!.token);
    if (!folder.ok) throw new Error(folder.message);
    const entry = folder.value.entries.find((candidate) => candidate.name === name)!;
    const imported = await main.media.importFile(entry.token);
    if (!imported.ok) throw new Error(imported.message);
    return imported.value.file;
  };
  const file = await importOne(`${slide.id}.${slide.kind === 'image' ? 'png' : 'webm'}`, bytes);
  const captions = slide.captions ? await importOne(`${slide.id}.vtt`, slide.captions) : null;
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
