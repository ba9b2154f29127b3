/** How often a running admin call tells the idle timer that staff are still at work. */
export const BUSY_PULSE_MS = 10_000;

/**
 * Calls `pulse` now and every `everyMs` until `task` settles, then returns its outcome. A long
 * export or import is staff at work: the admin must not time out (nor main's session lapse)
 * under it, even when no progress arrives.
 */
export async function whileBusy<T>(
  task: Promise<T>,
  pulse: () => void,
  everyMs: number = BUSY_PULSE_MS,
): Promise<T> {
  pulse();
  const timer = setInterval(pulse, everyMs);
  try {
    return await task;
  } finally {
    clearInterval(timer);
  }
}

/** The pulse the admin's idle timer listens for. */
export function announceBusy(): void {
  window.dispatchEvent(new Event('admin-busy'));
}
