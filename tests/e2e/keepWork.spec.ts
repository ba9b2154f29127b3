import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { axeViolations, expect, screenshotPath, test } from './fixtures';
import { addTextSlide, installMainProcess } from './mainProcess';
import { openAdmin, PIN, section } from './adminSteps';

/**
 * Issue 20, "work must not be lost": staff at the kiosk by touch, with the on-screen keyboard
 * up. Every step here is a tap (touch events, as a touchscreen sends them), never a mouse click.
 */
test.use({ hasTouch: true });

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

const keyboard = (page: Page) => page.getByRole('group', { name: 'On-screen keyboard' });
/** The keyboard in either language. */
const keys = (page: Page) => page.locator('.osk');
const savedStatus = (page: Page, text: string | RegExp = /^Saved\./) =>
  page.getByRole('status').filter({ hasText: text });
const leaveDialog = (page: Page) => page.getByRole('alertdialog', { name: 'Save changes?' });

/** Taps `text` out on the on-screen keyboard, one key at a time. */
async function tapKeys(page: Page, text: string): Promise<void> {
  for (const character of text) {
    await keys(page).getByRole('button', { name: character, exact: true }).tap();
  }
}

/** Whole inside the window and above the on-screen keyboard (when it is up). */
async function inViewAboveKeyboard(page: Page, target: Locator): Promise<string | null> {
  const box = await target.boundingBox();
  if (!box) return 'not shown';
  const top = await page.evaluate(
    () => document.querySelector('.osk')?.getBoundingClientRect().top ?? window.innerHeight,
  );
  const size = page.viewportSize()!;
  if (box.y < 0 || box.x < 0 || box.x + box.width > size.width) return `outside: ${box.y}`;
  if (box.y + box.height > top + 1) return `under the keyboard: ${box.y + box.height} > ${top}`;
  // Not hidden behind something else (the sticky bar, a dialog).
  const uncovered = await target.evaluate(
    (element, [x, y]) => {
      const there = document.elementFromPoint(x!, y!);
      return !!there && element.contains(there);
    },
    [box.x + box.width / 2, box.y + Math.min(box.height / 2, 20)],
  );
  return uncovered ? null : 'covered by something else';
}

/** With SCREENSHOTS set: a picture of the page as it is, to look at (test-results/look/). */
async function look(page: Page, name: string): Promise<void> {
  if (!process.env['SCREENSHOTS']) return;
  const size = page.viewportSize()!;
  await page.screenshot({ path: screenshotPath(`${name}-${size.width}x${size.height}`) });
}

async function start(page: Page, baseURL: string, size: { width: number; height: number }) {
  const main = await installMainProcess(page, baseURL, { pin: PIN });
  await page.setViewportSize(size);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await openAdmin(page);
  return main;
}

