/**
 * Two kiosks over one shared folder (a plain folder here; Syncthing in the integration test):
 * the publishing kiosk starts a fleet and invites, the other joins by comparing the fingerprint,
 * a publish reaches it and is used at its time, and both kiosks' status files are read back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SETTLE_MS } from '../../../../../electron/main/fleet/fleetMember';
import {
  POLL_EVERY_MS,
  createFleetService,
  type FleetService,
} from '../../../../../electron/main/fleet/fleetService';

const folders: string[] = [];
const services: FleetService[] = [];
afterEach(() => {
  for (const service of services.splice(0)) service.stop();
  vi.useRealTimers();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
function folder(name: string) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `kiosk-fleet-${name}-`));
  folders.push(directory);
  return directory;
}

type WatchFolder = NonNullable<Parameters<typeof createFleetService>[0]['watchFolder']>;

/** A kiosk whose "setup" is one text file, exported and imported as the bundle. */
function kiosk(
  name: string,
  setup: string,
  watchFolder: WatchFolder = () => () => undefined,
  options: { directory?: string; appVersion?: string } = {},
) {
  const directory = options.directory ?? folder(name);
  const current = { setup, imports: 0 };
  const notes: string[] = [];
  const service = createFleetService({
    directory,
    now: () => new Date(),
    appVersion: options.appVersion ?? '0.1.0',
    exportSetup: async (into) => {
      const file = path.join(into, 'setup.zip');
      fs.writeFileSync(file, current.setup);
      return { ok: true, value: file };
    },
    checkSetup: async () => ({ ok: true, value: null }),
    importSetup: async (file) => {
      current.setup = fs.readFileSync(file, 'utf8');
      current.imports += 1;
      return { ok: true, value: null };
    },
    snapshot: () => ({
      state: 'playing',
      currentSlide: 'welcome',
      lastRecovery: null,
      yesterday: null,
    }),
    note: (event, detail) => notes.push(`${event}: ${detail}`),
    watchFolder,
  });
  services.push(service);
  return { directory, service, current, notes };
}

async function letMemberLook() {
  await vi.advanceTimersByTimeAsync(15_000 + SETTLE_MS + 100);
  await vi.advanceTimersByTimeAsync(15_000 + SETTLE_MS + 100);
}

