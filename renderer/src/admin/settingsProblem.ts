import type { TFunction } from 'i18next';
import type { EditableSettings } from '../../../contract';

/**
 * What main would refuse in these settings that staff can put right, said in their words (main
 * says it in a programmer's: `defaultPlaylistId: … has no slide switched on`). Null: nothing.
 */
export function settingsProblem(t: TFunction<'admin'>, settings: EditableSettings): string | null {
  const playing = settings.playlists.find((playlist) => playlist.id === settings.defaultPlaylistId);
  if (playing && !playing.entries.some((entry) => entry.enabled)) {
    return t('keepWork.nothingPlays', { name: playing.name });
  }
  return null;
}
