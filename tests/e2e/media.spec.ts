import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { CustomSlide } from '../../contract';
import { adminLayoutProblems, openAdmin, section } from './adminSteps';
import {
  axeViolations,
  expect,
  findLayoutProblems,
  goToSlide,
  screenshotPath,
  test,
  VIEWPORTS,
} from './fixtures';
import { addClinicSlide, installMainProcess } from './mainProcess';

const MEDIA = new URL('./media/', import.meta.url);
const fixture = (name: string) => fs.readFileSync(new URL(name, MEDIA));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Taps an entry of the in-app picker (a drive, a folder or a file) by its name. */
const pickerEntry = (page: Page, name: string) =>
  page.locator('.media-picker__entry').filter({ hasText: name });

/** A file that passes the import checks (a WebM, whole) but holds nothing a player can decode. */
function undecodableWebm(): Buffer {
  const docType = Buffer.from([0x42, 0x82, 0x84, ...Buffer.from('webm')]);
  const header = Buffer.concat([
    Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | docType.length]),
    docType,
  ]);
  const body = Buffer.alloc(4096, 0x5a);
  const size = Buffer.from([0x01, 0, 0, 0, 0, 0, (body.length >> 8) & 0xff, body.length & 0xff]);
  return Buffer.concat([header, Buffer.from([0x18, 0x53, 0x80, 0x67]), size, body]);
}

for (const viewport of VIEWPORTS) {
  test(`a picture and a captioned video fit ${viewport.name}, in both languages, and pass axe`, async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!);
    await addClinicSlide(main, fixture('garden.png'), {
      id: 'custom-garden',
      kind: 'image',
      title: 'Our waiting room garden',
    });
    await addClinicSlide(main, fixture('welcome-clip.webm'), {
      id: 'custom-welcome',
      kind: 'video',
      title: 'A welcome from the team',
      captions: fixture('welcome-clip.vtt'),
    });
    // A tall, small picture (360x720), as a phone takes them.
    await addClinicSlide(main, fixture('tall-poster.png'), {
      id: 'custom-tall',
      kind: 'image',
      title: 'This week at the clinic',
    });
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/');
    for (const language of ['en', 'es'] as const) {
      if (language === 'es') await page.getByRole('button', { name: 'Español' }).click();
      for (const [index, id] of ['custom-tall', 'custom-welcome', 'custom-garden'].entries()) {
        await goToSlide(page, index);
        const current = page.locator('.carousel__slide.is-current');
        await expect(current).toHaveAttribute('data-slide-id', id);
        await expect
          .poll(() =>
            current
              .locator('img, video')
              .evaluate((element) =>
                element instanceof HTMLImageElement
                  ? element.complete && element.naturalWidth > 0
                  : (element as HTMLVideoElement).readyState >= 2,
              ),
          )
          .toBe(true);
        expect(await findLayoutProblems(page), `${id} ${language}`).toEqual([]);
        expect(await axeViolations(page), `${id} ${language}`).toEqual([]);
        // The media box is the picture drawn in it (no empty band: captions, drawn at the
        // bottom of a video's box, sit on the video) and as large as the space allows.
        const shape = () =>
          current.locator('img, video').evaluate((element) => {
            const box = element.getBoundingClientRect();
            const space = element.parentElement!.getBoundingClientRect();
            const [width, height] =
              element instanceof HTMLImageElement
                ? [element.naturalWidth, element.naturalHeight]
                : [
                    (element as HTMLVideoElement).videoWidth,
                    (element as HTMLVideoElement).videoHeight,
                  ];
            const ratio = width / height;
            // Whole pixels of box with no picture in them, across and down.
            return {
              emptyWidth: Math.floor(box.width - Math.min(box.width, box.height * ratio)),
              emptyHeight: Math.floor(box.height - Math.min(box.height, box.width / ratio)),
              fillsSpace: box.width >= space.width - 1 || box.height >= space.height - 1,
            };
          });
        // Polled: the box takes the file's shape once the file has told its size.
        await expect
          .poll(shape, { message: `${id} ${language}` })
          .toEqual({ emptyWidth: 0, emptyHeight: 0, fillsSpace: true });
        if (process.env['SCREENSHOTS'] && language === 'en') {
          await page.screenshot({
            path: screenshotPath(
              `${id.replace('custom-', 'clinic-')}-${viewport.width}x${viewport.height}`,
            ),
          });
        }
      }
    }
  });
}

