import type { Page } from '@playwright/test';
import {
  axeViolations,
  currentSlide,
  expect,
  findLayoutProblems,
  test,
  VIEWPORTS,
} from './fixtures';
import { slideIds } from './deck';

const LANGUAGES = [
  { code: 'en', switchTo: null },
  { code: 'es', switchTo: 'Español' },
] as const;

async function open(page: Page, switchTo: string | null, largeText: boolean) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  if (switchTo) await page.getByRole('button', { name: switchTo }).click();
  if (largeText) await page.locator('.controls__text-size').click();
}

async function showSlide(page: Page, index: number) {
  await page.locator('.controls__dot').nth(index).click();
  await expect(currentSlide(page)).toHaveAttribute('data-slide-id', slideIds[index]!);
}

for (const viewport of VIEWPORTS) {
  test.describe(viewport.name, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    for (const language of LANGUAGES) {
      for (const largeText of [false, true]) {
        test(`every slide fits in ${language.code}${largeText ? ' with larger text' : ''}`, async ({
          appPage,
        }) => {
          await open(appPage, language.switchTo, largeText);
          for (const index of slideIds.keys()) {
            await showSlide(appPage, index);
            expect(await findLayoutProblems(appPage), `slide ${slideIds[index]}`).toEqual([]);
          }
        });
      }

      test(`axe finds no violations on any slide in ${language.code}`, async ({ appPage }) => {
        test.setTimeout(180_000);
        await open(appPage, language.switchTo, false);
        for (const index of slideIds.keys()) {
          await showSlide(appPage, index);
          expect(await axeViolations(appPage), `slide ${slideIds[index]}`).toEqual([]);
        }
      });
    }
  });
}
