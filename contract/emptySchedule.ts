import type { Schedule } from './schedule';

/**
 * No rules: the default playlist plays all the time. In a module of its own, without schemas,
 * so that the player's default settings need nothing of schedule.ts: a module both the player
 * and the admin use is bundled with the player, its zod schemas included (issue 24).
 */
export const EMPTY_SCHEDULE: Schedule = { weekly: [], dateRanges: [], closedDisplay: 'card' };
