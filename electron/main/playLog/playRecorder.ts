/**
 * Turns what the player reports into the play log's records: plays, touch sessions and screen
 * spans, timed by main's own clocks (wall time for when, the monotonic clock for how long).
 * Anything open at local midnight is cut there and carried on in the new day, so every record
 * lies inside one day; a clock jump closes and reopens what is open, so nothing spans it.
 */
import type { PlayCause, PlayEvent, ScreenState } from '../../../contract';
import {
  localDateOf,
  nextLocalMidnight,
  type LogRecord,
  type PlayRecord,
  type SessionRecord,
} from './playRecords';

export interface PlayRecorderOptions {
  now(): Date;
  monotonicNow(): number;
  /** The content version of a slide the kiosk has now, or null when it has no such slide. */
  contentVersionOf(slideId: string): string | null;
  isKnownPlaylist(playlistId: string): boolean;
  write(record: LogRecord): void;
}

export type ReportOutcome = { ok: true } | { ok: false; reason: string };

export interface PlayRecorder {
  report(event: PlayEvent): ReportOutcome;
  /** Every few seconds: cuts open records at midnight; every minute, an alive mark. */
  tick(): void;
  /** The wall clock was set: what is open closes by the old clock and reopens by the new. */
  clockJumped(): void;
  /** The previous run was last alive at `lastAlive`: the gap until now was not running. */
  startedAfterGap(lastAlive: Date, reason: string | null): void;
  /** The app is stopping: everything open is closed and written. */
  stop(): void;
  /** What the patients' screen shows now, as last reported. */
  nowShowing(): { screen: ScreenState | null; slideId: string | null };
}

interface Open {
  /** Wall time it began. */
  start: Date;
  /** Monotonic time it began (ms). */
  since: number;
}
interface OpenPlay extends Open {
  slideId: string;
  playlistId: string;
  language: 'en' | 'es';
  contentVersion: string;
  /** 'continued': carried on past midnight or a clock change (not a new play). */
  arrivedBy: PlayCause | 'continued';
  rotating: boolean;
  failed: boolean;
}
interface OpenSession extends Open {
  /** Carried on past midnight or a clock change: the same session, not a new one. */
  continued: boolean;
  visits: { slideId: string; since: number; seconds: number }[];
  changes: SessionRecord['changes'];
}
interface OpenScreen extends Open {
  state: ScreenState;
}

export const ALIVE_EVERY_MS = 60_000;

