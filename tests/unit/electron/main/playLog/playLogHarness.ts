/**
 * What the play-log tests share: a time zone with daylight saving time (New York), real data
 * folders removed after each test, fake timers (Date, the wall clock a test may set, and
 * performance, main's monotonic clock, move only when the test moves them), and a play-log
 * service opened over a folder with the page's events sent to it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import type { PlayCause, PlayEvent } from '../../../../../contract';
import {
  createPlayLogService,
  type PlayLogService,
  type PlayLogServiceOptions,
} from '../../../../../electron/main/playLog/playLogService';

export interface Note {
  event: string;
  detail: string;
}

/**
 * Registers the hooks (time zone, clean-up) in the test file that calls it, and returns the
 * helpers. `defaults` are the service options every `open` starts from.
 */
export function playLogHarness(
  folderPrefix: string,
  defaults: Pick<PlayLogServiceOptions, 'contentVersionOf'> & Partial<PlayLogServiceOptions>,
) {
  const zoneBefore = process.env['TZ'];
  beforeAll(() => {
    process.env['TZ'] = 'America/New_York';
  });
  afterAll(() => {
    if (zoneBefore === undefined) delete process.env['TZ'];
    else process.env['TZ'] = zoneBefore;
  });

  const directories: string[] = [];
  const services: PlayLogService[] = [];
  afterEach(() => {
    for (const service of services.splice(0)) service.stop();
    vi.useRealTimers();
    for (const directory of directories.splice(0))
      fs.rmSync(directory, { recursive: true, force: true });
  });

  return {
    dataFolder(): string {
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
      directories.push(directory);
      return directory;
    },
    startAt(iso: string): void {
      vi.useFakeTimers({
        now: new Date(iso),
        toFake: [
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'Date',
          'performance',
        ],
      });
    },
    /** Takes a service off the clean-up list: a test that kills it never stops it. */
    forget(service: PlayLogService): void {
      services.splice(services.indexOf(service), 1);
    },
    /** The service over `directory`, and the notes it made (main's log). */
    open(directory: string, overrides: Partial<PlayLogServiceOptions> = {}) {
      const notes: Note[] = [];
      const service = createPlayLogService({
        directory,
        now: () => new Date(),
        monotonicNow: () => performance.now(),
        isKnownPlaylist: (id) => id === 'waiting-room',
        stopReason: () => null,
        note: (event, detail) => notes.push({ event, detail }),
        ...defaults,
        ...overrides,
      });
      services.push(service);
      return { service, notes };
    },
  };
}

export const slide = (
  slideId: string,
  arrivedBy: PlayCause = 'loop',
  rotating = true,
): PlayEvent => ({
  kind: 'slide',
  slideId,
  playlistId: 'waiting-room',
  language: 'en',
  arrivedBy,
  rotating,
});

export const send = (service: PlayLogService, ...events: PlayEvent[]) => service.report({ events });
