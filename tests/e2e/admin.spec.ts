import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CRISIS_LINES, type KioskBridge } from '../../contract';
import { axeViolations, expect, screenshotPath, test, VIEWPORTS } from './fixtures';
import { installMainProcess } from './mainProcess';
import { deck, slideIds } from './deck';
import {
  adminLayoutProblems,
  CORNER_HOLD_MS,
  expectNoAdmin,
  openAdmin,
  PIN,
  pressAdminKeys,
  section,
  typePin,
} from './adminSteps';

test.describe('getting in', () => {
  test('with no PIN the corner does nothing; Ctrl+Alt+A sets the first PIN, stored hashed', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!);
    await page.clock.install();
    await page.goto('/');
    await page.mouse.move(1900, 20);
    await page.mouse.down();
    await page.clock.runFor(CORNER_HOLD_MS + 400);
    await page.mouse.up();
    await expectNoAdmin(page);

    await pressAdminKeys(page);
    await expect(page.getByRole('heading', { name: 'Set the staff PIN' })).toBeVisible();
    await typePin(page, '13');
    await expect(page.getByRole('alert').first()).toHaveText(/4 to 8 digits/);
    await page.getByRole('button', { name: 'Delete last digit' }).click();
    await page.getByRole('button', { name: 'Delete last digit' }).click();
    await typePin(page, PIN);
    await expect(page.getByText('Enter the same PIN again to confirm it.')).toBeVisible();
    await typePin(page, '9999');
    await expect(page.getByText('The two PINs were different.')).toBeVisible();
    await typePin(page, PIN);
    await typePin(page, PIN);
    await expect(page.getByRole('heading', { name: 'Slideshow settings' })).toBeVisible();

    const record = fs.readFileSync(path.join(main.directory, 'staff-pin.json'), 'utf8');
    expect(record).toContain('scrypt');
    expect(record).not.toContain(PIN);
    expect(main.pin.hasPin()).toBe(true);
  });

  test('--setup opens the PIN set-up at start; the corner does not until a PIN exists', async ({
    appPage: page,
    baseURL,
  }) => {
    await installMainProcess(page, baseURL!, { setupRequested: true });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Set the staff PIN' })).toBeVisible();
  });

  test('holding the top-right corner for 3 s opens the PIN pad once a PIN exists', async ({
    appPage: page,
    baseURL,
  }) => {
    await installMainProcess(page, baseURL!, { pin: PIN });
    await page.clock.install();
    await page.goto('/');
    // The corner is drawn once the gate's chunk is in (it loads after the first slide).
    await page.locator('.admin-corner').waitFor({ state: 'attached' });
    // A short touch there is nothing, however long one waits after it.
    await page.mouse.click(1900, 20);
    await page.clock.runFor(CORNER_HOLD_MS * 2);
    await expectNoAdmin(page);
    // A hold opens the PIN pad after 3 s, not before.
    await page.mouse.move(1900, 20);
    await page.mouse.down();
    await page.clock.runFor(CORNER_HOLD_MS - 100);
    await expectNoAdmin(page);
    await page.clock.runFor(100);
    await expect(page.getByRole('heading', { name: 'Staff PIN' })).toBeVisible();
    await page.mouse.up();
    await typePin(page, PIN);
    await expect(page.getByRole('navigation', { name: 'Admin sections' })).toBeVisible();
  });

  test('five wrong PINs lock the pad; main keeps the lock across a reload until it ends', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: PIN });
    await page.goto('/');
    await pressAdminKeys(page);
    for (const left of [4, 3, 2, 1]) {
      await typePin(page, '1111');
      await expect(page.locator('.pin-pad__message')).toHaveText(
        new RegExp(`Wrong PIN. ${left} tr(y|ies) left`),
      );
    }
    await typePin(page, '1111');
    await expect(page.locator('.pin-pad__message')).toHaveText(
      /Too many wrong tries. Try again in 0:(30|29)/,
    );
    await expect(
      page.locator('.pin-pad').getByRole('button', { name: '5', exact: true }),
    ).toBeDisabled();

    // A reload (or a restart) does not clear it: main answers "locked" with the time left.
    await page.reload();
    await pressAdminKeys(page);
    await expect(page.locator('.pin-pad__message')).toHaveText(/Try again in 0:[23]\d/);

    main.advance(31_000);
    await page.reload();
    await openAdmin(page);
  });

  test('"Back to slides" locks the admin in main as well', async ({ appPage: page, baseURL }) => {
    await installMainProcess(page, baseURL!, { pin: PIN });
    await page.goto('/');
    await openAdmin(page);
    await page.getByRole('button', { name: 'Back to slides' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const answer = await page.evaluate(() =>
      (window as unknown as { kiosk: KioskBridge }).kiosk.admin.getState(),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-unlocked' } });
    // And a payload main does not expect is refused with a reason, not obeyed.
    const refused = await page.evaluate(() =>
      (window as unknown as { kiosk: KioskBridge }).kiosk.admin.unlock({
        pin: '1234; rm -rf /',
      } as never),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

test.describe('settings', () => {
  test('saved settings reach the running player at once and are on disk', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: PIN });
    await page.goto('/');
    await expect(page.locator('.player')).toHaveAttribute('data-transition', 'fade');
    await expect(page.locator('.progress')).toHaveCount(1);
    await openAdmin(page);
    await page.getByRole('radio', { name: 'Cut (no movement)' }).check();
    await page.getByRole('checkbox', { name: /progress bar/ }).uncheck();
    await page.getByLabel('Return to the slideshow after no touch for').selectOption('90');
    await expect(page.getByText('You have changes that are not saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

    expect(main.readSettingsFile()).toMatchObject({
      transition: 'cut',
      showProgressBar: false,
      idleTimeoutSeconds: 90,
    });
    await page.getByRole('button', { name: 'Back to slides' }).click();
    await expect(page.locator('.player')).toHaveAttribute('data-transition', 'cut');
    await expect(page.locator('.progress')).toHaveCount(0);

    await openAdmin(page);
    await section(page, 'Kiosk status').click();
    await expect(page.locator('.admin-log').last()).toContainText(
      'Settings changed: idle time, change between slides, progress bar',
    );
  });

  test('clinic details typed on the on-screen keyboard; a bad web address is refused and nothing is lost', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: PIN });
    await page.goto('/');
    await openAdmin(page);
    await section(page, 'Clinic details').click();
    const name = page.getByLabel('Clinic name');
    await name.click();
    await name.press('End');
    const keyboard = page.getByRole('group', { name: 'On-screen keyboard' });
    await expect(keyboard).toBeVisible();
    for (const key of [' ', 'Shift', 'Ñ', 'a', 'ñ', 'ú']) {
      if (key === ' ') await keyboard.getByRole('button', { name: 'Space' }).click();
      else await keyboard.getByRole('button', { name: key, exact: true }).click();
    }
    await keyboard.getByRole('button', { name: 'Delete' }).click();
    await keyboard.getByRole('button', { name: 'é', exact: true }).click();
    await expect(name).toHaveValue('Ken Starr MD Wellness Group Ñañé');
    // The focus stayed in the field: a plugged-in keyboard goes on typing there.
    await page.keyboard.type('!');
    await expect(name).toHaveValue('Ken Starr MD Wellness Group Ñañé!');

    const web = page.getByLabel(/Web address/);
    await web.fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save' }).click();
    // Refused in staff words, before it reaches main.
    await expect(
      page.getByRole('status').filter({ hasText: 'The web address needs to start with https://' }),
    ).toBeVisible();
    expect(main.readSettingsFile().clinic.name).toBe('Ken Starr MD Wellness Group');
    await expect(name).toHaveValue('Ken Starr MD Wellness Group Ñañé!');

    await web.fill('https://clinic.example/ketamine');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    expect(main.readSettingsFile().clinic).toMatchObject({
      name: 'Ken Starr MD Wellness Group Ñañé!',
      webAddress: 'https://clinic.example/ketamine',
    });
  });

  test('a clinician review is recorded against the content version and shown', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: PIN });
    await page.goto('/');
    await openAdmin(page);
    await section(page, 'Clinical review').click();
    await expect(page.getByText('English: not reviewed yet.').first()).toBeVisible();
    await page.getByRole('radio', { name: 'Spanish' }).check();
    await page.getByLabel("Reviewing clinician's name").fill('Dr. Ana Ruiz');
    await page.getByLabel(/Date of the review/).fill('2026-11-20');
    await page.getByRole('button', { name: 'Record review' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Review recorded.' })).toBeVisible();
    await expect(
      page.getByText(
        `Spanish: reviewed by Dr. Ana Ruiz on 2026-11-20 (version ${deck.contentVersion})`,
      ),
    ).toBeVisible();
    expect(main.readSettingsFile().contentReviews).toEqual([
      {
        language: 'es',
        reviewer: 'Dr. Ana Ruiz',
        reviewedOn: '2026-11-20',
        contentVersion: deck.contentVersion,
        crisisLines: DEFAULT_CRISIS_LINES,
      },
    ]);
    await page.getByLabel(/Date of the review/).fill('20/11/2026');
    await page.getByLabel("Reviewing clinician's name").fill('Dr. Ana Ruiz');
    await page.getByRole('button', { name: 'Record review' }).click();
    // Refused by main, said in staff words (not "That was not accepted: reviewedOn: …").
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'Write the date of the review as year-month-day' }),
    ).toBeVisible();
  });

  test('status shows versions, damaged settings restored, and the last recoveries', async ({
    appPage: page,
    baseURL,
  }) => {
    await installMainProcess(page, baseURL!, {
      pin: PIN,
      settingsFileBytes: '{"version": 2, "settings": {"idleTime',
      recoveries: [{ event: 'reload', detail: 'no heartbeat for 30 s' }],
    });
    await page.goto('/');
    await openAdmin(page);
    await section(page, 'Kiosk status').click();
    await expect(page.getByText('App version: 9.9.9-test')).toBeVisible();
    await expect(page.getByText(`Slide content version: ${deck.contentVersion}`)).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('the saved settings were damaged');
    await expect(page.getByRole('alert')).toContainText(
      'The damaged file was kept as settings.corrupt-',
    );
    const recoveries = page.locator('.admin-log').first();
    await expect(recoveries).toContainText('Damaged settings were restored');
    await expect(recoveries).toContainText('The slideshow was reloaded: no heartbeat for 30 s');
  });

  test('safe mode: the built-in slides play, Kiosk status says why and that nothing was lost, and staff bring their own back', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: PIN, faultRestarts: 3 });
    const own = {
      id: 'short',
      name: 'Short',
      entries: main.store.settings.playlists[0]!.entries.slice(2, 4),
    };
    main.store.save({
      ...main.store.settings,
      playlists: [...main.store.settings.playlists, own],
      defaultPlaylistId: 'short',
    });
    await page.goto('/');
    // Safe mode: the built-in deck from its first slide, not the clinic's own playlist.
    await expect(page.locator('.carousel__slide.is-current')).toHaveAttribute(
      'data-slide-id',
      main.store.settings.playlists[0]!.entries[0]!.slideId,
    );
    await openAdmin(page);
    await section(page, 'Kiosk status').click();
    const card = page.getByRole('region', { name: 'Safe mode: showing the built-in slides only' });
    await expect(card).toContainText('Nothing was deleted');
    await expect(card).toContainText('restarted 3 times in 15 minutes');
    await card.getByRole('button', { name: 'Show our own slides again now' }).click();
    await expect(card).toBeHidden();
    await expect(
      page.getByText('Safe mode ended: your own slides and schedule are back.'),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Back to slides' }).click();
    await expect(page.locator('.carousel__slide.is-current')).toHaveAttribute(
      'data-slide-id',
      own.entries[0]!.slideId,
    );
  });

  test('change the PIN, and quit kiosk mode only after confirming', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: PIN });
    await page.goto('/');
    await openAdmin(page);
    await section(page, 'PIN and exit').click();
    await page.getByLabel('Current PIN').fill('0000');
    await page.getByLabel('New PIN (4 to 8 digits)').fill('97531');
    await page.getByLabel('New PIN again').fill('97531');
    await page.getByRole('button', { name: 'Change PIN' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Wrong PIN' })).toBeVisible();
    await page.getByLabel('Current PIN').fill(PIN);
    await page.getByRole('button', { name: 'Change PIN' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'The PIN was changed.' }),
    ).toBeVisible();
    expect(await main.pin.verify('97531')).toEqual({ ok: true });

    await page.getByRole('button', { name: 'Quit kiosk' }).click();
    await page.getByRole('button', { name: 'No, keep it running' }).click();
    await page.getByRole('button', { name: 'Quit kiosk' }).click();
    await page.getByRole('button', { name: 'Yes, quit' }).click();
    await expect.poll(() => main.quitCalls).toBe(1);
  });
});

