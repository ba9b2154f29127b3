// @ts-check
/**
 * `npm start` (after the build): makes sure the Electron binary is there, then starts the
 * built app with electron-vite. Arguments after `--` go to the kiosk, e.g.
 * `npm start -- --windowed` or `npm start -- --present`.
 * Without an Electron it says why in a few lines and exits with 1.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureElectron } from './ensureElectron.js';

const electron = ensureElectron();
if (!('path' in electron)) {
  console.error(`\nClinic Kiosk cannot start: ${electron.reason}.`);
  if (electron.hint) console.error(`\n${electron.hint}\n`);
  process.exit(1);
}

const kioskArgs = process.argv.slice(2);
const electronVite = join(
  dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')),
  'bin/electron-vite.js',
);
const child = spawn(
  process.execPath,
  [electronVite, 'preview', '--skipBuild', ...(kioskArgs.length ? ['--', ...kioskArgs] : [])],
  { stdio: 'inherit', env: { ...process.env, ELECTRON_EXEC_PATH: electron.path } },
);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => child.kill(signal));
}
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
