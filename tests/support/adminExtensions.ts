import { IpcChannel } from '../../contract';
import type { AdminTools, ExtensionHandlers } from '../../electron/main/adminTools';

/**
 * For unit tests of the admin service alone: the admin calls other modules answer (the play
 * log's, the fleet's), each refusing as a call of a part this test did not build.
 */
export function absentExtensions(tools: AdminTools): ExtensionHandlers {
  const absent = async () => tools.fail('invalid-request', 'not part of this test');
  return {
    [IpcChannel.adminPlayReport]: absent,
    [IpcChannel.adminPlayExport]: absent,
    [IpcChannel.adminFleetScreens]: absent,
    [IpcChannel.adminFleetStart]: absent,
    [IpcChannel.adminFleetInvite]: absent,
    [IpcChannel.adminFleetKeyBackup]: absent,
    [IpcChannel.adminFleetInspect]: absent,
    [IpcChannel.adminFleetJoin]: absent,
    [IpcChannel.adminFleetPublish]: absent,
    [IpcChannel.adminFleetLeave]: absent,
    [IpcChannel.adminFleetScreenshots]: absent,
  };
}
