import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createClinicKey,
  loadClinicKey,
  type PublicKeyInfo,
} from '../../../../../electron/main/fleet/fleetKeys';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../../../../../electron/main/fleet/fleetManifest';
import {
  ARRIVING_GRACE_MS,
  createFleetMember,
  SETTLE_MS,
  type FleetMember,
} from '../../../../../electron/main/fleet/fleetMember';
import { publishSetup } from '../../../../../electron/main/fleet/fleetPublisher';

const folders: string[] = [];
const members: FleetMember[] = [];
afterEach(() => {
  for (const member of members.splice(0)) member.stop();
  vi.useRealTimers();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
function folder(name: string) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `kiosk-fleet-${name}-`));
  folders.push(directory);
  return directory;
}

const FLEET = 'clinic-north-2026';
const T0 = new Date('2026-12-03T10:00:00.000Z');

function setting() {
  vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const keyFolder = folder('key');
  createClinicKey(keyFolder);
  const key = loadClinicKey(keyFolder)!;
  const shared = folder('shared');
  const kiosk = folder('kiosk');
  let running = 0;
  const trusted = [key.info.publicKey];
  const applied: { file: string; version: number; bytes: Buffer }[] = [];
  const refusals: string[] = [];
  const arriving: string[] = [];
  const checks: number[] = [];
  const member = (options: { apply?: 'fail'; check?: string } = {}) => {
    const created = createFleetMember({
      directory: kiosk,
      setupFolder: shared,
      fleetId: FLEET,
      trustedKeys: () => trusted,
      setTrustedKeys: (publicKeys) => trusted.splice(0, trusted.length, ...publicKeys),
      runningVersion: () => running,
      appVersion: '0.1.0',
      now: () => new Date(),
      check: async (file, manifest) => {
        expect(fs.existsSync(file)).toBe(true);
        checks.push(manifest.version);
        return options.check ? { ok: false, reason: options.check } : { ok: true };
      },
      apply: async (file, manifest) => {
        if (options.apply === 'fail') return { ok: false, reason: 'the disk is full' };
        applied.push({ file, version: manifest.version, bytes: fs.readFileSync(file) });
        return { ok: true };
      },
      applied: (version) => {
        running = version;
      },
      refused: (reason) => refusals.push(reason),
      arriving: (what) => arriving.push(what),
    });
    members.push(created);
    return created;
  };
  const publish = (
    version: number,
    overrides: {
      activateAt?: Date;
      bundle?: Buffer;
      fleetId?: string;
      nextKey?: PublicKeyInfo;
      /** Signed by this key (default: the clinic's first). */
      by?: typeof key;
    } = {},
  ) =>
    publishSetup({
      folder: shared,
      bundle: overrides.bundle ?? Buffer.from(`setup number ${version} `.repeat(500)),
      fleetId: overrides.fleetId ?? FLEET,
      version,
      now: new Date(),
      activateAt: overrides.activateAt ?? new Date(Date.now() + 60_000),
      minAppVersion: '0.1.0',
      key: overrides.by ?? key,
      ...(overrides.nextKey ? { nextKey: overrides.nextKey } : {}),
    });
  /** Looks, lets the files settle, looks again (what the watcher and the poll do). */
  const settleAndLook = async (m: FleetMember) => {
    await m.look();
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 100);
    await m.look();
  };
  return {
    key,
    shared,
    kiosk,
    member,
    publish,
    settleAndLook,
    applied,
    refusals,
    arriving,
    trusted,
    checks,
    running: () => running,
  };
}

