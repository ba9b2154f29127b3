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
