import { schema, z } from './zod';
import builtInDeck from '../assets/deck/how-ketamine-works.json' with { type: 'json' };
import { MAX_SLIDE_SECONDS, MIN_SLIDE_SECONDS } from './deck';
import { LocalizedTextSchema } from './language';
import { LocalDateSchema } from './schedule';
import { CaptionsFileSchema, ImageFileSchema, VideoFileSchema } from './media';

const idSchema = /* @__PURE__ */ z
  .string()
  .check(
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and dashes'),
    z.maxLength(60),
  );

/** One slide in a playlist: which, whether it plays, and for how long (null: its own time). */
export const PlaylistEntrySchema = /* @__PURE__ */ z.strictObject({
  slideId: idSchema,
  enabled: z.boolean(),
  durationSeconds: z.nullable(
    z.int().check(z.minimum(MIN_SLIDE_SECONDS), z.maximum(MAX_SLIDE_SECONDS)),
  ),
});
export type PlaylistEntry = z.infer<typeof PlaylistEntrySchema>;

export const MAX_PLAYLISTS = 20;
export const PLAYLIST_NAME_MAX_LENGTH = 60;
export const MAX_PLAYLIST_ENTRIES = 100;

export const PlaylistSchema = /* @__PURE__ */ z
  .strictObject({
    id: idSchema,
    name: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'a playlist needs a name'),
        z.maxLength(PLAYLIST_NAME_MAX_LENGTH),
      ),
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
export const CustomSlideIdSchema = /* @__PURE__ */ z
  .string()
  .check(
    z.regex(/^custom-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a clinic slide id starts with "custom-"'),
    z.maxLength(60),
  );

export const MAX_CUSTOM_SLIDES = 100;
export const MAX_CUSTOM_LINES = 5;

/** A time staff set for a clinic slide, or null: as long as its words take to read. */
const customTimeSchema = /* @__PURE__ */ schema(() =>
  z.nullable(z.int().check(z.minimum(MIN_SLIDE_SECONDS), z.maximum(MAX_SLIDE_SECONDS))),
);

/**
 * Dates every clinic slide may carry: when its content should be looked at again (the admin
 * warns 30 days before), and from when it no longer shows (it leaves the loop by itself).
 */
const customDates = /* @__PURE__ */ schema(() => ({
  reviewDue: z.optional(z.nullable(LocalDateSchema)),
  expiresOn: z.optional(z.nullable(LocalDateSchema)),
}));

/** A text slide the clinic wrote: a title and a few lines, English with optional Spanish. */
export const CustomTextSlideSchema = /* @__PURE__ */ schema(() =>
  z.strictObject({
    id: CustomSlideIdSchema,
    kind: z.literal('text'),
    title: LocalizedTextSchema,
    lines: z.array(LocalizedTextSchema).check(z.maxLength(MAX_CUSTOM_LINES)),
    durationSeconds: customTimeSchema,
    ...customDates,
  }),
);
export type CustomTextSlide = z.infer<typeof CustomTextSlideSchema>;

/** A picture the clinic imported, with a title and a description read to screen readers. */
export const CustomImageSlideSchema = /* @__PURE__ */ schema(() =>
  z.strictObject({
    id: CustomSlideIdSchema,
    kind: z.literal('image'),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema,
    file: ImageFileSchema,
    /** The file's name on the drive it came from, for staff. */
    sourceName: z.string().check(z.maxLength(260)),
    durationSeconds: customTimeSchema,
    ...customDates,
  }),
);
export type CustomImageSlide = z.infer<typeof CustomImageSlideSchema>;

/**
 * A video the clinic imported. It plays muted, with its captions shown when it has them,
 * and the loop moves on when it ends, or after `maxSeconds` when staff set a limit.
 */
export const CustomVideoSlideSchema = /* @__PURE__ */ schema(() =>
  z.strictObject({
    id: CustomSlideIdSchema,
    kind: z.literal('video'),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema,
    file: VideoFileSchema,
    captions: z.nullable(CaptionsFileSchema),
    sourceName: z.string().check(z.maxLength(260)),
    maxSeconds: z.nullable(
      z.int().check(z.minimum(MIN_SLIDE_SECONDS), z.maximum(MAX_SLIDE_SECONDS)),
    ),
    ...customDates,
  }),
);
export type CustomVideoSlide = z.infer<typeof CustomVideoSlideSchema>;

export const CustomSlideSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  CustomTextSlideSchema,
  CustomImageSlideSchema,
  CustomVideoSlideSchema,
]);
export type CustomSlide = z.infer<typeof CustomSlideSchema>;

/** The ids of the built-in deck's slides, in order (the default playlist plays them all). */
export const BUILT_IN_SLIDE_IDS: readonly string[] = builtInDeck.slides.map((slide) => slide.id);

/**
 * The built-in safety slides (side effects, the crisis line): in every playlist unless staff
 * confirm taking them out.
 */
export const SAFETY_SLIDE_IDS: readonly string[] = builtInDeck.slides
  .filter((slide) => 'safety' in slide && slide.safety === true)
  .map((slide) => slide.id);

export const DEFAULT_PLAYLIST: Playlist = {
  id: 'waiting-room',
  name: 'Waiting room',
  entries: BUILT_IN_SLIDE_IDS.map((slideId) => ({ slideId, enabled: true, durationSeconds: null })),
};
