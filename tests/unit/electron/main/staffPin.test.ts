import type * as crypto from 'node:crypto';
import { scrypt } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SCRYPT_PARAMS,
  FIRST_LOCK_MS,
  UNRECORDED_TRY_INTERVAL_MS,
  MAX_LOCK_MS,
  PinHashSchema,
  StaffPinRecordSchema,
  createStaffPin,
  hashPin,
  lockDurationMs,
  pinMatches,
  type ScryptParams,
  type StaffPinRecord,
  type StaffPinStore,
} from '../../../../electron/main/staffPin';

// Count scrypt runs, to prove that refused tries never look at the PIN.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});
const scryptCalls = () => vi.mocked(scrypt).mock.calls.length;

/** Cheap params so the suite stays fast; the default is checked separately. */
const FAST: ScryptParams = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 };
const PIN = '482916';
const OTHER = '1357';

/** Stands in for the app's store: other keys live beside the PIN record and must survive. */
function fakeStore(initial?: unknown) {
  const data: Record<string, unknown> = { settings: { idleTimeoutSeconds: 60 } };
  if (initial !== undefined) data.staffPin = JSON.parse(JSON.stringify(initial));
  const saves: StaffPinRecord[] = [];
  const port: StaffPinStore = {
    load: () => data.staffPin,
    save(record) {
      // Every record written must pass the schema and survive a JSON round trip.
      expect(StaffPinRecordSchema.parse(record)).toEqual(record);
      const copy = JSON.parse(JSON.stringify(record)) as StaffPinRecord;
      saves.push(copy);
      data.staffPin = copy;
    },
    clear() {
      delete data.staffPin;
    },
  };
  return {
    data,
    saves,
    port,
    record: () => data.staffPin as StaffPinRecord | undefined,
  };
}

/** A monotonic clock the test moves by hand; a "restart" makes a new one from 0. */
function fakeClock(start = 0) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

function setup(initial?: unknown, clockStart = 0) {
  const store = fakeStore(initial);
  const clock = fakeClock(clockStart);
  const pin = createStaffPin({ store: store.port, monotonicNow: clock.now, scryptParams: FAST });
  return { store, clock, pin };
}

/** A new process over the same stored record, with a monotonic clock that restarted. */
function restart(store: ReturnType<typeof fakeStore>, clockStart = 0) {
  const clock = fakeClock(clockStart);
  const pin = createStaffPin({ store: store.port, monotonicNow: clock.now, scryptParams: FAST });
  return { clock, pin };
}

async function withPin(initialPin = PIN) {
  const context = setup();
  expect(await context.pin.setPin(initialPin)).toEqual({ ok: true });
  return context;
}

async function wrongTries(pin: ReturnType<typeof createStaffPin>, count: number) {
  const results = [];
  for (let index = 0; index < count; index += 1) results.push(await pin.verify('0000'));
  return results;
}

/** `count` wrong tries in a row, waiting out each lock so that every one of them counts. */
async function countedWrongTries(
  pin: ReturnType<typeof createStaffPin>,
  clock: ReturnType<typeof fakeClock>,
  count: number,
) {
  for (let index = 0; index < count; index += 1) {
    clock.advance(pin.status().retryInMs);
    await pin.verify('0000');
  }
}

beforeEach(() => {
  vi.mocked(scrypt).mockClear();
});

describe('a PIN of the wrong form (the rule: contract/admin.ts)', () => {
  it('setPin refuses a bad first PIN, saves nothing and keeps playing', async () => {
    const { store, pin } = setup();
    for (const bad of ['123', '123456789', 'abcd', '12 34']) {
      const result = await pin.setPin(bad);
      expect(result).toMatchObject({ ok: false, reason: 'invalid-pin' });
      if (!result.ok && result.reason === 'invalid-pin') expect(result.message).not.toBe('');
    }
    expect(pin.hasPin()).toBe(false);
    expect(store.saves).toEqual([]);
    expect(scryptCalls()).toBe(0);
  });
});

