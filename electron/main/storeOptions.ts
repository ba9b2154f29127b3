/**
 * Plain-data description of the settings store: file names, document schema, schema
 * version and migrations. Deliberately free of `electron` imports so it can be used (and
 * tested) in plain Node.
 */
import { z } from 'zod';
import {
  DEFAULT_PLAYLIST,
  DEFAULT_SETTINGS,
  EMPTY_SCHEDULE,
  MAX_IDLE_SECONDS,
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
export const CURRENT_STORE_VERSION = 3;

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
  idleTimeout: z.number().int().nonnegative(),
  defaultLanguage: LanguageSchema,
  transition: z.string(),
  showProgressBar: z.boolean(),
  clinic: z.unknown(),
});
export const StoreDocumentV0Schema = z.object({
  version: z.literal(0).optional(),
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
];

/** Serialisation used for both files (stable, human-readable, ends with a newline). */
export function serializeDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function makeDocument(settings: Settings): StoreDocument {
  return { version: CURRENT_STORE_VERSION, settings };
}
