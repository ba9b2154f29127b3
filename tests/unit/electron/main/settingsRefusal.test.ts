import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  RecordReviewRequestSchema,
  SaveSettingsRequestSchema,
  SETTINGS_REFUSALS,
  SettingsFieldsSchema,
  SettingsSchema,
  type AdminError,
  type Settings,
} from '../../../../contract';
import { editable } from '../../../../renderer/src/admin/editable';
import { describeAdminError } from '../../../../renderer/src/admin/adminErrors';
import { requestRefusal, settingsRefusal } from '../../../../electron/main/settingsRefusal';
import { adminT } from './fixtures/adminWords';

const base = DEFAULT_SETTINGS;
const playlist = base.playlists[0]!;
const entry = playlist.entries[0]!;
const textSlide = {
  id: 'custom-parking',
  kind: 'text' as const,
  title: { en: 'Parking' },
  lines: [],
  durationSeconds: null,
};
const weekly = {
  id: 'weekly-1',
  days: [1],
  start: '08:00',
  end: '18:00',
  target: { kind: 'closed' as const },
};

/** Every way the settings' schema refuses settings, and what staff are told it is about. */
const REFUSED: [what: string, settings: Settings, refusal: string][] = [
  ['no clinic name', { ...base, clinic: { ...base.clinic, name: ' ' } }, 'clinic-name'],
  [
    'a clinic name too long',
    { ...base, clinic: { ...base.clinic, name: 'n'.repeat(121) } },
    'clinic-name',
  ],
  [
    'a web address that is not one',
    { ...base, clinic: { ...base.clinic, webAddress: 'javascript:alert(1)' } },
    'web-address',
  ],
  ['no crisis line', { ...base, clinic: { ...base.clinic, crisisLines: [] } }, 'crisis-line'],
  [
    'a blank crisis line',
    { ...base, clinic: { ...base.clinic, crisisLines: [{ en: ' ' }] } },
    'crisis-line',
  ],
  [
    'a location too long',
    { ...base, clinic: { ...base.clinic, location: 'l'.repeat(161) } },
    'field:clinic.location',
  ],
  [
    'a phone number too long',
    { ...base, clinic: { ...base.clinic, phone: '5'.repeat(41) } },
    'field:clinic.phone',
  ],
  [
    'too many about lines',
    { ...base, clinic: { ...base.clinic, about: Array(7).fill({ en: 'About.' }) } },
    'field:clinic.about',
  ],
  ['no playlist', { ...base, playlists: [] }, 'playlists-count'],
  [
    'too many playlists',
    {
      ...base,
      playlists: Array.from({ length: 21 }, (_, n) => ({ ...playlist, id: `list-${n}` })),
      defaultPlaylistId: 'list-0',
    },
    'playlists-count',
  ],
  [
    'a playlist with no name',
    { ...base, playlists: [{ ...playlist, name: ' ' }] },
    'playlist-name',
  ],
  [
    'a slide twice in a playlist',
    { ...base, playlists: [{ ...playlist, entries: [entry, entry] }] },
    'playlist-twice',
  ],
  [
    'a slide time out of range',
    {
      ...base,
      playlists: [{ ...playlist, entries: [{ ...entry, durationSeconds: 1 }] }],
    },
    'field:playlists',
  ],
  [
    'two playlists with one id',
    { ...base, playlists: [playlist, { ...playlist, name: 'Copy' }] },
    'duplicate-id',
  ],
  ['the playing playlist gone', { ...base, defaultPlaylistId: 'gone' }, 'playing-gone'],
  [
    'nothing switched on in the playing playlist',
    {
      ...base,
      playlists: [
        { ...playlist, entries: playlist.entries.map((e) => ({ ...e, enabled: false })) },
      ],
    },
    'nothing-plays',
  ],
  [
    'a playlist naming a deleted clinic slide',
    {
      ...base,
      playlists: [
        { ...playlist, entries: [...playlist.entries, { ...entry, slideId: 'custom-gone' }] },
      ],
    },
    'slide-gone',
  ],
  [
    'two clinic slides with one id',
    { ...base, customSlides: [textSlide, textSlide] },
    'duplicate-id',
  ],
  [
    'a clinic slide with no title',
    { ...base, customSlides: [{ ...textSlide, title: { en: ' ' } }] },
    'field:customSlides',
  ],
  [
    'a weekly rule with no day',
    { ...base, schedule: { ...base.schedule, weekly: [{ ...weekly, days: [] }] } },
    'weekly-days',
  ],
  [
    'a weekly rule with a day twice',
    { ...base, schedule: { ...base.schedule, weekly: [{ ...weekly, days: [1, 1] }] } },
    'weekly-days',
  ],
  [
    'a weekly rule at an hour that is none',
    { ...base, schedule: { ...base.schedule, weekly: [{ ...weekly, start: '25:00' }] } },
    'field:schedule',
  ],
  [
    'a date range ending before it starts',
    {
      ...base,
      schedule: {
        ...base.schedule,
        dateRanges: [
          {
            ...weekly,
            days: undefined,
            from: '2026-05-02',
            to: '2026-05-01',
            start: null,
            end: null,
          },
        ].map(({ days: _days, ...rule }) => rule),
      },
    },
    'dates',
  ],
  [
    'two schedule rules with one id',
    { ...base, schedule: { ...base.schedule, weekly: [weekly, weekly] } },
    'duplicate-id',
  ],
  ['an idle time too short', { ...base, idleTimeoutSeconds: 1 }, 'field:idleTimeoutSeconds'],
  [
    'a reading pace too fast',
    { ...base, readingWordsPerMinute: 999 },
    'field:readingWordsPerMinute',
  ],
  ['a restart hour that is none', { ...base, nightlyRestartHour: 24 }, 'field:nightlyRestartHour'],
  [
    'a play log kept too long',
    { ...base, playLogRetentionDays: 9999 },
    'field:playLogRetentionDays',
  ],
];

