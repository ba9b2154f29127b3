import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { IpcChannel } from '../../contract';
import { axeViolations, expect, test } from './fixtures';
import { addTextSlide, installMainProcess, type MainProcess } from './mainProcess';
import { PIN } from './adminSteps';
import { keyboard, openAdminByTouch, tapKeys, tapSection, TOUCH_SIZES } from './staffTouch';

/**
 * Issue 20, "work must not be lost", for the forms the first round left out: a slide form open
 * while the list beside it is used, a schedule rule not yet "Done", the review, PIN and Screens
 * forms, and Back while a picture is still being copied. By touch, at both sizes.
 */
const MEDIA = new URL('./media/', import.meta.url);
const fixture = (name: string) => fs.readFileSync(new URL(name, MEDIA));
const leaveDialog = (page: Page) => page.getByRole('alertdialog', { name: 'Save changes?' });
const pickerEntry = (page: Page, name: string) =>
  page.locator('.media-picker__entry').filter({ hasText: name });
/** The kiosk's media files (not the hidden ones: copies under way, files held for Undo). */
const mediaFiles = (main: MainProcess) =>
  fs.readdirSync(main.mediaDirectory).filter((name) => !name.startsWith('.'));
const status = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text });

/** Main's answers to imports held back until `release` (the copy itself is done by then). */
function holdImports(main: MainProcess) {
  const table = (
    main.services.ipc as unknown as {
      invoke: Record<string, (...args: unknown[]) => Promise<unknown>>;
    }
  ).invoke;
  const original = table[IpcChannel.adminMediaImport]!;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let answered = 0;
  table[IpcChannel.adminMediaImport] = async (...args) => {
    const answer = await original(...args);
    answered += 1;
    await gate;
    return answer;
  };
  return {
    /** Copies finished in main, their answers not yet given to the page. */
    copied: () => answered,
    release: () => {
      table[IpcChannel.adminMediaImport] = original;
      open();
    },
  };
}

