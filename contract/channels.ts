/**
 * Every IPC channel the app uses, in one list. Kept free of imports so the sandboxed preload
 * bundles it without pulling in zod.
 */
export const IpcChannel = {
  /** renderer → main (invoke): the settings and facts the player needs. */
  getKioskConfig: 'kiosk:get-config',
  /** main → renderer (send): new settings after staff save them. */
  kioskConfigChanged: 'kiosk:config-changed',
  /** renderer → main (send): something the player skipped or could not show. */
  reportProblem: 'kiosk:report-problem',
  /** renderer → main (send): the page is alive and drawing frames, every few seconds. */
  heartbeat: 'kiosk:heartbeat',
} as const;
export type IpcChannelName = (typeof IpcChannel)[keyof typeof IpcChannel];
