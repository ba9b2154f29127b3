import { useState, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditableSettings } from '../../../contract';
import { editable } from './editable';
import type { ScreenProps } from './screens/ScreenProps';
import { settingsProblem } from './settingsProblem';
import { useAdminCall, type CallOutcome } from './useAdminCall';
import { useUnsavedWork } from './unsavedWork';

export interface SettingsDraft<Draft> {
  /** What staff have on screen, saved or not. */
  draft: Draft;
  /** Change the draft; the last save's outcome gives way to "not saved". */
  change: (change: SetStateAction<Draft>) => void;
  /** The draft would save something other than what is saved now. */
  dirty: boolean;
  /**
   * Sends the settings with this draft applied; main checks them, and the screen shows `done`
   * (default: the screen's own sentence). A problem staff can fix is said in their words first.
   */
  save: (done?: string) => Promise<boolean>;
  /** For the SaveBar. */
  busy: boolean;
  outcome: CallOutcome | null;
}

export interface DraftOptions<Draft> {
  /** A problem to fix before saving, in staff's words (null: none). */
  check?: (draft: Draft) => string | null;
  /** What a save says once done. */
  done?: (draft: Draft) => string;
  /** The draft once saved (the Schedule closes the rule it took in). */
  afterSave?: (draft: Draft) => Draft;
}

/**
 * A screen's unsaved changes to the settings: the draft, whether it differs from what is saved,
 * and the save call (the whole editable settings, this screen's part replaced by the draft).
 * `apply` puts a draft into the saved settings; it decides both what a save sends and what
 * counts as a change. The admin's shell is told of the changes, so leaving asks about them.
 */
export function useSettingsDraft<Draft>(
  { admin, state, onState, onSessionClosed, keptDraft }: ScreenProps,
  initial: () => Draft,
  apply: (draft: Draft, saved: EditableSettings) => EditableSettings,
  options: DraftOptions<Draft> = {},
): SettingsDraft<Draft> {
  const { t } = useTranslation('admin');
  const [draft, setDraft] = useState<Draft>(() =>
    keptDraft === undefined ? initial() : (keptDraft as Draft),
  );
  const call = useAdminCall(onSessionClosed);
  const saved = editable(state);
  const settings = apply(draft, saved);
  const dirty = JSON.stringify(settings) !== JSON.stringify(saved);
  const problem = () =>
    options.check?.(draft) ?? settingsProblem(t, { ...state.settings, ...settings });
  const save = (done?: string) => {
    const found = problem();
    if (found) {
      call.refuse(found);
      return Promise.resolve(false);
    }
    return call.run(
      () => admin.saveSettings({ settings }),
      done ?? options.done?.(draft) ?? t('clinic.saved'),
      (next) => {
        if (options.afterSave) setDraft(options.afterSave(draft));
        onState(next);
      },
    );
  };
  useUnsavedWork({
    dirty,
    // What staff can put right is checked here; main checks everything else on the save (and
    // a save it refuses keeps the changes for later, see useLeaveGuard).
    canSave: () => problem() === null,
    save: () => save(),
    snapshot: draft,
  });
  return {
    draft,
    change: (next) => {
      call.clear();
      setDraft(next);
    },
    dirty,
    save,
    busy: call.busy,
    outcome: call.outcome,
  };
}