for (const size of TOUCH_SIZES) {
  test.describe(`by touch at ${size.name}`, () => {
    test.use({
      hasTouch: true,
      viewport: { width: size.width, height: size.height },
      actionTimeout: 5000,
    });

    test('Edit and Delete in the slide list ask before an open form with changes is dropped', async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      addTextSlide(main, 'custom-parking', 'Parking');
      addTextSlide(main, 'custom-hours', 'Hours');
      await page.goto('/');
      await openAdminByTouch(page);
      await tapSection(page, "Clinic's slides");
      const title = page.getByLabel('Title in English');

      // Edit another slide while this one has changes: asked, and "Keep editing" keeps them.
      await page.getByRole('button', { name: 'Edit “Parking”' }).tap();
      await title.tap();
      await tapKeys(page, ['x']);
      await page.getByRole('button', { name: 'Edit “Hours”' }).tap();
      await expect(leaveDialog(page)).toBeVisible();
      expect(await axeViolations(page), 'asked in the slide list').toEqual([]);
      await leaveDialog(page).getByRole('button', { name: 'Keep editing' }).tap();
      await expect(title).toHaveValue('Parkingx');
      // "Save" saves them, then opens the other slide.
      await page.getByRole('button', { name: 'Edit “Hours”' }).tap();
      await leaveDialog(page).getByRole('button', { name: 'Save', exact: true }).tap();
      await expect(title).toHaveValue('Hours');
      expect(main.readSettingsFile().customSlides.map((slide) => slide.title.en)).toEqual([
        'Parkingx',
        'Hours',
      ]);

      // Delete with changes open: asked; "Discard" drops them, then the delete goes on.
      await title.tap();
      await tapKeys(page, ['y']);
      await page.getByRole('button', { name: 'Delete “Parkingx”' }).tap();
      await leaveDialog(page).getByRole('button', { name: 'Discard' }).tap();
      await expect(title).toHaveCount(0);
      await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, delete it' }).tap();
      await expect(status(page, 'Slide deleted.')).toBeVisible();
      expect(main.readSettingsFile().customSlides.map((slide) => slide.title.en)).toEqual([
        'Hours',
      ]);
    });

    test('Undo of a slide delete keeps a new picture form open, and its copy', async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      addTextSlide(main, 'custom-parking', 'Parking');
      fs.writeFileSync(path.join(main.usbDrive, 'Garden_photo.png'), fixture('garden.png'));
      await page.clock.install();
      await page.goto('/');
      await openAdminByTouch(page);
      // From here time stands still, so the 10-second Undo waits for the test.
      await page.clock.pauseAt(Date.now() + 1000);
      await tapSection(page, "Clinic's slides");
      await page.getByRole('button', { name: 'Delete “Parking”' }).tap();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, delete it' }).tap();
      await expect(status(page, 'Slide deleted.')).toBeVisible();

      await page.getByRole('button', { name: 'New picture slide' }).tap();
      await pickerEntry(page, 'CLINIC USB').tap();
      await pickerEntry(page, 'Garden_photo.png').tap();
      const title = page.getByLabel('Title in English');
      await title.tap();
      await tapKeys(page, ['g', 'a', 'r', 'd', 'e', 'n']);
      await keyboard(page).getByRole('button', { name: 'Hide keyboard' }).tap();
      await page.getByRole('button', { name: 'Undo', exact: true }).tap();
      await expect(page.getByRole('button', { name: 'Edit “Parking”' })).toBeVisible();
      await expect(title).toHaveValue('garden');
      expect(mediaFiles(main)).toHaveLength(1);
      await page.getByRole('button', { name: 'Cancel' }).tap();
      await expect(status(page, 'The copied picture was removed')).toBeVisible();
      expect(mediaFiles(main)).toEqual([]);
    });

    test('a schedule rule not yet "Done" counts as unsaved: leaving asks, and Save keeps it', async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      await page.goto('/');
      await openAdminByTouch(page);
      await tapSection(page, 'Schedule');
      await page.getByRole('button', { name: 'Add a weekly rule' }).tap();
      await page.getByRole('group', { name: 'Days' }).getByText('Sat', { exact: true }).tap();
      await expect(page.getByText('You have changes that are not saved.')).toBeVisible();
      await tapSection(page, 'Playlists');
      await expect(leaveDialog(page)).toBeVisible();
      await leaveDialog(page).getByRole('button', { name: 'Save', exact: true }).tap();
      await expect(page.getByRole('heading', { name: 'Playlists' })).toBeVisible();
      expect(main.readSettingsFile().schedule.weekly).toEqual([
        expect.objectContaining({ days: [1, 2, 3, 4, 5, 6], start: '08:00', end: '18:00' }),
      ]);

      // A saved rule opened and changed: Back asks too; Discard leaves it as saved.
      await tapSection(page, 'Schedule');
      await page.getByRole('button', { name: /^Edit the rule/ }).tap();
      await page.getByRole('group', { name: 'Days' }).getByText('Sun', { exact: true }).tap();
      // Meanwhile the list waits: another Edit or a Delete would drop the open rule.
      await expect(page.getByRole('button', { name: /^Delete the rule/ })).toBeDisabled();
      await page.getByRole('button', { name: 'Back to slides' }).tap();
      await leaveDialog(page).getByRole('button', { name: 'Discard' }).tap();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      expect(main.readSettingsFile().schedule.weekly[0]!.days).toEqual([1, 2, 3, 4, 5, 6]);
    });

    test('the review, PIN and Screens forms ask before what was typed is dropped', async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      await page.goto('/');
      await openAdminByTouch(page);

      await tapSection(page, 'Clinical review');
      const reviewer = page.getByLabel("Reviewing clinician's name");
      await reviewer.tap();
      await tapKeys(page, ['Shift', 'A', 'n', 'a']);
      await tapSection(page, 'PIN and exit');
      await expect(leaveDialog(page)).toBeVisible();
      await leaveDialog(page).getByRole('button', { name: 'Keep editing' }).tap();
      await expect(reviewer).toHaveValue('Ana');
      await tapSection(page, 'PIN and exit');
      await leaveDialog(page).getByRole('button', { name: 'Discard' }).tap();
      await expect(page.getByRole('heading', { name: 'Change the staff PIN' })).toBeVisible();
      expect(main.readSettingsFile().contentReviews).toEqual([]);

      // The PIN typed twice: "Save" changes it.
      for (const [label, digits] of [
        ['Current PIN', PIN],
        ['New PIN (4 to 8 digits)', '13579'],
        ['New PIN again', '13579'],
      ] as const) {
        await page.getByLabel(label).tap();
        await tapKeys(page, [...digits]);
      }
      await tapSection(page, 'Screens');
      await leaveDialog(page).getByRole('button', { name: 'Save', exact: true }).tap();
      await expect(page.getByRole('heading', { name: 'Screens' })).toBeVisible();
      expect((await main.pin.verify('13579')).ok).toBe(true);

      // Screens: the name typed for this screen, before the fleet is started.
      const name = page.getByLabel("This screen's name");
      await name.tap();
      await tapKeys(page, ['Clear field', 'f', 'r', 'o', 'n', 't']);
      await page.getByRole('button', { name: 'Back to slides' }).tap();
      // Nothing to save from here (Start or Join uses it): Discard or Keep editing.
      const ask = page.getByRole('alertdialog', { name: 'Discard what you typed?' });
      await expect(ask).toContainText('used only when you start or join a fleet');
      await expect(ask.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
      expect(await axeViolations(page), 'asked on Screens').toEqual([]);
      await ask.getByRole('button', { name: 'Keep editing' }).tap();
      await expect(name).toHaveValue('front');
    });

    test('Back while a picture is still being copied: Discard waits for the copy, removes it, and says so', async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      fs.writeFileSync(path.join(main.usbDrive, 'Garden_photo.png'), fixture('garden.png'));
      await page.goto('/');
      await openAdminByTouch(page);
      await tapSection(page, "Clinic's slides");
      const held = holdImports(main);
      await page.getByRole('button', { name: 'New picture slide' }).tap();
      await pickerEntry(page, 'CLINIC USB').tap();
      await pickerEntry(page, 'Garden_photo.png').tap();
      await expect.poll(held.copied).toBe(1);
      expect(mediaFiles(main)).toHaveLength(1);
      await tapSection(page, 'Playlists');
      await expect(leaveDialog(page)).toContainText('The picture copied for this slide');
      await leaveDialog(page).getByRole('button', { name: 'Discard' }).tap();
      held.release();
      await expect(page.getByRole('heading', { name: 'Playlists' })).toBeVisible();
      await expect(status(page, 'The copied picture was removed')).toBeVisible();
      expect(mediaFiles(main)).toEqual([]);
      expect(main.readSettingsFile().customSlides).toEqual([]);
    });

    test('Back while captions are still being copied for a new video: both copies go, and it says so first', async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      fs.writeFileSync(path.join(main.usbDrive, 'welcome.webm'), fixture('welcome-clip.webm'));
      fs.writeFileSync(path.join(main.usbDrive, 'welcome.vtt'), fixture('welcome-clip.vtt'));
      await page.goto('/');
      await openAdminByTouch(page);
      await tapSection(page, "Clinic's slides");
      await page.getByRole('button', { name: 'New video slide' }).tap();
      await pickerEntry(page, 'CLINIC USB').tap();
      await pickerEntry(page, 'welcome.webm').tap();
      await expect(page.getByText('Video file: welcome.webm')).toBeVisible();
      const held = holdImports(main);
      await page.getByRole('button', { name: 'Add captions (.vtt file)' }).tap();
      await pickerEntry(page, 'CLINIC USB').tap();
      await pickerEntry(page, 'welcome.vtt').tap();
      await expect.poll(held.copied).toBe(1);
      expect(mediaFiles(main)).toHaveLength(2);
      await tapSection(page, 'Playlists');
      await expect(leaveDialog(page)).toContainText('The video copied for this slide');
      await leaveDialog(page).getByRole('button', { name: 'Discard' }).tap();
      held.release();
      await expect(page.getByRole('heading', { name: 'Playlists' })).toBeVisible();
      await expect(status(page, 'The copied video was removed')).toBeVisible();
      expect(mediaFiles(main)).toEqual([]);
    });
  });
}
