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

for (const viewport of [VIEWPORTS[0], VIEWPORTS[2]]) {
  test(`README screenshot, presenter view ${viewport.name} @screenshot`, async ({ appPage }) => {
    await appPage.setViewportSize({ width: viewport.width, height: viewport.height });
    await appPage.emulateMedia({ reducedMotion: 'reduce' });
    await appPage.goto('/?mode=present&view=presenter');
    // The view's own button, not keys: its key listener is attached in an effect, and a key
    // pressed before that would be lost, leaving the picture on whichever slide a race chose.
    const next = appPage.getByRole('button', { name: 'Next slide' });
    for (let press = 0; press < 7; press += 1) await next.click();
    await expect(appPage.locator('.presenter__position')).toHaveText('Slide 6 of 14');
    await appPage.screenshot({
      path: `docs/screenshots/presenter-${viewport.width}x${viewport.height}.png`,
    });
  });
}
