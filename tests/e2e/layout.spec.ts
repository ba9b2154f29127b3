import AxeBuilder from '@axe-core/playwright';
import { currentSlide, expect, test, VIEWPORTS } from './fixtures';
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
        const overflow = await appPage.evaluate(() => {
          const problems: string[] = [];
          const slide = document.querySelector('.carousel__slide.is-current .slide-view');
          if (!slide) return ['no slide'];
          if (
            slide.scrollHeight > slide.clientHeight + 1 ||
            slide.scrollWidth > slide.clientWidth + 1
          ) {
            problems.push(
              `slide scrolls: ${slide.scrollWidth}x${slide.scrollHeight} in ${slide.clientWidth}x${slide.clientHeight}`,
            );
          }
          const box = slide.getBoundingClientRect();
          for (const element of slide.querySelectorAll('h2, p, li, h3, figcaption, svg')) {
            const rect = element.getBoundingClientRect();
            if (
              rect.top < box.top - 1 ||
              rect.bottom > box.bottom + 1 ||
              rect.left < box.left - 1 ||
              rect.right > box.right + 1
            ) {
              problems.push(`${element.tagName} "${element.textContent?.slice(0, 30)}" sticks out`);
            }
          }
          const controls = document.querySelector('.controls');
          if (controls && controls.scrollWidth > controls.clientWidth + 1)
            problems.push('controls overflow');
          for (const button of document.querySelectorAll('.controls button')) {
            const rect = button.getBoundingClientRect();
            if (rect.width < 48 || rect.height < 48)
              problems.push(`small touch target ${rect.width}x${rect.height}`);
            if (rect.right > window.innerWidth || rect.left < 0) problems.push('button off screen');
          }
          return problems;
        });
        expect(overflow, `slide ${id}`).toEqual([]);
      }
    });

    test('axe finds no accessibility violations on any slide', async ({ appPage }) => {
      test.setTimeout(180_000);
      await appPage.emulateMedia({ reducedMotion: 'reduce' });
      await appPage.goto('/');
      for (const index of slideIds.keys()) {
        await appPage.getByRole('button', { name: new RegExp(`^Slide ${index + 1}:`) }).click();
        const results = await new AxeBuilder({ page: appPage })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        expect(
          results.violations.map((violation) => `${violation.id}: ${violation.help}`),
          `slide ${slideIds[index]}`,
        ).toEqual([]);
      }
    });
  });
}
