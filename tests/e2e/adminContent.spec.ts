import {
  DEFAULT_CRISIS_LINES,
  DEFAULT_SETTINGS,
  SAFETY_SLIDE_IDS,
  slideSeconds,
  type ContentReview,
} from '../../contract';
import { currentSlide, expect, test } from './fixtures';
import { deck, slideIds } from './deck';
import { installMainProcess } from './mainProcess';
import { openAdmin, PIN, section } from './adminSteps';

/** What the clinician signs off, in both languages, on `reviewedOn`. */
function reviews(reviewedOn: string): ContentReview[] {
  return (['en', 'es'] as const).map((language) => ({
    language,
    contentVersion: deck.contentVersion,
    reviewer: 'Dr. Ana Ruiz',
    reviewedOn,
    crisisLines: DEFAULT_CRISIS_LINES,
  }));
}

test.describe('safety slides', () => {
  test('switching one off or removing it asks first, naming the slide and what it is for', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: PIN });
    await page.goto('/');
    await openAdmin(page);
    await section(page, 'Playlists').click();
    const row = (title: string) => page.locator('.playlist__entry').filter({ hasText: title });

    // An ordinary slide switches off at once.
    await row('Please note').getByRole('checkbox', { name: 'Plays' }).uncheck();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);

    const crisis = row('If you are in crisis');
    await expect(crisis).toContainText('Safety slide');
    await crisis.getByRole('checkbox', { name: 'Plays' }).click();
    const ask = page.getByRole('alertdialog', { name: /Switch off “If you are in crisis”\?/ });
    await expect(ask).toContainText('where to get help in a crisis');
    await ask.getByRole('button', { name: 'No, keep it' }).click();
    await expect(crisis.getByRole('checkbox', { name: 'Plays' })).toBeChecked();
    await crisis.getByRole('checkbox', { name: 'Plays' }).click();
    await page.getByRole('button', { name: 'Yes, switch it off' }).click();
    await expect(crisis.getByRole('checkbox', { name: 'Plays' })).not.toBeChecked();

    await page
      .getByRole('button', { name: 'Remove “Safety and what to expect” from this playlist' })
      .click();
    const remove = page.getByRole('alertdialog', {
      name: /Remove “Safety and what to expect” from this playlist\?/,
    });
    await expect(remove).toContainText('ketamine can have side effects');
    await remove.getByRole('button', { name: 'Yes, remove it' }).click();
    await expect(row('Safety and what to expect')).toHaveCount(0);

    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    const entries = main.readSettingsFile().playlists[0]!.entries;
    expect(entries.find((entry) => entry.slideId === 'if-you-are-in-crisis')?.enabled).toBe(false);
    expect(entries.some((entry) => entry.slideId === 'safety-and-what-to-expect')).toBe(false);
  });

  test('the confirmation reads in Spanish too', async ({ appPage: page, baseURL }) => {
    await installMainProcess(page, baseURL!, { pin: PIN });
    await page.goto('/');
    await openAdmin(page);
    await page
      .getByRole('button', { name: 'Cambiar la pantalla de administración a español' })
      .click();
    await section(page, 'Listas').click();
    await page.getByRole('button', { name: 'Quitar “Si está en crisis” de esta lista' }).click();
    const ask = page.getByRole('alertdialog', {
      name: /¿Quitar “Si está en crisis” de esta lista\?/,
    });
    await expect(ask).toContainText('dónde pedir ayuda en una crisis');
    await ask.getByRole('button', { name: 'No, dejarla' }).click();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  });
});

