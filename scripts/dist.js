// @ts-check
/**
 * `npm run dist` (after the build): packages the app with electron-builder. An Electron already
 * on the machine, named by ELECTRON_OVERRIDE_DIST_PATH (its folder) or ELECTRON_EXEC_PATH (the
 * program), is packaged as it is; otherwise electron-builder downloads Electron itself, through
 * ELECTRON_MIRROR when that is set. Further arguments go to electron-builder, e.g.
 * `npm run dist -- --dir` or `npm run dist -- --linux deb`.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findElectron } from './ensureElectron.js';

const args = process.argv.slice(2);
const named = process.env['ELECTRON_EXEC_PATH'] || process.env['ELECTRON_OVERRIDE_DIST_PATH'];
if (named && !args.some((arg) => arg.startsWith('-c.electronDist'))) {
  const electron = findElectron();
  if (!('path' in electron)) {
    console.error(`Cannot package: ${electron.reason}.`);
    process.exit(1);
  }
  args.push(`-c.electronDist=${dirname(electron.path)}`);
}
const cli = join(
  dirname(createRequire(import.meta.url).resolve('electron-builder/package.json')),
  'cli.js',
);
const result = spawnSync(process.execPath, [cli, '--config', 'electron-builder.yml', ...args], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
