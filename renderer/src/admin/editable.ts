import type { AdminState, EditableSettings } from '../../../contract';

/** The settings staff can change, as they are saved now: what a screen's save starts from. */
export function editable(state: AdminState): EditableSettings {
  const { idleTimeoutSeconds, defaultLanguage, transition, showProgressBar, mode } = state.settings;
  return {
    idleTimeoutSeconds,
    defaultLanguage,
    transition,
    showProgressBar,
    readingWordsPerMinute: state.settings.readingWordsPerMinute,
    mode,
    nightlyRestartHour: state.settings.nightlyRestartHour,
    playLogRetentionDays: state.settings.playLogRetentionDays,
    clinic: state.settings.clinic,
    playlists: state.settings.playlists,
    defaultPlaylistId: state.settings.defaultPlaylistId,
    customSlides: state.settings.customSlides,
    schedule: state.settings.schedule,
  };
}
