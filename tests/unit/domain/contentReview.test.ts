import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_CRISIS_LINES,
  DEFAULT_SETTINGS,
  DeckSchema,
  type ContentReview,
  type CustomSlide,
} from '../../../contract';
import {
  addMonths,
  contentNotices,
  crisisLinesReviewed,
  firstScreenOf,
  localTimeOf,
  resolvePlaylist,
  slidesAwaitingReview,
  type ReviewedContent,
} from '../../../domain';

const deck = DeckSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/deck/how-ketamine-works.json', import.meta.url), 'utf8'),
  ),
);
const version = deck.contentVersion;

const review = (language: 'en' | 'es', reviewedOn: string): ContentReview => ({
  language,
  contentVersion: version,
  reviewer: 'Dr. Ada Lovelace',
  reviewedOn,
  crisisLines: DEFAULT_CRISIS_LINES,
});

const parking: CustomSlide = {
  id: 'custom-parking',
  kind: 'text',
  title: { en: 'Parking' },
  lines: [{ en: 'Free parking behind the clinic.' }],
  durationSeconds: null,
};

function content(overrides: Partial<ReviewedContent> = {}): ReviewedContent {
  return {
    deckSlides: deck.slides,
    contentVersion: version,
    reviews: [review('en', '2026-01-15'), review('es', '2026-01-20')],
    crisisLines: DEFAULT_CRISIS_LINES,
    customSlides: [],
    playlists: DEFAULT_SETTINGS.playlists,
    ...overrides,
  };
}

/** Today as the kiosk sees it: the local date of the (fake) clock. */
const today = () => localTimeOf(new Date()).date;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the built-in deck’s review', () => {
  it('is due 12 months after the last sign-off, and warned of 30 days before', () => {
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
    vi.setSystemTime(new Date('2026-12-15T09:00:00'));
    expect(contentNotices(content(), today())).toEqual([]);
    vi.setSystemTime(new Date('2026-12-16T09:00:00'));
    expect(contentNotices(content(), today())).toEqual([
      { kind: 'deck-review-due', language: 'en', due: '2027-01-15', overdue: false },
    ]);
    vi.setSystemTime(new Date('2027-01-15T00:01:00'));
    expect(contentNotices(content(), today())).toEqual([
      { kind: 'deck-review-due', language: 'en', due: '2027-01-15', overdue: true },
      { kind: 'deck-review-due', language: 'es', due: '2027-01-20', overdue: false },
    ]);
  });

  it('counts from the newest sign-off of this content version only', () => {
    vi.setSystemTime(new Date('2027-01-16T09:00:00'));
    const reviews = [
      review('en', '2026-01-15'),
      review('es', '2026-01-20'),
      review('en', '2026-12-01'),
      { ...review('es', '2026-12-01'), contentVersion: '1.1.0' },
    ];
    expect(contentNotices(content({ reviews }), today())).toEqual([
      { kind: 'deck-review-due', language: 'es', due: '2027-01-20', overdue: false },
    ]);
  });

  it('says when this content version has no sign-off in a language', () => {
    vi.setSystemTime(new Date('2026-06-01T09:00:00'));
    const notices = contentNotices(content({ reviews: [review('en', '2026-05-01')] }), today());
    expect(notices).toEqual([{ kind: 'deck-not-reviewed', language: 'es', version }]);
  });

  it('marks the new and changed slides until both languages are signed off', () => {
    const unsigned = slidesAwaitingReview(content({ reviews: [review('en', '2026-05-01')] }));
    expect(unsigned.get('safety-and-what-to-expect')).toBe('new');
    expect(unsigned.get('if-you-are-in-crisis')).toBe('new');
    expect(unsigned.get('hours-not-weeks')).toBe('changed');
    expect(unsigned.has('welcome')).toBe(false);
    expect(slidesAwaitingReview(content()).size).toBe(0);
  });
});

describe('the crisis line', () => {
  it('needs a sign-off again once it is edited', () => {
    vi.setSystemTime(new Date('2026-06-01T09:00:00'));
    const edited = [{ en: 'In danger now? Call 000.' }, ...DEFAULT_CRISIS_LINES.slice(1)];
    const after = content({ crisisLines: edited });
    expect(crisisLinesReviewed(content(), 'en')).toBe(true);
    expect(crisisLinesReviewed(after, 'en')).toBe(false);
    expect(slidesAwaitingReview(after)).toEqual(
      new Map([['if-you-are-in-crisis', 'crisis-lines']]),
    );
    expect(contentNotices(after, today())).toEqual([
      { kind: 'crisis-lines-not-reviewed', language: 'en' },
      { kind: 'crisis-lines-not-reviewed', language: 'es' },
    ]);
    // A review recorded now (main stamps the lines as they read) clears it.
    const signed = content({
      crisisLines: edited,
      reviews: [
        { ...review('en', '2026-06-01'), crisisLines: edited },
        { ...review('es', '2026-06-01'), crisisLines: edited },
      ],
    });
    expect(slidesAwaitingReview(signed).size).toBe(0);
  });
});

