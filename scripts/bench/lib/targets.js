// @ts-check
/**
 * The three players under test, and how each is driven with its own documented means:
 *   ours    real input: the ArrowRight key (CDP key events), a tap on the pause button
 *   reveal  its API: Reveal.next(), Reveal.toggleAutoSlide(false)
 *   swiper  its API: swiper.slideNext(), swiper.autoplay.stop()
 *   floor   not a player: the browser's floor (bare HTML, a dozen lines of script), driven
 *           by window.floor.next(); it shows what no page can beat on this machine
 * Touch swipes are real CDP touch events for all of them.
 */

/**
 * @typedef {object} Target
 * @property {'ours' | 'reveal' | 'swiper' | 'floor'} name
 * @property {string} label
 * @property {string} slides      every slide element
 * @property {string} container   the element whose animations make up a transition
 * @property {string} current     the slide on screen
 * @property {string} readyCheck  JS expression, true once the player is running
 * @property {(page: import('playwright-core').Page, cdp: import('playwright-core').CDPSession) => Promise<void>} next
 * @property {(page: import('playwright-core').Page) => Promise<void>} pause
 * @property {string} how         how "next" and "pause" are done, for the report
 */

/** @type {Record<'ours' | 'reveal' | 'swiper' | 'floor', Target>} */
export const TARGETS = {
  ours: {
    name: 'ours',
    label: 'ours (React player)',
    slides: '.carousel__slides > .carousel__slide',
    container: '.carousel__slides',
    current: '.carousel__slide.is-current',
    readyCheck: "!!document.querySelector('.carousel__slide.is-current .slide-view__title')",
    async next(_page, cdp) {
      await pressKey(cdp, 'ArrowRight', 'ArrowRight', 39);
    },
    async pause(page) {
      // A patient's tap on the pause button (touch, so the mouse-cursor timer does not run).
      await page.tap('.controls__rotation');
      await page.waitForFunction(
        () => document.querySelector('.controls__rotation .icon-play') !== null,
      );
    },
    how: 'next: ArrowRight key (CDP Input.dispatchKeyEvent); pause: tap on .controls__rotation',
  },
  reveal: {
    name: 'reveal',
    label: 'reveal.js',
    slides: '.reveal .slides > section',
    container: '.reveal .slides',
    current: '.reveal .slides > section.present',
    readyCheck: '!!(window.Reveal && window.Reveal.isReady && window.Reveal.isReady())',
    async next(page) {
      await page.evaluate(() => /** @type {any} */ (window).Reveal.next());
    },
    async pause(page) {
      await page.evaluate(() => /** @type {any} */ (window).Reveal.toggleAutoSlide(false));
    },
    how: 'next: Reveal.next(); pause: Reveal.toggleAutoSlide(false)',
  },
  swiper: {
    name: 'swiper',
    label: 'Swiper',
    slides: '.swiper-slide',
    container: '.swiper',
    current: '.swiper-slide-active',
    readyCheck: '!!(window.swiper && window.swiper.initialized)',
    async next(page) {
      await page.evaluate(() => /** @type {any} */ (window).swiper.slideNext());
    },
    async pause(page) {
      await page.evaluate(() => /** @type {any} */ (window).swiper.autoplay.stop());
    },
    how: 'next: swiper.slideNext(); pause: swiper.autoplay.stop()',
  },
  floor: {
    name: 'floor',
    label: "browser's floor",
    slides: '.deck > .s',
    container: '.deck',
    current: '.deck > .s.on',
    readyCheck: '!!window.floor',
    async next(page) {
      await page.evaluate(() => /** @type {any} */ (window).floor.next());
    },
    async pause() {
      // Nothing plays by itself.
    },
    how: 'next: floor.next(); pause: nothing (no autoplay)',
  },
};

export const TARGET_NAMES = /** @type {const} */ (['ours', 'reveal', 'swiper']);
/** The bench also measures the floor (the soak does not: it has nothing to leak). */
export const BENCH_NAMES = /** @type {const} */ ([...TARGET_NAMES, 'floor']);

/**
 * A real key press through the browser's input pipeline; resolves once the renderer handled it.
 * @param {import('playwright-core').CDPSession} cdp
 */
export async function pressKey(
  cdp,
  /** @type {string} */ key,
  /** @type {string} */ code,
  /** @type {number} */ keyCode,
) {
  const base = { key, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
}
