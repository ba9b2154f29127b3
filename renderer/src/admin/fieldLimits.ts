/*
 * The longest entry each admin field takes: the contract's own limits (the schemas use the same
 * constants), so a field never accepts what main would refuse.
 */
export {
  ABOUT_TEXT_MAX_LENGTH,
  CLINIC_LOCATION_MAX_LENGTH,
  CLINIC_NAME_MAX_LENGTH,
  CLINIC_PHONE_MAX_LENGTH,
  CRISIS_TEXT_MAX_LENGTH,
  MAX_ABOUT_LINES,
  MAX_CRISIS_LINES,
  MAX_PIN_DIGITS,
  MIN_PIN_DIGITS,
  PLAYLIST_NAME_MAX_LENGTH,
  REVIEWER_MAX_LENGTH,
  WEB_ADDRESS_MAX_LENGTH,
} from '../../../contract';

/** A calendar date as staff type it, YYYY-MM-DD: a format's length, not a limit. */
export const DATE_LENGTH = 'YYYY-MM-DD'.length;
