import type { Page } from '@playwright/test';
import type { KioskBridge } from '../../contract';
import { expect } from './fixtures';

/** Steps staff take in the admin, shared by the admin's browser tests. */
export const PIN = '2468';

export async function typePin(page: Page, pin: string): Promise<void> {
  const pad = page.locator('.pin-pad');
  for (const digit of pin) {
    await pad.getByRole('button', { name: digit, exact: true }).click();
  }
  await pad.getByRole('button', { name: /^(OK|Aceptar)$/ }).click();
}

/** Ctrl+Alt+A once the page is listening (the corner is drawn in the same commit). */
export async function pressAdminKeys(page: Page): Promise<void> {
  await page.locator('.admin-corner').waitFor({ state: 'attached' });
  await page.keyboard.press('Control+Alt+a');
}

export async function openAdmin(page: Page, pin = PIN): Promise<void> {
  await pressAdminKeys(page);
  await expect(page.getByRole('heading', { name: 'Staff PIN' })).toBeVisible();
  await typePin(page, pin);
  await expect(page.getByRole('navigation', { name: 'Admin sections' })).toBeVisible();
}

/** How long staff hold the top-right corner to get in (README: "for 3 seconds"). */
export const CORNER_HOLD_MS = 3000;

/**
 * No admin opened, and none is on its way: once every call the page made to main has been
 * answered and React has rendered what came of it, there is still no dialog and the slideshow
 * is not inert (an opening admin makes it so before its own screen has even loaded). Without
 * that wait, "no dialog" holds on the first look whatever the page is about to do.
 */
export async function expectNoAdmin(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await (window as unknown as { kiosk: KioskBridge }).kiosk.admin.status();
    // React renders in tasks of its own (posted messages): a few later tasks come after them.
    for (let task = 0; task < 5; task += 1) {
      await new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
    }
  });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('.kiosk-layer')).not.toHaveAttribute('inert');
}

export const section = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true });

/** What would make an admin screen hard to use: sideways scrolling, controls off screen, small targets. */
export async function adminLayoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const admin = document.querySelector('.admin')!;
    if (admin.scrollWidth > window.innerWidth + 1) found.push('admin scrolls sideways');
    for (const element of admin.querySelectorAll('button, input, select, label')) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0) continue;
      if (rect.left < -1 || rect.right > window.innerWidth + 1) {
        found.push(`${element.tagName} "${element.textContent?.slice(0, 20)}" off screen`);
      }
      if (element.matches('button, select') && (rect.height < 44 || rect.width < 44)) {
        found.push(
          `small target ${element.textContent?.slice(0, 20)}: ${rect.width}x${rect.height}`,
        );
      }
    }
    return found;
  });
}
