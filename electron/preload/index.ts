import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  ADMIN_BRIDGE_INVOKE,
  ADMIN_BRIDGE_LISTEN,
  BRIDGE_INVOKE,
  BRIDGE_LISTEN,
  BRIDGE_SEND,
} from '../../contract/channels';
import type { KioskBridge } from '../../contract/ipc';

/**
 * The only thing the page gets from Electron: a few purpose-built calls, never ipcRenderer.
 * Each call passes one plain payload (or none); main checks the sender and the payload.
 */
const bridge: Record<string, unknown> = {};
const listen = (channel: string) => (listener: (payload: unknown) => void) => {
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
};
for (const [name, channel] of Object.entries(BRIDGE_INVOKE)) {
  bridge[name] = (payload?: unknown) => ipcRenderer.invoke(channel, payload);
}
for (const [name, channel] of Object.entries(BRIDGE_SEND)) {
  bridge[name] = (payload: unknown) => ipcRenderer.send(channel, payload);
}
for (const [name, channel] of Object.entries(BRIDGE_LISTEN)) bridge[name] = listen(channel);
const admin: Record<string, unknown> = {};
for (const [name, channel] of Object.entries(ADMIN_BRIDGE_INVOKE)) {
  admin[name] = (payload?: unknown) => ipcRenderer.invoke(channel, payload);
}
for (const [name, channel] of Object.entries(ADMIN_BRIDGE_LISTEN)) admin[name] = listen(channel);
bridge['admin'] = admin;

contextBridge.exposeInMainWorld('kiosk', bridge as unknown as KioskBridge);