test('the crisis line is a clinic setting; changing it asks for a clinical review again', async ({
  appPage: page,
  baseURL,
}) => {
  const main = await installMainProcess(page, baseURL!, { pin: PIN });
  await page.clock.install({ time: new Date('2026-03-02T10:00:00') });
  main.store.save({ ...main.store.settings, contentReviews: reviews('2026-03-01') });
  await page.goto('/');
  await openAdmin(page);
  // Signed off in both languages: nothing needs attention.
  await section(page, 'Kiosk status').click();
  await expect(page.getByText('Every slide is reviewed and current.')).toBeVisible();

  await section(page, 'Clinic details').click();
  const english = page.getByLabel(/Crisis line in English/);
  await expect(english).toHaveValue(DEFAULT_CRISIS_LINES.map((line) => line.en).join('\n'));
  await english.fill('If you are in danger now, call 000.\nOr tell the front desk now.');
  await page
    .getByLabel(/Crisis line in Spanish/)
    .fill('Si está en peligro ahora, llame al 000.\nO dígalo ahora en la recepción.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText(
    '“If you are in crisis” needs a clinical review again',
  );
  expect(main.readSettingsFile().clinic.crisisLines).toEqual([
    { en: 'If you are in danger now, call 000.', es: 'Si está en peligro ahora, llame al 000.' },
    { en: 'Or tell the front desk now.', es: 'O dígalo ahora en la recepción.' },
  ]);

  await section(page, 'Kiosk status').click();
  await expect(page.locator('.admin-notices')).toContainText(
    'English: the crisis line changed after the last clinical review.',
  );
  await section(page, 'Playlists').click();
  await expect(
    page.locator('.playlist__entry').filter({ hasText: 'If you are in crisis' }),
  ).toContainText('Needs clinical review');
  await section(page, 'Clinical review').click();
  await expect(page.locator('.admin-awaiting')).toContainText('call 000');

  // The slide shows the clinic's own line at once.
  await page.getByRole('button', { name: 'Back to slides' }).click();
  await page.getByRole('button', { name: /: If you are in crisis$/ }).click();
  await expect(currentSlide(page)).toContainText('If you are in danger now, call 000.');
  await expect(currentSlide(page)).not.toContainText('988');
});

test('the first screen and Kiosk status warn 30 days before a review is due and of expired slides', async ({
  appPage: page,
  baseURL,
}) => {
  const main = await installMainProcess(page, baseURL!, { pin: PIN });
  // Signed off on 2025-03-20: due again on 2026-03-20, 18 days after "today".
  await page.clock.install({ time: new Date('2026-03-02T10:00:00') });
  main.store.save({
    ...main.store.settings,
    contentReviews: reviews('2025-03-20'),
    customSlides: [
      {
        id: 'custom-flu-clinic',
        kind: 'text',
        title: { en: 'Flu shots in February' },
        lines: [{ en: 'Ask at the desk.' }],
        durationSeconds: null,
        expiresOn: '2026-03-01',
      },
    ],
    playlists: [
      {
        ...DEFAULT_SETTINGS.playlists[0]!,
        entries: [
          { slideId: 'custom-flu-clinic', enabled: true, durationSeconds: null },
          ...DEFAULT_SETTINGS.playlists[0]!.entries,
        ],
      },
      {
        // As a full playlist came out of the settings update that added the safety slides.
        id: 'consultation',
        name: 'Consultation',
        entries: DEFAULT_SETTINGS.playlists[0]!.entries.filter(
          (entry) => !SAFETY_SLIDE_IDS.includes(entry.slideId),
        ),
      },
    ],
  });
  await page.goto('/');
  // The expired clinic slide is not in the loop.
  await expect(page.getByRole('button', { name: /^Slide \d+:/ })).toHaveCount(slideIds.length);
  await expect(page.getByRole('button', { name: /Flu shots/ })).toHaveCount(0);
  await openAdmin(page);
  const notices = page.locator('.admin-notices');
  await expect(notices).toContainText(
    'English: the clinical review of the built-in slides is due on 2026-03-20, in 18 days.',
  );
  await expect(notices).toContainText('“Flu shots in February” expired on 2026-03-01');
  await expect(notices).toContainText(
    '“Consultation” does not have the safety slides “Safety and what to expect” and “If you are in crisis”.',
  );
  await section(page, 'Kiosk status').click();
  await expect(notices).toContainText('Spanish: the clinical review of the built-in slides');
  await expect(notices).toContainText('“Consultation” does not have the safety slides');
  await section(page, "Clinic's slides").click();
  await expect(page.locator('.admin-list').first()).toContainText(
    'expired on 2026-03-01, no longer shows',
  );
});

