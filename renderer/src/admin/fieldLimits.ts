/*
 * The longest entry each admin field takes: the limits of the contract's schemas, so a field
 * never accepts what main would refuse. contract/ does not export them as constants yet (its
 * schemas write them inline), so until it does they are written here once, next to the schema
 * each one mirrors, and every screen takes them from here.
 */

/** ClinicDetailsSchema.name (contract/settings.ts). */
export const CLINIC_NAME_MAX_LENGTH = 120;
/** ClinicDetailsSchema.location. */
export const CLINIC_LOCATION_MAX_LENGTH = 160;
/** ClinicDetailsSchema.phone. */
export const CLINIC_PHONE_MAX_LENGTH = 40;
/** WebAddressSchema (contract/settings.ts). */
export const WEB_ADDRESS_MAX_LENGTH = 300;
/** ClinicDetailsSchema.crisisLines: at most this many lines. */
export const MAX_CRISIS_LINES = 5;
/** ContentReviewSchema.reviewer (contract/settings.ts). */
export const REVIEWER_MAX_LENGTH = 80;
/** PlaylistSchema.name (contract/playlist.ts). */
export const PLAYLIST_NAME_MAX_LENGTH = 60;
/** LocalDateSchema (contract/schedule.ts): YYYY-MM-DD. */
export const DATE_LENGTH = 10;
/** PinSchema (contract/admin.ts): a PIN is at most this many digits. */
export const MAX_PIN_DIGITS = 8;
