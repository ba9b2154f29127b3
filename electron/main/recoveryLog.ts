import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { ProblemReport } from '../../contract';

/** How a problem the page reports is written in the log: the slide's id first, then what. */
export function describeProblem(report: ProblemReport): string {
  return `${report.slideId ?? ''} ${report.message}`.trim();
}

export interface RecoveryLogEntry {
  at: string;
  event: string;
  detail: string;
}

export interface RecoveryLogOptions {
  directory: string;
  fileName?: string;
  /** Rotate when the current file would pass this size. */
  maxBytes?: number;
  /** Older files kept: recoveries.log.1 … .N */
  keep?: number;
  now?: () => Date;
}

export interface RecoveryLog {
  /**
   * Never throws: a log is a courtesy, and a full or read-only disk must not stop a start, a
   * watchdog recovery or an admin call (a failure is reported on the console).
   */
  append(event: string, detail: string): void;
  /** The newest entries first, across rotated files. */
  recent(limit: number): RecoveryLogEntry[];
}

/**
 * A small rotating log of every recovery, as JSON lines in the app's data folder, so a
 * kiosk that ran alone for weeks can tell staff what happened to it.
 */
export function createRecoveryLog(options: RecoveryLogOptions): RecoveryLog {
  const fileName = options.fileName ?? 'recoveries.log';
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const keep = options.keep ?? 3;
  const now = options.now ?? (() => new Date());
  const path = (generation: number) =>
    join(options.directory, generation === 0 ? fileName : `${fileName}.${generation}`);

  function rotate(): void {
    for (let generation = keep - 1; generation >= 0; generation -= 1) {
      if (existsSync(path(generation))) renameSync(path(generation), path(generation + 1));
    }
  }

  /** Whether the last append failed, so a disk that stays full is reported once, not per entry. */
  let failing = false;

  return {
    append(event, detail) {
      const line = `${JSON.stringify({ at: now().toISOString(), event, detail: detail.slice(0, 1000) })}\n`;
      try {
        mkdirSync(options.directory, { recursive: true });
        const size = existsSync(path(0)) ? statSync(path(0)).size : 0;
        if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
        appendFileSync(path(0), line);
        failing = false;
      } catch (error) {
        if (!failing) console.warn(`[log] ${fileName} could not be written: ${String(error)}`);
        failing = true;
      }
    },
    recent(limit) {
      const entries: RecoveryLogEntry[] = [];
      for (let generation = 0; generation <= keep && entries.length < limit; generation += 1) {
        if (!existsSync(path(generation))) continue;
        const lines = readFileSync(path(generation), 'utf8').split('\n').filter(Boolean).reverse();
        for (const line of lines) {
          try {
            entries.push(JSON.parse(line) as RecoveryLogEntry);
          } catch {
            // A line cut short by a power cut: skip it, keep the rest.
          }
          if (entries.length >= limit) break;
        }
      }
      return entries;
    },
  };
}
