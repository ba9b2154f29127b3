import { z } from './zod';
import { FleetViewSchema } from './fleet';
import { PlayLogStatusSchema } from './playLog';
import { LanguageSchema } from './language';
import { MediaFileSchema, PickerTokenSchema } from './media';
import {
  ContentReviewSchema,
  EditableClinicDetailsSchema,
  SettingsFieldsSchema,
  SettingsSchema,
} from './settings';

/*
 * The staff PIN rule, the one copy of it: 4 to 8 of the ASCII digits 0–9, nothing else (no
 * spaces, no signs, no other scripts' digits). Main checks every PIN against it, the PIN pad
 * takes its lengths from it.
 */
export const MIN_PIN_DIGITS = 4;
export const MAX_PIN_DIGITS = 8;
const PIN_PATTERN = new RegExp(`^[0-9]{${MIN_PIN_DIGITS},${MAX_PIN_DIGITS}}$`);

export const PinSchema = z
  .string()
  .check(z.regex(PIN_PATTERN, `a PIN is ${MIN_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits`));

export type PinCheck = { ok: true } | { ok: false; message: string };

/** Whether `pin` may be a staff PIN and, when not, why in a sentence staff read. */
export function checkPinFormat(pin: unknown): PinCheck {
  if (typeof pin !== 'string') return { ok: false, message: 'The PIN must be text.' };
  if (PinSchema.safeParse(pin).success) return { ok: true };
  if (!/^[0-9]*$/.test(pin)) {
    return {
      ok: false,
      message: 'The PIN may contain only the digits 0–9 (no letters or spaces).',
    };
  }
  return {
    ok: false,
    message: `The PIN must be ${MIN_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits long.`,
  };
}

export const PinRequestSchema = z.strictObject({ pin: PinSchema });
export type PinRequest = z.infer<typeof PinRequestSchema>;

export const ChangePinRequestSchema = z.strictObject({ current: PinSchema, next: PinSchema });
export type ChangePinRequest = z.infer<typeof ChangePinRequestSchema>;

/**
 * What staff may change from the settings screen. Display ids and the review record are
 * not in it: main keeps those and merges this over them.
 */
export const EditableSettingsSchema = /* @__PURE__ */ z.extend(
  z.pick(SettingsFieldsSchema, {
    idleTimeoutSeconds: true,
    defaultLanguage: true,
    transition: true,
    showProgressBar: true,
    readingWordsPerMinute: true,
    mode: true,
    nightlyRestartHour: true,
    playLogRetentionDays: true,
    clinic: true,
    playlists: true,
    defaultPlaylistId: true,
    customSlides: true,
    schedule: true,
  }),
  // The clinic's texts within what their fields take (kept settings may be longer).
  { clinic: EditableClinicDetailsSchema },
);
export type EditableSettings = z.infer<typeof EditableSettingsSchema>;

export const SaveSettingsRequestSchema = z.strictObject({ settings: EditableSettingsSchema });
export type SaveSettingsRequest = z.infer<typeof SaveSettingsRequestSchema>;

/** A clinician's review of the deck in one language; main stamps the content version. */
export const RecordReviewRequestSchema = z.pick(ContentReviewSchema, {
  language: true,
  reviewer: true,
  reviewedOn: true,
});
export type RecordReviewRequest = z.infer<typeof RecordReviewRequestSchema>;

export const AdminErrorCodeSchema = z.enum([
  'invalid-request',
  'not-unlocked',
  'wrong-pin',
  'locked',
  'invalid-pin',
  'pin-exists',
  'no-pin',
  'save-failed',
  /** A media file was refused; `problem` says why (a MediaProblem). */
  'media-refused',
  /** A setup file was refused, or there is no backup; `problem` says why. */
  'setup-refused',
]);
export type AdminErrorCode = z.infer<typeof AdminErrorCodeSchema>;

/**
 * Why main refused settings, as the `problem` of an 'invalid-request' (see
 * electron/main/settingsRefusal.ts): each has a sentence in staff words in the admin. The rest
 * are named by the field they are about: `field:<settings field>` ("field:clinic.location").
 */
export const SETTINGS_REFUSALS = [
  'nothing-plays',
  'playing-gone',
  'clinic-name',
  'web-address',
  'crisis-line',
  'playlist-name',
  'playlist-twice',
  'playlists-count',
  'slide-gone',
  'duplicate-id',
  'weekly-days',
  'dates',
  'missing-media',
  'review-reviewer',
  'review-date',
  /** No field to name (the settings as a whole). */
  'settings',
] as const;
export type SettingsRefusal = (typeof SETTINGS_REFUSALS)[number];

