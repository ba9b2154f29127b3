// @ts-check
/** Launching Chromium the same way for every page, and the CDP calls the bench and soak share. */
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const VIEWPORT = { width: 1920, height: 1080 };

export function chromiumPath() {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('No Chromium: install one (apt-get install chromium) or set CHROMIUM_PATH');
}

/**
 * @param {string[]} [extraArgs]
 */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * A fresh context and page: 1920x1080, touch screen (a kiosk), English.
 * @param {import('playwright-core').Browser} browser
 */
export async function newPage(browser) {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    hasTouch: true,
    locale: 'en-US',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // Default time domain (wall-clock time ticks): TaskDuration is main-thread busy wall time.
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

/**
 * The page's performance counters, by the names Chromium's Performance domain gives them.
 * @typedef {Record<
 *   'Timestamp' | 'Documents' | 'TaskDuration' | 'ScriptDuration' | 'LayoutDuration' | 'RecalcStyleDuration'
 *   | 'LayoutCount' | 'RecalcStyleCount' | 'JSHeapUsedSize' | 'JSHeapTotalSize' | 'Nodes'
 *   | 'JSEventListeners',
 *   number
 * >} PageMetrics
 */

/**
 * @param {import('playwright-core').CDPSession} cdp
 * @returns {Promise<PageMetrics>}
 */
export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return /** @type {PageMetrics} */ (Object.fromEntries(list.map((m) => [m.name, m.value])));
}

/** Full GC, twice (the second pass collects what finalizers of the first released). */
export async function forceGc(/** @type {import('playwright-core').CDPSession} */ cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

export function machineInfo() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model =
    cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? os.cpus()[0]?.model ?? '?';
  let chromiumVersion = '?';
  try {
    chromiumVersion = execFileSync(chromiumPath(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    /* reported as "?" */
  }
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: model,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: chromiumVersion,
  };
}
