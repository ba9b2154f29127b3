import type {
  AdminState,
  ContentReview,
  Language,
  ReviewedContent,
  Slide,
} from '../../../../contract';

/** What the review and expiry checks need from the admin's state. */
export function reviewedContentOf(
  state: AdminState,
  deckSlides: readonly Slide[],
): ReviewedContent {
  return {
    deckSlides,
    contentVersion: state.deckContentVersion,
    reviews: state.settings.contentReviews,
    crisisLines: state.settings.clinic.crisisLines,
    customSlides: state.settings.customSlides,
    playlists: state.settings.playlists,
  };
}

/** One language's review: of this content version, of an older one, or none yet. */
export function reviewSummary(
  reviews: readonly ContentReview[],
  language: Language,
  contentVersion: string,
): { kind: 'current' | 'outdated' | 'none'; review?: ContentReview } {
  const ofLanguage = reviews.filter((review) => review.language === language);
  const current = ofLanguage.filter((review) => review.contentVersion === contentVersion).at(-1);
  if (current) return { kind: 'current', review: current };
  const last = ofLanguage.at(-1);
  return last ? { kind: 'outdated', review: last } : { kind: 'none' };
}