describe('a member kiosk picks a published setup up', () => {
  it('checks it, stages it, and switches at “activate at”, not before', async () => {
    const s = setting();
    const m = s.member();
    s.publish(1);
    await s.settleAndLook(m);
    expect(m.staged()).toMatchObject({ version: 1 });
    expect(s.applied).toEqual([]);
    await vi.advanceTimersByTimeAsync(50_000);
    expect(s.applied).toEqual([]);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(s.applied.map((a) => a.version)).toEqual([1]);
    expect(s.running()).toBe(1);
    expect(m.staged()).toBeNull();
    expect(s.refusals).toEqual([]);
    // The same setup still in the folder: nothing happens, nothing is said.
    await s.settleAndLook(m);
    expect(s.applied).toHaveLength(1);
    expect(s.refusals).toEqual([]);
  });

  it('switches at once when “activate at” has passed (a kiosk whose clock runs ahead)', async () => {
    const s = setting();
    const m = s.member();
    s.publish(1, { activateAt: new Date(Date.now() - 10 * 60_000) });
    await s.settleAndLook(m);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.applied.map((a) => a.version)).toEqual([1]);
  });

  it('waits while a file is still being copied, then takes it once it is whole', async () => {
    const s = setting();
    const m = s.member();
    s.publish(1);
    const bundle = path.join(s.shared, 'setup-1.zip');
    const whole = fs.readFileSync(bundle);
    fs.writeFileSync(bundle, whole.subarray(0, 100));
    await m.look();
    // Still growing when looked at again.
    fs.appendFileSync(bundle, whole.subarray(100, 2000));
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 100);
    await m.look();
    expect(m.staged()).toBeNull();
    fs.writeFileSync(bundle, whole);
    await s.settleAndLook(m);
    expect(m.staged()).toMatchObject({ version: 1 });
    expect(s.refusals).toEqual([]);
  });

  it.each([
    ['a tampered bundle', 'does not match its signed checksum'],
    ['a truncated bundle that stopped growing', 'cut short or changed'],
    ['a missing signature', 'no signature'],
    ['a manifest signed by an unknown key', 'does not trust'],
    ['the wrong fleet', "another clinic's screens"],
  ])('refuses %s, says why once, and changes nothing', async (label, reason) => {
    const s = setting();
    const m = s.member();
    const bundle = path.join(s.shared, 'setup-1.zip');
    s.publish(1);
    switch (label) {
      case 'a tampered bundle': {
        const bytes = fs.readFileSync(bundle);
        bytes[10] = bytes[10]! ^ 0xff;
        fs.writeFileSync(bundle, bytes);
        break;
      }
      case 'a truncated bundle that stopped growing':
        fs.truncateSync(bundle, 50);
        break;
      case 'a missing signature':
        fs.rmSync(path.join(s.shared, SIGNATURE_FILE));
        break;
      case 'a manifest signed by an unknown key':
        s.trusted.splice(0, 1, createClinicKey(folder('other')).publicKey);
        break;
      case 'the wrong fleet':
        s.publish(1, { fleetId: 'clinic-south-9' });
        break;
    }
    await s.settleAndLook(m);
    await s.settleAndLook(m);
    // A bundle not (yet) what the manifest says may still be arriving: refused after the wait.
    await vi.advanceTimersByTimeAsync(ARRIVING_GRACE_MS);
    await m.look();
    await s.settleAndLook(m);
    expect(s.applied).toEqual([]);
    expect(m.staged()).toBeNull();
    expect(s.refusals).toHaveLength(1);
    expect(s.refusals[0]).toContain(reason);
  });

  it.each([
    ['missing', 'is missing'],
    ['short', 'cut short or changed'],
    ['not what was signed yet', 'does not match its signed checksum'],
  ])(
    'waits for a bundle that is %s while its manifest is there (a sync bringing the largest file last), and takes it once it came',
    async (how, reason) => {
      const s = setting();
      const m = s.member();
      s.publish(1, { activateAt: new Date(Date.now() + 2 * 3600_000) });
      const bundle = path.join(s.shared, 'setup-1.zip');
      const whole = fs.readFileSync(bundle);
      if (how === 'missing') fs.rmSync(bundle);
      if (how === 'short') fs.truncateSync(bundle, 100);
      if (how === 'not what was signed yet') fs.writeFileSync(bundle, Buffer.alloc(whole.length));
      // Looked at by the poll for most of half an hour: waiting, not refusing.
      for (let minute = 0; minute < 29; minute++) {
        await s.settleAndLook(m);
        await vi.advanceTimersByTimeAsync(60_000);
      }
      expect(s.refusals).toEqual([]);
      expect(s.arriving).toEqual([expect.stringContaining('setup 1')]);
      expect(m.staged()).toBeNull();
      fs.writeFileSync(bundle, whole);
      await s.settleAndLook(m);
      expect(m.staged()).toMatchObject({ version: 1 });
      expect(s.refusals).toEqual([]);

      // The same, never arriving: refused once the wait is over, with what was wrong.
      const t = setting();
      const n = t.member();
      t.publish(1);
      if (how === 'missing') fs.rmSync(path.join(t.shared, 'setup-1.zip'));
      if (how === 'short') fs.truncateSync(path.join(t.shared, 'setup-1.zip'), 100);
      if (how === 'not what was signed yet')
        fs.writeFileSync(path.join(t.shared, 'setup-1.zip'), Buffer.alloc(whole.length));
      await t.settleAndLook(n);
      await vi.advanceTimersByTimeAsync(ARRIVING_GRACE_MS);
      await t.settleAndLook(n);
      expect(t.refusals).toEqual([expect.stringContaining(reason)]);
      expect(n.staged()).toBeNull();
    },
  );

  it('refuses an old version replayed into the folder', async () => {
    const s = setting();
    const m = s.member();
    const oldFiles = () =>
      [MANIFEST_FILE, SIGNATURE_FILE, 'setup-1.zip'].map((name) => [
        name,
        fs.readFileSync(path.join(s.shared, name)),
      ]) as [string, Buffer][];
    s.publish(1, { activateAt: new Date(Date.now() - 1000) });
    const version1 = oldFiles();
    await s.settleAndLook(m);
    await vi.advanceTimersByTimeAsync(0);
    s.publish(2, { activateAt: new Date(Date.now() - 1000) });
    await s.settleAndLook(m);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.running()).toBe(2);
    for (const [name, bytes] of version1) fs.writeFileSync(path.join(s.shared, name), bytes);
    await s.settleAndLook(m);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.applied.map((a) => a.version)).toEqual([1, 2]);
    expect(s.refusals).toEqual([expect.stringContaining('version 1 is not newer than the 2')]);
  });

  it('a kiosk stopped between staging and switching switches once, at its next start', async () => {
    const s = setting();
    const first = s.member();
    s.publish(1);
    await s.settleAndLook(first);
    expect(first.staged()).toMatchObject({ version: 1 });
    // Killed: its timer never fires.
    first.stop();
    const second = s.member();
    expect(second.staged()).toMatchObject({ version: 1 });
    await vi.advanceTimersByTimeAsync(61_000);
    expect(s.applied.map((a) => a.version)).toEqual([1]);
    // What was switched to is exactly the published bundle.
    expect(createHash('sha256').update(s.applied[0]!.bytes).digest('hex')).toBe(
      createHash('sha256')
        .update(fs.readFileSync(path.join(s.shared, 'setup-1.zip')))
        .digest('hex'),
    );
  });

  it('follows the clock when it is set forward after staging (time sync, staff)', async () => {
    const s = setting();
    const m = s.member();
    s.publish(1, { activateAt: new Date(Date.now() + 60 * 60_000) });
    await s.settleAndLook(m);
    expect(m.staged()).toMatchObject({ version: 1 });
    // The kiosk's clock was an hour and a half behind: time sync sets it right.
    vi.setSystemTime(Date.now() + 90 * 60_000);
    m.clockChanged();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.applied.map((a) => a.version)).toEqual([1]);
  });

  it('follows the clock when it is set back after staging, and switches at its time', async () => {
    const s = setting();
    const m = s.member();
    const activateAt = new Date(Date.now() + 60_000);
    s.publish(1, { activateAt });
    await s.settleAndLook(m);
    // The kiosk's clock ran an hour ahead: set back, "activate at" is an hour further away.
    vi.setSystemTime(Date.now() - 60 * 60_000);
    m.clockChanged();
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(s.applied).toEqual([]);
    expect(m.staged()).toMatchObject({ version: 1 });
    await vi.advanceTimersByTimeAsync(activateAt.getTime() - Date.now());
    expect(s.applied.map((a) => a.version)).toEqual([1]);
  });

  it('does not switch early when the clock was set back and no one said so', async () => {
    const s = setting();
    const m = s.member();
    const activateAt = new Date(Date.now() + 60_000);
    s.publish(1, { activateAt });
    await s.settleAndLook(m);
    vi.setSystemTime(Date.now() - 60 * 60_000);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(s.applied).toEqual([]);
    await vi.advanceTimersByTimeAsync(activateAt.getTime() - Date.now());
    expect(s.applied.map((a) => a.version)).toEqual([1]);
  });

  it('runs the checks of a load when it stages, and refuses then, long before “activate at”', async () => {
    const s = setting();
    const m = s.member({ check: 'settings.json does not match its checksum' });
    s.publish(1, { activateAt: new Date(Date.now() + 60 * 60_000) });
    await s.settleAndLook(m);
    expect(s.checks).toEqual([1]);
    expect(m.staged()).toBeNull();
    expect(s.refusals).toEqual([
      expect.stringContaining('settings.json does not match its checksum'),
    ]);
    await vi.advanceTimersByTimeAsync(61 * 60_000);
    expect(s.applied).toEqual([]);
    expect(s.refusals).toHaveLength(1);
  });

  it('trusts a key its setup announces only once that setup passed every check', async () => {
    const s = setting();
    const next = createClinicKey(folder('next'));
    const refused = s.member({ check: 'a picture is not a picture' });
    s.publish(1, { nextKey: next });
    await s.settleAndLook(refused);
    expect(s.trusted).toEqual([s.key.info.publicKey]);
    expect(s.refusals).toEqual([expect.stringContaining('a picture is not a picture')]);
    refused.stop();

    const passing = s.member();
    await s.settleAndLook(passing);
    expect(passing.staged()).toMatchObject({ version: 1 });
    expect(s.trusted).toContain(next.publicKey);
  });

  it('a switch that fails leaves the running setup and says why', async () => {
    const s = setting();
    const m = s.member({ apply: 'fail' });
    s.publish(1, { activateAt: new Date(Date.now() - 1000) });
    await s.settleAndLook(m);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.running()).toBe(0);
    expect(s.refusals).toEqual([expect.stringContaining('the disk is full')]);
  });
});

