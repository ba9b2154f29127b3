import { schema, z } from './zod';
import { LANGUAGES, LanguageSchema, LocalizedTextSchema, type Language } from './language';
import {
  CustomSlideSchema,
  DEFAULT_PLAYLIST,
  MAX_CUSTOM_SLIDES,
  MAX_PLAYLISTS,
  PlaylistSchema,
} from './playlist';
import { EMPTY_SCHEDULE } from './emptySchedule';
import { ScheduleSchema } from './schedule';

export const TRANSITION_STYLES = ['fade', 'slide', 'cut'] as const;
export const TransitionStyleSchema = /* @__PURE__ */ z.enum(TRANSITION_STYLES);
export type TransitionStyle = z.infer<typeof TransitionStyleSchema>;

/*
 * The longest entry each clinic field takes, for the schemas below and for the admin's fields
 * (so a field never takes what main would refuse).
 */
export const CLINIC_NAME_MAX_LENGTH = 120;
export const CLINIC_LOCATION_MAX_LENGTH = 160;
export const CLINIC_PHONE_MAX_LENGTH = 40;
export const WEB_ADDRESS_MAX_LENGTH = 300;
export const MAX_ABOUT_LINES = 6;
export const MAX_CRISIS_LINES = 5;
export const REVIEWER_MAX_LENGTH = 80;
/**
 * The about slide's lines and the crisis slide's, as staff type them in one language (one per
 * line, see `linesTextLength`): the most main takes in a save.
 */
export const ABOUT_TEXT_MAX_LENGTH = 1500;
export const CRISIS_TEXT_MAX_LENGTH = 1200;

/**
 * How long lines are in one language as the admin shows them to edit (one per line, a missing
 * one blank), counted as zod counts a string: in code points.
 */
export function linesTextLength(
  lines: readonly { en: string; es?: string | undefined }[],
  language: Language,
): number {
  return [...lines.map((line) => line[language] ?? '').join('\n')].length;
}

/** A web address worth turning into a QR code: http(s) only, nothing that runs script. */
export const WebAddressSchema = /* @__PURE__ */ schema(() =>
  z.union([
    z.literal(''),
    z
      .url({ protocol: /^https?$/, hostname: z.regexes.domain })
      .check(z.maxLength(WEB_ADDRESS_MAX_LENGTH)),
  ]),
);

export const ClinicDetailsSchema = /* @__PURE__ */ z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(CLINIC_NAME_MAX_LENGTH)),
  location: z.string().check(z.trim(), z.maxLength(CLINIC_LOCATION_MAX_LENGTH)),
  phone: z.string().check(z.trim(), z.maxLength(CLINIC_PHONE_MAX_LENGTH)),
  webAddress: WebAddressSchema,
  /** Short lines about the clinic, shown on the "about the clinic" slide. */
  about: z.array(LocalizedTextSchema).check(z.maxLength(MAX_ABOUT_LINES)),
  /**
   * The crisis slide's lines: the numbers and words of the clinic's crisis line, as its
   * clinician approved them. Changing them marks that slide for clinical review again.
   */
  crisisLines: z
    .array(LocalizedTextSchema)
    .check(
      z.minLength(1, 'the crisis slide needs at least one line'),
      z.maxLength(MAX_CRISIS_LINES),
    ),
});
export type ClinicDetails = z.infer<typeof ClinicDetailsSchema>;

/**
 * The clinic's details as staff save them: the about text and the crisis line no longer than
 * their fields take, in each language. Only saves are held to it: settings kept from before
 * main had the limit (the settings file, a setup) load as they are, so no text is lost unseen;
 * the Clinic details screen asks staff to shorten it before their next save.
 */
export const EditableClinicDetailsSchema = /* @__PURE__ */ ClinicDetailsSchema.check(
  z.superRefine((clinic, ctx) => {
    const fields = [
      { key: 'about', what: 'the about text', max: ABOUT_TEXT_MAX_LENGTH },
      { key: 'crisisLines', what: 'the crisis line', max: CRISIS_TEXT_MAX_LENGTH },
    ] as const;
    for (const { key, what, max } of fields) {
      for (const language of LANGUAGES) {
        const length = linesTextLength(clinic[key], language);
        if (length > max) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `${what} in ${language === 'en' ? 'English' : 'Spanish'} is ${length} characters long; at most ${max}`,
          });
        }
      }
    }
  }),
);

