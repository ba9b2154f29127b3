/**
 * A week of play log written to a data folder before main starts, as a kiosk that ran last
 * week leaves it: per-day raw files main summarises when it opens them. Returns the totals a
 * report (and the exported CSV) must show.
 */
import fs from 'node:fs';
import path from 'node:path';
import { slideIds } from './deck';

const SLIDE_SECONDS = 20;

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface SeededTotals {
  plays: number;
  touchSessions: number;
  playingHours: number;
  /** Days seeded, oldest first. */
  dates: string[];
  /** Plays per slide id. */
  playsBySlide: Record<string, number>;
  /** The slide patients browsed to and stopped on. */
  browsedSlide: string;
}

/** `days` days before today, each with more plays and touches than the one before. */
export function seedPlayLog(directory: string, days = 6, now = new Date()): SeededTotals {
  const folder = path.join(directory, 'play-log', 'days');
  fs.mkdirSync(folder, { recursive: true });
  const totals: SeededTotals = {
    plays: 0,
    touchSessions: 0,
    playingHours: 0,
    dates: [],
    playsBySlide: {},
    browsedSlide: slideIds[2]!,
  };
  for (let back = days; back >= 1; back--) {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - back, 9, 0, 0);
    const date = localDate(day);
    totals.dates.push(date);
    const lines: object[] = [];
    let at = day.getTime();
    const span = (seconds: number) => {
      const start = new Date(at).toISOString();
      at += seconds * 1000;
      return { start, end: new Date(at).toISOString(), date, seconds };
    };
    const loopPlays = 4 + back;
    const playingStart = at;
    for (let n = 0; n < loopPlays; n++) {
      const slideId = slideIds[n % slideIds.length]!;
      lines.push({
        type: 'play',
        ...span(SLIDE_SECONDS),
        playlistId: 'waiting-room',
        slideId,
        language: 'en',
        contentVersion: 'seed',
        arrivedBy: n === 0 ? 'start' : 'loop',
        leftBy: 'loop',
        rotating: true,
        failed: false,
      });
      totals.playsBySlide[slideId] = (totals.playsBySlide[slideId] ?? 0) + 1;
    }
    // `back` patients each swipe to the third slide and leave it there.
    for (let n = 0; n < back; n++) {
      const session = span(SLIDE_SECONDS);
      lines.push({
        type: 'play',
        ...session,
        playlistId: 'waiting-room',
        slideId: totals.browsedSlide,
        language: 'en',
        contentVersion: 'seed',
        arrivedBy: 'swipe',
        leftBy: 'loop',
        rotating: false,
        failed: false,
      });
      lines.push({
        type: 'session',
        ...session,
        visits: [{ slideId: totals.browsedSlide, seconds: SLIDE_SECONDS }],
        changes: [],
        endedBy: 'idle-resume',
        continued: false,
      });
      totals.playsBySlide[totals.browsedSlide] =
        (totals.playsBySlide[totals.browsedSlide] ?? 0) + 1;
    }
    const playingSeconds = (at - playingStart) / 1000;
    at = playingStart;
    lines.push({ type: 'screen', state: 'playing', ...span(playingSeconds) });
    lines.push({ type: 'screen', state: 'closed', ...span(3600) });
    totals.plays += loopPlays + back;
    totals.touchSessions += back;
    totals.playingHours += playingSeconds / 3600;
    fs.writeFileSync(
      path.join(folder, `${date}.jsonl`),
      lines.map((line) => JSON.stringify(line)).join('\n') + '\n',
    );
  }
  return totals;
}
