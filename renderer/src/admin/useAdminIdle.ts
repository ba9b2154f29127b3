import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminBridge } from '../../../contract';

/** The admin gives the screen back to the slideshow after this long untouched … */
export const ADMIN_IDLE_MS = 120_000;
/** … warning this long before, with a button to stay. */
export const ADMIN_IDLE_WARNING_MS = 20_000;
/** Tell main the session is still in use at most this often. */
const KEEP_ALIVE_EVERY_MS = 30_000;

/**
 * Two minutes without a touch or key in the admin return the screen to the slideshow (and lock
 * the admin in main); 20 s before, a warning with a button to stay. While staff work, main's
 * session is kept open with a keep-alive at most every 30 s.
 */
export function useAdminIdle(unlocked: boolean, onTimeout: () => void, admin: AdminBridge) {
  const [openedAt] = useState(() => Date.now());
  const lastActivity = useRef(openedAt);
  const lastKeepAlive = useRef(openedAt);
  const [warningSeconds, setWarningSeconds] = useState<number | null>(null);
  const timeoutRef = useRef(onTimeout);
  useEffect(() => {
    timeoutRef.current = onTimeout;
  });

  const noteActivity = useCallback(() => {
    const now = Date.now();
    lastActivity.current = now;
    setWarningSeconds(null);
    if (unlocked && now - lastKeepAlive.current >= KEEP_ALIVE_EVERY_MS) {
      lastKeepAlive.current = now;
      void admin.keepAlive().catch(() => undefined);
    }
  }, [admin, unlocked]);

  useEffect(() => {
    const onActivity = (event: Event) => {
      // Touches on the warning itself count only through its button.
      if (event.target instanceof Element && event.target.closest('.admin-idle')) return;
      noteActivity();
    };
    // 'admin-busy': a long import is running (its progress counts as staff at work).
    const events = ['pointerdown', 'keydown', 'input', 'admin-busy'] as const;
    for (const name of events) window.addEventListener(name, onActivity, true);
    const timer = setInterval(() => {
      const left = ADMIN_IDLE_MS - (Date.now() - lastActivity.current);
      if (left <= 0) timeoutRef.current();
      else if (left <= ADMIN_IDLE_WARNING_MS) setWarningSeconds(Math.ceil(left / 1000));
    }, 1000);
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity, true);
      clearInterval(timer);
    };
  }, [noteActivity]);

  return { warningSeconds, keepWorking: noteActivity };
}