test('after 2 minutes untouched the admin warns, then gives the screen back to the slideshow', async ({
  appPage: page,
  baseURL,
}) => {
  await installMainProcess(page, baseURL!, { pin: PIN });
  await page.clock.install({ time: new Date('2026-03-02T09:00:00') });
  await page.goto('/');
  await openAdmin(page);
  await page.clock.runFor(101_000);
  const warning = page.getByRole('alertdialog');
  await expect(warning).toContainText('The slideshow comes back in');
  await warning.getByRole('button', { name: 'Keep working' }).click();
  await expect(warning).toHaveCount(0);
  await page.clock.runFor(100_000);
  await expect(page.getByRole('navigation', { name: 'Admin sections' })).toBeVisible();
  await page.clock.runFor(25_000);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('.player')).toBeVisible();
  const answer = await page.evaluate(() =>
    (window as unknown as { kiosk: KioskBridge }).kiosk.admin.getState(),
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'not-unlocked' } });
});

test('the admin reads in Spanish, and the patient screen keeps its language', async ({
  appPage: page,
  baseURL,
}) => {
  await installMainProcess(page, baseURL!, { pin: PIN });
  await page.goto('/');
  await openAdmin(page);
  await page
    .getByRole('button', { name: 'Switch the admin screen to English' })
    .or(page.getByRole('button', { name: 'Cambiar la pantalla de administración a español' }))
    .click();
  await expect(
    page.getByRole('heading', { name: 'Configuración de la presentación' }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.getByRole('button', { name: 'Volver a las diapositivas' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Español' })).toBeVisible();
});

for (const viewport of VIEWPORTS) {
  for (const language of ['en', 'es'] as const) {
    // One page load per size and language: the PIN pad and every section, each checked for fit
    // (nothing off screen, targets large, keyboard up where there is a text field) and by axe.
    test(`admin fits ${viewport.name} and passes axe, ${language}: the PIN pad and every section`, async ({
      appPage: page,
      baseURL,
    }) => {
      test.setTimeout(150_000);
      await installMainProcess(page, baseURL!, { pin: PIN });
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto('/');
      await pressAdminKeys(page);
      if (language === 'es') {
        await page
          .getByRole('button', { name: 'Cambiar la pantalla de administración a español' })
          .click();
      }
      await expect(page.locator('.pin-pad')).toBeVisible();
      expect(await axeViolations(page), 'PIN pad').toEqual([]);
      await typePin(page, PIN);
      await expect(page.locator('.admin-nav__button')).toHaveCount(11);
      // The first screen carries the notices (nothing is reviewed yet in a fresh kiosk).
      await expect(page.locator('.admin-notices')).toBeVisible();
      const names = await page.locator('.admin-nav__button').allTextContents();
      expect(names).toHaveLength(11);
      // With the on-screen keyboard up where the section has a text field.
      const focusField = async () => {
        const field = page.locator('input.admin-input').first();
        if ((await field.count()) > 0) await field.focus();
      };
      for (const [index, name] of names.entries()) {
        await section(page, name).click();
        await focusField();
        expect(await adminLayoutProblems(page), name).toEqual([]);
        if (process.env['SCREENSHOTS'] && language === 'en') {
          await page.screenshot({
            path: screenshotPath(
              `admin-${name.toLowerCase().replace(/[^a-z]+/g, '-')}-${viewport.width}x${viewport.height}`,
            ),
          });
        }
        if (index === 1) {
          // Playlists, with a safety slide's confirmation open.
          await page.locator('.playlist__entry').last().getByRole('checkbox').click();
          await expect(page.getByRole('alertdialog')).toBeVisible();
          await focusField();
        }
        expect(await axeViolations(page), name).toEqual([]);
      }
    });
  }
}

test.describe('playlists', () => {
  test('switching a slide off, timing, reordering by drag and arrows reach the running player', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: PIN });
    await page.goto('/');
    await expect(page.getByRole('button', { name: /^Slide \d+:/ })).toHaveCount(slideIds.length);
    await openAdmin(page);
    await section(page, 'Playlists').click();
    await expect(page.getByLabel('Playlist to edit')).toHaveValue('waiting-room');
    const rows = page.locator('.playlist__entry');
    await expect(rows).toHaveCount(slideIds.length);

    // Off: "Before ketamine" (slide 5).
    const before = rows.filter({ hasText: 'Before ketamine' });
    await before.getByRole('checkbox', { name: 'Plays' }).uncheck();
    // Its own time for the first slide.
    await rows.first().getByRole('combobox').selectOption('45');
    // Arrow: "Please note" (last) up one.
    await page.getByRole('button', { name: 'Move “Please note” up' }).click();
    // Drag: slide 3 to the top with a finger-like pointer on its handle.
    const third = rows.nth(2);
    const thirdTitle = (await third.locator('.playlist__title').textContent())!;
    const handle = third.locator('.playlist__handle');
    await rows.first().scrollIntoViewIfNeeded();
    const from = (await handle.boundingBox())!;
    const top = (await rows.first().boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, top.y + 5, { steps: 12 });
    await page.mouse.up();
    await expect(rows.first().locator('.playlist__title')).toHaveText(thirdTitle);

    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    const saved = main.readSettingsFile().playlists[0]!.entries;
    expect(saved[0]!.slideId).toBe('a-different-system');
    expect(saved.find((entry) => entry.slideId === 'welcome')!.durationSeconds).toBe(45);
    expect(saved.at(-1)!.slideId).not.toBe('please-note');

    await page.getByRole('button', { name: 'Back to slides' }).click();
    const dots = page.getByRole('button', { name: /^Slide \d+:/ });
    await expect(dots).toHaveCount(slideIds.length - 1);
    await expect(dots.first()).toHaveAccessibleName(`Slide 1: ${thirdTitle}`);
    await expect(page.getByRole('button', { name: /Before ketamine/ })).toHaveCount(0);
  });

  test('new, rename, duplicate, play and delete playlists; the last one cannot be deleted', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: PIN });
    await page.goto('/');
    await openAdmin(page);
    await section(page, 'Playlists').click();
    await expect(page.getByRole('button', { name: 'Delete playlist' })).toBeDisabled();
    await page.getByRole('button', { name: 'New playlist' }).click();
    await page.getByLabel('Playlist name').fill('Consultation');
    // A new playlist starts with the safety slides; staff add the rest.
    await expect(page.locator('.playlist__title')).toHaveText([
      'Safety and what to expect',
      'If you are in crisis',
    ]);
    for (const title of ['After ketamine, in rats', 'Before ketamine, in rats']) {
      await page.getByRole('button', { name: `Add “${title}”` }).click();
    }
    await page.getByRole('button', { name: 'Duplicate' }).click();
    await expect(page.getByLabel('Playlist name')).toHaveValue('Consultation (copy)');
    await page.getByRole('button', { name: 'Play this playlist' }).click();
    // Chosen, not saved: it does not claim to be playing yet.
    await expect(page.getByText('This playlist plays once you save.')).toBeVisible();
    // Playing a playlist with nothing switched on is refused with a reason. (A safety slide
    // is switched off only once staff confirm it.)
    for (const row of await page.locator('.playlist__entry').all()) {
      await row.getByRole('checkbox').click();
      const confirm = row.getByRole('button', { name: 'Yes, switch it off' });
      if (await confirm.isVisible()) await confirm.click();
      await expect(row.getByRole('checkbox')).not.toBeChecked();
    }
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(
      page.getByRole('alert').filter({
        hasText: 'Turn on at least one slide before this playlist can play.',
      }),
    ).toBeVisible();
    await page
      .locator('.playlist__entry')
      .filter({ hasText: 'After ketamine' })
      .getByRole('checkbox')
      .check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

    const settings = main.readSettingsFile();
    expect(settings.playlists.map((playlist) => playlist.name)).toEqual([
      'Waiting room',
      'Consultation',
      'Consultation (copy)',
    ]);
    expect(settings.defaultPlaylistId).toBe(settings.playlists[2]!.id);
    await page.getByRole('button', { name: 'Back to slides' }).click();
    await expect(page.getByRole('button', { name: /^Slide \d+:/ })).toHaveCount(1);
    await expect(
      page.getByRole('button', { name: 'Slide 1: After ketamine, in rats' }),
    ).toBeVisible();
  });

  test('a clinic text slide, in English and Spanish, joins the playing playlist', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: PIN });
    await page.goto('/');
    await openAdmin(page);
    await section(page, "Clinic's slides").click();
    await page.getByRole('button', { name: 'New text slide' }).click();
    await page.getByRole('button', { name: 'Save slide' }).click();
    await expect(page.getByRole('alert')).toHaveText(/needs an English title/);
    await page.getByLabel('Title in English').fill('Parking');
    await page.getByLabel('Title in Spanish (optional)').fill('Estacionamiento');
    const english = page.getByLabel(/Text in English/);
    await english.fill('Free parking behind the clinic.');
    await english.press('End');
    await page
      .getByRole('group', { name: 'On-screen keyboard' })
      .getByRole('button', { name: 'New line' })
      .click();
    await page.keyboard.type('Ask at the desk for a pass.');
    await page.getByLabel(/Text in Spanish/).fill('Estacionamiento gratis detrás de la clínica.');
    await page.getByRole('button', { name: 'Save slide' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Slide saved.' })).toBeVisible();

    const settings = main.readSettingsFile();
    expect(settings.customSlides).toHaveLength(1);
    const slide = settings.customSlides[0]!;
    expect(slide).toMatchObject({
      title: { en: 'Parking', es: 'Estacionamiento' },
      lines: [
        {
          en: 'Free parking behind the clinic.',
          es: 'Estacionamiento gratis detrás de la clínica.',
        },
        { en: 'Ask at the desk for a pass.' },
      ],
    });
    expect(settings.playlists[0]!.entries.at(-1)).toEqual({
      slideId: slide.id,
      enabled: true,
      durationSeconds: null,
    });

    await section(page, 'Playlists').click();
    await page
      .locator('.playlist__entry')
      .filter({ hasText: 'Parking' })
      .getByRole('button', { name: 'Preview' })
      .click();
    const preview = page.getByRole('dialog', { name: 'Preview: Parking' });
    await expect(preview).toContainText('Free parking behind the clinic.');
    await preview.getByRole('button', { name: 'Close preview' }).click();

    await page.getByRole('button', { name: 'Back to slides' }).click();
    await page.getByRole('button', { name: 'Slide 15: Parking' }).click();
    await expect(page.locator('.carousel__slide.is-current')).toContainText('Ask at the desk');
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(page.locator('.carousel__slide.is-current h2')).toHaveText('Estacionamiento');
    // A line with no Spanish shows in English.
    await expect(page.locator('.carousel__slide.is-current')).toContainText('Ask at the desk');

    await openAdmin(page);
    await section(page, "Clinic's slides").click();
    await page.getByRole('button', { name: 'Delete “Parking”' }).click();
    // It is on the screen patients see: asked first.
    await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, delete it' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Slide deleted.' })).toBeVisible();
    expect(main.readSettingsFile().customSlides).toEqual([]);
    expect(
      main.readSettingsFile().playlists[0]!.entries.some((entry) => entry.slideId === slide.id),
    ).toBe(false);
  });
});