/** A clinician's record that they reviewed one language of the deck's content. */
export const ContentReviewSchema = /* @__PURE__ */ z.strictObject({
  language: LanguageSchema,
  /** The deck's content version that was reviewed (set by main, not typed by staff). */
  contentVersion: z.string().check(z.regex(/^\d+\.\d+\.\d+$/)),
  reviewer: z.string().check(z.trim(), z.minLength(2), z.maxLength(REVIEWER_MAX_LENGTH)),
  /** Calendar date of the review, YYYY-MM-DD. */
  reviewedOn: z.iso.date(),
  /** The crisis slide's lines as they were when reviewed (set by main); absent in old records. */
  crisisLines: z.optional(z.array(LocalizedTextSchema).check(z.maxLength(MAX_CRISIS_LINES))),
});
export type ContentReview = z.infer<typeof ContentReviewSchema>;

/** A comfortable pace for reading a screen across a room (staff can change it). */
export const DEFAULT_WORDS_PER_MINUTE = 150;
export const MIN_WORDS_PER_MINUTE = 60;
/** Days the play log keeps its raw records (each day's totals are kept for good). */
export const DEFAULT_PLAY_LOG_RETENTION_DAYS = 90;
export const MIN_PLAY_LOG_RETENTION_DAYS = 7;
export const MAX_PLAY_LOG_RETENTION_DAYS = 366;
export const MAX_WORDS_PER_MINUTE = 300;

export const MIN_IDLE_SECONDS = 10;
export const MAX_IDLE_SECONDS = 3600;

/** The fields of the settings, without the checks across fields (for `z.pick`). */
export const SettingsFieldsSchema = /* @__PURE__ */ z.strictObject({
  /** After this long without a touch, key or click, the loop resumes by itself. */
  idleTimeoutSeconds: z.int().check(z.minimum(MIN_IDLE_SECONDS), z.maximum(MAX_IDLE_SECONDS)),
  defaultLanguage: LanguageSchema,
  transition: TransitionStyleSchema,
  showProgressBar: z.boolean(),
  /** Reading pace for the time a slide stays up when no time is set for it. */
  readingWordsPerMinute: z
    .int()
    .check(z.minimum(MIN_WORDS_PER_MINUTE), z.maximum(MAX_WORDS_PER_MINUTE)),
  /** "loop" for the waiting room; "present" for a clinician presenting by hand. */
  mode: z.enum(['loop', 'present']),
  /** Which screen shows the slides and which the presenter view (Electron display ids). */
  audienceDisplayId: z.nullable(z.int()),
  presenterDisplayId: z.nullable(z.int()),
  /** Restart the app every night at this local hour (0–23), or never (null). */
  nightlyRestartHour: z.nullable(z.int().check(z.minimum(0), z.maximum(23))),
  /** Days the play log keeps each slide shown and touch session; day totals are kept for good. */
  playLogRetentionDays: z
    .int()
    .check(z.minimum(MIN_PLAY_LOG_RETENTION_DAYS), z.maximum(MAX_PLAY_LOG_RETENTION_DAYS)),
  clinic: ClinicDetailsSchema,
  /** Clinical sign-off of the deck, newest last; the admin shows the latest per language. */
  contentReviews: z.array(ContentReviewSchema).check(z.maxLength(40)),
  /** Named, ordered lists of slides; the kiosk plays the default one. */
  playlists: z
    .array(PlaylistSchema)
    .check(z.minLength(1, 'keep at least one playlist'), z.maxLength(MAX_PLAYLISTS)),
  defaultPlaylistId: z.string().check(z.maxLength(60)),
  /** Slides the clinic wrote itself, used by the playlists. */
  customSlides: z.array(CustomSlideSchema).check(z.maxLength(MAX_CUSTOM_SLIDES)),
  /** Which playlist plays when, and closed hours; nothing matching: the default playlist. */
  schedule: ScheduleSchema,
});
export const SettingsSchema = /* @__PURE__ */ SettingsFieldsSchema.check(
  z.superRefine((settings, ctx) => {
    const ids = new Set<string>();
    for (const playlist of settings.playlists) {
      if (ids.has(playlist.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['playlists'],
          message: `two playlists share the id "${playlist.id}"`,
          params: { refusal: 'duplicate-id' },
        });
      }
      ids.add(playlist.id);
    }
    const playing = settings.playlists.find(
      (playlist) => playlist.id === settings.defaultPlaylistId,
    );
    if (!playing) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultPlaylistId'],
        message: 'the playlist to play does not exist',
        params: { refusal: 'playing-gone' },
      });
    } else if (!playing.entries.some((entry) => entry.enabled)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultPlaylistId'],
        message: `"${playing.name}" has no slide switched on, so the kiosk would have nothing to show`,
        params: { refusal: 'nothing-plays' },
      });
    }
    const customIds = new Set<string>();
    for (const slide of settings.customSlides) {
      if (customIds.has(slide.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['customSlides'],
          message: `two clinic slides share the id "${slide.id}"`,
          params: { refusal: 'duplicate-id' },
        });
      }
      customIds.add(slide.id);
    }
    const ruleIds = new Set<string>();
    for (const rule of [...settings.schedule.weekly, ...settings.schedule.dateRanges]) {
      if (ruleIds.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['schedule'],
          message: `two schedule rules share the id "${rule.id}"`,
          params: { refusal: 'duplicate-id' },
        });
      }
      ruleIds.add(rule.id);
    }
    for (const playlist of settings.playlists) {
      for (const entry of playlist.entries) {
        if (entry.slideId.startsWith('custom-') && !customIds.has(entry.slideId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['playlists'],
            message: `"${playlist.name}" lists a clinic slide that does not exist (${entry.slideId})`,
            params: { refusal: 'slide-gone' },
          });
        }
      }
    }
  }),
);
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * The crisis line for clinics in the US: 911 for danger now, and the 988 Suicide and Crisis
 * Lifeline (in Spanish: press 2, or text AYUDA). Clinics elsewhere set their own.
 */
