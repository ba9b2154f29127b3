import { PNG } from 'pngjs';
import { currentSlide, expect, test } from './fixtures';
import { slideIds } from './deck';

test.use({ viewport: { width: 1280, height: 800 } });

/** Share of pixels in the slide area that are not the plain background colour. */
function inkShare(png: PNG): number {
  let ink = 0;
  const background = [0x0f, 0x25, 0x30];
  for (let offset = 0; offset < png.data.length; offset += 4) {
    const distance =
      Math.abs(png.data[offset]! - background[0]!) +
      Math.abs(png.data[offset + 1]! - background[1]!) +
      Math.abs(png.data[offset + 2]! - background[2]!);
    if (distance > 60) ink += 1;
  }
  return ink / (png.width * png.height);
}

test('frames sampled during twenty transitions never show a blank slide area', async ({
  appPage,
}) => {
  test.setTimeout(120_000);
  await appPage.goto('/');
  await expect(currentSlide(appPage)).toBeVisible();
  const area = await appPage.locator('.carousel__slides').boundingBox();
  if (!area) throw new Error('no slide area');
  const lowest: number[] = [];
  for (let transition = 1; transition <= 20; transition += 1) {
    await appPage.keyboard.press('ArrowRight');
    const samples: number[] = [];
    for (let frame = 0; frame < 4; frame += 1) {
      samples.push(inkShare(PNG.sync.read(await appPage.screenshot({ clip: area }))));
    }
    lowest.push(Math.min(...samples));
    await expect(currentSlide(appPage)).toHaveAttribute(
      'data-slide-id',
      slideIds[transition % slideIds.length]!,
    );
  }
  // Every slide shows at least its title: a blank stage would be ~0 % ink.
  expect(Math.min(...lowest)).toBeGreaterThan(0.004);
});

test('transitions animate only opacity and transform, and end within half a second', async ({
  appPage,
}) => {
  await appPage.goto('/');
  await appPage.keyboard.press('ArrowRight');
  const animations = await appPage.evaluate(() =>
    document.getAnimations().map((animation) => {
      const effect = animation.effect as KeyframeEffect;
      const properties = new Set(
        effect
          .getKeyframes()
          .flatMap((frame) =>
            Object.keys(frame).filter(
              (key) => !['offset', 'easing', 'composite', 'computedOffset'].includes(key),
            ),
          ),
      );
      return {
        properties: [...properties],
        duration: Number(effect.getComputedTiming().duration),
        target: (effect.target as Element | null)?.className ?? '',
      };
    }),
  );
  const slideAnimations = animations.filter((animation) =>
    animation.target.includes('carousel__slide'),
  );
  expect(slideAnimations.length).toBeGreaterThan(0);
  for (const animation of slideAnimations) {
    // `visibility` only flips the old slide off, once, after the new one is fully drawn.
    const painted = animation.properties.filter((property) => property !== 'visibility');
    expect(
      painted.every((property) => ['opacity', 'transform'].includes(property)),
      painted.join(),
    ).toBe(true);
    expect(animation.duration).toBeLessThan(500);
  }
});

test('the images of the next slide are decoded before it shows', async ({ appPage }) => {
  await appPage.addInitScript(() => {
    const decoded: string[] = [];
    (window as unknown as { decodedImages: string[] }).decodedImages = decoded;
    const original = HTMLImageElement.prototype.decode;
    HTMLImageElement.prototype.decode = function decode(this: HTMLImageElement) {
      decoded.push(this.closest('[data-slide-id]')?.getAttribute('data-slide-id') ?? '');
      return original.call(this);
    };
  });
  await appPage.goto('/');
  await expect(currentSlide(appPage)).toBeVisible();
  // Put a picture on slide 3, as a clinic's own image slide would have.
  await appPage.evaluate((id) => {
    const image = document.createElement('img');
    image.src = './favicon.svg';
    image.alt = '';
    document.querySelector(`[data-slide-id="${id}"] .slide-view`)?.append(image);
  }, slideIds[2]!);
  await appPage.keyboard.press('ArrowRight');
  await expect
    .poll(() =>
      appPage.evaluate(() => (window as unknown as { decodedImages: string[] }).decodedImages),
    )
    .toContain(slideIds[2]);
});
