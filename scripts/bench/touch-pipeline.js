#!/usr/bin/env node
// @ts-check
/**
 * node scripts/bench/touch-pipeline.js [--swipes 12]
 *
 * Why no page gets a touch release on screen within one frame here: trivial pages (one box
 * that the release handler moves), each swiped with real CDP touch events the way the bench
 * does (eight moves 16 ms apart, a 50 ms rest, release). For each page it prints, as medians,
 * how long after the release's timestamp the handler runs, and when the first frame after the
 * handler begins (a requestAnimationFrame asked for in the handler). See docs/PERFORMANCE.md,
 * "Touch response".
 */
import { parseArgs } from 'node:util';
import { launch, newPage } from './lib/browser.js';
import { quantile, round } from './lib/stats.js';

const { values: args } = parseArgs({ options: { swipes: { type: 'string', default: '12' } } });
const SWIPES = Math.max(1, Number(args.swipes) || 12);

/** The page's listeners; `h` is the measured handler, `box` the element it moves. */
const PAGES = {
  "touch-action: none, pointerup (ours, the bench's floor)": `
    document.body.style.touchAction = 'none';
    addEventListener('pointerup', h);`,
  'touch-action: none, pointerup, a non-passive touchend listener too': `
    document.body.style.touchAction = 'none';
    addEventListener('pointerup', h);
    addEventListener('touchend', () => {}, { passive: false });`,
  'touch-action: none, pointerup, a non-passive touchstart listener too': `
    document.body.style.touchAction = 'none';
    addEventListener('pointerup', h);
    addEventListener('touchstart', () => {}, { passive: false });`,
  'touch-action: none, pointerup, frames kept running while the finger is down': `
    document.body.style.touchAction = 'none';
    addEventListener('pointerup', h);
    let down = false;
    const tick = () => { if (down) requestAnimationFrame(tick); };
    addEventListener('pointerdown', () => { down = true; requestAnimationFrame(tick); });
    addEventListener('pointerup', () => { down = false; });`,
  "touch-action: pan-y (Swiper's), pointerup": `
    document.documentElement.style.touchAction = 'pan-y';
    addEventListener('pointerup', h);`,
  'touch-action: pinch-zoom, pointerup': `
    document.documentElement.style.touchAction = 'pinch-zoom';
    addEventListener('pointerup', h);`,
  'touch-action: auto (the browser scrolls), touchend': `
    addEventListener('touchend', h, { passive: true });`,
};

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));
const browser = await launch();
console.log(`touch pipeline: ${SWIPES} swipes per page; medians, ms after the release's timestamp`);
try {
  for (const [name, listeners] of Object.entries(PAGES)) {
    const { page, cdp, context } = await newPage(browser);
    await page.setContent(`<body style="margin:0;height:100vh;background:#0f2530">
      <div id="box" style="width:200px;height:200px;background:#fff"></div>
      <script>
        const seen = [];
        window.seen = seen;
        function h(event) {
          const entry = { handler: performance.now() - event.timeStamp, frame: null };
          seen.push(entry);
          requestAnimationFrame(() => { entry.frame = performance.now() - event.timeStamp; });
          document.getElementById('box').style.transform = 'translateX(' + seen.length * 10 + 'px)';
        }
        ${listeners}
      </script></body>`);
    for (let i = 0; i < SWIPES; i++) {
      const point = (/** @type {number} */ x) => ({ x, y: 500, id: 1 });
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchStart',
        touchPoints: [point(1500)],
      });
      for (let step = 1; step <= 8; step++) {
        await sleep(16);
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [point(1500 - step * 140)],
        });
      }
      await sleep(50);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await sleep(200);
    }
    /** @type {{ handler: number, frame: number | null }[]} */
    const seen = await page.evaluate(() => /** @type {any} */ (window).seen);
    const handler = quantile(
      seen.map((s) => s.handler),
      0.5,
    );
    const frame = quantile(
      seen.flatMap((s) => (s.frame === null ? [] : [s.frame])),
      0.5,
    );
    console.log(
      `  ${name.padEnd(78)} handler ${String(round(handler, 1)).padStart(5)}  ` +
        `next frame ${String(round(frame, 1)).padStart(5)}  (${seen.length}/${SWIPES} releases)`,
    );
    await context.close();
  }
} finally {
  await browser.close();
}
