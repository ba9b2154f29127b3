import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { checkPinFormat } from '../../contract';
import { z } from '../../contract/zod';

/**
 * The staff PIN that guards the kiosk's staff area.
 *
 * Plain Node on purpose (no `electron` import): main wires it to its store and clocks, tests
 * drive it with fakes.
 *
 * - Until a PIN exists the kiosk just plays (`hasPin()` is false); staff set the first one.
 * - The PIN is kept only as a salted scrypt hash and compared in constant time.
 * - Five wrong tries lock the pad for 30 s, each further wrong try doubles the wait (60 s,
 *   120 s …) up to 15 min. A correct PIN resets the count. Tries while locked are refused
 *   without looking at the PIN and do not count.
 * - Lock timing uses only the injected monotonic clock, so moving the system clock changes
 *   nothing. The record keeps the *remaining* lock time, written on each failure and each
 *   check. On startup that remaining time starts again from "now" (see `createStaffPin`).
 * - A try is counted on disk *before* the PIN is checked. When that write fails (a full or
 *   read-only disk) nothing throws, and the try is refused unchecked (`not-recorded`) unless
 *   the process has run 15 min and no unrecorded try was checked in the last 15 min: at most
 *   one unrecorded try per 15 min, restarts included, which is no faster than the longest
 *   lock, while staff can still get in to see why and free space.
 */

// ---------------------------------------------------------------------------------------------
// Policy

/** The wrong try that first locks the pad. */
export const WRONG_TRIES_BEFORE_LOCK = 5;
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;
/** While tries can't be recorded: one checked try per this long, counted from the start. */
export const UNRECORDED_TRY_INTERVAL_MS = MAX_LOCK_MS;

/**
 * How long the pad stays locked after `failures` wrong tries in a row: nothing before the 5th,
 * then 30 s, 60 s, 120 s … capped at 15 min.
 */
export function lockDurationMs(failures: number): number {
  if (failures < WRONG_TRIES_BEFORE_LOCK) return 0;
  const doublings = failures - WRONG_TRIES_BEFORE_LOCK;
  // 2^5 × 30 s already passes the cap; stop there so huge counts never overflow.
  if (doublings >= 5) return MAX_LOCK_MS;
  return Math.min(FIRST_LOCK_MS * 2 ** doublings, MAX_LOCK_MS);
}

// ---------------------------------------------------------------------------------------------
// Hashing

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
  /** Length of the derived hash in bytes. */
  keyLength: number;
}

/**
 * N = 2^14, r = 8, p = 1 (16 MiB): about 35 ms warm, ~100–130 ms cold, on the kiosk's
 * reference box (2 cores). 2^15 took 170–300 ms there, over the ~200 ms budget for a pad that
 * must feel instant.
 */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({
  N: 2 ** 14,
  r: 8,
  p: 1,
  keyLength: 32,
});

export const SALT_BYTES = 16;
export const PIN_ALGORITHM = 'scrypt';

const base64 = (bytes: number) =>
  z.string().check(
    z.regex(/^[A-Za-z0-9+/]*={0,2}$/),
    z.refine((text) => Buffer.from(text, 'base64').length === bytes, {
      message: `must decode to ${bytes} bytes`,
    }),
  );

const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

/** Params a stored record may carry: bounded so a bad record can't ask for gigabytes. */
const ScryptParamsSchema = z
  .strictObject({
    N: z.int().check(
      z.minimum(2),
      z.maximum(2 ** 20),
      z.refine((n) => (n & (n - 1)) === 0, { message: 'N must be a power of two' }),
    ),
    r: z.int().check(z.minimum(1), z.maximum(32)),
    p: z.int().check(z.minimum(1), z.maximum(16)),
    keyLength: z.int().check(z.minimum(16), z.maximum(64)),
  })
  .check(
    z.refine(({ N, r }) => 128 * N * r <= MAX_SCRYPT_MEMORY, {
      message: 'scrypt would need more than 256 MiB',
    }),
  );

export const PinHashSchema = z
  .strictObject({
    algorithm: z.literal(PIN_ALGORITHM),
    params: ScryptParamsSchema,
    salt: base64(SALT_BYTES),
    hash: z.string().check(z.regex(/^[A-Za-z0-9+/]+={0,2}$/)),
  })
  .check(
    z.refine((pin) => Buffer.from(pin.hash, 'base64').length === pin.params.keyLength, {
      message: 'hash length must match keyLength',
      path: ['hash'],
    }),
  );
export type PinHash = z.infer<typeof PinHashSchema>;

