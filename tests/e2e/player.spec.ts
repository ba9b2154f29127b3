import { currentSlide, currentSlideId, expect, installPausedClock, test } from './fixtures';
import { deck, secondsOf, slideIds } from './deck';
import { installBridge } from './bridge';

test.describe('the waiting-room loop', () => {
  test.beforeEach(async ({ appPage }) => {
    await installPausedClock(appPage);
    await appPage.goto('/');
    await expect(currentSlide(appPage)).toBeVisible();
  });

  test('plays every slide for its own duration and loops back to the first', async ({
    appPage,
  }) => {
    for (const slide of deck.slides) {
      expect(await currentSlideId(appPage)).toBe(slide.id);
      await expect(currentSlide(appPage).getByRole('heading', { level: 2 })).toHaveText(
        slide.title.en,
      );
      await appPage.clock.runFor(secondsOf(slide) * 1000 - 500);
      expect(await currentSlideId(appPage)).toBe(slide.id);
      await appPage.clock.runFor(500);
    }
    expect(await currentSlideId(appPage)).toBe(slideIds[0]);
  });

  test('follows the WAI-ARIA carousel pattern', async ({ appPage }) => {
    const carousel = appPage.locator('[aria-roledescription="carousel"]');
    await expect(carousel).toHaveAttribute('aria-label', 'How ketamine works');
    const slides = appPage.locator('[aria-roledescription="slide"]');
    await expect(slides).toHaveCount(slideIds.length);
    await expect(slides.first()).toHaveAttribute('role', 'group');
    await expect(slides.first()).toHaveAccessibleName(deck.slides[0]!.title.en);
    await expect(slides.first()).toContainText(`1 of ${slideIds.length}`);
    // Only the current slide can be reached; the others are inert.
    await expect(slides.nth(1)).toHaveAttribute('inert', '');
    await expect(slides.first()).not.toHaveAttribute('inert', '');
    const live = appPage.locator('#slides');
    await expect(live).toHaveAttribute('aria-live', 'off');
    await appPage.getByRole('button', { name: 'Pause the automatic slide show' }).click();
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await expect(
      appPage.getByRole('button', { name: 'Play the automatic slide show' }),
    ).toBeVisible();
  });

  test('next, previous and the dots move by hand and pause the loop', async ({ appPage }) => {
    await appPage.getByRole('button', { name: 'Next slide' }).click();
    expect(await currentSlideId(appPage)).toBe(slideIds[1]);
    await appPage.getByRole('button', { name: 'Previous slide' }).click();
    await appPage.getByRole('button', { name: 'Previous slide' }).click();
    expect(await currentSlideId(appPage)).toBe(slideIds.at(-1));
    await appPage.getByRole('button', { name: `Slide 5: ${deck.slides[4]?.title.en}` }).click();
    expect(await currentSlideId(appPage)).toBe(slideIds[4]);
    await expect(appPage.getByRole('button', { name: /^Slide 5:/ })).toHaveAttribute(
      'aria-current',
      'true',
    );
    // Paused: time passes and the slide stays.
    await appPage.clock.runFor(30_000);
    expect(await currentSlideId(appPage)).toBe(slideIds[4]);
  });

  test('keys and clickers: arrows, PageUp/PageDown, Home/End, Space', async ({ appPage }) => {
    await appPage.keyboard.press('ArrowRight');
    expect(await currentSlideId(appPage)).toBe(slideIds[1]);
    await appPage.keyboard.press('PageDown');
    expect(await currentSlideId(appPage)).toBe(slideIds[2]);
    await appPage.keyboard.press('PageUp');
    await appPage.keyboard.press('ArrowLeft');
    expect(await currentSlideId(appPage)).toBe(slideIds[0]);
    await appPage.keyboard.press('End');
    expect(await currentSlideId(appPage)).toBe(slideIds.at(-1));
    await appPage.keyboard.press('Home');
    expect(await currentSlideId(appPage)).toBe(slideIds[0]);
    await expect(
      appPage.getByRole('button', { name: 'Play the automatic slide show' }),
    ).toBeVisible();
    await appPage.keyboard.press('Space');
    await expect(
      appPage.getByRole('button', { name: 'Pause the automatic slide show' }),
    ).toBeVisible();
    await appPage.clock.runFor(secondsOf(deck.slides[0]!) * 1000);
    expect(await currentSlideId(appPage)).toBe(slideIds[1]);
  });

  test('a touch pauses; after a minute untouched the loop resumes by itself', async ({
    appPage,
  }) => {
    await appPage.locator('.carousel__slides').click();
    await expect(
      appPage.getByRole('button', { name: 'Play the automatic slide show' }),
    ).toBeVisible();
    await appPage.clock.runFor(59_000);
    expect(await currentSlideId(appPage)).toBe(slideIds[0]);
    await appPage.clock.runFor(1_000);
    await expect(
      appPage.getByRole('button', { name: 'Pause the automatic slide show' }),
    ).toBeVisible();
    await appPage.clock.runFor(secondsOf(deck.slides[0]!) * 1000);
    expect(await currentSlideId(appPage)).toBe(slideIds[1]);
  });

  test('shows a progress bar only while the loop runs, sized to the slide', async ({ appPage }) => {
    const bar = appPage.locator('.progress__bar');
    await expect(bar).toHaveCSS('animation-duration', `${secondsOf(deck.slides[0]!)}s`);
    await appPage.keyboard.press('ArrowRight');
    await expect(bar).toHaveCount(0);
  });

  test('reveals build steps in the loop and shows them whole when moved to by hand', async ({
    appPage,
  }) => {
    const index = deck.slides.findIndex((slide) => slide.buildSteps.length > 0);
    const slide = deck.slides[index]!;
    for (const earlier of deck.slides.slice(0, index)) {
      await appPage.clock.runFor(secondsOf(earlier) * 1000);
    }
    expect(await currentSlideId(appPage)).toBe(slide.id);
    await expect(currentSlide(appPage).locator('.step--pending').first()).toBeAttached();
    await appPage.clock.runFor(secondsOf(slide) * 500);
    await expect(currentSlide(appPage).locator('.step--pending')).toHaveCount(0);
    await appPage.keyboard.press('ArrowRight');
    await appPage.keyboard.press('ArrowLeft');
    await expect(currentSlide(appPage).locator('.step--pending')).toHaveCount(0);
  });
});