describe('a fleet over a shared folder', () => {
  it('publisher invites, a member joins on the fingerprint, gets the setup at its time, and both show on Screens', async () => {
    vi.useFakeTimers({
      now: new Date('2026-12-03T10:00:00Z'),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    const shared = folder('shared');
    const usb = folder('usb');
    const office = kiosk('office', 'the office setup, version A');
    const started = office.service.startFleet({
      name: 'Front desk PC',
      room: 'Office',
      setupFolder: path.join(shared, 'setup'),
      statusFolder: path.join(shared, 'status'),
    });
    expect(started.ok).toBe(true);
    const fingerprint = office.service.state().keyFingerprint!;
    expect(fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);
    expect(office.service.saveInvitation(usb)).toEqual({
      ok: true,
      value: 'clinic-kiosk-invitation.json',
    });

    const screen4 = kiosk('screen-4', 'whatever screen 4 had');
    const invitation = path.join(usb, 'clinic-kiosk-invitation.json');
    const inspected = screen4.service.inspectInvitation(invitation);
    expect(inspected.ok && inspected.value.fingerprint).toBe(fingerprint);
    // A fingerprint read wrong is no join.
    expect(
      screen4.service.join(invitation, {
        name: 'Screen 4',
        room: 'Room 4',
        fingerprint: '00000 00000 00000 00000 00000 00000',
      }),
    ).toMatchObject({ ok: false });
    expect(
      screen4.service.join(invitation, { name: 'Screen 4', room: 'Room 4', fingerprint }),
    ).toMatchObject({ ok: true });

    const published = await office.service.publish({ activateAt: new Date(Date.now() + 60_000) });
    expect(published).toMatchObject({ ok: true, value: { version: 1 } });
    await letMemberLook();
    expect(screen4.service.state().staged).toMatchObject({ version: 1 });
    expect(screen4.current.imports).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(screen4.current.setup).toBe('the office setup, version A');
    expect(screen4.service.state().membership?.setupVersion).toBe(1);

    await vi.advanceTimersByTimeAsync(60_000);
    const screens = office.service.screens();
    expect(screens.map((row) => [row.status?.name, row.status?.setupVersion, row.flag])).toEqual(
      expect.arrayContaining([
        ['Front desk PC', 1, null],
        ['Screen 4', 1, null],
      ]),
    );
  });

  it('rotates the key: the announcing setup is signed by the old key, the next by the new one, and members follow', async () => {
    vi.useFakeTimers({
      now: new Date('2026-12-03T10:00:00Z'),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    const shared = folder('shared');
    const usb = folder('usb');
    const office = kiosk('office', 'v1');
    office.service.startFleet({
      name: 'Office',
      room: '',
      setupFolder: path.join(shared, 'setup'),
      statusFolder: path.join(shared, 'status'),
    });
    office.service.saveInvitation(usb);
    const member = kiosk('member', '');
    member.service.join(path.join(usb, 'clinic-kiosk-invitation.json'), {
      name: 'Waiting room',
      room: 'Waiting room',
      fingerprint: office.service.state().keyFingerprint!,
    });
    const oldFingerprint = office.service.state().keyFingerprint;
    office.current.setup = 'v2';
    await office.service.publish({ activateAt: new Date(), announceNewKey: true });
    await letMemberLook();
    expect(member.current.setup).toBe('v2');
    expect(member.service.state().membership?.trustedKeys).toHaveLength(2);
    expect(office.service.state().keyFingerprint).not.toBe(oldFingerprint);

    office.current.setup = 'v3';
    await office.service.publish({ activateAt: new Date() });
    await letMemberLook();
    expect(member.current.setup).toBe('v3');
    expect(member.notes.filter((note) => note.startsWith('fleet-setup-refused'))).toEqual([]);
    // The new key is in use: the old one is retired, on the member and on the office.
    const newKey = office.service.state().membership!.trustedKeys.at(-1)!;
    expect(office.service.state().membership?.trustedKeys).toEqual([newKey]);
    expect(member.service.state().membership?.trustedKeys).toEqual([newKey]);
    expect(member.notes).toContainEqual(expect.stringMatching(/^fleet-key-retired: /));

    // A kiosk that joins later with the invitation saved before the rotation (or was off the
    // whole time) follows the rotation records to the current key.
    const late = kiosk('late', '');
    late.service.join(path.join(usb, 'clinic-kiosk-invitation.json'), {
      name: 'Room 2',
      room: 'Room 2',
      fingerprint: oldFingerprint!,
    });
    await letMemberLook();
    expect(late.current.setup).toBe('v3');
    expect(late.notes.filter((note) => note.startsWith('fleet-setup-refused'))).toEqual([]);
    expect(late.service.state().membership?.trustedKeys).toEqual([newKey]);
  });
});

describe("a member's last refusal", () => {
  it('is kept in fleet.json and still shown after a restart, until a setup is used', async () => {
    vi.useFakeTimers({
      now: new Date('2026-12-03T10:00:00Z'),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    const shared = folder('shared');
    const usb = folder('usb');
    // The office runs a newer app: what it publishes needs that app.
    const office = kiosk('office', 'v1', undefined, { appVersion: '0.2.0' });
    office.service.startFleet({
      name: 'Office',
      room: '',
      setupFolder: path.join(shared, 'setup'),
      statusFolder: path.join(shared, 'status'),
    });
    office.service.saveInvitation(usb);
    const member = kiosk('member', '');
    member.service.join(path.join(usb, 'clinic-kiosk-invitation.json'), {
      name: 'Waiting room',
      room: '',
      fingerprint: office.service.state().keyFingerprint!,
    });
    await office.service.publish({ activateAt: new Date() });
    await letMemberLook();
    const refusal = member.service.state().lastRefusal;
    expect(refusal).toContain('needs app 0.2.0 or newer');

    // Restarted (a power cut, an update): the refusal is still there to see.
    member.service.stop();
    const restarted = kiosk('member', '', undefined, { directory: member.directory });
    expect(restarted.service.state().lastRefusal).toBe(refusal);
    const statusFile = path.join(
      shared,
      'status',
      'status',
      `${restarted.service.state().membership!.kioskId}.json`,
    );
    expect(JSON.parse(fs.readFileSync(statusFile, 'utf8'))).toMatchObject({
      lastRefusal: refusal,
    });

    // A setup it can use clears it, and the cleared state is what the next start shows.
    restarted.service.stop();
    const updated = kiosk('member', '', undefined, {
      directory: member.directory,
      appVersion: '0.2.0',
    });
    await letMemberLook();
    expect(updated.current.setup).toBe('v1');
    expect(updated.service.state().lastRefusal).toBeNull();
    updated.service.stop();
    expect(
      kiosk('member', '', undefined, { directory: member.directory }).service.state().lastRefusal,
    ).toBeNull();
  });
});

describe('fleet.json', () => {
  it('is opened without the temporary files a write cut short left beside it', () => {
    const directory = folder('kiosk');
    const usb = folder('usb');
    const office = kiosk('office', 'v1');
    office.service.startFleet({
      name: 'Office',
      room: '',
      setupFolder: path.join(folder('shared'), 'setup'),
      statusFolder: path.join(folder('shared'), 'status'),
    });
    office.service.saveInvitation(usb);
    const first = kiosk('member', '', undefined, { directory });
    first.service.join(path.join(usb, 'clinic-kiosk-invitation.json'), {
      name: 'Waiting room',
      room: '',
      fingerprint: office.service.state().keyFingerprint!,
    });
    first.service.stop();
    // A write killed before its rename leaves `fleet.json.tmp-<pid>`, half written.
    const leftover = path.join(directory, 'fleet.json.tmp-424242');
    fs.writeFileSync(leftover, '{"version": 1, "fleetId": "cut-sh');
    const reopened = kiosk('member', '', undefined, { directory });
    expect(fs.existsSync(leftover)).toBe(false);
    expect(reopened.service.state().membership?.name).toBe('Waiting room');
  });
});

describe("a member's watch on the setup folder", () => {
  it('is tried again at each poll until the folder is there, and again after a watch ends', async () => {
    vi.useFakeTimers({
      now: new Date('2026-12-03T10:00:00Z'),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    const shared = folder('shared');
    const usb = folder('usb');
    const office = kiosk('office', 'the office setup');
    office.service.startFleet({
      name: 'Office PC',
      room: '',
      setupFolder: path.join(shared, 'setup'),
      statusFolder: path.join(shared, 'status'),
    });
    office.service.saveInvitation(usb);
    // The folder is not there when the member joins (nothing published yet): no watch at first.
    const watches: { gone: () => void; stopped: boolean }[] = [];
    let folderThere = false;
    const screen4 = kiosk('screen-4', 'screen 4', (_folder, _onChange, onGone) => {
      if (!folderThere) return null;
      const watch = { gone: onGone, stopped: false };
      watches.push(watch);
      return () => {
        watch.stopped = true;
      };
    });
    screen4.service.join(path.join(usb, 'clinic-kiosk-invitation.json'), {
      name: 'Screen 4',
      room: '',
      fingerprint: office.service.state().keyFingerprint!,
    });
    expect(watches).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(POLL_EVERY_MS);
    expect(watches).toHaveLength(0);

    folderThere = true;
    await vi.advanceTimersByTimeAsync(POLL_EVERY_MS);
    expect(watches).toHaveLength(1);
    // Watching now: the polls go on, with no second watch.
    await vi.advanceTimersByTimeAsync(3 * POLL_EVERY_MS);
    expect(watches).toHaveLength(1);

    // The folder went away under the watch (a drive pulled): the next poll watches again.
    watches[0]!.gone();
    await vi.advanceTimersByTimeAsync(POLL_EVERY_MS);
    expect(watches).toHaveLength(2);
    screen4.service.stop();
    expect(watches[1]!.stopped).toBe(true);
  });
});
