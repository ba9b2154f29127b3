import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, IpcChannel, type KioskConfig } from '../../../../contract';
import { createIpcHandlers, IpcRejection } from '../../../../electron/main/ipcHandlers';
import { decidePermission, isAppUrl } from '../../../../electron/main/navigationPolicy';

const config: KioskConfig = {
  settings: DEFAULT_SETTINGS,
  mode: 'loop',
  appVersion: '1.0.0',
  mediaBaseUrl: 'app://media/',
};
const kioskPage = { frameUrl: 'app://kiosk/index.html', isMainFrame: true };

function handlers() {
  const logProblem = vi.fn();
  const heartbeat = vi.fn();
  return {
    logProblem,
    heartbeat,
    ...createIpcHandlers({ getConfig: () => config, logProblem, heartbeat }),
  };
}

describe('IPC from the renderer', () => {
  it('answers the kiosk page with its config', () => {
    const { invoke } = handlers();
    expect(invoke[IpcChannel.getKioskConfig]?.(kioskPage, undefined)).toEqual(config);
  });

  it.each([
    ['another site', { frameUrl: 'https://example.com/', isMainFrame: true }],
    ['a file page', { frameUrl: 'file:///tmp/evil.html', isMainFrame: true }],
    ['a sub-frame of the app', { frameUrl: 'app://kiosk/index.html', isMainFrame: false }],
    ['an unknown frame', { frameUrl: undefined, isMainFrame: true }],
  ])('refuses %s', (_case, sender) => {
    const { invoke, send, logProblem } = handlers();
    expect(() => invoke[IpcChannel.getKioskConfig]?.(sender, undefined)).toThrow(IpcRejection);
    expect(() =>
      send[IpcChannel.reportProblem]?.(sender, { kind: 'render-error', message: 'x' }),
    ).toThrow(IpcRejection);
    expect(logProblem).not.toHaveBeenCalled();
  });

  it('logs a well-formed problem report and drops a malformed one', () => {
    const { send, logProblem } = handlers();
    send[IpcChannel.reportProblem]?.(kioskPage, {
      kind: 'slide-skipped',
      slideId: 'x',
      message: 'bad',
    });
    send[IpcChannel.reportProblem]?.(kioskPage, { kind: 'rm -rf', message: 'x'.repeat(5000) });
    send[IpcChannel.reportProblem]?.(kioskPage, 'just a string');
    expect(logProblem).toHaveBeenCalledTimes(1);
    expect(logProblem).toHaveBeenCalledWith({
      kind: 'slide-skipped',
      slideId: 'x',
      message: 'bad',
    });
  });
});

describe('heartbeats', () => {
  it('passes a valid heartbeat from the kiosk page to the watchdog, drops the rest', () => {
    const { send, heartbeat } = handlers();
    send[IpcChannel.heartbeat]?.(kioskPage, { run: 3, rotating: true, index: 2 });
    send[IpcChannel.heartbeat]?.(kioskPage, { run: -1, rotating: 'yes', index: 2 });
    expect(() =>
      send[IpcChannel.heartbeat]?.(
        { frameUrl: 'https://x.test/', isMainFrame: true },
        { run: 1, rotating: true, index: 0 },
      ),
    ).toThrow(IpcRejection);
    expect(heartbeat).toHaveBeenCalledTimes(1);
    expect(heartbeat).toHaveBeenCalledWith({ run: 3, rotating: true, index: 2 });
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

describe('permission policy', () => {
  it('grants no web permission: camera, microphone, location, notifications …', () => {
    expect(decidePermission()).toBe(false);
  });
});
