/**
 * The clinic's signing key for publishing setups to its other kiosks: Ed25519 from node:crypto.
 * The private key stays in the publishing kiosk's data folder, readable by the app's user only;
 * every other kiosk keeps only public keys it was told to trust.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_KEY_FILE = 'clinic-key.pem';

export interface PublicKeyInfo {
  /** SPKI PEM. */
  publicKey: string;
  /** What people compare aloud: six groups of five digits. */
  fingerprint: string;
}

/**
 * The key's fingerprint as digits people can read to each other across a room or on the phone
 * (in either language): 30 digits from the SHA-256 of the public key, in groups of five.
 */
export function fingerprintOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const digest = createHash('sha256').update(der).digest();
  const groups: string[] = [];
  for (let i = 0; i < 6; i++) {
    // Five digits from each 32-bit slice (bias under 0.003 %: fine for comparing by ear).
    groups.push(String(digest.readUInt32BE(i * 4) % 100_000).padStart(5, '0'));
  }
  return groups.join(' ');
}

export function publicKeyInfo(publicKey: KeyObject | string): PublicKeyInfo {
  const pem =
    typeof publicKey === 'string'
      ? createPublicKey(publicKey).export({ type: 'spki', format: 'pem' }).toString()
      : publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { publicKey: pem, fingerprint: fingerprintOf(pem) };
}

/** Creates the clinic's key in `directory` (mode 0600); refuses to replace one. */
export function createClinicKey(directory: string): PublicKeyInfo {
  const file = path.join(directory, PRIVATE_KEY_FILE);
  if (fs.existsSync(file)) throw new Error('this kiosk already has a clinic key');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  fs.mkdirSync(directory, { recursive: true });
  // Readable by the app's user only, from the first byte (never a wider file chmod-ed later).
  const temporary = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(temporary, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  return publicKeyInfo(publicKey);
}

/**
 * A new clinic key made beside the current one, for a publish that announces it (rotation):
 * `adopt` puts it in the current one's place once the announcement is published (the old one
 * kept aside as `clinic-key.pem.retired-<version>`); `discard` removes it when the publish
 * failed before that.
 */
export function prepareNextKey(directory: string): {
  info: PublicKeyInfo;
  adopt(version: number): void;
  discard(): void;
} {
  const folder = fs.mkdtempSync(path.join(directory, '.next-key-'));
  const info = createClinicKey(folder);
  const current = path.join(directory, PRIVATE_KEY_FILE);
  return {
    info,
    adopt(version) {
      fs.renameSync(current, `${current}.retired-${version}`);
      fs.renameSync(path.join(folder, PRIVATE_KEY_FILE), current);
      fs.rmSync(folder, { recursive: true, force: true });
    },
    discard() {
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The clinic key kept in `directory`, or null. */
export function loadClinicKey(
  directory: string,
): { privateKey: KeyObject; info: PublicKeyInfo } | null {
  let pem: string;
  try {
    pem = fs.readFileSync(path.join(directory, PRIVATE_KEY_FILE), 'utf8');
  } catch {
    return null;
  }
  const privateKey = createPrivateKey(pem);
  return { privateKey, info: publicKeyInfo(createPublicKey(privateKey)) };
}

export function signBytes(privateKey: KeyObject, bytes: Buffer): Buffer {
  return sign(null, bytes, privateKey);
}

/** True when `signature` over `bytes` was made by the key of `publicKeyPem`. Never throws. */
export function verifyBytes(publicKeyPem: string, bytes: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, bytes, createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}