describe('the safety slides in every playlist', () => {
  it('names a playlist without them, but not one where staff switched them off', () => {
    vi.setSystemTime(new Date('2026-06-01T09:00:00'));
    const entries = DEFAULT_SETTINGS.playlists[0]!.entries;
    const playlists = [
      { id: 'waiting-room', name: 'Waiting room', entries },
      {
        id: 'switched-off',
        name: 'Evenings',
        entries: entries.map((entry) =>
          entry.slideId === 'if-you-are-in-crisis' ? { ...entry, enabled: false } : entry,
        ),
      },
      {
        id: 'no-crisis',
        name: 'Consultation',
        entries: entries.filter((entry) => entry.slideId !== 'if-you-are-in-crisis'),
      },
    ];
    expect(contentNotices(content({ playlists }), today())).toEqual([
      {
        kind: 'playlist-lacks-safety-slides',
        playlistId: 'no-crisis',
        playlistName: 'Consultation',
        slideIds: ['if-you-are-in-crisis'],
      },
    ]);
  });
});

describe('clinic slides with review and expiry dates', () => {
  const dated: CustomSlide = { ...parking, reviewDue: '2026-04-01', expiresOn: '2026-05-01' };
  const playlist = {
    id: 'waiting-room',
    name: 'Waiting room',
    entries: [
      { slideId: 'welcome', enabled: true, durationSeconds: null },
      { slideId: dated.id, enabled: true, durationSeconds: null },
    ],
  };
  const ids = () =>
    resolvePlaylist(playlist, deck.slides, [dated], today()).slides.map((slide) => slide.id);

  it('warn 30 days before a review is due, then when it is past', () => {
    vi.setSystemTime(new Date('2026-03-01T09:00:00'));
    expect(contentNotices(content({ customSlides: [dated] }), today())).toEqual([]);
    vi.setSystemTime(new Date('2026-03-02T09:00:00'));
    expect(contentNotices(content({ customSlides: [dated] }), today())).toEqual([
      {
        kind: 'slide-review-due',
        slideId: dated.id,
        due: '2026-04-01',
        overdue: false,
        builtIn: false,
      },
    ]);
    vi.setSystemTime(new Date('2026-04-01T09:00:00'));
    expect(contentNotices(content({ customSlides: [dated] }), today())[0]).toMatchObject({
      overdue: true,
    });
  });

  it('play until the day before their expiry date, then leave the loop by themselves', () => {
    vi.setSystemTime(new Date('2026-04-30T23:59:00'));
    expect(ids()).toEqual(['welcome', dated.id]);
    vi.advanceTimersByTime(60_000);
    expect(today()).toBe('2026-05-01');
    expect(ids()).toEqual(['welcome']);
    expect(resolvePlaylist(playlist, deck.slides, [dated], today()).expired).toEqual([dated.id]);
    expect(contentNotices(content({ customSlides: [dated] }), today())).toEqual([
      { kind: 'slide-expired', slideId: dated.id, on: '2026-05-01', builtIn: false },
    ]);
  });

  it('are not the first screen once expired', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      customSlides: [dated],
      playlists: [{ ...playlist, entries: [...playlist.entries].reverse() }],
      defaultPlaylistId: playlist.id,
    };
    vi.setSystemTime(new Date('2026-04-30T12:00:00'));
    expect(firstScreenOf(settings, localTimeOf(new Date()))).toMatchObject({ slideId: dated.id });
    vi.setSystemTime(new Date('2026-05-01T12:00:00'));
    expect(firstScreenOf(settings, localTimeOf(new Date()))).toMatchObject({ slideId: 'welcome' });
  });
});

describe('built-in slides with dates', () => {
  it('never expire: past the date they keep playing, and staff are warned', () => {
    vi.setSystemTime(new Date('2026-06-01T09:00:00'));
    const slides = deck.slides.map((slide) =>
      slide.id === 'bdnf' ? { ...slide, expiresOn: '2026-05-01', reviewDue: '2026-04-01' } : slide,
    );
    const playlist = {
      id: 'p',
      name: 'P',
      entries: [{ slideId: 'bdnf', enabled: true, durationSeconds: null }],
    };
    expect(resolvePlaylist(playlist, slides, [], today()).slides.map((slide) => slide.id)).toEqual([
      'bdnf',
    ]);
    expect(contentNotices(content({ deckSlides: slides }), today())).toEqual([
      { kind: 'slide-expired', slideId: 'bdnf', on: '2026-05-01', builtIn: true },
    ]);
  });
});