test.describe('schedule', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('closed hours show a quiet card overnight, and the slides come back in the morning', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: PIN });
    // Monday 2 March 2026, 18:50 in California.
    await page.clock.install({ time: new Date('2026-03-02T18:50:00-08:00') });
    await page.goto('/');
    await openAdmin(page);
    await section(page, 'Schedule').click();
    await expect(page.getByText('Now: “Waiting room” plays.')).toBeVisible();
    await page.getByRole('button', { name: 'Add a weekly rule' }).click();
    for (const day of ['Sat', 'Sun']) {
      await page.getByRole('checkbox', { name: day }).check();
    }
    await page.getByLabel('From').selectOption('18:45');
    await page.getByLabel('Until', { exact: true }).selectOption('07:00');
    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Closed' });
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(
      page.getByText('Mon, Tue, Wed, Thu, Fri, Sat, Sun, 18:45–07:00 (overnight): Closed'),
    ).toBeVisible();
    await expect(page.getByText('Now: closed.')).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    expect(main.readSettingsFile().schedule.weekly).toEqual([
      expect.objectContaining({
        days: [0, 1, 2, 3, 4, 5, 6],
        start: '18:45',
        end: '07:00',
        target: { kind: 'closed' },
      }),
    ]);

    await page.getByRole('button', { name: 'Back to slides' }).click();
    await expect(page.getByText('The clinic is closed now.')).toBeVisible();
    await expect(page.locator('.player')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);

    // Next morning, 07:00: the loop is back (the clock jumps; the next check sees it).
    await page.clock.setSystemTime(new Date('2026-03-03T07:00:30-08:00'));
    await page.clock.runFor(16_000);
    await expect(page.locator('.player')).toBeVisible();
  });

  test('a date range plays another playlist all day, over the weekly rules', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: PIN });
    await page.clock.install({ time: new Date('2026-03-02T10:00:00-08:00') });
    await page.goto('/');
    await openAdmin(page);
    await section(page, 'Playlists').click();
    await page.getByRole('button', { name: 'New playlist' }).click();
    await page.getByLabel('Playlist name').fill('Open day');
    await page.getByRole('button', { name: 'Add “After ketamine, in rats”' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

    await section(page, 'Schedule').click();
    await page.getByRole('button', { name: 'Add a date range' }).click();
    await expect(page.getByLabel('First day (year-month-day)')).toHaveValue('2026-03-02');
    await page.getByLabel('Last day (year-month-day)').fill('2026-03-01');
    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Open day' });
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('alert')).toHaveText(/first day not after the last/);
    await page.getByLabel('Last day (year-month-day)').fill('2026-03-03');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByText('Now: “Open day” plays.')).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    expect(main.readSettingsFile().schedule.dateRanges).toHaveLength(1);

    await page.getByRole('button', { name: 'Back to slides' }).click();
    // The new playlist: its safety slides, then the one slide staff added.
    await expect(page.getByRole('button', { name: /^Slide \d+:/ })).toHaveCount(3);
    await expect(
      page.getByRole('button', { name: 'Slide 3: After ketamine, in rats' }),
    ).toBeVisible();
  });
});
