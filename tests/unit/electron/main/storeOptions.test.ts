import fs from 'node:fs';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ABOUT_TEXT_MAX_LENGTH,
  CRISIS_TEXT_MAX_LENGTH,
  DEFAULT_CLINIC,
  DEFAULT_CRISIS_LINES,
  DEFAULT_SETTINGS,
  DEFAULT_PLAYLIST,
  DEFAULT_WORDS_PER_MINUTE,
  DeckSchema,
  MAX_PLAYLIST_ENTRIES,
  SAFETY_SLIDE_IDS,
  type CustomSlide,
  type Settings,
} from '../../../../contract';
import { contentNotices } from '../../../../domain';
import { openSettingsStore } from '../../../../electron/main/settingsStore';
import {
  BOARD_CERTIFIED_ES_BEFORE_4,
  BOARD_CERTIFIED_ES_IN_4,
  CURRENT_STORE_VERSION,
  makeDocument,
  MIGRATIONS,
  serializeDocument,
  SETTINGS_FILE_NAME,
} from '../../../../electron/main/storeOptions';

const now = () => new Date('2026-12-01T10:00:00Z');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The settings as version 3 saved them: no crisis line, no reading pace, no safety slides. */
function version3(settings: Settings): Record<string, unknown> {
  const { readingWordsPerMinute: _pace, clinic, playlists, ...rest } = settings;
  const { crisisLines: _lines, ...oldClinic } = clinic;
  return {
    ...rest,
    clinic: {
      ...oldClinic,
      about: oldClinic.about.map((line, index) =>
        index === 1 ? { ...line, es: BOARD_CERTIFIED_ES_BEFORE_4 } : line,
      ),
    },
    playlists: playlists.map((playlist) => ({
      ...playlist,
      entries: playlist.entries.filter((entry) => !SAFETY_SLIDE_IDS.includes(entry.slideId)),
    })),
  };
}

function open(settings: Record<string, unknown>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-migrate-'));
  dirs.push(dir);
  fs.writeFileSync(
    path.join(dir, SETTINGS_FILE_NAME),
    JSON.stringify({ version: 3, settings }, null, 2),
  );
  return openSettingsStore({ directory: dir, now });
}

const entry = (slideId: string, enabled = true) => ({ slideId, enabled, durationSeconds: null });

