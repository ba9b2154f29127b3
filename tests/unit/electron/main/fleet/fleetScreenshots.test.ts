/**
 * The optional picture of a screen in the shared status folder: off by default, every 5
 * minutes when on, never while the admin is open, never kept on a consultation-room kiosk,
 * removed when turned off or when the kiosk leaves. Plain folders and a fake clock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SCREENSHOT_EVERY_MS,
  SCREENSHOT_MAX_BYTES,
  SCREENSHOT_SETTLE_MS,
  SCREENSHOT_WIDTH,
  smallJpegOf,
  type CapturedImage,
} from '../../../../../electron/main/fleet/fleetScreenshots';
import {
  createFleetService,
  type FleetService,
  type StatusSnapshot,
} from '../../../../../electron/main/fleet/fleetService';

const folders: string[] = [];
const services: FleetService[] = [];
afterEach(() => {
  for (const service of services.splice(0)) service.stop();
  vi.useRealTimers();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
function folder(name: string) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `kiosk-shots-${name}-`));
  folders.push(directory);
  return directory;
}

/** A JPEG's first bytes and a counter, so each capture is a different picture. */
const jpeg = (n: number) => Buffer.from([0xff, 0xd8, 0xff, 0xe0, n, 0xff, 0xd9]);

function screen(
  options: { state?: StatusSnapshot['state']; capture?: () => Promise<Buffer | null> } = {},
) {
  const shared = folder('shared');
  const statusFolder = path.join(shared, 'status-root');
  const kiosk = { state: options.state ?? 'playing', captures: 0 };
  const directory = folder('data');
  const start = () => {
    const started = createFleetService({
      directory,
      now: () => new Date(),
      appVersion: '0.1.0',
      exportSetup: async () => ({ ok: false, reason: 'not in this test' }),
      importSetup: async () => ({ ok: false, reason: 'not in this test' }),
      checkSetup: async () => ({ ok: false, reason: 'not in this test' }),
      snapshot: () => ({
        state: kiosk.state,
        currentSlide: 'welcome',
        lastRecovery: null,
        yesterday: null,
      }),
      note: () => undefined,
      watchFolder: () => () => undefined,
      captureScreen:
        options.capture ??
        (async () => {
          kiosk.captures += 1;
          return jpeg(kiosk.captures);
        }),
    });
    services.push(started);
    return started;
  };
  const service = start();
  const started = service.startFleet({
    name: 'Waiting room',
    room: 'Reception',
    setupFolder: path.join(shared, 'setup'),
    statusFolder,
  });
  expect(started.ok).toBe(true);
  const id = service.state().membership!.kioskId;
  const picture = path.join(statusFolder, 'status', `${id}.jpg`);
  const status = () =>
    JSON.parse(fs.readFileSync(path.join(statusFolder, 'status', `${id}.json`), 'utf8')) as {
      screenshotAt?: string | null;
    };
  return { service, kiosk, picture, status, restart: start };
}

const useFakeClock = () =>
  vi.useFakeTimers({
    now: new Date('2026-12-03T10:00:00Z'),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });

describe("a screen's picture in the status folder", () => {
  it('is off by default: nothing is captured and the status says there is none', async () => {
    useFakeClock();
    const { service, kiosk, picture, status } = screen();
    await vi.advanceTimersByTimeAsync(3 * SCREENSHOT_EVERY_MS);
    service.statusChanged();
    await vi.advanceTimersByTimeAsync(SCREENSHOT_SETTLE_MS + 10);
    expect(kiosk.captures).toBe(0);
    expect(fs.existsSync(picture)).toBe(false);
    expect(status().screenshotAt).toBeNull();
    expect(service.state().membership!.screenshots).toBe(false);
  });

  it('when on, is taken at once and every 5 minutes, and the status file says when', async () => {
    useFakeClock();
    const { service, kiosk, picture, status } = screen();
    expect(service.setScreenshots(true)).toMatchObject({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(kiosk.captures).toBe(1);
    expect(fs.readFileSync(picture)).toEqual(jpeg(1));
    expect(status().screenshotAt).toBe('2026-12-03T10:00:00.000Z');
    expect(service.state().screenshotAt).toBe('2026-12-03T10:00:00.000Z');

    await vi.advanceTimersByTimeAsync(SCREENSHOT_EVERY_MS);
    expect(kiosk.captures).toBe(2);
    expect(fs.readFileSync(picture)).toEqual(jpeg(2));
    expect(status().screenshotAt).toBe('2026-12-03T10:05:00.000Z');
    // No temporary file is left beside it.
    expect(fs.readdirSync(path.dirname(picture)).filter((name) => name.startsWith('.'))).toEqual(
      [],
    );
  });

  it('is never taken while the admin is open; the first comes shortly after it closes', async () => {
    useFakeClock();
    const { service, kiosk, picture } = screen({ state: 'admin' });
    // Staff turn it on from the admin: nothing is captured while they are in it.
    service.setScreenshots(true);
    await vi.advanceTimersByTimeAsync(2 * SCREENSHOT_EVERY_MS);
    expect(kiosk.captures).toBe(0);
    expect(fs.existsSync(picture)).toBe(false);

    kiosk.state = 'playing';
    service.statusChanged();
    await vi.advanceTimersByTimeAsync(SCREENSHOT_SETTLE_MS + 10);
    expect(kiosk.captures).toBe(1);
    expect(fs.existsSync(picture)).toBe(true);
  });

  it('drops a capture if the admin opened while it was being taken', async () => {
    useFakeClock();
    const kioskState = { value: 'playing' as StatusSnapshot['state'] };
    const { service, kiosk, picture } = screen({
      capture: async () => {
        // The admin opens during the capture.
        kioskState.value = 'admin';
        kiosk.state = 'admin';
        return jpeg(9);
      },
    });
    service.setScreenshots(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(fs.existsSync(picture)).toBe(false);
    expect(service.state().screenshotAt).toBeNull();
  });

  it('on a consultation-room kiosk (presenting) none is taken and an old one is removed', async () => {
    useFakeClock();
    const { service, kiosk, picture, status } = screen();
    service.setScreenshots(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(fs.existsSync(picture)).toBe(true);

    kiosk.state = 'presenting';
    service.statusChanged();
    await vi.advanceTimersByTimeAsync(SCREENSHOT_SETTLE_MS + 10);
    expect(fs.existsSync(picture)).toBe(false);
    expect(status().screenshotAt).toBeNull();
    const captures = kiosk.captures;
    await vi.advanceTimersByTimeAsync(2 * SCREENSHOT_EVERY_MS);
    expect(kiosk.captures).toBe(captures);
  });

  it('turned off, or the fleet left, removes the picture from the shared folder', async () => {
    useFakeClock();
    const first = screen();
    first.service.setScreenshots(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(fs.existsSync(first.picture)).toBe(true);
    first.service.setScreenshots(false);
    expect(fs.existsSync(first.picture)).toBe(false);
    expect(first.status().screenshotAt).toBeNull();
    await vi.advanceTimersByTimeAsync(2 * SCREENSHOT_EVERY_MS);
    expect(fs.existsSync(first.picture)).toBe(false);

    const second = screen();
    second.service.setScreenshots(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(fs.existsSync(second.picture)).toBe(true);
    second.service.leave();
    expect(fs.existsSync(second.picture)).toBe(false);
  });

  it('writes nothing that is not a JPEG of a sensible size', async () => {
    useFakeClock();
    for (const bad of [
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      Buffer.concat([jpeg(1), Buffer.alloc(SCREENSHOT_MAX_BYTES)]),
      null,
    ]) {
      const { service, picture } = screen({ capture: async () => bad });
      service.setScreenshots(true);
      await vi.advanceTimersByTimeAsync(0);
      expect(fs.existsSync(picture)).toBe(false);
    }
  });

  it('a capture that fails (no window) leaves the kiosk running and tries again later', async () => {
    useFakeClock();
    let attempts = 0;
    const { service, picture } = screen({
      capture: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('the window is gone');
        return jpeg(attempts);
      },
    });
    service.setScreenshots(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(fs.existsSync(picture)).toBe(false);
    await vi.advanceTimersByTimeAsync(SCREENSHOT_EVERY_MS);
    expect(fs.readFileSync(picture)).toEqual(jpeg(2));
  });

  it('keeps the choice across a restart, and says when the picture already there was taken', async () => {
    useFakeClock();
    const { service, kiosk, picture, status, restart } = screen();
    service.setScreenshots(true);
    await vi.advanceTimersByTimeAsync(0);
    const takenAt = service.state().screenshotAt;
    expect(takenAt).not.toBeNull();
    service.stop();

    // Started again (a nightly restart) while staff are in the admin: no new capture, and the
    // picture already in the folder is still this screen's, with its time.
    kiosk.state = 'admin';
    const again = restart();
    expect(again.state().membership!.screenshots).toBe(true);
    expect(again.state().screenshotAt).not.toBeNull();
    expect(status().screenshotAt).toBe(again.state().screenshotAt);
    expect(kiosk.captures).toBe(1);
    expect(fs.existsSync(picture)).toBe(true);
  });
});

describe('the capture', () => {
  const image = (width: number, height: number, empty = false): CapturedImage => ({
    isEmpty: () => empty,
    getSize: () => ({ width, height }),
    resize: ({ width: to }) => image(to, Math.round((height * to) / width)),
    toJPEG: (quality) => Buffer.from(`jpeg ${width}x${height} q${quality}`),
  });

  it(`shrinks the window to ${SCREENSHOT_WIDTH} pixels wide, in its own shape`, async () => {
    expect(String(await smallJpegOf(async () => image(1920, 1080)))).toBe('jpeg 480x270 q60');
    expect(String(await smallJpegOf(async () => image(1080, 1920)))).toBe('jpeg 480x853 q60');
    expect(String(await smallJpegOf(async () => image(320, 200)))).toBe('jpeg 320x200 q60');
  });

  it('gives nothing when nothing was drawn', async () => {
    expect(await smallJpegOf(async () => image(0, 0, true))).toBeNull();
  });
});