/** The staff-PIN record, the only thing this module persists. No PIN means no record at all. */
export const StaffPinRecordSchema = z.strictObject({
  version: z.literal(1),
  pin: PinHashSchema,
  /** Wrong tries since the last correct PIN. */
  failures: z.int().check(z.minimum(0), z.maximum(1_000_000)),
  /** Lock time left when last written; on startup it counts down again from "now". */
  lockRemainingMs: z.int().check(z.minimum(0), z.maximum(MAX_LOCK_MS)),
});
export type StaffPinRecord = z.infer<typeof StaffPinRecordSchema>;

function scryptAsync(pin: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const { N, r, p, keyLength } = params;
  return new Promise((resolve, reject) => {
    // scrypt needs ~128·N·r bytes; leave headroom above Node's 32 MiB default.
    scrypt(
      pin,
      salt,
      keyLength,
      { N, r, p, maxmem: 256 * N * r * p + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** A fresh random salt each time, so two equal PINs never share a hash. */
export async function hashPin(
  pin: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<PinHash> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(pin, salt, params);
  return {
    algorithm: PIN_ALGORITHM,
    params: { N: params.N, r: params.r, p: params.p, keyLength: params.keyLength },
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  };
}

/** Hashes `pin` with the stored salt and params and compares in constant time. */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await scryptAsync(pin, Buffer.from(stored.salt, 'base64'), {
    ...stored.params,
    keyLength: expected.length,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// ---------------------------------------------------------------------------------------------
// The PIN pad

/** Where the record lives (in main: one key of the app's store). */
export interface StaffPinStore {
  /** The stored record as it was read, or undefined/null when there is none. May throw. */
  load(): unknown;
  save(record: StaffPinRecord): void;
  /** Removes the record (no PIN, no lockout). */
  clear(): void;
}

export interface StaffPinOptions {
  store: StaffPinStore;
  /** Milliseconds from a clock that never goes back (performance.now, process.hrtime). */
  monotonicNow: () => number;
  /** For tests only; the default is the secure `DEFAULT_SCRYPT_PARAMS`. */
  scryptParams?: ScryptParams;
}

/**
 * `wrong-pin` comes with the tries left before the pad locks (4 … 1). The wrong try that locks
 * it answers `locked` straight away, with the new wait, and so does every try while locked.
 */
export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: 'wrong-pin'; triesLeft: number }
  | { ok: false; reason: 'locked'; retryInMs: number }
  | { ok: false; reason: 'no-pin' }
  | NotRecorded;

/**
 * The PIN record could not be written (`error` is what the store threw). For a try: it was not
 * checked and did not count. For a new or changed PIN: nothing changed.
 */
export interface NotRecorded {
  ok: false;
  reason: 'not-recorded';
  /** 'try': a PIN try that was not checked; 'pin': a new or changed PIN that was not saved. */
  what: 'try' | 'pin';
  error: unknown;
  /** For a try: when the next one will be checked even though it can't be recorded. */
  retryInMs?: number;
}

export type SetPinResult =
  | { ok: true }
  | { ok: false; reason: 'invalid-pin'; message: string }
  | { ok: false; reason: 'pin-exists' }
  | NotRecorded;

export type ChangePinResult = VerifyResult | { ok: false; reason: 'invalid-pin'; message: string };

export interface StaffPinStatus {
  hasPin: boolean;
  /** 0 when not locked. */
  retryInMs: number;
  /** Wrong tries left before the next lock (0 once the pad has locked at least once). */
  triesLeft: number;
  /**
   * The record was damaged. `'lock-reset'`: the PIN hash survived, the counters did not, so
   * the pad was locked for the longest wait. `'pin-unusable'`: the hash itself is gone, no PIN
   * can open the pad; only `--reset-pin` on the machine helps. Null when all is well.
   */
  damage: 'lock-reset' | 'pin-unusable' | null;
}

export interface StaffPin {
  hasPin(): boolean;
  /** Also a "check": writes the remaining lock time down so a restart can't lose it. */
  status(): StaffPinStatus;
  /** The first PIN, only while there is none. */
  setPin(pin: string): Promise<SetPinResult>;
  verify(pin: string): Promise<VerifyResult>;
  /** Needs the current PIN, under the same lockout; a bad new PIN is refused before any try. */
  changePin(current: string, next: string): Promise<ChangePinResult>;
  /** For `--reset-pin` on the machine itself: removes the PIN and the lockout, nothing else. */
  resetPin(): Promise<void>;
}

type State =
  | { kind: 'none' }
  | { kind: 'pin'; pin: PinHash; failures: number; lockedUntil: number; damaged: boolean }
  /** A record so damaged its hash can't be trusted or used: the pad stays shut. */
  | { kind: 'unusable' };
type PinState = Extract<State, { kind: 'pin' }>;

/**
 * Restart behaviour: the monotonic clock restarts with the process, so the record keeps the
 * lock time *remaining*, written at each failure and each check. On startup that remaining
 * time starts again from now. A restart therefore never shortens a lock; it may lengthen it by
 * the downtime since the last write (at most the lock itself). We chose this over subtracting
 * the downtime because measuring the downtime needs the wall clock, which anyone at the
 * machine can move.
 *
 * Damaged record (fails the schema, or the store throws), chosen so that it never lets a
 * patient in and never shuts staff out for good:
 * - It is never read as "no PIN": that would let anyone at the screen set a new PIN.
 * - If the PIN hash part is still valid, the PIN is kept, the lock is set to the longest wait
 *   (15 min) with the count at the lock threshold (so no free tries), and the repaired record
 *   is saved. Staff get in with their PIN after 15 min at most.
 * - If the hash part is damaged too, no PIN can ever match it: the pad reports "locked"
 *   (15 min, rolling) and `status().damage` says `'pin-unusable'`, so the screen can tell staff
 *   to restart the kiosk with `--reset-pin`, the way out from the machine itself. The damaged
 *   record is left as it is until then.
 */
export function createStaffPin(options: StaffPinOptions): StaffPin {
  const { store, monotonicNow } = options;
  const params = ScryptParamsSchema.parse(options.scryptParams ?? DEFAULT_SCRYPT_PARAMS);
  /** The remaining lock time last written, to skip writes that would change nothing. */
  let lastSavedRemaining: number | undefined;
  /** Unrecorded tries are checked no sooner than 15 min after the start, then one per 15 min. */
  let nextUnrecordedTryAt = monotonicNow() + UNRECORDED_TRY_INTERVAL_MS;
  let state: State = loadState();
  /** Every operation runs alone, so parallel tries can't slip past the count. */
  let queue: Promise<unknown> = Promise.resolve();

  function loadState(): State {
    let raw: unknown;
    try {
      raw = store.load();
    } catch {
      return { kind: 'unusable' };
    }
    if (raw === undefined || raw === null) return { kind: 'none' };
    const now = monotonicNow();
    const parsed = StaffPinRecordSchema.safeParse(raw);
    if (parsed.success) {
      const { pin, failures, lockRemainingMs } = parsed.data;
      lastSavedRemaining = lockRemainingMs;
      return { kind: 'pin', pin, failures, lockedUntil: now + lockRemainingMs, damaged: false };
    }
    const pin = PinHashSchema.safeParse(
      typeof raw === 'object' ? (raw as { pin?: unknown }).pin : undefined,
    );
    if (!pin.success) return { kind: 'unusable' };
    const repaired: State = {
      kind: 'pin',
      pin: pin.data,
      failures: WRONG_TRIES_BEFORE_LOCK,
      lockedUntil: now + MAX_LOCK_MS,
      damaged: true,
    };
    trySave(repaired, now);
    return repaired;
  }

  function toRecord(current: PinState, now: number): StaffPinRecord {
    return {
      version: 1,
      pin: current.pin,
      failures: current.failures,
      lockRemainingMs: remainingMs(current, now),
    };
  }

  function remainingMs(current: PinState, now: number): number {
    return Math.min(MAX_LOCK_MS, Math.max(0, Math.ceil(current.lockedUntil - now)));
  }

  /**
   * For writes that only ever shorten the stored lock: if one fails, the record keeps a longer
   * lock than the real one, which is the safe side, and the next check writes again.
   */
  function trySave(current: PinState, now: number): void {
    try {
      store.save(toRecord(current, now));
      lastSavedRemaining = remainingMs(current, now);
    } catch {
      lastSavedRemaining = undefined;
    }
  }

  /** A "check": returns the lock time left and writes it down when it changed. */
  function checkLock(current: PinState, now: number): number {
    const remaining = remainingMs(current, now);
    if (remaining !== lastSavedRemaining) trySave(current, now);
    return remaining;
  }

  /** Writes the record for `next`; a failure is returned, never thrown. */
  function record(next: PinState, now: number, what: NotRecorded['what']): NotRecorded | null {
    try {
      store.save(toRecord(next, now));
      return null;
    } catch (error) {
      return { ok: false, reason: 'not-recorded', what, error };
    }
  }

  function serialize<T>(operation: () => Promise<T>): Promise<T> {
    const run = queue.then(operation, operation);
    queue = run.catch(() => undefined);
    return run;
  }

  /** The shared try: lockout first, then the PIN. Callers hold the queue. */
  async function attempt(pin: string): Promise<VerifyResult> {
    if (state.kind === 'none') return { ok: false, reason: 'no-pin' };
    if (state.kind === 'unusable') return { ok: false, reason: 'locked', retryInMs: MAX_LOCK_MS };
    const current = state;
    const before = monotonicNow();
    const locked = checkLock(current, before);
    if (locked > 0) return { ok: false, reason: 'locked', retryInMs: locked };

    // Count the try on disk first, as if it were wrong, so a restart can't hand back a try an
    // attacker has used. One that can't be recorded is checked only at the unrecorded pace.
    const failures = current.failures + 1;
    const lockMs = lockDurationMs(failures);
    const counted: PinState = { ...current, failures, lockedUntil: before + lockMs };
    const refused = record(counted, before, 'try');
    if (refused) {
      lastSavedRemaining = undefined;
      if (before < nextUnrecordedTryAt) {
        return { ...refused, retryInMs: Math.ceil(nextUnrecordedTryAt - before) };
      }
      // This one try is checked, and counted here: the next unrecorded one waits 15 min.
      nextUnrecordedTryAt = before + UNRECORDED_TRY_INTERVAL_MS;
    } else {
      lastSavedRemaining = lockMs;
    }

    // Nothing that isn't 4–8 digits can be the PIN; it still counts as a wrong try.
    const matches = checkPinFormat(pin).ok && (await pinMatches(pin, current.pin));
    const now = monotonicNow();

    if (matches) {
      const next: PinState = { ...current, failures: 0, lockedUntil: now, damaged: false };
      state = next;
      // Staff proved the PIN. If the reset can't be written the record keeps the counted try
      // (the safe side) and the next check writes it again.
      lastSavedRemaining = record(next, now, 'try') ? undefined : 0;
      return { ok: true };
    }

    state = counted;
    if (lockMs > 0) return { ok: false, reason: 'locked', retryInMs: lockMs };
    return { ok: false, reason: 'wrong-pin', triesLeft: WRONG_TRIES_BEFORE_LOCK - failures };
  }

  return {
    hasPin: () => state.kind !== 'none',

    status() {
      if (state.kind === 'none') return { hasPin: false, retryInMs: 0, triesLeft: 0, damage: null };
      if (state.kind === 'unusable') {
        return { hasPin: true, retryInMs: MAX_LOCK_MS, triesLeft: 0, damage: 'pin-unusable' };
      }
      const retryInMs = checkLock(state, monotonicNow());
      return {
        hasPin: true,
        retryInMs,
        triesLeft: Math.max(0, WRONG_TRIES_BEFORE_LOCK - state.failures),
        damage: state.damaged ? 'lock-reset' : null,
      };
    },

    setPin: (pin) =>
      serialize(async (): Promise<SetPinResult> => {
        if (state.kind !== 'none') return { ok: false, reason: 'pin-exists' };
        const format = checkPinFormat(pin);
        if (!format.ok) return { ok: false, reason: 'invalid-pin', message: format.message };
        const next: PinState = {
          kind: 'pin',
          pin: await hashPin(pin, params),
          failures: 0,
          lockedUntil: 0,
          damaged: false,
        };
        const refused = record(next, monotonicNow(), 'pin');
        if (refused) return refused;
        state = next;
        lastSavedRemaining = 0;
        return { ok: true };
      }),

    verify: (pin) => serialize(() => attempt(pin)),

    changePin: (current, next) =>
      serialize(async (): Promise<ChangePinResult> => {
        const format = checkPinFormat(next);
        if (!format.ok) return { ok: false, reason: 'invalid-pin', message: format.message };
        const verdict = await attempt(current);
        if (!verdict.ok || state.kind !== 'pin') return verdict;
        const updated: PinState = { ...state, pin: await hashPin(next, params) };
        // Not written: the old PIN stays the PIN, on disk and here.
        const refused = record(updated, monotonicNow(), 'pin');
        if (refused) return refused;
        state = updated;
        return { ok: true };
      }),

    resetPin: () =>
      serialize(async () => {
        store.clear();
        state = { kind: 'none' };
        lastSavedRemaining = undefined;
      }),
  };
}
