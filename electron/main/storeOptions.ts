/**
 * Plain-data description of the settings store: file names, document schema, schema
 * version and migrations. Deliberately free of `electron` imports so it can be used (and
 * tested) in plain Node.
 */
import { z } from '../../contract/zod';
import {
  DEFAULT_CRISIS_LINES,
  DEFAULT_PLAY_LOG_RETENTION_DAYS,
  DEFAULT_PLAYLIST,
  DEFAULT_SETTINGS,
  DEFAULT_WORDS_PER_MINUTE,
  EMPTY_SCHEDULE,
  MAX_IDLE_SECONDS,
  MAX_PLAYLIST_ENTRIES,
  MIN_IDLE_SECONDS,
  LanguageSchema,
  SettingsSchema,
  type Settings,
} from '../../contract';

/** The live file is `settings.json` in the data folder (the base name names kept-aside files too). */
export const SETTINGS_CONFIG_NAME = 'settings';
export const SETTINGS_FILE_EXTENSION = 'json';
export const SETTINGS_FILE_NAME = `${SETTINGS_CONFIG_NAME}.${SETTINGS_FILE_EXTENSION}`;

/** Copy of the last successfully saved document (`settings.good.json`). */
export const GOOD_COPY_CONFIG_NAME = 'settings.good';
export const GOOD_COPY_FILE_NAME = `${GOOD_COPY_CONFIG_NAME}.${SETTINGS_FILE_EXTENSION}`;

/** The schema version this build of the app writes. */
export const CURRENT_STORE_VERSION = 5;

/** The document stored on disk by the current version. */
export const StoreDocumentSchema = z.strictObject({
  version: z.literal(CURRENT_STORE_VERSION),
  settings: SettingsSchema,
});
export type StoreDocument = z.infer<typeof StoreDocumentSchema>;

/**
 * Version 0 (before versioning existed; `version` is 0 or absent): no display ids, no
 * mode, no nightly restart, and the idle timeout in milliseconds.
 */
export const SettingsV0Schema = z.object({
  idleTimeout: z.int().check(z.nonnegative()),
  defaultLanguage: LanguageSchema,
  transition: z.string(),
  showProgressBar: z.boolean(),
  clinic: z.unknown(),
});
export const StoreDocumentV0Schema = z.object({
  version: z.optional(z.literal(0)),
  settings: SettingsV0Schema,
});

/** A migration turns a document of version `from` into one of version `from + 1`. */
export interface Migration {
  from: number;
  migrate(document: unknown): unknown;
}

/** Version 1: the settings before the clinical review record existed. */
export const StoreDocumentV1Schema = z.object({
  version: z.literal(1),
  settings: z.record(z.string(), z.unknown()),
});

/** Version 2: before playlists, the clinic's own slides and schedules (the whole deck in order). */
export const StoreDocumentV2Schema = z.object({
  version: z.literal(2),
  settings: z.record(z.string(), z.unknown()),
});

/**
 * Version 3: before the safety and crisis slides, the crisis line and the reading pace. Only
 * what version 4 reads is checked here; the full check comes after the last migration.
 */
export const StoreDocumentV3Schema = z.object({
  version: z.literal(3),
  settings: z.looseObject({
    clinic: z.looseObject({
      about: z.array(z.looseObject({ en: z.string(), es: z.optional(z.string()) })),
    }),
    playlists: z.array(z.looseObject({ entries: z.array(z.looseObject({ slideId: z.string() })) })),
  }),
});

/** Version 4: before the play log's retention was a setting (it kept 90 days). */
export const StoreDocumentV4Schema = z.object({
  version: z.literal(4),
  settings: z.record(z.string(), z.unknown()),
});

/**
 * The slides version 4 adds to every saved playlist, switched on, each after the slide it
 * follows in the built-in deck (or at the end when that one is not in the playlist). Written
 * out here rather than read from the deck: a migration says what that version did, forever.
 */
export const SAFETY_SLIDES_ADDED_IN_4 = [
  { slideId: 'safety-and-what-to-expect', after: 'when-others-have-not-helped' },
  { slideId: 'if-you-are-in-crisis', after: 'education-not-advice' },
] as const;

