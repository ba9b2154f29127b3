/**
 * The staff admin, main-process side: PIN, admin session, settings saves, records. Plain Node
 * (no `electron` import) so the same code runs under the unit tests and behind the browser
 * tests' bridge. Every call takes an unchecked payload and answers with an `AdminResult`;
 * `createIpcHandlers` adds the sender check in front of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  AdminStateSchema,
  ChangePinRequestSchema,
  IpcChannel,
  LANGUAGES,
  PinRequestSchema,
  TokenRequestSchema,
  RecordReviewRequestSchema,
  SaveSettingsRequestSchema,
  SettingsSchema,
  type AdminResult,
  type AdminState,
  type AdminStatus,
  type CustomSlide,
  type FleetView,
  type PlayLogStatus,
  type EditableSettings,
  type PushChannel,
  type PushEvents,
  type Settings,
} from '../../contract';
import { mediaFilesOf } from '../../domain';
import type { ContentHistory } from './contentHistory';
import type { MediaLibrary } from './mediaLibrary';
import { mediaAdminHandlers } from './media/mediaAdmin';
import type { BundleResult, SetupBundles } from './setupBundle/setupBundles';
import type { z } from '../../contract/zod';
import { writeCauseOf } from './durableFile';
import type { RecoveryLog } from './recoveryLog';
import { changedFieldPaths } from './settingsChanges';
import { requestRefusal, settingsRefusal } from './settingsRefusal';
import { createTaskQueue, type TaskQueue } from './taskQueue';
import {
  fail,
  NoData,
  NOT_IN_A_FLEET,
  type AdminHandlers,
  type AdminTools,
  type ExtensionHandlers,
} from './adminTools';
import type { RecoveryNotice, SettingsStore } from './settingsStore';
import { InvalidSettingsError, SettingsWriteError } from './settingsStore';
import type { NotRecorded, StaffPin, VerifyResult } from './staffPin';

/** Main closes an admin session left without a call this long (the screen leaves after 2 min). */
export const ADMIN_SESSION_MS = 5 * 60_000;
export const RECENT_ENTRIES = 20;

export interface AdminServiceOptions {
  store: SettingsStore;
  pin: StaffPin;
  recoveries: RecoveryLog;
  changes: RecoveryLog;
  appVersion: string;
  deckContentVersion: string;
  setupRequested: boolean;
  settingsNotice: RecoveryNotice | null;
  /** Safe mode now (see faultHistory.ts), with when it ends by itself. */
  safeMode(): { since: string; reason: string; endsAt: string } | null;
  /** Staff end safe mode: the clinic's own slides come back. */
  leaveSafeMode(): void;
  monotonicNow(): number;
  now(): Date;
  /** After a save: tell the player (main sends the new config to every window). */
  onSettingsSaved(settings: Settings): void;
  quit(): void;
  /** The clinic's pictures and videos, and the picker over USB drives and the import folder. */
  media: MediaLibrary;
  /** Export and import of the whole setup, with the backup a restore brings back. */
  bundles: SetupBundles;
  /** main → the admin page, e.g. import progress. */
  notify<C extends PushChannel>(channel: C, payload: PushEvents[C]): void;
  /**
   * Keeps every version of what the kiosk shows (contentHistory.ts): the settings at start and
   * after every change. Optional so a harness without a data folder can leave it out.
   */
  contentHistory?: ContentHistory;
  /**
   * The queue every change to the settings or the media folder takes turns in; shared with the
   * fleet's switch to a published setup. Default: one of the admin's own.
   */
  queue?: TaskQueue;
  /** The play log's health, for Kiosk status. */
  playLogStatus?(): PlayLogStatus | null;
  /** This kiosk's place in the clinic's fleet. */
  fleetView?(): FleetView;
  /** The handlers of the admin's other parts (the play log's reports, the fleet). */
  extensions(tools: AdminTools): ExtensionHandlers;
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1500);
}