for (const viewport of VIEWPORTS) {
  test(`the picker, a video slide's form and the setup screen fit ${viewport.name}`, async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: '2468' });
    await addClinicSlide(main, fixture('welcome-clip.webm'), {
      id: 'custom-welcome',
      kind: 'video',
      title: 'Welcome',
    });
    fs.mkdirSync(path.join(main.usbDrive, 'waiting room'));
    fs.writeFileSync(path.join(main.usbDrive, 'waiting room', 'garden.png'), fixture('garden.png'));
    fs.writeFileSync(
      path.join(
        main.usbDrive,
        'waiting room',
        'a rather long file name for the welcome video.webm',
      ),
      fixture('welcome-clip.webm'),
    );
    fs.writeFileSync(path.join(main.usbDrive, 'waiting room', 'notes.txt'), 'hello');
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto('/');
    await openAdmin(page);
    const size = `${viewport.width}x${viewport.height}`;
    const look = async (name: string) => {
      expect(await adminLayoutProblems(page), name).toEqual([]);
      expect(await axeViolations(page), name).toEqual([]);
      if (process.env['SCREENSHOTS']) {
        await page.screenshot({ path: screenshotPath(`admin-${name}-${size}`) });
      }
    };
    await section(page, "Clinic's slides").click();
    await page.getByRole('button', { name: 'New picture slide' }).click();
    await look('picker-drives');
    await pickerEntry(page, 'CLINIC USB').click();
    await pickerEntry(page, 'waiting room').click();
    await look('picker-folder');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Edit “Welcome”' }).click();
    await look('video-slide');
    await section(page, 'Setup files and undo').click();
    await look('backup-and-transfer');
  });
}

