import type { TFunction } from 'i18next';
import {
  ABOUT_TEXT_MAX_LENGTH,
  CRISIS_TEXT_MAX_LENGTH,
  LANGUAGES,
  linesTextLength,
  WEB_ADDRESS_MAX_LENGTH,
  type EditableSettings,
} from '../../../contract';

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
  // The fields take no more, but text kept from before main's limit may be longer (a setup, an
  // old settings file): every screen's save carries it, and main refuses it until shortened.
  for (const language of LANGUAGES) {
    const name = t(`languageName.${language}`);
    if (linesTextLength(settings.clinic.about, language) > ABOUT_TEXT_MAX_LENGTH) {
      return t('clinic.aboutTooLong', { language: name, max: ABOUT_TEXT_MAX_LENGTH });
    }
    if (linesTextLength(settings.clinic.crisisLines, language) > CRISIS_TEXT_MAX_LENGTH) {
      return t('clinic.crisisTooLong', { language: name, max: CRISIS_TEXT_MAX_LENGTH });
    }
  }
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
