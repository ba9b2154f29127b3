import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_SLIDE_IDS,
  EMPTY_SCHEDULE,
  ChangePinRequestSchema,
  HeartbeatSchema,
  LANGUAGES,
  MAX_PIN_DIGITS,
  MIN_PIN_DIGITS,
  PinRequestSchema,
  ProblemReportSchema,
  RecordReviewRequestSchema,
  SaveSettingsRequestSchema,
  TRANSITION_STYLES,
  WebAddressSchema,
  type EditableSettings,
  type LocalizedText,
  type RecordReviewRequest,
} from '../../../contract';
import type { z } from '../../../contract/zod';

const RUNS = { numRuns: 200 };

// ---------------------------------------------------------------------------------------------
// Arbitraries for valid values (already in their parsed form, so parse(x) must equal x)

/**
 * Text the schema keeps as is: already trimmed, `min`..`max` long. zod 4 measures strings in
 * code points (so '𐀀', two UTF-16 units, is one character), and so does this.
 */
function text(min: number, max: number) {
  return fc
    .string({ unit: 'grapheme', maxLength: max })
    .map((value) => value.trim())
    .filter((value) => [...value].length >= min && [...value].length <= max);
}

/** Well-formed PINs (the rule itself is tested in pin.test.ts). */
const pinArb = fc.string({
  unit: fc.constantFrom(...'0123456789'),
  minLength: MIN_PIN_DIGITS,
  maxLength: MAX_PIN_DIGITS,
});

const localizedText: fc.Arbitrary<LocalizedText> = fc.record(
  { en: text(1, 60), es: text(1, 60) },
  { requiredKeys: ['en'] },
);

const webAddress = fc.oneof(
  fc.constant(''),
  fc
    .webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true })
    .filter((url) => url.length <= 300 && WebAddressSchema.safeParse(url).success),
);

