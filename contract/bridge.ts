/**
 * Builds `window.kiosk` from the channel tables over any transport: the preload passes one made
 * of `ipcRenderer`, so the page never sees ipcRenderer itself. Free of zod (the sandboxed
 * preload bundles this file whole).
 */
import {
  ADMIN_BRIDGE_INVOKE,
  ADMIN_BRIDGE_LISTEN,
  BRIDGE_INVOKE,
  BRIDGE_LISTEN,
  BRIDGE_SEND,
} from './channels';
import type { KioskBridge } from './ipc';

/** How the bridge reaches main: Electron's ipcRenderer in the app. */
export interface IpcTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  send(channel: string, payload: unknown): void;
  /** Returns a function that removes the listener. */
  listen(channel: string, listener: (payload: unknown) => void): () => void;
}

export function buildKioskBridge(transport: IpcTransport): KioskBridge {
  const invokers = (table: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(table).map(([name, channel]) => [
        name,
        (payload?: unknown) => transport.invoke(channel, payload),
      ]),
    );
  const listeners = (table: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(table).map(([name, channel]) => [
        name,
        (listener: (payload: unknown) => void) => transport.listen(channel, listener),
      ]),
    );
  const senders = Object.fromEntries(
    Object.entries(BRIDGE_SEND).map(([name, channel]) => [
      name,
      (payload: unknown) => transport.send(channel, payload),
    ]),
  );
  const admin = Object.freeze({
    ...invokers(ADMIN_BRIDGE_INVOKE),
    ...listeners(ADMIN_BRIDGE_LISTEN),
  });
  // The tables and KioskBridge are tied by type (contract/ipc.ts); this is the one cast.
  return Object.freeze({
    ...invokers(BRIDGE_INVOKE),
    ...senders,
    ...listeners(BRIDGE_LISTEN),
    admin,
  }) as unknown as KioskBridge;
}
