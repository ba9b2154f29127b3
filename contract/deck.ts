import { z } from './zod';
import { LocalizedTextSchema } from './language';
import { MediaFileSchema } from './media';

const slugSchema = z
  .string()
  .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and dashes'));

export const SLIDE_KINDS = [
  'title',
  'text',
  'comparison',
  'illustration',
  'call-to-action',
  'about-clinic',
  'disclaimer',
  // The clinic's own pictures and videos (never in the built-in deck).
  'image',
  'video',
] as const;
export const SlideKindSchema = z.enum(SLIDE_KINDS);
export type SlideKind = z.infer<typeof SlideKindSchema>;

/** Illustrations ship with the app (assets/illustrations); a slide names one by id. */
export const ILLUSTRATION_IDS = [
  'neuron-before',
  'neuron-after',
  'monoamine-vs-glutamate',
  'hours-vs-weeks',
] as const;
export const IllustrationIdSchema = z.enum(ILLUSTRATION_IDS);
export type IllustrationId = z.infer<typeof IllustrationIdSchema>;

/** Build steps number from 1; step 0 (or none) means "visible from the start". */
const stepSchema = z.int().check(z.minimum(0), z.maximum(9));

export const SlidePointSchema = z.strictObject({
  text: LocalizedTextSchema,
  step: z.optional(stepSchema),
});
export type SlidePoint = z.infer<typeof SlidePointSchema>;

export const ComparisonColumnSchema = z.strictObject({
  heading: LocalizedTextSchema,
  points: z.array(LocalizedTextSchema).check(z.minLength(1), z.maxLength(4)),
  step: z.optional(stepSchema),
});
export type ComparisonColumn = z.infer<typeof ComparisonColumnSchema>;

export const SlideIllustrationSchema = z.strictObject({
  id: IllustrationIdSchema,
  /** Short visible caption, e.g. "Illustration: rat neuron before treatment". */
  caption: LocalizedTextSchema,
  /** Text alternative read by screen readers. */
  description: LocalizedTextSchema,
  /** Words drawn inside the picture, by the key of its `<text data-label="…">` element. */
  labels: z._default(z.record(slugSchema, LocalizedTextSchema), {}),
});
export type SlideIllustration = z.infer<typeof SlideIllustrationSchema>;

/** The picture or video of an image or video slide, by its name in the media folder. */
export const SlideMediaSchema = z.strictObject({
  file: MediaFileSchema,
  /** WebVTT captions for a video (shown by default: kiosk video is muted). */
  captions: z.nullable(MediaFileSchema),
  /** Text alternative read by screen readers. */
  description: LocalizedTextSchema,
});
export type SlideMedia = z.infer<typeof SlideMediaSchema>;

export const BuildStepSchema = z.strictObject({
  /** What this step reveals, for the presenter view and the live region. */
  label: LocalizedTextSchema,
});
export type BuildStep = z.infer<typeof BuildStepSchema>;

export const MIN_SLIDE_SECONDS = 3;
export const MAX_SLIDE_SECONDS = 600;

export const SlideSchema = z
  .strictObject({
    id: slugSchema,
    kind: SlideKindSchema,
    title: LocalizedTextSchema,
    subtitle: z.optional(LocalizedTextSchema),
    points: z._default(z.array(SlidePointSchema).check(z.maxLength(6)), []),
    columns: z.optional(z.tuple([ComparisonColumnSchema, ComparisonColumnSchema])),
    illustration: z.optional(SlideIllustrationSchema),
    media: z.optional(SlideMediaSchema),
    buildSteps: z._default(z.array(BuildStepSchema).check(z.maxLength(9)), []),
    notes: z.optional(LocalizedTextSchema),
    durationSeconds: z.int().check(z.minimum(MIN_SLIDE_SECONDS), z.maximum(MAX_SLIDE_SECONDS)),
  })
  .check(
    z.superRefine((slide, ctx) => {
      if (slide.kind === 'comparison' && !slide.columns) {
        ctx.addIssue({ code: 'custom', message: 'a comparison slide needs two columns' });
      }
      if (slide.kind === 'illustration' && !slide.illustration) {
        ctx.addIssue({ code: 'custom', message: 'an illustration slide needs an illustration' });
      }
      if ((slide.kind === 'image' || slide.kind === 'video') && !slide.media) {
        ctx.addIssue({ code: 'custom', message: `an ${slide.kind} slide needs its media file` });
      }
      const steps = [
        ...slide.points.map((point) => point.step ?? 0),
        ...(slide.columns ?? []).map((column) => column.step ?? 0),
      ];
      const highest = Math.max(0, ...steps);
      if (highest > slide.buildSteps.length) {
        ctx.addIssue({
          code: 'custom',
          message: `step ${highest} is used but only ${slide.buildSteps.length} build steps are declared`,
        });
      }
    }),
  );
export type Slide = z.infer<typeof SlideSchema>;
export type SlideInput = z.input<typeof SlideSchema>;

export const DeckSchema = z
  .strictObject({
    id: slugSchema,
    title: LocalizedTextSchema,
    /** Bumped whenever the clinical content changes, so a review can name what it reviewed. */
    contentVersion: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'use a version such as 1.0.0')),
    slides: z.array(SlideSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((deck, ctx) => {
      const seen = new Set<string>();
      for (const slide of deck.slides) {
        if (seen.has(slide.id)) {
          ctx.addIssue({ code: 'custom', message: `slide id "${slide.id}" is used twice` });
        }
        seen.add(slide.id);
      }
    }),
  );
export type Deck = z.infer<typeof DeckSchema>;

export interface SkippedSlide {
  index: number;
  id: string;
  reason: string;
}

export interface LoadedDeck {
  deck: Deck;
  skipped: SkippedSlide[];
}

const DeckEnvelopeSchema = z.object({
  id: slugSchema,
  title: LocalizedTextSchema,
  contentVersion: z.string(),
  slides: z.array(z.unknown()),
});

/**
 * Reads a deck at run time: slides that fail the schema (or repeat an id) are left out and
 * reported, so one broken slide never blanks the screen or stops the loop. Returns null only
 * when nothing playable is left.
 */
export function loadDeckLeniently(raw: unknown): LoadedDeck | null {
  const envelope = DeckEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return null;
  const slides: Slide[] = [];
  const skipped: SkippedSlide[] = [];
  const seen = new Set<string>();
  envelope.data.slides.forEach((candidate, index) => {
    const parsed = SlideSchema.safeParse(candidate);
    const id = describeId(candidate, index);
    if (!parsed.success) {
      skipped.push({ index, id, reason: z.prettifyError(parsed.error) });
    } else if (seen.has(parsed.data.id)) {
      skipped.push({ index, id, reason: 'its id repeats an earlier slide' });
    } else {
      seen.add(parsed.data.id);
      slides.push(parsed.data);
    }
  });
  if (slides.length === 0) return null;
  return { deck: { ...envelope.data, slides }, skipped };
}

function describeId(candidate: unknown, index: number): string {
  if (candidate && typeof candidate === 'object' && 'id' in candidate) {
    const id = (candidate as { id: unknown }).id;
    if (typeof id === 'string' && id.length > 0) return id.slice(0, 60);
  }
  return `#${index + 1}`;
}
