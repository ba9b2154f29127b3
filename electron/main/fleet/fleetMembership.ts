/**
 * This kiosk's place in a fleet, kept in `fleet.json` in its data folder (written with the
 * checked durable writer): which fleet, whether it publishes or follows, its own id, name and
 * room, the shared folders, the keys it trusts and the setup version it runs. None of it ever
 * comes from a publish: each kiosk keeps its own.
 *
 * The invitation a publishing kiosk saves for the others holds only public things: the fleet
 * id, the public key and its fingerprint, and where the shared folders are.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from '../../../contract/zod';
import { readJsonFile, removeLeftoverTemporaryFiles, writeFileDurably } from '../durableFile';
import { fingerprintOf } from './fleetKeys';
import { FleetIdSchema } from './fleetManifest';

export const MEMBERSHIP_FILE = 'fleet.json';
export const INVITATION_FORMAT = 'clinic-kiosk-fleet-invitation';

const Pem = z
  .string()
  .check(
    z.maxLength(1000),
    z.regex(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n?$/),
  );
const Folder = z.string().check(z.minLength(1), z.maxLength(1000));

export const FleetMembershipSchema = z.strictObject({
  version: z.literal(1),
  fleetId: FleetIdSchema,
  role: z.enum(['publisher', 'member']),
  kioskId: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{3,62}$/)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  room: z.string().check(z.trim(), z.maxLength(80)),
  setupFolder: Folder,
  statusFolder: Folder,
  trustedKeys: z.array(Pem).check(z.minLength(1), z.maxLength(10)),
  /** The setup version running here (a member) or last published (the publisher). */
  setupVersion: z.int().check(z.nonnegative()),
  /** A small screenshot in the status file every 5 minutes: off unless staff turn it on. */
  screenshots: z.boolean(),
  /**
   * Why the last setup from the shared folder was refused, until one is used (kept here so the
   * reason is still shown after a restart). Absent in files written before it was kept.
   */
  lastRefusal: z.optional(z.nullable(z.string().check(z.maxLength(300)))),
});
export type FleetMembership = z.infer<typeof FleetMembershipSchema>;

export const InvitationSchema = z.strictObject({
  format: z.literal(INVITATION_FORMAT),
  fleetId: FleetIdSchema,
  publicKey: Pem,
  fingerprint: z.string().check(z.regex(/^\d{5}( \d{5}){5}$/)),
  setupFolder: Folder,
  statusFolder: Folder,
});
export type Invitation = z.infer<typeof InvitationSchema>;

export function newKioskId(): string {
  return `kiosk-${randomBytes(4).toString('hex')}`;
}

export function newFleetId(): string {
  return `fleet-${randomBytes(6).toString('hex')}`;
}

export interface MembershipStore {
  read(): FleetMembership | null;
  write(membership: FleetMembership): void;
  leave(): void;
}

export function membershipStore(directory: string): MembershipStore {
  const file = path.join(directory, MEMBERSHIP_FILE);
  // A write cut short (a crash, a power cut) leaves `fleet.json.tmp-<pid>` beside it: never read.
  removeLeftoverTemporaryFiles(file);
  return {
    read() {
      try {
        const parsed = FleetMembershipSchema.safeParse(readJsonFile(file));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    write(membership) {
      writeFileDurably(
        file,
        `${JSON.stringify(FleetMembershipSchema.parse(membership), null, 2)}\n`,
      );
    },
    leave() {
      fs.rmSync(file, { force: true });
    },
  };
}

export type InvitationResult = { ok: true; invitation: Invitation } | { ok: false; reason: string };

/** Reads an invitation file (from a USB drive), checked whole, the fingerprint recomputed. */
export function readInvitation(file: string): InvitationResult {
  let raw: unknown;
  try {
    if (fs.statSync(file).size > 16 * 1024)
      return { ok: false, reason: 'that file is too large to be an invitation' };
    raw = readJsonFile(file);
  } catch {
    return { ok: false, reason: 'that file is not an invitation (it is not readable as one)' };
  }
  const parsed = InvitationSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'that file is not a clinic kiosk invitation' };
  let fingerprint: string;
  try {
    fingerprint = fingerprintOf(parsed.data.publicKey);
  } catch {
    return { ok: false, reason: 'the invitation holds no usable key' };
  }
  if (fingerprint !== parsed.data.fingerprint) {
    return { ok: false, reason: 'the invitation’s key does not match its fingerprint' };
  }
  return { ok: true, invitation: parsed.data };
}
