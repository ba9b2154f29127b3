import { currentSlide, currentSlideId, expect, installPausedClock, test } from './fixtures';
import { deck, slideIds } from './deck';
import { installMainProcess } from './mainProcess';

test('the language button switches to Spanish and back, keeping the slide', async ({ appPage }) => {
  await appPage.goto('/');
  await appPage.getByRole('button', { name: /^Slide 4:/ }).click();
  const toSpanish = appPage.getByRole('button', { name: 'Español' });
  await expect(toSpanish).toHaveAttribute('lang', 'es');
  // Within reach from a wheelchair: in the lower part of the screen.
  const box = await toSpanish.boundingBox();
  expect(box!.y).toBeGreaterThan((appPage.viewportSize()!.height * 2) / 3);
  await toSpanish.click();
  await expect(appPage.locator('html')).toHaveAttribute('lang', 'es');
  expect(await currentSlideId(appPage)).toBe(slideIds[3]);
  await expect(currentSlide(appPage).getByRole('heading', { level: 2 })).toHaveText(
    deck.slides[3]!.title.es!,
  );
  await expect(appPage.getByRole('button', { name: 'Diapositiva siguiente' })).toBeVisible();
  await expect(currentSlide(appPage)).toContainText(`4 de ${slideIds.length}`);
  const toEnglish = appPage.getByRole('button', { name: 'English' });
  await expect(toEnglish).toHaveAttribute('lang', 'en');
  await toEnglish.click();
  await expect(appPage.locator('html')).toHaveAttribute('lang', 'en');
  await expect(currentSlide(appPage).getByRole('heading', { level: 2 })).toHaveText(
    deck.slides[3]!.title.en,
  );
});

test('every slide has its Spanish text on screen in Spanish', async ({ appPage }) => {
  await appPage.emulateMedia({ reducedMotion: 'reduce' });
  await appPage.goto('/');
  await appPage.getByRole('button', { name: 'Español' }).click();
  for (const [index, slide] of deck.slides.entries()) {
    await appPage.getByRole('button', { name: new RegExp(`^Diapositiva ${index + 1}:`) }).click();
    await expect(currentSlide(appPage).getByRole('heading', { level: 2 })).toHaveText(
      slide.title.es!,
    );
    for (const point of slide.points) {
      await expect(currentSlide(appPage)).toContainText(point.text.es!);
    }
  }
});

test('after the idle timeout the kiosk returns to the default language and text size', async ({
  appPage,
}) => {
  await installPausedClock(appPage);
  await appPage.goto('/');
  await appPage.getByRole('button', { name: 'Español' }).click();
  await appPage.getByRole('button', { name: /Texto más grande/ }).click();
  await expect(appPage.locator('html')).toHaveAttribute('lang', 'es');
  await expect(appPage.locator('.player')).toHaveAttribute('data-text-size', 'large');
  await appPage.clock.runFor(59_000);
  await expect(appPage.locator('html')).toHaveAttribute('lang', 'es');
  await appPage.clock.runFor(1_000);
  await expect(appPage.locator('html')).toHaveAttribute('lang', 'en');
  await expect(appPage.locator('.player')).toHaveAttribute('data-text-size', 'normal');
  await expect(
    appPage.getByRole('button', { name: 'Pause the automatic slide show' }),
  ).toBeVisible();
});

test('larger text makes the slide text bigger, and is announced as pressed', async ({
  appPage,
}) => {
  await appPage.goto('/');
  const point = currentSlide(appPage).locator('li').first();
  const before = await point.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  const toggle = appPage.getByRole('button', { name: /Larger text/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const after = await point.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(after).toBeGreaterThan(before * 1.25);
});

test('a kiosk set to Spanish never shows the built-in English slide while it starts', async ({
  appPage: page,
  baseURL,
}) => {
  // What is in #root when the HTML is parsed (before any script), and every slide title that
  // is put on the page from then on.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __titlesSeen: seen });
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      Object.assign(window, { __rootAtParse: document.getElementById('root')?.innerHTML });
      for (const title of document.querySelectorAll('h2')) seen.push(title.textContent ?? '');
    });
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          for (const title of node.matches('h2') ? [node] : node.querySelectorAll('h2')) {
            seen.push(title.textContent ?? '');
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const main = await installMainProcess(page, baseURL!);
  const seenAtStart = async () => {
    await page.goto('/');
    await expect(currentSlide(page).getByRole('heading', { level: 2 })).toBeVisible();
    return page.evaluate(() => {
      const w = window as unknown as { __rootAtParse?: string; __titlesSeen: string[] };
      return { rootAtParse: w.__rootAtParse ?? null, titles: w.__titlesSeen };
    });
  };

  // As built: the English welcome is in the page itself, painted before any script.
  const english = await seenAtStart();
  expect(english.rootAtParse).toContain(deck.slides[0]!.title.en);

  main.store.save({ ...main.store.settings, defaultLanguage: 'es' });
  const spanish = await seenAtStart();
  expect(spanish.rootAtParse).toBe('');
  await expect(currentSlide(page).getByRole('heading', { level: 2 })).toHaveText(
    deck.slides[0]!.title.es!,
  );
  expect(spanish.titles).not.toContain(deck.slides[0]!.title.en);
  expect(spanish.titles).toContain(deck.slides[0]!.title.es);
});
