import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { absentExtensions } from '../../../support/adminExtensions';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AdminErrorSchema,
  AdminStateSchema,
  AdminStatusSchema,
  ABOUT_TEXT_MAX_LENGTH,
  CRISIS_TEXT_MAX_LENGTH,
  DEFAULT_CLINIC,
  DEFAULT_SETTINGS,
  DELETED_MEDIA_KEPT_MS,
  IpcChannel,
  type AdminError,
  type AdminErrorCode,
  type AdminResult,
  type AdminState,
  type AdminStatus,
  type ContentReview,
  type EditableSettings,
  type LocalizedText,
  type Settings,
} from '../../../../contract';
import {
  ADMIN_SESSION_MS,
  RECENT_ENTRIES,
  createAdminService,
} from '../../../../electron/main/adminService';
import type { AdminHandler } from '../../../../electron/main/adminTools';
import {
  createMediaLibrary,
  HELD_FOLDER,
  type MediaLibrary,
} from '../../../../electron/main/mediaLibrary';
import { createPinFileStore } from '../../../../electron/main/pinFile';
import { createSetupBundles } from '../../../../electron/main/setupBundle/setupBundles';
import { createRecoveryLog, type RecoveryLog } from '../../../../electron/main/recoveryLog';
import {
  SettingsWriteError,
  openSettingsStore,
  type RecoveryNotice,
  type SettingsStore,
} from '../../../../electron/main/settingsStore';
import { describeAdminError } from '../../../../renderer/src/admin/adminErrors';
import { adminT } from './fixtures/adminWords';
import {
  FIRST_LOCK_MS,
  createStaffPin,
  type ScryptParams,
} from '../../../../electron/main/staffPin';
import { SETTINGS_FILE_NAME } from '../../../../electron/main/storeOptions';
import {
  createContentHistory,
  type ContentHistory,
} from '../../../../electron/main/contentHistory';

/** Cheap params so the suite stays fast. */
const FAST: ScryptParams = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 };
const PIN = '4829';
const NEW_PIN = '97531';
const WRONG_PIN = '0000';
const DECK_VERSION = '2.4.1';
const FIXED_NOW = new Date('2026-11-27T10:00:00.123Z');

const tempDirs: string[] = [];
function makeTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-admin-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  vi.useRealTimers();
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

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
type FakeClock = ReturnType<typeof fakeClock>;

/** A wall clock that moves one second per reading, so log entries have distinct times. */
function tickingWallClock() {
  let ms = FIXED_NOW.getTime();
  return () => {
    ms += 1000;
    return new Date(ms);
  };
}

interface SetupOptions {
  dir?: string;
  clock?: FakeClock;
  setupRequested?: boolean;
  settingsNotice?: RecoveryNotice | null;
  store?: SettingsStore;
  appVersion?: string;
  deckContentVersion?: string;
  /** Wraps the real changes log (to make it fail). */
  wrapChanges?: (log: RecoveryLog) => RecoveryLog;
  contentHistory?: ContentHistory;
  /** Wraps the real media library (to hold a call halfway). */
  wrapMedia?: (media: MediaLibrary) => MediaLibrary;
}

/** One "process": the real store, PIN file and logs over `dir`, with a fake monotonic clock. */
function setup(options: SetupOptions = {}) {
  const dir = options.dir ?? makeTempDir();
  const clock = options.clock ?? fakeClock();
  const wallClock = tickingWallClock();
  const store = options.store ?? openSettingsStore({ directory: dir, now: () => FIXED_NOW });
  const pin = createStaffPin({
    store: createPinFileStore(dir),
    monotonicNow: clock.now,
    scryptParams: FAST,
  });
  const recoveries = createRecoveryLog({ directory: dir, now: wallClock });
  const realChanges = createRecoveryLog({
    directory: dir,
    fileName: 'changes.log',
    now: wallClock,
  });
  const changes = options.wrapChanges ? options.wrapChanges(realChanges) : realChanges;
  const onSettingsSaved = vi.fn<(settings: Settings) => void>();
  const quit = vi.fn<() => void>();
  const notify = vi.fn<(channel: string, payload: unknown) => void>();
  const importFolder = path.join(dir, 'import');
  fs.mkdirSync(importFolder, { recursive: true });
  const mediaDirectory = path.join(dir, 'media');
  const realMedia = createMediaLibrary({
    mediaDirectory,
    sources: () => [{ label: 'Import folder', kind: 'import-folder', path: importFolder }],
  });
  const media = options.wrapMedia ? options.wrapMedia(realMedia) : realMedia;
  const bundles = createSetupBundles({
    directory: dir,
    mediaDirectory,
    store,
    appVersion: '1.0.0',
    now: () => FIXED_NOW,
  });
  const handlers = createAdminService({
    store,
    pin,
    recoveries,
    changes,
    appVersion: options.appVersion ?? '1.0.0',
    deckContentVersion: options.deckContentVersion ?? DECK_VERSION,
    setupRequested: options.setupRequested ?? false,
    settingsNotice: options.settingsNotice ?? null,
    safeMode: () => null,
    leaveSafeMode: () => undefined,
    extensions: absentExtensions,
    monotonicNow: clock.now,
    now: wallClock,
    onSettingsSaved,
    quit,
    media,
    bundles,
    notify,
    ...(options.contentHistory ? { contentHistory: options.contentHistory } : {}),
  });
  return {
    dir,
    clock,
    store,
    pin,
    recoveries,
    changes,
    onSettingsSaved,
    quit,
    handlers,
    notify,
    importFolder,
    mediaDirectory,
  };
}
type Harness = ReturnType<typeof setup>;

function handlerFor(handlers: Record<string, AdminHandler>, channel: string): AdminHandler {
  const handler = handlers[channel];
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler;
}

async function call<T = unknown>(
  h: Harness,
  channel: string,
  payload?: unknown,
): Promise<AdminResult<T>> {
  return (await handlerFor(h.handlers, channel)(payload)) as AdminResult<T>;
}

async function status(h: Harness): Promise<AdminStatus> {
  return AdminStatusSchema.parse(await handlerFor(h.handlers, IpcChannel.adminStatus)(undefined));
}

