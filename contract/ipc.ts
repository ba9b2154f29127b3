import { z } from './zod';
import { SettingsSchema } from './settings';
import type {
  AdminResult,
  AdminState,
  AdminStatus,
  ChangePinRequest,
  MediaFileRequest,
  PinRequest,
  RecordReviewRequest,
  SaveSettingsRequest,
  TokenRequest,
} from './admin';
import type { PlayEventBatch, PlayReport } from './playLog';
import type {
  FleetJoinRequest,
  FleetPublishRequest,
  FleetScreenshotsRequest,
  FleetStartRequest,
  InvitationView,
  PlayReportRequest,
  ScreenView,
} from './fleet';
import type {
  ImportedMedia,
  ImportProgress,
  ImportSource,
  MediaLibraryEntry,
  PickerFolder,
} from './media';
import type {
  ADMIN_BRIDGE_INVOKE,
  ADMIN_BRIDGE_LISTEN,
  BRIDGE_INVOKE,
  BRIDGE_LISTEN,
  BRIDGE_SEND,
  IpcChannel,
} from './channels';

export {
  ADMIN_BRIDGE_INVOKE,
  ADMIN_BRIDGE_LISTEN,
  BRIDGE_INVOKE,
  BRIDGE_LISTEN,
  BRIDGE_SEND,
  IpcChannel,
  type IpcChannelName,
} from './channels';

export const KioskModeSchema = z.enum(['loop', 'present']);
export type KioskMode = z.infer<typeof KioskModeSchema>;

export const KioskConfigSchema = z.strictObject({
  settings: SettingsSchema,
  mode: KioskModeSchema,
  appVersion: z.string().check(z.maxLength(40)),
  /** Where the clinic's media files are loaded from, e.g. `app://media/` (ends with a slash). */
  mediaBaseUrl: z.string().check(z.maxLength(200), z.regex(/\/$/)),
});
export type KioskConfig = z.infer<typeof KioskConfigSchema>;

export const ProblemReportSchema = z.strictObject({
  kind: z.enum(['slide-skipped', 'render-error', 'media-failed']),
  slideId: z.optional(z.string().check(z.maxLength(80))),
  message: z.string().check(z.minLength(1), z.maxLength(2000)),
});
export type ProblemReport = z.infer<typeof ProblemReportSchema>;

export const HeartbeatSchema = z.strictObject({
  /** Changes every time a slide starts. */
  run: z.int().check(z.nonnegative()),
  rotating: z.boolean(),
  index: z.int().check(z.nonnegative()),
});
export type HeartbeatReport = z.infer<typeof HeartbeatSchema>;

/**
 * What each renderer → main call takes and answers, by channel. Main's handler table, the
 * admin service and the bridge the preload builds are all typed from this one list: a channel
 * without a handler, a bridge method without a channel, or a reply of the wrong shape is a
 * compile error.
 */
export interface InvokeCalls {
  [IpcChannel.getKioskConfig]: { request: void; reply: KioskConfig };
  [IpcChannel.adminStatus]: { request: void; reply: AdminStatus };
  [IpcChannel.adminSetFirstPin]: { request: PinRequest; reply: AdminResult<AdminStatus> };
  [IpcChannel.adminUnlock]: { request: PinRequest; reply: AdminResult<AdminState> };
  /** Ends the admin session in main (leaving the admin, or its idle timeout). */
  [IpcChannel.adminLock]: { request: void; reply: null };
  [IpcChannel.adminKeepAlive]: { request: void; reply: AdminResult<null> };
  [IpcChannel.adminGetState]: { request: void; reply: AdminResult<AdminState> };
  [IpcChannel.adminSaveSettings]: {
    request: SaveSettingsRequest;
    reply: AdminResult<AdminState>;
  };
  [IpcChannel.adminRecordReview]: {
    request: RecordReviewRequest;
    reply: AdminResult<AdminState>;
  };
  [IpcChannel.adminChangePin]: { request: ChangePinRequest; reply: AdminResult<null> };
  [IpcChannel.adminQuitKiosk]: { request: void; reply: AdminResult<null> };
  [IpcChannel.adminLeaveSafeMode]: { request: void; reply: AdminResult<AdminState> };
  /** USB drives and the import folder that can be browsed now. */
  [IpcChannel.adminMediaSources]: { request: void; reply: AdminResult<ImportSource[]> };
  [IpcChannel.adminMediaBrowse]: { request: TokenRequest; reply: AdminResult<PickerFolder> };
  /** Checks and copies the picked file into the kiosk; progress arrives on onImportProgress. */
  [IpcChannel.adminMediaImport]: { request: TokenRequest; reply: AdminResult<ImportedMedia> };
  [IpcChannel.adminMediaLibrary]: { request: void; reply: AdminResult<MediaLibraryEntry[]> };
  [IpcChannel.adminMediaDelete]: {
    request: MediaFileRequest;
    reply: AdminResult<MediaLibraryEntry[]>;
  };
  /** Brings back a file deleted moments ago (held for DELETED_MEDIA_KEPT_MS). */
  [IpcChannel.adminMediaRestore]: {
    request: MediaFileRequest;
    reply: AdminResult<MediaLibraryEntry[]>;
  };
  /** Writes the whole setup as one file into the picked folder. */
  [IpcChannel.adminSetupExport]: {
    request: TokenRequest;
    reply: AdminResult<{ fileName: string; bytes: number }>;
  };
  /** Checks the picked setup file fully, keeps the current setup as a backup, then uses it. */
  [IpcChannel.adminSetupImport]: { request: TokenRequest; reply: AdminResult<AdminState> };
  /** Swaps the current setup and the backup. */
  [IpcChannel.adminSetupRestore]: { request: void; reply: AdminResult<AdminState> };
  /** The play log's totals for the last 7 or 30 days. */
  [IpcChannel.adminPlayReport]: { request: PlayReportRequest; reply: AdminResult<PlayReport> };
  /** Writes plays.csv, daily.csv and summary.txt into a new folder on the picked drive. */
  [IpcChannel.adminPlayExport]: {
    request: TokenRequest;
    reply: AdminResult<{ folderName: string; files: string[] }>;
  };
  /** Every screen of the fleet, from the shared status folder. */
  [IpcChannel.adminFleetScreens]: { request: void; reply: AdminResult<ScreenView[]> };
  /** This kiosk starts a fleet and publishes for it (a new clinic key). */
  [IpcChannel.adminFleetStart]: { request: FleetStartRequest; reply: AdminResult<AdminState> };
  /** Saves the invitation other kiosks join with into the picked folder. */
  [IpcChannel.adminFleetInvite]: {
    request: TokenRequest;
    reply: AdminResult<{ fileName: string }>;
  };
  /** Saves a backup of the clinic's private key into the picked folder. */
  [IpcChannel.adminFleetKeyBackup]: {
    request: TokenRequest;
    reply: AdminResult<{ fileName: string }>;
  };
  /** Reads a picked invitation, for staff to compare its fingerprint before joining. */
  [IpcChannel.adminFleetInspect]: { request: TokenRequest; reply: AdminResult<InvitationView> };
  [IpcChannel.adminFleetJoin]: { request: FleetJoinRequest; reply: AdminResult<AdminState> };
  /** "Publish to all screens". */
  [IpcChannel.adminFleetPublish]: {
    request: FleetPublishRequest;
    reply: AdminResult<{ version: number; activateAt: string }>;
  };
  [IpcChannel.adminFleetLeave]: { request: void; reply: AdminResult<AdminState> };
  /** This kiosk's picture in the status folder every 5 minutes: on or off. */
  [IpcChannel.adminFleetScreenshots]: {
    request: FleetScreenshotsRequest;
    reply: AdminResult<AdminState>;
  };
}
export type InvokeChannel = keyof InvokeCalls;
export type InvokeRequest<C extends InvokeChannel> = InvokeCalls[C]['request'];
export type InvokeReply<C extends InvokeChannel> = InvokeCalls[C]['reply'];

