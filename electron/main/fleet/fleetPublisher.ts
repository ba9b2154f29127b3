/**
 * "Publish to all screens": the setup bundle, its manifest and the manifest's signature go into
 * the shared folder under temporary names first, then take their real names, the manifest last.
 * A kiosk that looks in the middle sees the previous manifest (or a signature that does not
 * match it yet) and simply waits for the files to settle.
 */
import { createHash, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeRotation } from './fleetKeyChain';
import { signBytes, type PublicKeyInfo } from './fleetKeys';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  SIGNATURE_FILE,
  type FleetManifest,
} from './fleetManifest';

/** Bundles kept in the folder besides the newest (a kiosk may still be copying the one before). */
const OLD_BUNDLES_KEPT = 1;

function writeWhole(file: string, bytes: Buffer): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.part`);
  const fd = fs.openSync(temporary, 'w');
  try {
    fs.writeFileSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

/** The version the folder holds now (0 when it holds none). */
export function publishedVersion(folder: string): number {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, MANIFEST_FILE), 'utf8')) as {
      version?: unknown;
    };
    return typeof manifest.version === 'number' ? manifest.version : 0;
  } catch {
    return 0;
  }
}

export function publishSetup(input: {
  folder: string;
  bundle: Buffer;
  fleetId: string;
  version: number;
  now: Date;
  /** When the screens switch (default: two minutes from now, time for every kiosk to copy it). */
  activateAt?: Date;
  minAppVersion: string;
  key: { privateKey: KeyObject; info: PublicKeyInfo };
  /**
   * A new key to announce (rotation): in the manifest, and in a rotation record of its own
   * (fleetKeyChain.ts), both signed by the current key.
   */
  nextKey?: PublicKeyInfo;
}): FleetManifest {
  const file = `setup-${input.version}.zip`;
  const manifest: FleetManifest = {
    format: MANIFEST_FORMAT,
    formatVersion: 1,
    fleetId: input.fleetId,
    version: input.version,
    createdAt: input.now.toISOString(),
    activateAt: (input.activateAt ?? new Date(input.now.getTime() + 2 * 60_000)).toISOString(),
    minAppVersion: input.minAppVersion,
    bundle: {
      file,
      sha256: createHash('sha256').update(input.bundle).digest('hex'),
      bytes: input.bundle.length,
    },
    signedBy: input.key.info.fingerprint,
    ...(input.nextKey
      ? { nextKey: { publicKey: input.nextKey.publicKey, fingerprint: input.nextKey.fingerprint } }
      : {}),
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  fs.mkdirSync(input.folder, { recursive: true });
  // The new key's record first, kept for good: kiosks off during this publish follow it later.
  if (input.nextKey) {
    writeRotation({
      folder: input.folder,
      fleetId: input.fleetId,
      version: input.version,
      now: input.now,
      key: input.key,
      next: input.nextKey,
    });
  }
  writeWhole(path.join(input.folder, file), input.bundle);
  writeWhole(
    path.join(input.folder, SIGNATURE_FILE),
    signBytes(input.key.privateKey, manifestBytes),
  );
  writeWhole(path.join(input.folder, MANIFEST_FILE), manifestBytes);
  // Older bundles go, but the one before stays a while for kiosks still copying it.
  const bundles = fs
    .readdirSync(input.folder)
    .map((name) => ({ name, version: Number(/^setup-(\d+)\.zip$/.exec(name)?.[1]) }))
    .filter((entry) => Number.isInteger(entry.version) && entry.version < input.version)
    .sort((a, b) => b.version - a.version);
  for (const old of bundles.slice(OLD_BUNDLES_KEPT)) {
    fs.rmSync(path.join(input.folder, old.name), { force: true });
  }
  return manifest;
}
