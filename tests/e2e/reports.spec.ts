/**
 * The Reports screen over a week of play log main found on disk: the totals, the charts' numbers
 * for screen readers, the three screen sizes in both languages, and the export a spreadsheet
 * opens (parsed with a real CSV parser).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { axeViolations, expect, screenshotPath, test, VIEWPORTS } from './fixtures';
import { adminLayoutProblems, openAdmin, PIN, section } from './adminSteps';
import { installMainProcess } from './mainProcess';
import { seedPlayLog, type SeededTotals } from './playLogSeed';

async function openReports(page: Page, baseURL: string) {
  let seeded: SeededTotals | null = null;
  const main = await installMainProcess(page, baseURL, {
    pin: PIN,
    seedPlayLog: (directory) => {
      seeded = seedPlayLog(directory);
    },
  });
  await page.goto('/');
  await openAdmin(page);
  await section(page, 'Reports').tap();
  await expect(page.getByRole('heading', { name: 'Reports' })).toBeVisible();
  return { main, seeded: seeded! };
}

/** The screen-reader table of a chart, by its caption. */
const chartTable = (page: Page, caption: string) =>
  page.getByRole('table', { name: caption, includeHidden: true });

test.use({ hasTouch: true });

test('the last 7 and 30 days: totals, per day and per hour, for eyes and for screen readers', async ({
  appPage: page,
  baseURL,
}) => {
  const { seeded } = await openReports(page, baseURL!);
  const totals = page.locator('.report-totals');
  await expect(totals.locator('li').nth(1)).toHaveText(`${seeded.touchSessions} touch sessions`);
  // Today's plays are the kiosk's own (the slide on screen when the admin opened), so the
  // plays shown are at least the week's; the touch sessions are exactly the week's.
  const shown = Number((await totals.locator('li').first().locator('strong').textContent())!);
  expect(shown).toBeGreaterThanOrEqual(seeded.plays);
  expect(shown).toBeLessThanOrEqual(seeded.plays + 2);
  await expect(totals.locator('li').nth(1)).toHaveText(`${seeded.touchSessions} touch sessions`);

  const perDay = chartTable(page, 'Touch sessions per day');
  await expect(perDay.locator('tbody tr')).toHaveCount(7);
  // The oldest seeded day had 6 sessions, each day after one fewer, today none.
  await expect(perDay.locator('tbody tr').first().locator('td')).toHaveText('6');
  await expect(perDay.locator('tbody tr').last().locator('td')).toHaveText('0');
  const byHour = chartTable(page, 'Touch sessions by hour of the day');
  await expect(byHour.locator('tbody tr')).toHaveCount(24);
  const stops = page.getByRole('figure', { name: 'Where patients stopped' });
  await expect(stops.getByRole('listitem')).toHaveCount(1);
  await expect(stops.getByRole('listitem')).toContainText(`${seeded.touchSessions} times`);

  await page.getByRole('button', { name: 'Last 30 days' }).tap();
  await expect(page.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(perDay.locator('tbody tr')).toHaveCount(30);
  await expect(totals.locator('li').nth(1)).toHaveText(`${seeded.touchSessions} touch sessions`);
});

test('the export, in one tap on the drive: plays.csv and daily.csv a spreadsheet reads, with the week’s totals', async ({
  appPage: page,
  baseURL,
}) => {
  const { main, seeded } = await openReports(page, baseURL!);
  // One tap: the plugged-in drive is named on its own button.
  await page.getByRole('button', { name: 'Save the report to CLINIC USB' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'Saved ' })).toContainText('plays.csv');
  const [folder] = fs.readdirSync(main.usbDrive).filter((name) => name.includes('play-log'));
  const read = (name: string) =>
    parse(fs.readFileSync(path.join(main.usbDrive, folder!, name), 'utf8'), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
  const week = new Set(seeded.dates);
  const plays = read('plays.csv').filter((row) => week.has(row['local_date']!));
  expect(plays).toHaveLength(seeded.plays);
  const bySlide: Record<string, number> = {};
  for (const row of plays) bySlide[row['slide']!] = (bySlide[row['slide']!] ?? 0) + 1;
  expect(bySlide).toEqual(seeded.playsBySlide);
  const daily = read('daily.csv').filter((row) => week.has(row['date']!));
  expect(daily.map((row) => row['date'])).toEqual(seeded.dates);
  expect(daily.reduce((sum, row) => sum + Number(row['plays']), 0)).toBe(seeded.plays);
  expect(daily.reduce((sum, row) => sum + Number(row['touch_sessions']), 0)).toBe(
    seeded.touchSessions,
  );
  expect(daily.reduce((sum, row) => sum + Number(row['playing_hours']), 0)).toBeCloseTo(
    seeded.playingHours,
    1,
  );
  expect(fs.readFileSync(path.join(main.usbDrive, folder!, 'summary.txt'), 'utf8')).toContain(
    `Patients touched the screen ${seeded.touchSessions} times.`,
  );
});

test('the report can also go into a folder staff choose on the drive', async ({
  appPage: page,
  baseURL,
}) => {
  const { main } = await openReports(page, baseURL!);
  fs.mkdirSync(path.join(main.usbDrive, 'reports'));
  await page.getByRole('button', { name: 'Choose a folder' }).tap();
  await page.locator('.media-picker__entry').filter({ hasText: 'CLINIC USB' }).tap();
  await page.locator('.media-picker__entry').filter({ hasText: 'reports' }).tap();
  await page.getByRole('button', { name: 'Save here' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'Saved ' })).toContainText('plays.csv');
  const [folder] = fs.readdirSync(path.join(main.usbDrive, 'reports'));
  expect(fs.readdirSync(path.join(main.usbDrive, 'reports', folder!)).sort()).toEqual([
    'daily.csv',
    'plays.csv',
    'summary.txt',
  ]);
});

for (const viewport of VIEWPORTS) {
  for (const language of ['en', 'es'] as const) {
    test(`Reports and the play log's health fit ${viewport.name} in ${language}, axe-clean`, async ({
      appPage: page,
      baseURL,
    }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await openReports(page, baseURL!);
      if (language === 'es') {
        await page
          .locator('.admin__header')
          .getByRole('button', { name: /español/i })
          .tap();
        await expect(page.getByRole('heading', { name: 'Informes' })).toBeVisible();
      }
      const size = `${viewport.width}x${viewport.height}`;
      expect(await adminLayoutProblems(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      if (process.env['SCREENSHOTS']) {
        await page.screenshot({
          path: screenshotPath(`admin-reports-${language}-${size}`),
          fullPage: true,
        });
      }
      await section(page, language === 'es' ? 'Estado del quiosco' : 'Kiosk status').tap();
      await expect(
        page.getByRole('heading', {
          name: language === 'es' ? 'Registro de reproducción' : 'Play log',
        }),
      ).toBeVisible();
      expect(await adminLayoutProblems(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}