for (const size of SIZES) {
  const at = `${size.width}x${size.height}`;

  test.describe(`by touch at ${at}`, () => {
    test(`1. one tap on Save saves with the keyboard up, 20 times in a row (Clinic details) ${at}`, async ({
      appPage: page,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const main = await start(page, baseURL!, size);
      await section(page, 'Clinic details').tap();
      const name = page.getByLabel('Clinic name');
      for (let round = 1; round <= 20; round += 1) {
        await name.tap();
        await expect(keyboard(page)).toBeVisible();
        await tapKeys(page, String(round % 10));
        await expect(page.getByText('You have changes that are not saved.')).toBeVisible();
        await page.getByRole('button', { name: 'Save', exact: true }).tap();
        await expect(savedStatus(page), `round ${round}`).toBeVisible();
        expect(main.readSettingsFile().clinic.name, `round ${round}`).toBe(await name.inputValue());
      }
    });

    test(`1. one tap on Save saves with the keyboard up (slide form, Playlists) ${at}`, async ({
      appPage: page,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const main = await start(page, baseURL!, size);
      await section(page, "Clinic's slides").tap();
      for (let round = 1; round <= 5; round += 1) {
        await page.getByRole('button', { name: 'New text slide' }).tap();
        await page.getByLabel('Title in English').tap();
        await tapKeys(page, `park${round}`);
        await page.getByLabel(/Text in English/).tap();
        await tapKeys(page, 'free');
        await expect(keyboard(page)).toBeVisible();
        await page.getByRole('button', { name: 'Save slide' }).tap();
        await expect(savedStatus(page, 'Slide saved.'), `slide ${round}`).toBeVisible();
        expect(main.readSettingsFile().customSlides).toHaveLength(round);
      }

      await section(page, 'Playlists').tap();
      for (let round = 1; round <= 5; round += 1) {
        await page.getByLabel('Playlist name').tap();
        await tapKeys(page, 'x');
        await expect(keyboard(page)).toBeVisible();
        await page.getByRole('button', { name: 'Save', exact: true }).tap();
        await expect(savedStatus(page), `playlist ${round}`).toBeVisible();
        expect(main.readSettingsFile().playlists[0]!.name).toBe(`Waiting room${'x'.repeat(round)}`);
      }
    });

    test(`2. leaving with unsaved changes asks: keep editing, discard, save ${at}`, async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await start(page, baseURL!, size);
      await section(page, 'Clinic details').tap();
      const name = page.getByLabel('Clinic name');
      await name.tap();
      await tapKeys(page, 'q');
      // Back to slides: asked, and "Keep editing" keeps everything as it was.
      await page.getByRole('button', { name: 'Back to slides' }).tap();
      await expect(leaveDialog(page)).toBeVisible();
      expect(await axeViolations(page), 'leave dialog').toEqual([]);
      await look(page, 'leave-dialog');
      await leaveDialog(page).getByRole('button', { name: 'Keep editing' }).tap();
      await expect(leaveDialog(page)).toHaveCount(0);
      await expect(name).toHaveValue('Ken Starr MD Wellness Groupq');
      // Another section: "Save" saves, then goes there.
      await section(page, 'Playlists').tap();
      await leaveDialog(page).getByRole('button', { name: 'Save', exact: true }).tap();
      await expect(page.getByRole('heading', { name: 'Playlists' })).toBeVisible();
      expect(main.readSettingsFile().clinic.name).toBe('Ken Starr MD Wellness Groupq');
      // "Discard" drops the change and leaves.
      await page.getByLabel('Playlist name').tap();
      await tapKeys(page, 'z');
      await page.getByRole('button', { name: 'Back to slides' }).tap();
      await leaveDialog(page).getByRole('button', { name: 'Discard' }).tap();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      expect(main.readSettingsFile().playlists[0]!.name).toBe('Waiting room');
    });

    test(`2. the 2-minute auto-leave saves what can be saved and keeps what cannot ${at}`, async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      await page.clock.install({ time: new Date('2026-03-02T09:00:00') });
      await page.setViewportSize(size);
      await page.goto('/');
      await openAdmin(page);
      await section(page, 'Clinic details').tap();
      await page.getByLabel('Clinic name').tap();
      await tapKeys(page, 'w');
      await page.clock.runFor(101_000);
      // The idle warning (a new clinic name also asks about the built-in about text).
      const warning = page.getByRole('alertdialog', { name: /No one has touched/ });
      await expect(warning).toContainText('Your changes will be saved');
      await page.clock.runFor(25_000);
      await expect(page.locator('.player')).toBeVisible();
      await expect
        .poll(() => main.readSettingsFile().clinic.name)
        .toBe('Ken Starr MD Wellness Groupw');

      // A change main would refuse (no crisis line) is kept, and offered back on return.
      await openAdmin(page);
      await section(page, 'Clinic details').tap();
      const crisis = page.getByLabel(/Crisis line in English/);
      await crisis.fill('');
      await page.getByLabel('Location').tap();
      await tapKeys(page, 'k');
      await page.clock.runFor(101_000);
      await expect(warning).toContainText('cannot be saved yet');
      await expect(warning).toContainText('kept');
      await page.clock.runFor(25_000);
      await expect(page.locator('.player')).toBeVisible();
      expect(main.readSettingsFile().clinic.location).not.toMatch(/k$/);
      await openAdmin(page);
      const offer = page.getByRole('region', { name: 'Changes kept from before' });
      await expect(offer).toBeVisible();
      await expect(page.getByLabel('Location')).toHaveValue(/k$/);
      await expect(page.getByLabel(/Crisis line in English/)).toHaveValue('');
      expect(await axeViolations(page), 'kept changes').toEqual([]);
      await look(page, 'kept-changes');
      await offer.getByRole('button', { name: 'Discard them' }).tap();
      await expect(page.getByLabel('Location')).not.toHaveValue(/k$/);
    });

    test(`3. the focused field and Save stay above the keyboard ${at}`, async ({
      appPage: page,
      baseURL,
    }) => {
      await start(page, baseURL!, size);
      await section(page, 'Clinic details').tap();
      const save = page.getByRole('button', { name: 'Save', exact: true });
      for (const label of ['Clinic name', /Web address/, /Crisis line in Spanish/]) {
        const field = page.getByLabel(label);
        await field.tap();
        await expect(keyboard(page)).toBeVisible();
        expect(await inViewAboveKeyboard(page, field), `${String(label)}`).toBeNull();
        expect(await inViewAboveKeyboard(page, save), `Save, ${String(label)}`).toBeNull();
      }
      await section(page, "Clinic's slides").tap();
      await page.getByRole('button', { name: 'New text slide' }).tap();
      const saveSlide = page.getByRole('button', { name: 'Save slide' });
      for (const label of ['Title in English', /Text in Spanish/, /Stops showing on/]) {
        const field = page.getByLabel(label).first();
        await field.tap();
        await expect(keyboard(page)).toBeVisible();
        expect(await inViewAboveKeyboard(page, field), `${String(label)}`).toBeNull();
        expect(await inViewAboveKeyboard(page, saveSlide), `Save slide`).toBeNull();
      }
      await page.getByRole('button', { name: 'Cancel' }).tap();
      // Playlists: Save below two dozen rows stays reachable without scrolling.
      await section(page, 'Playlists').tap();
      await page.getByLabel('Playlist name').tap();
      await expect(keyboard(page)).toBeVisible();
      expect(await inViewAboveKeyboard(page, save), 'Playlists Save').toBeNull();
    });

    test(`4. deletes that change what patients see ask first, and every delete can be undone ${at}`, async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      addTextSlide(main, 'custom-parking', 'Parking');
      await page.setViewportSize(size);
      await page.goto('/');
      await openAdmin(page);
      // The playing playlist.
      await section(page, 'Playlists').tap();
      await page.getByRole('button', { name: 'New playlist' }).tap();
      await page.getByRole('button', { name: 'Save', exact: true }).tap();
      await expect(savedStatus(page)).toBeVisible();
      await page.getByLabel('Playlist to edit').selectOption({ index: 0 });
      await page.getByRole('button', { name: 'Delete playlist' }).tap();
      const confirm = page.getByRole('alertdialog');
      await expect(confirm).toContainText('is playing');
      expect(await axeViolations(page), 'delete playlist confirm').toEqual([]);
      await look(page, 'delete-playlist-confirm');
      await confirm.getByRole('button', { name: 'No, keep it' }).tap();
      await expect(page.getByLabel('Playlist to edit')).toContainText('Waiting room');
      await page.getByRole('button', { name: 'Delete playlist' }).tap();
      await confirm.getByRole('button', { name: 'Yes, delete it' }).tap();
      const undo = page.getByRole('button', { name: 'Undo', exact: true });
      await expect(undo).toBeVisible();
      expect(await axeViolations(page), 'undo').toEqual([]);
      await look(page, 'delete-playlist-undo');
      await undo.tap();
      await expect(page.getByLabel('Playlist to edit').locator('option')).toHaveText([
        /Waiting room/,
        /New playlist/,
      ]);
      await expect(page.getByText('You have changes that are not saved.')).toHaveCount(0);
      // A playlist nobody sees goes at once, with Undo.
      await page.getByLabel('Playlist to edit').selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Delete playlist' }).tap();
      await expect(page.getByRole('alertdialog')).toHaveCount(0);
      await expect(undo).toBeVisible();
      await page.getByRole('button', { name: 'Save', exact: true }).tap();
      await expect(savedStatus(page)).toBeVisible();
      expect(main.readSettingsFile().playlists.map((playlist) => playlist.name)).toEqual([
        'Waiting room',
      ]);

      // A clinic slide the playing playlist shows.
      await section(page, "Clinic's slides").tap();
      await page.getByRole('button', { name: 'Delete “Parking”' }).tap();
      await expect(confirm).toContainText('Parking');
      await confirm.getByRole('button', { name: 'Yes, delete it' }).tap();
      await expect(savedStatus(page, 'Slide deleted.')).toBeVisible();
      expect(main.readSettingsFile().customSlides).toEqual([]);
      await page.getByRole('button', { name: 'Undo', exact: true }).tap();
      await expect(page.getByRole('button', { name: 'Delete “Parking”' })).toBeVisible();
      const back = main.readSettingsFile();
      expect(back.customSlides.map((slide) => slide.id)).toEqual(['custom-parking']);
      expect(back.playlists[0]!.entries.at(-1)!.slideId).toBe('custom-parking');
    });

    test(`5. Back after a picture was copied removes the copy, and says so ${at}`, async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      fs.writeFileSync(
        path.join(main.usbDrive, 'Garden_photo.png'),
        fs.readFileSync(new URL('./media/garden.png', import.meta.url)),
      );
      const media = () =>
        fs.readdirSync(main.mediaDirectory).filter((name) => !name.startsWith('.'));
      await page.setViewportSize(size);
      await page.goto('/');
      await openAdmin(page);
      await section(page, "Clinic's slides").tap();
      const pick = async () => {
        await page.getByRole('button', { name: 'New picture slide' }).tap();
        await page.locator('.media-picker__entry').filter({ hasText: 'CLINIC USB' }).tap();
        await page.locator('.media-picker__entry').filter({ hasText: 'Garden_photo.png' }).tap();
        await expect(page.getByLabel('Title in English')).toBeVisible();
        expect(media()).toHaveLength(1);
        // Staff see the copied picture before they go back (its request must not race the
        // removal: a file removed before it was asked for answers 404, which fails the test).
        await expect
          .poll(() =>
            page
              .locator('.media-preview img')
              .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
          )
          .toBe(true);
      };
      // Cancel on the form.
      await pick();
      await page.getByRole('button', { name: 'Cancel' }).tap();
      await expect(page.getByText('The copied picture was removed')).toBeVisible();
      expect(media()).toEqual([]);
      // Back to slides: asked, told what Discard does, and the copy goes.
      await pick();
      await page.getByRole('button', { name: 'Back to slides' }).tap();
      await expect(leaveDialog(page)).toContainText('The picture copied for this slide');
      await look(page, 'leave-dialog-picture');
      await leaveDialog(page).getByRole('button', { name: 'Discard' }).tap();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect.poll(media).toEqual([]);
      expect(main.readSettingsFile().customSlides).toEqual([]);
    });

    test(`6. a refused save speaks plainly, next to what is wrong, in view; nothing unsaved looks saved ${at}`, async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await start(page, baseURL!, size);
      await section(page, 'Playlists').tap();
      await page.getByRole('button', { name: 'New playlist' }).tap();
      await page.getByRole('button', { name: 'Play this playlist' }).tap();
      // Not saved yet: it does not say it is playing.
      await expect(page.getByText('This playlist is playing.')).toHaveCount(0);
      await expect(page.getByText('plays once you save')).toBeVisible();
      await expect(
        page.getByLabel('Playlist to edit').locator('option', { hasText: '(playing)' }),
      ).toHaveText('Waiting room (playing)');
      for (const row of await page.locator('.playlist__entry').all()) {
        await row.getByRole('checkbox').tap();
        const yes = row.getByRole('button', { name: 'Yes, switch it off' });
        if (await yes.isVisible()) await yes.tap();
      }
      await page.getByRole('button', { name: 'Save', exact: true }).tap();
      const plain = page
        .locator('.playlist__problem')
        .getByText('Turn on at least one slide before this playlist can play.');
      await expect(plain).toBeVisible();
      await look(page, 'playlist-refused');
      expect(await inViewAboveKeyboard(page, plain)).toBeNull();
      await expect(page.getByText(/defaultPlaylistId|That was not accepted/)).toHaveCount(0);
      expect(main.readSettingsFile().defaultPlaylistId).toBe('waiting-room');
    });
  });
}