/**
 * Why a disk refused a write, in words staff can act on (main sorts the system's error codes:
 * ENOSPC → 'disk-full', EROFS → 'read-only', EACCES → 'no-permission', ENOTDIR or
 * ENAMETOOLONG → 'path-problem', EIO and the rest → 'disk-error').
 */
export const WriteCauseSchema = z.enum([
  'disk-full',
  'read-only',
  'no-permission',
  'path-problem',
  'disk-error',
]);
export type WriteCause = z.infer<typeof WriteCauseSchema>;

export const AdminErrorSchema = z.strictObject({
  code: AdminErrorCodeSchema,
  /** Plain English detail (the screen shows its own translated sentence for the code). */
  message: z.string().check(z.maxLength(2000)),
  triesLeft: z.optional(z.int().check(z.nonnegative())),
  retryInMs: z.optional(z.int().check(z.nonnegative())),
  problem: z.optional(z.string().check(z.maxLength(40))),
  /** Set when a disk refused a write (the kiosk's own, or a USB drive's). */
  cause: z.optional(WriteCauseSchema),
});
export type AdminError = z.infer<typeof AdminErrorSchema>;

export type AdminResult<T> = { ok: true; value: T } | { ok: false; error: AdminError };

export const AdminStatusSchema = z.strictObject({
  hasPin: z.boolean(),
  /** 0 unless the pad is locked after wrong tries. */
  retryInMs: z.int().check(z.nonnegative()),
  triesLeft: z.int().check(z.nonnegative()),
  /** The PIN record was damaged: 'pin-unusable' means only `--reset-pin` helps. */
  damage: z.nullable(z.enum(['lock-reset', 'pin-unusable'])),
  /** The app was started with `--setup`: offer to set the first PIN at once. */
  setupRequested: z.boolean(),
});
export type AdminStatus = z.infer<typeof AdminStatusSchema>;

export const LogEntrySchema = z.strictObject({
  at: z.string().check(z.maxLength(40)),
  event: z.string().check(z.maxLength(60)),
  detail: z.string().check(z.maxLength(1000)),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

export const AdminStateSchema = z.strictObject({
  settings: SettingsSchema,
  appVersion: z.string().check(z.maxLength(40)),
  deckContentVersion: z.string().check(z.maxLength(40)),
  /** Newest first: the watchdog's recoveries, settings restored, slides skipped. */
  recoveries: z.array(LogEntrySchema).check(z.maxLength(50)),
  /** Newest first: what staff changed, and when. `detail` lists the changed fields. */
  changes: z.array(LogEntrySchema).check(z.maxLength(50)),
  /** Set when this start found the settings damaged and restored them. */
  settingsNotice: z.nullable(
    z.strictObject({
      at: z.string(),
      restoredFrom: z.enum(['good-copy', 'defaults']),
      keptAs: z.nullable(z.string()),
      detail: z.string(),
      /**
       * Set when the data folder could not be written at that start (read-only after disk
       * errors, full): the damaged file stays where it was and the kiosk runs on the restored
       * settings without writing them; saves fail until the folder can be written again.
       */
      notWritten: z.nullable(z.strictObject({ cause: WriteCauseSchema, detail: z.string() })),
    }),
  ),
  languages: z.array(LanguageSchema),
  /**
   * Set while the kiosk is in safe mode after restarting again and again: the built-in slides
   * only, the clinic's slides, media and schedule set aside until it ends.
   */
  safeMode: z.nullable(
    z.strictObject({
      since: z.string().check(z.maxLength(40)),
      reason: z.string().check(z.maxLength(500)),
      /** When it ends by itself if nothing goes wrong meanwhile. */
      endsAt: z.string().check(z.maxLength(40)),
    }),
  ),
  /** The setup kept when another was imported or restored; one tap brings it back. */
  backup: z.nullable(
    z.strictObject({
      savedAt: z.string().check(z.maxLength(40)),
      reason: z.enum(['import', 'restore']),
      sourceName: z.nullable(z.string().check(z.maxLength(260))),
    }),
  ),
  /** The play log's own health (size, age, what is wrong and since when). */
  playLog: z.nullable(PlayLogStatusSchema),
  /** This kiosk's place in the clinic's fleet. */
  fleet: FleetViewSchema,
});
export type AdminState = z.infer<typeof AdminStateSchema>;

export const TokenRequestSchema = z.strictObject({ token: PickerTokenSchema });
export type TokenRequest = z.infer<typeof TokenRequestSchema>;
export const MediaFileRequestSchema = z.strictObject({ file: MediaFileSchema });
export type MediaFileRequest = z.infer<typeof MediaFileRequestSchema>;
