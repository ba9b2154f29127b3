import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures';
import { importMedia, installMainProcess, type MainProcess } from './mainProcess';
import { PIN } from './adminSteps';
import { openAdminByTouch, tapSection, TOUCH_SIZES } from './staffTouch';

/**
 * Issue 20, item 4, for the deletes the first round left out: "any delete can be undone for 10
 * seconds" (README) holds for schedule rules and for unused pictures and videos too. By touch.
 */
const fixture = (name: string) => fs.readFileSync(new URL(`./media/${name}`, import.meta.url));
const undo = (page: Page) => page.getByRole('button', { name: 'Undo', exact: true });
/** The kiosk's media files (not the hidden ones: copies under way, files held for Undo). */
const mediaFiles = (main: MainProcess) =>
  fs.readdirSync(main.mediaDirectory).filter((name) => !name.startsWith('.'));

/** The admin open by touch, with time standing still from then on (the Undo waits for the test). */
async function openWithTimeStill(page: Page): Promise<void> {
  await page.clock.install();
  await page.goto('/');
  await openAdminByTouch(page);
  await page.clock.pauseAt(Date.now() + 1000);
}

for (const size of TOUCH_SIZES) {
  test.describe(`by touch at ${size.name}`, () => {
    test.use({
      hasTouch: true,
      viewport: { width: size.width, height: size.height },
      actionTimeout: 5000,
    });

    test('a deleted schedule rule can be undone', async ({ appPage: page, baseURL }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      const settings = main.store.settings;
      main.store.save({
        ...settings,
        schedule: {
          ...settings.schedule,
          weekly: [
            { id: 'weekly-1', days: [6], start: '00:00', end: '00:00', target: { kind: 'closed' } },
          ],
          dateRanges: [
            {
              id: 'dates-1',
              from: '2026-12-24',
              to: '2026-12-26',
              start: null,
              end: null,
              target: { kind: 'closed' },
            },
          ],
        },
      });
      await openWithTimeStill(page);
      await tapSection(page, 'Schedule');
      const weekly = page.getByText('Sat, all day: Closed', { exact: true });
      const range = page.getByText('2026-12-24 to 2026-12-26, all day: Closed', { exact: true });

      await page.getByRole('button', { name: 'Delete the rule “Sat, all day: Closed”' }).tap();
      await expect(weekly).toHaveCount(0);
      await expect(page.getByRole('status').filter({ has: undo(page) })).toContainText(
        '“Sat, all day: Closed” was deleted (not saved yet).',
      );
      await undo(page).tap();
      await expect(weekly).toBeVisible();
      await expect(page.getByText('You have changes that are not saved.')).toHaveCount(0);

      await page
        .getByRole('button', {
          name: 'Delete the rule “2026-12-24 to 2026-12-26, all day: Closed”',
        })
        .tap();
      await expect(range).toHaveCount(0);
      await undo(page).tap();
      await expect(range).toBeVisible();

      // Not undone: the delete is saved with Save.
      await page.getByRole('button', { name: 'Delete the rule “Sat, all day: Closed”' }).tap();
      await page.getByRole('button', { name: 'Save', exact: true }).tap();
      await expect.poll(() => main.readSettingsFile().schedule.weekly).toEqual([]);
      expect(main.readSettingsFile().schedule.dateRanges).toHaveLength(1);

      // axe over the Undo in its place (axe needs time to run: the clock goes on again).
      await page.clock.resume();
      await page
        .getByRole('button', {
          name: 'Delete the rule “2026-12-24 to 2026-12-26, all day: Closed”',
        })
        .tap();
      await expect(undo(page)).toBeVisible();
      expect(await axeViolations(page), 'undo a rule').toEqual([]);
    });

    test('a deleted picture can be undone, and the file is still there to bring back', async ({
      appPage: page,
      baseURL,
    }) => {
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      await importMedia(main, 'Big poster.png', fixture('garden.png'));
      await openWithTimeStill(page);
      await tapSection(page, 'Setup files and undo');
      const entry = page.locator('li').filter({ hasText: 'Big poster.png' });
      await entry.getByRole('button', { name: 'Delete' }).tap();
      await expect(entry).toHaveCount(0);
      await expect(page.getByRole('status').filter({ has: undo(page) })).toContainText(
        '“Big poster.png” was deleted.',
      );
      expect(mediaFiles(main)).toEqual([]);

      await undo(page).tap();
      await expect(entry).toContainText('not used by any slide');
      // The picture itself is back: its small picture loads from the kiosk's media.
      await expect
        .poll(() => entry.locator('img').evaluate((image: HTMLImageElement) => image.naturalWidth))
        .toBeGreaterThan(0);
      expect(mediaFiles(main)).toHaveLength(1);

      // Deleted again and not undone: once the 10 seconds are over, Undo goes.
      await entry.getByRole('button', { name: 'Delete' }).tap();
      await expect(undo(page)).toBeVisible();
      await page.clock.runFor(11_000);
      await expect(undo(page)).toHaveCount(0);
      expect(mediaFiles(main)).toEqual([]);
      await expect(page.getByText('No pictures or videos have been imported.')).toBeVisible();
      // axe over the Undo in its place (axe needs time to run: the clock goes on again).
      await importMedia(main, 'Small poster.png', fixture('tall-poster.png'));
      await page.getByRole('button', { name: 'Back to slides' }).tap();
      await page.clock.resume();
      await openAdminByTouch(page);
      await tapSection(page, 'Setup files and undo');
      await page
        .locator('li')
        .filter({ hasText: 'Small poster.png' })
        .getByRole('button', { name: 'Delete' })
        .tap();
      await expect(undo(page)).toBeVisible();
      expect(await axeViolations(page), 'undo a picture').toEqual([]);
    });
  });
}
