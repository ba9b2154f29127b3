import type { Slide } from '../contract/deck';
import { LANGUAGES, type Language, type LocalizedText } from '../contract/language';
import type { CustomSlide } from '../contract/playlist';
import { addDays, addMonths, daysBetween } from './calendar';

/*
 * Content that cannot go stale: the clinical sign-off of the built-in deck is due again a year
 * after it was given, clinic slides carry their own review and expiry dates, and the crisis
 * slide's lines (a clinic setting) need a sign-off of their own whenever they change. The
 * admin's first screen and Kiosk status list what needs looking at, from 30 days ahead, and
 * any playlist that lacks the built-in safety slides.
 */

/** The built-in deck's clinical review is due again this long after its last sign-off. */
export const REVIEW_INTERVAL_MONTHS = 12;
/** Staff are warned this many days before a review is due. */
export const REVIEW_WARNING_DAYS = 30;

/** What a review record holds for these checks (ContentReview fits). */
export interface ReviewRecord {
  language: Language;
  contentVersion: string;
  reviewedOn: string;
  crisisLines?: readonly LocalizedText[] | undefined;
}

export interface ReviewedContent {
  /** The built-in deck's slides and content version. */
  deckSlides: readonly Slide[];
  contentVersion: string;
  reviews: readonly ReviewRecord[];
  crisisLines: readonly LocalizedText[];
  customSlides: readonly CustomSlide[];
  /** The saved playlists, to check that each holds the built-in safety slides. */
  playlists: readonly PlaylistSlides[];
}

/** What the safety check needs of a playlist (Playlist fits). */
export interface PlaylistSlides {
  id: string;
  name: string;
  entries: readonly { slideId: string }[];
}

export type ContentNotice =
  /** This content version of the deck has no sign-off in this language. */
  | { kind: 'deck-not-reviewed'; language: Language; version: string }
  /** The deck's sign-off in this language is due (or overdue) on `due`. */
  | { kind: 'deck-review-due'; language: Language; due: string; overdue: boolean }
  /** The crisis slide's lines changed since the sign-off in this language. */
  | { kind: 'crisis-lines-not-reviewed'; language: Language }
  /** A slide's own review date is near or past. */
  | { kind: 'slide-review-due'; slideId: string; due: string; overdue: boolean; builtIn: boolean }
  /** A slide passed its expiry date: a clinic slide left the loop; a built-in one still plays. */
  | { kind: 'slide-expired'; slideId: string; on: string; builtIn: boolean }
  /**
   * A playlist does not hold these built-in safety slides at all (switched off is staff's
   * confirmed choice, and is not reported). The settings update that added them to every playlist
   * could not add them to one that was already full; staff may also have removed one.
   */
  | {
      kind: 'playlist-lacks-safety-slides';
      playlistId: string;
      playlistName: string;
      slideIds: string[];
    };

/** The newest sign-off of this content version in this language. */
export function currentReview<T extends ReviewRecord>(
  reviews: readonly T[],
  language: Language,
  contentVersion: string,
): T | undefined {
  return reviews
    .filter((review) => review.language === language && review.contentVersion === contentVersion)
    .at(-1);
}

const sameLines = (a: readonly LocalizedText[] | undefined, b: readonly LocalizedText[]) =>
  a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/** Whether the crisis slide's lines, as they are now, were signed off in this language. */
export function crisisLinesReviewed(content: ReviewedContent, language: Language): boolean {
  const review = currentReview(content.reviews, language, content.contentVersion);
  return review !== undefined && sameLines(review.crisisLines, content.crisisLines);
}

export type ReviewMark = 'new' | 'changed' | 'crisis-lines';

/**
 * Built-in slides waiting for a clinician: new or changed in this content version while a
 * language lacks its sign-off, and the crisis slide while its lines lack one.
 */
export function slidesAwaitingReview(content: ReviewedContent): Map<string, ReviewMark> {
  const marks = new Map<string, ReviewMark>();
  const unsigned = LANGUAGES.some(
    (language) => !currentReview(content.reviews, language, content.contentVersion),
  );
  const crisisUnsigned = LANGUAGES.some((language) => !crisisLinesReviewed(content, language));
  for (const slide of content.deckSlides) {
    if (unsigned && slide.review?.version === content.contentVersion) {
      marks.set(slide.id, slide.review.change);
    } else if (slide.kind === 'crisis' && crisisUnsigned) {
      marks.set(slide.id, 'crisis-lines');
    }
  }
  return marks;
}

/** Everything staff should look at on `today` (YYYY-MM-DD, the kiosk's local date). */
export function contentNotices(content: ReviewedContent, today: string): ContentNotice[] {
  const notices: ContentNotice[] = [];
  const soon = addDays(today, REVIEW_WARNING_DAYS);
  for (const language of LANGUAGES) {
    const review = currentReview(content.reviews, language, content.contentVersion);
    if (!review) {
      notices.push({ kind: 'deck-not-reviewed', language, version: content.contentVersion });
      continue;
    }
    const due = addMonths(review.reviewedOn, REVIEW_INTERVAL_MONTHS);
    if (due <= soon)
      notices.push({ kind: 'deck-review-due', language, due, overdue: due <= today });
    if (!sameLines(review.crisisLines, content.crisisLines)) {
      notices.push({ kind: 'crisis-lines-not-reviewed', language });
    }
  }
  const safetySlideIds = content.deckSlides
    .filter((slide) => slide.safety === true)
    .map((slide) => slide.id);
  for (const playlist of content.playlists) {
    const held = new Set(playlist.entries.map((entry) => entry.slideId));
    const missing = safetySlideIds.filter((slideId) => !held.has(slideId));
    if (missing.length > 0) {
      notices.push({
        kind: 'playlist-lacks-safety-slides',
        playlistId: playlist.id,
        playlistName: playlist.name,
        slideIds: missing,
      });
    }
  }
  const slides = [
    ...content.deckSlides.map((slide) => ({ slide, builtIn: true })),
    ...content.customSlides.map((slide) => ({ slide, builtIn: false })),
  ];
  for (const { slide, builtIn } of slides) {
    if (slide.expiresOn && slide.expiresOn <= today) {
      notices.push({ kind: 'slide-expired', slideId: slide.id, on: slide.expiresOn, builtIn });
    } else if (slide.reviewDue && slide.reviewDue <= soon) {
      notices.push({
        kind: 'slide-review-due',
        slideId: slide.id,
        due: slide.reviewDue,
        overdue: slide.reviewDue <= today,
        builtIn,
      });
    }
  }
  return notices;
}

/** Days from `today` until `date` (negative once past), for "due in 12 days". */
export function daysUntil(today: string, date: string): number {
  return daysBetween(today, date);
}
