#!/usr/bin/env node
// @ts-check
/**
 * npm run soak: each player through many slide changes, watching for leaks.
 *
 *   node scripts/bench/soak.js [--changes 10000] [--sample-every 1000] [--playback-rate 100]
 *                              [--only ours,reveal,swiper] [--out bench-results]
 *                              [--clinic-media]
 *
 * Slide changes are driven inside the page with each player's own "next" (our .controls__next
 * button, Reveal.next(), swiper.slideNext()), the next one as soon as the previous one has
 * finished. CSS/Web animations run `--playback-rate` times faster (CDP
 * Animation.setPlaybackRate, the same for all three) so that every transition still runs
 * and ends (animationend/transitionend listeners fire) in about one frame. Every
 * `--sample-every` changes: two forced full GCs, then JSHeapUsedSize, Nodes and
 * JSEventListeners from CDP Performance.getMetrics, and (on Linux) the proportional memory
 * (PSS) of the browser's renderer and GPU processes.
 *
 * --clinic-media soaks our player only, as a kiosk with the clinic's own media: the real main
 * modules (tests/e2e/mainProcess.ts, loaded through Vite) serve the bridge and app://media,
 * a picture and a captioned video are imported through main's media library and put at the
 * head of the playlist, and every change that lands on the video waits until it has played
 * a quarter of a second. Video stalls and `media-failed` reports are counted.
 */
import { mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
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
    'clinic-media': { type: 'boolean', default: false },
    'ours-dir': { type: 'string' },
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
const CLINIC_MEDIA = args['clinic-media'] ?? false;
if (CLINIC_MEDIA && NAMES.join(',') !== 'ours') {
  if (NAMES.includes('ours')) NAMES.splice(0, NAMES.length, 'ours');
  else
    throw new Error('--clinic-media soaks our player only: leave out --only or pass --only ours');
}
const deck = JSON.parse(readFileSync(join(root, 'assets/deck/how-ketamine-works.json'), 'utf8'));
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** @param {string | undefined} value @param {string} name */
function positive(value, name) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

/**
 * Memory of the browser's renderer and GPU processes (the GPU process holds the composited
 * and software-rastered frames), in MB: the proportional set size from
 * /proc/<pid>/smaps_rollup, so pages shared between processes count once. Linux only; null
 * elsewhere.
 * @param {import('playwright-core').CDPSession} browserCdp
 */
async function rendererMemoryMB(browserCdp, types = ['renderer', 'GPU']) {
  try {
    const { processInfo } = /** @type {{ processInfo: { type: string, id: number }[] }} */ (
      await browserCdp.send('SystemInfo.getProcessInfo')
    );
    let kB = 0;
    for (const p of processInfo.filter((info) => types.includes(info.type))) {
      const rollup = readFileSync(`/proc/${p.id}/smaps_rollup`, 'utf8');
      kB += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    }
    return kB > 0 ? kB / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * @param {import('playwright-core').CDPSession} cdp
 * @param {import('playwright-core').CDPSession} browserCdp
 * @param {number} changes @param {number} since
 */
async function sample(cdp, browserCdp, changes, since) {
  await forceGc(cdp);
  const m = await metrics(cdp);
  return {
    rendererMB: await rendererMemoryMB(browserCdp),
    /** The page's renderer process alone (issue 24: "the renderer's memory at rest"). */
    rendererOnlyMB: await rendererMemoryMB(browserCdp, ['renderer']),
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
 * The kiosk's main process for --clinic-media: the real main modules from the browser tests'
 * harness (TypeScript, loaded through Vite's SSR loader as scripts/prerender.js does), with a
 * picture and a captioned video imported and put at the head of the playlist.
 * @param {import('playwright-core').Page} page
 * @param {string} origin
 */
async function installClinicMedia(page, origin) {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  // Kept open until the soak ends: the harness's modules stay loaded through it.
  const close = () => vite.close();
  try {
    const harness = await vite.ssrLoadModule('/tests/e2e/mainProcess.ts');
    const media = (/** @type {string} */ name) => readFileSync(join(root, 'tests/e2e/media', name));
    const main = await harness['installMainProcess'](page, origin);
    await harness['addClinicSlide'](main, media('garden.png'), {
      id: 'custom-soak-picture',
      kind: 'image',
      title: 'Our garden',
    });
    await harness['addClinicSlide'](main, media('welcome-clip.webm'), {
      id: 'custom-soak-video',
      kind: 'video',
      title: 'Welcome',
      captions: media('welcome-clip.vtt'),
    });
    return { main, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * @param {'ours'|'reveal'|'swiper'} name
 * @param {string} url
 */
async function soakOne(name, url) {
  const target = TARGETS[name];
  const browser = await launch();
  const browserCdp = await browser.newBrowserCDPSession();
  const started = Date.now();
  /** @type {{ main: any, close: () => Promise<void> } | null} */
  let clinic = null;
  try {
    const { context, page, cdp } = await newPage(browser);
    if (CLINIC_MEDIA) clinic = await installClinicMedia(page, new URL(url).origin);
    const main = clinic?.main;
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
    // Where the loop starts and where the clinic video sits in it: how often it must come round.
    const loop = await page.evaluate((selector) => {
      const slides = [...document.querySelectorAll(selector)];
      return {
        length: slides.length,
        start: slides.findIndex((slide) => slide.matches('.is-current')),
        video: slides.findIndex((slide) => slide.querySelector('video') !== null),
      };
    }, target.slides);
    await page.evaluate(() => /** @type {any} */ (window).__probe.removeMarkers());
    await cdp.send('Animation.setPlaybackRate', { playbackRate: RATE });
    await sleep(500);
    const samples = [await sample(cdp, browserCdp, 0, started)];
    let frames = 0;
    let retries = 0;
    let videoPlays = 0;
    let videoStalls = 0;
    for (let done = 0; done < CHANGES;) {
      const chunk = Math.min(EVERY, CHANGES - done);
      const result = await page.evaluate(
        ([count, driver, videos]) =>
          /** @type {any} */ (window).__probe.soak(count, driver, { videos }),
        /** @type {[number, string, boolean]} */ ([chunk, name, CLINIC_MEDIA]),
      );
      done += result.changes;
      frames += result.frames;
      retries += result.retries;
      videoPlays += result.videoPlays;
      videoStalls += result.videoStalls;
      await sleep(200);
      const s = await sample(cdp, browserCdp, done, started);
      samples.push(s);
      console.log(
        `  ${name.padEnd(6)} ${String(done).padStart(6)} changes  heap ${round(s.heapMB, 3)} MB  ` +
          `nodes ${s.nodes}  listeners ${s.listeners}` +
          (s.rendererMB === null ? '' : `  renderer+GPU PSS ${round(s.rendererMB, 1)} MB`) +
          (CLINIC_MEDIA ? `  video plays ${videoPlays}, stalls ${videoStalls}` : '') +
          `  (${s.seconds} s)`,
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
      clinicMedia: main
        ? {
            videoPlays,
            videoStalls,
            expectedStarts: Array.from({ length: last.changes }, (_, k) => k + 1).filter(
              (k) => (loop.start + k) % loop.length === loop.video,
            ).length,
            mediaFailedReports: main.recoveries
              .recent(10_000)
              .filter((/** @type {any} */ e) => e.event === 'media-failed').length,
          }
        : null,
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
    try {
      await browser.close();
    } finally {
      await clinic?.close();
      if (clinic) rmSync(clinic.main.directory, { recursive: true, force: true });
    }
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
  const server = await startServer(
    root,
    args['ours-dir'] ? { oursDir: resolve(args['ours-dir']) } : {},
  );
  /** @type {Record<string, any>} */
  const results = {};
  try {
    for (const name of NAMES) {
      results[name] = await soakOne(name, server.pages[name] ?? '');
      const r = results[name];
      console.log(
        `${name}: ${r.changes} changes in ${r.seconds} s (${r.framesPerChange} frames/change, ` +
          `${r.retries} retries)` +
          (r.clinicMedia
            ? `; the clinic video started ${r.clinicMedia.videoPlays} times, stalled ` +
              `${r.clinicMedia.videoStalls} times, ${r.clinicMedia.mediaFailedReports} media-failed reports`
            : '') +
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
      'renderer+GPU PSS first → last',
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
      first.rendererMB === null || last.rendererMB === null
        ? 'n/a'
        : `${round(first.rendererMB, 1)} → ${round(last.rendererMB, 1)} MB`,
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
    if (r.clinicMedia) {
      const { videoPlays, videoStalls, mediaFailedReports, expectedStarts } = r.clinicMedia;
      checks.push({
        target: 'the clinic video starts every time it comes round',
        value: `${videoPlays} starts of ${expectedStarts} arrivals, ${videoStalls} stalls, ${mediaFailedReports} media-failed reports`,
        met:
          expectedStarts > 0 &&
          videoPlays === expectedStarts &&
          videoStalls === 0 &&
          mediaFailedReports === 0,
      });
    }
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
        options: {
          changes: CHANGES,
          sampleEvery: EVERY,
          playbackRate: RATE,
          only: NAMES,
          clinicMedia: CLINIC_MEDIA,
        },
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
