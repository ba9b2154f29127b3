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
import { installBridge } from './bridge';
import { DEFAULT_SETTINGS } from '../../contract';

const LANGUAGES = [
  { code: 'en', switchTo: null },
  { code: 'es', switchTo: 'Español' },
] as const;

async function open(page: Page, switchTo: string | null) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  if (switchTo) await page.getByRole('button', { name: switchTo }).click();
}

async function showSlide(page: Page, index: number) {
  await page.locator('.controls__dot').nth(index).click();
  await expect(currentSlide(page)).toHaveAttribute('data-slide-id', slideIds[index]!);
}

for (const viewport of VIEWPORTS) {
  test.describe(viewport.name, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    for (const language of LANGUAGES) {
      // One page load for the three sweeps: every slide fits and passes axe, then, with larger
      // text, every slide still fits.
      test(`every slide fits and passes axe in ${language.code}, and fits with larger text`, async ({
        appPage,
      }) => {
        test.setTimeout(120_000);
        await open(appPage, language.switchTo);
        for (const index of slideIds.keys()) {
          await showSlide(appPage, index);
          expect(await findLayoutProblems(appPage), `slide ${slideIds[index]}`).toEqual([]);
          expect(await axeViolations(appPage), `slide ${slideIds[index]}`).toEqual([]);
        }
        await appPage.locator('.controls__text-size').click();
        await expect(appPage.locator('.player')).toHaveAttribute('data-text-size', 'large');
        for (const index of slideIds.keys()) {
          await showSlide(appPage, index);
          expect(
            await findLayoutProblems(appPage),
            `slide ${slideIds[index]}, larger text`,
          ).toEqual([]);
        }
      });
    }
  });
}

test.describe('a playlist with many clinic slides', () => {
  const many = Array.from({ length: 20 }, (_, index) => ({
    id: `custom-note-${index + 1}`,
    kind: 'text' as const,
    title: { en: `Note ${index + 1}` },
    lines: [{ en: 'Ask at the desk.' }],
    durationSeconds: null,
  }));

  for (const viewport of VIEWPORTS) {
    test(`keeps every control on screen at ${viewport.name}: the position instead of 34 dots`, async ({
      appPage,
    }) => {
      await installBridge(appPage, {
        customSlides: many,
        playlists: [
          {
            ...DEFAULT_SETTINGS.playlists[0]!,
            entries: [
              ...DEFAULT_SETTINGS.playlists[0]!.entries,
              ...many.map((slide) => ({ slideId: slide.id, enabled: true, durationSeconds: null })),
            ],
          },
        ],
      });
      await appPage.setViewportSize({ width: viewport.width, height: viewport.height });
      await appPage.emulateMedia({ reducedMotion: 'reduce' });
      await appPage.goto('/');
      const count = slideIds.length + many.length;
      await expect(appPage.locator('.controls__dot')).toHaveCount(0);
      const position = appPage.locator('.controls__position');
      await expect(position).toHaveText(`1 of ${count}`);
      await appPage.getByRole('button', { name: 'Next slide' }).click();
      await expect(position).toHaveText(`2 of ${count}`);
      expect(await findLayoutProblems(appPage)).toEqual([]);
    });
  }

  test('the built-in deck alone still gets a dot for every slide, at every size', async ({
    appPage,
  }) => {
    await appPage.emulateMedia({ reducedMotion: 'reduce' });
    await appPage.goto('/');
    for (const viewport of VIEWPORTS) {
      await appPage.setViewportSize({ width: viewport.width, height: viewport.height });
      await expect(appPage.locator('.controls__dot'), viewport.name).toHaveCount(slideIds.length);
      expect(await findLayoutProblems(appPage), viewport.name).toEqual([]);
    }
  });
});
