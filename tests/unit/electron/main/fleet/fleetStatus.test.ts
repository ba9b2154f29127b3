import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  readStatuses,
  writeStatus,
  type KioskStatus,
} from '../../../../../electron/main/fleet/fleetStatus';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
function sharedFolder() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-fleet-status-'));
  folders.push(folder);
  return folder;
}

const NOW = new Date('2026-12-03T10:00:00.000Z');
function status(
  kioskId: string,
  writtenAt: Date,
  overrides: Partial<KioskStatus> = {},
): KioskStatus {
  return {
    kioskId,
    name: `Screen ${kioskId}`,
    room: 'Waiting room',
    appVersion: '0.1.0',
    setupVersion: 7,
    state: 'playing',
    currentSlide: 'welcome',
    lastRecovery: null,
    freeDiskBytes: 12_000_000_000,
    yesterday: { plays: 4200, touchSessions: 12, playingHours: 10.5 },
    lastRefusal: null,
    writtenAt: writtenAt.toISOString(),
    ...overrides,
  };
}

describe('every screen’s health in the shared folder', () => {
  it('lists each kiosk, flags one not seen for three minutes, and one whose clock is ahead', () => {
    const folder = sharedFolder();
    writeStatus(folder, status('waiting-room', new Date(NOW.getTime() - 30_000)));
    writeStatus(
      folder,
      status('consult-4', new Date(NOW.getTime() - 4 * 60_000), {
        state: 'recovering',
        lastRecovery: { at: NOW.toISOString(), reason: 'renderer gone: crashed' },
      }),
    );
    writeStatus(folder, status('second-site', new Date(NOW.getTime() + 3600_000)));
    const rows = readStatuses(folder, NOW);
    expect(rows.map((row) => [row.kioskId, row.flag])).toEqual([
      ['consult-4', 'not-seen'],
      ['second-site', 'clock-ahead'],
      ['waiting-room', null],
    ]);
    expect(rows[0]!.status?.lastRecovery?.reason).toBe('renderer gone: crashed');
  });

  it('a garbage file, or one that names another kiosk, is shown as unreadable, never trusted', () => {
    const folder = sharedFolder();
    fs.mkdirSync(path.join(folder, 'status'));
    fs.writeFileSync(path.join(folder, 'status', 'broken-1.json'), '{"kioskId": "broken-1", "na');
    fs.writeFileSync(
      path.join(folder, 'status', 'liar-1.json'),
      JSON.stringify(status('someone-else', NOW)),
    );
    fs.writeFileSync(path.join(folder, 'status', 'notes.txt'), 'hello');
    fs.writeFileSync(path.join(folder, 'status', '.tmp-half.json'), '{');
    expect(readStatuses(folder, NOW).map((row) => [row.kioskId, row.flag])).toEqual([
      ['broken-1', 'unreadable'],
      ['liar-1', 'unreadable'],
    ]);
  });

  it('50 kiosks: all listed (the time to read them is printed, not asserted)', () => {
    const folder = sharedFolder();
    for (let i = 0; i < 50; i++)
      writeStatus(folder, status(`screen-${String(i).padStart(2, '0')}`, NOW));
    const started = process.hrtime.bigint();
    const rows = readStatuses(folder, NOW);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`Screens view: read 50 status files in ${ms.toFixed(1)} ms`);
    expect(rows).toHaveLength(50);
    expect(rows.every((row) => row.flag === null)).toBe(true);
  });

  it('a status is written whole: a reader sees the old one or the new one', () => {
    const folder = sharedFolder();
    writeStatus(folder, status('waiting-room', NOW, { setupVersion: 1 }));
    writeStatus(folder, status('waiting-room', NOW, { setupVersion: 2 }));
    expect(fs.readdirSync(path.join(folder, 'status'))).toEqual(['waiting-room.json']);
    expect(readStatuses(folder, NOW)[0]?.status?.setupVersion).toBe(2);
  });
});