function valueOf<T>(result: AdminResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The error of a failed call, checked against the contract's error schema. */
function errorOf(result: AdminResult<unknown>, code: AdminErrorCode): AdminError {
  if (result.ok) throw new Error(`expected ${code}, got success`);
  const error = AdminErrorSchema.parse(result.error);
  expect(error.code).toBe(code);
  return error;
}

async function withPin(options: SetupOptions = {}) {
  const h = setup(options);
  valueOf(await call(h, IpcChannel.adminSetFirstPin, { pin: PIN }));
  return h;
}

async function unlocked(options: SetupOptions = {}) {
  const h = await withPin(options);
  valueOf(await call(h, IpcChannel.adminUnlock, { pin: PIN }));
  return h;
}

async function getState(h: Harness): Promise<AdminState> {
  return AdminStateSchema.parse(valueOf(await call(h, IpcChannel.adminGetState)));
}

function editable(settings: Settings): EditableSettings {
  return {
    idleTimeoutSeconds: settings.idleTimeoutSeconds,
    defaultLanguage: settings.defaultLanguage,
    transition: settings.transition,
    showProgressBar: settings.showProgressBar,
    readingWordsPerMinute: settings.readingWordsPerMinute,
    mode: settings.mode,
    nightlyRestartHour: settings.nightlyRestartHour,
    playLogRetentionDays: settings.playLogRetentionDays,
    clinic: settings.clinic,
    playlists: settings.playlists,
    defaultPlaylistId: settings.defaultPlaylistId,
    customSlides: settings.customSlides,
    schedule: settings.schedule,
  };
}

const settingsFile = (h: Harness) => path.join(h.dir, SETTINGS_FILE_NAME);
const readSettingsBytes = (h: Harness) => fs.readFileSync(settingsFile(h), 'utf8');
const reopen = (dir: string) => openSettingsStore({ directory: dir, now: () => FIXED_NOW });

const REVIEW = { language: 'en', reviewer: 'Dr. Ada Lovelace', reviewedOn: '2026-11-20' } as const;

/** A valid payload for every call that needs an open session. */
const GUARDED_CALLS: [string, unknown][] = [
  [IpcChannel.adminKeepAlive, undefined],
  [IpcChannel.adminGetState, undefined],
  [
    IpcChannel.adminSaveSettings,
    { settings: { ...editable(DEFAULT_SETTINGS), idleTimeoutSeconds: 90 } },
  ],
  [IpcChannel.adminRecordReview, REVIEW],
  [IpcChannel.adminChangePin, { current: PIN, next: NEW_PIN }],
  [IpcChannel.adminQuitKiosk, undefined],
  [IpcChannel.adminMediaSources, undefined],
  [IpcChannel.adminMediaBrowse, { token: 'a'.repeat(32) }],
  [IpcChannel.adminMediaImport, { token: 'a'.repeat(32) }],
  [IpcChannel.adminMediaLibrary, undefined],
  [IpcChannel.adminMediaDelete, { file: `${'b'.repeat(64)}.png` }],
  [IpcChannel.adminMediaRestore, { file: `${'b'.repeat(64)}.png` }],
  [IpcChannel.adminSetupExport, { token: 'a'.repeat(32) }],
  [IpcChannel.adminSetupImport, { token: 'a'.repeat(32) }],
  [IpcChannel.adminSetupRestore, undefined],
];

/** After a refused guarded call: no settings written, no PIN changed, no quit, no change logged. */
async function expectNothingHappened(h: Harness, settingsBefore: string) {
  expect(readSettingsBytes(h)).toBe(settingsBefore);
  expect(h.onSettingsSaved).not.toHaveBeenCalled();
  // A quit is answered first and carried out 50 ms later (on the fake clock these tests run on).
  vi.advanceTimersByTime(1000);
  expect(h.quit).not.toHaveBeenCalled();
  expect(h.changes.recent(50).map((entry) => entry.event)).toEqual(['pin-set']);
  // The PIN is still the old one.
  expect(await h.pin.verify(PIN)).toEqual({ ok: true });
}

describe('admin status and the first PIN', () => {
  it.each([true, false])('reports no PIN, echoing setupRequested = %s', async (setupRequested) => {
    const h = setup({ setupRequested });
    expect(await status(h)).toEqual({
      hasPin: false,
      retryInMs: 0,
      triesLeft: 0,
      damage: null,
      setupRequested,
    });
  });

  it('answers no-pin to an unlock before any PIN is set', async () => {
    const h = setup();
    errorOf(await call(h, IpcChannel.adminUnlock, { pin: PIN }), 'no-pin');
  });

  it('sets the first PIN once, hashed in its own file, and logs it', async () => {
    const h = setup({ setupRequested: true });
    const result = await call<AdminStatus>(h, IpcChannel.adminSetFirstPin, { pin: PIN });
    expect(valueOf(result)).toEqual({
      hasPin: true,
      retryInMs: 0,
      triesLeft: 5,
      damage: null,
      setupRequested: true,
    });
    const file = fs.readFileSync(path.join(h.dir, 'staff-pin.json'), 'utf8');
    expect(file).not.toContain(PIN);
    expect(JSON.parse(file)).toMatchObject({ version: 1, failures: 0, lockRemainingMs: 0 });
    expect(h.changes.recent(10)).toEqual([
      { at: expect.any(String), event: 'pin-set', detail: '' },
    ]);

    // A second first PIN is refused and the first one still opens the admin.
    errorOf(await call(h, IpcChannel.adminSetFirstPin, { pin: NEW_PIN }), 'pin-exists');
    errorOf(await call(h, IpcChannel.adminUnlock, { pin: NEW_PIN }), 'wrong-pin');
    valueOf(await call(h, IpcChannel.adminUnlock, { pin: PIN }));
    expect(h.changes.recent(10)).toHaveLength(1);
  });

  it('does not open a session by setting the first PIN', async () => {
    const h = await withPin();
    errorOf(await call(h, IpcChannel.adminGetState), 'not-unlocked');
  });

  it.each([
    ['too short', { pin: '12' }],
    ['too long', { pin: '123456789' }],
    ['letters', { pin: 'abcd' }],
    ['a number', { pin: 1234 }],
    ['an extra key', { pin: '1234', extra: 1 }],
    ['a bare string', '1234'],
    ['nothing', undefined],
    ['null', null],
  ])('refuses a first PIN given as %s and sets nothing', async (_label, payload) => {
    const h = setup();
    const error = errorOf(await call(h, IpcChannel.adminSetFirstPin, payload), 'invalid-request');
    expect(error.message).toMatch(/^request refused: /);
    expect((await status(h)).hasPin).toBe(false);
    expect(fs.existsSync(path.join(h.dir, 'staff-pin.json'))).toBe(false);
    expect(h.changes.recent(10)).toEqual([]);
  });

  it.each([
    ['too short', { pin: '12' }],
    ['a number', { pin: 1234 }],
    ['an extra key', { pin: PIN, extra: 1 }],
  ])('refuses an unlock given as %s without counting a wrong try', async (_label, payload) => {
    const h = await withPin();
    errorOf(await call(h, IpcChannel.adminUnlock, payload), 'invalid-request');
    expect((await status(h)).triesLeft).toBe(5);
    errorOf(await call(h, IpcChannel.adminGetState), 'not-unlocked');
  });
});

describe('the admin session', () => {
  // Refused calls must not leave a quit waiting on a timer: fake timers let the test run it.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
  });

  it.each(GUARDED_CALLS)('%s answers not-unlocked before any unlock', async (channel, payload) => {
    const h = await withPin();
    const before = readSettingsBytes(h);
    errorOf(await call(h, channel, payload), 'not-unlocked');
    await expectNothingHappened(h, before);
  });

  it.each(GUARDED_CALLS)('%s answers not-unlocked after admin:lock', async (channel, payload) => {
    const h = await unlocked();
    const before = readSettingsBytes(h);
    expect(await handlerFor(h.handlers, IpcChannel.adminLock)(undefined)).toBeNull();
    errorOf(await call(h, channel, payload), 'not-unlocked');
    await expectNothingHappened(h, before);
  });

  it.each(GUARDED_CALLS)(
    '%s answers not-unlocked once the session has expired',
    async (channel, payload) => {
      const h = await unlocked();
      const before = readSettingsBytes(h);
      h.clock.advance(ADMIN_SESSION_MS);
      errorOf(await call(h, channel, payload), 'not-unlocked');
      await expectNothingHappened(h, before);
    },
  );

  it('checks the session before the payload (a locked admin says nothing about the data)', async () => {
    const h = await withPin();
    errorOf(await call(h, IpcChannel.adminSaveSettings, { nonsense: true }), 'not-unlocked');
  });

  it('stays open until ADMIN_SESSION_MS after the unlock', async () => {
    const h = await unlocked();
    h.clock.advance(ADMIN_SESSION_MS - 1);
    expect(valueOf(await call(h, IpcChannel.adminKeepAlive))).toBeNull();
  });

  it('is extended by every guarded call', async () => {
    const h = await unlocked();
    h.clock.advance(ADMIN_SESSION_MS - 1000);
    valueOf(await call(h, IpcChannel.adminKeepAlive));
    h.clock.advance(ADMIN_SESSION_MS - 1000); // past the unlock's own expiry
    await getState(h);
    h.clock.advance(ADMIN_SESSION_MS - 1000);
    valueOf(
      await call(h, IpcChannel.adminSaveSettings, {
        settings: { ...editable(DEFAULT_SETTINGS), idleTimeoutSeconds: 45 },
      }),
    );
    h.clock.advance(ADMIN_SESSION_MS - 1000);
    valueOf(await call(h, IpcChannel.adminRecordReview, REVIEW));
    h.clock.advance(ADMIN_SESSION_MS - 1000);
    valueOf(await call(h, IpcChannel.adminChangePin, { current: PIN, next: NEW_PIN }));
    h.clock.advance(ADMIN_SESSION_MS - 1000);
    valueOf(await call(h, IpcChannel.adminKeepAlive));
    h.clock.advance(ADMIN_SESSION_MS);
    errorOf(await call(h, IpcChannel.adminKeepAlive), 'not-unlocked');
  });

  it('refuses data on calls that take none, without extending the session', async () => {
    const h = await unlocked();
    h.clock.advance(ADMIN_SESSION_MS - 1000);
    errorOf(await call(h, IpcChannel.adminKeepAlive, { please: 'extend' }), 'invalid-request');
    errorOf(await call(h, IpcChannel.adminGetState, 'x'), 'invalid-request');
    expect(valueOf(await call(h, IpcChannel.adminKeepAlive, null))).toBeNull();
    h.clock.advance(ADMIN_SESSION_MS - 1);
    expect(valueOf(await call(h, IpcChannel.adminKeepAlive))).toBeNull();
  });

  it('does not survive a restart of the service', async () => {
    const first = await unlocked();
    const second = setup({ dir: first.dir });
    errorOf(await call(second, IpcChannel.adminGetState), 'not-unlocked');
  });

  it('answers the unlock with the admin state', async () => {
    const h = await withPin();
    const state = AdminStateSchema.parse(
      valueOf(await call(h, IpcChannel.adminUnlock, { pin: PIN })),
    );
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(state.deckContentVersion).toBe(DECK_VERSION);
  });
});