/** The default clinic text's Spanish "Board Certified" line before version 4, and after. */
export const BOARD_CERTIFIED_ES_BEFORE_4 =
  'El Dr. Starr está certificado por la junta médica en Medicina de las Adicciones. Es director médico de los Servicios de Medicina de las Adicciones de Dignity Health en la Costa Central de California.';
export const BOARD_CERTIFIED_ES_IN_4 =
  'El Dr. Starr es médico con certificación de especialidad en Medicina de las Adicciones. Es director médico de los Servicios de Medicina de las Adicciones de Dignity Health en la Costa Central de California.';

function withSafetySlides<T extends { slideId: string }>(
  entries: readonly T[],
): (T | { slideId: string; enabled: boolean; durationSeconds: null })[] {
  const next: (T | { slideId: string; enabled: boolean; durationSeconds: null })[] = [...entries];
  for (const { slideId, after } of SAFETY_SLIDES_ADDED_IN_4) {
    // A full playlist keeps its entries: the schema allows no more, and none of the clinic's is
    // dropped to make room. The admin's notices (Slideshow, Kiosk status) name the playlist
    // (`playlist-lacks-safety-slides` in domain/contentReview.ts).
    if (next.some((entry) => entry.slideId === slideId) || next.length >= MAX_PLAYLIST_ENTRIES) {
      continue;
    }
    const anchor = next.findIndex((entry) => entry.slideId === after);
    const entry = { slideId, enabled: true, durationSeconds: null };
    if (anchor >= 0) next.splice(anchor + 1, 0, entry);
    else next.push(entry);
  }
  return next;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    migrate(document) {
      const { settings } = StoreDocumentV0Schema.parse(document);
      const { idleTimeout, ...rest } = settings;
      const seconds = Math.round(idleTimeout / 1000);
      return {
        version: 1,
        settings: {
          ...rest,
          idleTimeoutSeconds: Math.min(MAX_IDLE_SECONDS, Math.max(MIN_IDLE_SECONDS, seconds)),
          mode: DEFAULT_SETTINGS.mode,
          audienceDisplayId: DEFAULT_SETTINGS.audienceDisplayId,
          presenterDisplayId: DEFAULT_SETTINGS.presenterDisplayId,
          nightlyRestartHour: DEFAULT_SETTINGS.nightlyRestartHour,
        },
      };
    },
  },
  {
    from: 1,
    migrate(document) {
      const { settings } = StoreDocumentV1Schema.parse(document);
      return { version: 2, settings: { ...settings, contentReviews: [] } };
    },
  },
  {
    from: 2,
    migrate(document) {
      const { settings } = StoreDocumentV2Schema.parse(document);
      return {
        version: 3,
        settings: {
          ...settings,
          playlists: [DEFAULT_PLAYLIST],
          defaultPlaylistId: DEFAULT_PLAYLIST.id,
          customSlides: [],
          schedule: EMPTY_SCHEDULE,
        },
      };
    },
  },
  {
    from: 3,
    migrate(document) {
      const { settings } = StoreDocumentV3Schema.parse(document);
      const clinic = settings.clinic;
      return {
        version: 4,
        settings: {
          ...settings,
          readingWordsPerMinute: settings['readingWordsPerMinute'] ?? DEFAULT_WORDS_PER_MINUTE,
          clinic: {
            ...clinic,
            // Only where staff left the default: their own words stay theirs.
            about: clinic.about.map((line) =>
              line.es === BOARD_CERTIFIED_ES_BEFORE_4
                ? { ...line, es: BOARD_CERTIFIED_ES_IN_4 }
                : line,
            ),
            crisisLines: clinic['crisisLines'] ?? DEFAULT_CRISIS_LINES,
          },
          playlists: settings.playlists.map((playlist) => ({
            ...playlist,
            entries: withSafetySlides(playlist.entries),
          })),
        },
      };
    },
  },
  {
    from: 4,
    migrate(document) {
      const { settings } = StoreDocumentV4Schema.parse(document);
      return {
        version: 5,
        settings: { ...settings, playLogRetentionDays: DEFAULT_PLAY_LOG_RETENTION_DAYS },
      };
    },
  },
];

/** Serialisation used for both files (stable, human-readable, ends with a newline). */
export function serializeDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function makeDocument(settings: Settings): StoreDocument {
  return { version: CURRENT_STORE_VERSION, settings };
}
