/**
 * A published setup is three files in the shared folder: the setup bundle (the same zip as
 * "Save setup to a drive"), a small manifest, and the manifest's detached Ed25519 signature.
 * The signature covers the manifest's bytes exactly as written; the manifest names the bundle
 * by its SHA-256. A kiosk checks all of it before it changes anything.
 */
import { z } from '../../../contract/zod';
import { fingerprintOf, verifyBytes, type PublicKeyInfo } from './fleetKeys';

export const MANIFEST_FILE = 'setup.manifest.json';
export const SIGNATURE_FILE = 'setup.manifest.sig';
export const MANIFEST_FORMAT = 'clinic-kiosk-fleet-setup';

const Iso = z.iso.datetime({ offset: true });
const Semver = z.string().check(z.regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/));
const Pem = z
  .string()
  .check(
    z.maxLength(1000),
    z.regex(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n?$/),
  );

export const FleetIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{5,62}$/, 'not a fleet id'));

export const FleetManifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.literal(1),
  fleetId: FleetIdSchema,
  /** Only ever grows: a kiosk never goes back to a lower one (an old setup replayed). */
  version: z.int().check(z.minimum(1)),
  createdAt: Iso,
  /** When every screen switches, together. */
  activateAt: Iso,
  /** The lowest app version that can use this setup. */
  minAppVersion: Semver,
  bundle: z.strictObject({
    file: z.string().check(z.regex(/^setup-\d+\.zip$/)),
    sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    bytes: z.int().check(z.nonnegative()),
  }),
  /** Fingerprint of the key that signed this manifest. */
  signedBy: z.string().check(z.regex(/^\d{5}( \d{5}){5}$/)),
  /**
   * A new key, announced by the old one: kiosks trust it from this setup on (its rotation record
   * in the folder says the same, for kiosks that miss this setup).
   */
  nextKey: z.optional(z.strictObject({ publicKey: Pem, fingerprint: z.string() })),
});
export type FleetManifest = z.infer<typeof FleetManifestSchema>;

export type ManifestProblem =
  | 'unreadable'
  | 'unsigned'
  | 'unknown-key'
  | 'bad-signature'
  | 'wrong-fleet'
  | 'not-newer'
  | 'app-too-old';

export type ManifestCheck =
  | { ok: true; manifest: FleetManifest; key: PublicKeyInfo; trustNext: PublicKeyInfo | null }
  | {
      ok: false;
      problem: ManifestProblem;
      reason: string;
      /** The manifest as read, when it could be read (its signature not necessarily valid). */
      manifest?: FleetManifest;
    };

/** Compares semantic versions' numbers (pre-release tags are ignored). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[-+]/)[0]!.split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Checks a manifest and its signature against what this kiosk trusts and runs. Does not look
 * at the bundle (its hash is checked when it is read).
 */
export function checkManifest(input: {
  manifestBytes: Buffer;
  signature: Buffer | null;
  trustedKeys: readonly string[];
  fleetId: string;
  runningVersion: number;
  appVersion: string;
}): ManifestCheck {
  if (!input.signature || input.signature.length === 0) {
    return { ok: false, problem: 'unsigned', reason: 'the setup has no signature' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(input.manifestBytes.toString('utf8'));
  } catch {
    return {
      ok: false,
      problem: 'unreadable',
      reason: 'the manifest is not whole (still copying?)',
    };
  }
  const parsed = FleetManifestSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problem: 'unreadable',
      reason: `the manifest is not one this app understands: ${parsed.error.issues[0]?.message ?? ''}`,
    };
  }
  const manifest = parsed.data;
  const key = input.trustedKeys
    .map((publicKey) => ({ publicKey, fingerprint: fingerprintOf(publicKey) }))
    .find((candidate) => candidate.fingerprint === manifest.signedBy);
  if (!key) {
    return {
      ok: false,
      problem: 'unknown-key',
      reason: `signed by a key this kiosk does not trust (${manifest.signedBy})`,
      manifest,
    };
  }
  if (!verifyBytes(key.publicKey, input.manifestBytes, input.signature)) {
    return {
      ok: false,
      problem: 'bad-signature',
      reason: 'the signature does not match the manifest',
    };
  }
  if (manifest.fleetId !== input.fleetId) {
    return {
      ok: false,
      problem: 'wrong-fleet',
      reason: `for another clinic's screens (${manifest.fleetId})`,
    };
  }
  if (manifest.version <= input.runningVersion) {
    return {
      ok: false,
      problem: 'not-newer',
      reason: `version ${manifest.version} is not newer than the ${input.runningVersion} this kiosk runs`,
    };
  }
  if (compareVersions(input.appVersion, manifest.minAppVersion) < 0) {
    return {
      ok: false,
      problem: 'app-too-old',
      reason: `needs app ${manifest.minAppVersion} or newer; this kiosk has ${input.appVersion}`,
    };
  }
  let trustNext: PublicKeyInfo | null = null;
  if (manifest.nextKey) {
    const fingerprint = fingerprintOf(manifest.nextKey.publicKey);
    if (fingerprint !== manifest.nextKey.fingerprint) {
      return {
        ok: false,
        problem: 'unreadable',
        reason: 'the announced new key does not match its fingerprint',
      };
    }
    trustNext = { publicKey: manifest.nextKey.publicKey, fingerprint };
  }
  return { ok: true, manifest, key, trustNext };
}
