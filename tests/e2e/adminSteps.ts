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
