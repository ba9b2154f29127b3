import {
  axeViolations,
  currentSlide,
  expect,
  findLayoutProblems,
  test,
  VIEWPORTS,
} from './fixtures';
import { slideIds } from './deck';

for (const viewport of VIEWPORTS) {
  test.describe(viewport.name, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('every slide fits: no clipped or overflowing text, controls on screen', async ({
      appPage,
    }) => {
      await appPage.emulateMedia({ reducedMotion: 'reduce' });
      await appPage.goto('/');
      for (const [index, id] of slideIds.entries()) {
        await appPage.getByRole('button', { name: new RegExp(`^Slide ${index + 1}:`) }).click();
        await expect(currentSlide(appPage)).toHaveAttribute('data-slide-id', id);
        const overflow = await findLayoutProblems(appPage);
        expect(overflow, `slide ${id}`).toEqual([]);
      }
    });

    test('axe finds no accessibility violations on any slide', async ({ appPage }) => {
      test.setTimeout(180_000);
      await appPage.emulateMedia({ reducedMotion: 'reduce' });
      await appPage.goto('/');
      for (const index of slideIds.keys()) {
        await appPage.getByRole('button', { name: new RegExp(`^Slide ${index + 1}:`) }).click();
        expect(await axeViolations(appPage), `slide ${slideIds[index]}`).toEqual([]);
      }
    });
  });
}
