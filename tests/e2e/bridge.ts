import type { Page } from '@playwright/test';
import {
  DEFAULT_SETTINGS,
  IpcChannel,
  type InvokeChannel,
  type InvokeReply,
  type KioskConfig,
  type Settings,
} from '../../contract';
import { builtPreloadScript } from './builtPreload';

/** What main answers, by channel, typed by the contract: a changed reply type fails to compile. */
export type FixedReplies = { [Channel in InvokeChannel]?: InvokeReply<Channel> };

/**
 * Stands in for main behind the real bridge: the page gets its `window.kiosk` from the built
 * preload (the contract's buildKioskBridge), over a transport that answers each call from
 * `replies`. A call with no reply fails as ipcMain fails a channel with no handler; what the
 * page sends is dropped, and nothing is pushed to it.
 */
export async function installFixedReplies(page: Page, replies: FixedReplies): Promise<void> {
  await page.addInitScript(
    builtPreloadScript(`(() => {
      const replies = ${JSON.stringify(replies)};
      return {
        contextBridge: {
          exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: api }),
        },
        ipcRenderer: {
          invoke: (channel) =>
            Object.prototype.hasOwnProperty.call(replies, channel)
              ? Promise.resolve(structuredClone(replies[channel]))
              : Promise.reject(new Error("No handler registered for '" + channel + "'")),
          send: () => undefined,
          on() {
            return this;
          },
          removeListener() {
            return this;
          },
        },
      };
    })()`),
  );
}

/**
 * The kiosk page with the given settings and mode (the waiting room's loop unless told); the
 * admin stays shut (no PIN set).
 */
export async function installBridge(
  page: Page,
  settings: Partial<Settings>,
  mode: KioskConfig['mode'] = 'loop',
): Promise<void> {
  const config: KioskConfig = {
    settings: { ...DEFAULT_SETTINGS, ...settings },
    mode,
    appVersion: 'test',
    mediaBaseUrl: 'app://media/',
  };
  await installFixedReplies(page, {
    [IpcChannel.getKioskConfig]: config,
    // No PIN: the admin stays shut (its own tests use the real handlers, mainProcess.ts).
    [IpcChannel.adminStatus]: {
      hasPin: false,
      retryInMs: 0,
      triesLeft: 5,
      damage: null,
      setupRequested: false,
    },
  });
}
