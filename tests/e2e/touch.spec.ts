import type { CDPSession, Page } from '@playwright/test';
import { currentSlide, currentSlideId, expect, test } from './fixtures';
import { slideIds } from './deck';

test.use({ hasTouch: true, viewport: { width: 1280, height: 800 } });

type Point = { x: number; y: number };

/** Real touch input through the Chrome DevTools Protocol, as a touchscreen sends it. */
class Finger {
  constructor(
    private readonly cdp: CDPSession,
    private readonly page: Page,
  ) {}

  static async on(page: Page): Promise<Finger> {
    return new Finger(await page.context().newCDPSession(page), page);
  }

  /** Event times the page sees (seconds), so speed does not depend on a busy test machine. */
  private clock = Date.now() / 1000;
  private send(type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[], afterMs = 0) {
    this.clock += afterMs / 1000;
    return this.cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map((point, id) => ({ x: point.x, y: point.y, id })),
      timestamp: this.clock,
    });
  }

  /** Drag each finger from its start to its end in `steps` moves, `stepMs` apart. */
  async drag(paths: Array<[Point, Point]>, steps: number, stepMs: number, hold = false) {
    await this.send(
      'touchStart',
      paths.map(([from]) => from),
    );
    for (let step = 1; step <= steps; step += 1) {
      await this.send(
        'touchMove',
        paths.map(([from, to]) => ({
          x: from.x + ((to.x - from.x) * step) / steps,
          y: from.y + ((to.y - from.y) * step) / steps,
        })),
        stepMs,
      );
      if (stepMs > 0) await this.page.waitForTimeout(stepMs);
    }
    if (!hold) await this.lift(stepMs);
  }

  async lift(afterMs = 0) {
    await this.send('touchEnd', [], afterMs);
  }

  async tap(point: Point) {
    await this.send('touchStart', [point]);
    await this.send('touchEnd', []);
  }
}

const middle = { x: 640, y: 340 };
const slideCount = slideIds.length;

async function settled(page: Page, id: string | undefined) {
  await expect(currentSlide(page)).toHaveAttribute('data-slide-id', id ?? '');
  await expect(page.locator('.carousel__slides')).not.toHaveClass(/is-dragging/);
}

test.beforeEach(async ({ appPage }) => {
  await appPage.goto('/');
  await expect(currentSlide(appPage)).toBeVisible();
});

test('a swipe to the left moves on, to the right goes back', async ({ appPage }) => {
  const finger = await Finger.on(appPage);
  await finger.drag([[middle, { x: middle.x - 500, y: middle.y + 10 }]], 12, 16);
  await settled(appPage, slideIds[1]);
  await finger.drag([[middle, { x: middle.x + 500, y: middle.y - 10 }]], 12, 16);
  await settled(appPage, slideIds[0]);
  await finger.drag([[middle, { x: middle.x + 500, y: middle.y }]], 12, 16);
  await settled(appPage, slideIds[slideCount - 1]);
});

test('the slide follows the finger, and the next one comes in beside it', async ({ appPage }) => {
  const finger = await Finger.on(appPage);
  await finger.drag([[middle, { x: middle.x - 150, y: middle.y }]], 6, 16, true);
  const offsets = await appPage.evaluate(() => {
    const x = (element: Element | null) =>
      element ? new DOMMatrix(getComputedStyle(element).transform).m41 : NaN;
    return {
      current: x(document.querySelector('.carousel__slide.is-current')),
      peek: x(document.querySelector('.carousel__slide[data-peek]')),
      width: document.querySelector('.carousel__slides')?.clientWidth ?? 0,
    };
  });
  expect(offsets.current).toBeCloseTo(-150, 0);
  expect(offsets.peek).toBeCloseTo(offsets.width - 150, 0);
  // Held still before lifting (by the event clock): not a flick, so it springs back.
  await finger.lift(300);
  await settled(appPage, slideIds[0]);
});

test('a short, slow drag springs back', async ({ appPage }) => {
  const finger = await Finger.on(appPage);
  // 200 px of 1280 is under a fifth of the width, dragged slowly.
  await finger.drag([[middle, { x: middle.x - 200, y: middle.y }]], 10, 40, true);
  await appPage.waitForTimeout(150);
  await finger.lift(150);
  await settled(appPage, slideIds[0]);
  const transform = await currentSlide(appPage).evaluate((el) => getComputedStyle(el).transform);
  expect(transform === 'none' || new DOMMatrix(transform).m41 === 0).toBe(true);
});

