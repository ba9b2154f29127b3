/**
 * The Reports screen's numbers for the last N days (today included), from the kept daily
 * summaries and today's records so far.
 */
import type { PlayReport, SlideTotals } from '../../../contract';
import { dateMinusDays } from './playRecords';
import type { DaySummary } from './playSummaries';

export function buildPlayReport(
  today: string,
  days: number,
  dayOf: (date: string) => DaySummary,
): PlayReport {
  const dates = Array.from({ length: days }, (_, back) => dateMinusDays(today, days - 1 - back));
  const summaries = dates.map(dayOf);
  const slides = new Map<string, SlideTotals>();
  const touchSessionsByHour = Array.from({ length: 24 }, () => 0);
  for (const summary of summaries) {
    for (const [slideId, totals] of Object.entries(summary.slides)) {
      const sum = slides.get(slideId) ?? {
        slideId,
        plays: 0,
        seconds: 0,
        failed: 0,
        browsed: 0,
        lastInSessions: 0,
      };
      sum.plays += totals.plays;
      sum.seconds = Math.round((sum.seconds + totals.seconds) * 1000) / 1000;
      sum.failed += totals.failed;
      sum.browsed += totals.browsed;
      sum.lastInSessions += totals.lastInSessions;
      slides.set(slideId, sum);
    }
    summary.sessionsByHour.forEach((count, hour) => {
      touchSessionsByHour[hour]! += count;
    });
  }
  return {
    days,
    from: dates[0]!,
    to: today,
    slides: [...slides.values()].sort((a, b) => b.seconds - a.seconds).slice(0, 500),
    perDay: summaries.map((summary) => ({
      date: summary.date,
      plays: summary.plays,
      touchSessions: summary.touchSessions,
      playingSeconds: summary.screenSeconds.playing,
      closedSeconds: summary.screenSeconds.closed,
      blankedSeconds: summary.screenSeconds.blanked,
      adminSeconds: summary.screenSeconds.admin,
      notRunningSeconds: summary.screenSeconds['not-running'],
    })),
    touchSessionsByHour,
  };
}
