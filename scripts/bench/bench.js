#!/usr/bin/env node
// @ts-check
/**
 * npm run bench: our player against reveal.js and Swiper playing the same deck, beside the
 * browser's floor (bare HTML and a dozen lines of script: what no page can beat here).
 *
 *   node scripts/bench/bench.js [--runs 10] [--transitions 50] [--swipes 10] [--idle-seconds 5]
 *                               [--only ours,reveal,swiper,floor] [--out bench-results] [--max-wait 60]
 *                               [--ours-dir DIR]   (a variant of out/renderer under study)
 *                               [--play-log]       (ours behind main's real modules, play log on vs off)
 *
 * Expects a fresh `npm run build` (npm run bench does it). Each run is a fresh Chromium with a
 * fresh profile; runs alternate between the pages (the order rotates every round) so that
 * anything else happening on the machine hits them all alike. See docs/PERFORMANCE.md.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { startServer } from './lib/server.js';
import { launch, newPage, metrics, forceGc, machineInfo, VIEWPORT } from './lib/browser.js';
import { installProbe } from './lib/probe.js';
import { TARGETS, BENCH_NAMES } from './lib/targets.js';
import { quantile, summary, round } from './lib/stats.js';

const root = join(import.meta.dirname, '../..');

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    transitions: { type: 'string', default: '50' },
    swipes: { type: 'string', default: '10' },
    'idle-seconds': { type: 'string', default: '5' },
    only: { type: 'string', default: BENCH_NAMES.join(',') },
    out: { type: 'string', default: 'bench-results' },
    'max-wait': { type: 'string', default: '60' },
    'ours-dir': { type: 'string' },
    'play-log': { type: 'boolean', default: false },
    'pss-changes': { type: 'string', default: '1000' },
    'before-dir': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(
    readFileSync(import.meta.filename, 'utf8')
      .split('*/')[0]
      ?.split('\n')
      .slice(3)
      .join('\n'),
  );
  process.exit(0);
}
const RUNS = positive(args.runs, 'runs');
const TRANSITIONS = positive(args.transitions, 'transitions');
const SWIPES = positive(args.swipes, 'swipes');
const IDLE_MS = positive(args['idle-seconds'], 'idle-seconds') * 1000;
const MAX_WAIT_MS = Number(args['max-wait']) * 1000;
const PSS_CHANGES = Number(args['pss-changes']);
/**
 * --play-log: our player twice, both behind main's real modules (the browser tests' harness,
 * loaded through Vite as the clinic-media soak does), once reporting to the play log and once
 * with no play log at all; everything else alike.
 */
const PLAY_LOG = args['play-log'] ?? false;
/** @type {Record<string, { target: 'ours', playLog: boolean, label: string }>} */
const PLAY_LOG_VARIANTS = {
  'log-on': { target: 'ours', playLog: true, label: 'ours + main, play log on' },
  'log-off': { target: 'ours', playLog: false, label: 'ours + main, play log off' },
};
const NAMES = /** @type {('ours'|'reveal'|'swiper'|'floor')[]} */ (
  PLAY_LOG
    ? Object.keys(PLAY_LOG_VARIANTS)
    : (args.only ?? '')
        .split(',')
        .filter((n) => /** @type {readonly string[]} */ (BENCH_NAMES).includes(n))
);
if (NAMES.length === 0) throw new Error(`--only names none of ${BENCH_NAMES.join(', ')}`);
/**
 * --before-dir DIR: an earlier build of ours (e.g. the commit before a change), run as a page of
 * its own alternately with ours, so both meet the same machine (docs/PERFORMANCE.md).
 */
const BEFORE_DIR = args['before-dir'] ? resolve(args['before-dir']) : undefined;
/** @type {Record<string, { target: 'ours', label: string }>} */
const VARIANTS = {
  ...PLAY_LOG_VARIANTS,
  ...(BEFORE_DIR ? { before: { target: 'ours', label: 'ours, before' } } : {}),
};
if (BEFORE_DIR && !PLAY_LOG) NAMES.push(/** @type {'ours'} */ ('before'));
/** @param {string} name */
const targetOf = (name) => TARGETS[/** @type {'ours'} */ (VARIANTS[name]?.target ?? name)];
/** @param {string} name */
const labelOf = (name) => VARIANTS[name]?.label ?? targetOf(name).label;

/**
 * Puts main's real modules behind the page (tests/e2e/mainProcess.ts through Vite's SSR
 * loader), with or without the play log. Returns a function that closes the loader.
 * @param {import('playwright-core').Page} page
 * @param {string} origin
 * @param {boolean} playLog
 */