const editableSettings: fc.Arbitrary<EditableSettings> = fc.record({
  idleTimeoutSeconds: fc.integer({ min: 10, max: 3600 }),
  defaultLanguage: fc.constantFrom(...LANGUAGES),
  transition: fc.constantFrom(...TRANSITION_STYLES),
  showProgressBar: fc.boolean(),
  readingWordsPerMinute: fc.integer({ min: 60, max: 300 }),
  mode: fc.constantFrom('loop', 'present'),
  nightlyRestartHour: fc.option(fc.integer({ min: 0, max: 23 }), { nil: null }),
  playLogRetentionDays: fc.integer({ min: 7, max: 366 }),
  clinic: fc.record({
    name: text(1, 120),
    location: text(0, 160),
    phone: text(0, 40),
    webAddress,
    about: fc.array(localizedText, { maxLength: 6 }),
    crisisLines: fc.array(localizedText, { minLength: 1, maxLength: 5 }),
  }),
  playlists: fc.array(
    fc.record({
      id: fc.constantFrom('waiting-room', 'consultation', 'evening-2'),
      name: text(1, 60),
      entries: fc.uniqueArray(
        fc.record({
          slideId: fc.constantFrom(...BUILT_IN_SLIDE_IDS),
          enabled: fc.boolean(),
          durationSeconds: fc.option(fc.integer({ min: 3, max: 600 }), { nil: null }),
        }),
        { selector: (entry) => entry.slideId, maxLength: 12 },
      ),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  defaultPlaylistId: fc.constantFrom('waiting-room', 'consultation'),
  customSlides: fc.array(
    fc.record({
      id: fc.stringMatching(/^custom-[a-z0-9]{1,12}$/),
      kind: fc.constant('text' as const),
      title: localizedText,
      lines: fc.array(localizedText, { maxLength: 5 }),
      durationSeconds: fc.integer({ min: 3, max: 600 }),
    }),
    { maxLength: 3 },
  ),
  schedule: fc.constant(EMPTY_SCHEDULE),
});

/** YYYY-MM-DD of a real calendar day, 1900–2100. */
const calendarDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00.000Z'),
    max: new Date('2100-12-31T23:59:59.999Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

const review: fc.Arbitrary<RecordReviewRequest> = fc.record({
  language: fc.constantFrom(...LANGUAGES),
  reviewer: text(2, 80),
  reviewedOn: calendarDate,
});

const heartbeat = fc.record({
  run: fc.nat(),
  rotating: fc.boolean(),
  index: fc.nat(),
});

const problemReport = fc.record(
  {
    kind: fc.constantFrom('slide-skipped', 'render-error'),
    slideId: fc.string({ maxLength: 80 }),
    message: fc.string({ minLength: 1, maxLength: 200 }),
  },
  { requiredKeys: ['kind', 'message'] },
);

interface SchemaCase {
  name: string;
  schema: z.ZodMiniType;
  valid: fc.Arbitrary<Record<string, unknown>>;
}

const REQUEST_SCHEMAS: SchemaCase[] = [
  { name: 'PinRequestSchema', schema: PinRequestSchema, valid: fc.record({ pin: pinArb }) },
  {
    name: 'ChangePinRequestSchema',
    schema: ChangePinRequestSchema,
    valid: fc.record({ current: pinArb, next: pinArb }),
  },
  {
    name: 'SaveSettingsRequestSchema',
    schema: SaveSettingsRequestSchema,
    valid: fc.record({ settings: editableSettings }),
  },
  { name: 'RecordReviewRequestSchema', schema: RecordReviewRequestSchema, valid: review },
  { name: 'ProblemReportSchema', schema: ProblemReportSchema, valid: problemReport },
  { name: 'HeartbeatSchema', schema: HeartbeatSchema, valid: heartbeat },
];

/** Every key the request schemas know (an optional one left out is not "extra"). */
const SCHEMA_KEYS = new Set([
  ...Object.keys(PinRequestSchema.shape),
  ...Object.keys(ChangePinRequestSchema.shape),
  ...Object.keys(SaveSettingsRequestSchema.shape),
  ...Object.keys(RecordReviewRequestSchema.shape),
  ...Object.keys(ProblemReportSchema.shape),
  ...Object.keys(HeartbeatSchema.shape),
]);

/** Everything fast-check can make, including the odd shapes (null prototypes, boxed values…). */
const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

// ---------------------------------------------------------------------------------------------

describe('request schemas', () => {
  it('SaveSettingsRequestSchema round-trips any request built from valid parts', () => {
    fc.assert(
      fc.property(editableSettings, (settings) => {
        const request = { settings };
        expect(SaveSettingsRequestSchema.parse(request)).toEqual(request);
      }),
      RUNS,
    );
  });

  it.each(REQUEST_SCHEMAS)('$name round-trips its valid values', ({ schema, valid }) => {
    fc.assert(
      fc.property(valid, (value) => {
        const result = schema.safeParse(value);
        expect(result.success).toBe(true);
        expect(result.data).toEqual(value);
      }),
      { numRuns: 100 },
    );
  });

  it.each(REQUEST_SCHEMAS)('$name never throws from safeParse', ({ schema }) => {
    fc.assert(
      fc.property(anything, (value) => {
        const result = schema.safeParse(value);
        expect(typeof result.success).toBe('boolean');
      }),
      RUNS,
    );
  });

  it.each(REQUEST_SCHEMAS)('$name refuses any object with an extra key', ({ schema, valid }) => {
    fc.assert(
      fc.property(valid, fc.string(), anything, (value, key, extra) => {
        fc.pre(!SCHEMA_KEYS.has(key) && !Object.prototype.hasOwnProperty.call(value, key));
        // A computed key makes an own property even for "__proto__".
        const withExtra = { ...value, [key]: extra };
        expect(schema.safeParse(withExtra).success).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('SaveSettingsRequestSchema refuses an extra key inside the settings or the clinic', () => {
    const reserved = new Set(['audienceDisplayId', 'presenterDisplayId', 'contentReviews']);
    fc.assert(
      fc.property(
        editableSettings,
        fc.oneof(fc.string(), fc.constantFrom(...reserved)),
        fc.jsonValue(),
        fc.boolean(),
        (settings, key, extra, inClinic) => {
          const target: Record<string, unknown> = inClinic ? settings.clinic : settings;
          fc.pre(!Object.prototype.hasOwnProperty.call(target, key));
          const request = inClinic
            ? { settings: { ...settings, clinic: { ...settings.clinic, [key]: extra } } }
            : { settings: { ...settings, [key]: extra } };
          expect(SaveSettingsRequestSchema.safeParse(request).success).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('WebAddressSchema', () => {
  /** What the QR code will carry: only http(s), whatever the case or surrounding blanks. */
  const isHttp = (value: string) => /^https?:\/\//i.test(value);

  it('accepts a generated web URL exactly when its scheme is http or https', () => {
    const schemes = ['http', 'https', 'javascript', 'data', 'file', 'app', 'ftp', 'ws', 'blob'];
    const urls = fc.webUrl({
      validSchemes: schemes,
      withQueryParameters: true,
      withFragments: true,
    });
    fc.assert(
      fc.property(urls, (url) => {
        const result = WebAddressSchema.safeParse(url);
        expect(result.success).toBe(/^https?:\/\//.test(url) && url.length <= 300);
        if (result.success) expect(result.data).toBe(url);
      }),
      { numRuns: 300 },
    );
  });

  it('never accepts a string with another scheme', () => {
    const scheme = fc.constantFrom(
      'javascript:',
      'JavaScript:',
      'data:',
      'file:',
      'app:',
      'vbscript:',
      'blob:',
      'about:',
      'ftp:',
      'http:',
      'https:',
    );
    const rest = fc.oneof(
      fc.string(),
      fc.webUrl().map((url) => url.replace(/^[a-z]+:/, '')),
      fc.constantFrom('alert(1)', '//example.com/%0aalert(1)', 'text/html,<script>x</script>'),
    );
    fc.assert(
      fc.property(fc.constantFrom('', ' ', '\t'), scheme, rest, (lead, prefix, tail) => {
        const value = `${lead}${prefix}${tail}`;
        const result = WebAddressSchema.safeParse(value);
        if (result.success) {
          expect(result.data === '' || isHttp(result.data)).toBe(true);
          expect(isHttp(value.trim())).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never accepts an arbitrary string unless it is empty or starts with http(s)://', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (value) => {
        const result = WebAddressSchema.safeParse(value);
        if (result.success) {
          expect(result.data === '' || isHttp(result.data)).toBe(true);
          expect(value === '' || isHttp(value.trim())).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('also takes an upper-case scheme and blanks around it (as the URL parser does)', () => {
    // Not a way around the http(s)-only rule: the parsed value keeps an http(s) scheme.
    expect(WebAddressSchema.safeParse('HTTPS://EXAMPLE.COM').success).toBe(true);
    expect(WebAddressSchema.parse(' https://example.com ')).toBe('https://example.com');
    expect(WebAddressSchema.safeParse('https:example.com').success).toBe(false);
    expect(WebAddressSchema.safeParse('https:/example.com').success).toBe(false);
  });
});

describe('RecordReviewRequestSchema: reviewedOn', () => {
  const withDate = (reviewedOn: unknown) => ({ language: 'en', reviewer: 'Dr. Ada', reviewedOn });

  it('accepts every calendar day from 1900 to 2100 as YYYY-MM-DD', () => {
    fc.assert(
      fc.property(calendarDate, (day) => {
        expect(RecordReviewRequestSchema.parse(withDate(day)).reviewedOn).toBe(day);
      }),
      { numRuns: 300 },
    );
  });

  /** Whether `value` is YYYY-MM-DD naming a day that exists. */
  const isCalendarDay = (value: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00.000Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  };

  it('refuses strings that are not calendar days', () => {
    const nearMisses = fc.oneof(
      // Right shape, possibly impossible day: month 00–19, day 00–39 (Feb 30, Apr 31, …).
      fc
        .tuple(
          fc.integer({ min: 1900, max: 2100 }),
          fc.integer({ min: 0, max: 19 }),
          fc.integer({ min: 0, max: 39 }),
        )
        .map(
          ([year, month, day]) =>
            `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        ),
      // A real day, dressed up: a time, blanks, other separators, a short year.
      fc
        .tuple(
          calendarDate,
          fc.constantFrom(
            (d: string) => `${d}T00:00:00Z`,
            (d: string) => ` ${d}`,
            (d: string) => `${d}\n`,
            (d: string) => d.replaceAll('-', '/'),
            (d: string) => d.replaceAll('-', ''),
            (d: string) => d.slice(2),
          ),
        )
        .map(([day, dress]) => dress(day)),
      fc.string(),
    );
    fc.assert(
      fc.property(nearMisses, (value) => {
        expect(RecordReviewRequestSchema.safeParse(withDate(value)).success).toBe(
          isCalendarDay(value),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses dates that are not strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.date(), fc.integer(), fc.constant(null)), (value) => {
        expect(RecordReviewRequestSchema.safeParse(withDate(value)).success).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});