test('a quick flick commits even when short', async ({ appPage }) => {
  const finger = await Finger.on(appPage);
  await finger.drag([[middle, { x: middle.x - 120, y: middle.y }]], 3, 8);
  await settled(appPage, slideIds[1]);
  // The same short distance, slowly (by the event clock): springs back.
  await finger.drag([[middle, { x: middle.x - 120, y: middle.y }]], 6, 120);
  await settled(appPage, slideIds[1]);
});

test('vertical drags, pinches and two-finger swipes never change the slide', async ({
  appPage,
}) => {
  const finger = await Finger.on(appPage);
  await finger.drag([[middle, { x: middle.x + 40, y: middle.y + 300 }]], 10, 16);
  await settled(appPage, slideIds[0]);
  await finger.drag(
    [
      [
        { x: 600, y: 340 },
        { x: 300, y: 340 },
      ],
      [
        { x: 680, y: 340 },
        { x: 1000, y: 340 },
      ],
    ],
    10,
    16,
  );
  await settled(appPage, slideIds[0]);
  await finger.drag(
    [
      [
        { x: 700, y: 300 },
        { x: 200, y: 300 },
      ],
      [
        { x: 700, y: 400 },
        { x: 200, y: 400 },
      ],
    ],
    10,
    16,
  );
  await settled(appPage, slideIds[0]);
});

test('taps on the right third go forward, the left third back, the middle only pauses', async ({
  appPage,
}) => {
  const finger = await Finger.on(appPage);
  await finger.tap({ x: 1100, y: 340 });
  await settled(appPage, slideIds[1]);
  await finger.tap({ x: 150, y: 340 });
  await settled(appPage, slideIds[0]);
  await finger.tap(middle);
  await settled(appPage, slideIds[0]);
  await expect(
    appPage.getByRole('button', { name: 'Play the automatic slide show' }),
  ).toBeVisible();
});

test('a mouse drag behaves like a finger', async ({ appPage }) => {
  await appPage.mouse.move(middle.x, middle.y);
  await appPage.mouse.down();
  await appPage.mouse.move(middle.x - 500, middle.y, { steps: 12 });
  await appPage.mouse.up();
  await settled(appPage, slideIds[1]);
});

test('buttons and dots still work on a touchscreen', async ({ appPage }) => {
  await appPage.getByRole('button', { name: 'Next slide' }).tap();
  await settled(appPage, slideIds[1]);
  await appPage.getByRole('button', { name: /^Slide 4:/ }).tap();
  await settled(appPage, slideIds[3]);
});

test('no text selection, callout or context menu', async ({ appPage }) => {
  const styles = await appPage.evaluate(() => {
    const body = getComputedStyle(document.body);
    const html = getComputedStyle(document.documentElement);
    return {
      select: body.userSelect,
      touch: html.touchAction,
      overscroll: body.overscrollBehaviorX,
    };
  });
  expect(styles).toEqual({ select: 'none', touch: 'none', overscroll: 'none' });
  const prevented = await appPage.evaluate(() => {
    const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.querySelector('.carousel__slides')?.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(prevented).toBe(true);
  // No user-scalable=no in the viewport tag: axe flags it, and CSS already stops zooming.
  await expect(appPage.locator('meta[name="viewport"]')).not.toHaveAttribute(
    'content',
    /user-scalable/,
  );
});

test('the mouse cursor hides when the mouse rests', async ({ appPage }) => {
  await appPage.mouse.move(300, 300);
  await expect(appPage.locator('body')).not.toHaveClass(/hide-cursor/);
  await expect(appPage.locator('body')).toHaveClass(/hide-cursor/, { timeout: 6000 });
});

test('slides keep their place after many swipes', async ({ appPage }) => {
  const finger = await Finger.on(appPage);
  for (let swipe = 1; swipe <= slideCount + 1; swipe += 1) {
    await finger.drag([[middle, { x: middle.x - 500, y: middle.y }]], 5, 10);
    await settled(appPage, slideIds[swipe % slideCount]);
  }
  expect(await currentSlideId(appPage)).toBe(slideIds[1]);
});
