import { MAX_SLIDE_SECONDS, type Slide } from '../contract/deck';
import { localize, type Language, type LocalizedText } from '../contract/language';

/*
 * How long a slide stays up when nobody set its time: as long as its words take to read in the
 * language on screen, at the pace staff chose (a setting: DEFAULT_WORDS_PER_MINUTE and its
 * bounds are in contract/settings.ts), with a little time to look up and find the
 * start, and more for a picture. Spanish says the same in more words, so a Spanish slide
 * stays up longer than the English one.
 */

/** Added to every slide's reading time: finding the start, looking up. */
export const READING_EXTRA_SECONDS = 3;
/** No slide passes faster than this, however few its words. */
export const MIN_READING_SECONDS = 8;
/** A drawing, picture or QR code adds this to the time. */
export const PICTURE_SECONDS = 3;

/** Letters or digits, joined by an apostrophe or hyphen ("clinic's", "Brain-Derived"). */
const WORD = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Seconds for `words` at `wordsPerMinute`, plus 3 s, at least 8 s; each picture adds 3 s. */
export function readingSeconds(words: number, pictures: number, wordsPerMinute: number): number {
  const reading = Math.ceil((words * 60) / wordsPerMinute + READING_EXTRA_SECONDS);
  return Math.min(
    MAX_SLIDE_SECONDS,
    Math.max(MIN_READING_SECONDS, reading) + pictures * PICTURE_SECONDS,
  );
}

/** What of the clinic's details the slides show (ClinicDetails fits; kept narrow on purpose). */
export interface ClinicText {
  name: string;
  location: string;
  phone: string;
  webAddress: string;
  about: readonly LocalizedText[];
  crisisLines: readonly LocalizedText[];
}

/** The words a viewer reads on the slide in `language`: not speaker notes or descriptions. */
export function visibleText(slide: Slide, language: Language, clinic: ClinicText): string[] {
  const t = (text: LocalizedText) => localize(text, language);
  const parts = [t(slide.title)];
  if (slide.subtitle) parts.push(t(slide.subtitle));
  for (const point of slide.points) parts.push(t(point.text));
  for (const column of slide.columns ?? []) {
    parts.push(t(column.heading), ...column.points.map(t));
  }
  if (slide.illustration) parts.push(t(slide.illustration.caption));
  if (slide.kind === 'about-clinic') {
    parts.push(clinic.name, clinic.location, ...clinic.about.map(t), clinic.phone);
  }
  if (slide.kind === 'crisis') parts.push(...clinic.crisisLines.map(t));
  return parts.filter((part) => part.length > 0);
}

/** Drawings, pictures and QR codes on the slide (videos run to their own end). */
export function picturesOn(slide: Slide, clinic: ClinicText): number {
  if (slide.illustration || slide.media) return 1;
  return slide.kind === 'call-to-action' && clinic.webAddress ? 1 : 0;
}

/** How long the slide stays up in `language`: a time set for it, or its reading time. */
export function slideSeconds(
  slide: Slide,
  language: Language,
  clinic: ClinicText,
  wordsPerMinute: number,
): number {
  if (slide.durationSeconds !== undefined) return slide.durationSeconds;
  const words = visibleText(slide, language, clinic).reduce(
    (sum, part) => sum + countWords(part),
    0,
  );
  return readingSeconds(words, picturesOn(slide, clinic), wordsPerMinute);
}
