import { z } from './zod';
import { SettingsSchema } from './settings';
import type { AdminBridge } from './admin';

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

/** The one object the preload exposes as `window.kiosk`. Absent in the browser preview. */
export interface KioskBridge {
  getConfig(): Promise<KioskConfig>;
  /** Returns a function that removes the listener. */
  onConfigChanged(listener: (config: KioskConfig) => void): () => void;
  reportProblem(report: ProblemReport): void;
  /** Sent from inside an animation frame, so it proves frames are being drawn. */
  heartbeat(beat: HeartbeatReport): void;
  /** The staff admin's calls (PIN, settings, records). */
  admin: AdminBridge;
}