/** The PIN record could not be written: for a try, it was not checked; for a PIN, not saved. */
function notRecorded(result: NotRecorded) {
  const cause = writeCauseOf(result.error);
  return result.what === 'try'
    ? fail(
        'save-failed',
        `this PIN try could not be recorded, so it was not checked: ${errorText(result.error)}`,
        {
          problem: 'pin-try',
          cause,
          ...(result.retryInMs === undefined ? {} : { retryInMs: result.retryInMs }),
        },
      )
    : fail('save-failed', `the PIN could not be saved: ${errorText(result.error)}`, { cause });
}

function pinFailure(result: Exclude<VerifyResult, { ok: true }>) {
  switch (result.reason) {
    case 'not-recorded':
      return notRecorded(result);
    case 'wrong-pin':
      return fail('wrong-pin', 'wrong PIN', { triesLeft: result.triesLeft });
    case 'locked':
      return fail('locked', 'too many wrong tries', { retryInMs: Math.ceil(result.retryInMs) });
    case 'no-pin':
      return fail('no-pin', 'no staff PIN has been set');
  }
}

/** Which clinic slides use each media file: the current setup's and the backup's. */
export function mediaInUse(
  customSlides: readonly CustomSlide[],
  backupFiles: readonly string[],
): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const slide of customSlides) {
    for (const file of mediaFilesOf([slide]))
      users.set(file, [...(users.get(file) ?? []), slide.id]);
  }
  for (const file of backupFiles) {
    if (!users.has(file)) users.set(file, ['backup']);
  }
  return users;
}

function bundleFailure(result: Extract<BundleResult<unknown>, { ok: false }>) {
  return fail('setup-refused', result.message.slice(0, 2000), {
    problem: result.problem,
    ...(result.cause ? { cause: result.cause } : {}),
  });
}

