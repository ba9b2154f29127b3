import { currentSlide, expect, test, VIEWPORTS } from './fixtures';

// Run with `npm run screenshots`: refreshes the README pictures from the real renderer.
for (const viewport of VIEWPORTS) {
  test(`README screenshot, ${viewport.name} @screenshot`, async ({ appPage }) => {
    await appPage.setViewportSize({ width: viewport.width, height: viewport.height });
    await appPage.emulateMedia({ reducedMotion: 'reduce' });
    await appPage.goto('/');
    await appPage.getByRole('button', { name: /^Slide 7:/ }).click();
    await expect(currentSlide(appPage)).toBeVisible();
    await appPage.screenshot({
      path: `docs/screenshots/player-${viewport.width}x${viewport.height}.png`,
    });
  });
}
