import { useCallback, useEffect, useState } from 'react';
import {
  localTimeOf,
  scheduleDecisionOf,
  watchClock,
  type ScheduleDecision,
  type Settings,
} from '../../../contract';

/** How often the schedule is looked at again (and after waking, and when the page shows). */
const SCHEDULE_CHECK_MS = 15_000;

/**
 * What the schedule says now, on this machine's wall clock, and today's date (clinic slides
 * expire by it): daylight-saving changes are followed at the next check, a system clock that
 * is set at once.
 */
export function useScheduleDecision(settings: Settings): {
  decision: ScheduleDecision;
  today: string;
} {
  const { schedule, defaultPlaylistId, playlists } = settings;
  const evaluate = useCallback(() => {
    const now = localTimeOf(new Date());
    return {
      decision: scheduleDecisionOf({ schedule, defaultPlaylistId, playlists }, now),
      today: now.date,
    };
  }, [schedule, defaultPlaylistId, playlists]);
  const [decision, setDecision] = useState(evaluate);
  useEffect(() => {
    const check = () =>
      setDecision((previous) => {
        const next = evaluate();
        return JSON.stringify(next) === JSON.stringify(previous) ? previous : next;
      });
    check();
    const timer = setInterval(check, SCHEDULE_CHECK_MS);
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    // Someone set the system clock: look again now, not at the next check.
    const stopWatchingClock = watchClock({ onJump: check });
    return () => {
      stopWatchingClock();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }, [evaluate]);
  return decision;
}