export function createAdminService(options: AdminServiceOptions): AdminHandlers {
  const { store, pin, monotonicNow } = options;
  /** The record of changes is a courtesy: a failing log never turns a done change into an error. */
  const noteChange = (event: string, detail: string) => {
    try {
      options.changes.append(event, detail);
    } catch (error) {
      console.warn(`[admin] could not log the change "${event}": ${String(error)}`);
    }
  };
  /** Like the record of changes, the content history never turns a done change into an error. */
  const rememberShown = () => {
    try {
      options.contentHistory?.record(store.settings);
    } catch (error) {
      console.warn(`[admin] could not keep the content history: ${String(error)}`);
    }
  };
  // What the kiosk shows from this start on.
  rememberShown();
  let sessionUntil = -Infinity;
  /** Bumped by every lock: a long call that began before a lock must not reopen the admin. */
  let lockGeneration = 0;

  const sessionOpen = () => monotonicNow() < sessionUntil;
  const extendSession = () => {
    sessionUntil = monotonicNow() + ADMIN_SESSION_MS;
  };
  const lockSession = () => {
    sessionUntil = -Infinity;
    lockGeneration += 1;
  };
  /**
   * Everything that writes the settings or deletes media takes turns (saves, reviews, deletes,
   * exports, imports, restores): a delete decided against the settings of before a save or an
   * import must not remove a file the new settings use, and a save must not name a file a
   * delete is removing.
   */
  const inTurn = options.queue ?? createTaskQueue();
  /**
   * For long calls (imports, exports): progress and completion count as staff at work, but
   * only while nobody has locked the admin since the call began.
   */
  const keepWorking = () => {
    const generation = lockGeneration;
    return () => {
      if (generation === lockGeneration) extendSession();
    };
  };

  function status(): AdminStatus {
    const current = pin.status();
    return {
      hasPin: current.hasPin,
      retryInMs: Math.ceil(current.retryInMs),
      triesLeft: current.triesLeft,
      damage: current.damage,
      setupRequested: options.setupRequested,
    };
  }

  function state(): AdminState {
    const notice = options.settingsNotice;
    return AdminStateSchema.parse({
      settings: store.settings,
      appVersion: options.appVersion.slice(0, 40),
      deckContentVersion: options.deckContentVersion,
      recoveries: options.recoveries.recent(RECENT_ENTRIES),
      changes: options.changes.recent(RECENT_ENTRIES),
      settingsNotice: notice
        ? {
            at: notice.at,
            restoredFrom: notice.restoredFrom,
            keptAs: notice.keptAs ? path.basename(notice.keptAs) : null,
            detail: notice.detail,
            notWritten: notice.notWritten,
          }
        : null,
      languages: [...LANGUAGES],
      safeMode: options.safeMode(),
      playLog: options.playLogStatus?.() ?? null,
      fleet: options.fleetView?.() ?? NOT_IN_A_FLEET,
      backup: options.bundles.backupInfo(),
    });
  }

  const inUse = () => mediaInUse(store.settings.customSlides, options.bundles.backupMediaFiles());

  /** A slide may only name media files that are really in the kiosk's media folder. */
  function missingMedia(settings: Settings): string[] {
    return mediaFilesOf(settings.customSlides).filter((file) => {
      const where = options.media.pathOf(file);
      return !where || !fs.existsSync(where);
    });
  }

  /** After an import or a restore replaced the settings on disk. */
  function replaced(change: string, detail: string): AdminResult<AdminState> {
    noteChange(change, detail);
    rememberShown();
    options.onSettingsSaved(store.settings);
    return { ok: true, value: state() };
  }

  function save(next: Settings, change: string, fields: string[]): AdminResult<AdminState> {
    try {
      store.save(next);
    } catch (error) {
      if (error instanceof InvalidSettingsError) {
        return fail('invalid-request', error.issues.join('; ').slice(0, 2000), {
          problem: settingsRefusal(error.found).slice(0, 40),
        });
      }
      const cause = error instanceof SettingsWriteError ? error.writeCause : writeCauseOf(error);
      return fail('save-failed', `the settings could not be written: ${errorText(error)}`, {
        cause,
      });
    }
    noteChange(change, fields.join(', '));
    rememberShown();
    options.onSettingsSaved(store.settings);
    return { ok: true, value: state() };
  }

  /** Wraps a call that needs an open session: checks it, checks the payload, extends it. */
  function guarded<T, R extends AdminResult<unknown>>(
    schema: z.ZodMiniType<T>,
    run: (request: T) => Promise<R> | R,
  ): (payload: unknown) => Promise<R | ReturnType<typeof fail>> {
    return async (payload) => {
      if (!sessionOpen()) return fail('not-unlocked', 'the admin is locked; enter the PIN again');
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return invalid(parsed.error.issues);
      extendSession();
      return run(parsed.data);
    };
  }

  function invalid(issues: readonly { path: PropertyKey[]; message: string }[]) {
    const detail = issues
      .slice(0, 5)
      .map((issue) => `${issue.path.map(String).join('.') || 'request'}: ${issue.message}`)
      .join('; ');
    const problem = requestRefusal(issues);
    return fail('invalid-request', `request refused: ${detail}`, {
      ...(problem ? { problem: problem.slice(0, 40) } : {}),
    });
  }

  const tools: AdminTools = {
    guarded,
    inTurn,
    noteChange,
    state,
    replaced,
    fail,
    media: options.media,
  };

  return {
    [IpcChannel.adminStatus]: async () => status(),

    [IpcChannel.adminSetFirstPin]: async (payload) => {
      const parsed = PinRequestSchema.safeParse(payload);
      if (!parsed.success) return invalid(parsed.error.issues);
      const result = await pin.setPin(parsed.data.pin);
      if (!result.ok) {
        if (result.reason === 'not-recorded') return notRecorded(result);
        return result.reason === 'pin-exists'
          ? fail('pin-exists', 'a staff PIN is already set')
          : fail('invalid-pin', result.message);
      }
      noteChange('pin-set', '');
      return { ok: true, value: status() };
    },

    [IpcChannel.adminUnlock]: async (payload) => {
      const parsed = PinRequestSchema.safeParse(payload);
      if (!parsed.success) return invalid(parsed.error.issues);
      const result = await pin.verify(parsed.data.pin);
      if (!result.ok) return pinFailure(result);
      const value = state();
      extendSession();
      return { ok: true, value };
    },

    [IpcChannel.adminLock]: async () => {
      lockSession();
      return null;
    },

    [IpcChannel.adminKeepAlive]: guarded(NoData, () => ({ ok: true, value: null })),

    [IpcChannel.adminGetState]: guarded(NoData, () => ({ ok: true, value: state() })),

    [IpcChannel.adminSaveSettings]: guarded(SaveSettingsRequestSchema, ({ settings }) =>
      inTurn(async () => {
        const before = store.settings;
        const next: Settings = { ...before, ...(settings satisfies EditableSettings) };
        const fields = changedFieldPaths(before, next);
        if (fields.length === 0) return { ok: true, value: state() };
        const missing = missingMedia(next);
        if (missing.length > 0) {
          return fail(
            'invalid-request',
            `these media files are not on this kiosk; import them again: ${missing.join(', ')}`,
            { problem: 'missing-media' },
          );
        }
        return save(next, 'settings', fields);
      }),
    ),

    [IpcChannel.adminRecordReview]: guarded(RecordReviewRequestSchema, (review) =>
      inTurn(async () => {
        const before = store.settings;
        // The review covers this content version and the crisis line as it reads now.
        const record = {
          ...review,
          contentVersion: options.deckContentVersion,
          crisisLines: before.clinic.crisisLines,
        };
        // Keep the newest 40; the admin shows the latest per language.
        const contentReviews = [...before.contentReviews, record].slice(-40);
        const next = SettingsSchema.parse({ ...before, contentReviews });
        return save(next, 'review', [`${review.language} ${record.contentVersion}`]);
      }),
    ),

    [IpcChannel.adminChangePin]: guarded(ChangePinRequestSchema, async ({ current, next }) => {
      const result = await pin.changePin(current, next);
      if (result.ok) {
        noteChange('pin-changed', '');
        return { ok: true, value: null };
      }
      if (result.reason === 'invalid-pin') return fail('invalid-pin', result.message);
      return pinFailure(result);
    }),

    ...mediaAdminHandlers(tools, { inUse, keepWorking, notify: options.notify }),

    [IpcChannel.adminSetupExport]: guarded(TokenRequestSchema, ({ token }) =>
      inTurn(async () => {
        const folder = options.media.resolveFolder(token);
        if (!folder) {
          return fail('media-refused', 'that folder is no longer there', { problem: 'not-found' });
        }
        const working = keepWorking();
        const result = await options.bundles.exportTo(folder);
        working();
        if (!result.ok) return bundleFailure(result);
        noteChange('setup-exported', result.value.fileName);
        return result;
      }),
    ),

    [IpcChannel.adminSetupImport]: guarded(TokenRequestSchema, ({ token }) =>
      inTurn(async () => {
        const file = options.media.resolveFile(token);
        if (!file) {
          return fail('media-refused', 'that file is no longer there', { problem: 'not-found' });
        }
        const working = keepWorking();
        const result = await options.bundles.importFrom(file);
        working();
        if (!result.ok) return bundleFailure(result);
        return replaced(
          'setup-imported',
          `${path.basename(file)}: ${result.value.fields.join(', ')}`,
        );
      }),
    ),

    [IpcChannel.adminSetupRestore]: guarded(NoData, () =>
      inTurn(async () => {
        const result = await options.bundles.restoreBackup();
        if (!result.ok) return bundleFailure(result);
        // The event says it all, in the admin's language (Kiosk status); no English detail.
        return replaced('setup-restored', '');
      }),
    ),

    [IpcChannel.adminLeaveSafeMode]: guarded(NoData, () => {
      if (options.safeMode()) {
        options.leaveSafeMode();
        noteChange('safe-mode-left', '');
      }
      return { ok: true, value: state() };
    }),

    [IpcChannel.adminQuitKiosk]: guarded(NoData, () => {
      noteChange('quit', '');
      lockSession();
      // Answer first, then leave.
      setTimeout(() => options.quit(), 50);
      return { ok: true, value: null };
    }),

    ...options.extensions(tools),
  };
}
