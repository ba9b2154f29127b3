import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { DEFAULT_SETTINGS } from '../../contract';
import { installBridge } from './bridge';
import {
  axeViolations,
  currentSlide,
  expect,
  findLayoutProblems,
  test,
  VIEWPORTS,
} from './fixtures';

const address = 'https://example.org/ketamine-therapy-program';

async function openCallToAction(page: Page) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await page.getByRole('button', { name: /: Want to learn more\?$/ }).click();
  await expect(currentSlide(page)).toHaveAttribute('data-slide-id', 'ask-the-front-desk');
}

for (const viewport of VIEWPORTS) {
  test(`the QR code on screen reads back as the clinic's address, ${viewport.name}`, async ({
    appPage,
  }) => {
    await appPage.setViewportSize({ width: viewport.width, height: viewport.height });
    await installBridge(appPage, { clinic: { ...DEFAULT_SETTINGS.clinic, webAddress: address } });
    await openCallToAction(appPage);
    // The encoder is its own chunk, fetched because there is an address; the code is drawn.
    await expect(currentSlide(appPage).locator('svg.qr-code path')).toHaveCount(1);
    const qr = currentSlide(appPage).getByRole('img', { name: `QR code for ${address}` });
    const box = await qr.boundingBox();
    // Big enough to scan from a metre: at least a quarter of the short side of the screen.
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(
      Math.min(viewport.width, viewport.height) * 0.25,
    );
    const png = PNG.sync.read(await appPage.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(address);
    await expect(currentSlide(appPage)).toContainText('example.org/ketamine-therapy-program');
    await expect(currentSlide(appPage)).toContainText('Or scan the code with your phone camera.');
    expect(await findLayoutProblems(appPage)).toEqual([]);
    expect(await axeViolations(appPage)).toEqual([]);
  });
}

test('without a web address the slide invites patients to ask the front desk', async ({
  appPage,
}) => {
  const scripts: string[] = [];
  appPage.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await openCallToAction(appPage);
  await expect(currentSlide(appPage)).toContainText('Ask at the front desk');
  await expect(currentSlide(appPage).locator('.qr-code')).toHaveCount(0);
  // The QR encoder's chunk is never fetched: only the player's own script.
  expect(scripts.some((path) => /\/assets\/index-[\w-]+\.js$/.test(path))).toBe(true);
  expect(scripts.filter((path) => /QrCode/.test(path))).toEqual([]);
});

test('if the QR encoder cannot be loaded, the slide keeps the written address and does not ask to scan', async ({
  page,
  baseURL,
}) => {
  // A damaged install: the encoder's chunk is missing. The failed fetch of that one file is the
  // only error allowed (appPage would fail the test on it), and nothing leaves the app.
  const problems: string[] = [];
  const chunk = /\/assets\/QrCode-[\w-]+\.js$/;
  const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const aboutChunk =
      chunk.test(message.location().url) || /QrCode-[\w-]+\.js/.test(message.text());
    if (message.type() === 'error' && !aboutChunk) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`)) problems.push(`request outside: ${request.url()}`);
  });
  let refused = 0;
  await page.route(chunk, (route) => {
    refused += 1;
    return route.abort();
  });
  await installBridge(page, { clinic: { ...DEFAULT_SETTINGS.clinic, webAddress: address } });
  await openCallToAction(page);
  await expect(currentSlide(page).locator('.qr-code')).toHaveCount(0);
  await expect(currentSlide(page)).toContainText('example.org/ketamine-therapy-program');
  await expect(currentSlide(page)).toContainText('Ask at the front desk');
  await expect(currentSlide(page)).not.toContainText('scan the code');
  // The code and the note share one fetch of the chunk.
  expect(refused).toBe(1);
  expect(problems).toEqual([]);
});
