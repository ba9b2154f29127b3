import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { fileURLToPath } from 'node:url';

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
  }));
  expect(pageGlobals).toEqual({
    require: 'undefined',
    process: 'undefined',
    bridge: ['getConfig', 'onConfigChanged', 'reportProblem'],
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