test('reduced motion gets a cut instead of a fade', async ({ appPage }) => {
  await appPage.emulateMedia({ reducedMotion: 'reduce' });
  await appPage.goto('/');
  // (The first slide is there from the start; the second one arrives.)
  await appPage.keyboard.press('ArrowRight');
  await expect(currentSlide(appPage)).toHaveAttribute('data-slide-id', slideIds[1]!);
  await expect(currentSlide(appPage)).toHaveCSS('animation-name', 'none');
  await appPage.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(currentSlide(appPage)).toHaveCSS('animation-name', 'slide-enter-fade');
});

test('the browser preview runs without the Electron bridge and sets the page language', async ({
  appPage,
}) => {
  await appPage.goto('/');
  expect(await appPage.evaluate(() => 'kiosk' in window)).toBe(false);
  await expect(appPage.locator('html')).toHaveAttribute('lang', 'en');
  await expect(currentSlide(appPage)).toBeVisible();
});

test('the about slide shows the clinic of the source page', async ({ appPage }) => {
  await appPage.goto('/');
  await appPage.getByRole('button', { name: /: About the clinic$/ }).click();
  await expect(currentSlide(appPage)).toContainText('Ken Starr MD Wellness Group');
  await expect(currentSlide(appPage)).toContainText('Arroyo Grande');
});

test('the staff setting "cut" turns every animation off, like reduced motion', async ({
  appPage,
}) => {
  await installBridge(appPage, { transition: 'cut' });
  await appPage.goto('/');
  await appPage.keyboard.press('ArrowRight');
  await expect(currentSlide(appPage)).toHaveCSS('animation-name', 'none');
  await appPage.locator('.controls__dot').nth(slideIds.indexOf('neuron-after')).click();
  const spine = currentSlide(appPage).locator('.spine').first();
  await expect(spine).toHaveCSS('transition-duration', '0s');
});

test('the first slide is in the page itself: it shows before any script runs', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('/');
  const title = page.locator('.carousel__slide.is-current[data-slide-id] h2');
  await expect(title).toHaveText('How ketamine works');
  const box = await title.boundingBox();
  expect(box && box.width > 100 && box.height > 20).toBe(true);
  await context.close();
});

test('the live player takes over the prerendered slide in place, without a fade', async ({
  appPage,
}) => {
  await appPage.goto('/');
  await expect(appPage.locator('[data-prerendered]')).toHaveCount(0);
  const current = appPage.locator('.carousel__slide.is-current');
  await expect(current).toHaveAttribute('data-arrival', 'start');
  expect(await current.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
});

test('a slide stays up as long as its words take to read, longer in Spanish', async ({
  appPage,
}) => {
  await installPausedClock(appPage);
  await appPage.goto('/');
  const index = slideIds.indexOf('neuron-after');
  const slide = deck.slides[index]!;
  const [english, spanish] = [secondsOf(slide, 'en'), secondsOf(slide, 'es')];
  expect(spanish).toBeGreaterThan(english);
  await appPage.getByRole('button', { name: 'Español' }).click();
  await appPage.locator('.controls__dot').nth(index).click();
  await appPage.getByRole('button', { name: 'Seguir' }).click();
  await expect(appPage.locator('.progress__bar')).toHaveCSS('animation-duration', `${spanish}s`);
  await appPage.clock.runFor(spanish * 1000 - 500);
  expect(await currentSlideId(appPage)).toBe(slide.id);
  await appPage.clock.runFor(500);
  expect(await currentSlideId(appPage)).toBe(slideIds[index + 1]);
  // The same slide in English: its English time.
  await appPage.getByRole('button', { name: 'English' }).click();
  await appPage.locator('.controls__dot').nth(index).click();
  await appPage.getByRole('button', { name: 'Play' }).click();
  await expect(appPage.locator('.progress__bar')).toHaveCSS('animation-duration', `${english}s`);
});

test('a clinic slide leaves the loop by itself on its expiry date', async ({ appPage }) => {
  await appPage.clock.install({ time: new Date('2026-04-30T23:59:00') });
  await installBridge(appPage, {
    customSlides: [
      {
        id: 'custom-spring-hours',
        kind: 'text',
        title: { en: 'Spring hours' },
        lines: [{ en: 'Open until 7 pm in April.' }],
        durationSeconds: null,
        expiresOn: '2026-05-01',
      },
    ],
    playlists: [
      {
        id: 'waiting-room',
        name: 'Waiting room',
        entries: [
          { slideId: 'welcome', enabled: true, durationSeconds: null },
          { slideId: 'custom-spring-hours', enabled: true, durationSeconds: null },
        ],
      },
    ],
  });
  await appPage.goto('/');
  const dots = appPage.locator('.controls__dot');
  await expect(dots).toHaveCount(2);
  await expect(appPage.getByRole('button', { name: 'Slide 2: Spring hours' })).toBeVisible();
  // Midnight passes; the kiosk looks at its clock again within 15 s.
  await appPage.clock.runFor(80_000);
  await expect(dots).toHaveCount(1);
  await expect(appPage.getByRole('button', { name: /Spring hours/ })).toHaveCount(0);
});
