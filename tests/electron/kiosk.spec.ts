import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { ADMIN_BRIDGE_INVOKE, ADMIN_BRIDGE_LISTEN } from '../../contract/channels';

const executablePath = process.env['KIOSK_ELECTRON_PATH'];
const mainScript = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));

test.skip(!executablePath, 'no Electron binary (run through `npm run test:electron`)');

let app: ElectronApplication;

test.beforeEach(async () => {
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  app = await electron.launch({ executablePath: executablePath!, args: [...rootArgs, mainScript] });
});
test.afterEach(async () => {
  await app.close();
});

test('opens one fullscreen kiosk window on the first slide', async () => {
  const page = await app.firstWindow();
  await expect(page.locator('.carousel__slide.is-current')).toHaveAttribute(
    'data-slide-id',
    'welcome',
  );
  expect(page.url()).toBe('app://kiosk/index.html');
  const windowState = await app.evaluate(({ BrowserWindow }) => {
    const windows = BrowserWindow.getAllWindows();
    return { count: windows.length, fullScreen: windows[0]?.isFullScreen() };
  });
  expect(windowState).toEqual({ count: 1, fullScreen: true });
  // No Node in the page; the bridge is the small typed object and nothing else.
  const pageGlobals = await page.evaluate(() => ({
    require: typeof (window as { require?: unknown }).require,
    process: typeof (window as { process?: unknown }).process,
    bridge: Object.keys((window as { kiosk?: object }).kiosk ?? {}).sort(),
    admin: Object.keys((window as { kiosk?: { admin?: object } }).kiosk?.admin ?? {}).sort(),
  }));
  expect(pageGlobals).toEqual({
    require: 'undefined',
    process: 'undefined',
    bridge: ['admin', 'getConfig', 'heartbeat', 'onConfigChanged', 'reportProblem'],
    admin: [...Object.keys(ADMIN_BRIDGE_INVOKE), ...Object.keys(ADMIN_BRIDGE_LISTEN)].sort(),
  });
});

test('refuses to navigate away or open new windows', async () => {
  const page = await app.firstWindow();
  await expect(page.locator('.carousel__slide.is-current')).toBeVisible();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://kiosk/index.html');
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

test('reload, devtools and zoom keys are refused', async () => {
  const page = await app.firstWindow();
  await expect(page.locator('.carousel__slide.is-current')).toBeVisible();
  await page.evaluate(() => {
    (window as { stillHere?: boolean }).stillHere = true;
  });
  for (const key of ['F5', 'Control+R', 'Control+Shift+I', 'F12', 'Control+=', 'F11']) {
    await page.keyboard.press(key);
  }
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBe(true);
  const state = await app.evaluate(({ BrowserWindow }) => {
    const [window] = BrowserWindow.getAllWindows();
    return {
      devTools: window?.webContents.isDevToolsOpened(),
      zoom: window?.webContents.getZoomFactor(),
      fullScreen: window?.isFullScreen(),
    };
  });
  expect(state).toEqual({ devTools: false, zoom: 1, fullScreen: true });
});

test('a killed renderer comes back with the slideshow running', async () => {
  const page = await app.firstWindow();
  await expect(page.locator('.carousel__slide.is-current')).toBeVisible();
  await app.evaluate(({ BrowserWindow }) => {
    BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer();
  });
  await expect
    .poll(
      async () => {
        for (const candidate of app.windows()) {
          const visible = await candidate
            .locator('.carousel__slide.is-current')
            .isVisible()
            .catch(() => false);
          if (visible) return true;
        }
        return false;
      },
      { timeout: 45_000 },
    )
    .toBe(true);
});

test.describe('presenting', () => {
  test('opens the presenter view on a second display, or toggles it on one', async () => {
    await app.close();
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await electron.launch({
      executablePath: executablePath!,
      args: [...rootArgs, mainScript, '--present'],
    });
    const audience = await app.firstWindow();
    await expect(audience.locator('.carousel__slide.is-current')).toBeVisible();
    const displays = await app.evaluate(({ screen }) => screen.getAllDisplays().length);
    if (displays >= 2) {
      await expect.poll(() => app.windows().length).toBe(2);
      const presenter = app.windows().find((page) => page.url().includes('view=presenter'))!;
      await expect(presenter.locator('.presenter')).toBeVisible();
      await presenter.keyboard.press('PageDown');
      await expect(audience.locator('.carousel__slide.is-current')).toHaveAttribute(
        'data-slide-id',
        'hours-not-weeks',
      );
    } else {
      test.info().annotations.push({ type: 'note', description: 'one display: in-place toggle' });
      expect(app.windows()).toHaveLength(1);
      await audience.keyboard.press('p');
      await expect(audience.locator('.presenter')).toBeVisible();
    }
  });
});