describe('unlock and the lockout', () => {
  async function lockOut(h: Harness) {
    for (const triesLeft of [4, 3, 2, 1]) {
      const error = errorOf(await call(h, IpcChannel.adminUnlock, { pin: WRONG_PIN }), 'wrong-pin');
      expect(error.triesLeft).toBe(triesLeft);
    }
    const locked = errorOf(await call(h, IpcChannel.adminUnlock, { pin: WRONG_PIN }), 'locked');
    expect(locked.retryInMs).toBe(FIRST_LOCK_MS);
    expect(FIRST_LOCK_MS).toBe(30_000);
  }

  it('counts wrong PINs down, locks for 30 s, refuses even the right PIN, then opens', async () => {
    const h = await withPin();
    await lockOut(h);
    expect(await status(h)).toMatchObject({ hasPin: true, retryInMs: 30_000, triesLeft: 0 });

    h.clock.advance(10_000);
    const stillLocked = errorOf(await call(h, IpcChannel.adminUnlock, { pin: PIN }), 'locked');
    expect(stillLocked.retryInMs).toBe(20_000);
    errorOf(await call(h, IpcChannel.adminGetState), 'not-unlocked');

    h.clock.advance(20_000);
    expect((await status(h)).retryInMs).toBe(0);
    valueOf(await call(h, IpcChannel.adminUnlock, { pin: PIN }));
    await getState(h);
    // A correct PIN resets the count.
    expect((await status(h)).triesLeft).toBe(5);
  });

  it('keeps the lockout when the service is re-created over the same folder', async () => {
    const first = await withPin();
    await lockOut(first);

    // A new process: a fresh monotonic clock from 0, a new StaffPin over the same pin file.
    const second = setup({ dir: first.dir });
    expect(await status(second)).toMatchObject({ hasPin: true, retryInMs: 30_000, triesLeft: 0 });
    errorOf(await call(second, IpcChannel.adminUnlock, { pin: PIN }), 'locked');
    second.clock.advance(29_999);
    errorOf(await call(second, IpcChannel.adminUnlock, { pin: PIN }), 'locked');
    second.clock.advance(1);
    valueOf(await call(second, IpcChannel.adminUnlock, { pin: PIN }));
    await getState(second);
  });
});

/**
 * Three lines that, typed one per line as the Clinic details screen shows them, are `length`
 * characters long in `language` (English is always there; Spanish is short unless measured).
 */
function threeLines(language: 'en' | 'es', length: number): LocalizedText[] {
  const each = Math.floor((length - 2) / 3);
  const sizes = [each, each, length - 2 - 2 * each];
  return sizes.map((size) =>
    language === 'en' ? { en: 'a'.repeat(size), es: 'b' } : { en: 'a', es: 'b'.repeat(size) },
  );
}

