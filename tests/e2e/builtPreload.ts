import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const preloadFile = fileURLToPath(new URL('../../out/preload/index.cjs', import.meta.url));

/**
 * A page init script that runs the built preload (out/preload/index.cjs, which builds
 * `window.kiosk` with the contract's buildKioskBridge) as Electron runs a sandboxed preload:
 * `require('electron')` gives it `electron`, the page-side JavaScript expression passed here
 * (its contextBridge and ipcRenderer). Only Electron's transport is replaced; the bridge is the
 * app's own, so the browser tests cannot drift from the contract.
 */
export function builtPreloadScript(electron: string): string {
  if (!fs.existsSync(preloadFile)) {
    throw new Error(`${path.relative(process.cwd(), preloadFile)} is missing: run npm run build`);
  }
  const preload = fs.readFileSync(preloadFile, 'utf8');
  return `(() => {
    const electron = ${electron};
    const require = (name) => {
      if (name === 'electron') return electron;
      throw new Error('a sandboxed preload cannot require ' + name);
    };
    const module = { exports: {} };
    (function (require, module, exports) {
      ${preload}
    })(require, module, module.exports);
  })();`;
}