/** What staff must never read: main's paths, field names, its English, the generic refusal. */
const PROGRAMMER_WORDS =
  /That was not accepted|request refused|\b[a-z]+[A-Z][A-Za-z]*\b|\.\d+\.|\b(settings|playlists|schedule)\.|\bclinic\.(name|location|phone|about)\b|field:|undefined/;

describe('settingsRefusal', () => {
  it.each(REFUSED)(
    'names %s in staff words, from the store and from a save request',
    (_, settings, refusal) => {
      const stored = SettingsSchema.safeParse(settings);
      expect(stored.success).toBe(false);
      expect(settingsRefusal(stored.error!.issues)).toBe(refusal);

      // A save request checks the fields first (the checks across fields come at the store).
      const fieldsOnly = SettingsFieldsSchema.safeParse(settings);
      if (!fieldsOnly.success) {
        const request = SaveSettingsRequestSchema.safeParse({
          settings: editable({ settings } as never),
        });
        expect(requestRefusal(request.error!.issues)).toBe(refusal);
      }

      for (const language of ['en', 'es'] as const) {
        const error: AdminError = { code: 'invalid-request', message: 'x', problem: refusal };
        const said = describeAdminError(adminT(language), error);
        expect(said).not.toMatch(PROGRAMMER_WORDS);
        expect(said.length).toBeGreaterThan(20);
      }
    },
  );

  it('names every refusal, and every settings field, with a sentence of its own in both languages', () => {
    const fields = [
      ...Object.keys(SettingsFieldsSchema.shape).filter((key) => key !== 'clinic'),
      ...Object.keys(base.clinic).map((key) => `clinic.${key}`),
    ];
    for (const language of ['en', 'es'] as const) {
      const t = adminT(language);
      const said = new Set<string>();
      for (const problem of [...SETTINGS_REFUSALS, ...fields.map((field) => `field:${field}`)]) {
        const sentence = describeAdminError(t, { code: 'invalid-request', message: 'x', problem });
        expect(sentence, problem).not.toMatch(PROGRAMMER_WORDS);
        said.add(sentence);
      }
      // No two problems fall back to the same sentence.
      expect(said.size).toBe(SETTINGS_REFUSALS.length + fields.length);
    }
  });

  it("names a review's name and date, and leaves other refused requests to main's words", () => {
    const short = RecordReviewRequestSchema.safeParse({
      language: 'en',
      reviewer: 'A',
      reviewedOn: '2026-03-02',
    });
    expect(requestRefusal(short.error!.issues)).toBe('review-reviewer');
    const badDate = RecordReviewRequestSchema.safeParse({
      language: 'en',
      reviewer: 'Dr Ana Ruiz',
      reviewedOn: '2026-13-45',
    });
    expect(requestRefusal(badDate.error!.issues)).toBe('review-date');
    expect(requestRefusal([{ path: ['token'] }])).toBeNull();
    expect(settingsRefusal([])).toBe('settings');
  });
});
