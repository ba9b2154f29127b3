import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaFilesOf, type AdminBridge, type CustomSlide } from '../../../../contract';
import { useUnsavedWork } from '../unsavedWork';
import type { useAdminCall } from '../useAdminCall';
import {
  draftFiles,
  draftFor,
  draftProblem,
  EMPTY_TEXT,
  toDraft,
  type Draft,
} from './clinicSlideDraft';

/** What staff pick a file for: a new picture or video slide, or the open video's captions. */
export type Picking = 'image' | 'video' | 'captions';

/** An import running now: what it is for, and the draft it leaves (null: nothing taken). */
interface RunningImport {
  kind: Picking;
  done: Promise<Draft | null>;
}

/**
 * The clinic slide form's imports and its unsaved work, as the admin's shell sees it when staff
 * leave: the draft (or a copy still running), whether it would save, and what Discard tidies: a
 * picture, video or captions file copied for the form and used by no saved slide is removed from
 * the kiosk (after a copy still running has finished), and staff are told so.
 */
export function useClinicSlideWork({
  admin,
  slides,
  draft,
  setDraft,
  setProblem,
  saveDraft,
  call,
}: {
  admin: AdminBridge;
  slides: readonly CustomSlide[];
  draft: Draft | null;
  setDraft: (draft: Draft | null) => void;
  setProblem: (problem: string | null) => void;
  saveDraft: (draft: Draft) => Promise<boolean>;
  call: ReturnType<typeof useAdminCall>;
}) {
  const { t } = useTranslation('admin');
  const running = useRef<RunningImport | null>(null);
  /** The import staff see running now (its token, for the progress bar) and what it is for. */
  const [importing, setImporting] = useState<{ token: string; kind: Picking } | null>(null);
  // The draft as last shown, for a copy that finishes while staff type in the form.
  const shown = useRef(draft);
  useEffect(() => {
    shown.current = draft;
  });
  /** Set while Discard waits for a copy: what it brings is not put in the form, only removed. */
  const discarding = useRef(false);
  // A file a saved slide uses stays (the same picture imported twice is one file).
  const used = new Set(mediaFilesOf(slides));
  const newFiles = (current: Draft | null) => draftFiles(current).filter((file) => !used.has(file));

  /** Removes a copied file nothing uses (a picture picked as captions …); staff are not asked. */
  const removeUnused = async (file: string) => {
    if (!used.has(file)) await admin.mediaDelete({ file }).catch(() => null);
  };

  const copy = async (token: string, wanted: Picking): Promise<Draft | null> => {
    // What the answer brought: the draft it made, or a file it was not taken as.
    const outcome: { made: Draft | null; refused: string | null } = { made: null, refused: null };
    await call.run(
      () => admin.mediaImport({ token }),
      t('clinicSlides.imported'),
      (media) => {
        if (wanted === 'captions' && media.kind !== 'captions') {
          // The content decides: a video or picture is never taken as captions.
          setProblem(t('clinicSlides.notCaptions'));
          outcome.refused = media.file;
        } else if (wanted === 'captions') {
          const current = shown.current;
          outcome.made = current?.kind === 'video' ? { ...current, captions: media.file } : current;
        } else if (media.kind === 'captions') {
          setProblem(t('clinicSlides.turnedOut.captions'));
          outcome.refused = media.file;
        } else {
          // The content decides: a picture named .mp4 is a picture.
          if (media.kind !== wanted) setProblem(t(`clinicSlides.turnedOut.${media.kind}`));
          outcome.made = draftFor(media);
        }
        if (outcome.made && !discarding.current) setDraft(outcome.made);
      },
    );
    if (outcome.refused) await removeUnused(outcome.refused);
    return outcome.made;
  };

  /** Starts copying the picked file; leaving meanwhile waits for it. */
  const startImport = (token: string, kind: Picking) => {
    const entry: RunningImport = { kind, done: copy(token, kind) };
    running.current = entry;
    setImporting({ token, kind });
    void entry.done.finally(() => {
      if (running.current !== entry) return;
      running.current = null;
      setImporting(null);
    });
  };

  /** Removes what the form copied (waiting for a copy still running); says what it did. */
  const removeCopied = async (current: Draft | null): Promise<string | null> => {
    const copying = running.current;
    discarding.current = copying !== null;
    const target = copying ? ((await copying.done) ?? current) : current;
    discarding.current = false;
    const files = newFiles(target);
    const removed: string[] = [];
    for (const file of files) {
      const result = await admin.mediaDelete({ file }).catch(() => null);
      if (result?.ok) removed.push(file);
    }
    if (!target || target.kind === 'text' || removed.length === 0) return null;
    return removed.includes(target.file)
      ? t(`keepWork.copyRemoved.${target.kind}`)
      : t('keepWork.copyRemoved.captions');
  };

  const saved = draft?.id ? slides.find((slide) => slide.id === draft.id) : undefined;
  const baseline = saved ? toDraft(saved) : draft?.kind === 'text' ? EMPTY_TEXT : null;
  const copying = importing?.kind ?? null;
  /** What Discard would remove, said before it is chosen. */
  const discardNote = (): string | undefined => {
    if (copying === 'image' || copying === 'video') return t(`keepWork.copyNote.${copying}`);
    if (draft && draft.kind !== 'text' && newFiles(draft).includes(draft.file)) {
      return t(`keepWork.copyNote.${draft.kind}`);
    }
    return copying === 'captions' || newFiles(draft).length > 0
      ? t('keepWork.copyNote.captions')
      : undefined;
  };
  useUnsavedWork({
    dirty:
      copying !== null ||
      newFiles(draft).length > 0 ||
      (draft !== null && JSON.stringify(draft) !== JSON.stringify(baseline)),
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
    discardNote: discardNote(),
  });

  return { importing: importing?.token ?? null, startImport, removeCopied };
}
