import type { Page } from '@playwright/test';
import { currentSlide, expect, test } from './fixtures';
import { deck, slideIds } from './deck';

test.use({ viewport: { width: 1280, height: 800 } });

/** The patient's screen and the clinician's presenter view, as two windows of one browser. */
async function openBoth(page: Page) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?mode=present');
  await expect(currentSlide(page)).toBeVisible();
  const presenter = await page.context().newPage();
  await presenter.emulateMedia({ reducedMotion: 'reduce' });
  await presenter.goto('/?mode=present&view=presenter');
  await expect(presenter.locator('.presenter')).toBeVisible();
  return { audience: page, presenter };
}

const position = (page: Page) => page.locator('.presenter__position');
const audienceSlide = (page: Page) => currentSlide(page).getAttribute('data-slide-id');

test('presenting never moves on by itself', async ({ appPage }) => {
  await appPage.clock.install();
  await appPage.goto('/?mode=present');
  await appPage.clock.runFor(10 * 60_000);
  await expect(currentSlide(appPage)).toHaveAttribute('data-slide-id', slideIds[0]!);
  await expect(appPage.getByRole('button', { name: /automatic slide show/ })).toHaveCount(0);
  await expect(appPage.locator('.progress__bar')).toHaveCount(0);
});

test('clicker keys on either screen move both, step builds included', async ({ appPage }) => {
  const { audience, presenter } = await openBoth(appPage);
  await presenter.keyboard.press('PageDown');
  await expect(currentSlide(audience)).toHaveAttribute('data-slide-id', slideIds[1]!);
  await presenter.keyboard.press('PageDown');
  // The comparison slide builds one side at a time: first none, then each column.
  const comparison = deck.slides[2]!;
  await expect(currentSlide(audience)).toHaveAttribute('data-slide-id', comparison.id);
  await expect(position(presenter)).toHaveText(
    `Slide 3 of 14 · step 0 of ${comparison.buildSteps.length}`,
  );
  await expect(currentSlide(audience).locator('.step--pending')).toHaveCount(2);
  await audience.keyboard.press('ArrowRight');
  await expect(position(presenter)).toHaveText(`Slide 3 of 14 · step 1 of 2`);
  await expect(currentSlide(audience).locator('.step--pending')).toHaveCount(1);
  await presenter.keyboard.press('ArrowRight');
  await expect(currentSlide(audience).locator('.step--pending')).toHaveCount(0);
  await audience.keyboard.press('PageUp');
  await expect(position(presenter)).toHaveText('Slide 2 of 14');
  expect(await audienceSlide(audience)).toBe(slideIds[1]);
});

test('taps and the presenter buttons keep both in step', async ({ appPage }) => {
  const { audience, presenter } = await openBoth(appPage);
  await audience.locator('.carousel__slides').click({ position: { x: 1200, y: 300 } });
  await expect(position(presenter)).toHaveText('Slide 2 of 14');
  await presenter.getByRole('button', { name: 'Next slide' }).click();
  await expect(currentSlide(audience)).toHaveAttribute('data-slide-id', slideIds[2]!);
  await presenter.getByRole('button', { name: 'Previous slide' }).click();
  await expect(currentSlide(audience)).toHaveAttribute('data-slide-id', slideIds[1]!);
});

test('the overview jumps to a slide on both screens; Escape closes it', async ({ appPage }) => {
  const { audience, presenter } = await openBoth(appPage);
  await presenter.keyboard.press('o');
  const dialog = presenter.getByRole('dialog', { name: 'All slides' });
  await expect(dialog.getByRole('listitem')).toHaveCount(slideIds.length);
  await presenter.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await audience.getByRole('button', { name: 'All slides' }).click();
  const grid = audience.getByRole('dialog', { name: 'All slides' });
  await grid.getByRole('button', { name: new RegExp(`^7\\. ${deck.slides[6]!.title.en}`) }).focus();
  await audience.keyboard.press('Enter');
  await expect(grid).toHaveCount(0);
  await expect(currentSlide(audience)).toHaveAttribute('data-slide-id', slideIds[6]!);
  await expect(position(presenter)).toContainText('Slide 7 of 14');
  await expect(presenter.locator('.presenter__notes')).toContainText(deck.slides[6]!.notes!.en);
});

test('B or "." blanks the patient screen from either side', async ({ appPage }) => {
  const { audience, presenter } = await openBoth(appPage);
  await presenter.keyboard.press('b');
  await expect(audience.getByTestId('blank-screen')).toBeVisible();
  await expect(presenter.getByText("The patient's screen is blank")).toBeVisible();
  await audience.keyboard.press('.');
  await expect(audience.getByTestId('blank-screen')).toHaveCount(0);
  await expect(presenter.getByText("The patient's screen is blank")).toHaveCount(0);
});

test('with one screen, P toggles the presenter view in place', async ({ appPage }) => {
  await appPage.goto('/?mode=present');
  await expect(currentSlide(appPage)).toBeVisible();
  await appPage.keyboard.press('ArrowRight');
  await appPage.keyboard.press('p');
  await expect(appPage.locator('.presenter')).toBeVisible();
  await expect(position(appPage)).toHaveText('Slide 2 of 14');
  await appPage.keyboard.press('p');
  await expect(currentSlide(appPage)).toHaveAttribute('data-slide-id', slideIds[1]!);
});

test('the presenter view passes axe', async ({ appPage }) => {
  const { presenter } = await openBoth(appPage);
  const { axeViolations } = await import('./fixtures');
  expect(await axeViolations(presenter)).toEqual([]);
  await presenter.keyboard.press('o');
  expect(await axeViolations(presenter)).toEqual([]);
});
