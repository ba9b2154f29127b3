import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IpcChannel } from '../../contract/channels';
import type { HeartbeatReport, KioskBridge, KioskConfig, ProblemReport } from '../../contract/ipc';

/** The only thing the page gets from Electron: a few purpose-built calls, never ipcRenderer. */
const kiosk: KioskBridge = {
  getConfig: () => ipcRenderer.invoke(IpcChannel.getKioskConfig) as Promise<KioskConfig>,
  onConfigChanged(listener) {
    const forward = (_event: IpcRendererEvent, config: KioskConfig) => listener(config);
    ipcRenderer.on(IpcChannel.kioskConfigChanged, forward);
    return () => {
      ipcRenderer.removeListener(IpcChannel.kioskConfigChanged, forward);
    };
  },
  reportProblem(report: ProblemReport) {
    ipcRenderer.send(IpcChannel.reportProblem, report);
  },
  heartbeat(beat: HeartbeatReport) {
    ipcRenderer.send(IpcChannel.heartbeat, beat);
  },
};

contextBridge.exposeInMainWorld('kiosk', kiosk);
