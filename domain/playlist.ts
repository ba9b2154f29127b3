import { MAX_SLIDE_SECONDS, type Slide } from '../contract/deck';
import {
  SAFETY_SLIDE_IDS,
  type CustomSlide,
  type Playlist,
  type PlaylistEntry,
} from '../contract/playlist';

/*
 * From a playlist to the slides the player shows: the clinic's slides drawn as slides, switched
 * off, missing and expired ones left out, the times staff set applied.
 */

/** How long a video slide may run at most when staff set no limit (a stuck video moves on). */
export const VIDEO_FALLBACK_MAX_SECONDS = MAX_SLIDE_SECONDS;

/** The media files the clinic's slides use (pictures, videos and caption files). */
export function mediaFilesOf(customSlides: readonly CustomSlide[]): string[] {
  const files = new Set<string>();
  for (const slide of customSlides) {
    if (slide.kind === 'image') files.add(slide.file);
    if (slide.kind === 'video') {
      files.add(slide.file);
      if (slide.captions) files.add(slide.captions);
    }
  }
  return [...files];
}

/** A new playlist's first entries: the safety slides, switched on. */
export function safetyEntries(): PlaylistEntry[] {
  return SAFETY_SLIDE_IDS.map((slideId) => ({ slideId, enabled: true, durationSeconds: null }));
}

/** A clinic slide drawn by the same slide layouts as the built-in deck. */
export function customSlideToSlide(custom: CustomSlide): Slide {
  const dates = {
    ...(custom.reviewDue ? { reviewDue: custom.reviewDue } : {}),
    ...(custom.expiresOn ? { expiresOn: custom.expiresOn } : {}),
  };
  switch (custom.kind) {
    case 'text':
      return {
        id: custom.id,
        kind: 'text',
        title: custom.title,
        points: custom.lines.map((text) => ({ text })),
        buildSteps: [],
        ...(custom.durationSeconds === null ? {} : { durationSeconds: custom.durationSeconds }),
        ...dates,
      };
    case 'image':
      return {
        id: custom.id,
        kind: 'image',
        title: custom.title,
        points: [],
        buildSteps: [],
        media: { file: custom.file, captions: null, description: custom.description },
        ...(custom.durationSeconds === null ? {} : { durationSeconds: custom.durationSeconds }),
        ...dates,
      };
    case 'video':
      return {
        id: custom.id,
        kind: 'video',
        title: custom.title,
        points: [],
        buildSteps: [],
        media: { file: custom.file, captions: custom.captions, description: custom.description },
        // The video's end moves the loop on; this is only the longest it may run.
        durationSeconds: custom.maxSeconds ?? VIDEO_FALLBACK_MAX_SECONDS,
        ...dates,
      };
  }
}

/** Whether a clinic slide has expired on `today` (YYYY-MM-DD): from its expiry date on. */
export function hasExpired(slide: { expiresOn?: string | null | undefined }, today: string) {
  return !!slide.expiresOn && slide.expiresOn <= today;
}

export interface ResolvedPlaylist {
  slides: Slide[];
  /** Entries whose slide no longer exists (a deck update removed it): left out. */
  missing: string[];
  /** Clinic slides past their expiry date: left out. */
  expired: string[];
}

/**
 * What the player shows for a playlist on `today` (the kiosk's local date): its switched-on
 * entries in order, each with its own time where staff set one. Unknown slides and expired
 * clinic slides are left out and named, never fatal. (Built-in slides never expire: their
 * dates only warn staff.)
 */
export function resolvePlaylist(
  playlist: Playlist,
  deckSlides: readonly Slide[],
  customSlides: readonly CustomSlide[],
  today: string,
): ResolvedPlaylist {
  const byId = new Map<string, Slide>(deckSlides.map((slide) => [slide.id, slide]));
  const expiredIds = new Set<string>();
  for (const custom of customSlides) {
    byId.set(custom.id, customSlideToSlide(custom));
    if (hasExpired(custom, today)) expiredIds.add(custom.id);
  }
  const slides: Slide[] = [];
  const missing: string[] = [];
  const expired: string[] = [];
  for (const entry of playlist.entries) {
    if (!entry.enabled) continue;
    const slide = byId.get(entry.slideId);
    if (!slide) {
      missing.push(entry.slideId);
      continue;
    }
    if (expiredIds.has(entry.slideId)) {
      expired.push(entry.slideId);
      continue;
    }
    // A video's time is its own (it moves on at its end): a playlist time is for other slides.
    const time = slide.kind === 'video' ? null : entry.durationSeconds;
    slides.push(time === null ? slide : { ...slide, durationSeconds: time });
  }
  return { slides, missing, expired };
}
