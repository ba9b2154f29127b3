import { currentSlide, expect, test } from './fixtures';
import { deck, slideIds } from './deck';

for (const language of ['en', 'es'] as const) {
  test(`each slide reads in order: title, text, picture, position (${language})`, async ({
    appPage,
  }) => {
    test.setTimeout(120_000);
    await appPage.emulateMedia({ reducedMotion: 'reduce' });
    await appPage.goto('/');
    if (language === 'es') await appPage.getByRole('button', { name: 'Español' }).click();
    for (const [index, slide] of deck.slides.entries()) {
      await appPage.locator('.controls__dot').nth(index).click();
      const group = currentSlide(appPage);
      await expect(group).toHaveAttribute('data-slide-id', slide.id);
      const snapshot = await group.ariaSnapshot();
      const lines = snapshot.split('\n');
      const position = `${index + 1} ${language === 'en' ? 'of' : 'de'} ${slideIds.length}`;
      const title = slide.title[language] ?? slide.title.en;
      // The slide is a group named by its title; the title is read first …
      await expect(group).toHaveAccessibleName(title);
      expect(lines[0], slide.id).toBe(`- group "${title}":`);
      expect(lines[1], slide.id).toMatch(/^\s+- heading ".+" \[level=2\]$/);
      // … its position last.
      expect(lines.at(-1), slide.id).toMatch(new RegExp(`^\\s+- paragraph: ${position}$`));
      // … then the words, then the picture's description, never the other way round.
      const firstImage = lines.findIndex((line) => /^\s*- '?img /.test(line));
      const figure = lines.findIndex((line) => /^\s*- '?figure\b/.test(line));
      const bodyLines = lines.slice(0, figure >= 0 ? figure : -1);
      const lastText = bodyLines.findLastIndex((line) =>
        /^\s*- (listitem|paragraph|text)\b/.test(line),
      );
      if (firstImage >= 0) {
        expect(firstImage, `${slide.id}: picture before its text`).toBeGreaterThan(lastText);
        const description = slide.illustration?.description[language];
        if (description) expect(lines[firstImage]).toContain(description);
      }
      await expect(group).toMatchAriaSnapshot({ name: `${slide.id}.${language}.aria.yml` });
    }
  });
}
