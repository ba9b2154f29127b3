import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localize,
  type AdminState,
  type CustomSlide,
  type EditableSettings,
  type Language,
} from '../../../../contract';
import { editable } from '../editable';
import { useUndo } from '../kit';

/**
 * Deleting a clinic slide: asked first when patients see it (a playlist plays it), saved at once,
 * then undoable for a while: Undo puts it back where it was, in the settings as they are by then.
 * `current` gives the settings as they are now (after other saves, and a form saved just before).
 */
export function useSlideDelete({
  current,
  language,
  save,
}: {
  current: () => AdminState;
  language: Language;
  save: (settings: EditableSettings, done: string) => Promise<boolean>;
}) {
  const { t } = useTranslation('admin');
  const [confirming, setConfirming] = useState<CustomSlide | null>(null);
  const { offer, offerUndo, undo } = useUndo();

  const remove = async (slide: CustomSlide) => {
    setConfirming(null);
    const base = editable(current());
    const slides = base.customSlides;
    const deleted = await save(
      {
        ...base,
        customSlides: slides.filter((existing) => existing.id !== slide.id),
        playlists: base.playlists.map((playlist) => ({
          ...playlist,
          entries: playlist.entries.filter((entry) => entry.slideId !== slide.id),
        })),
      },
      t('clinicSlides.deleted'),
    );
    if (!deleted) return;
    offerUndo({
      text: t('keepWork.deletedSlide', { title: localize(slide.title, language) }),
      undo: () => {
        const now = editable(current());
        void save(
          {
            ...now,
            customSlides: withAt(
              now.customSlides,
              slides.findIndex((existing) => existing.id === slide.id),
              slide,
            ),
            playlists: now.playlists.map((playlist) => {
              const before = base.playlists.find((old) => old.id === playlist.id);
              const at = before?.entries.findIndex((entry) => entry.slideId === slide.id) ?? -1;
              return at < 0
                ? playlist
                : { ...playlist, entries: withAt(playlist.entries, at, before!.entries[at]!) };
            }),
          },
          t('keepWork.undone'),
        );
      },
    });
  };

  /** What patients see changes with this slide's delete: a playlist plays it. */
  const onScreen = (slide: CustomSlide) =>
    current().settings.playlists.some((playlist) =>
      playlist.entries.some((entry) => entry.slideId === slide.id && entry.enabled),
    );

  return {
    /** The slide whose delete waits for staff to confirm. */
    confirming,
    cancel: () => setConfirming(null),
    /** A tap on Delete: asks first when patients see the slide. */
    request: (slide: CustomSlide) => (onScreen(slide) ? setConfirming(slide) : void remove(slide)),
    remove: (slide: CustomSlide) => void remove(slide),
    offer,
    undo,
  };
}

/** The list with `item` put back at `index` (or at the end). */
function withAt<T>(list: readonly T[], index: number, item: T): T[] {
  const next = [...list];
  next.splice(index < 0 ? next.length : Math.min(index, next.length), 0, item);
  return next;
}
