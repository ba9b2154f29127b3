import { useCallback, useRef, useState } from 'react';
import { keepDraft } from './keptDraft';
import type { UnsavedWork } from './unsavedWork';

/** A leave waiting for staff to say what becomes of their changes. */
export interface LeaveQuestion {
  /** Said in the question: what Discard does beyond dropping the changes. */
  note: string | null;
  /** "Save" is offered (the changes can be saved from here). */
  canSave: boolean;
  busy: boolean;
}

/**
 * Leaving the screen in front of staff (Back to slides, another section, the auto-leave) with
 * unsaved changes: asks "Save changes?" (Save / Discard / Keep editing); the auto-leave saves them
 * if they would be taken, and keeps them for staff's return when not.
 */
export function useLeaveGuard(onNotice: (text: string) => void) {
  const work = useRef<UnsavedWork | null>(null);
  const pending = useRef<(() => void) | null>(null);
  const [dirty, setDirty] = useState(false);
  const [question, setQuestion] = useState<LeaveQuestion | null>(null);
  const autoLeaving = useRef(false);

  const report = useCallback((next: UnsavedWork | null) => {
    work.current = next;
    setDirty(next?.dirty ?? false);
  }, []);

  const requestLeave = (leave: () => void) => {
    if (!work.current?.dirty) return leave();
    pending.current = leave;
    setQuestion({
      note: work.current.discardNote ?? null,
      canSave: work.current.save !== undefined,
      busy: false,
    });
  };

  const leaveNow = () => {
    const leave = pending.current;
    pending.current = null;
    setQuestion(null);
    leave?.();
  };

  const answer = {
    save: async () => {
      setQuestion((current) => current && { ...current, busy: true });
      const saved = (await work.current?.save?.()) ?? true;
      // Refused: staff stay, and the screen says why next to what is wrong.
      if (saved) leaveNow();
      else {
        pending.current = null;
        setQuestion(null);
      }
    },
    discard: async () => {
      setQuestion((current) => current && { ...current, busy: true });
      const said = (await work.current?.discard?.()) ?? null;
      leaveNow();
      // After leaving: going to another section clears the last notice, and this one is new.
      if (said) onNotice(said);
    },
    keepEditing: () => {
      pending.current = null;
      setQuestion(null);
    },
  };

  /** What the auto-leave would do now: save the changes, keep them, or nothing to do. */
  const autoPlan = (): 'save' | 'keep' | null => {
    const current = work.current;
    if (!current?.dirty) return null;
    return current.canSave() ? 'save' : 'keep';
  };

  const autoLeave = async (section: string, leave: () => void) => {
    if (autoLeaving.current) return;
    autoLeaving.current = true;
    const current = work.current;
    if (current?.dirty) {
      const saved = current.canSave() && ((await current.save?.()) ?? false);
      if (!saved) keepDraft({ section, snapshot: current.snapshot });
    }
    setQuestion(null);
    leave();
  };

  return { report, dirty, question, requestLeave, answer, autoPlan, autoLeave };
}
