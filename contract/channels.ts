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
  /** renderer → main (send): what played and what patients touched, in batches (the play log). */
  reportPlay: 'kiosk:report-play',
  // Staff admin (renderer → main, invoke). Everything but status and the PIN calls needs an
  // open admin session, which only the right PIN opens.
  adminStatus: 'admin:status',
  adminSetFirstPin: 'admin:set-first-pin',
  adminUnlock: 'admin:unlock',
  adminLock: 'admin:lock',
  adminKeepAlive: 'admin:keep-alive',
  adminGetState: 'admin:get-state',
  adminSaveSettings: 'admin:save-settings',
  adminRecordReview: 'admin:record-review',
  adminChangePin: 'admin:change-pin',
  adminQuitKiosk: 'admin:quit-kiosk',
  /** Back from safe mode to the clinic's own slides, media and schedule. */
  adminLeaveSafeMode: 'admin:leave-safe-mode',
  // The clinic's media and whole-setup transfer, through the in-app picker main fills.
  adminMediaSources: 'admin:media-sources',
  adminMediaBrowse: 'admin:media-browse',
  adminMediaImport: 'admin:media-import',
  adminMediaLibrary: 'admin:media-library',
  adminMediaDelete: 'admin:media-delete',
  /** A deleted media file back (the Setup screen's Undo), while main still holds it. */
  adminMediaRestore: 'admin:media-restore',
  adminSetupExport: 'admin:setup-export',
  adminSetupImport: 'admin:setup-import',
  adminSetupRestore: 'admin:setup-restore',
  // The play log: reports and their export to a drive.
  adminPlayReport: 'admin:play-report',
  adminPlayExport: 'admin:play-export',
  // The fleet: this kiosk's place in it, every screen's status, joining and publishing.
  adminFleetScreens: 'admin:fleet-screens',
  adminFleetStart: 'admin:fleet-start',
  adminFleetInvite: 'admin:fleet-invite',
  adminFleetKeyBackup: 'admin:fleet-key-backup',
  adminFleetInspect: 'admin:fleet-inspect',
  adminFleetJoin: 'admin:fleet-join',
  adminFleetPublish: 'admin:fleet-publish',
  adminFleetLeave: 'admin:fleet-leave',
  adminFleetScreenshots: 'admin:fleet-screenshots',
  /** main → renderer (send): how far a media import has got. */
  adminImportProgress: 'admin:import-progress',
} as const;
export type IpcChannelName = (typeof IpcChannel)[keyof typeof IpcChannel];

/**
 * How `window.kiosk` is made: each method name and the channel it calls. The preload builds
 * the bridge from these tables, and the browser tests build the same bridge over a Playwright
 * binding, so both speak exactly the same calls.
 */
export const BRIDGE_INVOKE = {
  getConfig: IpcChannel.getKioskConfig,
} as const;
export const BRIDGE_SEND = {
  reportProblem: IpcChannel.reportProblem,
  heartbeat: IpcChannel.heartbeat,
  reportPlay: IpcChannel.reportPlay,
} as const;
export const BRIDGE_LISTEN = {
  onConfigChanged: IpcChannel.kioskConfigChanged,
} as const;
export const ADMIN_BRIDGE_INVOKE = {
  status: IpcChannel.adminStatus,
  setFirstPin: IpcChannel.adminSetFirstPin,
  unlock: IpcChannel.adminUnlock,
  lock: IpcChannel.adminLock,
  keepAlive: IpcChannel.adminKeepAlive,
  getState: IpcChannel.adminGetState,
  saveSettings: IpcChannel.adminSaveSettings,
  recordReview: IpcChannel.adminRecordReview,
  changePin: IpcChannel.adminChangePin,
  quitKiosk: IpcChannel.adminQuitKiosk,
  leaveSafeMode: IpcChannel.adminLeaveSafeMode,
  mediaSources: IpcChannel.adminMediaSources,
  mediaBrowse: IpcChannel.adminMediaBrowse,
  mediaImport: IpcChannel.adminMediaImport,
  mediaLibrary: IpcChannel.adminMediaLibrary,
  mediaDelete: IpcChannel.adminMediaDelete,
  mediaRestore: IpcChannel.adminMediaRestore,
  setupExport: IpcChannel.adminSetupExport,
  setupImport: IpcChannel.adminSetupImport,
  setupRestore: IpcChannel.adminSetupRestore,
  playReport: IpcChannel.adminPlayReport,
  playExport: IpcChannel.adminPlayExport,
  fleetScreens: IpcChannel.adminFleetScreens,
  fleetStart: IpcChannel.adminFleetStart,
  fleetInvite: IpcChannel.adminFleetInvite,
  fleetKeyBackup: IpcChannel.adminFleetKeyBackup,
  fleetInspect: IpcChannel.adminFleetInspect,
  fleetJoin: IpcChannel.adminFleetJoin,
  fleetPublish: IpcChannel.adminFleetPublish,
  fleetLeave: IpcChannel.adminFleetLeave,
  fleetScreenshots: IpcChannel.adminFleetScreenshots,
} as const;
export const ADMIN_BRIDGE_LISTEN = {
  onImportProgress: IpcChannel.adminImportProgress,
} as const;
