import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_SLIDE_IDS,
  DEFAULT_PLAYLIST,
  DEFAULT_SETTINGS,
  type CustomSlide,
  type Settings,
} from '../../../contract';
import {
  firstScreenOf,
  minutesOf,
  prerenderFits,
  PRERENDER_END,
  PRERENDER_START,
  weekdayOf,
  withoutPrerender,
  type LocalTime,
} from '../../../domain';

const MONDAY_9AM: LocalTime = {
  date: '2026-03-02',
  weekday: weekdayOf('2026-03-02'),
  minutes: minutesOf('09:00'),
};
const with_ = (changes: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...changes });
const [WELCOME, SECOND] = BUILT_IN_SLIDE_IDS as [string, string];

describe('the first screen the settings start on', () => {
  it('is the built-in welcome slide in English with the default settings', () => {
    expect(firstScreenOf(DEFAULT_SETTINGS, MONDAY_9AM)).toEqual({
      kind: 'slide',
      slideId: WELCOME,
      language: 'en',
      clinic: null,
    });
    expect(prerenderFits(DEFAULT_SETTINGS, MONDAY_9AM)).toBe(true);
  });

  it('keeps the prerender for changes that do not show on the welcome slide', () => {
    const clinic = { ...DEFAULT_SETTINGS.clinic, name: 'Another Clinic', phone: '555 0100' };
    expect(prerenderFits(with_({ clinic, idleTimeoutSeconds: 120 }), MONDAY_9AM)).toBe(true);
  });

  it('drops it in Spanish', () => {
    expect(prerenderFits(with_({ defaultLanguage: 'es' }), MONDAY_9AM)).toBe(false);
  });

  it('drops it when the playlist starts elsewhere: first slide switched off or moved', () => {
    const switchedOff = {
      ...DEFAULT_PLAYLIST,
      entries: DEFAULT_PLAYLIST.entries.map((entry, index) =>
        index === 0 ? { ...entry, enabled: false } : entry,
      ),
    };
    const settings = with_({ playlists: [switchedOff] });
    expect(firstScreenOf(settings, MONDAY_9AM)).toMatchObject({ slideId: SECOND });
    expect(prerenderFits(settings, MONDAY_9AM)).toBe(false);
  });

  it('drops it when a clinic slide comes first, and skips entries that do not exist', () => {
    const custom: CustomSlide = {
      id: 'custom-hello',
      kind: 'text',
      title: { en: 'Hello' },
      lines: [],
      durationSeconds: 20,
    };
    const entries = [
      { slideId: 'custom-gone', enabled: true, durationSeconds: null },
      { slideId: custom.id, enabled: true, durationSeconds: null },
      ...DEFAULT_PLAYLIST.entries,
    ];
    const settings = with_({
      customSlides: [custom],
      playlists: [{ ...DEFAULT_PLAYLIST, entries }],
    });
    expect(firstScreenOf(settings, MONDAY_9AM)).toMatchObject({ slideId: custom.id });
    expect(prerenderFits(settings, MONDAY_9AM)).toBe(false);
  });

  it('follows the schedule: closed hours, and another playlist at this hour', () => {
    const closed = with_({
      schedule: {
        ...DEFAULT_SETTINGS.schedule,
        weekly: [
          {
            id: 'mornings',
            days: [1],
            start: '08:00',
            end: '10:00',
            target: { kind: 'closed' },
          },
        ],
      },
    });
    expect(firstScreenOf(closed, MONDAY_9AM)).toEqual({ kind: 'closed' });
    expect(prerenderFits(closed, MONDAY_9AM)).toBe(false);
    // Outside the window the default playlist plays again, and the prerender fits.
    const afternoon = { ...MONDAY_9AM, minutes: minutesOf('15:00') };
    expect(prerenderFits(closed, afternoon)).toBe(true);

    const evening = { ...DEFAULT_PLAYLIST, id: 'evening', name: 'Evening' };
    evening.entries = [...DEFAULT_PLAYLIST.entries.slice(1), DEFAULT_PLAYLIST.entries[0]!];
    const scheduled = with_({
      playlists: [DEFAULT_PLAYLIST, evening],
      schedule: {
        ...DEFAULT_SETTINGS.schedule,
        weekly: [
          {
            id: 'evenings',
            days: [1],
            start: '08:00',
            end: '10:00',
            target: { kind: 'playlist', playlistId: 'evening' },
          },
        ],
      },
    });
    expect(firstScreenOf(scheduled, MONDAY_9AM)).toMatchObject({ slideId: SECOND });
    expect(prerenderFits(scheduled, MONDAY_9AM)).toBe(false);
  });

  it("carries the clinic's details only for slides that show them", () => {
    const aboutFirst = {
      ...DEFAULT_PLAYLIST,
      entries: [
        { slideId: 'about-the-clinic', enabled: true, durationSeconds: null },
        ...DEFAULT_PLAYLIST.entries.filter((entry) => entry.slideId !== 'about-the-clinic'),
      ],
    };
    expect(firstScreenOf(with_({ playlists: [aboutFirst] }), MONDAY_9AM)).toEqual({
      kind: 'slide',
      slideId: 'about-the-clinic',
      language: 'en',
      clinic: DEFAULT_SETTINGS.clinic,
    });
  });
});

describe("taking index.html's prerendered slide out", () => {
  // The built page's own markers are checked by tests/e2e/language.spec.ts.
  const slide = `${PRERENDER_START}<main class="player"><h2>How ketamine works</h2></main>${PRERENDER_END}`;

  it('takes it out whole, leaving the empty #root', () => {
    const page = `<body><div id="root">${slide}</div><script></script></body>`;
    expect(withoutPrerender(page)).toBe('<body><div id="root"></div><script></script></body>');
  });

  it('leaves a page without it (or with the markers the wrong way round) unchanged', () => {
    expect(withoutPrerender('<div id="root"></div>')).toBe('<div id="root"></div>');
    expect(withoutPrerender(`<p>${PRERENDER_START}</p>`)).toBe(`<p>${PRERENDER_START}</p>`);
    const reversed = `<p>${PRERENDER_END}${PRERENDER_START}</p>`;
    expect(withoutPrerender(reversed)).toBe(reversed);
  });
});
