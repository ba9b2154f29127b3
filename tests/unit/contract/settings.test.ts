import { describe, expect, it } from 'vitest';
import deckData from '../../../assets/deck/how-ketamine-works.json' with { type: 'json' };
import {
  DEFAULT_SETTINGS,
  DeckSchema,
  MAX_IDLE_SECONDS,
  MIN_IDLE_SECONDS,
  SettingsSchema,
  type CustomSlide,
  type Settings,
} from '../../../contract';
import {
  MIN_READING_SECONDS,
  localTimeOf,
  playlistToPlay,
  resolvePlaylist,
  scheduleDecisionOf,
  slideSeconds,
  visibleText,
} from '../../../domain';

/*
 * What the settings promise a kiosk, read through what the kiosk does with them: a new kiosk
 * plays the whole deck, and the schema refuses settings that would leave the screen with
 * nothing to show or staff with two things of one name. (Which values the defaults hold is
 * not restated here: a test that copies them cannot fail.)
 */

const deck = DeckSchema.parse(deckData);
const MONDAY_NOON = localTimeOf(new Date('2026-11-30T12:00:00'));

/** What a kiosk with these settings plays now, by slide id. */
function playing(settings: Settings): string[] {
  const decision = scheduleDecisionOf(settings, MONDAY_NOON);
  if (decision.kind === 'closed') return [];
  const playlist = playlistToPlay(settings.playlists, decision.playlistId);
  if (!playlist) return [];
  const { slides } = resolvePlaylist(
    playlist,
    deck.slides,
    settings.customSlides,
    MONDAY_NOON.date,
  );
  return slides.map((slide) => slide.id);
}

/** The messages the schema refuses `settings` with. */
function refusals(settings: unknown): string[] {
  const result = SettingsSchema.safeParse(settings);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const textSlide = (id: string): CustomSlide => ({
  id,
  kind: 'text',
  title: { en: 'Parking' },
  lines: [],
  durationSeconds: null,
});

describe('a new kiosk (the default settings)', () => {
  it('passes its own schema unchanged, so a first save writes what it runs', () => {
    expect(SettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('plays every slide of the built-in deck, in the deck’s order, at any hour', () => {
    expect(playing(DEFAULT_SETTINGS)).toEqual(deck.slides.map((slide) => slide.id));
    for (const hour of ['03:00', '23:59']) {
      const night = localTimeOf(new Date(`2026-12-06T${hour}:00`));
      expect(scheduleDecisionOf(DEFAULT_SETTINGS, night).kind).toBe('playlist');
    }
  });

  it('gives each slide its reading time, not a time of its own', () => {
    const playlist = playlistToPlay(DEFAULT_SETTINGS.playlists, DEFAULT_SETTINGS.defaultPlaylistId);
    expect(playlist?.entries.every((entry) => entry.durationSeconds === null)).toBe(true);
  });

  it('shows a crisis line on the crisis slide in both languages, and a clinic on "about"', () => {
    const crisis = deck.slides.find((slide) => slide.kind === 'crisis');
    const about = deck.slides.find((slide) => slide.kind === 'about-clinic');
    if (!crisis || !about) throw new Error('the deck has no crisis or about-the-clinic slide');
    for (const language of ['en', 'es'] as const) {
      const lines = visibleText(crisis, language, DEFAULT_SETTINGS.clinic).join(' ');
      expect(lines).toMatch(/\b988\b/);
      expect(lines).toMatch(/\b911\b/);
    }
    expect(visibleText(about, 'en', DEFAULT_SETTINGS.clinic).length).toBeGreaterThan(2);
  });

  it('never resumes the loop before a touched slide could be read', () => {
    // The shortest time any slide stays up by itself (contract: MIN_READING_SECONDS).
    const shortest = Math.min(
      ...deck.slides.map((slide) =>
        slideSeconds(
          slide,
          DEFAULT_SETTINGS.defaultLanguage,
          DEFAULT_SETTINGS.clinic,
          DEFAULT_SETTINGS.readingWordsPerMinute,
        ),
      ),
    );
    expect(DEFAULT_SETTINGS.idleTimeoutSeconds).toBeGreaterThanOrEqual(shortest);
    expect(MIN_IDLE_SECONDS).toBeGreaterThanOrEqual(MIN_READING_SECONDS);
    const withIdle = (idleTimeoutSeconds: number) => ({ ...DEFAULT_SETTINGS, idleTimeoutSeconds });
    expect(refusals(withIdle(MIN_IDLE_SECONDS))).toEqual([]);
    expect(refusals(withIdle(MAX_IDLE_SECONDS))).toEqual([]);
    for (const refused of [MIN_IDLE_SECONDS - 1, 2, 0, MAX_IDLE_SECONDS + 1, 12.5]) {
      expect(refusals(withIdle(refused)), `${refused} s`).not.toEqual([]);
    }
  });
});

describe('the settings schema refuses what would break the kiosk or confuse staff', () => {
  const [playlist] = DEFAULT_SETTINGS.playlists;
  if (!playlist) throw new Error('no default playlist');

  it('a playlist to play that does not exist', () => {
    expect(refusals({ ...DEFAULT_SETTINGS, defaultPlaylistId: 'gone' })).toEqual([
      'the playlist to play does not exist',
    ]);
  });

  it('a playlist to play with every slide switched off (the screen would be empty)', () => {
    const dark = {
      ...playlist,
      entries: playlist.entries.map((entry) => ({ ...entry, enabled: false })),
    };
    expect(refusals({ ...DEFAULT_SETTINGS, playlists: [dark] })).toEqual([
      `"${playlist.name}" has no slide switched on, so the kiosk would have nothing to show`,
    ]);
    // Another playlist may be all off: it is not the one playing.
    const spare = { ...dark, id: 'spare' };
    expect(refusals({ ...DEFAULT_SETTINGS, playlists: [playlist, spare] })).toEqual([]);
  });

  it('two playlists, clinic slides or schedule rules of one id', () => {
    expect(refusals({ ...DEFAULT_SETTINGS, playlists: [playlist, playlist] })).toEqual([
      `two playlists share the id "${playlist.id}"`,
    ]);
    expect(
      refusals({
        ...DEFAULT_SETTINGS,
        customSlides: [textSlide('custom-parking'), textSlide('custom-parking')],
      }),
    ).toEqual(['two clinic slides share the id "custom-parking"']);
    const rule = {
      id: 'lunch',
      days: [1],
      start: '12:00',
      end: '13:00',
      target: { kind: 'closed' },
    } as const;
    expect(
      refusals({
        ...DEFAULT_SETTINGS,
        schedule: { ...DEFAULT_SETTINGS.schedule, weekly: [rule, rule] },
      }),
    ).toEqual(['two schedule rules share the id "lunch"']);
  });

  it('a playlist that lists a clinic slide that does not exist', () => {
    const withGhost = {
      ...playlist,
      entries: [
        ...playlist.entries,
        { slideId: 'custom-ghost', enabled: true, durationSeconds: null },
      ],
    };
    expect(refusals({ ...DEFAULT_SETTINGS, playlists: [withGhost] })).toEqual([
      `"${playlist.name}" lists a clinic slide that does not exist (custom-ghost)`,
    ]);
    expect(
      refusals({
        ...DEFAULT_SETTINGS,
        playlists: [withGhost],
        customSlides: [textSlide('custom-ghost')],
      }),
    ).toEqual([]);
    expect(
      playing({
        ...DEFAULT_SETTINGS,
        playlists: [withGhost],
        customSlides: [textSlide('custom-ghost')],
      }),
    ).toContain('custom-ghost');
  });
});
