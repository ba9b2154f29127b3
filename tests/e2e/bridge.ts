import type { Page } from '@playwright/test';
import { DEFAULT_SETTINGS, type KioskConfig, type Settings } from '../../contract';

/**
 * Stands in for the Electron preload: the page gets a `window.kiosk` with the given settings
 * (and mode: the waiting room's loop unless told), through the same bridge interface main fills
 * in the app.
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
  await page.addInitScript((injected: KioskConfig) => {
    Object.defineProperty(window, 'kiosk', {
      value: {
        getConfig: () => Promise.resolve(injected),
        onConfigChanged: () => () => undefined,
        reportProblem: () => undefined,
        heartbeat: () => undefined,
        reportPlay: () => undefined,
        // No PIN: the admin stays shut (its own tests use the real handlers, mainProcess.ts).
        admin: {
          status: () =>
            Promise.resolve({
              hasPin: false,
              retryInMs: 0,
              triesLeft: 5,
              damage: null,
              setupRequested: false,
            }),
        },
      },
    });
  }, config);
}
