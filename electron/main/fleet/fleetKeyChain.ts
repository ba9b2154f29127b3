/**
 * Rotating the clinic's key without leaving a kiosk behind. Each new key is announced in a
 * rotation record signed by the key before it, written into the shared setup folder as a file
 * of its own (`key-rotation-<new key's fingerprint digits>.json`) and never overwritten or
 * removed. The folder so holds the whole chain: a kiosk that was off during one rotation or
 * several walks it from a key it trusts to the key that signs setups now.
 *
 * A record is only followed from a key the kiosk trusts (or reached by the chain), for this
 * fleet, with a valid signature. Following one gives no key more power than it has already: a
 * key a kiosk trusts could sign a setup directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { z } from '../../../contract/zod';
import { fingerprintOf, signBytes, verifyBytes, type PublicKeyInfo } from './fleetKeys';
import { FleetIdSchema } from './fleetManifest';

export const ROTATION_FORMAT = 'clinic-kiosk-fleet-key-rotation';
const ROTATION_FILE = /^key-rotation-\d{30}\.json$/;
/** Far more than a clinic makes; bounds what a kiosk reads at each look. */
const MAX_RECORDS = 200;
const MAX_RECORD_BYTES = 8 * 1024;

const Fingerprint = z.string().check(z.regex(/^\d{5}( \d{5}){5}$/));
const Pem = z
  .string()
  .check(
    z.maxLength(1000),
    z.regex(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n?$/),
  );

const RotationSchema = z.strictObject({
  format: z.literal(ROTATION_FORMAT),
  formatVersion: z.literal(1),
  fleetId: FleetIdSchema,
  /** The setup version whose publish announced the new key. */
  version: z.int().check(z.minimum(1)),
  createdAt: z.iso.datetime({ offset: true }),
  /** The key that signed this record: the one being replaced. */
  from: Fingerprint,
  next: z.strictObject({ publicKey: Pem, fingerprint: Fingerprint }),
});
type Rotation = z.infer<typeof RotationSchema>;

/** The file: the record's exact bytes as text, and the signature over them. */
const RotationFileSchema = z.strictObject({
  record: z.string().check(z.maxLength(4000)),
  signature: z.string().check(z.regex(/^[A-Za-z0-9+/=]{1,200}$/)),
});

export function rotationFileName(next: PublicKeyInfo): string {
  return `key-rotation-${next.fingerprint.replace(/ /g, '')}.json`;
}

/** Writes the record announcing `next`, signed by `key` (whole: a temporary name first). */
export function writeRotation(input: {
  folder: string;
  fleetId: string;
  version: number;
  now: Date;
  key: { privateKey: KeyObject; info: PublicKeyInfo };
  next: PublicKeyInfo;
}): string {
  const rotation: Rotation = {
    format: ROTATION_FORMAT,
    formatVersion: 1,
    fleetId: input.fleetId,
    version: input.version,
    createdAt: input.now.toISOString(),
    from: input.key.info.fingerprint,
    next: { publicKey: input.next.publicKey, fingerprint: input.next.fingerprint },
  };
  const record = JSON.stringify(rotation);
  const signature = signBytes(input.key.privateKey, Buffer.from(record)).toString('base64');
  const name = rotationFileName(input.next);
  const file = path.join(input.folder, name);
  // A new key is never announced twice: a file already there is the same announcement.
  if (fs.existsSync(file)) return name;
  const temporary = path.join(input.folder, `.${name}.part`);
  const fd = fs.openSync(temporary, 'w');
  try {
    fs.writeFileSync(fd, `${JSON.stringify({ record, signature }, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  return name;
}

/** The rotation files in `folder` (names only), for the member's "have the files settled?". */
export function rotationFiles(folder: string): string[] {
  try {
    return fs
      .readdirSync(folder)
      .filter((name) => ROTATION_FILE.test(name))
      .sort()
      .slice(0, MAX_RECORDS)
      .map((name) => path.join(folder, name));
  } catch {
    return [];
  }
}

function readRotation(
  file: string,
): { rotation: Rotation; bytes: Buffer; signature: Buffer } | null {
  try {
    if (fs.statSync(file).size > MAX_RECORD_BYTES) return null;
    const outer = RotationFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!outer.success) return null;
    const rotation = RotationSchema.safeParse(JSON.parse(outer.data.record));
    if (!rotation.success) return null;
    return {
      rotation: rotation.data,
      bytes: Buffer.from(outer.data.record),
      signature: Buffer.from(outer.data.signature, 'base64'),
    };
  } catch {
    // Unreadable, or still arriving: not part of the chain (yet).
    return null;
  }
}

/**
 * Every key reachable from `trustedKeys` through the rotation records in `folder`, the trusted
 * ones included, keyed by fingerprint.
 */
export function walkKeyChain(
  folder: string,
  fleetId: string,
  trustedKeys: readonly string[],
): Map<string, PublicKeyInfo> {
  const reached = new Map<string, PublicKeyInfo>();
  for (const publicKey of trustedKeys) {
    try {
      const fingerprint = fingerprintOf(publicKey);
      reached.set(fingerprint, { publicKey, fingerprint });
    } catch {
      // Not a usable key: trusts nothing.
    }
  }
  const records = rotationFiles(folder)
    .map(readRotation)
    .filter((read): read is NonNullable<typeof read> => read !== null)
    .filter(({ rotation }) => rotation.fleetId === fleetId);
  // Each pass follows every record from a key reached so far; at most one pass per record.
  for (let grew = true; grew;) {
    grew = false;
    for (const { rotation, bytes, signature } of records) {
      const from = reached.get(rotation.from);
      if (!from || reached.has(rotation.next.fingerprint)) continue;
      if (!verifyBytes(from.publicKey, bytes, signature)) continue;
      let fingerprint: string;
      try {
        fingerprint = fingerprintOf(rotation.next.publicKey);
      } catch {
        continue;
      }
      if (fingerprint !== rotation.next.fingerprint) continue;
      reached.set(fingerprint, { publicKey: rotation.next.publicKey, fingerprint });
      grew = true;
    }
  }
  return reached;
}