test('clinic slides take review and expiry dates, and their reading time by default', async ({
  appPage: page,
  baseURL,
}) => {
  const main = await installMainProcess(page, baseURL!, { pin: PIN });
  await page.goto('/');
  await openAdmin(page);
  await section(page, "Clinic's slides").click();
  await page.getByRole('button', { name: 'New text slide' }).click();
  await page.getByLabel('Title in English').fill('Parking');
  await page.getByLabel(/Text in English/).fill('Free parking behind the clinic.');
  await expect(page.getByLabel('Time on screen')).toHaveValue('');
  await expect(page.getByLabel('Time on screen').locator('option').first()).toHaveText(
    /^Time to read it: 8 s in English, 8 s in Spanish$/,
  );
  await page.getByLabel(/Stops showing on/).fill('31/12/2026');
  await page.getByRole('button', { name: 'Save slide' }).click();
  await expect(page.getByRole('alert')).toHaveText(/year-month-day/);
  await page.getByLabel(/Stops showing on/).fill('2026-12-31');
  await page.getByLabel(/Review by/).fill('2026-09-30');
  await page.getByRole('button', { name: 'Save slide' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Slide saved.' })).toBeVisible();
  expect(main.readSettingsFile().customSlides[0]).toMatchObject({
    title: { en: 'Parking' },
    durationSeconds: null,
    reviewDue: '2026-09-30',
    expiresOn: '2026-12-31',
  });
});

test('the reading pace is a staff setting the slideshow follows', async ({
  appPage: page,
  baseURL,
}) => {
  const main = await installMainProcess(page, baseURL!, { pin: PIN });
  await page.goto('/');
  const welcome = deck.slides[0]!;
  const seconds = (pace: number) => slideSeconds(welcome, 'en', DEFAULT_SETTINGS.clinic, pace);
  await expect(page.locator('.progress__bar')).toHaveCSS('animation-duration', `${seconds(150)}s`);
  await openAdmin(page);
  await page.getByLabel('Reading pace for the time each slide stays up').selectOption('100');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect(main.readSettingsFile().readingWordsPerMinute).toBe(100);
  await page.getByRole('button', { name: 'Back to slides' }).click();
  await page.getByRole('button', { name: 'Slide 1: How ketamine works' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  expect(seconds(100)).toBeGreaterThan(seconds(150));
  await expect(page.locator('.progress__bar')).toHaveCSS('animation-duration', `${seconds(100)}s`);
});

test('the clinical review screen lists the new and changed wording until it is signed off', async ({
  appPage: page,
  baseURL,
}) => {
  await installMainProcess(page, baseURL!, { pin: PIN });
  await page.goto('/');
  await openAdmin(page);
  await section(page, 'Clinical review').click();
  const awaiting = page.locator('.admin-awaiting');
  const hours = awaiting.locator('li[data-slide-id="hours-not-weeks"]');
  await expect(hours).toContainText('Changed wording');
  await expect(hours).toContainText(
    'Point 1: “For some people, ketamine can start to help within hours.”',
  );
  await expect(awaiting.locator('li[data-slide-id="safety-and-what-to-expect"]')).toContainText(
    'New slide',
  );
  await expect(awaiting.locator('li[data-slide-id="if-you-are-in-crisis"]')).toContainText(
    'call or text 988',
  );
  await expect(awaiting.locator('li[data-slide-id="welcome"]')).toHaveCount(0);
  for (const language of ['English', 'Spanish']) {
    await page.getByRole('radio', { name: language }).check();
    await page.getByLabel("Reviewing clinician's name").fill('Dr. Ana Ruiz');
    await page.getByRole('button', { name: 'Record review' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Review recorded.' })).toBeVisible();
  }
  await expect(awaiting).toHaveCount(0);
});

test('clinic text kept longer than its field takes is shown whole, and saved only once shortened', async ({
  appPage: page,
  baseURL,
}) => {
  const main = await installMainProcess(page, baseURL!, { pin: PIN });
  // From a settings file of before main held the about text to 1,500 characters: kept, not cut.
  const kept = [{ en: 'We care. '.repeat(200).trim() }];
  main.store.save({
    ...main.store.settings,
    clinic: { ...main.store.settings.clinic, about: kept },
  });
  await page.goto('/');
  await openAdmin(page);
  // Every screen's save carries the clinic's text: staff are told where to shorten it.
  await page.getByLabel('Reading pace for the time each slide stays up').selectOption('100');
  await page.getByRole('button', { name: 'Save' }).click();
  const tooLong =
    'English: the about text on Clinic details is longer than 1500 characters. Shorten it there, please.';
  await expect(page.getByRole('status').filter({ hasText: tooLong })).toBeVisible();
  expect(main.readSettingsFile().readingWordsPerMinute).toBe(
    DEFAULT_SETTINGS.readingWordsPerMinute,
  );

  // Put back (nothing left to save), then to where it is shortened.
  await page.getByLabel('Reading pace for the time each slide stays up').selectOption('150');
  await section(page, 'Clinic details').click();
  const about = page.getByLabel(/About the clinic in English/);
  await expect(about).toHaveValue(kept[0]!.en);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: tooLong })).toBeVisible();
  expect(main.readSettingsFile().clinic.about).toEqual(kept);
  await about.fill('We care.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect(main.readSettingsFile().clinic.about).toEqual([{ en: 'We care.' }]);
});