test('the new dialogs read in Spanish and pass axe', async ({ appPage: page, baseURL }) => {
  const main = await installMainProcess(page, baseURL!, { pin: PIN });
  addTextSlide(main, 'custom-parking', 'Parking');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await openAdmin(page);
  await page.getByRole('button', { name: 'Cambiar la pantalla de administración a español' }).tap();
  await section(page, 'Datos de la clínica').tap();
  await page.getByLabel('Nombre de la clínica').tap();
  await tapKeys(page, 'q');
  await page.getByRole('button', { name: 'Volver a las diapositivas' }).tap();
  const ask = page.getByRole('alertdialog', { name: '¿Guardar los cambios?' });
  await expect(ask).toBeVisible();
  expect(await axeViolations(page), 'leave dialog es').toEqual([]);
  await ask.getByRole('button', { name: 'Descartar' }).tap();
  await openAdmin(page);
  await page.getByRole('button', { name: 'Cambiar la pantalla de administración a español' }).tap();
  await section(page, 'Diapositivas de la clínica').tap();
  await page.getByRole('button', { name: 'Eliminar “Parking”' }).tap();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  expect(await axeViolations(page), 'delete confirm es').toEqual([]);
  await page.getByRole('button', { name: 'Sí, eliminarla' }).tap();
  await expect(page.getByRole('button', { name: 'Deshacer', exact: true })).toBeVisible();
  expect(await axeViolations(page), 'undo es').toEqual([]);
});

