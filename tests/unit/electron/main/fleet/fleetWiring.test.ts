/**
 * The fleet and the play log as staff reach them: through main's own composition root and its
 * IPC handlers, behind the PIN session, over one plain shared folder (a network share or a
 * USB drive carried between screens).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  IpcChannel,
  type AdminResult,
  type AdminState,
  type FleetView,
  type ImportedMedia,
  type MediaLibraryEntry,
  type ScreenView,
} from '../../../../../contract';
import {
  KIOSK_PAGE,
  startMainServices,
  type ServicesUnderTest,
} from '../../../../support/mainServices';
import { until } from '../../../../support/syncthing';
import { loadClinicKey } from '../../../../../electron/main/fleet/fleetKeys';
import { publishSetup } from '../../../../../electron/main/fleet/fleetPublisher';
import { tinyPng } from '../../../../support/pictures';

const PIN = '4829';
/**
 * How long one wait for the member may take before the test calls it a hang: the member's own
 * timers (up to 15 s to its next poll, 3 s for the files to settle) plus the import, on a slow
 * machine busy with other tests.
 */
const HANG_GUARD_MS = 120_000;
const running: ServicesUnderTest[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const main of running.splice(0)) main.dispose();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function scratch(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-fleet-wiring-'));
  folders.push(folder);
  return folder;
}

/** A small, valid PNG of its own colour (so each one is a different file). */

/** What a capture of the kiosk window gives: a small JPEG. */
const WINDOW_PICTURE = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x10, 0x4a, 0x46, 0xff, 0xd9]);

