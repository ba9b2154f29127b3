import type { AdminBridge, AdminState, Slide } from '../../../../contract';

/** What the admin's shell gives every screen. */
export interface ScreenProps {
  admin: AdminBridge;
  /** The built-in deck's slides (titles, previews). */
  deckSlides: readonly Slide[];
  state: AdminState;
  onState: (state: AdminState) => void;
  onSessionClosed: () => void;
  /** Changes to this screen the auto-leave kept last time (the screen's own draft), if any. */
  keptDraft?: unknown;
}
