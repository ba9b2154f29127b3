// @ts-check
// Runs the real-Electron tests: fetches Electron first where the network allows (the same step
// as `npm start`), and elsewhere says why they were skipped (npm test's summary repeats it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ensureElectron } from './ensureElectron.js';

const electron = ensureElectron();
if (!('path' in electron)) {
  const reason = `Electron tests skipped: ${electron.reason}.`;
  console.log(reason);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/electron-skipped.txt', `${reason}\n`);
  process.exit(0);
}
console.log(`Electron tests with ${electron.path} (${electron.source})`);
const result = spawnSync(
  'npx',
  ['playwright', 'test', '--config', 'tests/electron/playwright.config.ts'],
  { stdio: 'inherit', env: { ...process.env, KIOSK_ELECTRON_PATH: electron.path } },
);
process.exit(result.status ?? 1);
