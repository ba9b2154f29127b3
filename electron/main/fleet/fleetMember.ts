/**
 * A member kiosk picking setups up from the shared folder. It looks (on file events, and by a
 * poll for network shares where events are unreliable), waits until the files stop changing,
 * checks everything before it changes anything (the signature by a key it trusts or reaches
 * through the folder's key rotation records, then the bundle's checksum and every check of a
 * load, on its own copy), stages the setup in its own data folder, and switches at the
 * manifest's `activateAt` by the clock as it is then (at once when that has passed). A bundle
 * or key record not there yet is waited for a while, not refused: a sync brings files in its
 * own order. A kiosk stopped
 * between staging and switching finds the staged setup at its next start and switches then:
 * the switch itself is the setup bundle's all-or-nothing import, so it comes back on one whole
 * setup, never a mix.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from '../../../contract/zod';
import { rotationFiles, walkKeyChain } from './fleetKeyChain';
import { checkManifest, MANIFEST_FILE, SIGNATURE_FILE, type FleetManifest } from './fleetManifest';

export const STAGED_FOLDER = 'fleet-staged';
export const POLL_MS = 15_000;
/** Files must look the same this long before they are read (a copy or a sync still under way). */
export const SETTLE_MS = 3_000;
/**
 * A setup whose bundle failed the checks of a load is checked again only this long after (or
 * when its files change): checking means copying and unpacking it, not something for every poll.
 * Again at all, because some causes pass (a full disk).
 */
export const RECHECK_MS = 10 * 60_000;
/**
 * How long a bundle that is missing, short or not yet what its signed manifest says counts as
 * still arriving (from when that manifest was first seen): a sync brings files in its own order,
 * often the largest last, and a slow link between sites takes a while. Refused after that.
 */
export const ARRIVING_GRACE_MS = 30 * 60_000;

