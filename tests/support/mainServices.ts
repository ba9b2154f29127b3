import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HeartbeatReport, PushChannel, PushEvents } from '../../contract';
import type { LaunchOptions } from '../../electron/main/commandLine';
import {
  createMainServices,
  type MainServices,
  type MainServicesOptions,
} from '../../electron/main/mainServices';

/** Cheap PIN hashing so suites stay fast (the app uses the secure default). */
export const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 } as const;

export const KIOSK_PAGE = { frameUrl: 'app://kiosk/index.html', isMainFrame: true };

export interface ServicesUnderTest {
  services: MainServices;
  directory: string;
  broadcasts: { channel: PushChannel; payload: PushEvents[PushChannel] }[];
  heartbeats: HeartbeatReport[];
  displaySleep: string[];
  quits: number;
  /** Moves the monotonic clock (PIN lockouts, the admin session). */
  advance(ms: number): void;
  /** Stops timers and removes the data folder. */
  dispose(): void;
}

/**
 * Main's services from main's own composition root over a fresh data folder, with recording
 * stand-ins for Electron's effects (windows, display sleep, quit).
 */
export async function startMainServices(
  overrides: Partial<Omit<MainServicesOptions, 'launch'>> & {
    launch?: Partial<LaunchOptions>;
  } = {},
): Promise<ServicesUnderTest> {
  const directory =
    overrides.directory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-services-'));
  let monotonic = 0;
  const state = {
    broadcasts: [] as ServicesUnderTest['broadcasts'],
    heartbeats: [] as HeartbeatReport[],
    displaySleep: [] as string[],
    quits: 0,
  };
  const { launch, ...rest } = overrides;
  const services = await createMainServices({
    directory,
    appVersion: '1.0.0',
    rendererRoot: fileURLToPath(new URL('../../out/renderer', import.meta.url)),
    mediaBaseUrl: 'app://media/',
    drives: () => [],
    now: () => new Date(),
    monotonicNow: () => monotonic,
    broadcast: (channel, payload) => state.broadcasts.push({ channel, payload }),
    heartbeat: (beat) => state.heartbeats.push(beat),
    quit: () => {
      state.quits += 1;
    },
    displaySleep: {
      prevent: () => state.displaySleep.push('prevent'),
      allow: () => state.displaySleep.push('allow'),
    },
    scryptParams: FAST_SCRYPT,
    ...rest,
    launch: {
      mode: 'loop',
      windowed: false,
      setup: false,
      resetPin: false,
      importFolder: null,
      ...launch,
    },
  });
  return {
    services,
    directory,
    broadcasts: state.broadcasts,
    heartbeats: state.heartbeats,
    displaySleep: state.displaySleep,
    get quits() {
      return state.quits;
    },
    advance(ms) {
      monotonic += ms;
    },
    dispose() {
      services.stop();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
