/**
 * Main's composition root, over a fresh data folder: what it wires beyond the single modules'
 * own tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import deck from '../../../../assets/deck/how-ketamine-works.json' with { type: 'json' };
import os from 'node:os';
import {
  DEFAULT_PLAYLIST,
  DEFAULT_SETTINGS,
  IpcChannel,
  type CustomSlide,
  type Settings,
} from '../../../../contract';
import type { ShownContent } from '../../../../electron/main/contentHistory';
import { FAULT_HISTORY_FILE } from '../../../../electron/main/faultHistory';
import { makeDocument, serializeDocument } from '../../../../electron/main/storeOptions';
import {
  KIOSK_PAGE,
  startMainServices,
  type ServicesUnderTest,
} from '../../../support/mainServices';

const running: ServicesUnderTest[] = [];
afterEach(() => {
  for (const main of running.splice(0)) main.dispose();
});

async function start() {
  const main = await startMainServices();
  running.push(main);
  return main;
}

/** What the content history says was on screen, line by line, with its kept items read back. */
function shownTimeline(directory: string) {
  const history = path.join(directory, 'content-history');
  const item = (hash: string): unknown =>
    JSON.parse(fs.readFileSync(path.join(history, 'items', `${hash}.json`), 'utf8'));
  return fs
    .readFileSync(path.join(history, 'timeline.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ShownContent)
    .map((line) => ({
      from: line.from,
      clinicSlides: Object.keys(line.clinicSlides),
      playlists: item(line.playlists) as Pick<Settings, 'playlists' | 'defaultPlaylistId'>,
    }));
}

describe("main's composition root", () => {
  it('keeps the words the screen shows from the first start: the deck by its content version', async () => {
    const main = await start();
    const history = path.join(main.directory, 'content-history');
    expect(fs.existsSync(path.join(history, 'deck', `${deck.contentVersion}.json`))).toBe(true);
    expect(fs.readFileSync(path.join(history, 'timeline.jsonl'), 'utf8')).toContain(
      deck.contentVersion,
    );
  });

  it('a save by staff reaches the player at once and keeps the display awake while open', async () => {
    const main = await start();
    const invoke = (channel: string, payload?: unknown) =>
      (main.services.ipc.invoke as unknown as Record<string, (s: unknown, p: unknown) => unknown>)[
        channel
      ]!(KIOSK_PAGE, payload);
    expect(main.displaySleep).toEqual(['prevent']);
    await invoke(IpcChannel.adminSetFirstPin, { pin: '4829' });
    await invoke(IpcChannel.adminUnlock, { pin: '4829' });
    const settings = main.services.store.settings;
    const {
      audienceDisplayId: _a,
      presenterDisplayId: _p,
      contentReviews: _r,
      ...editable
    } = settings;
    const saved = (await invoke(IpcChannel.adminSaveSettings, {
      settings: { ...editable, transition: 'cut' },
    })) as { ok: boolean };
    expect(saved.ok).toBe(true);
    const pushed = main.broadcasts.filter((b) => b.channel === IpcChannel.kioskConfigChanged);
    expect(pushed.at(-1)?.payload).toMatchObject({ settings: { transition: 'cut' } });
  });

  it('the play log keeps raw days as long as staff set, and every day’s totals for good', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-services-'));
    fs.writeFileSync(
      path.join(directory, 'settings.json'),
      serializeDocument(makeDocument({ ...DEFAULT_SETTINGS, playLogRetentionDays: 7 })),
    );
    const days = path.join(directory, 'play-log', 'days');
    fs.mkdirSync(days, { recursive: true });
    const dayBefore = (n: number) => {
      const date = new Date();
      date.setDate(date.getDate() - n);
      const pad = (value: number) => String(value).padStart(2, '0');
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    };
    for (const n of [20, 5]) {
      const at = new Date(Date.now() - n * 24 * 3600_000).toISOString();
      fs.writeFileSync(
        path.join(days, `${dayBefore(n)}.jsonl`),
        `${JSON.stringify({ type: 'alive', at, date: dayBefore(n) })}\n`,
      );
    }
    const main = await startMainServices({ directory });
    running.push(main);
    expect(main.services.store.settings.playLogRetentionDays).toBe(7);
    expect(fs.existsSync(path.join(days, `${dayBefore(20)}.jsonl`))).toBe(false);
    expect(fs.existsSync(path.join(days, `${dayBefore(5)}.jsonl`))).toBe(true);
    expect(
      fs.existsSync(path.join(directory, 'play-log', 'summaries', `${dayBefore(20)}.json`)),
    ).toBe(true);
  });

  it('the content history keeps what safe mode shows: a line when it starts, and one when it ends', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-services-'));
    const parking: CustomSlide = {
      id: 'custom-parking',
      kind: 'text',
      title: { en: 'Parking' },
      lines: [{ en: 'Free parking behind the clinic.' }],
      durationSeconds: null,
    };
    const own = {
      id: 'own',
      name: 'Our own',
      entries: [
        ...DEFAULT_PLAYLIST.entries,
        { slideId: parking.id, enabled: true, durationSeconds: null },
      ],
    };
    fs.writeFileSync(
      path.join(directory, 'settings.json'),
      serializeDocument(
        makeDocument({
          ...DEFAULT_SETTINGS,
          customSlides: [parking],
          playlists: [own],
          defaultPlaylistId: own.id,
        }),
      ),
    );
    let now = new Date('2026-03-02T08:00:00Z');
    // A run with the clinic's own slides.
    const before = await startMainServices({ directory, now: () => now });
    before.services.stop();
    // Then faults: the next start is in safe mode (the built-in deck only).
    now = new Date('2026-03-02T09:00:00Z');
    fs.writeFileSync(
      path.join(directory, FAULT_HISTORY_FILE),
      JSON.stringify({
        version: 1,
        running: false,
        restarts: [],
        safeMode: { since: now.toISOString(), reason: 'restarted 3 times in 15 minutes' },
      }),
    );
    const main = await startMainServices({ directory, now: () => now });
    running.push(main);
    expect(main.services.config().settings.customSlides).toEqual([]);

    const clinicsOwn = { clinicSlides: [parking.id], playlists: { defaultPlaylistId: own.id } };
    const safe = {
      clinicSlides: [],
      playlists: { playlists: [DEFAULT_PLAYLIST], defaultPlaylistId: DEFAULT_PLAYLIST.id },
    };
    expect(shownTimeline(directory)).toMatchObject([
      { from: '2026-03-02T08:00:00.000Z', ...clinicsOwn },
      { from: '2026-03-02T09:00:00.000Z', ...safe },
    ]);

    // Staff end safe mode: the clinic's own slides are back on screen, and the history says so.
    now = new Date('2026-03-02T09:20:00Z');
    const invoke = (channel: string, payload?: unknown) =>
      (main.services.ipc.invoke as unknown as Record<string, (s: unknown, p: unknown) => unknown>)[
        channel
      ]!(KIOSK_PAGE, payload);
    await invoke(IpcChannel.adminSetFirstPin, { pin: '4829' });
    await invoke(IpcChannel.adminUnlock, { pin: '4829' });
    expect(await invoke(IpcChannel.adminLeaveSafeMode)).toMatchObject({ ok: true });
    expect(main.services.config().settings.customSlides).toEqual([parking]);
    expect(shownTimeline(directory)).toMatchObject([
      { from: '2026-03-02T08:00:00.000Z', ...clinicsOwn },
      { from: '2026-03-02T09:00:00.000Z', ...safe },
      { from: '2026-03-02T09:20:00.000Z', ...clinicsOwn },
    ]);
  });

  it('stop() lets the display sleep and closes the play log', async () => {
    const main = await start();
    main.services.stop();
    expect(main.displaySleep).toEqual(['prevent', 'allow']);
  });
});
