import type { Locator, Page } from '@playwright/test';
import { installBridge } from './bridge';
import { expect, test } from './fixtures';

/**
 * WCAG 2.5.3 Label in Name: a voice-control user says the word a button shows ("click Pause")
 * and that button must answer. Every button with words on it has those words in its name,
 * at the start, in both languages, on the patient's screen and in the presenter view (in
 * Spanish too: it opens in the kiosk's language).
 */
async function labelProblems(buttons: Locator): Promise<string[]> {
  const problems: string[] = [];
  for (const button of await buttons.all()) {
    if (!(await button.isVisible())) continue;
    const shown = (await button.innerText()).replace(/\s+/g, ' ').trim();
    // Icons and symbols only (⏵, ↑, A+ is words): nothing a voice user can say but the name.
    if (!/\p{L}{2,}/u.test(shown)) continue;
    const snapshot = await button.ariaSnapshot();
    const name = /^- button "(.*)"/.exec(snapshot)?.[1] ?? '';
    if (!name.toLowerCase().startsWith(shown.toLowerCase())) {
      problems.push(`shows "${shown}" but is named "${name}"`);
    }
  }
  return problems;
}

const playerButtons = (page: Page) => page.locator('.controls button, .presenter button');

for (const language of ['en', 'es'] as const) {
  test(`the rotation button answers to the word it shows (${language})`, async ({ appPage }) => {
    await appPage.goto('/');
    if (language === 'es') await appPage.getByRole('button', { name: 'Español' }).click();
    const [pause, play] = language === 'en' ? ['Pause', 'Play'] : ['Pausar', 'Seguir'];
    const rotation = appPage.locator('.controls__rotation');
    // The loop runs ("Pause" shows) unless the language switch, a touch, stopped it.
    if (language === 'es') await appPage.getByRole('button', { name: play }).click();
    await expect(rotation).toHaveText(pause);
    await appPage.getByRole('button', { name: pause }).click();
    await expect(rotation).toHaveText(play);
    await appPage.getByRole('button', { name: play }).click();
    await expect(rotation).toHaveText(pause);
  });

  test(`every worded button on the player and presenter view has its words in its name (${language})`, async ({
    appPage,
  }) => {
    await appPage.goto('/');
    const toSpanish = async (page: Page) => {
      if (language === 'es') await page.getByRole('button', { name: 'Español' }).click();
    };
    await toSpanish(appPage);
    expect(await labelProblems(playerButtons(appPage)), 'loop').toEqual([]);
    await appPage.goto('/?mode=present');
    await toSpanish(appPage);
    expect(await labelProblems(playerButtons(appPage)), 'presenting').toEqual([]);
    // The presenter view starts in the kiosk's language (the browser preview's is English): a
    // kiosk set up to present in this language, as its presenter window opens.
    await installBridge(appPage, { defaultLanguage: language }, 'present');
    await appPage.goto('/?view=presenter');
    await expect(appPage.locator('.presenter')).toBeVisible();
    await expect(appPage.locator('html')).toHaveAttribute('lang', language);
    await expect(
      appPage.getByRole('button', {
        name: language === 'en' ? 'Next slide' : 'Diapositiva siguiente',
        exact: true,
      }),
    ).toBeVisible();
    expect(await labelProblems(playerButtons(appPage)), 'presenter view').toEqual([]);
  });
}
