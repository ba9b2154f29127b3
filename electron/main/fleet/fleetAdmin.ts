/**
 * The fleet's admin calls: this kiosk's place in the fleet, every screen's status, starting a
 * fleet, saving an invitation or the key's backup, joining on a compared fingerprint,
 * publishing, leaving. Built with the admin's own session guard (adminService.ts).
 */
import {
  FleetJoinRequestSchema,
  FleetPublishRequestSchema,
  FleetScreenshotsRequestSchema,
  FleetStartRequestSchema,
  IpcChannel,
  TokenRequestSchema,
  type FleetView,
  type ScreenView,
} from '../../../contract';
import { NoData, type AdminHandler, type AdminTools, type FleetChannel } from '../adminTools';
import { fingerprintOf } from './fleetKeys';
import type { FleetService } from './fleetService';

/** What the admin shows of this kiosk's place in the fleet. */
export function fleetView(fleet: FleetService): FleetView {
  const { membership, keyFingerprint, staged, lastRefusal } = fleet.state();
  return {
    role: membership?.role ?? null,
    fleetId: membership?.fleetId ?? null,
    kioskId: membership?.kioskId ?? null,
    name: membership?.name ?? '',
    room: membership?.room ?? '',
    setupFolder: membership?.setupFolder ?? '',
    statusFolder: membership?.statusFolder ?? '',
    keyFingerprint: membership?.role === 'publisher' ? keyFingerprint : null,
    trustedFingerprints: (membership?.trustedKeys ?? []).map(fingerprintOf),
    setupVersion: membership?.setupVersion ?? 0,
    staged,
    lastRefusal,
    screenshots: membership?.screenshots ?? false,
  };
}

export function fleetAdminHandlers(
  tools: AdminTools,
  fleet: FleetService,
  /** The wall clock (main's, a fake one in tests): "switch in N minutes" counts from it. */
  now: () => Date,
  /** Where the page loads the status folder's pictures from (app://screens/ in the app). */
  screensBaseUrl: string,
): { [C in FleetChannel]: AdminHandler<C> } {
  const ownId = () => fleet.state().membership?.kioskId ?? null;
  return {
    [IpcChannel.adminFleetScreens]: tools.guarded(NoData, () => ({
      ok: true,
      value: fleet.screens().map((row): ScreenView => ({
        kioskId: row.kioskId,
        name: row.status?.name ?? null,
        room: row.status?.room ?? null,
        appVersion: row.status?.appVersion ?? null,
        setupVersion: row.status?.setupVersion ?? null,
        state: row.status?.state ?? null,
        currentSlide: row.status?.currentSlide ?? null,
        lastRecovery: row.status?.lastRecovery ?? null,
        freeDiskBytes: row.status?.freeDiskBytes ?? null,
        yesterday: row.status?.yesterday ?? null,
        lastRefusal: row.status?.lastRefusal ?? null,
        writtenAt: row.status?.writtenAt ?? null,
        // The file's name is the checked kiosk id; the time makes a new picture a new address.
        screenshot: row.status?.screenshotAt
          ? {
              url: `${screensBaseUrl}${row.kioskId}.jpg?taken=${encodeURIComponent(row.status.screenshotAt)}`,
              takenAt: row.status.screenshotAt,
            }
          : null,
        flag: row.flag,
        self: row.kioskId === ownId(),
      })),
    })),
    [IpcChannel.adminFleetStart]: tools.guarded(FleetStartRequestSchema, (request) => {
      const result = fleet.startFleet(request);
      if (!result.ok) return tools.fail('save-failed', result.reason);
      tools.noteChange('fleet-started', result.value.membership?.fleetId ?? '');
      return { ok: true, value: tools.state() };
    }),
    [IpcChannel.adminFleetInvite]: tools.guarded(TokenRequestSchema, ({ token }) => {
      const folder = tools.media.resolveFolder(token);
      if (!folder) {
        return tools.fail('media-refused', 'that folder is no longer there', {
          problem: 'not-found',
        });
      }
      const result = fleet.saveInvitation(folder);
      return result.ok
        ? { ok: true, value: { fileName: result.value } }
        : tools.fail('save-failed', result.reason);
    }),
    [IpcChannel.adminFleetKeyBackup]: tools.guarded(TokenRequestSchema, ({ token }) => {
      const folder = tools.media.resolveFolder(token);
      if (!folder) {
        return tools.fail('media-refused', 'that folder is no longer there', {
          problem: 'not-found',
        });
      }
      const result = fleet.saveKeyBackup(folder);
      if (!result.ok) return tools.fail('save-failed', result.reason);
      tools.noteChange('fleet-key-saved', result.value);
      return { ok: true, value: { fileName: result.value } };
    }),
    [IpcChannel.adminFleetInspect]: tools.guarded(TokenRequestSchema, ({ token }) => {
      const file = tools.media.resolveFile(token);
      if (!file) {
        return tools.fail('media-refused', 'that file is no longer there', {
          problem: 'not-found',
        });
      }
      const result = fleet.inspectInvitation(file);
      if (!result.ok) return tools.fail('invalid-request', result.reason);
      const { fleetId, fingerprint, setupFolder, statusFolder } = result.value;
      return { ok: true, value: { fleetId, fingerprint, setupFolder, statusFolder } };
    }),
    [IpcChannel.adminFleetJoin]: tools.guarded(FleetJoinRequestSchema, ({ token, ...input }) => {
      const file = tools.media.resolveFile(token);
      if (!file) {
        return tools.fail('media-refused', 'that file is no longer there', {
          problem: 'not-found',
        });
      }
      const result = fleet.join(file, input);
      if (!result.ok) return tools.fail('invalid-request', result.reason);
      tools.noteChange('fleet-joined', result.value.membership?.fleetId ?? '');
      return { ok: true, value: tools.state() };
    }),
    [IpcChannel.adminFleetPublish]: tools.guarded(FleetPublishRequestSchema, (request) =>
      tools.inTurn(async () => {
        const result = await fleet.publish({
          activateAt: new Date(now().getTime() + request.activateInMinutes * 60_000),
          announceNewKey: request.announceNewKey,
        });
        if (!result.ok) return tools.fail('save-failed', result.reason);
        tools.noteChange('fleet-published', `setup ${result.value.version}`);
        return { ok: true, value: result.value };
      }),
    ),
    [IpcChannel.adminFleetScreenshots]: tools.guarded(FleetScreenshotsRequestSchema, ({ on }) => {
      const result = fleet.setScreenshots(on);
      if (!result.ok) return tools.fail('save-failed', result.reason);
      tools.noteChange('fleet-screenshots', on ? 'on' : 'off');
      return { ok: true, value: tools.state() };
    }),
    [IpcChannel.adminFleetLeave]: tools.guarded(NoData, () => {
      fleet.leave();
      tools.noteChange('fleet-left', '');
      return { ok: true, value: tools.state() };
    }),
  };
}
