import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { importMedia, installMainProcess } from './mainProcess';
import { CORNER_HOLD_MS, expectNoAdmin, PIN, pressAdminKeys } from './adminSteps';
import {
  adminInSpanish,
  keyboard,
  LONG_SLIDE,
  openAdminByTouch,
  tapKeys,
  tapPin,
  tapSection,
  touchDown,
  TOUCH_SIZES,
} from './staffTouch';

const pickerEntry = (page: Page, name: string) =>
  page.locator('.media-picker__entry').filter({ hasText: name });
/** What a refusal must never show staff: the programmer's words and paths of main's checks. */
const PROGRAMMER_WORDS =
  /That was not accepted|request refused|settings\.|\b[a-z]+\.\d+\.[a-z]|[0-9a-f]{64}/;

// Issue 20, by touch, at the two sizes front-desk staff use.
for (const size of TOUCH_SIZES) {
  test.describe(`by touch at ${size.name}`, () => {
    test.use({
      hasTouch: true,
      viewport: { width: size.width, height: size.height },
      actionTimeout: 5000,
    });

    test('the keyboard has the signs for phone numbers, a clear key, and a web-address layout', async ({
      appPage: page,
      baseURL,
    }) => {
      await installMainProcess(page, baseURL!, { pin: PIN });
      await page.goto('/');
      await openAdminByTouch(page);
      await tapSection(page, 'Clinic details');
      const phone = page.getByLabel('Phone number');
      await phone.tap();
      await tapKeys(page, ['(', '8', '0', '5', ')', 'Space']);
      await tapKeys(page, ['+', '1', '-', '#', '&', '=', '_', '?', '!']);
      await expect(phone).toHaveValue('(805) +1-#&=_?!');
      await tapKeys(page, ['Clear field']);
      await expect(phone).toHaveValue('');
      await expect(keyboard(page).getByRole('button', { name: '.com' })).toHaveCount(0);

      const web = page.getByLabel(/Web address/);
      await web.tap();
      await expect(keyboard(page)).toHaveAttribute('data-layout', 'url');
      await tapKeys(page, ['Clear field', 'https://', 'c', 'l', 'i', 'n', 'i', 'c', '.com', '/']);
      await tapKeys(page, ['a', 'b', 'o', 'u', 't']);
      await expect(web).toHaveValue('https://clinic.com/about');
    });

    test('holding the corner fills a ring; with no PIN it says how to set one; the set-up confirms it', async ({
      appPage: page,
      baseURL,
    }) => {
      await installMainProcess(page, baseURL!);
      await page.clock.install();
      await page.goto('/');
      await page.locator('.admin-corner').waitFor({ state: 'attached' });
      const ring = page.locator('.admin-corner__ring');
      const lift = await touchDown(page, size.width - 20, 20);
      await page.clock.runFor(1000);
      await expect(ring).toBeVisible();
      await page.clock.runFor(CORNER_HOLD_MS);
      await expect(
        page.getByRole('status').filter({ hasText: 'No staff PIN is set yet' }),
      ).toContainText('Ctrl+Alt+A');
      await lift();
      await expect(ring).toHaveCount(0);
      await expectNoAdmin(page);

      await pressAdminKeys(page);
      await expect(page.getByRole('heading', { name: 'Set the staff PIN' })).toBeVisible();
      // A place for each of the 8 digits a PIN may have, not just the first 4.
      await expect(page.locator('.pin-pad__dot')).toHaveCount(8);
      await tapPin(page, '24681357');
      await tapPin(page, '24681357');
      await expect(page.getByRole('status').filter({ hasText: 'PIN saved' })).toBeVisible();
    });

    test('with a PIN the ring fills for 3 s, then the PIN pad opens', async ({
      appPage: page,
      baseURL,
    }) => {
      await installMainProcess(page, baseURL!, { pin: PIN });
      await page.clock.install();
      await page.goto('/');
      await page.locator('.admin-corner').waitFor({ state: 'attached' });
      const lift = await touchDown(page, size.width - 20, 20);
      await page.clock.runFor(CORNER_HOLD_MS - 500);
      await expect(page.locator('.admin-corner__ring')).toBeVisible();
      await expectNoAdmin(page);
      await page.clock.runFor(600);
      await expect(page.getByRole('heading', { name: 'Staff PIN' })).toBeVisible();
      await lift();
      await expect(page.locator('.pin-pad__dot')).toHaveCount(8);
      await tapPin(page, '2468');
      await expect(page.getByRole('navigation', { name: 'Admin sections' })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'PIN saved' })).toHaveCount(0);
    });

    test('a slide title counts its characters, stops at a word, and the form says when the words do not fit', async ({
      appPage: page,
      baseURL,
    }) => {
      await installMainProcess(page, baseURL!, { pin: PIN });
      await page.goto('/');
      await openAdminByTouch(page);
      await tapSection(page, "Clinic's slides");
      await page.getByRole('button', { name: 'New text slide' }).tap();
      const title = page.getByLabel('Title in English');
      await title.tap();
      await expect(title).toHaveAccessibleDescription('0 of 120 characters');
      // 111 characters, then " arrive ea": the "a" would be the 121st character.
      const start =
        'Before your first ketamine treatment, please have your photo ID and a list of your medicines ready for the desk';
      await title.fill(start);
      await tapKeys(page, ['Space', 'a', 'r', 'r', 'i', 'v', 'e', 'Space', 'e', 'a']);
      // The word that went over the limit is left out, not cut in half.
      await expect(title).toHaveValue(`${start} arrive`);
      await expect(title).toHaveAccessibleDescription('118 of 120 characters');

      const lines = page.getByLabel(/^Text in English/);
      await lines.tap();
      await lines.fill('Bring your photo ID.');
      await expect(page.getByRole('status').filter({ hasText: 'Too long to fit' })).toHaveCount(0);
      await lines.fill(LONG_SLIDE.lines.map((line) => line.en).join('\n'));
      const note = page.getByRole('status').filter({ hasText: 'Too long to fit the slide' });
      await expect(note).toContainText('1280 × 800 with larger text (A+) in English');
      await expect(note).not.toContainText('Spanish');
    });

    test('the about text is edited in Clinic details, and a new clinic name asks to clear the built-in one', async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      await page.goto('/');
      await openAdminByTouch(page);
      await tapSection(page, 'Clinic details');
      const aboutEn = page.getByLabel(/^About the clinic in English/);
      const aboutEs = page.getByLabel(/^About the clinic in Spanish/);
      await expect(aboutEn).toHaveValue(/^Founded and led by Ken Starr MD/);
      await expect(aboutEs).toHaveValue(/^Fundada y dirigida por Ken Starr MD/);
      const question = page.getByRole('alertdialog').filter({ hasText: 'new name' });
      await expect(question).toHaveCount(0);

      await page.getByLabel('Clinic name').tap();
      await tapKeys(page, ['Clear field', 'Shift', 'S', 'u', 'n', 'r', 'i', 's', 'e']);
      await expect(question).toContainText('still describes Ken Starr MD Wellness Group');
      await question.getByRole('button', { name: 'Yes, clear the about text' }).tap();
      await expect(question).toHaveCount(0);
      await expect(aboutEn).toHaveValue('');
      await expect(aboutEs).toHaveValue('');

      await aboutEn.tap();
      await aboutEn.fill('Open every weekday since 2020.');
      await aboutEs.tap();
      await aboutEs.fill('Abierta todos los días laborables desde 2020.');
      await keyboard(page).getByRole('button', { name: 'Hide keyboard' }).tap();
      await page.getByRole('button', { name: 'Save', exact: true }).tap();
      await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
      expect(main.readSettingsFile().clinic).toMatchObject({
        name: 'Sunrise',
        about: [
          {
            en: 'Open every weekday since 2020.',
            es: 'Abierta todos los días laborables desde 2020.',
          },
        ],
      });
    });

    test('a weekly rule can be all day, and the week view shows what plays when, or that a rule changes nothing', async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      await page.goto('/');
      await openAdminByTouch(page);
      await tapSection(page, 'Schedule');
      const sunday = page.getByRole('row', { name: /^Sun/ });
      await expect(sunday).toContainText('00:00–24:00 Waiting room');

      // A rule that plays the playing playlist at its usual times changes nothing, and says so.
      await page.getByRole('button', { name: 'Add a weekly rule' }).tap();
      await expect(page.getByRole('status').filter({ hasText: 'changes nothing' })).toBeVisible();

      // Closed all Sunday: "All day", no times to puzzle over.
      const days = page.getByRole('group', { name: 'Days' });
      for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sun']) {
        await days.getByText(day, { exact: true }).tap();
      }
      await page.getByRole('checkbox', { name: 'All day' }).tap();
      await expect(page.getByLabel('From', { exact: true })).toHaveCount(0);
      await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Closed' });
      await expect(sunday).toContainText('00:00–24:00 Closed');
      await expect(page.getByRole('row', { name: /^Mon/ })).toContainText(
        '00:00–24:00 Waiting room',
      );
      await expect(page.getByRole('status').filter({ hasText: 'changes nothing' })).toHaveCount(0);
      await page.getByRole('button', { name: 'Done' }).tap();
      await expect(page.getByText('Sun, all day: Closed')).toBeVisible();
      await page.getByRole('button', { name: 'Save', exact: true }).tap();
      await expect
        .poll(() => main.readSettingsFile().schedule.weekly)
        .toEqual([
          expect.objectContaining({
            days: [0],
            start: '00:00',
            end: '00:00',
            target: { kind: 'closed' },
          }),
        ]);
    });
    test('the Spanish admin names the default playlist in Spanish when asking before its delete, and in its Undo', async ({
      appPage: page,
      baseURL,
    }) => {
      await installMainProcess(page, baseURL!, { pin: PIN });
      await page.goto('/');
      await openAdminByTouch(page);
      await adminInSpanish(page);
      await tapSection(page, 'Listas');
      await page.getByRole('button', { name: 'Nueva lista' }).tap();
      await page.getByRole('button', { name: 'Guardar', exact: true }).tap();
      await expect(page.getByRole('status').filter({ hasText: /^Guardad/ })).toBeVisible();
      await page.getByLabel('Lista que se edita').selectOption({ index: 0 });
      await page.getByRole('button', { name: 'Eliminar la lista' }).tap();
      const ask = page.getByRole('alertdialog');
      await expect(ask).toContainText('“Sala de espera” se muestra en la pantalla');
      await expect(ask).toContainText('“Nueva lista”');
      await expect(ask).not.toContainText('Waiting room');
      await ask.getByRole('button', { name: 'Sí, eliminarla' }).tap();
      const undo = page.getByRole('status').filter({
        has: page.getByRole('button', { name: 'Deshacer', exact: true }),
      });
      await expect(undo).toContainText('Se eliminó “Sala de espera” (aún sin guardar).');
    });

    test('the change log of a setup loaded and then undone reads in Spanish, field by field', async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      await page.goto('/');
      await openAdminByTouch(page);
      await tapSection(page, 'Setup files and undo');
      await page.getByRole('button', { name: 'Save a setup file to a drive' }).tap();
      await pickerEntry(page, 'CLINIC USB').tap();
      await page.getByRole('button', { name: 'Save here' }).tap();
      await expect(page.getByRole('status').filter({ hasText: 'Setup file saved' })).toBeVisible();
      const [written] = fs.readdirSync(main.usbDrive).filter((name) => name.endsWith('.zip'));
      main.store.save({ ...main.store.settings, idleTimeoutSeconds: 300 });

      await page.getByRole('button', { name: 'Load a setup file from a drive' }).tap();
      await pickerEntry(page, 'CLINIC USB').tap();
      await pickerEntry(page, written!).tap();
      await page.getByRole('button', { name: 'Yes, load it' }).tap();
      await expect(page.getByText('The setup was loaded.')).toBeVisible();
      await page.getByRole('button', { name: 'Undo: bring back the earlier setup' }).tap();
      await page.getByRole('button', { name: 'Yes, bring it back' }).tap();
      await expect(page.getByText('The earlier setup is back.')).toBeVisible();

      await adminInSpanish(page);
      await tapSection(page, 'Estado del quiosco');
      const log = page.locator('.admin-log').last();
      await expect(log.locator('li').filter({ hasText: 'Configuración cargada' })).toContainText(
        `Configuración cargada desde un archivo: ${written} (tiempo de inactividad)`,
      );
      await expect(log.locator('li').filter({ hasText: 'Configuración anterior' })).toHaveText(
        /Configuración anterior restaurada[^a-z]*$/,
      );
      await expect(log).not.toContainText(/previous|backup|idleTimeoutSeconds/);
    });

    test('a save main refuses for a reason the screen did not foresee is said in staff words', async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      await page.goto('/');
      await openAdminByTouch(page);
      await tapSection(page, 'Playlists');
      const name = page.getByLabel('Playlist name');
      await name.tap();
      await tapKeys(page, ['Clear field', 'Hide keyboard']);
      await page.getByRole('button', { name: 'Save', exact: true }).tap();
      await expect(page.getByText(/^Give the playlist a name/)).toBeVisible();
      await expect(page.locator('.admin')).not.toContainText(PROGRAMMER_WORDS);
      expect(main.readSettingsFile().playlists[0]!.name).toBe('Waiting room');
    });

    test('a picture gone from the kiosk is named in staff words when a save is refused', async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      // A picture slide (in no playlist, so nothing tries to show it) whose file has gone.
      const file = await importMedia(
        main,
        'Garden.png',
        fs.readFileSync(new URL('./media/garden.png', import.meta.url)),
      );
      main.store.save({
        ...main.store.settings,
        customSlides: [
          {
            id: 'custom-garden',
            kind: 'image',
            title: { en: 'Garden' },
            description: { en: 'A calm garden.' },
            file,
            sourceName: 'Garden.png',
            durationSeconds: null,
          },
        ],
      });
      fs.rmSync(path.join(main.mediaDirectory, file));
      await page.goto('/');
      await openAdminByTouch(page);
      await page.getByLabel('Show the progress bar under each slide').tap();
      await page.getByRole('button', { name: 'Save', exact: true }).tap();
      await expect(
        page.getByText(/A picture or video of the clinic’s slides is no longer on this kiosk/),
      ).toBeVisible();
      await expect(page.locator('.admin')).not.toContainText(PROGRAMMER_WORDS);
    });
  });
}