/** renderer → main messages that need no answer, by channel. */
export interface SendCalls {
  /** Something the player skipped or could not show. */
  [IpcChannel.reportProblem]: ProblemReport;
  /** Sent from inside an animation frame, so it proves frames are being drawn. */
  [IpcChannel.heartbeat]: HeartbeatReport;
  /** What played and what patients touched, a batch every second or so. */
  [IpcChannel.reportPlay]: PlayEventBatch;
}
export type SendChannel = keyof SendCalls;

/** main → renderer messages, by channel. */
export interface PushEvents {
  /** New settings after staff save them. */
  [IpcChannel.kioskConfigChanged]: KioskConfig;
  /** How far a media import has got. */
  [IpcChannel.adminImportProgress]: ImportProgress;
}
export type PushChannel = keyof PushEvents;

type InvokeMethod<C extends InvokeChannel> =
  InvokeRequest<C> extends void
    ? () => Promise<InvokeReply<C>>
    : (request: InvokeRequest<C>) => Promise<InvokeReply<C>>;
type SendMethod<C extends SendChannel> = (message: SendCalls[C]) => void;
/** Returns a function that removes the listener. */
type ListenMethod<C extends PushChannel> = (
  listener: (payload: PushEvents[C]) => void,
) => () => void;

type InvokeMethods<T extends Record<string, InvokeChannel>> = {
  [Name in keyof T]: InvokeMethod<T[Name]>;
};
type SendMethods<T extends Record<string, SendChannel>> = {
  [Name in keyof T]: SendMethod<T[Name]>;
};
type ListenMethods<T extends Record<string, PushChannel>> = {
  [Name in keyof T]: ListenMethod<T[Name]>;
};

/** The admin's half of `window.kiosk`; every call answers with a result, never throws. */
export type AdminBridge = InvokeMethods<typeof ADMIN_BRIDGE_INVOKE> &
  ListenMethods<typeof ADMIN_BRIDGE_LISTEN>;

/** The one object the preload exposes as `window.kiosk`. Absent in the browser preview. */
export type KioskBridge = InvokeMethods<typeof BRIDGE_INVOKE> &
  SendMethods<typeof BRIDGE_SEND> &
  ListenMethods<typeof BRIDGE_LISTEN> & {
    /** The staff admin's calls (PIN, settings, records). */
    admin: AdminBridge;
  };

// Every channel is reachable from the bridge: a call listed above with no bridge method fails here.
type ValuesOf<T> = T extends unknown ? T[keyof T] : never;
type Unbridged<All, Tables> = Exclude<All, ValuesOf<Tables>>;
type MustBeNever<T extends never> = T;
export type EveryInvokeChannelIsBridged = MustBeNever<
  Unbridged<InvokeChannel, typeof BRIDGE_INVOKE | typeof ADMIN_BRIDGE_INVOKE>
>;
export type EverySendChannelIsBridged = MustBeNever<Unbridged<SendChannel, typeof BRIDGE_SEND>>;
export type EveryPushChannelIsBridged = MustBeNever<
  Unbridged<PushChannel, typeof BRIDGE_LISTEN | typeof ADMIN_BRIDGE_LISTEN>
>;
