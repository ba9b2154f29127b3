import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createClinicKey,
  fingerprintOf,
  loadClinicKey,
  PRIVATE_KEY_FILE,
  signBytes,
} from '../../../../../electron/main/fleet/fleetKeys';
import {
  checkManifest,
  compareVersions,
  MANIFEST_FORMAT,
  type FleetManifest,
} from '../../../../../electron/main/fleet/fleetManifest';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
function clinicKey() {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-fleet-key-'));
  folders.push(directory);
  const info = createClinicKey(directory);
  return { directory, info, key: loadClinicKey(directory)! };
}

function manifest(signedBy: string, overrides: Partial<FleetManifest> = {}): FleetManifest {
  return {
    format: MANIFEST_FORMAT,
    formatVersion: 1,
    fleetId: 'clinic-north-2026',
    version: 7,
    createdAt: '2026-12-03T10:00:00.000Z',
    activateAt: '2026-12-03T10:05:00.000Z',
    minAppVersion: '0.1.0',
    bundle: { file: 'setup-7.zip', sha256: 'a'.repeat(64), bytes: 1234 },
    signedBy,
    ...overrides,
  };
}

function signed(key: ReturnType<typeof clinicKey>['key'], body: FleetManifest) {
  const manifestBytes = Buffer.from(`${JSON.stringify(body, null, 2)}\n`);
  return { manifestBytes, signature: signBytes(key.privateKey, manifestBytes) };
}

const check = (input: ReturnType<typeof signed>, trustedKeys: string[], extra = {}) =>
  checkManifest({
    ...input,
    trustedKeys,
    fleetId: 'clinic-north-2026',
    runningVersion: 6,
    appVersion: '0.1.0',
    ...extra,
  });

describe('the clinic key', () => {
  it('is an Ed25519 key readable only by the app’s user, with a fingerprint of digits to compare aloud', () => {
    const { directory, info, key } = clinicKey();
    expect(fs.statSync(path.join(directory, PRIVATE_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(info.fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);
    expect(key.info).toEqual(info);
    expect(fingerprintOf(info.publicKey)).toBe(info.fingerprint);
    expect(() => createClinicKey(directory)).toThrow(/already has a clinic key/);
  });
});

describe('a published manifest', () => {
  it('is accepted when signed by a trusted key, for this fleet, newer, for this app', () => {
    const { info, key } = clinicKey();
    const result = check(signed(key, manifest(info.fingerprint)), [info.publicKey]);
    expect(result).toMatchObject({ ok: true, manifest: { version: 7 }, trustNext: null });
  });

  it.each([
    ['a tampered manifest', 'bad-signature'],
    ['a manifest signed by an unknown key', 'unknown-key'],
    ['the wrong fleet id', 'wrong-fleet'],
    ['an old version replayed', 'not-newer'],
    ['the same version again', 'not-newer'],
    ['a missing signature', 'unsigned'],
    ['a truncated manifest', 'unreadable'],
    ['a newer app needed', 'app-too-old'],
  ])('refuses %s (%s)', (label, problem) => {
    const { info, key } = clinicKey();
    const stranger = clinicKey();
    let input = signed(key, manifest(info.fingerprint));
    let extra = {};
    switch (label) {
      case 'a tampered manifest':
        input = {
          ...input,
          manifestBytes: Buffer.from(
            input.manifestBytes.toString().replace('"version": 7', '"version": 8'),
          ),
        };
        break;
      case 'a manifest signed by an unknown key':
        input = signed(stranger.key, manifest(stranger.info.fingerprint));
        break;
      case 'the wrong fleet id':
        input = signed(key, manifest(info.fingerprint, { fleetId: 'another-clinic' }));
        break;
      case 'an old version replayed':
        input = signed(key, manifest(info.fingerprint, { version: 3 }));
        break;
      case 'the same version again':
        extra = { runningVersion: 7 };
        break;
      case 'a missing signature':
        input = { ...input, signature: Buffer.alloc(0) };
        break;
      case 'a truncated manifest':
        input = { ...input, manifestBytes: input.manifestBytes.subarray(0, 80) };
        break;
      case 'a newer app needed':
        input = signed(key, manifest(info.fingerprint, { minAppVersion: '0.2.0' }));
        break;
    }
    const result = check(input, [info.publicKey], extra);
    expect(result).toMatchObject({ ok: false, problem });
    expect(result.ok ? '' : result.reason).not.toBe('');
  });

  it('rotates the key: a new key announced by the old one is trusted from then on', () => {
    const old = clinicKey();
    const next = clinicKey();
    const announcing = signed(
      old.key,
      manifest(old.info.fingerprint, {
        nextKey: { publicKey: next.info.publicKey, fingerprint: next.info.fingerprint },
      }),
    );
    const first = check(announcing, [old.info.publicKey]);
    expect(first).toMatchObject({ ok: true, trustNext: { fingerprint: next.info.fingerprint } });
    // The next setup, signed by the new key alone, is accepted by a kiosk that took the announcement.
    const byNewKey = signed(next.key, manifest(next.info.fingerprint, { version: 8 }));
    expect(check(byNewKey, [old.info.publicKey], { runningVersion: 7 })).toMatchObject({
      ok: false,
      problem: 'unknown-key',
    });
    expect(
      check(byNewKey, [old.info.publicKey, next.info.publicKey], { runningVersion: 7 }),
    ).toMatchObject({ ok: true });
  });

  it('refuses an announced key whose fingerprint does not match it', () => {
    const old = clinicKey();
    const next = clinicKey();
    const lying = signed(
      old.key,
      manifest(old.info.fingerprint, {
        nextKey: { publicKey: next.info.publicKey, fingerprint: old.info.fingerprint },
      }),
    );
    expect(check(lying, [old.info.publicKey])).toMatchObject({ ok: false, problem: 'unreadable' });
  });

  it('compares app versions by number', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0-beta')).toBe(0);
    expect(compareVersions('0.1.0', '0.2.0')).toBeLessThan(0);
  });
});
