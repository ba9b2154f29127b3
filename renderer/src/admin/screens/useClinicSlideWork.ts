import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaFilesOf, type AdminBridge, type CustomSlide } from '../../../../contract';
import { useUnsavedWork } from '../unsavedWork';
import { copiedFiles, draftProblem, EMPTY_TEXT, toDraft, type Draft } from './clinicSlideDraft';

/** What an import running now will give: the new slide's draft, or null (refused, or captions). */
export type RunningImport = Promise<Draft | null>;

/**
 * The clinic slide form's unsaved work, as the admin's shell sees it when staff leave: the draft
 * (or a copy still running), whether it would save, and what Discard tidies: a picture or video
 * copied for a slide that was never made is removed from the kiosk, and staff are told so.
 */
export function useClinicSlideWork({
  admin,
  slides,
  draft,
  saveDraft,
}: {
  admin: AdminBridge;
  slides: readonly CustomSlide[];
  draft: Draft | null;
  saveDraft: (draft: Draft) => Promise<boolean>;
}) {
  const { t } = useTranslation('admin');
  const running = useRef<{ kind: 'image' | 'video' | 'captions'; done: RunningImport } | null>(
    null,
  );
  /** What is being copied now, for what this render says. */
  const [copying, setCopying] = useState<'image' | 'video' | 'captions' | null>(null);

  /** Removes what a new slide's draft copied (waiting for a copy still running); says what it did. */
  const removeCopied = async (current: Draft | null): Promise<string | null> => {
    const copying = running.current;
    const target = copying ? ((await copying.done) ?? current) : current;
    // A file a saved slide uses stays (the same picture imported twice is one file).
    const used = new Set(mediaFilesOf(slides));
    const files = copiedFiles(target).filter((file) => !used.has(file));
    let removed = false;
    for (const file of files) {
      const result = await admin.mediaDelete({ file }).catch(() => null);
      if (result?.ok) removed = true;
    }
    return removed && target?.kind !== 'text' && target
      ? t(`keepWork.copyRemoved.${target.kind}`)
      : null;
  };

  /** Records an import as it starts, so leaving meanwhile can wait for it. */
  const track = (kind: 'image' | 'video' | 'captions', done: RunningImport) => {
    const entry = { kind, done };
    running.current = entry;
    setCopying(kind);
    void done.finally(() => {
      if (running.current !== entry) return;
      running.current = null;
      setCopying(null);
    });
  };

  const saved = draft?.id ? slides.find((slide) => slide.id === draft.id) : undefined;
  const baseline = saved ? toDraft(saved) : draft?.kind === 'text' ? EMPTY_TEXT : null;
  const newCopy = copiedFiles(draft).length > 0 || copying !== null;
  const copyKind = copying ?? draft?.kind;
  useUnsavedWork({
    dirty: newCopy || (draft !== null && JSON.stringify(draft) !== JSON.stringify(baseline)),
    canSave: () => copying === null && draft !== null && draftProblem(t, draft) === null,
    save: async () => {
      // A copy still running is finished first; staff then complete the slide's form.
      if (running.current) {
        await running.current.done;
        return false;
      }
      return draft ? saveDraft(draft) : true;
    },
    discard: () => removeCopied(draft),
    snapshot: draft,
    discardNote:
      newCopy && (copyKind === 'image' || copyKind === 'video')
        ? t(`keepWork.copyNote.${copyKind}`)
        : undefined,
  });

  return { removeCopied, track };
}