// The changed screens with the keyboard up, at three sizes: Save in view, nothing off screen.
for (const size of [...SIZES, { width: 1080, height: 1920 }]) {
  test(`screens with the keyboard up keep Save in view, ${size.width}x${size.height}`, async ({
    appPage: page,
    baseURL,
  }) => {
    await start(page, baseURL!, size);
    const shots: [string, () => Promise<Locator>][] = [
      [
        'clinic-details',
        async () => {
          await section(page, 'Clinic details').tap();
          await page.getByLabel(/Crisis line in Spanish/).tap();
          return page.getByRole('button', { name: 'Save', exact: true });
        },
      ],
      [
        'slide-form',
        async () => {
          await section(page, "Clinic's slides").tap();
          await page.getByRole('button', { name: 'New text slide' }).tap();
          await page.getByLabel(/Text in English/).tap();
          return page.getByRole('button', { name: 'Save slide' });
        },
      ],
      [
        'playlists',
        async () => {
          await section(page, 'Playlists').tap();
          await page.getByLabel('Playlist name').tap();
          return page.getByRole('button', { name: 'Save', exact: true });
        },
      ],
    ];
    for (const [name, open] of shots) {
      const save = await open();
      await expect(keyboard(page)).toBeVisible();
      expect(await inViewAboveKeyboard(page, save), name).toBeNull();
      if (process.env['SCREENSHOTS']) {
        await page.screenshot({
          path: screenshotPath(`keyboard-${name}-${size.width}x${size.height}`),
        });
      }
    }
  });
}
