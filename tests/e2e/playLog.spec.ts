import { currentSlideId, expect, installPausedClock, test } from './fixtures';
import { deck, secondsOf, slideIds } from './deck';
import { installMainProcess } from './mainProcess';

test('what plays and what patients touch reach main’s play log, in batches', async ({
  appPage: page,
  baseURL,
}) => {
  const main = await installMainProcess(page, baseURL!);
  await installPausedClock(page);
  await page.goto('/');
  expect(await currentSlideId(page)).toBe(slideIds[0]);
  // The loop plays the first three slides.
  for (const slide of deck.slides.slice(0, 3)) await page.clock.runFor(secondsOf(slide) * 1000);
  expect(await currentSlideId(page)).toBe(slideIds[3]);
  // A patient taps "Next" twice, then leaves; after the idle timeout the loop resumes.
  await page.getByRole('button', { name: 'Next slide' }).click();
  await page.getByRole('button', { name: 'Next slide' }).click();
  await page.getByRole('button', { name: 'Español' }).click();
  await page.clock.runFor(61_000);
  // The loop takes over again and moves on: the patient's last slide's play ends.
  await page.clock.runFor(secondsOf(deck.slides[5]!) * 1000 + 1_000);
  expect(await currentSlideId(page)).toBe(slideIds[6]);

  await expect
    .poll(() => {
      const report = main.services.playLog.playReport(1);
      return {
        plays: report.slides.reduce((sum, slide) => sum + slide.plays, 0),
        browsed: report.slides.reduce((sum, slide) => sum + slide.browsed, 0),
        sessions: report.perDay[0]?.touchSessions,
      };
    })
    .toEqual({ plays: 6, browsed: 2, sessions: 1 });
  const report = main.services.playLog.playReport(1);
  expect(report.slides.find((slide) => slide.slideId === slideIds[0])?.plays).toBe(1);
  expect(report.slides.find((slide) => slide.slideId === slideIds[5])).toMatchObject({
    browsed: 1,
    lastInSessions: 1,
  });
  expect(main.services.playLog.status()).toMatchObject({ problem: null, refusedEvents: 0 });
});
