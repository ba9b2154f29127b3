import type { Slide } from '../contract/deck';

/**
 * What of a built-in slide only the presenter view and the admin read: the speaker notes and
 * the clinical review's marks. The build splits them off the deck the waiting room loads at
 * start (electron.vite.config.ts) and the screens that read them put them back.
 */
export type SlideExtras = Pick<Slide, 'notes' | 'review'>;

/** Slide id → its extras, for the slides that have any. */
export type DeckExtras = Readonly<Record<string, SlideExtras>>;

/** The slides without their extras, and the extras by slide id. */
export function splitDeckExtras(slides: readonly Slide[]): { slides: Slide[]; extras: DeckExtras } {
  const extras: Record<string, SlideExtras> = {};
  const stripped = slides.map(({ notes, review, ...rest }) => {
    if (notes !== undefined || review !== undefined) {
      extras[rest.id] = {
        ...(notes === undefined ? {} : { notes }),
        ...(review === undefined ? {} : { review }),
      };
    }
    return rest;
  });
  return { slides: stripped, extras };
}

/**
 * The slides with their extras put back, by id (a clinic slide's id starts with `custom-`, so
 * it never takes a built-in slide's). A slide that already carries notes keeps its own.
 */
export function withDeckExtras(slides: readonly Slide[], extras: DeckExtras): Slide[] {
  return slides.map((slide) => {
    const own = Object.hasOwn(extras, slide.id) ? extras[slide.id] : undefined;
    return own ? { ...own, ...slide } : slide;
  });
}