describe('settings version 4 → 5', () => {
  it('is the last migration, in the list in order', () => {
    expect(CURRENT_STORE_VERSION).toBe(5);
    expect(MIGRATIONS.map((migration) => migration.from)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps the play log 90 days, as before it was a setting, and changes nothing else', () => {
    const { playLogRetentionDays: _kept, ...before } = {
      ...DEFAULT_SETTINGS,
      transition: 'cut' as const,
      idleTimeoutSeconds: 120,
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-migrate-'));
    dirs.push(dir);
    fs.writeFileSync(
      path.join(dir, SETTINGS_FILE_NAME),
      JSON.stringify({ version: 4, settings: before }, null, 2),
    );
    const store = openSettingsStore({ directory: dir, now });
    expect(store.recovery).toBeNull();
    expect(store.migratedFrom).toBe(4);
    expect(store.settings).toEqual({ ...before, playLogRetentionDays: 90 });
  });
});

describe('clinic text longer than the admin saves now', () => {
  it('is kept as it was: loading cuts nothing and needs no migration', () => {
    // Main refuses a save with more than the fields take; older settings files and setups may
    // hold more. Cutting them would lose the clinic's words unseen: they load as they are.
    const long: Settings = {
      ...DEFAULT_SETTINGS,
      clinic: {
        ...DEFAULT_CLINIC,
        about: [{ en: 'a'.repeat(ABOUT_TEXT_MAX_LENGTH + 500), es: 'b'.repeat(40) }],
        crisisLines: [{ en: 'Call 911.', es: 'c'.repeat(CRISIS_TEXT_MAX_LENGTH + 500) }],
      },
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-migrate-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, SETTINGS_FILE_NAME), serializeDocument(makeDocument(long)));
    const store = openSettingsStore({ directory: dir, now });
    expect(store.recovery).toBeNull();
    expect(store.migratedFrom).toBeNull();
    expect(store.settings).toEqual(long);
  });
});

describe('settings version 3 → 4', () => {
  it('adds the safety and crisis slides to every saved playlist, after their neighbours', () => {
    const saved = version3({
      ...DEFAULT_SETTINGS,
      playlists: [
        DEFAULT_SETTINGS.playlists[0]!,
        {
          id: 'consultation',
          name: 'Consultation',
          entries: [entry('neuron-after'), entry('when-others-have-not-helped', false)],
        },
        { id: 'empty', name: 'Nothing yet', entries: [] },
      ],
    });
    const store = open(saved);
    expect(store.recovery).toBeNull();
    expect(store.migratedFrom).toBe(3);
    const [waiting, consultation, empty] = store.settings.playlists;
    expect(waiting).toEqual(DEFAULT_SETTINGS.playlists[0]);
    expect(consultation!.entries).toEqual([
      entry('neuron-after'),
      entry('when-others-have-not-helped', false),
      entry('safety-and-what-to-expect'),
      entry('if-you-are-in-crisis'),
    ]);
    expect(empty!.entries).toEqual([
      entry('safety-and-what-to-expect'),
      entry('if-you-are-in-crisis'),
    ]);
  });

  it('keeps staff choices: their order, times, switched-off slides and clinic slides', () => {
    const saved = version3({
      ...DEFAULT_SETTINGS,
      playlists: [
        {
          id: 'waiting-room',
          name: 'Ours',
          entries: [
            { slideId: 'education-not-advice', enabled: true, durationSeconds: 20 },
            { slideId: 'welcome', enabled: false, durationSeconds: null },
          ],
        },
      ],
    });
    const store = open(saved);
    expect(store.settings.playlists[0]!.entries).toEqual([
      { slideId: 'education-not-advice', enabled: true, durationSeconds: 20 },
      entry('if-you-are-in-crisis'),
      { slideId: 'welcome', enabled: false, durationSeconds: null },
      entry('safety-and-what-to-expect'),
    ]);
    expect(store.settings.playlists[0]!.name).toBe('Ours');
  });

  it('leaves a full playlist as it is, and staff are told it lacks the safety slides', () => {
    const builtIn = DEFAULT_PLAYLIST.entries.filter(
      (entry) => !SAFETY_SLIDE_IDS.includes(entry.slideId),
    );
    const notes: CustomSlide[] = Array.from(
      { length: MAX_PLAYLIST_ENTRIES - builtIn.length },
      (_, index) => ({
        id: `custom-note-${index}`,
        kind: 'text',
        title: { en: `Note ${index}` },
        lines: [{ en: 'A note from the clinic.' }],
        durationSeconds: null,
      }),
    );
    const full = {
      id: 'everything',
      name: 'Everything',
      entries: [...builtIn, ...notes.map((note) => entry(note.id))],
    };
    expect(full.entries).toHaveLength(MAX_PLAYLIST_ENTRIES);
    const store = open(
      version3({ ...DEFAULT_SETTINGS, customSlides: notes, playlists: [DEFAULT_PLAYLIST, full] }),
    );
    expect(store.recovery).toBeNull();
    const [waiting, kept] = store.settings.playlists;
    // The schema takes no more than 100 entries, and none of the clinic's is dropped to make room.
    expect(kept!.entries).toEqual(full.entries);
    expect(waiting).toEqual(DEFAULT_PLAYLIST);

    // The admin's notices (Slideshow and Kiosk status) name the playlist and what it lacks.
    const deck = DeckSchema.parse(
      JSON.parse(
        readFileSync(
          new URL('../../../../assets/deck/how-ketamine-works.json', import.meta.url),
          'utf8',
        ),
      ),
    );
    const notices = contentNotices(
      {
        deckSlides: deck.slides,
        contentVersion: deck.contentVersion,
        reviews: store.settings.contentReviews,
        crisisLines: store.settings.clinic.crisisLines,
        customSlides: store.settings.customSlides,
        playlists: store.settings.playlists,
      },
      '2026-12-01',
    );
    expect(notices.filter((notice) => notice.kind === 'playlist-lacks-safety-slides')).toEqual([
      {
        kind: 'playlist-lacks-safety-slides',
        playlistId: 'everything',
        playlistName: 'Everything',
        slideIds: ['safety-and-what-to-expect', 'if-you-are-in-crisis'],
      },
    ]);
  });

  it('adds the US crisis line and the standard reading pace', () => {
    const store = open(version3(DEFAULT_SETTINGS));
    expect(store.settings.clinic.crisisLines).toEqual(DEFAULT_CRISIS_LINES);
    expect(store.settings.readingWordsPerMinute).toBe(DEFAULT_WORDS_PER_MINUTE);
    expect(store.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('fixes the Spanish "Board Certified" line only where it is still the old default', () => {
    expect(open(version3(DEFAULT_SETTINGS)).settings.clinic.about[1]!.es).toBe(
      BOARD_CERTIFIED_ES_IN_4,
    );
    const own = version3(DEFAULT_SETTINGS) as { clinic: { about: { en: string; es?: string }[] } };
    own.clinic.about[1] = { en: 'Board Certified.', es: 'Certificado por nuestra junta.' };
    expect(open(own).settings.clinic.about[1]).toEqual({
      en: 'Board Certified.',
      es: 'Certificado por nuestra junta.',
    });
    expect(DEFAULT_CLINIC.about[1]!.es).toBe(BOARD_CERTIFIED_ES_IN_4);
  });
});