describe('save-settings', () => {
  const edited: EditableSettings = {
    ...editable(DEFAULT_SETTINGS),
    idleTimeoutSeconds: 120,
    clinic: { ...DEFAULT_CLINIC, phone: '555-0100' },
  };
  const withClinic = (clinic: Partial<EditableSettings['clinic']>) => ({
    settings: { ...edited, clinic: { ...edited.clinic, ...clinic } },
  });

  it('saves to disk, tells the player and logs the changed fields', async () => {
    const h = await unlocked();
    const state = AdminStateSchema.parse(
      valueOf(await call(h, IpcChannel.adminSaveSettings, { settings: edited })),
    );
    const expected: Settings = { ...DEFAULT_SETTINGS, ...edited };
    expect(state.settings).toEqual(expected);
    expect(h.store.settings).toEqual(expected);
    expect(reopen(h.dir).settings).toEqual(expected);
    expect(h.onSettingsSaved).toHaveBeenCalledTimes(1);
    expect(h.onSettingsSaved).toHaveBeenCalledWith(expected);

    const change = {
      at: expect.any(String),
      event: 'settings',
      detail: 'idleTimeoutSeconds, clinic.phone',
    };
    expect(h.changes.recent(1)).toEqual([change]);
    expect(state.changes[0]).toEqual(change);
    expect((await getState(h)).changes.map((entry) => entry.event)).toEqual([
      'settings',
      'pin-set',
    ]);
  });

  it('keeps the display ids and the reviews, which the request cannot carry', async () => {
    const dir = makeTempDir();
    const review: ContentReview = { ...REVIEW, contentVersion: '1.0.0' };
    const before: Settings = {
      ...DEFAULT_SETTINGS,
      audienceDisplayId: 7,
      presenterDisplayId: 9,
      contentReviews: [review],
    };
    openSettingsStore({ directory: dir, now: () => FIXED_NOW }).save(before);
    const h = await unlocked({ dir });

    for (const extra of [
      { audienceDisplayId: 1 },
      { presenterDisplayId: 2 },
      { contentReviews: [] },
    ]) {
      errorOf(
        await call(h, IpcChannel.adminSaveSettings, { settings: { ...edited, ...extra } }),
        'invalid-request',
      );
    }
    valueOf(await call(h, IpcChannel.adminSaveSettings, { settings: edited }));
    const saved = reopen(dir).settings;
    expect(saved).toEqual({ ...before, ...edited });
    expect(saved.audienceDisplayId).toBe(7);
    expect(saved.presenterDisplayId).toBe(9);
    expect(saved.contentReviews).toEqual([review]);
  });

  it('names what main refused for the admin to say in staff words, from the request and the store', async () => {
    const h = await unlocked();
    const [playlist] = edited.playlists;
    const blankName = errorOf(
      await call(h, IpcChannel.adminSaveSettings, {
        settings: { ...edited, playlists: [{ ...playlist!, name: ' ' }] },
      }),
      'invalid-request',
    );
    expect(blankName.problem).toBe('playlist-name');
    const nothingOn = errorOf(
      await call(h, IpcChannel.adminSaveSettings, {
        settings: {
          ...edited,
          playlists: [
            { ...playlist!, entries: playlist!.entries.map((e) => ({ ...e, enabled: false })) },
          ],
        },
      }),
      'invalid-request',
    );
    expect(nothingOn.problem).toBe('nothing-plays');
    const shortName = errorOf(
      await call(h, IpcChannel.adminRecordReview, {
        language: 'en',
        reviewer: 'A',
        reviewedOn: '2026-03-02',
      }),
      'invalid-request',
    );
    expect(shortName.problem).toBe('review-reviewer');
  });

  it.each([
    ['an idle timeout of 5 s', { settings: { ...edited, idleTimeoutSeconds: 5 } }],
    ['an unknown key in the settings', { settings: { ...edited, kioskPassword: 'x' } }],
    ['an unknown key beside the settings', { settings: edited, force: true }],
    [
      'a javascript: web address',
      { settings: { ...edited, clinic: { ...edited.clinic, webAddress: 'javascript:alert(1)' } } },
    ],
    ['a blank clinic name', { settings: { ...edited, clinic: { ...edited.clinic, name: '  ' } } }],
    [
      'an about text one character longer than the field takes, in English',
      withClinic({ about: threeLines('en', ABOUT_TEXT_MAX_LENGTH + 1) }),
    ],
    [
      'an about text one character longer than the field takes, in Spanish',
      withClinic({ about: threeLines('es', ABOUT_TEXT_MAX_LENGTH + 1) }),
    ],
    [
      'a crisis line one character longer than the field takes, in English',
      withClinic({ crisisLines: threeLines('en', CRISIS_TEXT_MAX_LENGTH + 1) }),
    ],
    [
      'a crisis line one character longer than the field takes, in Spanish',
      withClinic({ crisisLines: threeLines('es', CRISIS_TEXT_MAX_LENGTH + 1) }),
    ],
    ['a missing field', { settings: { ...edited, mode: undefined } }],
    ['a whole Settings object', { settings: DEFAULT_SETTINGS }],
    ['no settings at all', {}],
    ['nothing', undefined],
  ])('refuses %s and leaves the file unchanged', async (_label, payload) => {
    const h = await unlocked();
    const before = readSettingsBytes(h);
    errorOf(await call(h, IpcChannel.adminSaveSettings, payload), 'invalid-request');
    expect(readSettingsBytes(h)).toBe(before);
    expect(reopen(h.dir).settings).toEqual(DEFAULT_SETTINGS);
    expect(h.store.settings).toEqual(DEFAULT_SETTINGS);
    expect(h.onSettingsSaved).not.toHaveBeenCalled();
    expect(h.changes.recent(10).map((entry) => entry.event)).toEqual(['pin-set']);
  });

  it('takes the about text and the crisis line as long as their fields take', async () => {
    const h = await unlocked();
    const clinic = {
      about: threeLines('es', ABOUT_TEXT_MAX_LENGTH),
      crisisLines: threeLines('en', CRISIS_TEXT_MAX_LENGTH),
    };
    valueOf(await call(h, IpcChannel.adminSaveSettings, withClinic(clinic)));
    expect(reopen(h.dir).settings.clinic).toMatchObject(clinic);
  });

  it('appends no change and tells nobody when nothing changed', async () => {
    const h = await unlocked();
    const before = readSettingsBytes(h);
    const state = AdminStateSchema.parse(
      valueOf(
        await call(h, IpcChannel.adminSaveSettings, { settings: editable(DEFAULT_SETTINGS) }),
      ),
    );
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(readSettingsBytes(h)).toBe(before);
    expect(h.onSettingsSaved).not.toHaveBeenCalled();
    expect(h.changes.recent(10).map((entry) => entry.event)).toEqual(['pin-set']);
  });

  it('answers save-failed with why (disk full), and the sentence staff see says nothing changed', async () => {
    const dir = makeTempDir();
    const real = openSettingsStore({ directory: dir, now: () => FIXED_NOW });
    const failing: SettingsStore = {
      get settings() {
        return real.settings;
      },
      recovery: real.recovery,
      migratedFrom: real.migratedFrom,
      path: real.path,
      save() {
        throw new SettingsWriteError(
          'the settings could not be written, nothing was changed',
          Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
        );
      },
    };
    const h = await unlocked({ dir, store: failing });
    const error = errorOf(
      await call(h, IpcChannel.adminSaveSettings, { settings: edited }),
      'save-failed',
    );
    expect(error.cause).toBe('disk-full');
    expect(describeAdminError(adminT('en'), error)).toBe(
      'The kiosk could not save because the disk is full. Nothing was changed.',
    );
    expect(describeAdminError(adminT('es'), error)).toBe(
      'El quiosco no pudo guardar porque el disco está lleno. No se cambió nada.',
    );
    // The service still answers.
    await getState(h);
  });

  it('answers save-failed when the write fails, and logs nothing', async () => {
    const dir = makeTempDir();
    const real = openSettingsStore({ directory: dir, now: () => FIXED_NOW });
    const failing: SettingsStore = {
      get settings() {
        return real.settings;
      },
      recovery: real.recovery,
      migratedFrom: real.migratedFrom,
      path: real.path,
      save() {
        throw new Error('ENOSPC: no space left on device');
      },
    };
    const h = await unlocked({ dir, store: failing });
    const error = errorOf(
      await call(h, IpcChannel.adminSaveSettings, { settings: edited }),
      'save-failed',
    );
    expect(error.message).toMatch(/ENOSPC/);
    expect(h.onSettingsSaved).not.toHaveBeenCalled();
    expect(h.changes.recent(10).map((entry) => entry.event)).toEqual(['pin-set']);
    expect(reopen(dir).settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the content history', () => {
  it('keeps what the kiosk shows at start and after each change to it', async () => {
    const dir = makeTempDir();
    let now = new Date('2026-03-01T08:00:00Z');
    const history = createContentHistory({
      directory: dir,
      deck: { contentVersion: DECK_VERSION },
      now: () => now,
    });
    const h = await unlocked({ dir, contentHistory: history });
    now = new Date('2026-03-02T08:00:00Z');
    const clinic = { ...DEFAULT_SETTINGS.clinic, crisisLines: [{ en: 'Call 000.' }] };
    valueOf(
      await call(h, IpcChannel.adminSaveSettings, {
        settings: { ...editable(DEFAULT_SETTINGS), clinic },
      }),
    );
    const shown = history.shownBetween(new Date(0), now);
    expect(shown.map((entry) => entry.from)).toEqual([
      '2026-03-01T08:00:00.000Z',
      '2026-03-02T08:00:00.000Z',
    ]);
    expect(history.read(shown[0]!.clinic)).toEqual(DEFAULT_SETTINGS.clinic);
    expect(history.read(shown[1]!.clinic)).toEqual(clinic);
  });

  it('never turns a saved change into an error when it cannot be kept', async () => {
    const failing: ContentHistory = {
      record: () => {
        throw new Error('EROFS: read-only file system');
      },
      shownBetween: () => [],
      read: () => null,
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const h = await unlocked({ contentHistory: failing });
    const saved = await call(h, IpcChannel.adminSaveSettings, {
      settings: { ...editable(DEFAULT_SETTINGS), idleTimeoutSeconds: 90 },
    });
    expect(saved.ok).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/content history.*EROFS/));
    warn.mockRestore();
  });
});

describe('record-review', () => {
  it('stamps the deck content version and the crisis line, saves the review and shows it', async () => {
    const h = await unlocked();
    const state = AdminStateSchema.parse(
      valueOf(await call(h, IpcChannel.adminRecordReview, REVIEW)),
    );
    const crisisLines = DEFAULT_SETTINGS.clinic.crisisLines;
    const record: ContentReview = { ...REVIEW, contentVersion: DECK_VERSION, crisisLines };
    expect(state.settings.contentReviews).toEqual([record]);
    expect((await getState(h)).settings.contentReviews).toEqual([record]);
    expect(reopen(h.dir).settings.contentReviews).toEqual([record]);
    expect(h.onSettingsSaved).toHaveBeenCalledWith({
      ...DEFAULT_SETTINGS,
      contentReviews: [record],
    });
    expect(h.changes.recent(1)).toEqual([
      { at: expect.any(String), event: 'review', detail: `en ${DECK_VERSION}` },
    ]);

    // A second review goes after the first.
    const spanish = { language: 'es', reviewer: 'Dra. Rosa Parks', reviewedOn: '2026-11-21' };
    const next = AdminStateSchema.parse(
      valueOf(await call(h, IpcChannel.adminRecordReview, spanish)),
    );
    expect(next.settings.contentReviews).toEqual([
      record,
      { ...spanish, contentVersion: DECK_VERSION, crisisLines },
    ]);
  });

  it('keeps only the newest 40 reviews', async () => {
    const dir = makeTempDir();
    const old: ContentReview[] = Array.from({ length: 40 }, (_, index) => ({
      language: 'en',
      contentVersion: '1.0.0',
      reviewer: `Reviewer ${index}`,
      reviewedOn: '2025-01-01',
    }));
    openSettingsStore({ directory: dir, now: () => FIXED_NOW }).save({
      ...DEFAULT_SETTINGS,
      contentReviews: old,
    });
    const h = await unlocked({ dir });
    valueOf(await call(h, IpcChannel.adminRecordReview, REVIEW));
    const reviews = reopen(dir).settings.contentReviews;
    expect(reviews).toHaveLength(40);
    expect(reviews[0]?.reviewer).toBe('Reviewer 1');
    expect(reviews[39]).toEqual({
      ...REVIEW,
      contentVersion: DECK_VERSION,
      crisisLines: DEFAULT_SETTINGS.clinic.crisisLines,
    });
  });

  it.each([
    ['an empty reviewer', { ...REVIEW, reviewer: '' }],
    ['a blank reviewer', { ...REVIEW, reviewer: '   ' }],
    ['a one-letter reviewer', { ...REVIEW, reviewer: 'A' }],
    ['an impossible date', { ...REVIEW, reviewedOn: '2026-02-30' }],
    ['a date with a time', { ...REVIEW, reviewedOn: '2026-11-20T10:00:00Z' }],
    ['an unknown language', { ...REVIEW, language: 'fr' }],
    ['a content version (main sets it)', { ...REVIEW, contentVersion: '9.9.9' }],
    ['nothing', undefined],
  ])('refuses %s and saves nothing', async (_label, payload) => {
    const h = await unlocked();
    const before = readSettingsBytes(h);
    errorOf(await call(h, IpcChannel.adminRecordReview, payload), 'invalid-request');
    expect(readSettingsBytes(h)).toBe(before);
    expect(h.onSettingsSaved).not.toHaveBeenCalled();
    expect((await getState(h)).settings.contentReviews).toEqual([]);
  });
});

describe('change-pin', () => {
  it('refuses a wrong current PIN as a counted wrong try', async () => {
    const h = await unlocked();
    const error = errorOf(
      await call(h, IpcChannel.adminChangePin, { current: WRONG_PIN, next: NEW_PIN }),
      'wrong-pin',
    );
    expect(error.triesLeft).toBe(4);
    expect((await status(h)).triesLeft).toBe(4);
    await handlerFor(h.handlers, IpcChannel.adminLock)(undefined);
    errorOf(await call(h, IpcChannel.adminUnlock, { pin: NEW_PIN }), 'wrong-pin');
    valueOf(await call(h, IpcChannel.adminUnlock, { pin: PIN }));
    expect((await getState(h)).changes.map((entry) => entry.event)).toEqual(['pin-set']);
  });

  it('changes the PIN: the old one no longer unlocks, the new one does', async () => {
    const h = await unlocked();
    expect(
      valueOf(await call(h, IpcChannel.adminChangePin, { current: PIN, next: NEW_PIN })),
    ).toBeNull();
    const changes = (await getState(h)).changes;
    expect(changes[0]).toEqual({ at: expect.any(String), event: 'pin-changed', detail: '' });
    expect(changes.map((entry) => entry.event)).toEqual(['pin-changed', 'pin-set']);

    await handlerFor(h.handlers, IpcChannel.adminLock)(undefined);
    errorOf(await call(h, IpcChannel.adminUnlock, { pin: PIN }), 'wrong-pin');
    valueOf(await call(h, IpcChannel.adminUnlock, { pin: NEW_PIN }));

    // And a new process over the same folder agrees.
    const restarted = setup({ dir: h.dir });
    errorOf(await call(restarted, IpcChannel.adminUnlock, { pin: PIN }), 'wrong-pin');
    valueOf(await call(restarted, IpcChannel.adminUnlock, { pin: NEW_PIN }));
  });

  it.each([
    ['a bad new PIN', { current: PIN, next: '12' }],
    ['a number', { current: PIN, next: 97531 }],
    ['a missing current PIN', { next: NEW_PIN }],
    ['an extra key', { current: PIN, next: NEW_PIN, confirm: NEW_PIN }],
  ])('refuses %s before any try', async (_label, payload) => {
    const h = await unlocked();
    errorOf(await call(h, IpcChannel.adminChangePin, payload), 'invalid-request');
    expect((await status(h)).triesLeft).toBe(5);
    expect(await h.pin.verify(PIN)).toEqual({ ok: true });
  });

  it('shares the lockout with the unlock', async () => {
    const h = await unlocked();
    for (const triesLeft of [4, 3, 2, 1]) {
      const error = errorOf(
        await call(h, IpcChannel.adminChangePin, { current: WRONG_PIN, next: NEW_PIN }),
        'wrong-pin',
      );
      expect(error.triesLeft).toBe(triesLeft);
    }
    const locked = errorOf(
      await call(h, IpcChannel.adminChangePin, { current: WRONG_PIN, next: NEW_PIN }),
      'locked',
    );
    expect(locked.retryInMs).toBe(FIRST_LOCK_MS);
    // Even the right current PIN waits, and so does the unlock.
    errorOf(await call(h, IpcChannel.adminChangePin, { current: PIN, next: NEW_PIN }), 'locked');
    await handlerFor(h.handlers, IpcChannel.adminLock)(undefined);
    errorOf(await call(h, IpcChannel.adminUnlock, { pin: PIN }), 'locked');
  });
});

describe('get-state', () => {
  it('lists recoveries and changes newest first, at most RECENT_ENTRIES', async () => {
    const h = await unlocked();
    h.recoveries.append('renderer-gone', 'crashed (exit code 1)');
    h.recoveries.append('unresponsive', 'the page stopped responding');
    let state = await getState(h);
    expect(state.recoveries).toEqual([
      { at: expect.any(String), event: 'unresponsive', detail: 'the page stopped responding' },
      { at: expect.any(String), event: 'renderer-gone', detail: 'crashed (exit code 1)' },
    ]);
    expect(Date.parse(state.recoveries[0]!.at)).toBeGreaterThan(
      Date.parse(state.recoveries[1]!.at),
    );

    for (let index = 0; index < 30; index += 1) h.recoveries.append('slide-skipped', `#${index}`);
    state = await getState(h);
    expect(state.recoveries).toHaveLength(RECENT_ENTRIES);
    expect(state.recoveries[0]?.detail).toBe('#29');
  });

  it('shows the notice when the store was opened over a corrupt settings.json', async () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, SETTINGS_FILE_NAME), '{"version": 2, "settings": {"idle');
    const store = openSettingsStore({ directory: dir, now: () => FIXED_NOW });
    expect(store.recovery).not.toBeNull();
    const h = await unlocked({ dir, store, settingsNotice: store.recovery });
    const state = await getState(h);
    expect(state.settingsNotice).toEqual({
      at: FIXED_NOW.toISOString(),
      restoredFrom: 'defaults',
      keptAs: 'settings.corrupt-2026-11-27T10-00-00Z.json',
      detail: expect.stringMatching(/not valid JSON/),
      notWritten: null,
    });
    // Only the file's name is shown, never the data folder's path.
    expect(JSON.stringify(state)).not.toContain(dir);
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('has no notice after a clean start', async () => {
    const h = await unlocked();
    expect((await getState(h)).settingsNotice).toBeNull();
  });

  it('reports the app and deck versions and the languages', async () => {
    const h = await unlocked({ appVersion: '3.1.4' });
    const state = await getState(h);
    expect(state.appVersion).toBe('3.1.4');
    expect(state.deckContentVersion).toBe(DECK_VERSION);
    expect(state.languages).toEqual(['en', 'es']);
  });

  it('cuts an over-long app version to 40 characters', async () => {
    const h = await unlocked({ appVersion: `1.0.0-${'x'.repeat(60)}` });
    expect((await getState(h)).appVersion).toHaveLength(40);
  });
});

describe('quit-kiosk', () => {
  it('answers first, then quits, logs it and closes the session', async () => {
    const h = await unlocked();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    expect(valueOf(await call(h, IpcChannel.adminQuitKiosk))).toBeNull();
    expect(h.quit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(h.quit).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
    expect(h.changes.recent(1)).toEqual([{ at: expect.any(String), event: 'quit', detail: '' }]);
    errorOf(await call(h, IpcChannel.adminKeepAlive), 'not-unlocked');
  });
});

/** The real changes log, except that writing `failing` events throws (a full or broken disk). */
function changesFailingOn(failing: string) {
  return (log: RecoveryLog): RecoveryLog => ({
    recent: (limit) => log.recent(limit),
    append(event, detail) {
      if (event === failing) throw new Error('EIO: i/o error, open changes.log');
      log.append(event, detail);
    },
  });
}

describe('when the changes log cannot be written', () => {
  // The record of changes is a courtesy: a failing log must not turn a done change into an
  // error (the settings are on disk, the PIN is changed), and the player must still be told.
  it('still answers with a result and tells the player about saved settings', async () => {
    const h = await unlocked({ wrapChanges: changesFailingOn('settings') });
    const settings = { ...editable(DEFAULT_SETTINGS), idleTimeoutSeconds: 77 };
    const outcome = call(h, IpcChannel.adminSaveSettings, { settings });
    await expect(outcome).resolves.toMatchObject({ ok: true });
    expect(reopen(h.dir).settings.idleTimeoutSeconds).toBe(77);
    expect(h.onSettingsSaved).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, ...settings });
  });

  it('still answers ok when the PIN was changed, and the new PIN is the one that works', async () => {
    const h = await unlocked({ wrapChanges: changesFailingOn('pin-changed') });
    const outcome = call(h, IpcChannel.adminChangePin, { current: PIN, next: NEW_PIN });
    await expect(outcome).resolves.toEqual({ ok: true, value: null });
    expect(await h.pin.verify(PIN)).toMatchObject({ ok: false, reason: 'wrong-pin' });
    expect(await h.pin.verify(NEW_PIN)).toEqual({ ok: true });
  });
});

