/**
 * The play log on a disk that fills up or turns read-only (a real tmpfs where the test may mount
 * one, the file-system seam elsewhere; the output says which). The slideshow's reports are still
 * taken, nothing already on disk is lost, Kiosk status says what is wrong and since when, and
 * what waited in memory is written once the disk takes it again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlayEvent } from '../../../../../contract';
import { parseRecords } from '../../../../../electron/main/playLog/playRecords';
import {
  createPlayLogService,
  type PlayLogService,
} from '../../../../../electron/main/playLog/playLogService';
import { withSmallDisk, type SmallDisk } from '../fixtures/smallDisk';

const services: PlayLogService[] = [];
afterEach(() => {
  for (const service of services.splice(0)) service.stop();
  vi.useRealTimers();
});

const SLIDES = ['welcome', 'hours', 'system', 'bdnf'];
const slide = (i: number): PlayEvent => ({
  kind: 'slide',
  slideId: SLIDES[i % SLIDES.length]!,
  playlistId: 'waiting-room',
  language: 'en',
  arrivedBy: 'loop',
  rotating: true,
});

function open(disk: SmallDisk) {
  vi.useFakeTimers({
    now: new Date('2026-06-10T09:00:00-04:00'),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
  });
  const service = createPlayLogService({
    directory: disk.directory,
    now: () => new Date(),
    monotonicNow: () => performance.now(),
    contentVersionOf: () => '1.2.0',
    isKnownPlaylist: () => true,
    stopReason: () => null,
    note: () => undefined,
    fileSystem: disk.fileSystem,
  });
  services.push(service);
  return service;
}

function playsOnDisk(disk: SmallDisk): string[] {
  const days = path.join(disk.directory, 'play-log', 'days');
  return fs
    .readdirSync(days)
    .flatMap((name) => parseRecords(fs.readFileSync(path.join(days, name), 'utf8')).records)
    .filter((record) => record.type === 'play')
    .map((record) => JSON.stringify(record));
}

/** A loop of `count` slides, ten seconds each, as the player reports them. */
function loop(service: PlayLogService, from: number, count: number): void {
  for (let i = from; i < from + count; i++) {
    service.report({ events: [slide(i)] });
    vi.advanceTimersByTime(10_000);
  }
}

describe('the play log on a disk that cannot take it', () => {
  it('a full disk: reports are still taken, nothing on disk is lost, status says so, and the rest is written once there is room', async () => {
    await withSmallDisk('play log, full disk', 2 * 1024 * 1024, async (disk) => {
      const service = open(disk);
      loop(service, 0, 20);
      service.flush();
      const before = playsOnDisk(disk);
      expect(before.length).toBeGreaterThan(15);

      disk.leaveFree(0);
      expect(() => loop(service, 20, 30)).not.toThrow();
      service.flush();
      expect(service.status().problem).toMatchObject({
        kind: 'write-failed',
        detail: 'the disk is full',
        since: expect.any(String),
      });
      // What was on disk is still there, whole.
      expect(playsOnDisk(disk).slice(0, before.length)).toEqual(before);
      // The reports and the admin's view still answer.
      expect(() => service.playReport(7)).not.toThrow();

      disk.release();
      service.flush();
      expect(service.status().problem).toBeNull();
      expect(playsOnDisk(disk).length).toBeGreaterThanOrEqual(49);
    });
  });

  it('a read-only data folder: the same, and it recovers when the folder can be written again', async () => {
    await withSmallDisk('play log, read-only', 2 * 1024 * 1024, async (disk) => {
      const service = open(disk);
      loop(service, 0, 10);
      service.flush();
      const before = playsOnDisk(disk);
      disk.makeReadOnly();
      try {
        loop(service, 10, 10);
        service.flush();
        expect(service.status().problem).toMatchObject({
          kind: 'write-failed',
          detail: 'the data folder is read-only',
        });
        expect(playsOnDisk(disk)).toEqual(before);
      } finally {
        disk.makeWritable();
      }
      service.flush();
      expect(service.status().problem).toBeNull();
      expect(playsOnDisk(disk).length).toBe(before.length + 10);
    });
  });
});
