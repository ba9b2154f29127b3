// @ts-check
/**
 * Makes sure an Electron binary is there before anything needs one, without importing the
 * `electron` package (whose import downloads, then throws where the network is closed).
 *
 * In order:
 *  1. ELECTRON_EXEC_PATH: the Electron program itself (electron-vite's own variable);
 *  2. ELECTRON_OVERRIDE_DIST_PATH: the folder that holds it (the `electron` package's variable);
 *  3. otherwise Electron's own installer (node_modules/electron/install.js), which downloads
 *     once and writes node_modules/electron/path.txt. It reads the variables people already use
 *     for it: ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR, electron_config_cache,
 *     electron_use_remote_checksums, ELECTRON_INSTALL_PLATFORM/ARCH, proxies.
 *
 * Used by `npm start` (scripts/start.js), `npm test` (scripts/run-electron-tests.js) and
 * `npm run dist` (scripts/dist.js).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

/**
 * Where a platform's Electron zip keeps the program (as install.js and path.txt say).
 * @param {string} [platform] process.platform, or 'mas' (the Mac App Store build)
 */
export function platformBinary(platform = process.platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/** The installed `electron` package's folder, or null (npm ci has not run). */
export function electronPackageDir(from = import.meta.url) {
  try {
    return dirname(createRequire(from).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * @typedef {{ path: string, source: string }} Found
 * @typedef {{ reason: string, hint?: string }} Missing
 */

/**
 * An Electron that is already on this machine, or why there is none. Never downloads.
 * @param {{ env?: NodeJS.ProcessEnv, packageDir?: string | null }} [options]
 * @returns {Found | Missing}
 */
export function findElectron(options = {}) {
  const env = options.env ?? process.env;
  const exec = env['ELECTRON_EXEC_PATH'];
  if (exec) {
    return existsSync(exec)
      ? { path: exec, source: 'ELECTRON_EXEC_PATH' }
      : { reason: `ELECTRON_EXEC_PATH is set to ${exec}, which does not exist` };
  }
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const binary = join(override, platformBinary());
    return existsSync(binary)
      ? { path: binary, source: 'ELECTRON_OVERRIDE_DIST_PATH' }
      : {
          reason: `ELECTRON_OVERRIDE_DIST_PATH is set to ${override}, but ${binary} does not exist`,
        };
  }
  const packageDir = options.packageDir === undefined ? electronPackageDir() : options.packageDir;
  if (!packageDir) return { reason: 'the electron package is not installed (run npm ci)' };
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'Electron has not been downloaded yet' };
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { path: binary, source: 'download' }
    : { reason: `${binary} is missing (a download was interrupted?)` };
}

/**
 * The mirror the installer will use, and the variable that chose it.
 * @param {NodeJS.ProcessEnv} env
 */
function mirrorOf(env) {
  for (const name of [
    'ELECTRON_MIRROR',
    'npm_config_electron_mirror',
    'NPM_CONFIG_ELECTRON_MIRROR',
  ]) {
    if (env[name]) return `${env[name]} (from ${name})`;
  }
  return 'https://github.com/electron/electron/releases/download/';
}

/**
 * Finds Electron, or downloads it with Electron's own installer. On failure the reason is one
 * line (the installer's error, not its stack) and `hint` says how to go on.
 * @param {{ env?: NodeJS.ProcessEnv, packageDir?: string | null }} [options]
 * @returns {Found | Missing}
 */
export function ensureElectron(options = {}) {
  const env = options.env ?? process.env;
  const found = findElectron(options);
  if ('path' in found) return found;
  if (env['ELECTRON_EXEC_PATH'] || env['ELECTRON_OVERRIDE_DIST_PATH']) return found;
  const packageDir = options.packageDir === undefined ? electronPackageDir() : options.packageDir;
  if (!packageDir) return found;
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const installer = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    env,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  const after = findElectron({ env, packageDir });
  if (installer.status === 0 && 'path' in after) return after;
  const lines = `${installer.stderr ?? ''}${installer.error ? String(installer.error) : ''}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at '));
  let failure = lines[0] ?? `the installer exited with ${installer.status ?? installer.signal}`;
  if (/fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT/.test(failure)) {
    failure = `no connection to the download server (${failure})`;
  }
  return {
    reason: `Electron ${version} could not be downloaded: ${failure}. Mirror: ${mirrorOf(env)}`,
    hint: [
      'To use an Electron that is already on this machine, name its folder or the program:',
      '  ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-folder npm start',
      '  ELECTRON_EXEC_PATH=/path/to/electron npm start',
      'To download from elsewhere, set ELECTRON_MIRROR (for example a mirror inside your network).',
      'Meanwhile, `npm run web` shows the slides in any browser (http://127.0.0.1:4173).',
    ].join('\n'),
  };
}