/** A tiny valid PNG (1x1), built here so the media checks see a real, whole picture. */
function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** Picks `name` in the import folder through the picker calls, as the admin page does. */
async function pick(h: Harness, name: string): Promise<string> {
  const [source] = valueOf(
    await call<{ token: string; kind: string }[]>(h, IpcChannel.adminMediaSources),
  );
  const folder = valueOf(
    await call<{ entries: { name: string; token: string }[] }>(h, IpcChannel.adminMediaBrowse, {
      token: source!.token,
    }),
  );
  const entry = folder.entries.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} is not listed`);
  return entry.token;
}

describe('media and setup transfer', () => {
  it('imports a picked file with progress, logs it, and refuses settings naming absent media', async () => {
    const h = await unlocked();
    fs.writeFileSync(path.join(h.importFolder, 'photo.png'), tinyPng());
    const imported = valueOf(
      await call<{ file: string; kind: string }>(h, IpcChannel.adminMediaImport, {
        token: await pick(h, 'photo.png'),
      }),
    );
    expect(imported.kind).toBe('image');
    expect(fs.existsSync(path.join(h.mediaDirectory, imported.file))).toBe(true);
    expect(h.notify).toHaveBeenCalledWith(
      IpcChannel.adminImportProgress,
      expect.objectContaining({ totalBytes: tinyPng().length }),
    );
    expect(h.changes.recent(1)[0]).toMatchObject({ event: 'media-imported' });

    const slide = {
      id: 'custom-photo',
      kind: 'image' as const,
      title: { en: 'Photo' },
      description: { en: 'A photo.' },
      file: imported.file,
      sourceName: 'photo.png',
      durationSeconds: 10,
    };
    const base = editable(h.store.settings);
    valueOf(
      await call(h, IpcChannel.adminSaveSettings, {
        settings: { ...base, customSlides: [slide] },
      }),
    );
    const absent = `${'c'.repeat(64)}.png`;
    const refused = errorOf(
      await call(h, IpcChannel.adminSaveSettings, {
        settings: { ...base, customSlides: [{ ...slide, file: absent }] },
      }),
      'invalid-request',
    );
    expect(refused.message).toContain(absent);
    // For staff: which kind of refusal, so the admin says it in their words.
    expect(refused.problem).toBe('missing-media');

    // In use: kept. Unused once the slide is gone: deleted.
    const inUse = errorOf(
      await call(h, IpcChannel.adminMediaDelete, { file: imported.file }),
      'media-refused',
    );
    expect(inUse.problem).toBe('in-use');
    valueOf(await call(h, IpcChannel.adminSaveSettings, { settings: base }));
    expect(valueOf(await call(h, IpcChannel.adminMediaDelete, { file: imported.file }))).toEqual(
      [],
    );
  });

  it('a deleted file can be brought back until it is deleted for good a minute later', async () => {
    const h = await unlocked();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fs.writeFileSync(path.join(h.importFolder, 'poster.png'), tinyPng());
    const { file } = valueOf(
      await call<{ file: string }>(h, IpcChannel.adminMediaImport, {
        token: await pick(h, 'poster.png'),
      }),
    );
    const shown = () => fs.readdirSync(h.mediaDirectory).filter((name) => !name.startsWith('.'));
    expect(valueOf(await call(h, IpcChannel.adminMediaDelete, { file }))).toEqual([]);
    expect(shown()).toEqual([]);
    vi.advanceTimersByTime(DELETED_MEDIA_KEPT_MS - 1000);
    expect(valueOf(await call(h, IpcChannel.adminMediaRestore, { file }))).toEqual([
      expect.objectContaining({ file, sourceName: 'poster.png', usedBy: [] }),
    ]);
    expect(shown()).toEqual([file]);
    expect(h.changes.recent(2).map((entry) => [entry.event, entry.detail])).toEqual([
      ['media-restored', `poster.png as ${file}`],
      ['media-deleted', `poster.png as ${file}`],
    ]);

    // Deleted again: a full minute of its own (the first delete's end went with its Undo).
    valueOf(await call(h, IpcChannel.adminMediaDelete, { file }));
    vi.advanceTimersByTime(DELETED_MEDIA_KEPT_MS - 1000);
    valueOf(await call(h, IpcChannel.adminMediaRestore, { file }));
    // Not brought back: gone for good once the minute is over.
    valueOf(await call(h, IpcChannel.adminMediaDelete, { file }));
    await vi.advanceTimersByTimeAsync(DELETED_MEDIA_KEPT_MS);
    vi.useRealTimers();
    await vi.waitFor(() =>
      expect(fs.readdirSync(path.join(h.mediaDirectory, HELD_FOLDER))).toEqual([]),
    );
    expect(
      errorOf(await call(h, IpcChannel.adminMediaRestore, { file }), 'media-refused').problem,
    ).toBe('not-found');
  });

  it('a lock during a long import stays locked: neither progress nor the end reopens it', async () => {
    const h = await unlocked();
    fs.writeFileSync(path.join(h.importFolder, 'photo.png'), tinyPng());
    const importing = call(h, IpcChannel.adminMediaImport, { token: await pick(h, 'photo.png') });
    await handlerFor(h.handlers, IpcChannel.adminLock)(undefined);
    valueOf(await importing);
    errorOf(await call(h, IpcChannel.adminKeepAlive), 'not-unlocked');
    errorOf(await call(h, IpcChannel.adminGetState), 'not-unlocked');
  });

  it('refuses a file by its content with the problem named', async () => {
    const h = await unlocked();
    fs.writeFileSync(path.join(h.importFolder, 'poster.png'), '%PDF-1.4 not a picture');
    const error = errorOf(
      await call(h, IpcChannel.adminMediaImport, { token: await pick(h, 'poster.png') }),
      'media-refused',
    );
    expect(error.problem).toBe('unsupported-type');
    expect(fs.readdirSync(h.mediaDirectory).filter((name) => !name.startsWith('.'))).toEqual([]);
  });

  it('exports the setup into a picked folder, loads it back with a backup, and restores it', async () => {
    const h = await unlocked();
    const [source] = valueOf(await call<{ token: string }[]>(h, IpcChannel.adminMediaSources));
    const written = valueOf(
      await call<{ fileName: string }>(h, IpcChannel.adminSetupExport, { token: source!.token }),
    );
    expect(fs.existsSync(path.join(h.importFolder, written.fileName))).toBe(true);
    const base = editable(h.store.settings);
    valueOf(
      await call(h, IpcChannel.adminSaveSettings, {
        settings: { ...base, idleTimeoutSeconds: 300 },
      }),
    );
    h.onSettingsSaved.mockClear();

    const loaded = AdminStateSchema.parse(
      valueOf(
        await call(h, IpcChannel.adminSetupImport, { token: await pick(h, written.fileName) }),
      ),
    );
    expect(loaded.settings.idleTimeoutSeconds).toBe(DEFAULT_SETTINGS.idleTimeoutSeconds);
    expect(loaded.backup).toMatchObject({ reason: 'import', sourceName: written.fileName });
    expect(h.onSettingsSaved).toHaveBeenCalledTimes(1);

    const restored = AdminStateSchema.parse(valueOf(await call(h, IpcChannel.adminSetupRestore)));
    expect(restored.settings.idleTimeoutSeconds).toBe(300);
    expect(restored.backup).toMatchObject({ reason: 'restore' });
    expect(h.changes.recent(3).map((entry) => entry.event)).toEqual([
      'setup-restored',
      'setup-imported',
      'settings',
    ]);
  });

  it('a delete tapped during a setup import waits for it, and keeps what the import uses', async () => {
    const h = await unlocked();
    fs.writeFileSync(path.join(h.importFolder, 'photo.png'), tinyPng());
    const imported = valueOf(
      await call<{ file: string }>(h, IpcChannel.adminMediaImport, {
        token: await pick(h, 'photo.png'),
      }),
    );
    const base = editable(h.store.settings);
    const slide = {
      id: 'custom-photo',
      kind: 'image' as const,
      title: { en: 'Photo' },
      description: { en: 'A photo.' },
      file: imported.file,
      sourceName: 'photo.png',
      durationSeconds: 10,
    };
    valueOf(
      await call(h, IpcChannel.adminSaveSettings, { settings: { ...base, customSlides: [slide] } }),
    );
    const [source] = valueOf(await call<{ token: string }[]>(h, IpcChannel.adminMediaSources));
    const written = valueOf(
      await call<{ fileName: string }>(h, IpcChannel.adminSetupExport, { token: source!.token }),
    );
    // The slide is gone here, so the picture is unused... until the setup comes back.
    valueOf(await call(h, IpcChannel.adminSaveSettings, { settings: base }));
    const importing = call(h, IpcChannel.adminSetupImport, {
      token: await pick(h, written.fileName),
    });
    const deleting = call(h, IpcChannel.adminMediaDelete, { file: imported.file });
    valueOf(await importing);
    expect(errorOf(await deleting, 'media-refused').problem).toBe('in-use');
    expect(fs.existsSync(path.join(h.mediaDirectory, imported.file))).toBe(true);
    expect(h.store.settings.customSlides).toHaveLength(1);
  });

  it('a save naming a file that a delete is removing waits for the delete, and is refused', async () => {
    let inRemove: () => void = () => undefined;
    const removing = new Promise<void>((resolve) => (inRemove = resolve));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const h = await unlocked({
      // The delete is held after it decided the file was unused, before the file goes.
      wrapMedia: (media) => ({
        ...media,
        remove: async (file, users) => {
          inRemove();
          await held;
          return media.remove(file, users);
        },
      }),
    });
    fs.writeFileSync(path.join(h.importFolder, 'photo.png'), tinyPng());
    const imported = valueOf(
      await call<{ file: string }>(h, IpcChannel.adminMediaImport, {
        token: await pick(h, 'photo.png'),
      }),
    );
    const slide = {
      id: 'custom-photo',
      kind: 'image' as const,
      title: { en: 'Photo' },
      description: { en: 'A photo.' },
      file: imported.file,
      sourceName: 'photo.png',
      durationSeconds: 10,
    };
    const deleting = call(h, IpcChannel.adminMediaDelete, { file: imported.file });
    await removing;
    const saving = call(h, IpcChannel.adminSaveSettings, {
      settings: { ...editable(h.store.settings), customSlides: [slide] },
    });
    release();
    valueOf(await deleting);
    const refused = errorOf(await saving, 'invalid-request');
    expect(refused.message).toContain(imported.file);
    // No saved slide names a file that is gone, now or after a restart, and the setup exports.
    expect(fs.existsSync(path.join(h.mediaDirectory, imported.file))).toBe(false);
    expect(h.store.settings.customSlides).toEqual([]);
    expect(reopen(h.dir).settings.customSlides).toEqual([]);
    const [source] = valueOf(await call<{ token: string }[]>(h, IpcChannel.adminMediaSources));
    valueOf(await call(h, IpcChannel.adminSetupExport, { token: source!.token }));
  });

  it('answers a stale token plainly', async () => {
    const h = await unlocked();
    const error = errorOf(
      await call(h, IpcChannel.adminSetupImport, { token: 'f'.repeat(32) }),
      'media-refused',
    );
    expect(error.problem).toBe('not-found');
  });
});
