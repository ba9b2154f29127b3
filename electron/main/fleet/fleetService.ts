/**
 * The fleet as main runs it: this kiosk's membership, publishing (on the kiosk that holds the
 * clinic's key), picking setups up (on every other), and every kiosk's status file. The shared
 * folders are carried by whatever the clinic uses (Syncthing, a network share, a USB drive);
 * nothing here talks to a network.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileDurably } from '../durableFile';
import {
  createClinicKey,
  loadClinicKey,
  prepareNextKey,
  PRIVATE_KEY_FILE,
  publicKeyInfo,
} from './fleetKeys';
import { createFleetMember, type FleetMember } from './fleetMember';
import {
  INVITATION_FORMAT,
  membershipStore,
  newFleetId,
  newKioskId,
  readInvitation,
  type FleetMembership,
  type Invitation,
} from './fleetMembership';
import { publishedVersion, publishSetup } from './fleetPublisher';
import { createScreenshotter } from './fleetScreenshots';
import { readStatuses, writeStatus, type KioskStatus, type ScreenRow } from './fleetStatus';

export const STATUS_EVERY_MS = 60_000;
export const POLL_EVERY_MS = 15_000;

export type FleetResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface StatusSnapshot {
  state: KioskStatus['state'];
  currentSlide: string | null;
  lastRecovery: KioskStatus['lastRecovery'];
  yesterday: KioskStatus['yesterday'];
}

export interface FleetServiceOptions {
  /** This kiosk's data folder. */
  directory: string;
  now(): Date;
  appVersion: string;
  /** Writes the current setup as a bundle into `folder`; returns the file's path. */
  exportSetup(folder: string): Promise<FleetResult<string>>;
  /** Uses a setup bundle all or nothing, keeping what belongs to this kiosk. */
  importSetup(file: string): Promise<FleetResult<null>>;
  /** The checks `importSetup` runs, changing nothing (a setup is checked when it arrives). */
  checkSetup(file: string): Promise<FleetResult<null>>;
  /** What this kiosk is doing now, for its status file. */
  snapshot(): StatusSnapshot;
  /** A line in the recovery log (refusals, switches). */
  note(event: string, detail: string): void;
  /** Watches a folder for changes; returns a function that stops (default: fs.watch). */
  /**
   * Watches a folder for changes; returns a function that stops, or null when it cannot watch
   * (the folder is not there yet), or `onGone` is called when a watch ends by itself (the
   * folder removed, a drive pulled). Either way the next poll tries again. Default: fs.watch.
   */
  watchFolder?: (folder: string, onChange: () => void, onGone: () => void) => (() => void) | null;
  /** The patients' screen as a small JPEG, for the optional picture (absent: never taken). */
  captureScreen?: () => Promise<Buffer | null>;
}

export interface FleetState {
  membership: FleetMembership | null;
  /** The clinic key's fingerprint, on the publishing kiosk. */
  keyFingerprint: string | null;
  /** A setup staged and waiting for its time. */
  staged: { version: number; activateAt: string } | null;
  lastRefusal: string | null;
  /** When this kiosk's picture in the status folder was taken (null: none there). */
  screenshotAt: string | null;
}

export interface FleetService {
  state(): FleetState;
  /** This kiosk becomes the publisher of a new fleet, with a new clinic key. */
  startFleet(input: {
    name: string;
    room: string;
    setupFolder: string;
    statusFolder: string;
  }): FleetResult<FleetState>;
  /** Writes the invitation other kiosks join with into `folder`. */
  saveInvitation(folder: string): FleetResult<string>;
  /** Writes a backup of the clinic's private key into `folder` (a USB drive staff keep safe). */
  saveKeyBackup(folder: string): FleetResult<string>;
  /** Reads an invitation, for staff to compare its fingerprint before joining. */
  inspectInvitation(file: string): FleetResult<Invitation>;
  /**
   * Joins the fleet of an invitation. The shared folders are where this kiosk sees them (they
   * default to the invitation's; each machine may mount them elsewhere).
   */
  join(
    file: string,
    input: {
      name: string;
      room: string;
      fingerprint: string;
      setupFolder?: string;
      statusFolder?: string;
    },
  ): FleetResult<FleetState>;
  /** "Publish to all screens": the current setup, switching everywhere at `activateAt`. */
  publish(input?: {
    activateAt?: Date;
    announceNewKey?: boolean;
  }): Promise<FleetResult<{ version: number; activateAt: string }>>;
  screens(): ScreenRow[];
  /** Writes this kiosk's status now (its state changed). */
  statusChanged(): void;
  /** The wall clock was set: a staged setup switches at its time by the clock as it is now. */
  clockChanged(): void;
  /** Staff turn this kiosk's picture in the status folder on or off (off removes it). */
  setScreenshots(on: boolean): FleetResult<FleetState>;
  leave(): void;
  stop(): void;
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'the drive is full';
  if (code === 'EROFS') return 'the drive is read-only';
  if (code === 'ENOENT') return 'that folder is not there';
  return error instanceof Error ? error.message : String(error);
}

