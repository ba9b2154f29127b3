import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { PIN, pressAdminKeys } from './adminSteps';

/** The two screens staff meet the admin on, tapped as a touchscreen taps. */
export const TOUCH_SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1920x1080', width: 1920, height: 1080 },
] as const;

/** The PIN typed with taps on the pad. */
export async function tapPin(page: Page, pin: string): Promise<void> {
  const pad = page.locator('.pin-pad');
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).tap();
  await pad.getByRole('button', { name: /^(OK|Aceptar)$/ }).tap();
}

/** Into the admin with the PIN tapped in (the keys only bring up the pad). */
export async function openAdminByTouch(page: Page, pin = PIN): Promise<void> {
  await pressAdminKeys(page);
  await expect(page.getByRole('heading', { name: 'Staff PIN' })).toBeVisible();
  await tapPin(page, pin);
  await expect(page.getByRole('navigation', { name: 'Admin sections' })).toBeVisible();
}

export const tapSection = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true }).tap();

export const keyboard = (page: Page) =>
  page.getByRole('group', { name: /On-screen keyboard|Teclado en pantalla/ });

/** Taps keys of the on-screen keyboard by their names, one after another. */
export async function tapKeys(page: Page, keys: readonly string[]): Promise<void> {
  for (const key of keys)
    await keyboard(page).getByRole('button', { name: key, exact: true }).tap();
}

/** The admin in Spanish, by its own language button. */
export async function adminInSpanish(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Cambiar la pantalla de administración a español/ }).tap();
  await expect(page.getByRole('navigation', { name: 'Secciones de administración' })).toBeVisible();
}

/** A finger put down (and later lifted) through the DevTools protocol, as a touchscreen sends it. */
export async function touchDown(page: Page, x: number, y: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  return async () => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
}
