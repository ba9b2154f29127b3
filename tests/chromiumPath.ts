import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own download. Throws a message that says how to get one when none exists.
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  if (existsSync(playwrightsOwnChromium())) return undefined;
  throw new Error(
    'No Chromium found for the browser tests. Install one (Debian: apt-get install -y chromium), ' +
      'set CHROMIUM_PATH to a Chromium binary, or run `npx playwright install chromium`.',
  );
}

/** Flags that keep Chromium quiet and offline on a build machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function playwrightsOwnChromium(): string {
  try {
    return chromium.executablePath();
  } catch {
    return '';
  }
}
