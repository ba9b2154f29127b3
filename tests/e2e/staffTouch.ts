import type { Page } from '@playwright/test';
import type { CustomSlide } from '../../contract';
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

export const tapSection = (page: Page, name: string | RegExp) =>
  page
    .getByRole('navigation')
    .getByRole('button', typeof name === 'string' ? { name, exact: true } : { name })
    .tap();

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

/** A clinic slide as long as the form lets staff write it: a 120-character title, 5 long points. */
export const LONG_SLIDE: Extract<CustomSlide, { kind: 'text' }> = {
  id: 'custom-long',
  kind: 'text',
  title: {
    en: 'Before your first ketamine treatment, please have your photo ID and a list of your medicines ready for the front desk.',
    es: 'Antes de su primer tratamiento con ketamina, tenga lista su identificación con foto para la recepción y llegue temprano',
  },
  lines: [
    'Arrive fifteen minutes early so the team can check your blood pressure and answer questions.',
    'Bring a list of every medicine and supplement you take, with the doses, written down.',
    'Plan a ride home: you may not drive for the rest of the day after a treatment session.',
    'Eat lightly: nothing for four hours before, and only clear fluids for two hours before.',
    'Wear comfortable clothes and bring headphones or an eye mask if they help you relax.',
  ].map((en) => ({ en })),
  durationSeconds: 60,
};
