#!/usr/bin/env node
// @ts-check
/**
 * npm run soak: each player through many slide changes, watching for leaks.
 *
 *   node scripts/bench/soak.js [--changes 10000] [--sample-every 1000] [--playback-rate 100]
 *                              [--only ours,reveal,swiper] [--out bench-results]
 *
 * Slide changes are driven inside the page with each player's own "next" (our .controls__next
 * button, Reveal.next(), swiper.slideNext()), the next one as soon as the previous one has
 * finished. CSS/Web animations run `--playback-rate` times faster (CDP
 * Animation.setPlaybackRate, the same for all three) so that every transition still runs
 * and ends (animationend/transitionend listeners fire) in about one frame. Every
 * `--sample-every` changes: two forced full GCs, then JSHeapUsedSize, Nodes and
 * JSEventListeners from CDP Performance.getMetrics.
 */
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startServer } from './lib/server.js';
import { launch, newPage, metrics, forceGc, machineInfo } from './lib/browser.js';
import { installProbe } from './lib/probe.js';
import { TARGETS, TARGET_NAMES } from './lib/targets.js';
import { round } from './lib/stats.js';

const root = join(import.meta.dirname, '../..');
const { values: args } = parseArgs({
  options: {
    changes: { type: 'string', default: '10000' },
    'sample-every': { type: 'string', default: '1000' },
    'playback-rate': { type: 'string', default: '100' },
    only: { type: 'string', default: TARGET_NAMES.join(',') },
    out: { type: 'string', default: 'bench-results' },
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
const CHANGES = positive(args.changes, 'changes');
const EVERY = Math.min(positive(args['sample-every'], 'sample-every'), CHANGES);
const RATE = Number(args['playback-rate']);
if (!(RATE >= 1)) throw new Error('--playback-rate must be a number ≥ 1');
const NAMES = /** @type {('ours'|'reveal'|'swiper')[]} */ (
  (args.only ?? '')
    .split(',')
    .filter((n) => /** @type {readonly string[]} */ (TARGET_NAMES).includes(n))
);
if (NAMES.length === 0) throw new Error('--only names none of ours, reveal, swiper');
const deck = JSON.parse(readFileSync(join(root, 'assets/deck/how-ketamine-works.json'), 'utf8'));
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** @param {string | undefined} value @param {string} name */
function positive(value, name) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

/** @param {import('playwright-core').CDPSession} cdp @param {number} changes @param {number} since */
async function sample(cdp, changes, since) {
  await forceGc(cdp);
  const m = await metrics(cdp);
  return {
    changes,
    seconds: round((Date.now() - since) / 1000, 1),
    heapMB: m['JSHeapUsedSize'] / 2 ** 20,
    heapBytes: m['JSHeapUsedSize'],
    nodes: m['Nodes'],
    listeners: m['JSEventListeners'],
    documents: m['Documents'],
  };
}

/**
 * @param {'ours'|'reveal'|'swiper'} name
 * @param {string} url
 */
async function soakOne(name, url) {
  const target = TARGETS[name];
  const browser = await launch();
  const started = Date.now();
  try {
    const { context, page, cdp } = await newPage(browser);
    const problems = /** @type {string[]} */ ([]);
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await installProbe(page, {
      slides: target.slides,
      container: target.container,
      current: target.current,
      firstSlideId: deck.slides[0].id,
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(target.readyCheck, null, { timeout: 20_000 });
    await sleep(2000);
    await target.pause(page);
    await page.evaluate(() => /** @type {any} */ (window).__probe.removeMarkers());
    await cdp.send('Animation.setPlaybackRate', { playbackRate: RATE });
    await sleep(500);
    const samples = [await sample(cdp, 0, started)];
    let frames = 0;
    let retries = 0;
    for (let done = 0; done < CHANGES;) {
      const chunk = Math.min(EVERY, CHANGES - done);
      const result = await page.evaluate(
        ([count, driver]) => /** @type {any} */ (window).__probe.soak(count, driver),
        /** @type {[number, string]} */ ([chunk, name]),
      );
      done += result.changes;
      frames += result.frames;
      retries += result.retries;
      await sleep(200);
      const s = await sample(cdp, done, started);
      samples.push(s);
      console.log(
        `  ${name.padEnd(6)} ${String(done).padStart(6)} changes  heap ${round(s.heapMB, 3)} MB  ` +
          `nodes ${s.nodes}  listeners ${s.listeners}  (${s.seconds} s)`,
      );
    }
    await context.close();
    const first = /** @type {any} */ (samples[0]);
    const second = /** @type {any} */ (samples[1] ?? first);
    const last = /** @type {any} */ (samples.at(-1));
    return {
      library: name,
      seconds: round((Date.now() - started) / 1000, 1),
      changes: last.changes,
      framesPerChange: round(frames / Math.max(1, last.changes), 2),
      retries,
      growth: {
        heapMB: last.heapMB - first.heapMB,
        nodes: last.nodes - first.nodes,
        listeners: last.listeners - first.listeners,
      },
      growthAfterFirstSample: {
        heapMB: last.heapMB - second.heapMB,
        nodes: last.nodes - second.nodes,
        listeners: last.listeners - second.listeners,
      },
      samples,
      problems: [...new Set(problems)],
    };
  } finally {
    await browser.close();
  }
}

async function main() {
  const started = Date.now();
  const machine = machineInfo();
  console.log(
    `soak: ${CHANGES} slide changes each for ${NAMES.join(', ')}, sampled every ${EVERY}; ` +
      `animations at ${RATE}x\n${machine.chromium}; ${machine.nproc} cores; load average ` +
      `${os
        .loadavg()
        .map((l) => round(l, 2))
        .join(' ')}`,
  );
  const server = await startServer(root);
  /** @type {Record<string, any>} */
  const results = {};
  try {
    for (const name of NAMES) {
      results[name] = await soakOne(name, server.pages[name] ?? '');
      const r = results[name];
      console.log(
        `${name}: ${r.changes} changes in ${r.seconds} s (${r.framesPerChange} frames/change, ` +
          `${r.retries} retries)` +
          (r.problems.length ? `; page problems: ${r.problems.join('; ')}` : ''),
      );
    }
  } finally {
    await server.close();
  }

  const rows = [
    [
      'library',
      'changes',
      'heap first → last (MB)',
      'growth',
      'nodes first → last',
      'listeners first → last',
      'time',
    ],
  ];
  for (const name of NAMES) {
    const r = results[name];
    const first = r.samples[0];
    const last = r.samples.at(-1);
    rows.push([
      TARGETS[name].label,
      String(r.changes),
      `${round(first.heapMB, 3)} → ${round(last.heapMB, 3)}`,
      `${r.growth.heapMB >= 0 ? '+' : ''}${round(r.growth.heapMB, 3)} MB`,
      `${first.nodes} → ${last.nodes} (${r.growth.nodes >= 0 ? '+' : ''}${r.growth.nodes})`,
      `${first.listeners} → ${last.listeners} (${r.growth.listeners >= 0 ? '+' : ''}${r.growth.listeners})`,
      `${r.seconds} s`,
    ]);
  }
  const widths =
    rows[0]?.map((_, i) => Math.max(...rows.map((row) => String(row[i]).length))) ?? [];
  console.log(
    '\n' +
      rows
        .map((row, j) => {
          const line = row.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
          return j === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}` : line;
        })
        .join('\n'),
  );

  /** @type {any[]} */
  const checks = [];
  if (results['ours']) {
    const r = results['ours'];
    const samples = r.samples;
    const nodesFlat = samples
      .slice(1)
      .every((/** @type {any} */ s) => s.nodes === samples[1].nodes);
    const listenersFlat = samples
      .slice(1)
      .every((/** @type {any} */ s) => s.listeners === samples[1].listeners);
    checks.push(
      {
        target: `JS heap growth < 1 MB over ${r.changes} changes`,
        value: `${round(r.growth.heapMB, 3)} MB`,
        met: r.changes >= 10_000 && r.growth.heapMB < 1,
      },
      {
        target: 'DOM nodes flat',
        value: `${samples[0].nodes} → ${samples.at(-1).nodes} (after the first ${EVERY}: ${nodesFlat ? 'flat' : 'moving'})`,
        met: r.changes >= 10_000 && r.growth.nodes <= 0,
      },
      {
        target: 'event listeners flat',
        value: `${samples[0].listeners} → ${samples.at(-1).listeners} (after the first ${EVERY}: ${listenersFlat ? 'flat' : 'moving'})`,
        met: r.changes >= 10_000 && r.growth.listeners <= 0,
      },
    );
    console.log('');
    for (const c of checks) console.log(`${c.met ? 'MET   ' : 'MISSED'} ${c.target}: ${c.value}`);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  const outDir = resolve(root, args.out ?? 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        kind: 'soak',
        date: new Date().toISOString(),
        seconds,
        options: { changes: CHANGES, sampleEvery: EVERY, playbackRate: RATE, only: NAMES },
        machine,
        results,
        targets: checks,
      },
      null,
      1,
    ),
  );
  console.log(`\nsoak: ${seconds} s in all; results in ${file}`);
}

await main();
