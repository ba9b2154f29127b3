import type { PlayEvent, PlayEventBatch } from '../../../contract';

/** Events wait this long to be sent together: one IPC message a second at most, off the frame path. */
export const PLAY_REPORT_DELAY_MS = 1000;
const MAX_BATCH = 200;

export interface PlayReporter {
  report(event: PlayEvent): void;
  /** Sends what is waiting now (the page is going away). */
  flush(): void;
}

/** Collects what the player reports for main's play log and sends it in batches. */
export function createPlayReporter(
  send: (batch: PlayEventBatch) => void,
  timers: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } = globalThis,
): PlayReporter {
  let waiting: PlayEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) timers.clearTimeout(timer);
    timer = null;
    while (waiting.length > 0) {
      send({ events: waiting.slice(0, MAX_BATCH) });
      waiting = waiting.slice(MAX_BATCH);
    }
  };
  return {
    report(event) {
      waiting.push(event);
      timer ??= timers.setTimeout(flush, PLAY_REPORT_DELAY_MS);
    },
    flush,
  };
}
