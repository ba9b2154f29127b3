import { useState, type SetStateAction } from 'react';
import type { EditableSettings } from '../../../contract';
import { editable } from './editable';
import type { ScreenProps } from './screens/ScreenProps';
import { useAdminCall, type CallOutcome } from './useAdminCall';

export interface SettingsDraft<Draft> {
  /** What staff have on screen, saved or not. */
  draft: Draft;
  /** Change the draft; the last save's outcome gives way to "not saved". */
  change: (change: SetStateAction<Draft>) => void;
  /** The draft would save something other than what is saved now. */
  dirty: boolean;
  /** Sends the settings with this draft applied; main checks them, and the screen shows `done`. */
  save: (done: string) => Promise<boolean>;
  /** For the SaveBar. */
  busy: boolean;
  outcome: CallOutcome | null;
}

/**
 * A screen's unsaved changes to the settings: the draft, whether it differs from what is saved,
 * and the save call (the whole editable settings, this screen's part replaced by the draft).
 * `apply` puts a draft into the saved settings; it decides both what a save sends and what
 * counts as a change.
 */
export function useSettingsDraft<Draft>(
  { admin, state, onState, onSessionClosed }: ScreenProps,
  initial: () => Draft,
  apply: (draft: Draft, saved: EditableSettings) => EditableSettings,
): SettingsDraft<Draft> {
  const [draft, setDraft] = useState(initial);
  const call = useAdminCall(onSessionClosed);
  const saved = editable(state);
  const settings = apply(draft, saved);
  return {
    draft,
    change: (next) => {
      call.clear();
      setDraft(next);
    },
    dirty: JSON.stringify(settings) !== JSON.stringify(saved),
    save: (done) => call.run(() => admin.saveSettings({ settings }), done, onState),
    busy: call.busy,
    outcome: call.outcome,
  };
}
