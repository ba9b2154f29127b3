import { afterEach, describe, expect, it } from 'vitest';
import {
  ADMIN_BRIDGE_INVOKE,
  AdminStateSchema,
  BRIDGE_INVOKE,
  BRIDGE_SEND,
  IpcChannel,
  KioskConfigSchema,
  type AdminResult,
} from '../../../../contract';
import { IpcRejection, type IpcSender } from '../../../../electron/main/ipcHandlers';
import { isAppUrl } from '../../../../electron/main/navigationPolicy';
import {
  KIOSK_PAGE,
  startMainServices,
  type ServicesUnderTest,
} from '../../../support/mainServices';

const running: ServicesUnderTest[] = [];
afterEach(() => {
  for (const main of running.splice(0)) main.dispose();
});

/** Main's IPC table as main builds it (its composition root), over a fresh data folder. */
async function mainProcess() {
  const main = await startMainServices();
  running.push(main);
  const { invoke, send } = main.services.ipc as unknown as {
    invoke: Record<string, (sender: IpcSender, payload: unknown) => unknown>;
    send: Record<string, (sender: IpcSender, payload: unknown) => void>;
  };
  return { main, invoke, send };
}

const FOREIGN_SENDERS: [string, IpcSender][] = [
  ['another site', { frameUrl: 'https://example.com/', isMainFrame: true }],
  ['a file page', { frameUrl: 'file:///tmp/evil.html', isMainFrame: true }],
  ['a sub-frame of the app', { frameUrl: 'app://kiosk/index.html', isMainFrame: false }],
  ['an unknown frame', { frameUrl: undefined, isMainFrame: true }],
  ['the media host', { frameUrl: 'app://media/x.png', isMainFrame: true }],
];

describe('IPC from the renderer', () => {
  it('has exactly one handler per channel the bridge calls', async () => {
    const { invoke, send } = await mainProcess();
    expect(Object.keys(invoke).sort()).toEqual(
      [...Object.values(BRIDGE_INVOKE), ...Object.values(ADMIN_BRIDGE_INVOKE)].sort(),
    );
    expect(Object.keys(send).sort()).toEqual(Object.values(BRIDGE_SEND).sort());
  });

  it('answers the kiosk page with its config, checked against the contract', async () => {
    const { main, invoke } = await mainProcess();
    const config = KioskConfigSchema.parse(invoke[IpcChannel.getKioskConfig]!(KIOSK_PAGE, null));
    expect(config.settings).toEqual(main.services.store.settings);
    expect(config.mode).toBe('loop');
  });

  it.each(FOREIGN_SENDERS)('refuses every call from %s before it runs', async (_case, sender) => {
    const { main, invoke, send } = await mainProcess();
    for (const [channel, handler] of Object.entries(invoke)) {
      expect(() => handler(sender, { pin: '4829' }), channel).toThrow(IpcRejection);
    }
    for (const [channel, handler] of Object.entries(send)) {
      expect(() => handler(sender, { kind: 'render-error', message: 'x' }), channel).toThrow(
        IpcRejection,
      );
    }
    // Nothing happened: no PIN was set, nothing was logged.
    expect(main.services.pin.status().hasPin).toBe(false);
    expect(main.services.recoveries.recent(5)).toEqual([]);
  });

  it('admin calls work from the kiosk page, and a foreign page is still refused afterwards', async () => {
    const { invoke } = await mainProcess();
    const run = (channel: string, payload?: unknown) =>
      invoke[channel]!(KIOSK_PAGE, payload) as Promise<AdminResult<unknown>>;
    expect(await run(IpcChannel.adminStatus)).toMatchObject({ hasPin: false });
    expect(await run(IpcChannel.adminSetFirstPin, { pin: '4829' })).toMatchObject({ ok: true });
    expect(await run(IpcChannel.adminUnlock, { pin: '4829' })).toMatchObject({ ok: true });
    const state = await run(IpcChannel.adminGetState);
    expect(state.ok && AdminStateSchema.parse(state.value).appVersion).toBe('1.0.0');
    expect(() => invoke[IpcChannel.adminGetState]!(FOREIGN_SENDERS[0]![1], undefined)).toThrow(
      IpcRejection,
    );
  });

  it('logs a well-formed problem report and drops malformed ones', async () => {
    const { main, send } = await mainProcess();
    const report = send[IpcChannel.reportProblem]!;
    report(KIOSK_PAGE, { kind: 'slide-skipped', slideId: 'x', message: 'bad' });
    report(KIOSK_PAGE, { kind: 'rm -rf', message: 'x'.repeat(5000) });
    report(KIOSK_PAGE, 'just a string');
    report(KIOSK_PAGE, { kind: 'render-error', message: 'y', extra: true });
    expect(main.services.recoveries.recent(5)).toEqual([
      expect.objectContaining({ event: 'slide-skipped', detail: 'x bad' }),
    ]);
  });
});

describe('heartbeats', () => {
  it('passes a valid heartbeat from the kiosk page to the watchdog, drops the rest', async () => {
    const { main, send } = await mainProcess();
    const beat = send[IpcChannel.heartbeat]!;
    beat(KIOSK_PAGE, { run: 3, rotating: true, index: 2 });
    beat(KIOSK_PAGE, { run: -1, rotating: 'yes', index: 2 });
    beat(KIOSK_PAGE, { run: 1.5, rotating: true, index: 0 });
    expect(() =>
      beat(
        { frameUrl: 'https://x.test/', isMainFrame: true },
        { run: 1, rotating: true, index: 0 },
      ),
    ).toThrow(IpcRejection);
    expect(main.heartbeats).toEqual([{ run: 3, rotating: true, index: 2 }]);
  });
});

describe('navigation policy', () => {
  it('allows only the app itself', () => {
    expect(isAppUrl('app://kiosk/index.html')).toBe(true);
    expect(isAppUrl('app://kiosk/index.html#slide-3')).toBe(true);
    expect(isAppUrl('https://example.com')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('app://media/x.png')).toBe(false);
    expect(isAppUrl('javascript:alert(1)')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('allows the development server only when one is named', () => {
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
  });
});
