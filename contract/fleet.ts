/**
 * The fleet's half of the admin contract: what the admin shows of this kiosk's place in the
 * clinic's fleet and of every screen's status, and what staff ask for (start a fleet, save an
 * invitation or the key's backup, join, publish).
 */
import { z } from './zod';
import { PickerTokenSchema } from './media';

const Text = (max: number) => z.string().check(z.maxLength(max));
const Name = z.string().check(z.trim(), z.minLength(1, 'give this screen a name'), z.maxLength(80));
const Room = z.string().check(z.trim(), z.maxLength(80));
/** A folder on this machine, as an absolute path (the shared folders Syncthing or a share keeps). */
export const SharedFolderSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'name the folder'),
    z.maxLength(500),
    z.regex(
      /^(\/|[A-Za-z]:[\\/]|\\\\)/,
      'the folder must be a full path, such as /home/kiosk/Sync/setup',
    ),
  );
export const FingerprintSchema = z
  .string()
  .check(z.regex(/^\d{5}( \d{5}){5}$/, 'six groups of five digits'));

export const FleetViewSchema = z.strictObject({
  /** null: this kiosk is not in a fleet. */
  role: z.nullable(z.enum(['publisher', 'member'])),
  fleetId: z.nullable(Text(64)),
  kioskId: z.nullable(Text(64)),
  name: Text(80),
  room: Text(80),
  setupFolder: Text(500),
  statusFolder: Text(500),
  /** The clinic key's fingerprint (on the publishing kiosk), for comparing aloud. */
  keyFingerprint: z.nullable(FingerprintSchema),
  /** The keys this kiosk trusts. */
  trustedFingerprints: z.array(FingerprintSchema).check(z.maxLength(10)),
  /** The setup version running here (a member) or last published (the publisher). */
  setupVersion: z.int().check(z.nonnegative()),
  staged: z.nullable(
    z.strictObject({ version: z.int().check(z.minimum(1)), activateAt: Text(40) }),
  ),
  /** The last setup this kiosk refused, and why. */
  lastRefusal: z.nullable(Text(300)),
  /** Staff let this kiosk put a small picture of its screen in the status folder. */
  screenshots: z.boolean(),
});
export type FleetView = z.infer<typeof FleetViewSchema>;

/** What a kiosk is doing, as its status file says. */
export const KioskStateSchema = z.enum(['playing', 'closed', 'presenting', 'admin', 'recovering']);
/** Yesterday's totals from a kiosk's play log, in its status file. */
export const DayGlanceSchema = z.strictObject({
  plays: z.int().check(z.nonnegative()),
  touchSessions: z.int().check(z.nonnegative()),
  playingHours: z.number().check(z.nonnegative()),
});

export const ScreenViewSchema = z.strictObject({
  kioskId: Text(64),
  /** null: the status file could not be read. */
  name: z.nullable(Text(80)),
  room: z.nullable(Text(80)),
  appVersion: z.nullable(Text(40)),
  setupVersion: z.nullable(z.int().check(z.nonnegative())),
  state: z.nullable(KioskStateSchema),
  currentSlide: z.nullable(Text(80)),
  lastRecovery: z.nullable(z.strictObject({ at: Text(40), reason: Text(300) })),
  freeDiskBytes: z.nullable(z.number().check(z.nonnegative())),
  yesterday: z.nullable(DayGlanceSchema),
  lastRefusal: z.nullable(Text(300)),
  writtenAt: z.nullable(Text(40)),
  /** The kiosk's latest picture of its screen (app://screens/…), when it shares one. */
  screenshot: z.nullable(z.strictObject({ url: Text(600), takenAt: Text(40) })),
  /** What staff should notice: unreadable, a clock ahead, not seen for three minutes. */
  flag: z.nullable(z.enum(['unreadable', 'clock-ahead', 'not-seen'])),
  /** This kiosk itself. */
  self: z.boolean(),
});
export type ScreenView = z.infer<typeof ScreenViewSchema>;

export const InvitationViewSchema = z.strictObject({
  fleetId: Text(64),
  fingerprint: FingerprintSchema,
  setupFolder: Text(1000),
  statusFolder: Text(1000),
});
export type InvitationView = z.infer<typeof InvitationViewSchema>;

export const FleetStartRequestSchema = z.strictObject({
  name: Name,
  room: Room,
  setupFolder: SharedFolderSchema,
  statusFolder: SharedFolderSchema,
});
export type FleetStartRequest = z.infer<typeof FleetStartRequestSchema>;

export const FleetJoinRequestSchema = z.strictObject({
  /** The invitation file, picked on a USB drive. */
  token: PickerTokenSchema,
  name: Name,
  room: Room,
  /** The fingerprint staff compared aloud; it must be the invitation's. */
  fingerprint: FingerprintSchema,
  setupFolder: SharedFolderSchema,
  statusFolder: SharedFolderSchema,
});
export type FleetJoinRequest = z.infer<typeof FleetJoinRequestSchema>;

export const FleetPublishRequestSchema = z.strictObject({
  /** Minutes from now until every screen switches (time for each to copy the setup). */
  activateInMinutes: z.int().check(z.minimum(0), z.maximum(24 * 60)),
  /** Announce a new clinic key with this setup (signed by the current one), then use it. */
  announceNewKey: z.boolean(),
});
export type FleetPublishRequest = z.infer<typeof FleetPublishRequestSchema>;

export const FleetScreenshotsRequestSchema = z.strictObject({ on: z.boolean() });
export type FleetScreenshotsRequest = z.infer<typeof FleetScreenshotsRequestSchema>;

export const PlayReportRequestSchema = z.strictObject({
  days: z.union([z.literal(7), z.literal(30)]),
});
export type PlayReportRequest = z.infer<typeof PlayReportRequestSchema>;