async function installMain(page, origin, playLog) {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const harness = await vite.ssrLoadModule('/tests/e2e/mainProcess.ts');
  await harness['installMainProcess'](page, origin, { playLog });
  return () => vite.close();
}

const deck = JSON.parse(readFileSync(join(root, 'assets/deck/how-ketamine-works.json'), 'utf8'));
const FIRST_SLIDE_ID = deck.slides[0].id;
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));
/**
 * Frame intervals sit on the 16.7 ms vsync grid (16.7, 33.3, 50 …, ± timer jitter). "Over
 * 20 ms" counts every interval with at least one missed vsync; "over 33 ms" counts the
 * intervals longer than two vsyncs (50 ms and up): an interval of exactly two vsyncs
 * (33.3 ms) is one dropped frame and is counted in "over 20 ms" only.
 */
const OVER20_MS = 20;
const OVER33_MS = 34;

/**
 * The renderer's memory at rest after PSS_CHANGES slide changes: soak.js (the same changes,
 * animations sped up) run for the players on the bench, its last sample's proportional set size
 * of the page's renderer process (/proc/<pid>/smaps_rollup) after two forced GCs. 0 skips it.
 * @param {string[]} names
 * @param {string | undefined} oursDir
 * @returns {Record<string, number | null>}
 */
