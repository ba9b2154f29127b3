import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FAULT_HISTORY_FILE,
  openFaultHistory,
  SAFE_MODE_AFTER,
} from '../../../../electron/main/faultHistory';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0))
    fs.rmSync(directory, { recursive: true, force: true });
});

function kiosk() {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-faults-'));
  directories.push(directory);
  let now = Date.parse('2026-03-02T09:00:00Z');
  return {
    directory,
    advance: (ms: number) => {
      now += ms;
    },
    /** One start of the app over the same data folder. */
    start: () => openFaultHistory({ directory, now: () => new Date(now) }),
  };
}

describe('restarts caused by faults, kept on disk', () => {
  it('three watchdog relaunches within 15 minutes: the next start is in safe mode, and it says why', () => {
    const { start, advance } = kiosk();
    for (let i = 0; i < SAFE_MODE_AFTER; i++) {
      const run = start();
      expect(run.safeMode()).toBeNull();
      advance(90_000);
      run.recordRelaunch('renderer gone: crashed');
    }
    const fourth = start();
    expect(fourth.safeMode()).toEqual({
      since: expect.any(String),
      reason: 'restarted 3 times in 15 minutes (last: renderer gone: crashed)',
    });
  });

  it('relaunches spread out over more than 15 minutes do not add up', () => {
    const { start, advance } = kiosk();
    for (let i = 0; i < 6; i++) {
      start().recordRelaunch('silent');
      advance(8 * 60_000);
    }
    expect(start().safeMode()).toBeNull();
  });

  it('a run that ends without a clean quit (main crashed) counts as a fault', () => {
    const { start, advance } = kiosk();
    start(); // never quits: killed
    advance(60_000);
    start();
    advance(60_000);
    start();
    advance(60_000);
    expect(start().safeMode()).not.toBeNull();
  });

  it('clean quits and the nightly restart are not faults', () => {
    const { start, advance } = kiosk();
    for (let i = 0; i < 10; i++) {
      start().markCleanExit();
      advance(1000);
    }
    expect(start().safeMode()).toBeNull();
  });

  it('safe mode lasts across restarts until it is left, and then the count starts again', () => {
    const { start, advance } = kiosk();
    for (let i = 0; i < 3; i++) start().recordRelaunch('stuck');
    const inSafeMode = start();
    expect(inSafeMode.safeMode()).not.toBeNull();
    inSafeMode.markCleanExit();
    advance(30 * 60_000);
    const next = start();
    expect(next.safeMode()).not.toBeNull();
    next.leaveSafeMode();
    expect(next.safeMode()).toBeNull();
    next.markCleanExit();
    expect(start().safeMode()).toBeNull();
  });

  it('a damaged history file is no history, never a failed start', () => {
    const { directory, start } = kiosk();
    fs.writeFileSync(path.join(directory, FAULT_HISTORY_FILE), '{"version":1,"running":tr');
    expect(start().safeMode()).toBeNull();
    expect(
      JSON.parse(fs.readFileSync(path.join(directory, FAULT_HISTORY_FILE), 'utf8')),
    ).toMatchObject({
      running: true,
    });
  });
});
