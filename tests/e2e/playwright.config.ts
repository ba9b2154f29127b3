import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../chromiumPath';

// E2E_PORT lets a second run (or a developer's own server) use another port.
const port = Number(process.env['E2E_PORT'] ?? 4173);
const executablePath = findChromium();

export default defineConfig({
  testDir: '.',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  grepInvert: process.env['SCREENSHOTS'] ? undefined : /@screenshot/,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
    viewport: { width: 1920, height: 1080 },
  },
  webServer: {
    // The browser preview: the built renderer over plain http, no Electron bridge.
    command: `npx vite preview --outDir out/renderer --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