test.describe('pictures and videos', () => {
  test('a picture from the USB drive, checked by its content, becomes a slide the player shows', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: '2468' });
    const picture = fixture('garden.png');
    fs.mkdirSync(path.join(main.usbDrive, 'clinic photos'));
    fs.writeFileSync(path.join(main.usbDrive, 'clinic photos', 'Garden_photo.png'), picture);
    // Named like a picture, but text inside: refused by content.
    fs.writeFileSync(path.join(main.usbDrive, 'clinic photos', 'poster.png'), 'not a picture');
    fs.writeFileSync(path.join(main.usbDrive, '.hidden.png'), picture);
    await page.goto('/');
    await openAdmin(page);
    await section(page, "Clinic's slides").click();
    await page.getByRole('button', { name: 'New picture slide' }).click();

    await pickerEntry(page, 'CLINIC USB').click();
    await expect(page.locator('.media-picker__trail')).toHaveText(/CLINIC USB/);
    await expect(pickerEntry(page, '.hidden.png')).toHaveCount(0);
    await pickerEntry(page, 'clinic photos').click();
    await pickerEntry(page, 'poster.png').click();
    await expect(
      page.getByRole('status').filter({ hasText: 'That file was not taken' }),
    ).toHaveText(/not a picture or video the kiosk can show/);
    await page.getByRole('button', { name: 'New picture slide' }).click();
    await pickerEntry(page, 'CLINIC USB').click();
    await pickerEntry(page, 'clinic photos').click();
    await pickerEntry(page, 'Garden_photo.png').click();

    await expect(page.getByLabel('Title in English')).toHaveValue('');
    await page.getByLabel('Title in English').fill('Our garden');
    await page.getByRole('button', { name: 'Save slide' }).click();
    await expect(page.getByRole('alert')).toHaveText(/describe what the picture/);
    await page.getByLabel('What it shows, in English').fill('A calm garden outside the clinic.');
    await page
      .getByLabel(/What it shows, in Spanish/)
      .fill('Un jardín tranquilo junto a la clínica.');
    await page.getByRole('button', { name: 'Save slide' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Slide saved.' })).toBeVisible();

    // Stored once, by its content's SHA-256, under the detected type.
    const file = `${sha256(picture)}.png`;
    expect(fs.readdirSync(main.mediaDirectory).filter((name) => !name.startsWith('.'))).toEqual([
      file,
    ]);
    const slide = main.readSettingsFile().customSlides[0] as CustomSlide;
    expect(slide).toMatchObject({ kind: 'image', file, sourceName: 'Garden_photo.png' });

    await page.getByRole('button', { name: 'Back to slides' }).click();
    await page.getByRole('button', { name: 'Slide 15: Our garden' }).click();
    const shown = page.locator('.carousel__slide.is-current img');
    await expect(shown).toHaveAttribute('alt', 'A calm garden outside the clinic.');
    await expect
      .poll(() => shown.evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBe(900);
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(shown).toHaveAttribute('alt', 'Un jardín tranquilo junto a la clínica.');
  });

  test('a video with captions plays muted with the captions showing, and the loop moves on at its end', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: '2468' });
    fs.writeFileSync(path.join(main.importFolder, 'welcome.webm'), fixture('welcome-clip.webm'));
    fs.writeFileSync(path.join(main.importFolder, 'welcome.vtt'), fixture('welcome-clip.vtt'));
    await page.goto('/');
    await openAdmin(page);
    await section(page, "Clinic's slides").click();
    await page.getByRole('button', { name: 'New video slide' }).click();
    await pickerEntry(page, 'Import folder').click();
    // Only videos can be chosen here.
    await expect(pickerEntry(page, 'welcome.vtt')).toBeDisabled();
    await pickerEntry(page, 'welcome.webm').click();
    await expect(page.getByText('Video file: welcome.webm')).toBeVisible();
    // A picture named .vtt: its content says it is no captions file, and it is not taken.
    fs.writeFileSync(path.join(main.importFolder, 'renamed.vtt'), fixture('garden.png'));
    await page.getByRole('button', { name: 'Add captions (.vtt file)' }).click();
    await pickerEntry(page, 'Import folder').click();
    await pickerEntry(page, 'renamed.vtt').click();
    await expect(page.getByRole('alert')).toHaveText(/That file is not captions/);
    await expect(page.getByText(/Captions are added and shown by default/)).toHaveCount(0);
    await page.getByRole('button', { name: 'Add captions (.vtt file)' }).click();
    await pickerEntry(page, 'Import folder').click();
    await pickerEntry(page, 'welcome.vtt').click();
    await expect(page.getByText(/Captions are added and shown by default/)).toBeVisible();
    // A video starts with no title, as a picture does: staff give it one.
    await expect(page.getByLabel('Title in English')).toHaveValue('');
    await page.getByLabel('Title in English').fill('welcome');
    await page
      .getByLabel('What it shows, in English')
      .fill('A short welcome from the clinic team.');
    await page.getByRole('button', { name: 'Save slide' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Slide saved.' })).toBeVisible();
    const slide = main.readSettingsFile().customSlides[0]!;
    expect(slide).toMatchObject({
      kind: 'video',
      captions: `${sha256(fixture('welcome-clip.vtt'))}.vtt`,
      maxSeconds: null,
    });
    // In a playlist a video keeps its own time: it plays until it ends.
    await section(page, 'Playlists').click();
    const entry = page.locator(`.playlist__entry[data-slide-id="${slide.id}"]`);
    await expect(entry).toContainText('Until the video ends');
    await expect(entry.locator('select')).toHaveCount(0);

    await page.getByRole('button', { name: 'Back to slides' }).click();
    await page.getByRole('button', { name: 'Slide 15: welcome' }).click();
    // A hand on the kiosk paused the loop; play it again from the video.
    await page.getByRole('button', { name: 'Play the automatic slide show' }).click();
    const video = page.locator('.carousel__slide.is-current video');
    await expect
      .poll(() =>
        video.evaluate((element: HTMLVideoElement) => ({
          muted: element.muted,
          playing: !element.paused && element.currentTime > 0,
          captions: element.textTracks[0]?.mode,
          cue: (element.textTracks[0]?.activeCues?.[0] as VTTCue | undefined)?.text ?? null,
        })),
      )
      .toEqual({
        muted: true,
        playing: true,
        captions: 'showing',
        cue: 'Welcome to the clinic. Please take a seat.',
      });
    // No countdown bar under a video: its end moves the loop on (about 3 s), not a timer.
    await expect(page.locator('.progress')).toHaveCount(0);
    await expect(page.locator('.carousel__slide.is-current')).toHaveAttribute(
      'data-slide-id',
      main.readSettingsFile().playlists[0]!.entries[0]!.slideId,
      { timeout: 10_000 },
    );
  });

  test('a video the player cannot decode is skipped, never stuck, and reported in the admin', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: '2468' });
    await addClinicSlide(main, undecodableWebm(), {
      id: 'custom-broken',
      kind: 'video',
      title: 'Broken',
    });
    await page.goto('/');
    // The loop goes on without it.
    await expect(page.locator('.carousel__slide[data-slide-id="custom-broken"]')).toHaveCount(0, {
      timeout: 20_000,
    });
    await expect
      .poll(() => main.recoveries.recent(5).map((entry) => entry.event))
      .toContain('media-failed');
    await openAdmin(page);
    await section(page, "Clinic's slides").click();
    await expect(page.getByText('could not be played on this kiosk')).toBeVisible();
    await section(page, 'Kiosk status').click();
    await expect(
      page.getByText(/custom-broken the video could not be played .*left out of the loop/),
    ).toBeVisible();
  });

  test('a setup moves to a drive and back; a tampered file changes nothing; the backup comes back', async ({
    appPage: page,
    baseURL,
  }) => {
    const main = await installMainProcess(page, baseURL!, { pin: '2468' });
    await addClinicSlide(main, fixture('welcome-clip.webm'), {
      id: 'custom-welcome',
      kind: 'video',
      title: 'Welcome',
    });
    await page.goto('/');
    await openAdmin(page);
    await section(page, 'Setup files and undo').click();
    await expect(page.getByText(/video · 76 kB · used by Welcome/i)).toBeVisible();

    await page.getByRole('button', { name: 'Save a setup file to a drive' }).click();
    await pickerEntry(page, 'CLINIC USB').click();
    await page.getByRole('button', { name: 'Save here' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /^Setup file saved: clinic-kiosk-setup-/ }),
    ).toBeVisible();
    const [bundle] = fs.readdirSync(main.usbDrive).filter((name) => name.endsWith('.zip'));
    expect(bundle).toBeDefined();

    // A copy with one byte changed inside is refused before anything is replaced.
    const bytes = fs.readFileSync(path.join(main.usbDrive, bundle!));
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf(Buffer.from('WEBM'.toLowerCase())) + 200;
    tampered[at] = tampered[at]! ^ 0xff;
    fs.writeFileSync(path.join(main.usbDrive, 'tampered.zip'), tampered);

    // Staff then change the setup here: the video slide is deleted.
    await section(page, "Clinic's slides").click();
    await page.getByRole('button', { name: 'Delete “Welcome”' }).click();
    // It is on the screen patients see: asked first.
    await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, delete it' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Slide deleted.' })).toBeVisible();
    const before = fs.readFileSync(path.join(main.directory, 'settings.json'));

    await section(page, 'Setup files and undo').click();
    await page.getByRole('button', { name: 'Load a setup file from a drive' }).click();
    await pickerEntry(page, 'CLINIC USB').click();
    await pickerEntry(page, 'tampered.zip').click();
    await page.getByRole('button', { name: 'Yes, load it' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Nothing was changed' })).toHaveText(
      /damaged or was changed/,
    );
    expect(fs.readFileSync(path.join(main.directory, 'settings.json'))).toEqual(before);

    await page.getByRole('button', { name: 'Load a setup file from a drive' }).click();
    await pickerEntry(page, 'CLINIC USB').click();
    await pickerEntry(page, bundle!).click();
    await expect(page.getByRole('alertdialog')).toContainText(bundle!);
    await page.getByRole('button', { name: 'Yes, load it' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'The setup was loaded' }),
    ).toBeVisible();
    expect(main.readSettingsFile().customSlides.map((slide) => slide.id)).toEqual([
      'custom-welcome',
    ]);
    await expect(page.getByText(/before “clinic-kiosk-setup-.*” was loaded/)).toBeVisible();

    await page.getByRole('button', { name: 'Undo: bring back the earlier setup' }).click();
    await page.getByRole('button', { name: 'Yes, bring it back' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'The earlier setup is back' }),
    ).toBeVisible();
    expect(main.readSettingsFile().customSlides).toEqual([]);
  });
});

/** Imports a file through main's media library and puts its slide first, as staff would. */
