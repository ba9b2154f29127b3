import { DEFAULT_PLAYLIST } from '../../contract';
import { installBridge } from './bridge';
import { currentSlide, expect, findLayoutProblems, test, VIEWPORTS } from './fixtures';
import { LONG_SLIDE, TOUCH_SIZES } from './staffTouch';

for (const size of TOUCH_SIZES) {
  test.describe(`by touch at ${size.name}`, () => {
    test.use({ hasTouch: true, viewport: { width: size.width, height: size.height } });

    test('a long clinic slide keeps its title and last point on screen with larger text, at every size', async ({
      appPage: page,
    }) => {
      await installBridge(page, {
        customSlides: [LONG_SLIDE],
        playlists: [
          {
            ...DEFAULT_PLAYLIST,
            entries: [
              { slideId: LONG_SLIDE.id, enabled: true, durationSeconds: null },
              ...DEFAULT_PLAYLIST.entries,
            ],
          },
        ],
      });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto('/');
      await expect(currentSlide(page)).toHaveAttribute('data-slide-id', LONG_SLIDE.id);
      await page.locator('.controls__text-size').tap();
      await expect(page.locator('.player')).toHaveAttribute('data-text-size', 'large');
      for (const viewport of [size, ...VIEWPORTS]) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        await expect
          .poll(() => findLayoutProblems(page), `${viewport.width}x${viewport.height}, A+`)
          .toEqual([]);
        await expect(currentSlide(page).getByRole('listitem').last()).toBeInViewport({ ratio: 1 });
      }
    });
  });
}