describe('key rotation through the shared folder', () => {
  /** A new clinic key (what the publishing kiosk makes when it rotates). */
  const newKey = () => {
    const directory = folder('rotated-key');
    createClinicKey(directory);
    return loadClinicKey(directory)!;
  };
  const pastActivate = () => new Date(Date.now() - 1000);

  it('a kiosk offline while the key was rotated walks the chain of rotations to the current key', async () => {
    const s = setting();
    const k1 = newKey();
    const k2 = newKey();
    // Two rotations while the kiosk was off: each new key announced by the one before.
    s.publish(1, { nextKey: k1.info, activateAt: pastActivate() });
    s.publish(2, { by: k1, nextKey: k2.info, activateAt: pastActivate() });
    s.publish(3, { by: k2, activateAt: pastActivate() });
    // The folder now holds only setup 3's manifest, signed by a key the kiosk never saw.
    const m = s.member();
    await s.settleAndLook(m);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.refusals).toEqual([]);
    expect(s.applied.map((a) => a.version)).toEqual([3]);
    // The key it adopted is the only one it trusts now: the old ones are retired.
    expect(s.trusted).toEqual([k2.info.publicKey]);
  });

  it('retires the old key once a setup signed by the new one is used: the old key signs nothing more', async () => {
    const s = setting();
    const k1 = newKey();
    const m = s.member();
    s.publish(1, { nextKey: k1.info, activateAt: pastActivate() });
    await s.settleAndLook(m);
    await vi.advanceTimersByTimeAsync(0);
    // Announced: both trusted until the new key is in use.
    expect(s.trusted).toEqual([s.key.info.publicKey, k1.info.publicKey]);
    s.publish(2, { by: k1, activateAt: pastActivate() });
    await s.settleAndLook(m);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.running()).toBe(2);
    expect(s.trusted).toEqual([k1.info.publicKey]);

    // A setup signed by the old key (a backup of it found on a drive) is refused.
    s.publish(3, { activateAt: pastActivate() });
    await s.settleAndLook(m);
    await vi.advanceTimersByTimeAsync(ARRIVING_GRACE_MS);
    await s.settleAndLook(m);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.running()).toBe(2);
    expect(s.refusals).toEqual([expect.stringContaining('does not trust')]);
  });

  it('follows no rotation record signed by a key it does not trust, or for another fleet', async () => {
    const s = setting();
    const stranger = newKey();
    const evil = newKey();
    const other = newKey();
    // A stranger announces their own key, and the clinic's key announces one for another fleet.
    s.publish(1, { by: stranger, nextKey: evil.info, activateAt: pastActivate() });
    s.publish(2, {
      fleetId: 'clinic-south-9',
      nextKey: other.info,
      activateAt: pastActivate(),
    });
    for (const [by, version] of [
      [evil, 3],
      [other, 4],
    ] as const) {
      s.publish(version, { by, activateAt: pastActivate() });
      const m = s.member();
      await s.settleAndLook(m);
      await vi.advanceTimersByTimeAsync(ARRIVING_GRACE_MS);
      await s.settleAndLook(m);
      await vi.advanceTimersByTimeAsync(0);
      m.stop();
    }
    expect(s.applied).toEqual([]);
    expect(s.trusted).toEqual([s.key.info.publicKey]);
    expect(s.refusals).toEqual([
      expect.stringContaining('does not trust'),
      expect.stringContaining('does not trust'),
    ]);
  });

  it('keeps every rotation record in the folder: a later publish overwrites none', () => {
    const s = setting();
    const k1 = newKey();
    const k2 = newKey();
    s.publish(1, { nextKey: k1.info });
    s.publish(2, { by: k1, nextKey: k2.info });
    s.publish(3, { by: k2 });
    s.publish(4, { by: k2 });
    const records = fs.readdirSync(s.shared).filter((name) => name.startsWith('key-rotation-'));
    expect(records).toHaveLength(2);
  });
});
