import { createContext, useContext, useEffect } from 'react';

/**
 * What a screen has that is not saved, told to the admin's shell so that leaving (Back to
 * slides, another section, the 2-minute auto-leave) never drops it without asking.
 */
export interface UnsavedWork {
  /** There is something not saved. */
  dirty: boolean;
  /** Whether a save would be taken as it is (checked here the way main checks it). */
  canSave(): boolean;
  /**
   * Saves it; false when refused (the screen then says why, next to what is wrong). Absent where
   * nothing can be saved from the question (the fleet's details wait for Start or Join).
   */
  save?(): Promise<boolean>;
  /**
   * Drops it, tidying what it left behind (a picture copied for a slide never made); answers
   * the sentence staff read about that, or null.
   */
  discard?(): Promise<string | null>;
  /** What the auto-leave keeps when it cannot save, for the screen to take back on return. */
  snapshot: unknown;
  /** What "Discard" does beyond dropping the changes, said in the question before it is chosen. */
  discardNote?: string;
}

type Report = (work: UnsavedWork | null) => void;

export const UnsavedWorkContext = createContext<Report>(() => undefined);

/** Runs `then` once the unsaved work is saved or discarded (staff are asked first), or at once. */
export type AskBeforeDropping = (then: () => void) => void;

export const AskBeforeDroppingContext = createContext<AskBeforeDropping>((then) => then());

/**
 * For a step inside a screen that would drop its unsaved work (opening another slide in the
 * form, deleting one): the same "Save changes?" question as leaving the screen.
 */
export function useAskBeforeDropping(): AskBeforeDropping {
  return useContext(AskBeforeDroppingContext);
}

/** Tells the shell about this screen's unsaved work on every render, and that it is gone when the screen goes. */
export function useUnsavedWork(work: UnsavedWork): void {
  const report = useContext(UnsavedWorkContext);
  useEffect(() => report(work));
  useEffect(() => () => report(null), [report]);
}
