import { z } from './zod';
import builtInDeck from '../assets/deck/how-ketamine-works.json' with { type: 'json' };
import { MAX_SLIDE_SECONDS, MIN_SLIDE_SECONDS, type Slide } from './deck';
import { LocalizedTextSchema } from './language';
import { LocalDateSchema } from './schedule';
import { CaptionsFileSchema, ImageFileSchema, VideoFileSchema } from './media';

const idSchema = z
  .string()
  .check(
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and dashes'),
    z.maxLength(60),
  );

/** One slide in a playlist: which, whether it plays, and for how long (null: its own time). */
export const PlaylistEntrySchema = z.strictObject({
  slideId: idSchema,
  enabled: z.boolean(),
  durationSeconds: z.nullable(
    z.int().check(z.minimum(MIN_SLIDE_SECONDS), z.maximum(MAX_SLIDE_SECONDS)),
  ),
});
export type PlaylistEntry = z.infer<typeof PlaylistEntrySchema>;

export const MAX_PLAYLISTS = 20;
export const MAX_PLAYLIST_ENTRIES = 100;

export const PlaylistSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().check(z.trim(), z.minLength(1, 'a playlist needs a name'), z.maxLength(60)),
    entries: z.array(PlaylistEntrySchema).check(z.maxLength(MAX_PLAYLIST_ENTRIES)),
  })
  .check(
    z.superRefine((playlist, ctx) => {
      const seen = new Set<string>();
      for (const entry of playlist.entries) {
        if (seen.has(entry.slideId)) {
          ctx.addIssue({
            code: 'custom',
            message: `slide "${entry.slideId}" is in "${playlist.name}" twice`,
          });
        }
        seen.add(entry.slideId);
      }
    }),
  );
export type Playlist = z.infer<typeof PlaylistSchema>;

/** Custom slides are named `custom-…` so they can never clash with the built-in deck. */
export const CustomSlideIdSchema = z
  .string()
  .check(
    z.regex(/^custom-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a clinic slide id starts with "custom-"'),
    z.maxLength(60),
  );

export const MAX_CUSTOM_SLIDES = 100;
export const MAX_CUSTOM_LINES = 5;

/** A time staff set for a clinic slide, or null: as long as its words take to read. */
const customTimeSchema = z.nullable(
  z.int().check(z.minimum(MIN_SLIDE_SECONDS), z.maximum(MAX_SLIDE_SECONDS)),
);

/**
 * Dates every clinic slide may carry: when its content should be looked at again (the admin
 * warns 30 days before), and from when it no longer shows (it leaves the loop by itself).
 */
const customDates = {
  reviewDue: z.optional(z.nullable(LocalDateSchema)),
  expiresOn: z.optional(z.nullable(LocalDateSchema)),
};

/** A text slide the clinic wrote: a title and a few lines, English with optional Spanish. */
export const CustomTextSlideSchema = z.strictObject({
  id: CustomSlideIdSchema,
  kind: z.literal('text'),
  title: LocalizedTextSchema,
  lines: z.array(LocalizedTextSchema).check(z.maxLength(MAX_CUSTOM_LINES)),
  durationSeconds: customTimeSchema,
  ...customDates,
});
export type CustomTextSlide = z.infer<typeof CustomTextSlideSchema>;

/** A picture the clinic imported, with a title and a description read to screen readers. */
export const CustomImageSlideSchema = z.strictObject({
  id: CustomSlideIdSchema,
  kind: z.literal('image'),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  file: ImageFileSchema,
  /** The file's name on the drive it came from, for staff. */
  sourceName: z.string().check(z.maxLength(260)),
  durationSeconds: customTimeSchema,
  ...customDates,
});
export type CustomImageSlide = z.infer<typeof CustomImageSlideSchema>;

/**
 * A video the clinic imported. It plays muted, with its captions shown when it has them,
 * and the loop moves on when it ends, or after `maxSeconds` when staff set a limit.
 */
export const CustomVideoSlideSchema = z.strictObject({
  id: CustomSlideIdSchema,
  kind: z.literal('video'),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  file: VideoFileSchema,
  captions: z.nullable(CaptionsFileSchema),
  sourceName: z.string().check(z.maxLength(260)),
  maxSeconds: z.nullable(z.int().check(z.minimum(MIN_SLIDE_SECONDS), z.maximum(MAX_SLIDE_SECONDS))),
  ...customDates,
});
export type CustomVideoSlide = z.infer<typeof CustomVideoSlideSchema>;

export const CustomSlideSchema = z.discriminatedUnion('kind', [
  CustomTextSlideSchema,
  CustomImageSlideSchema,
  CustomVideoSlideSchema,
]);
export type CustomSlide = z.infer<typeof CustomSlideSchema>;

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

/** The ids of the built-in deck's slides, in order (the default playlist plays them all). */
export const BUILT_IN_SLIDE_IDS: readonly string[] = builtInDeck.slides.map((slide) => slide.id);

/**
 * The built-in safety slides (side effects, the crisis line): in every playlist unless staff
 * confirm taking them out.
 */
export const SAFETY_SLIDE_IDS: readonly string[] = builtInDeck.slides
  .filter((slide) => 'safety' in slide && slide.safety === true)
  .map((slide) => slide.id);

/** A new playlist's first entries: the safety slides, switched on. */
export function safetyEntries(): PlaylistEntry[] {
  return SAFETY_SLIDE_IDS.map((slideId) => ({ slideId, enabled: true, durationSeconds: null }));
}

export const DEFAULT_PLAYLIST: Playlist = {
  id: 'waiting-room',
  name: 'Waiting room',
  entries: BUILT_IN_SLIDE_IDS.map((slideId) => ({ slideId, enabled: true, durationSeconds: null })),
};

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
