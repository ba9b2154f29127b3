import type { Page } from '@playwright/test';
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
