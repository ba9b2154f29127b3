import { mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecoveryLog } from '../../../../electron/main/recoveryLog';
import { msUntilNextRestart } from '../../../../electron/main/nightlyRestart';
import { chooseDisplay, choosePresenterDisplay } from '../../../../electron/main/displayFit';

const folders: string[] = [];
function folder() {
  const path = mkdtempSync(join(tmpdir(), 'kiosk-log-'));
  folders.push(path);
  return path;
}
afterEach(() => {
  for (const path of folders.splice(0)) rmSync(path, { recursive: true, force: true });
});

describe('the recovery log', () => {
  it('keeps entries newest first', () => {
    const directory = folder();
    let minute = 0;
    const log = createRecoveryLog({
      directory,
      now: () => new Date(Date.UTC(2026, 0, 1, 8, minute++)),
    });
    log.append('reload', 'silent');
    log.append('recreate-window', 'renderer gone: crashed');
    expect(log.recent(5).map((entry) => entry.event)).toEqual(['recreate-window', 'reload']);
    expect(log.recent(1)[0]?.at).toBe('2026-01-01T08:01:00.000Z');
  });

  it('rotates by size and keeps only a few old files', () => {
    const directory = folder();
    const log = createRecoveryLog({ directory, maxBytes: 300, keep: 2 });
    for (let entry = 0; entry < 40; entry += 1) log.append('reload', `entry ${entry}`);
    expect(readdirSync(directory).sort()).toEqual([
      'recoveries.log',
      'recoveries.log.1',
      'recoveries.log.2',
    ]);
    expect(log.recent(1)[0]?.detail).toBe('entry 39');
  });

  it('skips a line cut short by a power cut', () => {
    const directory = folder();
    const log = createRecoveryLog({ directory });
    log.append('reload', 'first');
    appendFileSync(join(directory, 'recoveries.log'), '{"at":"2026-01-0');
    writeFileSync(join(directory, 'other.txt'), 'x');
    log.append('reload', 'after the cut');
    expect(log.recent(10).map((entry) => entry.detail)).toEqual(['first']);
  });
});

describe('the nightly restart', () => {
  it('waits until the chosen hour tonight, or tomorrow once it has passed', () => {
    expect(msUntilNextRestart(new Date(2026, 5, 10, 22, 30), 3)).toBe(4.5 * 3600_000);
    expect(msUntilNextRestart(new Date(2026, 5, 10, 3, 0), 3)).toBe(24 * 3600_000);
    expect(msUntilNextRestart(new Date(2026, 5, 10, 2, 59), 3)).toBe(60_000);
  });

  it('keeps to the wall clock across a daylight-saving change', () => {
    const before = new Date(2026, 9, 31, 12, 0); // the day before many zones fall back
    const restart = new Date(before.getTime() + msUntilNextRestart(before, 4));
    expect(restart.getHours()).toBe(4);
    expect(restart.getDate()).toBe(1);
  });
});

describe('choosing a display', () => {
  const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const second = { id: 2, bounds: { x: 1920, y: 0, width: 1080, height: 1920 } };
  it('uses the chosen display while it is connected, else the primary one', () => {
    expect(chooseDisplay([primary, second], primary, 2)).toBe(second);
    expect(chooseDisplay([primary], primary, 2)).toBe(primary);
    expect(chooseDisplay([primary, second], primary, null)).toBe(primary);
  });
});

describe('choosing the presenter display', () => {
  const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const second = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 800 } };
  const third = { id: 3, bounds: { x: 3200, y: 0, width: 1280, height: 800 } };
  it('puts the presenter view on another screen, the chosen one when connected', () => {
    expect(choosePresenterDisplay([primary, second], primary, null)).toBe(second);
    expect(choosePresenterDisplay([primary, second, third], primary, 3)).toBe(third);
    expect(choosePresenterDisplay([primary, second], primary, 3)).toBe(second);
  });
  it('has nowhere to put it with one screen', () => {
    expect(choosePresenterDisplay([primary], primary, 2)).toBeNull();
  });
});