describe('hashing', () => {
  it('stores only an scrypt hash: algorithm, params, salt and hash in base64, no digits', async () => {
    const { store } = await withPin();
    const record = store.record();
    expect(record).toBeDefined();
    expect(Object.keys(record ?? {}).sort()).toEqual([
      'failures',
      'lockRemainingMs',
      'pin',
      'version',
    ]);
    expect(record?.pin.algorithm).toBe('scrypt');
    expect(record?.pin.params).toEqual(FAST);
    expect(Buffer.from(record?.pin.salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(record?.pin.hash ?? '', 'base64')).toHaveLength(32);
    expect(JSON.stringify(store.data)).not.toContain(PIN);
    expect(JSON.stringify(store.data)).not.toContain(PIN.slice(0, 4));
  });

  it('uses a new random salt each time, so the same PIN never hashes the same', async () => {
    const first = await hashPin(PIN, FAST);
    const second = await hashPin(PIN, FAST);
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
    expect(await pinMatches(PIN, first)).toBe(true);
    expect(await pinMatches(PIN, second)).toBe(true);
    expect(await pinMatches('482917', first)).toBe(false);

    const a = await withPin();
    const b = await withPin();
    expect(a.store.record()?.pin.salt).not.toBe(b.store.record()?.pin.salt);
  });

  it('uses N = 2^14 or more by default, and prints how long a check takes', async () => {
    expect(DEFAULT_SCRYPT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 14);
    expect(DEFAULT_SCRYPT_PARAMS).toMatchObject({ r: 8, p: 1, keyLength: 32 });
    const store = fakeStore();
    const pin = createStaffPin({ store: store.port, monotonicNow: () => 0 });
    await pin.setPin(PIN);
    expect(store.record()?.pin.params).toEqual(DEFAULT_SCRYPT_PARAMS);
    const started = performance.now();
    expect(await pin.verify(PIN)).toEqual({ ok: true });
    const elapsed = performance.now() - started;
    // The budget is about 200 ms on a kiosk PC: printed, not asserted (a busy machine is slow).
    console.log(`default scrypt verify took ${elapsed.toFixed(0)} ms`);
  });

  it('refuses scrypt params out of bounds at creation', () => {
    for (const bad of [
      { ...FAST, N: 1000 },
      { ...FAST, keyLength: 8 },
      { ...FAST, N: 2 ** 20, r: 32 },
    ]) {
      expect(() =>
        createStaffPin({ store: fakeStore().port, monotonicNow: () => 0, scryptParams: bad }),
      ).toThrow();
    }
  });

  it('verifies with the params stored in the record, not the current default', async () => {
    const stored = await hashPin(PIN, { N: 2 ** 11, r: 4, p: 2, keyLength: 24 });
    const { pin } = setup({ version: 1, pin: stored, failures: 0, lockRemainingMs: 0 });
    expect(await pin.verify(PIN)).toEqual({ ok: true });
    expect(await pin.verify(OTHER)).toEqual({ ok: false, reason: 'wrong-pin', triesLeft: 4 });
  });

  it('exports a schema that accepts its own records', async () => {
    const { store } = await withPin();
    expect(StaffPinRecordSchema.safeParse(store.record()).success).toBe(true);
    expect(PinHashSchema.safeParse(store.record()?.pin).success).toBe(true);
  });
});

describe('verify', () => {
  it('plays until a PIN exists', async () => {
    const { pin, store } = setup();
    expect(pin.hasPin()).toBe(false);
    expect(await pin.verify(PIN)).toEqual({ ok: false, reason: 'no-pin' });
    expect(pin.status()).toEqual({ hasPin: false, retryInMs: 0, triesLeft: 0, damage: null });
    expect(store.saves).toEqual([]);
  });

  it('accepts the right PIN and refuses a wrong one', async () => {
    const { pin } = await withPin();
    expect(pin.hasPin()).toBe(true);
    expect(await pin.verify(PIN)).toEqual({ ok: true });
    expect(await pin.verify(OTHER)).toEqual({ ok: false, reason: 'wrong-pin', triesLeft: 4 });
    expect(await pin.verify('48291')).toEqual({ ok: false, reason: 'wrong-pin', triesLeft: 3 });
    expect(await pin.verify('4829160')).toEqual({ ok: false, reason: 'wrong-pin', triesLeft: 2 });
    expect(await pin.verify(PIN)).toEqual({ ok: true });
  });

  it('counts a malformed entry as a wrong try without hashing it', async () => {
    const { pin } = await withPin();
    const before = scryptCalls();
    expect(await pin.verify('12')).toEqual({ ok: false, reason: 'wrong-pin', triesLeft: 4 });
    expect(await pin.verify(' 482916')).toEqual({ ok: false, reason: 'wrong-pin', triesLeft: 3 });
    expect(scryptCalls()).toBe(before);
  });

  it('refuses to set a first PIN twice', async () => {
    const { pin } = await withPin();
    expect(await pin.setPin(OTHER)).toEqual({ ok: false, reason: 'pin-exists' });
    expect(await pin.verify(PIN)).toEqual({ ok: true });
  });
});

describe('lockout', () => {
  it('follows the schedule: 30 s at the 5th wrong try, doubling, capped at 15 min', () => {
    expect([1, 2, 3, 4].map(lockDurationMs)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 50, 10_000].map(lockDurationMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000, 900_000,
    ]);
    expect(FIRST_LOCK_MS).toBe(30_000);
    expect(MAX_LOCK_MS).toBe(15 * 60_000);
  });

  it('locks the pad on exactly that schedule, measured on the monotonic clock', async () => {
    const { pin, clock } = await withPin();
    expect(await wrongTries(pin, 4)).toEqual(
      [4, 3, 2, 1].map((triesLeft) => ({
        ok: false,
        reason: 'wrong-pin',
        triesLeft,
      })),
    );
    const waits: number[] = [];
    for (let failure = 5; failure <= 12; failure += 1) {
      const result = await pin.verify('0000');
      expect(result.ok).toBe(false);
      if (result.ok || result.reason !== 'locked') throw new Error('expected a lock');
      waits.push(result.retryInMs);
      clock.advance(result.retryInMs - 1);
      expect(await pin.verify(PIN)).toEqual({ ok: false, reason: 'locked', retryInMs: 1 });
      clock.advance(1);
      expect(pin.status()).toMatchObject({ retryInMs: 0, triesLeft: 0 });
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
  });

  it('refuses tries while locked without checking the PIN, and does not count them', async () => {
    const { pin, clock, store } = await withPin();
    await wrongTries(pin, 5);
    const calls = scryptCalls();
    const failures = store.record()?.failures;
    clock.advance(1_000);
    for (const guess of [PIN, '0000', '9999', 'abcd']) {
      expect(await pin.verify(guess)).toEqual({ ok: false, reason: 'locked', retryInMs: 29_000 });
    }
    expect(scryptCalls()).toBe(calls);
    expect(store.record()?.failures).toBe(failures);
    clock.advance(29_000);
    // Had the refused tries counted, this would be far past 60 s.
    expect(await pin.verify('0000')).toEqual({ ok: false, reason: 'locked', retryInMs: 60_000 });
  });

  it('lets parallel tries through one at a time, so they cannot outrun the count', async () => {
    const { pin, clock } = await withPin();
    const results = await Promise.all(Array.from({ length: 12 }, () => pin.verify('0000')));
    expect(results.slice(0, 4).map((result) => !result.ok && result.reason)).toEqual(
      Array(4).fill('wrong-pin'),
    );
    expect(results.slice(4)).toEqual(
      Array(8).fill({ ok: false, reason: 'locked', retryInMs: 30_000 }),
    );
    clock.advance(30_000);
    expect(await pin.verify('0000')).toEqual({ ok: false, reason: 'locked', retryInMs: 60_000 });
  });

  it('resets the count after the right PIN', async () => {
    const { pin, clock, store } = await withPin();
    await wrongTries(pin, 4);
    expect(await pin.verify(PIN)).toEqual({ ok: true });
    expect(store.record()).toMatchObject({ failures: 0, lockRemainingMs: 0 });
    expect(pin.status().triesLeft).toBe(5);
    expect(await wrongTries(pin, 4)).toContainEqual({
      ok: false,
      reason: 'wrong-pin',
      triesLeft: 1,
    });

    // Also after a lock has run out: the schedule starts over at five free tries.
    await pin.verify('0000');
    clock.advance(30_000);
    expect(await pin.verify(PIN)).toEqual({ ok: true });
    expect(await pin.verify('0000')).toEqual({ ok: false, reason: 'wrong-pin', triesLeft: 4 });
  });

  it('writes the remaining lock time down at each failure and each check', async () => {
    const { pin, clock, store } = await withPin();
    await wrongTries(pin, 5);
    expect(store.record()).toMatchObject({ failures: 5, lockRemainingMs: 30_000 });
    clock.advance(10_000);
    expect(pin.status()).toMatchObject({ hasPin: true, retryInMs: 20_000, triesLeft: 0 });
    expect(store.record()?.lockRemainingMs).toBe(20_000);
    clock.advance(5_000);
    await pin.verify(PIN);
    expect(store.record()?.lockRemainingMs).toBe(15_000);
    // A check that changes nothing writes nothing.
    const writes = store.saves.length;
    pin.status();
    expect(store.saves).toHaveLength(writes);
    clock.advance(15_000);
    pin.status();
    expect(store.record()).toMatchObject({ failures: 5, lockRemainingMs: 0 });
  });

  it('rounds a fractional monotonic clock up, never down', async () => {
    const { pin, clock } = await withPin();
    await wrongTries(pin, 5);
    clock.advance(0.25);
    expect(pin.status().retryInMs).toBe(30_000);
    clock.advance(29_999.5);
    expect(pin.status().retryInMs).toBe(1);
  });

  it('ignores the wall clock moving back or forward', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
      const { pin, clock } = await withPin();
      await wrongTries(pin, 5);
      vi.setSystemTime(new Date('2026-03-02T10:00:00Z')); // a day forward
      expect(await pin.verify(PIN)).toEqual({ ok: false, reason: 'locked', retryInMs: 30_000 });
      vi.setSystemTime(new Date('2020-01-01T00:00:00Z')); // years back
      clock.advance(10_000);
      expect(await pin.verify(PIN)).toEqual({ ok: false, reason: 'locked', retryInMs: 20_000 });
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      clock.advance(20_000);
      expect(await pin.verify(PIN)).toEqual({ ok: true });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('across a restart', () => {
  it('keeps the wrong-try count', async () => {
    const { pin, store } = await withPin();
    await wrongTries(pin, 3);
    const after = restart(store, 123_456);
    expect(after.pin.status()).toMatchObject({ hasPin: true, triesLeft: 2, retryInMs: 0 });
    expect(await after.pin.verify('0000')).toEqual({
      ok: false,
      reason: 'wrong-pin',
      triesLeft: 1,
    });
    expect(await after.pin.verify('0000')).toEqual({
      ok: false,
      reason: 'locked',
      retryInMs: 30_000,
    });
  });

  it('restarts the remaining lock time from now, so a restart never shortens it', async () => {
    const { pin, store, clock } = await withPin();
    await countedWrongTries(pin, clock, 6); // 60 s lock
    clock.advance(45_000);
    expect(pin.status().retryInMs).toBe(15_000); // a check writes 15 s down

    // The new process's monotonic clock starts at 0 again, far "before" the old lock end.
    const after = restart(store, 0);
    expect(await after.pin.verify(PIN)).toEqual({ ok: false, reason: 'locked', retryInMs: 15_000 });
    after.clock.advance(14_999);
    expect(await after.pin.verify(PIN)).toEqual({ ok: false, reason: 'locked', retryInMs: 1 });
    after.clock.advance(1);
    expect(await after.pin.verify(PIN)).toEqual({ ok: true });
  });

  it('may lengthen a lock by the downtime since the last write, never shorten it', async () => {
    const { pin, store, clock } = await withPin();
    await wrongTries(pin, 5);
    clock.advance(25_000); // 25 s pass with no check, then the power goes
    const after = restart(store, 0);
    expect(after.pin.status().retryInMs).toBe(30_000);
  });

  it('keeps escalating after a restart', async () => {
    const { pin, store, clock } = await withPin();
    await wrongTries(pin, 5);
    clock.advance(30_000);
    expect(pin.status().retryInMs).toBe(0); // a check writes the end of the lock down
    const after = restart(store, 0);
    expect(await after.pin.verify('0000')).toEqual({
      ok: false,
      reason: 'locked',
      retryInMs: 60_000,
    });
  });

  it('survives many restarts in a row without losing lock time', async () => {
    const { pin, store, clock } = await withPin();
    await countedWrongTries(pin, clock, 10); // 15 min
    let remaining = MAX_LOCK_MS;
    for (let boot = 0; boot < 5; boot += 1) {
      const after = restart(store, boot * 7);
      expect(after.pin.status().retryInMs).toBe(remaining);
      after.clock.advance(60_000);
      remaining -= 60_000;
      expect(after.pin.status().retryInMs).toBe(remaining);
    }
  });
});

describe('changePin', () => {
  it('needs the current PIN, then only the new one works', async () => {
    const { pin, store } = await withPin();
    const oldSalt = store.record()?.pin.salt;
    expect(await pin.changePin(PIN, OTHER)).toEqual({ ok: true });
    expect(store.record()?.pin.salt).not.toBe(oldSalt);
    expect(JSON.stringify(store.data)).not.toContain(OTHER);
    expect(await pin.verify(PIN)).toEqual({ ok: false, reason: 'wrong-pin', triesLeft: 4 });
    expect(await pin.verify(OTHER)).toEqual({ ok: true });
    expect(await restart(store).pin.verify(OTHER)).toEqual({ ok: true });
  });

  it('counts a wrong current PIN as a wrong try and keeps the old PIN', async () => {
    const { pin } = await withPin();
    expect(await pin.changePin('0000', OTHER)).toEqual({
      ok: false,
      reason: 'wrong-pin',
      triesLeft: 4,
    });
    expect(await pin.verify(OTHER)).toEqual({ ok: false, reason: 'wrong-pin', triesLeft: 3 });
    expect(await pin.verify(PIN)).toEqual({ ok: true });
  });

  it('refuses a bad new PIN before trying the current one', async () => {
    const { pin } = await withPin();
    const calls = scryptCalls();
    for (const bad of ['123', '123456789', 'abcd', '12 34']) {
      expect(await pin.changePin('0000', bad)).toMatchObject({ ok: false, reason: 'invalid-pin' });
    }
    expect(scryptCalls()).toBe(calls);
    expect(pin.status().triesLeft).toBe(5);
    expect(await pin.verify(PIN)).toEqual({ ok: true });
  });

  it('is under the same lockout, and a success resets the count', async () => {
    const { pin, clock } = await withPin();
    await wrongTries(pin, 4);
    expect(await pin.changePin('0000', OTHER)).toEqual({
      ok: false,
      reason: 'locked',
      retryInMs: 30_000,
    });
    expect(await pin.changePin(PIN, OTHER)).toEqual({
      ok: false,
      reason: 'locked',
      retryInMs: 30_000,
    });
    clock.advance(30_000);
    expect(await pin.changePin(PIN, OTHER)).toEqual({ ok: true });
    expect(pin.status()).toMatchObject({ retryInMs: 0, triesLeft: 5 });
  });

  it('says when there is no PIN to change', async () => {
    const { pin } = setup();
    expect(await pin.changePin(PIN, OTHER)).toEqual({ ok: false, reason: 'no-pin' });
  });
});

describe('resetPin', () => {
  it('removes the PIN and the lockout and keeps everything else', async () => {
    const { pin, store } = await withPin();
    await wrongTries(pin, 10);
    await pin.resetPin();
    expect(pin.hasPin()).toBe(false);
    expect(store.data).toEqual({ settings: { idleTimeoutSeconds: 60 } });
    expect(await pin.verify(PIN)).toEqual({ ok: false, reason: 'no-pin' });
    expect(await pin.setPin(OTHER)).toEqual({ ok: true });
    expect(await pin.verify(OTHER)).toEqual({ ok: true });
  });

  it('works as a fresh process would run it for --reset-pin', async () => {
    const { pin, store } = await withPin();
    await wrongTries(pin, 7);
    await restart(store).pin.resetPin();
    const after = restart(store);
    expect(after.pin.hasPin()).toBe(false);
    expect(after.pin.status()).toMatchObject({ hasPin: false, retryInMs: 0 });
  });

  it('waits for a try in flight instead of racing it', async () => {
    const { pin, store } = await withPin();
    const wrong = pin.verify('0000');
    const reset = pin.resetPin();
    await Promise.all([wrong, reset]);
    expect(store.record()).toBeUndefined();
    expect(pin.hasPin()).toBe(false);
  });
});

describe('a damaged record', () => {
  let good: StaffPinRecord;
  beforeEach(async () => {
    good = { version: 1, pin: await hashPin(PIN, FAST), failures: 0, lockRemainingMs: 0 };
  });

  describe.each([
    ['a string', () => 'garbage'],
    ['a number', () => 42],
    ['an array', () => []],
    ['an empty object', () => ({})],
    ['no pin at all', () => ({ ...good, pin: undefined })],
    ['an unknown algorithm', () => ({ ...good, pin: { ...good.pin, algorithm: 'plain' } })],
    ['a hash of the wrong length', () => ({ ...good, pin: { ...good.pin, hash: 'AAAA' } })],
    ['a short salt', () => ({ ...good, pin: { ...good.pin, salt: 'AAAA' } })],
    ['a salt that is not base64', () => ({ ...good, pin: { ...good.pin, salt: '%%%%' } })],
    [
      'N not a power of two',
      () => ({ ...good, pin: { ...good.pin, params: { ...good.pin.params, N: 1000 } } }),
    ],
    [
      'a cost that would eat the memory',
      () => ({ ...good, pin: { ...good.pin, params: { ...good.pin.params, N: 2 ** 30 } } }),
    ],
    [
      'params asking for gigabytes',
      () => ({ ...good, pin: { ...good.pin, params: { ...good.pin.params, N: 2 ** 20, r: 32 } } }),
    ],
    ['a plain PIN smuggled in', () => ({ ...good, pin: { ...good.pin, plain: PIN } })],
  ])('with %s', (_label, makeRecord) => {
    it('is never taken as "no PIN": the pad stays locked until --reset-pin', async () => {
      const { pin, store, clock } = setup(makeRecord());
      const calls = scryptCalls();
      const before = JSON.stringify(store.data.staffPin);
      expect(pin.hasPin()).toBe(true);
      expect(pin.status()).toEqual({
        hasPin: true,
        retryInMs: MAX_LOCK_MS,
        triesLeft: 0,
        damage: 'pin-unusable',
      });
      expect(await pin.setPin(OTHER)).toEqual({ ok: false, reason: 'pin-exists' });
      expect(await pin.verify(PIN)).toEqual({
        ok: false,
        reason: 'locked',
        retryInMs: MAX_LOCK_MS,
      });
      expect(await pin.changePin(PIN, OTHER)).toMatchObject({ ok: false, reason: 'locked' });
      clock.advance(24 * 3600_000);
      expect(await pin.verify(PIN)).toMatchObject({ ok: false, reason: 'locked' });
      expect(scryptCalls()).toBe(calls);
      expect(JSON.stringify(store.data.staffPin)).toBe(before); // left for a look, unchanged

      await pin.resetPin();
      expect(await pin.setPin(OTHER)).toEqual({ ok: true });
      expect(await pin.verify(OTHER)).toEqual({ ok: true });
    });
  });

  it('is treated the same when the store cannot even be read', async () => {
    const pin = createStaffPin({
      store: {
        load() {
          throw new Error('disk on fire');
        },
        save() {},
        clear() {},
      },
      monotonicNow: () => 0,
      scryptParams: FAST,
    });
    expect(pin.hasPin()).toBe(true);
    expect(pin.status().damage).toBe('pin-unusable');
    expect(await pin.verify(PIN)).toMatchObject({ ok: false, reason: 'locked' });
  });

  describe.each([
    ['a negative count', () => ({ ...good, failures: -1 })],
    ['a count that is text', () => ({ ...good, failures: '0' })],
    ['a lock time that is text', () => ({ ...good, lockRemainingMs: 'soon' })],
    ['a lock time past the cap', () => ({ ...good, lockRemainingMs: MAX_LOCK_MS + 1 })],
    ['a missing version', () => ({ ...good, version: undefined })],
    ['an unknown version', () => ({ ...good, version: 2 })],
  ])('whose PIN hash survived but with %s', (_label, makeRecord) => {
    it('keeps the PIN but locks for the longest wait', async () => {
      const { pin, store, clock } = setup(makeRecord());
      expect(pin.status()).toEqual({
        hasPin: true,
        retryInMs: MAX_LOCK_MS,
        triesLeft: 0,
        damage: 'lock-reset',
      });
      // The repaired record is written back, so a restart keeps the lock.
      expect(store.record()).toEqual({ ...good, failures: 5, lockRemainingMs: MAX_LOCK_MS });
      expect(await restart(store).pin.verify(PIN)).toEqual({
        ok: false,
        reason: 'locked',
        retryInMs: MAX_LOCK_MS,
      });

      expect(await pin.verify(PIN)).toEqual({
        ok: false,
        reason: 'locked',
        retryInMs: MAX_LOCK_MS,
      });
      clock.advance(MAX_LOCK_MS);
      expect(await pin.verify(PIN)).toEqual({ ok: true });
      expect(pin.status()).toEqual({ hasPin: true, retryInMs: 0, triesLeft: 5, damage: null });
      expect(store.record()).toEqual(good);
    });
  });

  it('after a repair, a wrong try locks again at once (no free tries)', async () => {
    const { pin, clock } = setup({ ...good, failures: -5 });
    clock.advance(MAX_LOCK_MS);
    expect(await pin.verify('0000')).toEqual({ ok: false, reason: 'locked', retryInMs: 60_000 });
  });
});

describe('a store that fails to write', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('still locks in memory, and a failed check write is not an error', async () => {
    const { pin, store, clock } = await withPin();
    await wrongTries(pin, 5);
    vi.spyOn(store.port, 'save').mockImplementation(() => {
      throw new Error('disk full');
    });
    clock.advance(10_000);
    expect(() => pin.status()).not.toThrow();
    expect(pin.status().retryInMs).toBe(20_000);
    // The stored record kept the longer lock: the safe side.
    expect(store.record()?.lockRemainingMs).toBe(30_000);
    expect(await pin.verify(PIN)).toEqual({ ok: false, reason: 'locked', retryInMs: 20_000 });
  });

  it('refuses a try it cannot record, unchecked and without throwing, even the right PIN', async () => {
    const { pin, store } = await withPin();
    await wrongTries(pin, 3);
    const save = vi.spyOn(store.port, 'save').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    const checksBefore = scryptCalls();
    for (const attempt of ['0000', PIN, '9999', PIN]) {
      expect(await pin.verify(attempt)).toEqual({
        ok: false,
        reason: 'not-recorded',
        what: 'try',
        error: expect.objectContaining({ code: 'ENOSPC' }),
        retryInMs: UNRECORDED_TRY_INTERVAL_MS,
      });
    }
    // Not one PIN was looked at, and nothing counted that the record does not hold.
    expect(scryptCalls()).toBe(checksBefore);
    expect(store.record()?.failures).toBe(3);
    expect(pin.status().triesLeft).toBe(2);
    // A restart (crash, nightly restart, power cut) finds the same count: no try was handed back.
    expect(restart(store).pin.status().triesLeft).toBe(2);

    // Room again: the tries count and check as before.
    save.mockRestore();
    expect(await pin.verify('0000')).toEqual({ ok: false, reason: 'wrong-pin', triesLeft: 1 });
    expect(store.record()?.failures).toBe(4);
    expect(await pin.verify(PIN)).toEqual({ ok: true });
    expect(store.record()?.failures).toBe(0);
  });

  it('checks one unrecorded try per 15 min, counted from the start, so restarts gain nothing', async () => {
    const { pin, store, clock } = await withPin();
    vi.spyOn(store.port, 'save').mockImplementation(() => {
      throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    });
    clock.advance(UNRECORDED_TRY_INTERVAL_MS - 1000);
    expect(await pin.verify(PIN)).toMatchObject({ reason: 'not-recorded', retryInMs: 1000 });
    clock.advance(1000);
    // One wrong try is checked (and counted here), the next waits another 15 min.
    expect(await pin.verify('0000')).toEqual({ ok: false, reason: 'wrong-pin', triesLeft: 4 });
    expect(await pin.verify(PIN)).toMatchObject({
      reason: 'not-recorded',
      retryInMs: UNRECORDED_TRY_INTERVAL_MS,
    });
    // A restart starts the wait again.
    const restarted = restart(store, 5_000_000);
    expect(await restarted.pin.verify(PIN)).toMatchObject({
      reason: 'not-recorded',
      retryInMs: UNRECORDED_TRY_INTERVAL_MS,
    });
    restarted.clock.advance(UNRECORDED_TRY_INTERVAL_MS);
    // Staff get in with the right PIN, even though nothing can be written.
    const checks = scryptCalls();
    expect(await restarted.pin.verify(PIN)).toEqual({ ok: true });
    expect(scryptCalls()).toBe(checks + 1);
  });

  it('counts a try on disk before it checks the PIN', async () => {
    const { pin, store } = await withPin();
    await wrongTries(pin, 2);
    store.saves.length = 0;
    expect(await pin.verify(PIN)).toEqual({ ok: true });
    // First the try as if wrong (3 failures), then the reset once the PIN matched.
    expect(store.saves.map((record) => record.failures)).toEqual([3, 0]);

    store.saves.length = 0;
    await wrongTries(pin, 5);
    expect(store.saves.map((record) => [record.failures, record.lockRemainingMs])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 30_000],
    ]);
  });

  it('lets staff in with the right PIN when only the reset of the count fails', async () => {
    const { pin, store } = await withPin();
    await wrongTries(pin, 2);
    let calls = 0;
    vi.spyOn(store.port, 'save').mockImplementation((record) => {
      calls += 1;
      if (calls > 1) throw new Error('EIO: i/o error');
      store.data.staffPin = JSON.parse(JSON.stringify(record));
    });
    expect(await pin.verify(PIN)).toEqual({ ok: true });
    // The record keeps the counted try (the safe side); memory starts afresh.
    expect(store.record()?.failures).toBe(3);
    expect(pin.status().triesLeft).toBe(5);
  });

  it('does not claim a PIN it could not save', async () => {
    const { pin, store } = setup();
    vi.spyOn(store.port, 'save').mockImplementation(() => {
      throw new Error('disk full');
    });
    expect(await pin.setPin(PIN)).toMatchObject({ ok: false, reason: 'not-recorded', what: 'pin' });
    expect(pin.hasPin()).toBe(false);
  });

  it('keeps the old PIN when the new one could not be saved', async () => {
    const { pin, store } = await withPin();
    let calls = 0;
    vi.spyOn(store.port, 'save').mockImplementation((record) => {
      calls += 1;
      // The try is recorded, then its reset; the new PIN's write fails.
      if (calls > 2) throw new Error('disk full');
      store.data.staffPin = JSON.parse(JSON.stringify(record));
    });
    expect(await pin.changePin(PIN, OTHER)).toMatchObject({
      ok: false,
      reason: 'not-recorded',
      what: 'pin',
    });
    vi.restoreAllMocks();
    expect(await pin.verify(OTHER)).toEqual({ ok: false, reason: 'wrong-pin', triesLeft: 4 });
    expect(await pin.verify(PIN)).toEqual({ ok: true });
    expect(await restart(store).pin.verify(PIN)).toEqual({ ok: true });
  });
});
