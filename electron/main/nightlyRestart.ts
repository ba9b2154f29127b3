/**
 * Milliseconds from `now` until the next `hour`:00 local time. Built on the local calendar
 * (not now + 24 h), so a daylight-saving change moves nothing: 03:00 stays 03:00. When the
 * hour does not exist that night (spring forward), the restart happens at the next valid time.
 */
export function msUntilNextRestart(now: Date, hour: number): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}
