import fs from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every browser test fails if the page logs an error, throws, or asks for anything that is
 * not the app itself: the kiosk works offline and sends nothing anywhere.
 */
export const test = base.extend<{ appPage: Page }>({
  appPage: async ({ page, baseURL }, use) => {
    const problems: string[] = [];
    const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // index.html carries the first slide prerendered, before any script (or, served for other
    // settings, an empty #root): a test acts on the live app, so navigation waits until React
    // has put something of its own in #root.
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await page.waitForFunction(
        () =>
          !!document.getElementById('root')?.firstElementChild &&
          !document.querySelector('[data-prerendered]'),
      );
      return response;
    };
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`)) problems.push(`request outside the app: ${url}`);
    });
    await use(page);
    expect(problems, 'errors or outside requests').toEqual([]);
  },
});

export { expect };

export const currentSlide = (page: Page) => page.locator('.carousel__slide.is-current');

/**
 * Shows the slide at `index` by hand: its dot, or, where there are too many slides for a dot
 * each (the bar shows "7 of 20" instead), the first slide and then "next" as often as needed.
 */
export async function goToSlide(page: Page, index: number): Promise<void> {
  const dots = page.locator('.controls__dot');
  if ((await dots.count()) > 0) {
    await dots.nth(index).click();
    return;
  }
  await page.keyboard.press('Home');
  for (let step = 0; step < index; step += 1) await page.keyboard.press('ArrowRight');
}

export async function currentSlideId(page: Page): Promise<string | null> {
  return currentSlide(page).getAttribute('data-slide-id');
}

export const VIEWPORTS = [
  { name: 'landscape 1920x1080', width: 1920, height: 1080 },
  { name: 'portrait 1080x1920', width: 1080, height: 1920 },
  { name: 'laptop 1280x800', width: 1280, height: 800 },
] as const;

/** A fake clock that stands still until a test moves it (runFor), so real time never leaks in. */
export async function installPausedClock(page: Page): Promise<void> {
  const start = new Date('2026-03-02T09:00:00');
  await page.clock.install({ time: start });
  await page.clock.pauseAt(new Date(start.getTime() + 1000));
}

/** Text or figures that stick out of the current slide, controls that do not fit or are small. */
export function findLayoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const slide = document.querySelector('.carousel__slide.is-current .slide-view');
    if (!slide) return ['no slide'];
    if (slide.scrollHeight > slide.clientHeight + 1 || slide.scrollWidth > slide.clientWidth + 1) {
      problems.push(
        `slide scrolls: ${slide.scrollWidth}x${slide.scrollHeight} in ${slide.clientWidth}x${slide.clientHeight}`,
      );
    }
    const box = slide.getBoundingClientRect();
    for (const element of slide.querySelectorAll('h2, h3, p, li, figcaption, svg')) {
      const rect = element.getBoundingClientRect();
      const outside =
        rect.top < box.top - 1 ||
        rect.bottom > box.bottom + 1 ||
        rect.left < box.left - 1 ||
        rect.right > box.right + 1;
      if (outside)
        problems.push(`${element.tagName} "${element.textContent?.slice(0, 30)}" sticks out`);
    }
    const controls = document.querySelector('.controls');
    if (controls && controls.scrollWidth > controls.clientWidth + 1)
      problems.push('controls overflow');
    for (const button of document.querySelectorAll('.controls button')) {
      const rect = button.getBoundingClientRect();
      if (rect.width < 48 || rect.height < 48)
        problems.push(`small touch target ${rect.width}x${rect.height}`);
      if (rect.right > window.innerWidth || rect.left < 0 || rect.bottom > window.innerHeight) {
        problems.push('button off screen');
      }
      // Reachable from a wheelchair: every control in the lower two thirds of the screen.
      if (rect.top < window.innerHeight / 3) problems.push(`control too high: ${rect.top}px`);
    }
    return problems;
  });
}

/**
 * axe-core as @axe-core/playwright brings it (the same engine and version its AxeBuilder runs),
 * read once per test run.
 */
const axeSource = fs.readFileSync(
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve(
    'axe-core/axe.min.js',
  ),
  'utf8',
);

/** What the tests read of axe's results. */
interface AxeViolations {
  violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
}

/** WCAG 2.2 A/AA and best practices, plus two rules that are off by default. */
const AXE_OPTIONS = {
  runOnly: {
    type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'wcag2aaa'],
  },
  rules: { 'color-contrast-enhanced': { enabled: true }, 'target-size': { enabled: true } },
};

/**
 * axe-core over the page as it is now: WCAG 2.2 A/AA and best practices, plus enhanced contrast
 * (7:1, read from across a room) and target size. axe is put into the page once per document and
 * then run in place, so a sweep over many slides or screens of one page load checks each of them
 * without reloading or re-injecting (AxeBuilder injects axe and opens a blank page for every check,
 * four times the cost; the app has no frames, which is what that machinery is for).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (options) =>
      (
        window as unknown as { axe: { run(context: Document, o: unknown): Promise<AxeViolations> } }
      ).axe
        .run(document, options)
        // Only what the tests read crosses back (axe's full results are large).
        .then(({ violations }) => ({
          violations: violations.map(({ id, help, nodes }) => ({
            id,
            help,
            nodes: nodes.slice(0, 3).map(({ target }) => ({ target })),
          })),
        })),
    AXE_OPTIONS,
  );
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join('; ')})`,
  );
}

/** Screenshots the README shows are kept in docs/; the rest are for looking at, not committed. */
const README_SCREENSHOTS = new Set(['admin-playlists-1280x800', 'clinic-welcome-1280x800']);
export function screenshotPath(name: string): string {
  return README_SCREENSHOTS.has(name)
    ? `docs/screenshots/${name}.png`
    : `test-results/look/${name}.png`;
}
