/**
 * The play log's admin calls: the Reports screen's totals, and the export to a drive. Built
 * with the admin's own session guard (adminService.ts), like every other admin call.
 */
import { IpcChannel, PlayReportRequestSchema, TokenRequestSchema } from '../../../contract';
import type { AdminHandler, AdminTools, PlayLogChannel } from '../adminTools';
import type { PlayLogService } from './playLogService';

export function playLogAdminHandlers(
  tools: AdminTools,
  playLog: PlayLogService,
  describe: () => { clinic: string; titleOf(slideId: string): string },
): { [C in PlayLogChannel]: AdminHandler<C> } {
  return {
    [IpcChannel.adminPlayReport]: tools.guarded(PlayReportRequestSchema, ({ days }) => ({
      ok: true,
      value: playLog.playReport(days),
    })),
    [IpcChannel.adminPlayExport]: tools.guarded(TokenRequestSchema, async ({ token }) => {
      const folder = tools.media.resolveFolder(token);
      if (!folder) {
        return tools.fail('media-refused', 'that folder is no longer there', {
          problem: 'not-found',
        });
      }
      const result = playLog.exportTo(folder, describe());
      if (!result.ok) return tools.fail('save-failed', result.message);
      tools.noteChange('play-log-exported', result.folderName);
      return { ok: true, value: { folderName: result.folderName, files: result.files } };
    }),
  };
}