export function createFleetService(options: FleetServiceOptions): FleetService {
  const store = membershipStore(options.directory);
  let membership = store.read();
  let member: FleetMember | null = null;
  let stopWatching: (() => void) | null = null;
  let pollTimer: NodeJS.Timeout | null = null;
  let statusTimer: NodeJS.Timeout | null = null;
  let lastRefusal: string | null = membership?.lastRefusal ?? null;
  const watch =
    options.watchFolder ??
    ((folder: string, onChange: () => void, onGone: () => void) => {
      try {
        const watcher = fs.watch(folder, { persistent: false }, onChange);
        watcher.on('error', () => {
          watcher.close();
          onGone();
        });
        return () => watcher.close();
      } catch {
        // A folder that is not there yet (a drive not plugged in, or a member that joined
        // before the first publish made it): the poll looks anyway, and watches once it can.
        return null;
      }
    });

  const save = (next: FleetMembership) => {
    store.write(next);
    membership = next;
  };
  const screenshots = createScreenshotter({
    now: options.now,
    ...(options.captureScreen ? { capture: options.captureScreen } : {}),
    place: () =>
      membership
        ? {
            statusFolder: membership.statusFolder,
            kioskId: membership.kioskId,
            on: membership.screenshots,
          }
        : null,
    state: () => options.snapshot().state,
    changed: () => writeOwnStatus(),
  });

  function writeOwnStatus(): void {
    if (!membership) return;
    const snapshot = options.snapshot();
    let freeDiskBytes: number | null;
    try {
      const stats = fs.statfsSync(options.directory);
      freeDiskBytes = stats.bavail * stats.bsize;
    } catch {
      freeDiskBytes = null;
    }
    try {
      writeStatus(membership.statusFolder, {
        kioskId: membership.kioskId,
        name: membership.name,
        room: membership.room,
        appVersion: options.appVersion.slice(0, 40),
        setupVersion: membership.setupVersion,
        ...snapshot,
        freeDiskBytes,
        lastRefusal,
        screenshotAt: screenshots.takenAt(),
        writtenAt: options.now().toISOString(),
      });
    } catch (error) {
      // The shared folder is gone for now (a share offline, a drive pulled): try next minute.
      void error;
    }
  }

  function startRunning(): void {
    stopRunning();
    if (!membership) return;
    const current = membership;
    statusTimer = setInterval(writeOwnStatus, STATUS_EVERY_MS);
    statusTimer.unref?.();
    // First, so the status file says whether a picture from before a restart is there.
    screenshots.restart();
    writeOwnStatus();
    if (current.role !== 'member') return;
    member = createFleetMember({
      directory: options.directory,
      setupFolder: current.setupFolder,
      fleetId: current.fleetId,
      trustedKeys: () => membership?.trustedKeys ?? [],
      setTrustedKeys: (publicKeys) => {
        if (!membership) return;
        const before = membership.trustedKeys;
        const added = publicKeys.filter((key) => !before.includes(key));
        const retired = before.filter((key) => !publicKeys.includes(key));
        if (added.length === 0 && retired.length === 0) return;
        save({ ...membership, trustedKeys: [...publicKeys] });
        for (const key of added) options.note('fleet-key-trusted', publicKeyInfo(key).fingerprint);
        for (const key of retired) {
          options.note('fleet-key-retired', publicKeyInfo(key).fingerprint);
        }
      },
      runningVersion: () => membership?.setupVersion ?? 0,
      appVersion: options.appVersion,
      now: options.now,
      check: async (file) => {
        const result = await options.checkSetup(file);
        return result.ok ? { ok: true } : { ok: false, reason: result.reason };
      },
      apply: async (file) => {
        const result = await options.importSetup(file);
        return result.ok ? { ok: true } : { ok: false, reason: result.reason };
      },
      applied: (version) => {
        lastRefusal = null;
        // Written only while there is one: fleet.json stays as an older app reads it.
        if (membership) {
          const { lastRefusal: _cleared, ...rest } = membership;
          save({ ...rest, setupVersion: version });
        }
        options.note('fleet-setup-applied', `setup ${version} from the shared folder`);
        writeOwnStatus();
      },
      arriving: (what) => options.note('fleet-setup-arriving', what),
      refused: (reason) => {
        lastRefusal = reason.slice(0, 300);
        options.note('fleet-setup-refused', reason);
        // Kept in fleet.json, so a restart still shows it; a disk that fails keeps it in memory.
        try {
          if (membership) save({ ...membership, lastRefusal });
        } catch (error) {
          options.note('fleet-save-failed', errorText(error));
        }
        writeOwnStatus();
      },
    });
    const look = () => void member?.look();
    const attach = () => {
      if (stopWatching) return;
      // A watch that ends by itself is forgotten (only that one: not a later one).
      const stop: (() => void) | null = watch(current.setupFolder, look, () => {
        if (stopWatching === stop) stopWatching = null;
      });
      stopWatching = stop;
    };
    attach();
    // Network shares do not always send file events: look every so often as well, and watch
    // the folder from the first poll that finds it.
    pollTimer = setInterval(() => {
      attach();
      look();
    }, POLL_EVERY_MS);
    pollTimer.unref?.();
    look();
  }

  function stopRunning(): void {
    screenshots.stop();
    member?.stop();
    member = null;
    stopWatching?.();
    stopWatching = null;
    if (pollTimer) clearInterval(pollTimer);
    if (statusTimer) clearInterval(statusTimer);
    pollTimer = null;
    statusTimer = null;
  }

  const state = (): FleetState => {
    const staged = member?.staged() ?? null;
    return {
      membership,
      keyFingerprint: loadClinicKey(options.directory)?.info.fingerprint ?? null,
      staged: staged ? { version: staged.version, activateAt: staged.activateAt } : null,
      lastRefusal,
      screenshotAt: screenshots.takenAt(),
    };
  };

  startRunning();

  return {
    state,
    startFleet(input) {
      if (membership) return { ok: false, reason: 'this kiosk is already in a fleet' };
      try {
        const key = loadClinicKey(options.directory)?.info ?? createClinicKey(options.directory);
        save({
          version: 1,
          fleetId: newFleetId(),
          role: 'publisher',
          kioskId: newKioskId(),
          name: input.name,
          room: input.room,
          setupFolder: input.setupFolder,
          statusFolder: input.statusFolder,
          trustedKeys: [key.publicKey],
          setupVersion: publishedVersion(input.setupFolder),
          screenshots: false,
        });
      } catch (error) {
        return { ok: false, reason: errorText(error) };
      }
      startRunning();
      return { ok: true, value: state() };
    },
    saveInvitation(folder) {
      const key = loadClinicKey(options.directory);
      if (!membership || membership.role !== 'publisher' || !key) {
        return { ok: false, reason: 'only the kiosk that holds the clinic key can invite others' };
      }
      const invitation: Invitation = {
        format: INVITATION_FORMAT,
        fleetId: membership.fleetId,
        publicKey: key.info.publicKey,
        fingerprint: key.info.fingerprint,
        setupFolder: membership.setupFolder,
        statusFolder: membership.statusFolder,
      };
      const name = 'clinic-kiosk-invitation.json';
      try {
        // A drive pulled mid-write leaves the old file or none, never half an invitation.
        writeFileDurably(path.join(folder, name), `${JSON.stringify(invitation, null, 2)}\n`);
        return { ok: true, value: name };
      } catch (error) {
        return { ok: false, reason: errorText(error) };
      }
    },
    saveKeyBackup(folder) {
      const source = path.join(options.directory, PRIVATE_KEY_FILE);
      const name = `clinic-kiosk-key-${membership?.fleetId ?? 'fleet'}.pem`;
      try {
        const target = path.join(folder, name);
        if (fs.existsSync(target)) return { ok: false, reason: `${name} is already on that drive` };
        // Whole or not at all: a half-copied key would look like a backup and restore nothing.
        writeFileDurably(target, fs.readFileSync(source));
        return { ok: true, value: name };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return {
          ok: false,
          reason: code === 'EEXIST' ? `${name} is already on that drive` : errorText(error),
        };
      }
    },
    inspectInvitation(file) {
      const read = readInvitation(file);
      return read.ok ? { ok: true, value: read.invitation } : read;
    },
    join(file, input) {
      if (membership) return { ok: false, reason: 'this kiosk is already in a fleet' };
      const read = readInvitation(file);
      if (!read.ok) return read;
      // Staff read the fingerprint aloud and compare it: a mismatch is someone else's key.
      if (read.invitation.fingerprint !== input.fingerprint) {
        return { ok: false, reason: 'the fingerprint confirmed is not the invitation’s' };
      }
      try {
        save({
          version: 1,
          fleetId: read.invitation.fleetId,
          role: 'member',
          kioskId: newKioskId(),
          name: input.name,
          room: input.room,
          setupFolder: input.setupFolder ?? read.invitation.setupFolder,
          statusFolder: input.statusFolder ?? read.invitation.statusFolder,
          trustedKeys: [read.invitation.publicKey],
          setupVersion: 0,
          screenshots: false,
        });
      } catch (error) {
        return { ok: false, reason: errorText(error) };
      }
      options.note('fleet-joined', `${read.invitation.fleetId} (${read.invitation.fingerprint})`);
      startRunning();
      return { ok: true, value: state() };
    },
    async publish(input = {}) {
      const key = loadClinicKey(options.directory);
      if (!membership || membership.role !== 'publisher' || !key) {
        return { ok: false, reason: 'only the kiosk that holds the clinic key can publish' };
      }
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-publish-'));
      let nextKey: ReturnType<typeof prepareNextKey> | null = null;
      let announced = false;
      try {
        const exported = await options.exportSetup(scratch);
        if (!exported.ok) return exported;
        const version =
          Math.max(membership.setupVersion, publishedVersion(membership.setupFolder)) + 1;
        // A new key is announced, signed by the one kiosks trust now, then used from here on.
        if (input.announceNewKey) nextKey = prepareNextKey(options.directory);
        const manifest = publishSetup({
          folder: membership.setupFolder,
          bundle: fs.readFileSync(exported.value),
          fleetId: membership.fleetId,
          version,
          now: options.now(),
          ...(input.activateAt ? { activateAt: input.activateAt } : {}),
          minAppVersion: options.appVersion.replace(/[-+].*$/, ''),
          key,
          ...(nextKey ? { nextKey: nextKey.info } : {}),
        });
        announced = true;
        let trustedKeys = membership.trustedKeys;
        if (nextKey) {
          nextKey.adopt(version);
          // The old key is retired here at once: this kiosk signs with the new one from now on.
          trustedKeys = [nextKey.info.publicKey];
        }
        save({ ...membership, setupVersion: version, trustedKeys });
        options.note('fleet-published', `setup ${version}, switching at ${manifest.activateAt}`);
        writeOwnStatus();
        return { ok: true, value: { version, activateAt: manifest.activateAt } };
      } catch (error) {
        return { ok: false, reason: errorText(error) };
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
        // A new key whose publish failed is never used: its private key does not stay behind.
        if (nextKey && !announced) nextKey.discard();
      }
    },
    screens() {
      return membership ? readStatuses(membership.statusFolder, options.now()) : [];
    },
    statusChanged() {
      writeOwnStatus();
      screenshots.screenChanged();
    },
    clockChanged() {
      member?.clockChanged();
      writeOwnStatus();
    },
    setScreenshots(on) {
      if (!membership) return { ok: false, reason: 'this kiosk is not in a fleet' };
      try {
        save({ ...membership, screenshots: on });
      } catch (error) {
        return { ok: false, reason: errorText(error) };
      }
      options.note('fleet-screenshots', on ? 'turned on' : 'turned off');
      screenshots.restart();
      writeOwnStatus();
      return { ok: true, value: state() };
    },
    leave() {
      stopRunning();
      if (membership) screenshots.remove(membership.statusFolder, membership.kioskId);
      store.leave();
      membership = null;
      lastRefusal = null;
      options.note('fleet-left', '');
    },
    stop: stopRunning,
  };
}
