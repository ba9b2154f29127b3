/**
 * The admin's calls on the clinic's media: the picker's drives and folders, an import with its
 * progress, the library, and a delete that can be undone (the file is held, then deleted for
 * good after DELETED_MEDIA_KEPT_MS). Built with the admin's own session guard and queue
 * (adminService.ts), like every other admin call.
 */
import {
  DELETED_MEDIA_KEPT_MS,
  IpcChannel,
  MediaFileRequestSchema,
  TokenRequestSchema,
  type PushChannel,
  type PushEvents,
} from '../../../contract';
import { fail, NoData, type AdminHandler, type AdminTools, type MediaChannel } from '../adminTools';
import type { MediaResult } from './mediaResult';

export function mediaFailure(result: Extract<MediaResult<unknown>, { ok: false }>) {
  return fail('media-refused', result.message.slice(0, 2000), {
    problem: result.problem,
    ...(result.cause ? { cause: result.cause } : {}),
  });
}

export interface MediaAdminOptions {
  /** Which clinic slides use each media file (the current setup's and the backup's). */
  inUse(): Map<string, string[]>;
  /** For a long call: call what it returns as the call makes progress and when it ends. */
  keepWorking(): () => void;
  notify<C extends PushChannel>(channel: C, payload: PushEvents[C]): void;
  /** How long a deleted file can be brought back; default DELETED_MEDIA_KEPT_MS. */
  keptMs?: number;
}

export function mediaAdminHandlers(
  tools: AdminTools,
  options: MediaAdminOptions,
): { [C in MediaChannel]: AdminHandler<C> } {
  const { media, guarded, inTurn, noteChange } = tools;
  /** A deleted file's end for good, per file: cancelled by its Undo. */
  const discards = new Map<string, ReturnType<typeof setTimeout>>();
  const forget = (file: string) => {
    clearTimeout(discards.get(file));
    discards.delete(file);
  };
  const named = (file: string) => {
    const sourceName = media.sourceNameOf(file);
    return sourceName ? `${sourceName} as ${file}` : file;
  };

  return {
    [IpcChannel.adminMediaSources]: guarded(NoData, async () => ({
      ok: true,
      value: await media.listSources(),
    })),

    [IpcChannel.adminMediaBrowse]: guarded(TokenRequestSchema, async ({ token }) => {
      const result = await media.browse(token);
      return result.ok ? result : mediaFailure(result);
    }),

    [IpcChannel.adminMediaImport]: guarded(TokenRequestSchema, async ({ token }) => {
      const working = options.keepWorking();
      const result = await media.importFile(token, (progress) => {
        // A long copy is staff at work: it keeps the session open (unless locked meanwhile).
        working();
        options.notify(IpcChannel.adminImportProgress, progress);
      });
      working();
      if (!result.ok) return mediaFailure(result);
      noteChange('media-imported', `${result.value.sourceName} as ${result.value.file}`);
      return result;
    }),

    [IpcChannel.adminMediaLibrary]: guarded(NoData, async () => ({
      ok: true,
      value: await media.list(options.inUse()),
    })),

    [IpcChannel.adminMediaDelete]: guarded(MediaFileRequestSchema, ({ file }) =>
      inTurn(async () => {
        const users = options.inUse();
        const detail = named(file);
        const result = await media.remove(file, users);
        if (!result.ok) return mediaFailure(result);
        noteChange('media-deleted', detail);
        forget(file);
        const timer = setTimeout(() => {
          discards.delete(file);
          void inTurn(() => media.discardHeld(file));
        }, options.keptMs ?? DELETED_MEDIA_KEPT_MS);
        // A held file never keeps the app from quitting; the next start deletes it.
        timer.unref?.();
        discards.set(file, timer);
        return { ok: true, value: await media.list(users) };
      }),
    ),

    [IpcChannel.adminMediaRestore]: guarded(MediaFileRequestSchema, ({ file }) =>
      inTurn(async () => {
        const result = await media.restore(file);
        if (!result.ok) return mediaFailure(result);
        forget(file);
        noteChange('media-restored', named(file));
        return { ok: true, value: await media.list(options.inUse()) };
      }),
    ),
  };
}
