import type { TFunction } from 'i18next';
import { SettingsSchema, type EditableSettings } from '../../../contract';

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
  const parsed = SettingsSchema.safeParse(settings);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const where = issue.path.map(String).join('.');
    if (where === 'clinic.webAddress') return t('keepWork.badWebAddress');
    if (where === 'clinic.name') return t('keepWork.needsClinicName');
  }
  return null;
}
