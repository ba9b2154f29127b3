/**
 * Play-log paths the week-long simulation does not reach: a video that failed, the presenter's
 * and the keyboard's arrivals, the screen's closed, blanked and admin time as the recorder makes
 * it from the page's reports, and the export (formula-safe CSV, every kept day in daily.csv).
 * A real data folder, fake timers (Date and the monotonic clock move only when the test moves
 * them), a time zone with daylight saving time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import type { PlayEvent, ScreenState } from '../../../../../contract';
import { csv, csvCell, DAILY_HEADER } from '../../../../../electron/main/playLog/playCsv';
import {
  parseRecords,
  type PlayRecord,
  type ScreenRecord,
} from '../../../../../electron/main/playLog/playRecords';
import type {
  PlayLogService,
  PlayLogServiceOptions,
} from '../../../../../electron/main/playLog/playLogService';
import { playLogHarness, send, slide } from './playLogHarness';

const SLIDES = ['welcome', 'hours', 'system', 'bdnf', 'clinic-video'];
const harness = playLogHarness('kiosk-playlog-paths-', {
  contentVersionOf: (id) => (SLIDES.includes(id) ? '1.1.0' : null),
});
const { dataFolder, startAt } = harness;
const open = (directory: string, overrides: Partial<PlayLogServiceOptions> = {}) =>
  harness.open(directory, overrides).service;

const screen = (state: ScreenState): PlayEvent => ({ kind: 'screen', state });

function recordsOn(directory: string, date: string) {
  const file = path.join(directory, 'play-log', 'days', `${date}.jsonl`);
  return parseRecords(fs.readFileSync(file, 'utf8')).records;
}
const playsOn = (directory: string, date: string) =>
  recordsOn(directory, date).filter((record): record is PlayRecord => record.type === 'play');
const screensOn = (directory: string, date: string) =>
  recordsOn(directory, date).filter((record): record is ScreenRecord => record.type === 'screen');

/** The export's CSV files, parsed by a real CSV parser (header row → objects). */
function exported(service: PlayLogService, folder: string) {
  const result = service.exportTo(folder, { clinic: 'Riverside Clinic', titleOf: (id) => id });
  if (!result.ok) throw new Error(result.message);
  const read = (name: string) =>
    parse(fs.readFileSync(path.join(folder, result.folderName, name), 'utf8'), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
  return { plays: read('plays.csv'), daily: read('daily.csv') };
}

describe('a clinic video that fails', () => {
  it('is recorded as a failed play, counted as failed, and exported as failed', () => {
    startAt('2026-06-10T09:00:00-04:00');
    const directory = dataFolder();
    const service = open(directory);
    send(service, screen('playing'), slide('welcome'));
    vi.advanceTimersByTime(10_000);
    send(service, slide('clinic-video'));
    vi.advanceTimersByTime(2_000);
    // The player could not show it, says so, and moves on.
    send(service, { kind: 'failed', slideId: 'clinic-video' });
    send(service, slide('hours'));
    vi.advanceTimersByTime(10_000);
    // A failure for a slide that is not on screen is refused, and marks nothing.
    send(service, { kind: 'failed', slideId: 'welcome' });
    send(service, slide('system'));
    service.stop();

    expect(
      playsOn(directory, '2026-06-10').map((play) => [play.slideId, play.failed, play.seconds]),
    ).toEqual([
      ['welcome', false, 10],
      ['clinic-video', true, 2],
      ['hours', false, 10],
      ['system', false, 0],
    ]);
    expect(service.status().refusedEvents).toBe(1);
    const report = service.playReport(1);
    expect(report.slides.find((s) => s.slideId === 'clinic-video')).toMatchObject({
      plays: 1,
      failed: 1,
    });
    expect(report.slides.find((s) => s.slideId === 'welcome')).toMatchObject({ failed: 0 });
    const { plays } = exported(service, dataFolder());
    expect(plays.map((row) => [row['slide'], row['failed']])).toEqual([
      ['welcome', 'false'],
      ['clinic-video', 'true'],
      ['hours', 'false'],
      ['system', 'false'],
    ]);
  });
});

describe('how a slide arrived', () => {
  it('the presenter’s and the keyboard’s arrivals are recorded, and only a patient’s choice counts as chosen', () => {
    startAt('2026-06-11T09:00:00-04:00');
    const directory = dataFolder();
    const service = open(directory);
    // Consultation mode: the clinician presents; the loop never rotates.
    send(service, screen('playing'), slide('welcome', 'start', false));
    vi.advanceTimersByTime(30_000);
    send(service, slide('hours', 'presenter', false));
    vi.advanceTimersByTime(40_000);
    send(service, slide('system', 'presenter', false));
    vi.advanceTimersByTime(50_000);
    // Back to the waiting room: the loop, then a patient at the keyboard.
    send(service, slide('bdnf', 'loop', true));
    vi.advanceTimersByTime(10_000);
    // As the player reports it: the slide the key brought, then the touch session it starts.
    send(service, slide('hours', 'key', false), { kind: 'touch' });
    vi.advanceTimersByTime(20_000);
    send(service, slide('system', 'key', false));
    vi.advanceTimersByTime(25_000);
    send(service, { kind: 'idle-resume' });
    vi.advanceTimersByTime(5_000);
    send(service, slide('welcome', 'loop', true));
    service.stop();

    expect(
      playsOn(directory, '2026-06-11').map((play) => [
        play.slideId,
        play.arrivedBy,
        play.leftBy,
        play.rotating,
        play.seconds,
      ]),
    ).toEqual([
      ['welcome', 'start', 'presenter', false, 30],
      ['hours', 'presenter', 'presenter', false, 40],
      ['system', 'presenter', 'loop', false, 50],
      ['bdnf', 'loop', 'key', true, 10],
      ['hours', 'key', 'key', false, 20],
      ['system', 'key', 'loop', false, 30],
      ['welcome', 'loop', 'stop', true, 0],
    ]);
    // "Slides patients chose to see": the keyboard's, not the presenter's.
    const chosen = Object.fromEntries(
      service.playReport(1).slides.map((totals) => [totals.slideId, totals.browsed]),
    );
    expect(chosen).toEqual({ welcome: 0, hours: 1, system: 1, bdnf: 0 });
    const session = recordsOn(directory, '2026-06-11').find((record) => record.type === 'session');
    expect(session).toMatchObject({
      visits: [
        { slideId: 'hours', seconds: 20 },
        { slideId: 'system', seconds: 25 },
      ],
      endedBy: 'idle-resume',
    });
  });
});

describe('the screen’s time, as the recorder makes it', () => {
  it('closed by the schedule, blanked by the presenter and inside the admin: each span from the page’s reports', () => {
    startAt('2026-06-12T08:00:00-04:00');
    const directory = dataFolder();
    const service = open(directory);
    send(service, screen('playing'), slide('welcome'));
    vi.advanceTimersByTime(60_000);
    // The schedule closes the slideshow for an hour, then it plays again.
    send(service, screen('closed'));
    vi.advanceTimersByTime(3600_000);
    send(service, screen('playing'), slide('hours'));
    vi.advanceTimersByTime(30_000);
    // The presenter blanks the screen for two minutes.
    send(service, screen('blanked'));
    vi.advanceTimersByTime(120_000);
    send(service, screen('playing'), slide('system'));
    vi.advanceTimersByTime(45_000);
    // A patient was browsing when staff opened the admin for five minutes.
    send(service, { kind: 'touch' });
    vi.advanceTimersByTime(5_000);
    send(service, screen('admin'));
    vi.advanceTimersByTime(300_000);
    send(service, screen('playing'), slide('bdnf'));
    vi.advanceTimersByTime(10_000);
    service.stop();

    expect(
      screensOn(directory, '2026-06-12').map((span) => [span.state, span.seconds, span.start]),
    ).toEqual([
      ['playing', 60, '2026-06-12T12:00:00.000Z'],
      ['closed', 3600, '2026-06-12T12:01:00.000Z'],
      ['playing', 30, '2026-06-12T13:01:00.000Z'],
      ['blanked', 120, '2026-06-12T13:01:30.000Z'],
      ['playing', 50, '2026-06-12T13:03:30.000Z'],
      ['admin', 300, '2026-06-12T13:04:20.000Z'],
      ['playing', 10, '2026-06-12T13:09:20.000Z'],
    ]);
    // Each play ends where the screen left the slideshow; the touch session with it.
    expect(playsOn(directory, '2026-06-12').map((play) => [play.slideId, play.leftBy])).toEqual([
      ['welcome', 'closed'],
      ['hours', 'blanked'],
      ['system', 'admin'],
      ['bdnf', 'stop'],
    ]);
    expect(
      recordsOn(directory, '2026-06-12').find((record) => record.type === 'session'),
    ).toMatchObject({ endedBy: 'screen', seconds: 5 });
    const [day] = service.playReport(1).perDay;
    expect(day).toMatchObject({
      playingSeconds: 150,
      closedSeconds: 3600,
      blankedSeconds: 120,
      adminSeconds: 300,
      notRunningSeconds: 0,
    });
    const { daily } = exported(service, dataFolder());
    expect(daily).toEqual([
      {
        date: '2026-06-12',
        plays: '4',
        touch_sessions: '1',
        playing_hours: '0.04',
        closed_hours: '1',
        blanked_hours: '0.03',
        admin_hours: '0.08',
        not_running_hours: '0',
      },
    ]);
  });
});

describe('the export', () => {
  const dangerous = [
    '=HYPERLINK("http://example.com","x")',
    '+SUM(1,1)',
    '-2+3',
    '@SUM(1)',
    '\t=1+1',
    '\r=1+1',
  ];

  it.each(dangerous)(
    'a cell starting with a formula character is kept as plain text: %j',
    (text) => {
      const cell = csvCell(text);
      const [row] = parse(csv(['value'], [[text]]), { bom: true, columns: true }) as {
        value: string;
      }[];
      // A spreadsheet reads a leading apostrophe as "text", never as a formula.
      expect(row!.value).toBe(`'${text}`);
      expect(cell.replace(/^"/, '')).toMatch(/^'/);
    },
  );

  it('numbers, dates and plain words stay as they are; quotes, commas and line breaks round-trip', () => {
    const rows = [[-3, 2.5, '2026-06-12', 'welcome', 'a "quoted", text\r\nover lines', true]];
    const header = ['n', 'x', 'date', 'slide', 'text', 'flag'];
    expect(parse(csv(header, rows), { bom: true })).toEqual([
      header,
      ['-3', '2.5', '2026-06-12', 'welcome', 'a "quoted", text\r\nover lines', 'true'],
    ]);
  });

  it('ids read back from a log that was tampered with cannot run as formulas in plays.csv', () => {
    startAt('2026-06-13T09:00:00-04:00');
    const directory = dataFolder();
    const days = path.join(directory, 'play-log', 'days');
    fs.mkdirSync(days, { recursive: true });
    const tampered: PlayRecord = {
      type: 'play',
      start: '2026-06-13T12:00:00.000Z',
      end: '2026-06-13T12:00:10.000Z',
      date: '2026-06-13',
      seconds: 10,
      playlistId: '+SUM(1,1)',
      slideId: '=HYPERLINK("http://example.com","x")',
      language: 'en',
      contentVersion: '@SUM(1)',
      arrivedBy: 'loop',
      leftBy: 'loop',
      rotating: true,
      failed: false,
    };
    fs.writeFileSync(path.join(days, '2026-06-13.jsonl'), `${JSON.stringify(tampered)}\n`);
    const service = open(directory);
    const [row] = exported(service, dataFolder()).plays;
    expect(row).toMatchObject({
      playlist: `'${tampered.playlistId}`,
      slide: `'${tampered.slideId}`,
      content_version: `'${tampered.contentVersion}`,
    });
  });

  it('daily.csv has every day kept, also those whose raw records are gone (only the summary is left)', () => {
    startAt('2026-01-01T12:00:00-05:00');
    const directory = dataFolder();
    const service = open(directory, { retentionDays: () => 10, flushEveryMs: 3600_000 });
    for (let day = 0; day < 15; day++) {
      send(service, slide('welcome'));
      vi.advanceTimersByTime(10_000);
      send(service, slide('hours'));
      vi.advanceTimersByTime(24 * 3600_000 - 10_000);
    }
    service.flush();
    const raw = fs.readdirSync(path.join(directory, 'play-log', 'days')).sort();
    expect(raw[0]).toBe('2026-01-06.jsonl');

    const { daily, plays } = exported(service, dataFolder());
    expect(Object.keys(daily[0]!)).toEqual([...DAILY_HEADER]);
    expect(daily.map((row) => row['date'])).toEqual(
      Array.from({ length: 16 }, (_, n) => `2026-01-${String(n + 1).padStart(2, '0')}`),
    );
    // Each closed day: its two plays, from the summary where the raw records are gone.
    for (const row of daily.slice(0, 15)) expect(row['plays'], row['date']).toBe('2');
    // plays.csv can only list the plays whose raw records are kept (today's is still on screen).
    expect([...new Set(plays.map((row) => row['local_date']))]).toEqual(
      Array.from({ length: 10 }, (_, n) => `2026-01-${String(n + 6).padStart(2, '0')}`),
    );
  }, 60_000);
});
