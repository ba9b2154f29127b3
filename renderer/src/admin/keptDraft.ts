/**
 * Changes the 2-minute auto-leave could not save, kept for staff to finish when they come back.
 * They live as long as the page does (the admin's bundle stays loaded once opened); a reload of
 * the kiosk starts clean, as the saved settings are what the kiosk shows.
 */
export interface KeptDraft {
  /** The admin section the changes belong to. */
  section: string;
  /** The screen's own draft, as it handed it over. */
  snapshot: unknown;
}

let kept: KeptDraft | null = null;

export function keepDraft(draft: KeptDraft): void {
  kept = draft;
}

/** The kept changes, handed over once. */
export function takeKeptDraft(): KeptDraft | null {
  const taken = kept;
  kept = null;
  return taken;
}
