/**
 * Each kiosk's health in the shared folder: `status/<kiosk id>.json`, written whole (temporary
 * name, then rename) every minute and whenever its state changes; each kiosk writes only its
 * own file. Every member reads them all for its Screens view.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DayGlanceSchema, KioskStateSchema } from '../../../contract';
import { z } from '../../../contract/zod';

export const STATUS_FOLDER = 'status';
/** A screen not heard from for this long is flagged. */
export const UNSEEN_AFTER_MS = 3 * 60_000;
/** A status file from further ahead than this is from a kiosk whose clock is wrong. */
export const FUTURE_SLACK_MS = 5 * 60_000;

export const KioskIdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{3,62}$/));

export { KioskStateSchema };

export const KioskStatusSchema = z.strictObject({
  kioskId: KioskIdSchema,
  name: z.string().check(z.maxLength(80)),
  room: z.string().check(z.maxLength(80)),
  appVersion: z.string().check(z.maxLength(40)),
  setupVersion: z.int().check(z.nonnegative()),
  state: KioskStateSchema,
  currentSlide: z.nullable(z.string().check(z.maxLength(80))),
  lastRecovery: z.nullable(
    z.strictObject({
      at: z.string().check(z.maxLength(40)),
      reason: z.string().check(z.maxLength(300)),
    }),
  ),
  freeDiskBytes: z.nullable(z.number().check(z.nonnegative())),
  /** Yesterday's totals from the play log, where it has them. */
  yesterday: z.nullable(DayGlanceSchema),
  /** The last refusal of a published setup on this kiosk, in plain words. */
  lastRefusal: z.nullable(z.string().check(z.maxLength(300))),
  /**
   * When the picture beside this file (`<kiosk id>.jpg`) was taken; null or absent: there is
   * none (turned off, the admin open since, a consultation room, or an older app version).
   */
  screenshotAt: z.optional(z.nullable(z.iso.datetime({ offset: true }))),
  writtenAt: z.iso.datetime({ offset: true }),
});
export type KioskStatus = z.infer<typeof KioskStatusSchema>;

export interface ScreenRow {
  kioskId: string;
  status: KioskStatus | null;
  /** What is wrong with the file or the kiosk: unreadable, from the future, not seen lately. */
  flag: 'unreadable' | 'clock-ahead' | 'not-seen' | null;
  /** Milliseconds since it wrote (null when unreadable). */
  ageMs: number | null;
}

/** Writes this kiosk's status whole: a reader never sees half a file. */
export function writeStatus(folder: string, status: KioskStatus): void {
  const directory = path.join(folder, STATUS_FOLDER);
  fs.mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `${status.kioskId}.json`);
  const temporary = path.join(directory, `.${status.kioskId}.json.tmp`);
  fs.writeFileSync(temporary, `${JSON.stringify(status, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

/** Every kiosk's status in the folder, checked, with what a person should notice. */
export function readStatuses(folder: string, now: Date): ScreenRow[] {
  const directory = path.join(folder, STATUS_FOLDER);
  let names: string[];
  try {
    names = fs.readdirSync(directory);
  } catch {
    return [];
  }
  const rows: ScreenRow[] = [];
  for (const name of names.sort()) {
    const id = /^([a-z0-9][a-z0-9-]{3,62})\.json$/.exec(name)?.[1];
    if (!id) continue;
    let status: KioskStatus | null = null;
    try {
      const parsed = KioskStatusSchema.safeParse(
        JSON.parse(fs.readFileSync(path.join(directory, name), 'utf8')),
      );
      if (parsed.success && parsed.data.kioskId === id) status = parsed.data;
    } catch {
      status = null;
    }
    if (!status) {
      rows.push({ kioskId: id, status: null, flag: 'unreadable', ageMs: null });
      continue;
    }
    const ageMs = now.getTime() - Date.parse(status.writtenAt);
    const flag =
      ageMs < -FUTURE_SLACK_MS ? 'clock-ahead' : ageMs > UNSEEN_AFTER_MS ? 'not-seen' : null;
    rows.push({ kioskId: id, status, flag, ageMs });
  }
  return rows;
}
