/**
 * The Screens view: starting a fleet, saving the invitation and the key, publishing, joining a
 * fleet on compared numbers, the notice a member's shared screens carry, and every screen's
 * health, at the three sizes in both languages, driven by touch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeStatus, type KioskStatus } from '../../electron/main/fleet/fleetStatus';
import { startMainServices } from '../support/mainServices';
import { axeViolations, expect, screenshotPath, test, VIEWPORTS } from './fixtures';
import { adminLayoutProblems, openAdmin, PIN, section } from './adminSteps';
import { installMainProcess, type MainProcess } from './mainProcess';

test.use({ hasTouch: true });

function sharedFolders() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-fleet-'));
  return {
    root,
    setupFolder: path.join(root, 'setup'),
    statusFolder: path.join(root, 'status'),
  };
}

function otherScreen(
  kioskId: string,
  minutesAgo: number,
  extra: Partial<KioskStatus> = {},
): KioskStatus {
  return {
    kioskId,
    name: `Screen ${kioskId.slice(-2)}`,
    room: 'Consultation',
    appVersion: '1.0.0',
    setupVersion: 1,
    state: 'playing',
    currentSlide: null,
    lastRecovery: null,
    freeDiskBytes: 40e9,
    yesterday: { plays: 812, touchSessions: 14, playingHours: 9.5 },
    lastRefusal: null,
    writtenAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    ...extra,
  };
}

async function openScreens(page: Page, main: MainProcess, load = true) {
  void main;
  if (load) await page.goto('/');
  await openAdmin(page);
  await section(page, 'Screens').tap();
}

async function startFleet(page: Page, folders: ReturnType<typeof sharedFolders>) {
  await page.getByLabel("This screen's name").fill('Front desk');
  await page.getByLabel('Room (optional)').fill('Waiting room');
  await page.getByLabel('Shared folder for the setup').fill(folders.setupFolder);
  await page.getByLabel("Shared folder for every screen's status").fill(folders.statusFolder);
  await page.getByRole('button', { name: 'Start the fleet' }).tap();
  await expect(page.getByRole('heading', { name: 'This kiosk publishes the setup' })).toBeVisible();
}

test('start a fleet here: the numbers to compare, the invitation and key on a drive, a publish', async ({
  appPage: page,
  baseURL,
}) => {
  const folders = sharedFolders();
  const main = await installMainProcess(page, baseURL!, { pin: PIN });
  await openScreens(page, main);
  await expect(page.getByText('This kiosk is not part of a fleet.')).toBeVisible();
  // A folder given without its full path is refused in words, and nothing starts.
  await page.getByLabel("This screen's name").fill('Front desk');
  await page.getByLabel('Shared folder for the setup').fill('Sync/setup');
  await page.getByLabel("Shared folder for every screen's status").fill(folders.statusFolder);
  await page.getByRole('button', { name: 'Start the fleet' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'full path' })).toBeVisible();
  expect(main.services.fleet.state().membership).toBeNull();

  await startFleet(page, folders);
  const fingerprint = main.services.fleet.state().keyFingerprint!;
  await expect(page.locator('.fleet-fingerprint')).toHaveText(fingerprint);

  await page.getByRole('button', { name: 'Save an invitation to a USB drive' }).tap();
  await page.locator('.media-picker__entry').filter({ hasText: 'CLINIC USB' }).tap();
  await page.getByRole('button', { name: 'Save here' }).tap();
  await expect(
    page.getByRole('status').filter({ hasText: 'clinic-kiosk-invitation.json' }),
  ).toBeVisible();
  const invitation = JSON.parse(
    fs.readFileSync(path.join(main.usbDrive, 'clinic-kiosk-invitation.json'), 'utf8'),
  ) as { fingerprint: string };
  expect(invitation.fingerprint).toBe(fingerprint);

  await page.getByRole('button', { name: 'Save a backup of the clinic key' }).tap();
  await page.locator('.media-picker__entry').filter({ hasText: 'CLINIC USB' }).tap();
  await page.getByRole('button', { name: 'Save here' }).tap();
  await expect(
    page.getByRole('status').filter({ hasText: 'Keep it somewhere locked' }),
  ).toBeVisible();
  expect(fs.readdirSync(main.usbDrive).some((name) => name.endsWith('.pem'))).toBe(true);

  await page.getByText('At once').tap();
  await page.getByRole('button', { name: 'Publish to all screens' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'Setup 1 published' })).toBeVisible();
  expect(fs.readdirSync(folders.setupFolder).length).toBeGreaterThan(0);
  await expect(page.getByText('Last published: version 1.')).toBeVisible();
  // This kiosk's own status is in the list.
  await expect(page.locator('.fleet-screen').filter({ hasText: 'this kiosk' })).toContainText(
    'Front desk',
  );
  fs.rmSync(folders.root, { recursive: true, force: true });
});

test('join on the compared numbers: a member says its shared screens are replaced by a publish', async ({
  appPage: page,
  baseURL,
}) => {
  const folders = sharedFolders();
  const office = await startMainServices();
  office.services.fleet.startFleet({ name: 'Office PC', room: 'Office', ...folders });
  const main = await installMainProcess(page, baseURL!, { pin: PIN });
  office.services.fleet.saveInvitation(main.usbDrive);
  const fingerprint = office.services.fleet.state().keyFingerprint!;

  await openScreens(page, main);
  await page.getByRole('button', { name: 'Choose the invitation' }).tap();
  await page.locator('.media-picker__entry').filter({ hasText: 'CLINIC USB' }).tap();
  await page
    .locator('.media-picker__entry')
    .filter({ hasText: 'clinic-kiosk-invitation.json' })
    .tap();
  await expect(page.getByRole('heading', { name: 'Compare the numbers' })).toBeVisible();
  await expect(page.locator('.fleet-fingerprint')).toHaveText(fingerprint);
  await expect(page.getByLabel('Shared folder for the setup')).toHaveValue(folders.setupFolder);
  await page.getByLabel("This screen's name").fill('Room 4');
  await page.getByRole('button', { name: 'The numbers are the same: join' }).tap();
  await expect(
    page.getByRole('heading', { name: 'This kiosk takes its setup from the fleet' }),
  ).toBeVisible();
  expect(main.services.fleet.state().membership).toMatchObject({ role: 'member', name: 'Room 4' });
  await section(page, 'Playlists').tap();
  await expect(page.getByRole('note')).toHaveText(/replaced when the next setup is published/);
  await section(page, 'Kiosk status').tap();
  await expect(page.getByRole('note')).toHaveCount(0);
  office.dispose();
  fs.rmSync(folders.root, { recursive: true, force: true });
});

test("this screen's picture: on by touch, taken once the admin closes, shown on Screens; off removes it", async ({
  appPage: page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const folders = sharedFolders();
  const main = await installMainProcess(page, baseURL!, { pin: PIN });
  main.services.fleet.startFleet({ name: 'Front desk', room: 'Waiting room', ...folders });
  await openScreens(page, main);
  const share = page.getByRole('checkbox', {
    name: 'Share a small picture of this screen every 5 minutes',
  });
  await expect(share).not.toBeChecked();
  await share.tap();
  await expect(page.getByRole('status').filter({ hasText: 'now shares a picture' })).toBeVisible();
  await expect(share).toBeChecked();
  const kioskId = main.services.fleet.state().membership!.kioskId;
  const picture = path.join(folders.statusFolder, 'status', `${kioskId}.jpg`);
  // Never while the admin is open: staff may be typing.
  expect(fs.existsSync(picture)).toBe(false);

  await page.locator('.admin__header').getByRole('button', { name: 'Back to slides' }).tap();
  await expect.poll(() => fs.existsSync(picture), { timeout: 20_000 }).toBe(true);
  await openScreens(page, main, false);
  const shown = page
    .locator('.fleet-screen')
    .filter({ hasText: 'this kiosk' })
    .getByRole('img', { name: /^What Front desk showed at / });
  await expect(shown).toBeVisible();
  // Loaded through main's app:// handler under the page's own CSP: a real picture, drawn.
  await expect
    .poll(() => shown.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0);
  expect(await adminLayoutProblems(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
  if (process.env['SCREENSHOTS']) {
    await page.screenshot({ path: screenshotPath('admin-screens-picture-en-1280x800') });
  }

  await share.tap();
  await expect(
    page.getByRole('status').filter({ hasText: 'no longer shares a picture' }),
  ).toBeVisible();
  expect(fs.existsSync(picture)).toBe(false);
  await page.getByRole('button', { name: 'Look again' }).tap();
  await expect(page.locator('.fleet-screen__picture')).toHaveCount(0);
  fs.rmSync(folders.root, { recursive: true, force: true });
});

for (const viewport of VIEWPORTS) {
  for (const language of ['en', 'es'] as const) {
    test(`Screens fits ${viewport.name} in ${language}: not in a fleet, then publishing with 50 screens, axe-clean`, async ({
      appPage: page,
      baseURL,
    }) => {
      // Three views, each checked by axe, with 51 screens listed: more than the default time.
      test.setTimeout(120_000);
      const folders = sharedFolders();
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      // Three of the screens share a picture: the kiosk page as it looks at this size.
      await page.goto('/');
      const picture = await page.screenshot({ type: 'jpeg', quality: 60 });
      for (let n = 0; n < 50; n++) {
        const id = `kiosk-${String(n).padStart(4, '0')}`;
        writeStatus(
          folders.statusFolder,
          otherScreen(
            id,
            n === 7 ? 12 : 0,
            n === 3
              ? { lastRecovery: { at: new Date().toISOString(), reason: 'renderer gone: crashed' } }
              : n < 3
                ? { screenshotAt: new Date().toISOString() }
                : {},
          ),
        );
        if (n < 3)
          fs.writeFileSync(path.join(folders.statusFolder, 'status', `${id}.jpg`), picture);
      }
      await openScreens(page, main);
      if (language === 'es') {
        await page
          .locator('.admin__header')
          .getByRole('button', { name: /español/i })
          .tap();
      }
      const size = `${viewport.width}x${viewport.height}`;
      const look = async (name: string) => {
        expect(await adminLayoutProblems(page), name).toEqual([]);
        expect(await axeViolations(page), name).toEqual([]);
        if (process.env['SCREENSHOTS']) {
          await page.screenshot({
            path: screenshotPath(`admin-screens-${name}-${language}-${size}`),
          });
        }
      };
      await look('none');
      // Another clinic's office made an invitation: the numbers to compare, then cancel.
      const office = await startMainServices();
      const officeFolders = sharedFolders();
      office.services.fleet.startFleet({ name: 'Office PC', room: '', ...officeFolders });
      office.services.fleet.saveInvitation(main.usbDrive);
      await page
        .getByRole('button', {
          name: language === 'es' ? 'Elegir la invitación' : 'Choose the invitation',
        })
        .tap();
      await page.locator('.media-picker__entry').filter({ hasText: 'CLINIC USB' }).tap();
      await page
        .locator('.media-picker__entry')
        .filter({ hasText: 'clinic-kiosk-invitation.json' })
        .tap();
      await expect(page.locator('.fleet-fingerprint')).toHaveText(
        office.services.fleet.state().keyFingerprint!,
      );
      await look('join');
      await page.getByRole('button', { name: language === 'es' ? 'Cancelar' : 'Cancel' }).tap();
      office.dispose();
      fs.rmSync(officeFolders.root, { recursive: true, force: true });
      // Started elsewhere (the admin reads its state when it opens): leave and come back.
      await page
        .locator('.admin__header')
        .getByRole('button', {
          name: language === 'es' ? 'Volver a las diapositivas' : 'Back to slides',
        })
        .tap();
      main.services.fleet.startFleet({ name: 'Front desk', room: 'Waiting room', ...folders });
      await openScreens(page, main, false);
      if (language === 'es') {
        await page
          .locator('.admin__header')
          .getByRole('button', { name: /español/i })
          .tap();
      }
      await expect(page.locator('.fleet-screen')).toHaveCount(51);
      await expect(page.locator('.fleet-screen__picture img')).toHaveCount(3);
      // The one not seen for 12 minutes comes first, flagged in words.
      await expect(page.locator('.fleet-screen').first()).toContainText(
        language === 'es' ? 'Sin noticias' : 'Not seen for more than 3 minutes',
      );
      await look('publisher');
      fs.rmSync(folders.root, { recursive: true, force: true });
    });
  }
}
