import type { TFunction } from 'i18next';
import { WEB_ADDRESS_MAX_LENGTH, type EditableSettings } from '../../../contract';

/**
 * What main would refuse in these settings that staff can put right, said in their words (main
 * says it in a programmer's: `defaultPlaylistId: … has no slide switched on`). Null: nothing
 * known; main still checks everything.
 */
export function settingsProblem(t: TFunction<'admin'>, settings: EditableSettings): string | null {
  const playing = settings.playlists.find((playlist) => playlist.id === settings.defaultPlaylistId);
  if (playing && !playing.entries.some((entry) => entry.enabled)) {
    return t('keepWork.nothingPlays');
  }
  if (!looksLikeWebAddress(settings.clinic.webAddress)) return t('keepWork.badWebAddress');
  if (settings.clinic.name.trim() === '') return t('keepWork.needsClinicName');
  return null;
}

/**
 * The web address rule of the contract's WebAddressSchema (empty, or http(s) with a domain),
 * checked without zod: the admin shares the contract's settings module with the player's
 * start-up bundle, and a schema used here would carry zod into it (tests/built/startupBudget).
 * Main checks the real schema on every save.
 */
export function looksLikeWebAddress(text: string): boolean {
  if (text === '') return true;
  if (text.length > WEB_ADDRESS_MAX_LENGTH) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return /^https?:$/.test(url.protocol) && /^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(url.hostname);
}