export const DEFAULT_CRISIS_LINES: ClinicDetails['crisisLines'] = [
  {
    en: 'If you are in danger now, call 911.',
    es: 'Si está en peligro ahora, llame al 911.',
  },
  {
    en: 'If you are thinking about suicide or are in crisis, call or text 988.',
    es: 'Si piensa en el suicidio o está en crisis, llame al 988 y oprima 2, o envíe un texto con la palabra AYUDA al 988.',
  },
  {
    en: '988 is the Suicide and Crisis Lifeline.',
    es: 'El 988 es la Línea de Prevención del Suicidio y Crisis.',
  },
  {
    en: 'Or tell the front desk now.',
    es: 'O dígalo ahora en la recepción.',
  },
];

/** The clinic of the source page; staff change these in the admin. */
export const DEFAULT_CLINIC: ClinicDetails = {
  name: 'Ken Starr MD Wellness Group',
  location: 'Downtown Arroyo Grande, California',
  phone: '',
  webAddress: '',
  about: [
    {
      en: 'Founded and led by Ken Starr MD FACEP, ABAM, its Medical Director.',
      es: 'Fundada y dirigida por Ken Starr MD FACEP, ABAM, su director médico.',
    },
    {
      en: 'Dr. Starr is Board Certified in Addiction Medicine. He is Medical Director of Addiction Medicine Services for Dignity Health on the Central California Coast.',
      es: 'El Dr. Starr es médico con certificación de especialidad en Medicina de las Adicciones. Es director médico de los Servicios de Medicina de las Adicciones de Dignity Health en la Costa Central de California.',
    },
    {
      en: 'The clinic is state licensed and CARF accredited.',
      es: 'La clínica tiene licencia del estado y está acreditada por CARF.',
    },
    {
      en: 'The Wellness Group is the longest running established NAD+ Therapy program on the West Coast.',
      es: 'El Wellness Group es el programa establecido de Terapia con NAD+ con más años de funcionamiento en la Costa Oeste.',
    },
    {
      en: 'We believe in ethical and transparent business practices. We hold our patients in the highest regard.',
      es: 'Creemos en prácticas comerciales éticas y transparentes. Tenemos el mayor respeto por nuestros pacientes.',
    },
  ],
  crisisLines: DEFAULT_CRISIS_LINES,
};

export const DEFAULT_SETTINGS: Settings = {
  idleTimeoutSeconds: 60,
  defaultLanguage: 'en',
  transition: 'fade',
  showProgressBar: true,
  readingWordsPerMinute: DEFAULT_WORDS_PER_MINUTE,
  mode: 'loop',
  audienceDisplayId: null,
  presenterDisplayId: null,
  nightlyRestartHour: null,
  playLogRetentionDays: DEFAULT_PLAY_LOG_RETENTION_DAYS,
  clinic: DEFAULT_CLINIC,
  contentReviews: [],
  playlists: [DEFAULT_PLAYLIST],
  defaultPlaylistId: DEFAULT_PLAYLIST.id,
  customSlides: [],
  schedule: EMPTY_SCHEDULE,
};