export function createPlayRecorder(options: PlayRecorderOptions): PlayRecorder {
  let play: OpenPlay | null = null;
  let session: OpenSession | null = null;
  let screen: OpenScreen | null = null;
  let lastAliveAt = -Infinity;

  const opened = (): Open => ({ start: options.now(), since: options.monotonicNow() });
  /** How long something open has lasted, by the monotonic clock, and when it ends by its own start. */
  const span = (item: Open, atMono = options.monotonicNow()) => {
    const seconds = Math.max(0, (atMono - item.since) / 1000);
    return {
      start: item.start.toISOString(),
      end: new Date(item.start.getTime() + seconds * 1000).toISOString(),
      date: localDateOf(item.start),
      seconds: Math.round(seconds * 1000) / 1000,
    };
  };

  function closePlay(leftBy: PlayRecord['leftBy'], atMono?: number): void {
    if (!play) return;
    const { slideId, playlistId, language, contentVersion, arrivedBy, rotating, failed } = play;
    options.write({
      type: 'play',
      ...span(play, atMono),
      playlistId,
      slideId,
      language,
      contentVersion,
      arrivedBy,
      leftBy,
      rotating,
      failed,
    });
    play = null;
  }

  function closeVisit(atMono: number): void {
    const visit = session?.visits.at(-1);
    if (visit) visit.seconds = Math.max(0, (atMono - visit.since) / 1000);
  }

  function closeSession(endedBy: SessionRecord['endedBy'], atMono = options.monotonicNow()): void {
    if (!session) return;
    closeVisit(atMono);
    options.write({
      type: 'session',
      ...span(session, atMono),
      visits: session.visits.slice(0, 500).map(({ slideId, seconds }) => ({
        slideId,
        seconds: Math.round(seconds * 1000) / 1000,
      })),
      changes: session.changes.slice(0, 200),
      endedBy,
      continued: session.continued,
    });
    session = null;
  }

  function closeScreen(atMono?: number): void {
    if (!screen) return;
    options.write({ type: 'screen', state: screen.state, ...span(screen, atMono) });
    screen = null;
  }

  /** Cuts whatever is open at the midnight after it began, and carries it on from there. */
  function splitAtMidnight(): void {
    const today = localDateOf(options.now());
    const nowMono = options.monotonicNow();
    const cut = (item: Open) => {
      const midnight = nextLocalMidnight(item.start);
      const atMono = Math.min(nowMono, item.since + (midnight.getTime() - item.start.getTime()));
      return { start: midnight, since: atMono };
    };
    while (play && localDateOf(play.start) !== today) {
      const carried = play;
      const next = cut(carried);
      closePlay('midnight', next.since);
      play = { ...carried, ...next, arrivedBy: 'continued' };
    }
    while (session && localDateOf(session.start) !== today) {
      const next = cut(session);
      const visit = session.visits.at(-1);
      closeSession('midnight', next.since);
      session = {
        ...next,
        continued: true,
        visits: visit ? [{ slideId: visit.slideId, since: next.since, seconds: 0 }] : [],
        changes: [],
      };
    }
    while (screen && localDateOf(screen.start) !== today) {
      const next = cut(screen);
      const state = screen.state;
      closeScreen(next.since);
      screen = { ...next, state };
    }
  }

  function alive(): void {
    const now = options.monotonicNow();
    if (now - lastAliveAt < ALIVE_EVERY_MS) return;
    lastAliveAt = now;
    const at = options.now();
    options.write({ type: 'alive', at: at.toISOString(), date: localDateOf(at) });
  }

  return {
    report(event) {
      splitAtMidnight();
      switch (event.kind) {
        case 'slide': {
          const contentVersion = options.contentVersionOf(event.slideId);
          if (contentVersion === null) {
            return { ok: false, reason: `no slide "${event.slideId}" on this kiosk` };
          }
          if (!options.isKnownPlaylist(event.playlistId)) {
            return { ok: false, reason: `no playlist "${event.playlistId}" on this kiosk` };
          }
          const at = options.monotonicNow();
          closePlay(event.arrivedBy, at);
          if (!screen) screen = { ...opened(), state: 'playing' };
          play = {
            ...opened(),
            slideId: event.slideId,
            playlistId: event.playlistId,
            language: event.language,
            contentVersion,
            arrivedBy: event.arrivedBy,
            rotating: event.rotating,
            failed: false,
          };
          if (session) {
            closeVisit(at);
            session.visits.push({ slideId: event.slideId, since: at, seconds: 0 });
          }
          return { ok: true };
        }
        case 'failed':
          if (play?.slideId !== event.slideId) {
            return { ok: false, reason: `"${event.slideId}" is not the slide on screen` };
          }
          play.failed = true;
          return { ok: true };
        case 'touch':
          if (!session) {
            session = {
              ...opened(),
              continued: false,
              visits: play
                ? [{ slideId: play.slideId, since: options.monotonicNow(), seconds: 0 }]
                : [],
              changes: [],
            };
          }
          return { ok: true };
        case 'idle-resume':
          closeSession('idle-resume');
          return { ok: true };
        case 'language':
          session?.changes.push(`language:${event.language}`);
          return { ok: true };
        case 'text-size':
          session?.changes.push(event.large ? 'text:large' : 'text:normal');
          return { ok: true };
        case 'screen': {
          if (screen?.state === event.state) return { ok: true };
          const at = options.monotonicNow();
          if (event.state !== 'playing') {
            closePlay(event.state, at);
            closeSession('screen', at);
          }
          closeScreen(at);
          screen = { ...opened(), state: event.state };
          return { ok: true };
        }
      }
    },
    tick() {
      splitAtMidnight();
      alive();
    },
    clockJumped() {
      const at = options.monotonicNow();
      const keep = { play, session, screen };
      closePlay('clock', at);
      closeSession('clock', at);
      closeScreen(at);
      const fresh = opened();
      if (keep.play) play = { ...keep.play, ...fresh, arrivedBy: 'continued' };
      if (keep.session) {
        const visit = keep.session.visits.at(-1);
        session = {
          ...fresh,
          continued: true,
          visits: visit ? [{ slideId: visit.slideId, since: fresh.since, seconds: 0 }] : [],
          changes: [],
        };
      }
      if (keep.screen) screen = { ...fresh, state: keep.screen.state };
    },
    startedAfterGap(lastAlive, reason) {
      const now = options.now();
      if (now.getTime() <= lastAlive.getTime()) return;
      // One record per local day the gap covers.
      let from = lastAlive;
      while (from < now) {
        const midnight = nextLocalMidnight(from);
        const to = midnight < now ? midnight : now;
        options.write({
          type: 'screen',
          state: 'not-running',
          start: from.toISOString(),
          end: to.toISOString(),
          date: localDateOf(from),
          seconds: Math.round(to.getTime() - from.getTime()) / 1000,
          ...(reason ? { reason: reason.slice(0, 300) } : {}),
        });
        from = to;
      }
    },
    nowShowing() {
      return { screen: screen?.state ?? null, slideId: play?.slideId ?? null };
    },
    stop() {
      const at = options.monotonicNow();
      closePlay('stop', at);
      closeSession('stop', at);
      closeScreen(at);
      lastAliveAt = -Infinity;
      alive();
    },
  };
}
