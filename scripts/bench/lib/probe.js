// @ts-check
/**
 * What the bench installs in every page before it loads (Playwright addInitScript, i.e. CDP
 * Page.addScriptToEvaluateOnNewDocument, which the app's CSP does not block). The same code
 * for all three pages, told only their selectors. Nothing runs per frame unless a measurement
 * asked for it, so the idle and memory numbers are not disturbed by the probe.
 */

/**
 * @typedef {{ slides: string, container: string, current: string, firstSlideId: string }} ProbeConfig
 */

/** @param {ProbeConfig} config */
function probe(config) {
  /** @type {any} */
  const w = window;
  const paints = /** @type {any[]} */ ([]);

  // (1) Time to first slide. Element Timing (an elementtiming attribute put on the first
  // slide's title the moment it is inserted) and LCP are recorded, but Chromium does not
  // report an element that is first painted at opacity 0 and then faded in by a (compositor)
  // animation, as our first slide is: the entry comes late or never. So the bench also uses
  // one rule it can apply to all three alike: the first animation frame in which the title
  // is laid out on screen, visible, with a non-zero effective opacity ("painted"), and the
  // first frame in which that opacity reaches 1 ("fully shown"). rAF callbacks run just
  // before the frame's paint and never while the page is render-blocked.
  const titleSelector = `[data-slide-id="${config.firstSlideId}"] h2`;
  const mark = () => {
    const el = document.querySelector(titleSelector);
    if (el && !el.hasAttribute('elementtiming'))
      el.setAttribute('elementtiming', 'first-slide-text');
    return !!el;
  };
  const observer = new MutationObserver(() => {
    if (mark()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  for (const type of ['element', 'paint', 'largest-contentful-paint']) {
    try {
      new PerformanceObserver((list) => {
        for (const e of /** @type {any[]} */ (list.getEntries())) {
          paints.push({
            type: e.entryType,
            name: e.identifier || e.name,
            time: e.renderTime || e.startTime,
            loadTime: e.loadTime,
            element: e.element ? e.element.tagName : undefined,
          });
        }
      }).observe({ type, buffered: true });
    } catch {
      /* entry type unsupported */
    }
  }
  // The frame found by rAF is then timed by the browser itself: in that same rAF callback the
  // probe adds a one-pixel text marker with its own elementtiming, painted in that very frame,
  // so its Element Timing renderTime is the frame's paint/presentation time.
  const firstSlide = {
    paintedFrame: /** @type {number | null} */ (null),
    shownFrame: /** @type {number | null} */ (null),
    opacityAtPaint: 0,
  };
  const addMarker = (/** @type {string} */ id) => {
    const marker = document.createElement('span');
    marker.setAttribute('elementtiming', id);
    marker.setAttribute('aria-hidden', 'true');
    marker.dataset['benchMarker'] = '';
    marker.textContent = '.';
    Object.assign(marker.style, {
      position: 'fixed',
      left: '0',
      top: '0',
      font: '1px/1px sans-serif',
      color: '#808080',
      pointerEvents: 'none',
      zIndex: '2147483647',
    });
    (document.body ?? document.documentElement).append(marker);
  };
  const visibleOpacity = () => {
    const el = document.querySelector(titleSelector);
    if (!el || !el.textContent?.trim()) return 0;
    const box = el.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0 || box.bottom <= 0 || box.right <= 0) return 0;
    if (box.top >= innerHeight || box.left >= innerWidth) return 0;
    if (getComputedStyle(el).visibility !== 'visible') return 0;
    let opacity = 1;
    for (let node = /** @type {Element | null} */ (el); node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none') return 0;
      opacity *= Number(style.opacity);
    }
    return opacity;
  };
  const watchFirstSlide = (/** @type {number} */ time) => {
    const opacity = visibleOpacity();
    if (opacity > 0 && firstSlide.paintedFrame === null) {
      firstSlide.paintedFrame = time;
      firstSlide.opacityAtPaint = opacity;
      addMarker('bench-first-slide-painted');
    }
    if (opacity >= 0.999 && firstSlide.shownFrame === null) {
      firstSlide.shownFrame = time;
      addMarker('bench-first-slide-shown');
    }
    if (firstSlide.shownFrame === null && time < 30_000) requestAnimationFrame(watchFirstSlide);
  };
  requestAnimationFrame(watchFirstSlide);

  const container = () => document.querySelector(config.container);
  const currentId = () =>
    document.querySelector(config.current)?.getAttribute('data-slide-id') ?? null;
  /** Animations (CSS animations, CSS transitions, WAAPI) running on the slides. */
  const animating = () => {
    const box = container();
    if (!box) return false;
    return document.getAnimations().some((a) => {
      const target = /** @type {any} */ (a.effect)?.target;
      return a.playState === 'running' && target && box.contains(target);
    });
  };
  // A cheap running count for the per-frame checks: getAnimations() every frame would build
  // a wrapper per animation per frame (our slides run dozens of small SVG transitions) and so
  // load the page under test. The events say when the set of CSS animations and transitions
  // on the slides may have emptied; getAnimations() then confirms it.
  const running = new Map();
  const keyOf = (/** @type {any} */ e) => e.target;
  const started = (/** @type {any} */ e) => {
    const box = container();
    if (!box || !(e.target instanceof Node) || !box.contains(e.target)) return;
    const names = running.get(keyOf(e)) ?? new Set();
    names.add(
      `${e.type.startsWith('anim') ? 'a' : 't'}:${e.animationName ?? e.propertyName}:${e.pseudoElement}`,
    );
    running.set(keyOf(e), names);
  };
  const ended = (/** @type {any} */ e) => {
    const names = running.get(keyOf(e));
    if (!names) return;
    names.delete(
      `${e.type.startsWith('anim') ? 'a' : 't'}:${e.animationName ?? e.propertyName}:${e.pseudoElement}`,
    );
    if (names.size === 0) running.delete(keyOf(e));
  };
  for (const type of ['transitionrun', 'animationstart']) addEventListener(type, started, true);
  for (const type of ['transitionend', 'transitioncancel', 'animationend', 'animationcancel']) {
    addEventListener(type, ended, true);
  }
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

  // (2) Frames during a transition: rAF timestamps from the frame before the trigger to the
  // frame in which the slides have stopped animating.
  let loop = /** @type {null | { times: number[], on: boolean }} */ (null);
  const tick = (/** @type {number} */ t) => {
    if (!loop || !loop.on) return;
    loop.times.push(t);
    requestAnimationFrame(tick);
  };

  // (4) Touch: the release time, and per frame the slides' opacity/transform.
  let touch = /** @type {any} */ (null);
  const snapshot = () =>
    Array.from(document.querySelectorAll(config.slides), (el) => {
      const style = getComputedStyle(el);
      return `${style.opacity}|${style.transform}|${style.visibility}`;
    }).join(';');
  const onRelease = (/** @type {Event} */ event) => {
    if (touch && touch.release === null) {
      touch.release = event.timeStamp;
      touch.handledAt = performance.now();
      touch.releaseType = event.type;
      touch.idAtRelease = currentId();
    }
  };
  addEventListener('touchend', onRelease, { capture: true, passive: true });
  addEventListener('pointerup', onRelease, { capture: true, passive: true });
  const touchTick = () => {
    if (!touch || touch.done) return;
    const now = performance.now();
    const state = snapshot();
    const anim = animating();
    if (touch.release === null) {
      touch.before = state;
    } else if (now > touch.release) {
      touch.framesAfter += 1;
      if (touch.firstFrame === null) touch.firstFrame = now;
      if (touch.changed === null && state !== touch.before) touch.changed = now;
      if (touch.animStart === null && anim) touch.animStart = now;
      if (touch.changed !== null && !anim && currentId() !== touch.startId) touch.done = true;
      if (now - touch.release > 3000) touch.done = true;
    }
    if (!touch.done) requestAnimationFrame(touchTick);
  };

  w.__probe = {
    paints,
    currentId,
    animating,
    ready: () => mark(),
    firstSlide,
    /** Element Timing renderTime of an elementtiming id, or null while not reported. */
    elementTiming(/** @type {string} */ id) {
      const hit = paints.find((p) => p.type === 'element' && p.name === id);
      return hit ? hit.time : null;
    },
    /**
     * Soak: `count` slide changes driven from inside the page, one as soon as the previous one
     * has finished (the slide changed and nothing animates), checked once per frame.
     * `driver` is the page's own "next": our .controls__next button (a DOM click, through
     * React's listener), Reveal.next(), swiper.slideNext(). With `videos`, a change that
     * lands on a slide with a video waits until that video has played a quarter of a second
     * (or 5 s have passed: a stall), as a patient would see it start.
     */
    async soak(
      /** @type {number} */ count,
      /** @type {'ours'|'reveal'|'swiper'} */ driver,
      /** @type {{ videos?: boolean }} */ options = {},
    ) {
      let videoPlays = 0;
      let videoStalls = 0;
      const awaitVideo = async () => {
        const video = /** @type {HTMLVideoElement | null} */ (
          document.querySelector(`${config.current} video`)
        );
        if (!video) return;
        const start = performance.now();
        while (!(video.currentTime >= 0.25 && !video.paused)) {
          if (performance.now() - start > 5000) {
            videoStalls += 1;
            return;
          }
          await nextFrame();
        }
        videoPlays += 1;
      };
      const next =
        driver === 'ours'
          ? () => /** @type {HTMLElement} */ (document.querySelector('.controls__next')).click()
          : driver === 'reveal'
            ? () => w.Reveal.next()
            : () => w.swiper.slideNext();
      let changes = 0;
      let frames = 0;
      let retries = 0;
      if (count <= 0) return { changes, frames, retries, videoPlays, videoStalls };
      let lastId = currentId();
      let triggeredAt = performance.now();
      next();
      while (changes < count) {
        await nextFrame();
        frames += 1;
        const id = currentId();
        if (id !== lastId && (running.size === 0 || frames % 15 === 0) && !animating()) {
          running.clear();
          changes += 1;
          lastId = id;
          if (options.videos) await awaitVideo();
          if (changes < count) {
            triggeredAt = performance.now();
            next();
          }
        } else if (performance.now() - triggeredAt > 2000) {
          retries += 1; // the library ignored the call (e.g. still settling): ask again
          triggeredAt = performance.now();
          next();
        }
      }
      return { changes, frames, retries, videoPlays, videoStalls };
    },
    removeMarkers() {
      for (const marker of document.querySelectorAll('[data-bench-marker]')) marker.remove();
    },
    async frameLoopStart() {
      loop = { times: [], on: true };
      requestAnimationFrame(tick);
      await nextFrame();
      await nextFrame();
      return true;
    },
    frameMark() {
      return loop ? loop.times.length : 0;
    },
    /** Resolves when the slide changed and nothing in the slide area animates any more. */
    async transitionDone(/** @type {string | null} */ fromId, /** @type {number} */ timeoutMs) {
      const start = performance.now();
      let frames = 0;
      for (;;) {
        await nextFrame();
        frames += 1;
        if (frames >= 2 && currentId() !== fromId) {
          // Events say nothing runs (or, as a fallback, every 15th frame): confirm.
          if ((running.size === 0 || frames % 15 === 0) && !animating()) {
            running.clear();
            return true;
          }
        }
        if (performance.now() - start > timeoutMs) return false;
      }
    },
    frameLoopStop() {
      const times = loop ? loop.times : [];
      if (loop) loop.on = false;
      loop = null;
      return times;
    },
    touchArm() {
      touch = {
        startId: currentId(),
        release: null,
        releaseType: null,
        handledAt: null,
        idAtRelease: null,
        before: snapshot(),
        changed: null,
        animStart: null,
        firstFrame: null,
        framesAfter: 0,
        done: false,
      };
      requestAnimationFrame(touchTick);
    },
    async touchResult(/** @type {number} */ timeoutMs) {
      const start = performance.now();
      while (touch && !touch.done && performance.now() - start < timeoutMs) await nextFrame();
      const result = touch && {
        release: touch.release,
        releaseType: touch.releaseType,
        dispatchDelayMs: touch.handledAt - touch.release,
        changedAfterMs: touch.changed === null ? null : touch.changed - touch.release,
        animatingAfterMs: touch.animStart === null ? null : touch.animStart - touch.release,
        firstFrameAfterMs: touch.firstFrame === null ? null : touch.firstFrame - touch.release,
        startId: touch.startId,
        idAtRelease: touch.idAtRelease,
        endId: currentId(),
      };
      touch = null;
      return result;
    },
  };
}

/**
 * @param {import('playwright-core').Page} page
 * @param {ProbeConfig} config
 */
export async function installProbe(page, config) {
  await page.addInitScript(probe, config);
}
