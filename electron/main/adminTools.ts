/**
 * What the admin's parts share: the handler types, the failure shape, and the tools the
 * admin hands to the modules that answer some of its calls (playLog/playLogAdmin.ts,
 * fleet/fleetAdmin.ts), so they run in the same session and the same queue.
 */
import type {
  IpcChannel,
  AdminError,
  AdminResult,
  AdminState,
  FleetView,
  InvokeReply,
  ADMIN_BRIDGE_INVOKE,
} from '../../contract';
import { z } from '../../contract/zod';
import type { MediaLibrary } from './mediaLibrary';
import type { TaskQueue } from './taskQueue';

/** The admin's channels: every one the admin bridge calls. */
export type AdminChannel = (typeof ADMIN_BRIDGE_INVOKE)[keyof typeof ADMIN_BRIDGE_INVOKE];
export type AdminHandler<C extends AdminChannel = AdminChannel> = (
  payload: unknown,
) => Promise<InvokeReply<C>>;
/** One handler per admin channel, each answering with that channel's reply type. */
export type AdminHandlers = { [C in AdminChannel]: AdminHandler<C> };

export function fail(code: AdminError['code'], message: string, extra: Partial<AdminError> = {}) {
  return { ok: false as const, error: { code, message, ...extra } };
}

/** The play log's admin calls (playLog/playLogAdmin.ts). */
export type PlayLogChannel = typeof IpcChannel.adminPlayReport | typeof IpcChannel.adminPlayExport;
/** The fleet's admin calls (fleet/fleetAdmin.ts). */
export type FleetChannel =
  | typeof IpcChannel.adminFleetScreens
  | typeof IpcChannel.adminFleetStart
  | typeof IpcChannel.adminFleetInvite
  | typeof IpcChannel.adminFleetKeyBackup
  | typeof IpcChannel.adminFleetInspect
  | typeof IpcChannel.adminFleetJoin
  | typeof IpcChannel.adminFleetPublish
  | typeof IpcChannel.adminFleetLeave
  | typeof IpcChannel.adminFleetScreenshots;
/** The media calls (media/mediaAdmin.ts), answered with the admin's own session and queue. */
export type MediaChannel =
  | typeof IpcChannel.adminMediaSources
  | typeof IpcChannel.adminMediaBrowse
  | typeof IpcChannel.adminMediaImport
  | typeof IpcChannel.adminMediaLibrary
  | typeof IpcChannel.adminMediaDelete
  | typeof IpcChannel.adminMediaRestore;
/** The admin calls other modules answer. */
export type ExtensionChannel = PlayLogChannel | FleetChannel;
export type ExtensionHandlers = { [C in ExtensionChannel]: AdminHandler<C> };

/** What the admin's other parts build their handlers with: the same session and queue. */
export interface AdminTools {
  /** A call that needs an open session: checks it and the payload, then runs. */
  guarded<T, R extends AdminResult<unknown>>(
    schema: z.ZodMiniType<T>,
    run: (request: T) => Promise<R> | R,
  ): (payload: unknown) => Promise<R | ReturnType<typeof fail>>;
  inTurn: TaskQueue;
  noteChange(event: string, detail: string): void;
  /** The admin's state now (after a change). */
  state(): AdminState;
  /** The settings on disk were replaced (a setup used): tell the player, answer the state. */
  replaced(change: string, detail: string): AdminResult<AdminState>;
  fail: typeof fail;
  /** A token from the picker: its folder or file, or null. */
  media: MediaLibrary;
}

export const NOT_IN_A_FLEET: FleetView = {
  role: null,
  fleetId: null,
  kioskId: null,
  name: '',
  room: '',
  setupFolder: '',
  statusFolder: '',
  keyFingerprint: null,
  trustedFingerprints: [],
  setupVersion: 0,
  staged: null,
  lastRefusal: null,
  screenshots: false,
};

/** The payload of a call that takes none. */
export const NoData = z.custom<null | undefined>((value) => value === undefined || value === null, {
  message: 'this call takes no data',
});