function rendererPssAfterChanges(names, oursDir) {
  const players = names.filter((n) => ['ours', 'reveal', 'swiper'].includes(n));
  if (PSS_CHANGES === 0 || players.length === 0 || PLAY_LOG) return {};
  /** @param {string[]} only @param {string | undefined} dir */
  const soak = (only, dir) => {
    const out = mkdtempSync(join(os.tmpdir(), 'bench-pss-'));
    execFileSync(
      process.execPath,
      [
        join(import.meta.dirname, 'soak.js'),
        ...['--changes', String(PSS_CHANGES), '--sample-every', String(PSS_CHANGES)],
        ...['--only', only.join(','), '--out', out],
        ...(dir ? ['--ours-dir', dir] : []),
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const file = readdirSync(out).find((f) => f.startsWith('soak-'));
    return file ? (JSON.parse(readFileSync(join(out, file), 'utf8')).results ?? {}) : {};
  };
  const results = soak(players, oursDir);
  /** @type {Record<string, number | null>} */
  const pss = Object.fromEntries(
    players.map((n) => [n, results[n]?.samples?.at(-1)?.rendererOnlyMB ?? null]),
  );
  if (names.includes('before') && BEFORE_DIR) {
    pss['before'] = soak(['ours'], BEFORE_DIR)['ours']?.samples?.at(-1)?.rendererOnlyMB ?? null;
  }
  return pss;
}

/** @param {string | undefined} value @param {string} name */
function positive(value, name) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

/** CPU time used by everything on the machine over `ms`, in cores (from /proc/stat). */
async function machineBusyCores(ms = 1000) {
  const read = () => {
    const fields =
      readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ??
      [];
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.reduce((a, b) => a + b, 0);
    return { idle, total };
  };
  try {
    const a = read();
    await sleep(ms);
    const b = read();
    const total = b.total - a.total;
    return total > 0 ? (1 - (b.idle - a.idle) / total) * os.cpus().length : 0;
  } catch {
    return 0;
  }
}

/**
 * Other work on the machine (builds, test runs) skews every number. Before each run, wait
 * up to --max-wait seconds for the machine to be nearly idle (under a quarter of a core busy);
 * whatever it was is recorded with the run.
 */
async function waitForQuiet() {
  const start = Date.now();
  let busy = await machineBusyCores();
  while (busy > 0.25 && Date.now() - start < MAX_WAIT_MS) {
    await sleep(1000);
    busy = await machineBusyCores();
  }
  return { busyCores: round(busy, 2), waitedSeconds: round((Date.now() - start) / 1000, 0) };
}

/**
 * One run of one page: load (time to first slide, bytes, memory), then idle, transitions, touch.
 * @param {'ours'|'reveal'|'swiper'|'floor'} name
 * @param {string} url
 */
async function runOnce(name, url) {
  const target = targetOf(name);
  const quiet = await waitForQuiet();
  const browser = await launch();
  const loadBefore = os.loadavg()[0];
  try {
    const { context, page, cdp } = await newPage(browser);
    const problems = /** @type {string[]} */ ([]);
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    /** @type {import('playwright-core').Response[]} */
    const responses = [];
    page.on('response', (r) => responses.push(r));
    await installProbe(page, {
      slides: target.slides,
      container: target.container,
      current: target.current,
      firstSlideId: FIRST_SLIDE_ID,
    });
    const variant = PLAY_LOG_VARIANTS[name];
    const closeMain = variant
      ? await installMain(page, new URL(url).origin, variant.playLog)
      : null;

    // (1) time to first slide. Until the memory sample, the page is only polled with raw CDP
    // Runtime.evaluate: Playwright's own helpers (waitForFunction, locators) inject a large
    // script into the page, whose compile would land in the middle of our app's start-up.
    await page.goto(url, { waitUntil: 'commit' });
    const marks = await pollPage(
      cdp,
      `(() => {
        const probe = window.__probe;
        if (!probe) return null;
        const painted = probe.elementTiming('bench-first-slide-painted');
        const shown = probe.elementTiming('bench-first-slide-shown');
        return painted === null || shown === null ? null : { painted, shown };
      })()`,
      20_000,
    );
    await page.waitForLoadState('load');
    await pollPage(cdp, target.readyCheck, 20_000);
    await sleep(200); // let the remaining paint-timing entries arrive
    const { paints, firstSlide, title } = await pollPage(
      cdp,
      `(() => {
        const probe = window.__probe;
        const result = { paints: probe.paints, firstSlide: probe.firstSlide, title: probe.elementTiming('first-slide-text') };
        probe.removeMarkers();
        return result;
      })()`,
      5_000,
    );
    marks.title = title;
    const firstSlideMs = marks.painted;
    const fcpMs =
      paints.find((/** @type {any} */ p) => p.name === 'first-contentful-paint')?.time ?? null;
    const lcps = paints.filter((/** @type {any} */ p) => p.type === 'largest-contentful-paint');
    const lcpMs = lcps.length ? lcps[lcps.length - 1].time : null;

    // (6) bytes: every JS and CSS response the page loaded, gzip -9 of each body, summed
    const bytes = await sumBytes(responses);

    // (5) memory: 3 s after navigation start, after a forced full GC
    const sinceNav = await pollPage(cdp, 'performance.now()', 5_000);
    await sleep(Math.max(0, 3000 - sinceNav));
    await forceGc(cdp);
    const afterLoad = await metrics(cdp);

    // (3) idle: autoplay paused, the slide stands still; main-thread busy time over IDLE_MS
    await target.pause(page);
    await sleep(1000);
    const idleA = await metrics(cdp);
    await sleep(IDLE_MS);
    const idleB = await metrics(cdp);
    const span = idleB['Timestamp'] - idleA['Timestamp'];
    const idle = {
      seconds: span,
      busyPct: ((idleB['TaskDuration'] - idleA['TaskDuration']) / span) * 100,
      scriptPct: ((idleB['ScriptDuration'] - idleA['ScriptDuration']) / span) * 100,
      layoutPct: ((idleB['LayoutDuration'] - idleA['LayoutDuration']) / span) * 100,
      stylePct: ((idleB['RecalcStyleDuration'] - idleA['RecalcStyleDuration']) / span) * 100,
      layouts: idleB['LayoutCount'] - idleA['LayoutCount'],
      styleRecalcs: idleB['RecalcStyleCount'] - idleA['RecalcStyleCount'],
    };

    // (2) transitions
    const transitions = await measureTransitions(page, cdp, target);
    // (4) touch
    const touch = await measureTouch(page, cdp, target);

    await context.close();
    // (7) the same start-up on a CPU 4x slower (CDP Emulation.setCPUThrottlingRate), fresh context
    const slow = await startUpAt(browser, name, url, 4);
    await closeMain?.();
    return {
      library: name,
      machineBusyCoresBefore: quiet.busyCores,
      waitedForQuietSeconds: quiet.waitedSeconds,
      loadAvg1mBefore: loadBefore,
      loadAvg1mAfter: os.loadavg()[0],
      firstSlideMs,
      firstSlideShownMs: marks.shown,
      firstSlideFrameMs: firstSlide.paintedFrame,
      firstSlideShownFrameMs: firstSlide.shownFrame,
      firstSlideOpacityAtPaint: firstSlide.opacityAtPaint,
      elementTimingMs: marks.title,
      fcpMs,
      lcpMs,
      lcpIsFirstPaint: isFirstPaint(fcpMs, lcpMs),
      slow,
      bytes,
      memory: {
        jsHeapUsedMB: afterLoad['JSHeapUsedSize'] / 2 ** 20,
        jsHeapTotalMB: afterLoad['JSHeapTotalSize'] / 2 ** 20,
        nodes: afterLoad['Nodes'],
        listeners: afterLoad['JSEventListeners'],
      },
      idle,
      transitions,
      touch,
      problems,
    };
  } finally {
    await browser.close();
  }
}

/** One frame at 60 Hz: an LCP within it of the first contentful paint is that first paint. */
const ONE_FRAME_MS = 17;
/** @param {number | null} fcp @param {number | null} lcp */
const isFirstPaint = (fcp, lcp) => fcp !== null && lcp !== null && lcp - fcp <= ONE_FRAME_MS;

/**
 * A fresh load with the CPU slowed `rate` times (Chromium's own throttling, as DevTools does):
 * first contentful paint, largest contentful paint, and whether the largest paint is the first.
 * @param {import('playwright-core').Browser} browser
 * @param {string} name
 * @param {string} url
 * @param {number} rate
 */
async function startUpAt(browser, name, url, rate) {
  const target = targetOf(name);
  const { context, page, cdp } = await newPage(browser);
  try {
    await installProbe(page, {
      slides: target.slides,
      container: target.container,
      current: target.current,
      firstSlideId: FIRST_SLIDE_ID,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url, { waitUntil: 'commit' });
    await pollPage(cdp, target.readyCheck, 60_000);
    await page.waitForLoadState('load');
    await sleep(250 * rate); // the remaining paint-timing entries
    // Until the first contentful paint is reported (an empty list is no answer yet).
    const paints = /** @type {any[]} */ (
      await pollPage(
        cdp,
        `(() => { const p = window.__probe.paints; return p.some((e) => e.name === 'first-contentful-paint') ? p : null; })()`,
        20_000,
      )
    );
    const fcpMs = paints.find((p) => p.name === 'first-contentful-paint')?.time ?? null;
    const lcps = paints.filter((p) => p.type === 'largest-contentful-paint');
    const lcpMs = lcps.length ? lcps[lcps.length - 1].time : null;
    return { rate, fcpMs, lcpMs, lcpIsFirstPaint: isFirstPaint(fcpMs, lcpMs) };
  } finally {
    await context.close();
  }
}

/**
 * Evaluates `expression` in the page (raw CDP, nothing injected) until it returns a value
 * other than null/undefined/false.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {string} expression
 * @param {number} timeoutMs
 */
async function pollPage(cdp, expression, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      returnByValue: true,
    });
    if (
      !exceptionDetails &&
      result.value !== null &&
      result.value !== undefined &&
      result.value !== false
    ) {
      return result.value;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression.slice(0, 80)}`);
    await sleep(50);
  }
}

/** @param {import('playwright-core').Response[]} responses */
async function sumBytes(responses) {
  /** @type {{ url: string, type: string, raw: number, gzip: number }[]} */
  const files = [];
  for (const response of responses) {
    const type = response.request().resourceType();
    let body;
    try {
      body = await response.body();
    } catch {
      continue;
    }
    files.push({
      url: new URL(response.url()).pathname,
      type,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
    });
  }
  const sum = (/** @type {(f: any) => boolean} */ pick, /** @type {'raw'|'gzip'} */ key) =>
    files.filter(pick).reduce((total, f) => total + f[key], 0);
  const jsCss = (/** @type {any} */ f) => f.type === 'script' || f.type === 'stylesheet';
  return {
    jsCssGzip: sum(jsCss, 'gzip'),
    jsCssRaw: sum(jsCss, 'raw'),
    jsGzip: sum((f) => f.type === 'script', 'gzip'),
    cssGzip: sum((f) => f.type === 'stylesheet', 'gzip'),
    htmlGzip: sum((f) => f.type === 'document', 'gzip'),
    fontRaw: sum((f) => f.type === 'font', 'raw'),
    allGzip: sum(() => true, 'gzip'),
    files,
  };
}

/**
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {import('./lib/targets.js').Target} target
 */
async function measureTransitions(page, cdp, target) {
  /** @type {number[]} */
  const deltas = [];
  const durations = [];
  let completed = 0;
  for (let i = 0; i < TRANSITIONS; i++) {
    const fromId = await page.evaluate(() => /** @type {any} */ (window).__probe.currentId());
    const mark = await page.evaluate(() => /** @type {any} */ (window).__probe.frameLoopStart());
    await target.next(page, cdp);
    const ok = await page.evaluate(
      ([id]) => /** @type {any} */ (window).__probe.transitionDone(id, 5000),
      [fromId],
    );
    const times = /** @type {number[]} */ (
      await page.evaluate(() => /** @type {any} */ (window).__probe.frameLoopStop())
    );
    if (ok) completed += 1;
    // From the last frame drawn before the trigger to the frame in which the slides stopped.
    const from = Math.max(0, Math.min(mark, times.length) - 1);
    for (let k = from + 1; k < times.length; k++)
      deltas.push(/** @type {number} */ (times[k]) - /** @type {number} */ (times[k - 1]));
    if (times.length > from)
      durations.push(/** @type {number} */ (times.at(-1)) - /** @type {number} */ (times[from]));
    await sleep(100);
  }
  return {
    transitions: TRANSITIONS,
    completed,
    frames: deltas.length,
    over20: deltas.filter((d) => d > OVER20_MS).length,
    over33: deltas.filter((d) => d > OVER33_MS).length,
    p50: quantile(deltas, 0.5),
    p95: quantile(deltas, 0.95),
    p99: quantile(deltas, 0.99),
    max: deltas.length ? Math.max(...deltas) : NaN,
    medianTransitionMs: quantile(durations, 0.5),
    deltas: deltas.map((d) => round(d, 2)),
  };
}

/**
 * Real touch swipes (CDP Input.dispatchTouchEvent): finger down at 80% of the width, eight
 * moves 16 ms apart to 20% (60% of the width, past every library's commit distance), a 50 ms
 * rest, then release.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {import('./lib/targets.js').Target} _target
 */
async function measureTouch(page, cdp, _target) {
  const y = Math.round(VIEWPORT.height * 0.45);
  const x0 = Math.round(VIEWPORT.width * 0.8);
  const x1 = Math.round(VIEWPORT.width * 0.2);
  const swipes = [];
  for (let i = 0; i < SWIPES; i++) {
    await page.evaluate(() => /** @type {any} */ (window).__probe.touchArm());
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ x: x0, y, id: 1 }],
    });
    for (let step = 1; step <= 8; step++) {
      await sleep(16);
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: Math.round(x0 + ((x1 - x0) * step) / 8), y, id: 1 }],
      });
    }
    await sleep(50);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const result = await page.evaluate(() => /** @type {any} */ (window).__probe.touchResult(4000));
    swipes.push(result);
    await sleep(300);
  }
  const committed = swipes.filter((s) => s && s.endId !== s.startId);
  const latencies = committed.map((s) => s.changedAfterMs).filter((v) => v !== null);
  return {
    swipes: SWIPES,
    committed: committed.length,
    changedBeforeRelease: committed.filter((s) => s.idAtRelease !== s.startId).length,
    medianMs: quantile(latencies, 0.5),
    animatingMedianMs: quantile(
      committed.map((s) => s.animatingAfterMs).filter((v) => v !== null),
      0.5,
    ),
    dispatchDelayMedianMs: quantile(
      committed.map((s) => s.dispatchDelayMs).filter((v) => v !== null),
      0.5,
    ),
    firstFrameMedianMs: quantile(
      committed.map((s) => s.firstFrameAfterMs).filter((v) => v !== null),
      0.5,
    ),
    latencies: latencies.map((v) => round(v, 2)),
    raw: swipes,
  };
}

/** @param {any[]} runs */
function aggregate(runs) {
  const pick = (/** @type {(r: any) => number} */ f) => summary(runs.map(f));
  const allDeltas = runs.flatMap((r) => r.transitions.deltas);
  const allTouch = runs.flatMap((r) => r.touch.latencies);
  return {
    runs: runs.length,
    firstSlideMs: pick((r) => r.firstSlideMs),
    firstSlideShownMs: pick((r) => r.firstSlideShownMs),
    elementTimingMs: pick((r) => r.elementTimingMs ?? NaN),
    elementTimingReported: runs.filter((r) => r.elementTimingMs !== null).length,
    fcpMs: pick((r) => r.fcpMs ?? NaN),
    lcpMs: pick((r) => r.lcpMs ?? NaN),
    lcpIsFirstPaint: runs.filter((r) => r.lcpIsFirstPaint).length,
    slowFcpMs: pick((r) => r.slow.fcpMs ?? NaN),
    slowLcpMs: pick((r) => r.slow.lcpMs ?? NaN),
    slowLcpIsFirstPaint: runs.filter((r) => r.slow.lcpIsFirstPaint).length,
    frames: {
      over20PerRun: pick((r) => r.transitions.over20),
      over33PerRun: pick((r) => r.transitions.over33),
      p95PerRun: pick((r) => r.transitions.p95),
      p99PerRun: pick((r) => r.transitions.p99),
      framesPerRun: pick((r) => r.transitions.frames),
      transitionMsPerRun: pick((r) => r.transitions.medianTransitionMs),
      completedPerRun: pick((r) => r.transitions.completed),
      pooled: {
        frames: allDeltas.length,
        over20: allDeltas.filter((d) => d > OVER20_MS).length,
        over33: allDeltas.filter((d) => d > OVER33_MS).length,
        p95: quantile(allDeltas, 0.95),
        p99: quantile(allDeltas, 0.99),
        max: allDeltas.length ? Math.max(...allDeltas) : NaN,
      },
    },
    idleBusyPct: pick((r) => r.idle.busyPct),
    idleScriptPct: pick((r) => r.idle.scriptPct),
    touchMs: summary(allTouch),
    touchRunMedians: pick((r) => r.touch.medianMs),
    touchAnimatingMs: pick((r) => r.touch.animatingMedianMs),
    touchFirstFrameMs: pick((r) => r.touch.firstFrameMedianMs),
    touchDispatchDelayMs: pick((r) => r.touch.dispatchDelayMedianMs),
    touchCommitted: runs.reduce((n, r) => n + r.touch.committed, 0),
    touchSwipes: runs.reduce((n, r) => n + r.touch.swipes, 0),
    touchChangedBeforeRelease: runs.reduce((n, r) => n + r.touch.changedBeforeRelease, 0),
    heapMB: pick((r) => r.memory.jsHeapUsedMB),
    nodes: pick((r) => r.memory.nodes),
    listeners: pick((r) => r.memory.listeners),
    jsCssGzip: pick((r) => r.bytes.jsCssGzip),
    jsGzip: pick((r) => r.bytes.jsGzip),
    cssGzip: pick((r) => r.bytes.cssGzip),
    htmlGzip: pick((r) => r.bytes.htmlGzip),
    files: runs[0]?.bytes.files,
    problems: [...new Set(runs.flatMap((r) => r.problems))],
  };
}

/** @param {Record<string, any>} agg */
function table(agg) {
  const names = Object.keys(agg);
  const fmt = (/** @type {any} */ s, /** @type {number} */ d = 1) =>
    `${round(s.median, d)} (${round(s.min, d)}–${round(s.max, d)})`;
  /** @type {[string, (a: any) => string, (a: any) => number][]} */
  const rows = [
    ['time to first slide, ms', (a) => fmt(a.firstSlideMs, 0), (a) => a.firstSlideMs.median],
    [
      '  first slide fully shown (opacity 1), ms',
      (a) => fmt(a.firstSlideShownMs, 0),
      (a) => a.firstSlideShownMs.median,
    ],
    ['  first contentful paint, ms', (a) => fmt(a.fcpMs, 0), (a) => a.fcpMs.median],
    ['  largest contentful paint, ms', (a) => fmt(a.lcpMs, 0), (a) => a.lcpMs.median],
    [
      '  LCP is the first paint (within a frame), loads',
      (a) => `${a.lcpIsFirstPaint} of ${a.runs}`,
      (a) => a.lcpIsFirstPaint,
    ],
    [
      '4x CPU slowdown: first contentful paint, ms',
      (a) => fmt(a.slowFcpMs, 0),
      (a) => a.slowFcpMs.median,
    ],
    ['  4x: largest contentful paint, ms', (a) => fmt(a.slowLcpMs, 0), (a) => a.slowLcpMs.median],
    [
      '  4x: LCP is the first paint, loads',
      (a) => `${a.slowLcpIsFirstPaint} of ${a.runs}`,
      (a) => a.slowLcpIsFirstPaint,
    ],
    [
      `frames > 20 ms per ${TRANSITIONS} transitions`,
      (a) => fmt(a.frames.over20PerRun, 0),
      (a) => a.frames.over20PerRun.median,
    ],
    [
      `frames > 33 ms per ${TRANSITIONS} transitions`,
      (a) => fmt(a.frames.over33PerRun, 0),
      (a) => a.frames.over33PerRun.median,
    ],
    ['frame time p95, ms', (a) => fmt(a.frames.p95PerRun), (a) => a.frames.p95PerRun.median],
    ['frame time p99, ms', (a) => fmt(a.frames.p99PerRun), (a) => a.frames.p99PerRun.median],
    [
      `  (frames per ${TRANSITIONS} transitions)`,
      (a) => fmt(a.frames.framesPerRun, 0),
      (a) => a.frames.framesPerRun.median,
    ],
    ['idle main-thread busy, %', (a) => fmt(a.idleBusyPct, 2), (a) => a.idleBusyPct.median],
    [
      'touch release → first moved frame, ms',
      (a) => `${round(a.touchMs.median)} (IQR ${round(a.touchMs.q1)}–${round(a.touchMs.q3)})`,
      (a) => a.touchMs.median,
    ],
    [
      '  touch: release → next frame (any), ms',
      (a) => fmt(a.touchFirstFrameMs),
      (a) => a.touchFirstFrameMs.median,
    ],
    [
      '  touch: release → handler runs, ms',
      (a) => fmt(a.touchDispatchDelayMs),
      (a) => a.touchDispatchDelayMs.median,
    ],
    ['JS heap after load + GC, MB', (a) => fmt(a.heapMB, 2), (a) => a.heapMB.median],
    ['JS+CSS gzip, kB', (a) => `${round(a.jsCssGzip.median / 1000)}`, (a) => a.jsCssGzip.median],
    [
      `renderer PSS at rest after ${PSS_CHANGES} changes, MB`,
      (a) => (a.rendererPssMB == null ? '–' : `${round(a.rendererPssMB, 1)}`),
      (a) => a.rendererPssMB ?? NaN,
    ],
  ];
  const header = ['metric (median (min–max))', ...names.map((n) => labelOf(n))];
  const ratioNames = names.includes('ours')
    ? names.filter((n) => n !== 'ours' && n !== 'floor')
    : [];
  header.push(...ratioNames.map((n) => `ours/${n}`));
  const lines = rows.map(([label, cell, value]) => {
    const cells = [label, ...names.map((n) => cell(agg[n]))];
    for (const n of ratioNames) {
      const ours = value(agg['ours']);
      const theirs = value(agg[n]);
      cells.push(theirs ? `${round(ours / theirs, 2)}` : ours ? '∞' : '–');
    }
    return cells;
  });
  const all = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  return all
    .map((r, j) => {
      const line = r.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join(' | ');
      return j === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}` : line;
    })
    .join('\n');
}

