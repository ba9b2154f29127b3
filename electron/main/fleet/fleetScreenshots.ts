/**
 * The optional picture of this screen in the shared status folder, beside its status file:
 * `status/<kiosk id>.jpg`, small (480 pixels wide), every 5 minutes. Off unless staff turn it
 * on for this kiosk; never taken while the admin is open (staff may be typing) or while the
 * watchdog is recovering the page; never kept on a consultation-room kiosk (presenting), where
 * an existing picture is removed. Turning it off, or leaving the fleet, removes the picture.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { KioskStatus } from './fleetStatus';
import { STATUS_FOLDER } from './fleetStatus';

export const SCREENSHOT_EVERY_MS = 5 * 60_000;
/** Wide enough to tell which slide is up and whether the screen is dark; a few tens of kB. */
export const SCREENSHOT_WIDTH = 480;
export const SCREENSHOT_QUALITY = 60;
/** A bigger file in the folder is not one of ours: it is not served. */
export const SCREENSHOT_MAX_BYTES = 300_000;
/** After the screen changes (the admin closed, say), the first picture waits this long. */
export const SCREENSHOT_SETTLE_MS = 3_000;
/** The names served from the status folder: a kiosk id and .jpg, nothing else. */
export const SCREENSHOT_NAME = /^[a-z0-9][a-z0-9-]{3,62}\.jpg$/;

/** The part of Electron's NativeImage a capture needs (tests pass their own). */
export interface CapturedImage {
  isEmpty(): boolean;
  getSize(): { width: number; height: number };
  resize(options: { width: number; quality?: 'good' | 'better' | 'best' }): CapturedImage;
  toJPEG(quality: number): Buffer;
}

/** JPEG's start-of-image marker: what a picture from another kiosk must begin with. */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** The page as a small JPEG; null when nothing was drawn (a window hidden or not loaded yet). */
export async function smallJpegOf(capture: () => Promise<CapturedImage>): Promise<Buffer | null> {
  const image = await capture();
  if (image.isEmpty()) return null;
  const { width } = image.getSize();
  const small =
    width > SCREENSHOT_WIDTH ? image.resize({ width: SCREENSHOT_WIDTH, quality: 'good' }) : image;
  return small.toJPEG(SCREENSHOT_QUALITY);
}

export function screenshotFile(statusFolder: string, kioskId: string): string {
  return path.join(statusFolder, STATUS_FOLDER, `${kioskId}.jpg`);
}

export interface ScreenshotterOptions {
  now(): Date;
  /** The kiosk window's page as a small JPEG (main's capture; absent where there is no window). */
  capture?: () => Promise<Buffer | null>;
  /** Where this kiosk's picture goes and whether staff turned it on; null outside a fleet. */
  place(): { statusFolder: string; kioskId: string; on: boolean } | null;
  /** What the kiosk is doing now (its status file's state). */
  state(): KioskStatus['state'];
  /** A picture was written or removed: the status file says so. */
  changed(): void;
}

export interface Screenshotter {
  /** When the picture in the folder was taken (null: there is none). */
  takenAt(): string | null;
  /** Takes a picture now if the rules allow, or removes it where they say so. */
  take(): Promise<void>;
  /** The screen changed: a kiosk without a recent picture gets one shortly. */
  screenChanged(): void;
  /** Looks at the rules again now (turned on or off, joined, left). */
  restart(): void;
  /** Removes this kiosk's picture from `statusFolder` (leaving the fleet). */
  remove(statusFolder: string, kioskId: string): void;
  stop(): void;
}

export function createScreenshotter(options: ScreenshotterOptions): Screenshotter {
  let takenAt: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let settleTimer: NodeJS.Timeout | null = null;
  let taking = false;

  const remove = (statusFolder: string, kioskId: string) => {
    try {
      fs.rmSync(screenshotFile(statusFolder, kioskId), { force: true });
    } catch {
      // The share is offline: the next look removes it.
    }
    if (takenAt !== null) {
      takenAt = null;
      options.changed();
    }
  };

  async function take(): Promise<void> {
    const place = options.place();
    if (!place) return;
    const state = options.state();
    if (!place.on || state === 'presenting') {
      // Off, or a consultation room: no picture of this screen stays in the folder.
      remove(place.statusFolder, place.kioskId);
      return;
    }
    if (state === 'admin' || state === 'recovering' || taking || !options.capture) return;
    taking = true;
    try {
      const jpeg = await options.capture();
      // The admin may have opened while the page was being captured: that picture is dropped.
      if (!jpeg || !isJpeg(jpeg) || jpeg.length > SCREENSHOT_MAX_BYTES) return;
      if (options.state() === 'admin' || !options.place()?.on) return;
      const file = screenshotFile(place.statusFolder, place.kioskId);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Whole or not at all, as the status file: a reader never sees half a picture.
      const temporary = path.join(path.dirname(file), `.${place.kioskId}.jpg.tmp`);
      fs.writeFileSync(temporary, jpeg);
      fs.renameSync(temporary, file);
      takenAt = options.now().toISOString();
      options.changed();
    } catch (error) {
      // No window to capture, or the share is offline: try at the next turn.
      void error;
    } finally {
      taking = false;
    }
  }

  const clearTimers = () => {
    if (timer) clearInterval(timer);
    if (settleTimer) clearTimeout(settleTimer);
    timer = null;
    settleTimer = null;
  };

  const restart = () => {
    clearTimers();
    const place = options.place();
    if (!place) {
      takenAt = null;
      return;
    }
    if (place.on) {
      // A picture from before a restart is still this screen's: say when it was taken.
      try {
        takenAt = fs
          .statSync(screenshotFile(place.statusFolder, place.kioskId))
          .mtime.toISOString();
      } catch {
        takenAt = null;
      }
      timer = setInterval(() => void take(), SCREENSHOT_EVERY_MS);
      timer.unref?.();
    }
    void take();
  };

  return {
    takenAt: () => takenAt,
    take,
    screenChanged() {
      const place = options.place();
      if (!place?.on || settleTimer) return;
      const age = takenAt === null ? Infinity : options.now().getTime() - Date.parse(takenAt);
      if (age < SCREENSHOT_EVERY_MS && options.state() !== 'presenting') return;
      settleTimer = setTimeout(() => {
        settleTimer = null;
        void take();
      }, SCREENSHOT_SETTLE_MS);
      settleTimer.unref?.();
    },
    restart,
    remove,
    stop: clearTimers,
  };
}