const StagedSchema = z.strictObject({
  version: z.int().check(z.minimum(1)),
  activateAt: z.string().check(z.maxLength(40)),
  file: z.string().check(z.maxLength(200)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
type Staged = z.infer<typeof StagedSchema>;

export interface MemberOptions {
  /** This kiosk's data folder (the staged setup is kept in `<directory>/fleet-staged`). */
  directory: string;
  /** The shared folder setups arrive in. */
  setupFolder: string;
  fleetId: string;
  /** Public keys (PEM) this kiosk trusts. */
  trustedKeys(): readonly string[];
  /**
   * The keys to trust from now on (written durably by the caller): after a setup passed, the
   * key that signed it and the one it announces, if any. A key before them (reached through
   * the rotation records, or trusted until now) is retired.
   */
  setTrustedKeys(publicKeys: readonly string[]): void;
  /** The setup version this kiosk runs (0: none from the fleet yet). */
  runningVersion(): number;
  appVersion: string;
  now(): Date;
  /**
   * Runs every check loading the setup bundle at `file` would run, changing nothing: a setup
   * that fails is refused when it arrives, not at its time.
   */
  check(
    file: string,
    manifest: FleetManifest,
  ): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** Uses the setup bundle at `file` (all or nothing), keeping what belongs to this kiosk. */
  apply(
    file: string,
    manifest: FleetManifest,
  ): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** The setup `version` is now the one running (written durably by the caller). */
  applied(version: number): void;
  /** A setup was refused, with the reason in plain words (logged, shown on Kiosk status). */
  refused(reason: string): void;
  /** A setup's manifest is here and its bundle not yet (said once per setup; logged). */
  arriving(what: string): void;
  /** Timers (injected so tests drive them). */
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

export interface FleetMember {
  /** Looks at the folder now (also called by the watcher and the poll). */
  look(): Promise<void>;
  /** A setup staged and waiting for its time, or null. */
  staged(): Staged | null;
  /** The wall clock was set (time sync, staff): the switch waits for `activateAt` by the new time. */
  clockChanged(): void;
  stop(): void;
}

interface Seen {
  signature: string;
  since: number;
}

function fingerprintOfFiles(files: string[]): string {
  return files
    .map((file) => {
      try {
        const stat = fs.statSync(file);
        return `${stat.size}:${stat.mtimeMs}`;
      } catch {
        return 'missing';
      }
    })
    .join('|');
}

function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function createFleetMember(options: MemberOptions): FleetMember {
  const stagedDirectory = path.join(options.directory, STAGED_FOLDER);
  const stagedRecord = path.join(stagedDirectory, 'staged.json');
  const later = options.setTimeout ?? ((callback, ms) => setTimeout(callback, ms));
  const cancel = options.clearTimeout ?? ((handle) => clearTimeout(handle as NodeJS.Timeout));
  let seen: Seen | null = null;
  let switchTimer: unknown = null;
  let busy: Promise<void> | null = null;
  /** Refusals already reported, so one bad publish is logged once, not at every look. */
  const reported = new Set<string>();
  /** When the files as they are now (their stat signature) failed the checks of a load. */
  const failedChecks = new Map<string, number>();
  /** The manifest (by its checksum) whose files are awaited, since when, and what was said. */
  let awaited: { manifest: string; since: number; said: string[] } | null = null;
  /** The files' stat signature when the bundle, whole in size, did not match its checksum. */
  let mismatched: string | null = null;

  /** True while `what` of a setup may still be on its way; says so once per setup and file. */
  function stillArriving(
    manifestBytes: Buffer,
    manifest: FleetManifest,
    now: number,
    what: string,
  ): boolean {
    const id = createHash('sha256').update(manifestBytes).digest('hex');
    if (!awaited || awaited.manifest !== id) awaited = { manifest: id, since: now, said: [] };
    if (!awaited.said.includes(what)) {
      awaited.said.push(what);
      options.arriving(`setup ${manifest.version}: waiting for ${what} to arrive`);
    }
    // A clock set back makes the wait longer, never a refusal sooner.
    return now - awaited.since < ARRIVING_GRACE_MS;
  }

  const refuse = (key: string, reason: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    options.refused(reason);
  };

  function readStaged(): Staged | null {
    try {
      const parsed = StagedSchema.safeParse(JSON.parse(fs.readFileSync(stagedRecord, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  function writeDurably(file: string, bytes: Buffer | string): void {
    const temporary = `${file}.tmp`;
    const fd = fs.openSync(temporary, 'w');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  }

  async function switchNow(): Promise<void> {
    switchTimer = null;
    const staged = readStaged();
    if (!staged) return;
    // The clock was set back since the timer was set (or the wait was longer than a timer's):
    // not time yet by the clock as it is now.
    if (Date.parse(staged.activateAt) > options.now().getTime()) {
      schedule(staged);
      return;
    }
    const file = path.join(stagedDirectory, staged.file);
    const manifestFile = path.join(stagedDirectory, `${staged.file}.manifest.json`);
    if (staged.version <= options.runningVersion()) {
      fs.rmSync(stagedDirectory, { recursive: true, force: true });
      return;
    }
    if (!fs.existsSync(file) || sha256File(file) !== staged.sha256) {
      refuse(
        `staged-${staged.version}`,
        `the staged setup ${staged.version} was damaged on this kiosk`,
      );
      fs.rmSync(stagedDirectory, { recursive: true, force: true });
      return;
    }
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as FleetManifest;
    const result = await options.apply(file, manifest);
    if (!result.ok) {
      refuse(
        `apply-${staged.version}`,
        `setup ${staged.version} could not be used: ${result.reason}`,
      );
      fs.rmSync(stagedDirectory, { recursive: true, force: true });
      return;
    }
    options.applied(staged.version);
    fs.rmSync(stagedDirectory, { recursive: true, force: true });
  }

  function schedule(staged: Staged): void {
    if (switchTimer) cancel(switchTimer);
    const wait = Math.max(0, Date.parse(staged.activateAt) - options.now().getTime());
    // Timers cannot wait longer than about 24 days; look again then.
    switchTimer = later(() => void run(switchNow), Math.min(wait, 2 ** 31 - 1));
  }

  async function look(): Promise<void> {
    const manifestPath = path.join(options.setupFolder, MANIFEST_FILE);
    const signaturePath = path.join(options.setupFolder, SIGNATURE_FILE);
    if (!fs.existsSync(manifestPath)) return;
    let manifestBytes: Buffer;
    let signature: Buffer | null;
    try {
      manifestBytes = fs.readFileSync(manifestPath);
      signature = fs.existsSync(signaturePath) ? fs.readFileSync(signaturePath) : null;
    } catch {
      return;
    }
    // Still arriving? Wait until the manifest, its signature and the bundle stop changing.
    let bundleName: string | null;
    try {
      bundleName =
        (JSON.parse(manifestBytes.toString('utf8')) as { bundle?: { file?: string } }).bundle
          ?.file ?? null;
    } catch {
      bundleName = null;
    }
    const bundlePath =
      bundleName && /^setup-\d+\.zip$/.test(bundleName)
        ? path.join(options.setupFolder, bundleName)
        : null;
    const rotations = rotationFiles(options.setupFolder);
    const signatureNow = fingerprintOfFiles(
      [manifestPath, signaturePath, bundlePath, ...rotations].filter(
        (file): file is string => !!file,
      ),
    );
    const now = options.now().getTime();
    if (!seen || seen.signature !== signatureNow) {
      seen = { signature: signatureNow, since: now };
      later(() => void run(look), SETTLE_MS);
      return;
    }
    if (now - seen.since < SETTLE_MS) return;
    const failedAt = failedChecks.get(signatureNow);
    if (failedAt !== undefined && Math.abs(now - failedAt) < RECHECK_MS) return;

    // The keys trusted here, and every key the rotation records lead to from them.
    const chain = walkKeyChain(options.setupFolder, options.fleetId, options.trustedKeys());
    const checked = checkManifest({
      manifestBytes,
      signature,
      trustedKeys: [...chain.values()].map((key) => key.publicKey),
      fleetId: options.fleetId,
      runningVersion: Math.max(options.runningVersion(), readStaged()?.version ?? 0),
      appVersion: options.appVersion,
    });
    // A key not (yet) known: the record announcing it may still be on its way.
    if (!checked.ok && checked.problem === 'unknown-key' && checked.manifest) {
      if (stillArriving(manifestBytes, checked.manifest, now, 'the record of its key')) return;
    }
    if (!checked.ok) {
      // The setup this kiosk already runs (or has staged) stays in the folder: nothing to say.
      // An older one put back into the folder is a replay, and is refused out loud.
      if (checked.problem === 'not-newer') {
        const { version } = JSON.parse(manifestBytes.toString('utf8')) as { version?: unknown };
        if (version === Math.max(options.runningVersion(), readStaged()?.version ?? 0)) return;
      }
      refuse(signatureNow, checked.reason);
      return;
    }
    const { manifest } = checked;
    // The bundle as signed, or why not (yet).
    const stagedFile = path.join(stagedDirectory, manifest.bundle.file);
    let problem: string | null = null;
    if (!bundlePath || !fs.existsSync(bundlePath)) {
      problem = `its file ${manifest.bundle.file} is missing`;
    } else if (fs.statSync(bundlePath).size !== manifest.bundle.bytes) {
      problem = `the file is ${fs.statSync(bundlePath).size} bytes, not ${manifest.bundle.bytes} (cut short or changed)`;
    } else if (mismatched === signatureNow) {
      problem = 'the file does not match its signed checksum';
    } else {
      // Stage a copy, and check the copy: what is switched to is exactly what was checked.
      fs.mkdirSync(stagedDirectory, { recursive: true });
      writeDurably(stagedFile, fs.readFileSync(bundlePath));
      if (sha256File(stagedFile) !== manifest.bundle.sha256) {
        fs.rmSync(stagedFile, { force: true });
        mismatched = signatureNow;
        problem = 'the file does not match its signed checksum';
      }
    }
    if (problem !== null) {
      // Still on its way (a sync, a copy): looked at again at the next event or poll.
      if (stillArriving(manifestBytes, manifest, now, manifest.bundle.file)) return;
      refuse(
        signatureNow,
        `setup ${manifest.version}: ${problem} (after waiting ${ARRIVING_GRACE_MS / 60_000} minutes for it)`,
      );
      return;
    }
    // Every check of a load, now: a bad setup is refused when it arrives, not at its time.
    const loadable = await options.check(stagedFile, manifest);
    if (!loadable.ok) {
      fs.rmSync(stagedFile, { force: true });
      failedChecks.set(signatureNow, now);
      refuse(signatureNow, `setup ${manifest.version} was refused: ${loadable.reason}`);
      return;
    }
    // Keys change only now that the whole setup passed: the key that signed it (reached through
    // the rotation records, perhaps) and the one it announces are trusted, any before retired.
    options.setTrustedKeys([
      checked.key.publicKey,
      ...(checked.trustNext ? [checked.trustNext.publicKey] : []),
    ]);
    writeDurably(`${stagedFile}.manifest.json`, manifestBytes);
    const staged: Staged = {
      version: manifest.version,
      activateAt: manifest.activateAt,
      file: manifest.bundle.file,
      sha256: manifest.bundle.sha256,
    };
    writeDurably(stagedRecord, `${JSON.stringify(staged)}\n`);
    schedule(staged);
  }

  /** One look or switch at a time. */
  function run(task: () => Promise<void>): Promise<void> {
    const next = (busy ?? Promise.resolve()).then(task, task).catch((error: unknown) => {
      options.refused(`the shared folder could not be read: ${String(error)}`);
    });
    busy = next;
    return next;
  }

  // A setup staged before a stop switches at its time (or now, when that has passed).
  const leftOver = readStaged();
  if (leftOver) schedule(leftOver);

  return {
    look: () => run(look),
    staged: readStaged,
    clockChanged() {
      const staged = readStaged();
      if (staged && switchTimer) schedule(staged);
    },
    stop() {
      if (switchTimer) cancel(switchTimer);
      switchTimer = null;
    },
  };
}