/** @param {Record<string, any>} agg */
function targets(agg) {
  if (!agg['ours']) return [];
  const ours = agg['ours'];
  const peers = Object.keys(agg)
    .filter((n) => n !== 'ours' && n !== 'floor')
    .map((n) => agg[n]);
  if (peers.length === 0) return [];
  const fasterPeer = Math.min(...peers.map((p) => p.firstSlideMs.median));
  const bestOver20 = Math.min(...peers.map((p) => p.frames.over20PerRun.median));
  const floor = agg['floor'];
  // Where the browser's own floor, measured in the same run, is already past the target.
  const floorNote = (/** @type {number} */ value, /** @type {number} */ limit) =>
    floor
      ? `; the browser's floor here: ${round(value, 1)} ms` +
        (value > limit ? ' (already past the target)' : '')
      : '';
  return [
    {
      target: 'time to first slide ≤ half of the faster peer',
      value:
        `${round(ours.firstSlideMs.median, 0)} ms vs ${round(fasterPeer / 2, 0)} ms` +
        floorNote(floor?.firstSlideMs.median, fasterPeer / 2),
      met: ours.firstSlideMs.median <= fasterPeer / 2,
      floorMs: floor ? floor.firstSlideMs.median : null,
    },
    {
      target: 'no transition frame over 33 ms (all runs)',
      value: `${ours.frames.pooled.over33} frames over 33 ms in ${ours.frames.pooled.frames}`,
      met: ours.frames.pooled.over33 === 0,
    },
    {
      target: `frames over 20 ms ≤ best peer (median per ${TRANSITIONS} transitions)`,
      value: `${ours.frames.over20PerRun.median} vs ${bestOver20}`,
      met: ours.frames.over20PerRun.median <= bestOver20,
    },
    {
      target: 'idle main thread busy < 1%',
      value: `${round(ours.idleBusyPct.median, 2)}%`,
      met: ours.idleBusyPct.median < 1,
    },
    {
      target: 'touch release → first transition frame ≤ 17 ms (median)',
      value: `${round(ours.touchMs.median, 1)} ms` + floorNote(floor?.touchMs.median, 17),
      met: ours.touchMs.median <= 17,
      floorMs: floor ? floor.touchMs.median : null,
    },
  ];
}

