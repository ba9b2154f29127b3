/**
 * The play log over a real data folder, with fake timers: Date (the wall clock, which a test
 * may set) and performance (main's monotonic clock) move only when the test moves them.
 * Runs in a time zone with daylight saving time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PlayEvent } from '../../../../../contract';
import { parseRecords, type PlayRecord } from '../../../../../electron/main/playLog/playRecords';
import { playLogHarness, send, slide } from './playLogHarness';

const SLIDES = ['welcome', 'hours', 'system', 'bdnf', 'before', 'after', 'rebuild', 'others'];
const { dataFolder, startAt, open, forget } = playLogHarness('kiosk-playlog-', {
  contentVersionOf: (id) => (SLIDES.includes(id) || id.startsWith('clinic-') ? '1.1.0' : null),
  flushEveryMs: 5_000,
});

function recordsOf(directory: string, date: string) {
  const file = path.join(directory, 'play-log', 'days', `${date}.jsonl`);
  return fs.existsSync(file)
    ? parseRecords(fs.readFileSync(file, 'utf8'))
    : { records: [], skipped: 0 };
}

describe('a week of looping with touches', () => {
  it('gives exact counts per slide and per day, across the change to daylight saving time', () => {
    // Sunday 8 March 2026 02:00 the clocks in New York go forward: that day has 23 hours.
    startAt('2026-03-05T00:00:00-05:00');
    const directory = dataFolder();
    const { service } = open(directory, { flushEveryMs: 10 * 60_000 });
    send(service, { kind: 'screen', state: 'playing' });
    const expected = new Map<string, number>();
    let plays = 0;
    let sessions = 0;
    const end = Date.parse('2026-03-12T00:00:00-04:00');
    let index = 0;
    let step = 0;
    while (Date.now() < end) {
      step += 1;
      // Every 400th slide a patient touches, swipes through three slides, and leaves.
      if (step % 400 === 0) {
        send(service, { kind: 'touch' });
        sessions += 1;
        for (let swipe = 0; swipe < 3; swipe++) {
          index = (index + 1) % SLIDES.length;
          send(service, slide(SLIDES[index]!, 'swipe', false));
          plays += 1;
          expected.set(SLIDES[index]!, (expected.get(SLIDES[index]!) ?? 0) + 1);
          vi.advanceTimersByTime(7_000);
        }
        vi.advanceTimersByTime(60_000);
        send(service, { kind: 'idle-resume' });
      }
      index = (index + 1) % SLIDES.length;
      send(service, slide(SLIDES[index]!));
      plays += 1;
      expected.set(SLIDES[index]!, (expected.get(SLIDES[index]!) ?? 0) + 1);
      vi.advanceTimersByTime(10_000);
    }
    const stoppedAt = Date.now();
    service.stop();
    expect(plays).toBeGreaterThan(58_000);

    const report = service.playReport(8);
    // The play on screen at each midnight is cut there and counted once, on its first day.
    expect(report.slides.reduce((sum, s) => sum + s.plays, 0)).toBe(plays);
    for (const [slideId, count] of expected) {
      expect(report.slides.find((s) => s.slideId === slideId)?.plays, slideId).toBe(count);
    }
    expect(report.perDay.reduce((sum, d) => sum + d.touchSessions, 0)).toBe(sessions);
    expect(report.touchSessionsByHour.reduce((sum, n) => sum + n, 0)).toBe(sessions);
    const playing = Object.fromEntries(report.perDay.map((d) => [d.date, d.playingSeconds]));
    expect(playing['2026-03-06']).toBeCloseTo(24 * 3600, 0);
    expect(playing['2026-03-08']).toBeCloseTo(23 * 3600, 0);
    expect(playing['2026-03-09']).toBeCloseTo(24 * 3600, 0);
    // Every second of every slide is in one day or the next, none lost and none twice.
    const seconds = report.slides.reduce((sum, s) => sum + s.seconds, 0);
    expect(seconds).toBeCloseTo((stoppedAt - Date.parse('2026-03-05T00:00:00-05:00')) / 1000, 0);
  }, 120_000);
});

describe('days, clocks and stops', () => {
  it('a play across midnight is cut there: its seconds split between the two days, counted once', () => {
    startAt('2026-06-01T23:59:50-04:00');
    const directory = dataFolder();
    const { service } = open(directory);
    send(service, slide('welcome'));
    vi.advanceTimersByTime(30_000);
    send(service, slide('hours'));
    service.flush();
    const first = recordsOf(directory, '2026-06-01').records.filter((r) => r.type === 'play');
    expect(first).toMatchObject([{ slideId: 'welcome', seconds: 10, leftBy: 'midnight' }]);
    service.stop();
    const second = recordsOf(directory, '2026-06-02').records.filter(
      (r): r is PlayRecord => r.type === 'play',
    );
    expect(second.map((r) => [r.slideId, r.seconds, r.arrivedBy, r.leftBy])).toEqual([
      ['welcome', 20, 'continued', 'loop'],
      ['hours', 0, 'loop', 'stop'],
    ]);
    const report = service.playReport(2);
    expect(report.slides.find((s) => s.slideId === 'welcome')).toMatchObject({
      plays: 1,
      seconds: 30,
    });
  });

  it('a clock set an hour forward mid-play does not stretch the play', () => {
    startAt('2026-06-02T10:00:00-04:00');
    const directory = dataFolder();
    const { service } = open(directory);
    send(service, slide('welcome'));
    vi.advanceTimersByTime(4_000);
    vi.setSystemTime(new Date(Date.now() + 3600_000));
    service.clockJumped();
    vi.advanceTimersByTime(6_000);
    send(service, slide('hours'));
    service.stop();
    const report = service.playReport(1);
    expect(report.slides.find((s) => s.slideId === 'welcome')).toMatchObject({
      plays: 1,
      seconds: 10,
    });
  });

  it('the time the kiosk was not running is counted, with the recovery log’s reason', () => {
    startAt('2026-06-03T09:00:00-04:00');
    const directory = dataFolder();
    const first = open(directory).service;
    send(first, { kind: 'screen', state: 'playing' }, slide('welcome'));
    vi.advanceTimersByTime(120_000);
    // Killed: no stop, but the last flush and alive mark are on disk.
    forget(first);
    vi.advanceTimersByTime(0);
    vi.useRealTimers();
    startAt('2026-06-03T10:00:00-04:00');
    const { service } = open(directory, {
      stopReason: () => 'relaunch-app: renderer gone: crashed',
    });
    service.stop();
    const gap = recordsOf(directory, '2026-06-03').records.find(
      (r) => r.type === 'screen' && r.state === 'not-running',
    );
    expect(gap).toMatchObject({ reason: 'relaunch-app: renderer gone: crashed' });
    expect(gap && 'seconds' in gap ? gap.seconds : 0).toBeGreaterThan(3400);
    expect(gap && 'seconds' in gap ? gap.seconds : 0).toBeLessThanOrEqual(3600);
  });

  it('a stop that lasts past midnight counts in the closed day’s kept summary too', () => {
    startAt('2026-06-05T22:00:00-04:00');
    const directory = dataFolder();
    const first = open(directory).service;
    send(first, { kind: 'screen', state: 'playing' }, slide('welcome'));
    vi.advanceTimersByTime(60_000);
    forget(first);
    vi.advanceTimersByTime(0);
    vi.useRealTimers();
    // Back the next morning: the evening of the 5th, from its last mark of life, was not running.
    startAt('2026-06-06T08:00:00-04:00');
    const { service } = open(directory);
    const evening = service.day('2026-06-05');
    expect(evening.screenSeconds['not-running']).toBeGreaterThan(7000);
    expect(evening.screenSeconds['not-running']).toBeLessThanOrEqual(7200);
    const kept = JSON.parse(
      fs.readFileSync(path.join(directory, 'play-log', 'summaries', '2026-06-05.json'), 'utf8'),
    ) as { screenSeconds: Record<string, number> };
    expect(kept.screenSeconds['not-running']).toBe(evening.screenSeconds['not-running']);
  });

  it('a torn last line is skipped and counted, and the next record starts on its own line', () => {
    startAt('2026-06-04T09:00:00-04:00');
    const directory = dataFolder();
    const first = open(directory).service;
    send(first, slide('welcome'));
    vi.advanceTimersByTime(10_000);
    send(first, slide('hours'));
    first.flush();
    const file = path.join(directory, 'play-log', 'days', '2026-06-04.jsonl');
    fs.appendFileSync(file, '{"type":"play","start":"2026-06-04T13:00');
    forget(first);
    const { service } = open(directory);
    send(service, slide('system'));
    vi.advanceTimersByTime(5_000);
    send(service, slide('bdnf'));
    service.stop();
    const { records, skipped } = recordsOf(directory, '2026-06-04');
    expect(skipped).toBe(1);
    expect(records.filter((r) => r.type === 'play').map((r) => (r as PlayRecord).slideId)).toEqual([
      'welcome',
      'system',
      'bdnf',
    ]);
  });
});

describe('keeping it safe and small', () => {
  it('raw days go after the retention time, once summarised; summaries stay for good', () => {
    startAt('2026-01-01T12:00:00-05:00');
    const directory = dataFolder();
    const first = open(directory, { retentionDays: () => 10, flushEveryMs: 3600_000 }).service;
    for (let day = 0; day < 15; day++) {
      send(first, slide('welcome'));
      vi.advanceTimersByTime(10_000);
      send(first, slide('hours'));
      vi.advanceTimersByTime(24 * 3600_000 - 10_000);
    }
    first.stop();
    const days = fs.readdirSync(path.join(directory, 'play-log', 'days')).sort();
    const summaries = fs.readdirSync(path.join(directory, 'play-log', 'summaries')).sort();
    expect(days[0]).toBe('2026-01-06.jsonl');
    expect(summaries[0]).toBe('2026-01-01.json');
    expect(summaries).toHaveLength(15);
    const report = first.playReport(16);
    expect(report.slides.find((s) => s.slideId === 'welcome')?.plays).toBe(15);
  }, 60_000);

  it('the disk cap stops the log, not the reports, and Kiosk status says so', () => {
    startAt('2026-06-05T09:00:00-04:00');
    const directory = dataFolder();
    const { service } = open(directory, { capBytes: 4_000 });
    for (let i = 0; i < 100; i++) {
      send(service, slide(SLIDES[i % SLIDES.length]!));
      vi.advanceTimersByTime(6_000);
    }
    service.flush();
    expect(service.status().problem).toMatchObject({ kind: 'disk-cap' });
    const size = fs.statSync(path.join(directory, 'play-log', 'days', '2026-06-05.jsonl')).size;
    expect(size).toBeLessThan(4_000 + 2_000);
    expect(() => service.playReport(7)).not.toThrow();
  });
});

describe('what the page may report', () => {
  it('an unknown slide, an unknown playlist, a made-up field or a negative duration is refused, and noted once', () => {
    startAt('2026-06-06T09:00:00-04:00');
    const directory = dataFolder();
    const { service, notes } = open(directory);
    send(service, slide('welcome'));
    send(service, slide('no-such-slide'));
    send(service, slide('no-such-slide'));
    send(service, { ...slide('hours'), playlistId: 'elsewhere' } as PlayEvent);
    service.report({ events: [{ ...slide('hours'), seconds: -5 }] });
    service.report({ events: [{ kind: 'slide', slideId: 'Robert; DROP TABLE', playlistId: 'x' }] });
    service.report('not a batch');
    expect(service.status().refusedEvents).toBe(6);
    expect(notes.filter((note) => note.detail.includes('no slide'))).toHaveLength(1);
    service.stop();
    const plays = recordsOf(directory, '2026-06-06').records.filter((r) => r.type === 'play');
    expect(plays.map((r) => (r as PlayRecord).slideId)).toEqual(['welcome']);
  });

  it('a flood of 10,000 events in a second is cut to what a slideshow makes, and noted once', () => {
    startAt('2026-06-07T09:00:00-04:00');
    const directory = dataFolder();
    const { service, notes } = open(directory);
    for (let batch = 0; batch < 50; batch++) {
      service.report({ events: Array.from({ length: 200 }, () => ({ kind: 'touch' })) });
    }
    vi.advanceTimersByTime(1_000);
    expect(service.status().refusedEvents).toBeGreaterThan(9_700);
    expect(notes.filter((note) => note.event === 'play-log-refused')).toHaveLength(1);
    // The slideshow's own reports still get through afterwards.
    vi.advanceTimersByTime(10_000);
    send(service, slide('welcome'));
    vi.advanceTimersByTime(10_000);
    send(service, slide('hours'));
    service.stop();
    expect(
      recordsOf(directory, '2026-06-07').records.filter((r) => r.type === 'play'),
    ).toHaveLength(2);
  });
});
