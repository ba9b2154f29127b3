// Runs the real-Electron tests where a binary exists; elsewhere says why they were skipped.
import { spawnSync } from 'node:child_process';
import { findElectronBinary } from './electronBinary.js';

const electron = findElectronBinary();
if (!electron.path) {
  console.log(`Electron tests skipped: ${electron.reason}.`);
  process.exit(0);
}
console.log(`Electron tests with ${electron.path}`);
const result = spawnSync(
  'npx',
  ['playwright', 'test', '--config', 'tests/electron/playwright.config.ts'],
  { stdio: 'inherit', env: { ...process.env, KIOSK_ELECTRON_PATH: electron.path } },
);
process.exit(result.status ?? 1);