async function main() {
  const started = Date.now();
  const machine = machineInfo();
  const oursDir = args['ours-dir'] ? resolve(args['ours-dir']) : undefined;
  if (oursDir) console.log(`bench: "ours" is the variant in ${oursDir}`);
  const server = await startServer(root, {
    ...(oursDir ? { oursDir } : {}),
    ...(BEFORE_DIR ? { beforeDir: BEFORE_DIR } : {}),
  });
  const versions = {
    'reveal.js': JSON.parse(readFileSync(join(root, 'node_modules/reveal.js/package.json'), 'utf8'))
      .version,
    swiper: JSON.parse(readFileSync(join(root, 'node_modules/swiper/package.json'), 'utf8'))
      .version,
    playwright: JSON.parse(
      readFileSync(join(root, 'node_modules/playwright-core/package.json'), 'utf8'),
    ).version,
  };
  console.log(
    `bench: ${RUNS} runs × ${NAMES.join(', ')}; ${TRANSITIONS} transitions, ${SWIPES} swipes, ` +
      `${IDLE_MS / 1000} s idle per run\n${machine.chromium}; ${machine.nproc} cores (${machine.cpu}); ` +
      `load average ${os
        .loadavg()
        .map((l) => round(l, 2))
        .join(' ')}`,
  );
  const [load1m = 0] = os.loadavg();
  if (load1m > machine.nproc) {
    console.warn(
      `bench: the machine is busy (load ${round(load1m, 1)} on ${machine.nproc} cores): expect noisy numbers`,
    );
  }
  /** @type {Record<string, any[]>} */
  const runs = Object.fromEntries(NAMES.map((n) => [n, []]));
  try {
    for (let round_ = 0; round_ < RUNS; round_++) {
      const order = NAMES.map((_, i) => /** @type {'ours'} */ (NAMES[(i + round_) % NAMES.length]));
      for (const name of order) {
        const t0 = Date.now();
        const r = await runOnce(name, server.pages[PLAY_LOG ? 'ours' : name] ?? '');
        runs[name]?.push(r);
        console.log(
          `  run ${round_ + 1}/${RUNS} ${name.padEnd(6)} first slide ${round(r.firstSlideMs, 0)} ms, ` +
            `>20ms ${r.transitions.over20}/${r.transitions.frames} (>33ms ${r.transitions.over33}), ` +
            `idle ${round(r.idle.busyPct, 2)}%, touch ${round(r.touch.medianMs, 1)} ms ` +
            `(${r.touch.committed}/${r.touch.swipes}), heap ${round(r.memory.jsHeapUsedMB, 2)} MB, ` +
            `${round(r.bytes.jsCssGzip / 1000, 1)} kB — ${round((Date.now() - t0) / 1000, 0)} s` +
            (r.machineBusyCoresBefore > 0.25
              ? ` [machine busy: ${r.machineBusyCoresBefore} cores]`
              : '') +
            (r.problems.length ? ` [${r.problems.length} page problems]` : ''),
        );
      }
    }
  } finally {
    await server.close();
  }
  const agg = Object.fromEntries(NAMES.map((n) => [n, aggregate(runs[n] ?? [])]));
  console.log(`bench: renderer memory after ${PSS_CHANGES} changes (soak.js) …`);
  const pss = rendererPssAfterChanges(NAMES, oursDir);
  for (const n of NAMES) if (agg[n]) Object.assign(agg[n], { rendererPssMB: pss[n] ?? null });
  const checks = targets(agg);
  console.log(`\n${table(agg)}\n`);
  for (const c of checks) console.log(`${c.met ? 'MET   ' : 'MISSED'} ${c.target}: ${c.value}`);
  if (PLAY_LOG) {
    const on = agg['log-on'];
    const off = agg['log-off'];
    if (!on || !off) throw new Error('bench --play-log: a run with and one without the log');
    const logChecks = [
      {
        target: 'the play log adds no transition frame over 20 ms',
        value: `${on.frames.pooled.over20} with the log, ${off.frames.pooled.over20} without (of ${on.frames.pooled.frames} and ${off.frames.pooled.frames} frames)`,
        met: on.frames.pooled.over20 <= off.frames.pooled.over20,
      },
      {
        target: 'the play log adds no idle main-thread cost',
        value: `${round(on.idleBusyPct.median, 3)}% with the log, ${round(off.idleBusyPct.median, 3)}% without`,
        met: on.idleBusyPct.median <= off.idleBusyPct.median + 0.01,
      },
    ];
    for (const c of logChecks)
      console.log(`${c.met ? 'MET   ' : 'MISSED'} ${c.target}: ${c.value}`);
    checks.push(...logChecks.map((c) => ({ ...c, floorMs: null })));
  }
  for (const n of NAMES) {
    if (agg[n]?.problems.length) console.log(`page problems (${n}): ${agg[n].problems.join('; ')}`);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  const outDir = resolve(root, args.out ?? 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(outDir, `bench-${stamp}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        kind: 'bench',
        date: new Date().toISOString(),
        seconds,
        options: {
          runs: RUNS,
          transitions: TRANSITIONS,
          swipes: SWIPES,
          idleSeconds: IDLE_MS / 1000,
          only: NAMES,
          oursDir: oursDir ?? null,
        },
        machine,
        versions,
        drivers: Object.fromEntries(NAMES.map((n) => [n, targetOf(n).how])),
        summary: agg,
        targets: checks,
        runs,
      },
      null,
      1,
    ),
  );
  console.log(`\nbench: ${seconds} s; results in ${file}`);
}

await main();
