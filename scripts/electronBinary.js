import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

/**
 * Finds an Electron binary without importing `electron` (which would try to download one and
 * throw where the network is closed). Returns { path } or { reason }.
 */
export function findElectronBinary() {
  const require = createRequire(import.meta.url);
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (run npm ci)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relativeBinary = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, relativeBinary || 'electron');
    return existsSync(binary)
      ? { path: binary }
      : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${binary} does not exist` };
  }
  if (!relativeBinary) {
    return {
      reason:
        'no Electron binary was downloaded (node_modules/electron/path.txt is missing; ' +
        'run `npx install-electron` where the network allows, or set ELECTRON_OVERRIDE_DIST_PATH)',
    };
  }
  const binary = join(packageDir, 'dist', relativeBinary);
  return existsSync(binary) ? { path: binary } : { reason: `${binary} is missing` };
}
