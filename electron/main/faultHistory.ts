/**
 * Restarts caused by faults, kept on disk so a lasting fault cannot relaunch the kiosk every
 * 90 seconds forever: the watchdog's relaunches, and starts after a run that never ended
 * cleanly (a crash of main itself, restarted by systemd or Shell Launcher). After
 * `SAFE_MODE_AFTER` of them within `SAFE_MODE_WINDOW_MS`, the next start is in safe mode: the
 * built-in deck only, the clinic's slides, media and schedule set aside (not deleted), until an
 * hour passes without a fault or staff end it.
 *
 * Plain Node with an injected clock; the file is written durably before a relaunch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from '../../contract/zod';
import { removeLeftoverTemporaryFiles, writeFileDurably } from './durableFile';

export const FAULT_HISTORY_FILE = 'restarts.json';
export const SAFE_MODE_AFTER = 3;
export const SAFE_MODE_WINDOW_MS = 15 * 60_000;
export const SAFE_MODE_CALM_MS = 60 * 60_000;

const Text = (max: number) => z.string().check(z.maxLength(max));
const FaultHistoryFileSchema = z.strictObject({
  version: z.literal(1),
  /** True from start until a clean quit, a planned restart or a recorded relaunch. */
  running: z.boolean(),
  restarts: z.array(z.strictObject({ at: Text(40), reason: Text(500) })).check(z.maxLength(50)),
  safeMode: z.nullable(z.strictObject({ since: Text(40), reason: Text(500) })),
});
type FaultHistoryFile = z.infer<typeof FaultHistoryFileSchema>;

export interface SafeMode {
  /** When this safe mode began (ISO 8601). */
  since: string;
  /** Why, in plain words, for Kiosk status. */
  reason: string;
}

export interface FaultHistoryOptions {
  directory: string;
  now(): Date;
}

export interface FaultHistory {
  /** Safe mode for this run, or null. */
  safeMode(): SafeMode | null;
  /** The app is relaunching itself because of a fault: counted, and written before it goes. */
  recordRelaunch(reason: string): void;
  /** This run ends on purpose (quit, the nightly restart): not a fault. */
  markCleanExit(): void;
  /** Back to the clinic's own slides (an hour without faults, or staff asked). */
  leaveSafeMode(): void;
}

const EMPTY: FaultHistoryFile = { version: 1, running: false, restarts: [], safeMode: null };

function read(file: string): FaultHistoryFile {
  try {
    const parsed = FaultHistoryFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : EMPTY;
  } catch {
    // Missing or damaged: no history. The worst case is one more relaunch before safe mode.
    return EMPTY;
  }
}

/**
 * Opens the history at start: counts an unclean end of the previous run as a fault, decides
 * whether this run is in safe mode, and marks this run as running.
 */
export function openFaultHistory(options: FaultHistoryOptions): FaultHistory {
  const file = path.join(options.directory, FAULT_HISTORY_FILE);
  removeLeftoverTemporaryFiles(file);
  const stored = read(file);
  const at = options.now();
  const recent = (restarts: FaultHistoryFile['restarts']) =>
    restarts.filter((restart) => at.getTime() - Date.parse(restart.at) < SAFE_MODE_WINDOW_MS);
  let restarts = stored.running
    ? [...stored.restarts, { at: at.toISOString(), reason: 'the app stopped unexpectedly' }]
    : stored.restarts;
  restarts = recent(restarts).slice(-50);
  let safeMode = stored.safeMode;
  if (!safeMode && restarts.length >= SAFE_MODE_AFTER) {
    const last = restarts[restarts.length - 1]!;
    safeMode = {
      since: at.toISOString(),
      reason: `restarted ${restarts.length} times in ${SAFE_MODE_WINDOW_MS / 60_000} minutes (last: ${last.reason})`,
    };
  }
  let document: FaultHistoryFile = { version: 1, running: true, restarts, safeMode };
  const save = () => {
    try {
      writeFileDurably(file, `${JSON.stringify(document, null, 2)}\n`);
    } catch (error) {
      // A full or read-only disk must not stop the kiosk; the count is then kept for this run.
      console.warn(`[faults] could not write ${FAULT_HISTORY_FILE}: ${String(error)}`);
    }
  };
  save();

  return {
    safeMode: () => document.safeMode,
    recordRelaunch(reason) {
      const now = options.now().toISOString();
      document = {
        ...document,
        running: false,
        restarts: [...document.restarts, { at: now, reason: reason.slice(0, 500) }].slice(-50),
      };
      save();
    },
    markCleanExit() {
      document = { ...document, running: false };
      save();
    },
    leaveSafeMode() {
      document = { ...document, safeMode: null, restarts: [] };
      save();
    },
  };
}
