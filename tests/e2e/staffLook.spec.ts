import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { adminLayoutProblems, CORNER_HOLD_MS, PIN, pressAdminKeys } from './adminSteps';
import { axeViolations, expect, screenshotPath, test, VIEWPORTS } from './fixtures';
import { installMainProcess } from './mainProcess';
import {
  adminInSpanish,
  keyboard,
  LONG_SLIDE,
  openAdminByTouch,
  tapPin,
  tapSection,
  touchDown,
} from './staffTouch';

/** The screens issue 20 (items 7 to 15) changed, in both languages, at each kiosk size. */
const SCREENS = {
  en: {
    clinic: 'Clinic details',
    slides: "Clinic's slides",
    newText: 'New text slide',
    lines: /^Text in English/,
    title: 'Title in English',
    schedule: 'Schedule',
    addWeekly: 'Add a weekly rule',
    setup: 'Setup files and undo',
    status: 'Kiosk status',
    web: /^Web address/,
  },
  es: {
    clinic: 'Datos de la clínica',
    slides: 'Diapositivas de la clínica',
    newText: 'Nueva diapositiva de texto',
    lines: /^Texto en inglés/,
    title: 'Título en inglés',
    schedule: 'Horario',
    addWeekly: 'Añadir una regla semanal',
    setup: 'Archivos de configuración y deshacer',
    status: 'Estado del quiosco',
    web: /^Dirección web/,
  },
} as const;

test.use({ hasTouch: true, actionTimeout: 5000 });

async function look(page: Page, name: string) {
  expect(await adminLayoutProblems(page), name).toEqual([]);
  expect(await axeViolations(page), name).toEqual([]);
  if (process.env['SCREENSHOTS']) await page.screenshot({ path: screenshotPath(name) });
}

for (const viewport of VIEWPORTS) {
  for (const language of ['en', 'es'] as const) {
    test(`the changed admin screens fit and pass axe, ${viewport.name}, ${language}`, async ({
      appPage: page,
      baseURL,
    }) => {
      test.setTimeout(90_000);
      const words = SCREENS[language];
      const size = `${viewport.width}x${viewport.height}-${language}`;
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const main = await installMainProcess(page, baseURL!, { pin: PIN });
      fs.writeFileSync(
        path.join(main.importFolder, 'Big poster.png'),
        fs.readFileSync(new URL('./media/garden.png', import.meta.url)),
      );
      const [root] = (await main.media.listSources()).filter((s) => s.kind === 'import-folder');
      const folder = await main.media.browse(root!.token);
      if (folder.ok) await main.media.importFile(folder.value.entries[0]!.token);
      await page.goto('/');
      await openAdminByTouch(page);
      if (language === 'es') await adminInSpanish(page);

      await tapSection(page, words.clinic);
      await page.getByLabel(words.web).tap();
      await expect(keyboard(page)).toHaveAttribute('data-layout', 'url');
      await look(page, `admin20-clinic-keyboard-${size}`);
      await keyboard(page)
        .getByRole('button', { name: /Hide keyboard|Ocultar teclado/ })
        .tap();

      await tapSection(page, words.slides);
      await page.getByRole('button', { name: words.newText }).tap();
      await page.getByLabel(words.title, { exact: true }).fill(LONG_SLIDE.title.en);
      await page.getByLabel(words.lines).fill(LONG_SLIDE.lines.map((line) => line.en).join('\n'));
      await expect(page.locator('.slide-fit__note')).not.toBeEmpty();
      await look(page, `admin20-slide-form-${size}`);

      // The slide was only for looking: leaving asks, and its words are discarded.
      await tapSection(page, words.schedule);
      await page.getByRole('button', { name: /^(Discard|Descartar)$/ }).tap();
      await page.getByRole('button', { name: words.addWeekly }).tap();
      await look(page, `admin20-schedule-${size}`);

      // The rule was only for looking too: open in the editor, it counts as a change.
      await tapSection(page, words.setup);
      await page.getByRole('button', { name: /^(Discard|Descartar)$/ }).tap();
      await expect(page.locator('.media-entry__thumbnail')).toBeVisible();
      await look(page, `admin20-setup-${size}`);
    });
  }

  test(`the PIN pad and the corner's ring and note pass axe, ${viewport.name}`, async ({
    appPage: page,
    baseURL,
  }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await installMainProcess(page, baseURL!);
    await page.clock.install();
    await page.goto('/');
    await page.locator('.admin-corner').waitFor({ state: 'attached' });
    const lift = await touchDown(page, viewport.width - 20, 20);
    await page.clock.runFor(1500);
    if (process.env['SCREENSHOTS'])
      await page.screenshot({
        path: screenshotPath(`admin20-corner-ring-${viewport.width}x${viewport.height}`),
      });
    await page.clock.runFor(CORNER_HOLD_MS);
    await lift();
    await expect(page.locator('.admin-gate-note')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    if (process.env['SCREENSHOTS'])
      await page.screenshot({
        path: screenshotPath(`admin20-no-pin-note-${viewport.width}x${viewport.height}`),
      });
    await pressAdminKeys(page);
    await tapPin(page, '1357');
    await look(page, `admin20-pin-pad-${viewport.width}x${viewport.height}`);
  });
}
