import { localTimeOf } from '../../../contract';

/**
 * The kiosk's local calendar date, YYYY-MM-DD, read as the player reads it (clinic slides
 * leave the loop by it, reviews fall due by it).
 */
export function today(): string {
  return localTimeOf(new Date()).date;
}
