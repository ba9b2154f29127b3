/**
 * Two kiosks, each with main's real services, share their fleet folders through two real
 * Syncthing instances on 127.0.0.1 (discovery and relays off). A setup published on the
 * office kiosk reaches the other, which checks and uses it; the other's status file reaches
 * the office. Skipped, saying why, only where Syncthing cannot be run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMainServices, type ServicesUnderTest } from '../../../../support/mainServices';
import {
  ignoreInSetupFolder,
  startSyncthingPair,
  syncthingMissing,
  until,
} from '../../../../support/syncthing';

const missing = syncthingMissing();
if (missing) console.log(`Syncthing test skipped: ${missing}`);

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.skipIf(missing !== null)('a fleet over Syncthing', () => {
  it('a published setup reaches the other kiosk, which verifies and uses it; its status comes back', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-syncthing-'));
    cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
    const pair = await startSyncthingPair(root);
    cleanups.push(() => pair.stop());
    const office: ServicesUnderTest = await startMainServices({
      directory: fs.mkdtempSync(path.join(root, 'office-data-')),
    });
    const kiosk: ServicesUnderTest = await startMainServices({
      directory: fs.mkdtempSync(path.join(root, 'kiosk-data-')),
    });
    cleanups.push(
      () => office.dispose(),
      () => kiosk.dispose(),
    );

    expect(
      office.services.fleet.startFleet({
        name: 'Office PC',
        room: 'Office',
        setupFolder: pair.publisher.setupFolder,
        statusFolder: pair.publisher.statusFolder,
      }),
    ).toMatchObject({ ok: true });
    const usb = fs.mkdtempSync(path.join(root, 'usb-'));
    office.services.fleet.saveInvitation(usb);
    expect(
      kiosk.services.fleet.join(path.join(usb, 'clinic-kiosk-invitation.json'), {
        name: 'Screen 4',
        room: 'Consultation 4',
        fingerprint: office.services.fleet.state().keyFingerprint!,
        setupFolder: pair.member.setupFolder,
        statusFolder: pair.member.statusFolder,
      }),
    ).toMatchObject({ ok: true });

    // Syncthing brings files in its own order, the largest often last: the kiosk's Syncthing
    // holds the bundle back until the kiosk has seen the manifest without it.
    await ignoreInSetupFolder(pair.member, ['setup-*.zip']);

    // The office changes its setup and publishes it, switching now.
    office.services.store.save({ ...office.services.store.settings, transition: 'cut' });
    const published = await office.services.fleet.publish({ activateAt: new Date() });
    expect(published).toMatchObject({ ok: true, value: { version: 1 } });

    const seenWithoutBundle = () =>
      kiosk.services.recoveries
        .recent(50)
        .some((entry) => ['fleet-setup-arriving', 'fleet-setup-refused'].includes(entry.event));
    await until(seenWithoutBundle, 'the other kiosk sees the manifest before its bundle');
    expect(fs.existsSync(path.join(pair.member.setupFolder, 'setup-1.zip'))).toBe(false);
    await ignoreInSetupFolder(pair.member, []);

    const started = Date.now();
    // The settings are saved first and the membership marks setup 1 as running after that:
    // wait for the mark, which is the last step of a switch, then look at both.
    await until(
      () => kiosk.services.fleet.state().membership?.setupVersion === 1,
      'the other kiosk uses the published setup',
    );
    console.log(
      `Syncthing: the setup was in use on the other kiosk ${Date.now() - started} ms after publishing`,
    );
    expect(kiosk.services.store.settings.transition).toBe('cut');
    const events = kiosk.services.recoveries.recent(50).map((entry) => entry.event);
    expect(events).toContain('fleet-setup-applied');
    // Syncthing brings the files in its own order (the bundle, the largest, often last): a
    // setup still arriving is waited for, never refused.
    expect(events).not.toContain('fleet-setup-refused');
    expect(kiosk.services.fleet.state().lastRefusal).toBeNull();

    const kioskId = kiosk.services.fleet.state().membership!.kioskId;
    await until(
      () =>
        office.services.fleet
          .screens()
          .some((row) => row.kioskId === kioskId && row.status?.setupVersion === 1),
      "the other kiosk's status reaches the office",
    );
    const row = office.services.fleet.screens().find((candidate) => candidate.kioskId === kioskId)!;
    expect(row.status).toMatchObject({ name: 'Screen 4', room: 'Consultation 4', setupVersion: 1 });
    expect(row.flag).toBeNull();
  }, 240_000);
});
