import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildKioskBridge } from '../../contract/bridge';

/**
 * The only thing the page gets from Electron: a few purpose-built calls, never ipcRenderer.
 * Each call passes one plain payload (or none); main checks the sender and the payload.
 */
contextBridge.exposeInMainWorld(
  'kiosk',
  buildKioskBridge({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    send: (channel, payload) => ipcRenderer.send(channel, payload),
    listen: (channel, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    },
  }),
);