async function kiosk(usb: string) {
  const main = await startMainServices({
    drives: () => [{ label: 'CLINIC USB', kind: 'usb', path: usb }],
    captureScreen: async () => WINDOW_PICTURE,
  });
  running.push(main);
  const call = async <T>(channel: string, payload?: unknown) =>
    (await (
      main.services.ipc.invoke as unknown as Record<
        string,
        (sender: unknown, payload: unknown) => Promise<AdminResult<T>>
      >
    )[channel]!(KIOSK_PAGE, payload)) as AdminResult<T>;
  const value = async <T>(channel: string, payload?: unknown): Promise<T> => {
    const result = await call<T>(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
  /** The picker's token for `name` at the top of the USB drive (or the drive itself). */
  const pick = async (name?: string) => {
    const drive = (
      await value<{ token: string; label: string }[]>(IpcChannel.adminMediaSources)
    ).find((source) => source.label === 'CLINIC USB');
    if (name === undefined) return drive!.token;
    const folder = await value<{ entries: { name: string; token: string }[] }>(
      IpcChannel.adminMediaBrowse,
      { token: drive!.token },
    );
    return folder.entries.find((entry) => entry.name === name)!.token;
  };
  return { main, call, value, pick };
}

describe('the fleet through the admin', () => {
  it('is closed without the PIN: every fleet and report call answers not-unlocked', async () => {
    const office = await kiosk(scratch());
    for (const [channel, payload] of [
      [IpcChannel.adminFleetScreens, undefined],
      [
        IpcChannel.adminFleetStart,
        { name: 'Office', room: '', setupFolder: '/a', statusFolder: '/b' },
      ],
      [IpcChannel.adminFleetInvite, { token: 'a'.repeat(32) }],
      [IpcChannel.adminFleetKeyBackup, { token: 'a'.repeat(32) }],
      [IpcChannel.adminFleetInspect, { token: 'a'.repeat(32) }],
      [IpcChannel.adminFleetPublish, { activateInMinutes: 0, announceNewKey: false }],
      [IpcChannel.adminFleetLeave, undefined],
      [IpcChannel.adminFleetScreenshots, { on: true }],
      [IpcChannel.adminPlayReport, { days: 7 }],
      [IpcChannel.adminPlayExport, { token: 'a'.repeat(32) }],
    ] as const) {
      const result = await office.call(channel, payload);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'not-unlocked' } });
    }
    expect(fs.existsSync(path.join(office.main.directory, 'fleet'))).toBe(false);
  });

  it('start, invite, join on the compared fingerprint, publish: the member keeps its own mode', async () => {
    const usb = scratch();
    const shared = scratch();
    const setupFolder = path.join(shared, 'setup');
    const statusFolder = path.join(shared, 'status');
    const office = await kiosk(usb);
    const room = await kiosk(usb);
    for (const screen of [office, room]) {
      await screen.value(IpcChannel.adminSetFirstPin, { pin: PIN });
      await screen.value(IpcChannel.adminUnlock, { pin: PIN });
    }
    // The consultation room's kiosk presents by hand; the office's setup is a waiting room's.
    room.main.services.store.save({ ...room.main.services.store.settings, mode: 'present' });

    const started = await office.value<AdminState>(IpcChannel.adminFleetStart, {
      name: 'Office PC',
      room: 'Office',
      setupFolder,
      statusFolder,
    });
    expect(started.fleet).toMatchObject({ role: 'publisher', name: 'Office PC' });
    const fingerprint = started.fleet.keyFingerprint!;
    expect(fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);
    const invitation = await office.value<{ fileName: string }>(IpcChannel.adminFleetInvite, {
      token: await office.pick(),
    });

    const token = await room.pick(invitation.fileName);
    const seen = await room.value<{ fingerprint: string }>(IpcChannel.adminFleetInspect, { token });
    expect(seen.fingerprint).toBe(fingerprint);
    // A fingerprint read back wrong is refused, and nothing is joined.
    const wrong = fingerprint.replace(/^\d/, (digit) => String((Number(digit) + 1) % 10));
    const refused = await room.call<AdminState>(IpcChannel.adminFleetJoin, {
      token: await room.pick(invitation.fileName),
      name: 'Room 4',
      room: 'Consultation 4',
      fingerprint: wrong,
      setupFolder,
      statusFolder,
    });
    expect(refused.ok).toBe(false);
    expect(room.main.services.fleet.state().membership).toBeNull();
    const joined = await room.value<AdminState>(IpcChannel.adminFleetJoin, {
      token: await room.pick(invitation.fileName),
      name: 'Room 4',
      room: 'Consultation 4',
      fingerprint,
      setupFolder,
      statusFolder,
    });
    expect(joined.fleet satisfies FleetView).toMatchObject({
      role: 'member',
      trustedFingerprints: [fingerprint],
    });

    office.main.services.store.save({ ...office.main.services.store.settings, transition: 'cut' });
    const published = await office.value<{ version: number }>(IpcChannel.adminFleetPublish, {
      activateInMinutes: 0,
      announceNewKey: false,
    });
    expect(published.version).toBe(1);
    // Marking setup 1 as running is the last step of a switch, after the settings are saved.
    // The shared setup folder is first made by this publish, so the room (which joined before
    // it existed) has no watcher on it: it finds the setup at its next 15 s poll and lets the
    // files settle for 3 s, so up to about 18 s of this wait are the member's own timers,
    // whatever the machine. The limit is a guard against a hang, not a timing check.
    await until(
      () => room.main.services.fleet.state().membership?.setupVersion === 1,
      'the room uses the published setup',
      HANG_GUARD_MS,
    );
    expect(room.main.services.store.settings.transition).toBe('cut');
    expect(room.main.services.store.settings.mode).toBe('present');
    expect(office.main.services.store.settings.mode).toBe('loop');

    await until(
      async () =>
        (await office.value<{ name: string | null }[]>(IpcChannel.adminFleetScreens)).some(
          (screen) => screen.name === 'Room 4',
        ),
      "the room's status reaches the office",
      HANG_GUARD_MS,
    );
    // The office shares a picture of its screen; the room's Screens view shows it, served from
    // the shared status folder through main's app:// handler.
    expect(await office.call(IpcChannel.adminFleetScreenshots, { on: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    const on = await office.value<AdminState>(IpcChannel.adminFleetScreenshots, { on: true });
    expect(on.fleet.screenshots).toBe(true);
    let officeRow: ScreenView | undefined;
    await until(
      async () => {
        officeRow = (await room.value<ScreenView[]>(IpcChannel.adminFleetScreens)).find(
          (screen) => screen.name === 'Office PC' && screen.screenshot !== null,
        );
        return officeRow !== undefined;
      },
      "the office's picture is listed on the room's Screens view",
      30_000,
    );
    expect(officeRow!.screenshot!.url).toMatch(/^app:\/\/screens\/kiosk-[0-9a-f]{8}\.jpg\?taken=/);
    const served = await room.main.services.appProtocol(new Request(officeRow!.screenshot!.url));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(WINDOW_PICTURE);
    // Turned off: the picture leaves the shared folder, and the address answers nothing.
    await office.value<AdminState>(IpcChannel.adminFleetScreenshots, { on: false });
    expect(
      (await room.main.services.appProtocol(new Request(officeRow!.screenshot!.url))).status,
    ).toBe(404);

    const left = await room.value<AdminState>(IpcChannel.adminFleetLeave);
    expect(left.fleet.role).toBeNull();
  }, 300_000);

  it('a staged setup switches when the clock watch sees the clock set forward past its time', async () => {
    const shared = scratch();
    const setupFolder = path.join(shared, 'setup');
    const statusFolder = path.join(shared, 'status');
    // The folders are there before the room joins, so it watches them and sees the publish.
    fs.mkdirSync(setupFolder, { recursive: true });
    const office = await startMainServices();
    running.push(office);
    // The room's wall clock runs two hours behind until time sync sets it right.
    let behindMs = 2 * 3600_000;
    const roomNow = () => new Date(Date.now() - behindMs);
    const room = await startMainServices({
      now: roomNow,
      clockWatch: { wallNow: () => roomNow().getTime() },
    });
    running.push(room);
    office.services.fleet.startFleet({ name: 'Office', room: '', setupFolder, statusFolder });
    const usb = scratch();
    office.services.fleet.saveInvitation(usb);
    room.services.fleet.join(path.join(usb, 'clinic-kiosk-invitation.json'), {
      name: 'Room 4',
      room: '',
      fingerprint: office.services.fleet.state().keyFingerprint!,
    });
    office.services.store.save({ ...office.services.store.settings, transition: 'cut' });
    // In an hour by the office's (right) clock: three hours away by the room's.
    await office.services.fleet.publish({ activateAt: new Date(Date.now() + 3600_000) });
    await until(
      () => room.services.fleet.state().staged?.version === 1,
      'the room stages the setup',
      HANG_GUARD_MS,
    );
    expect(room.services.fleet.state().membership?.setupVersion).toBe(0);
    // Time sync sets the room's clock three hours forward: past "activate at". The clock watch
    // (every 2 s) sees the jump, and the switch follows the clock, not the old timer.
    behindMs = -3600_000;
    await until(
      () => room.services.fleet.state().membership?.setupVersion === 1,
      'the room switches after its clock was set forward',
      HANG_GUARD_MS,
    );
    expect(room.services.store.settings.transition).toBe('cut');
    expect(room.services.recoveries.recent(10).map((entry) => entry.event)).toContain(
      'clock-changed',
    );
  }, 300_000);

  it('a signed setup whose bundle a load would refuse is refused when it arrives, not at its time', async () => {
    const shared = scratch();
    const setupFolder = path.join(shared, 'setup');
    const statusFolder = path.join(shared, 'status');
    fs.mkdirSync(setupFolder, { recursive: true });
    const office = await startMainServices();
    running.push(office);
    const room = await startMainServices();
    running.push(room);
    office.services.fleet.startFleet({ name: 'Office', room: '', setupFolder, statusFolder });
    const usb = scratch();
    office.services.fleet.saveInvitation(usb);
    room.services.fleet.join(path.join(usb, 'clinic-kiosk-invitation.json'), {
      name: 'Room 4',
      room: '',
      fingerprint: office.services.fleet.state().keyFingerprint!,
    });
    // Signed by the clinic's key and whole, but not a setup bundle: only the load's checks see it.
    publishSetup({
      folder: setupFolder,
      bundle: Buffer.from('these bytes are not a setup bundle '.repeat(100)),
      fleetId: office.services.fleet.state().membership!.fleetId,
      version: 1,
      now: new Date(),
      activateAt: new Date(Date.now() + 3600_000),
      minAppVersion: '1.0.0',
      key: loadClinicKey(office.directory)!,
    });
    await until(
      () => room.services.fleet.state().lastRefusal !== null,
      'the room refuses the setup',
      HANG_GUARD_MS,
    );
    expect(room.services.fleet.state().lastRefusal).toMatch(/setup 1.*not a setup file/);
    expect(room.services.fleet.state().staged).toBeNull();
    expect(room.services.fleet.state().membership?.setupVersion).toBe(0);
  }, 300_000);

  it('a published setup carries the names of its pictures to the member’s media library', async () => {
    const usb = scratch();
    const shared = scratch();
    const setupFolder = path.join(shared, 'setup');
    const statusFolder = path.join(shared, 'status');
    const office = await kiosk(usb);
    const room = await kiosk(usb);
    for (const screen of [office, room]) {
      await screen.value(IpcChannel.adminSetFirstPin, { pin: PIN });
      await screen.value(IpcChannel.adminUnlock, { pin: PIN });
    }
    // Two pictures imported on the office's kiosk from the drive, and a slide for each.
    const files: string[] = [];
    for (const [name, red] of [
      ['Waiting room poster.png', 10],
      ['Our team, spring.png', 20],
    ] as const) {
      fs.writeFileSync(path.join(usb, name), tinyPng(red));
      const imported = await office.value<ImportedMedia>(IpcChannel.adminMediaImport, {
        token: await office.pick(name),
      });
      files.push(imported.file);
    }
    office.main.services.store.save({
      ...office.main.services.store.settings,
      customSlides: files.map((file, index) => ({
        id: `custom-picture-${index + 1}`,
        kind: 'image' as const,
        title: { en: `Picture ${index + 1}` },
        description: { en: 'A picture of the clinic' },
        file,
        sourceName: `slide-${index + 1}.png`,
        durationSeconds: 10,
      })),
    });

    const started = await office.value<AdminState>(IpcChannel.adminFleetStart, {
      name: 'Office PC',
      room: 'Office',
      setupFolder,
      statusFolder,
    });
    const invitation = await office.value<{ fileName: string }>(IpcChannel.adminFleetInvite, {
      token: await office.pick(),
    });
    await room.value<AdminState>(IpcChannel.adminFleetJoin, {
      token: await room.pick(invitation.fileName),
      name: 'Room 4',
      room: 'Consultation 4',
      fingerprint: started.fleet.keyFingerprint,
      setupFolder,
      statusFolder,
    });
    await office.value(IpcChannel.adminFleetPublish, {
      activateInMinutes: 0,
      announceNewKey: false,
    });
    // A hang guard, not a time limit: the room finds the setup by its 15 s poll (its folder did
    // not exist when it joined), then waits for the files to settle.
    await until(
      () => room.main.services.fleet.state().membership?.setupVersion === 1,
      'the room uses the published setup',
      120_000,
    );

    const library = await room.value<MediaLibraryEntry[]>(IpcChannel.adminMediaLibrary);
    expect(
      Object.fromEntries(library.map((entry) => [entry.file, entry.sourceName ?? null])),
    ).toEqual({ [files[0]!]: 'Waiting room poster.png', [files[1]!]: 'Our team, spring.png' });
  }, 300_000);
});
