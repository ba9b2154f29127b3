import { z } from './zod';
import { LocalizedTextSchema, type LocalizedText } from './language';
import { MediaFileSchema } from './media';
import { LocalDateSchema } from './schedule';

const slugSchema = /* @__PURE__ */ z
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
  // Where to get help in a crisis: its lines are the clinic's setting (ClinicDetails.crisisLines).
  'crisis',
  // The clinic's own pictures and videos (never in the built-in deck).
  'image',
  'video',
] as const;
export const SlideKindSchema = /* @__PURE__ */ z.enum(SLIDE_KINDS);
export type SlideKind = z.infer<typeof SlideKindSchema>;

/** Illustrations ship with the app (assets/illustrations); a slide names one by id. */
export const ILLUSTRATION_IDS = [
  'neuron-before',
  'neuron-after',
  'monoamine-vs-glutamate',
  'hours-vs-weeks',
] as const;
export const IllustrationIdSchema = /* @__PURE__ */ z.enum(ILLUSTRATION_IDS);
export type IllustrationId = z.infer<typeof IllustrationIdSchema>;

/** Build steps number from 1; step 0 (or none) means "visible from the start". */
const stepSchema = /* @__PURE__ */ z.int().check(z.minimum(0), z.maximum(9));

export const SlidePointSchema = /* @__PURE__ */ z.strictObject({
  text: LocalizedTextSchema,
  step: z.optional(stepSchema),
});
export type SlidePoint = z.infer<typeof SlidePointSchema>;

export const ComparisonColumnSchema = /* @__PURE__ */ z.strictObject({
  heading: LocalizedTextSchema,
  points: z.array(LocalizedTextSchema).check(z.minLength(1), z.maxLength(4)),
  step: z.optional(stepSchema),
});
export type ComparisonColumn = z.infer<typeof ComparisonColumnSchema>;

export const SlideIllustrationSchema = /* @__PURE__ */ z.strictObject({
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
export const SlideMediaSchema = /* @__PURE__ */ z.strictObject({
  file: MediaFileSchema,
  /** WebVTT captions for a video (shown by default: kiosk video is muted). */
  captions: z.nullable(MediaFileSchema),
  /** Text alternative read by screen readers. */
  description: LocalizedTextSchema,
});
export type SlideMedia = z.infer<typeof SlideMediaSchema>;

export const BuildStepSchema = /* @__PURE__ */ z.strictObject({
  /** What this step reveals, for the presenter view and the live region. */
  label: LocalizedTextSchema,
});
export type BuildStep = z.infer<typeof BuildStepSchema>;

export const MIN_SLIDE_SECONDS = 3;
export const MAX_SLIDE_SECONDS = 600;

export const ContentVersionSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^\d+\.\d+\.\d+$/, 'use a version such as 1.0.0'));

/**
 * A part of a slide by its path: `title`, `subtitle`, `points.0`, `columns.1.heading`,
 * `columns.0.points.1`, `illustration.caption`, `illustration.description`,
 * `illustration.labels.axis`, `buildSteps.2`, `notes`.
 */
export const SlidePartSchema = /* @__PURE__ */ z
  .string()
  .check(
    z.regex(
      /^(title|subtitle|notes|points\.\d|columns\.[01]\.(heading|points\.\d)|illustration\.(caption|description|labels\.[a-z0-9-]+)|buildSteps\.\d)$/,
      'name a part such as title, points.0 or illustration.caption',
    ),
  );
export type SlidePart = z.infer<typeof SlidePartSchema>;

/**
 * What changed on a slide in a content version, for the clinician who signs the version off:
 * a new slide, or the parts whose words changed.
 */
export const SlideChangeSchema = /* @__PURE__ */ z.union([
  z.strictObject({ version: ContentVersionSchema, change: z.literal('new') }),
  z.strictObject({
    version: ContentVersionSchema,
    change: z.literal('changed'),
    parts: z.array(SlidePartSchema).check(z.minLength(1), z.maxLength(40)),
  }),
]);
export type SlideChange = z.infer<typeof SlideChangeSchema>;

export const SlideSchema = /* @__PURE__ */ z
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
    /**
     * A fixed time on screen (a staff setting, or a clinic video's limit). Without one the
     * slide stays up as long as its words take to read (domain/readingTime.ts).
     */
    durationSeconds: z.optional(
      z.int().check(z.minimum(MIN_SLIDE_SECONDS), z.maximum(MAX_SLIDE_SECONDS)),
    ),
    /** A safety slide (side effects, the crisis line): staff confirm before switching it off. */
    safety: z.optional(z.boolean()),
    /** Marked for the clinical review of the content version that added or changed it. */
    review: z.optional(SlideChangeSchema),
    /** The clinical review of this slide is due on this date: the admin warns 30 days before. */
    reviewDue: z.optional(LocalDateSchema),
    /**
     * From this date on a clinic slide leaves the loop by itself; a built-in slide keeps
     * playing and the admin warns.
     */
    expiresOn: z.optional(LocalDateSchema),
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

export const DeckSchema = /* @__PURE__ */ z
  .strictObject({
    id: slugSchema,
    title: LocalizedTextSchema,
    /** Bumped whenever the clinical content changes, so a review can name what it reviewed. */
    contentVersion: ContentVersionSchema,
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

const DeckEnvelopeSchema = /* @__PURE__ */ z.object({
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

/** The words of one part of a slide (see SlidePartSchema), or undefined when it has none. */
export function slidePartText(slide: Slide, part: string): LocalizedText | undefined {
  const [head, second, third, fourth] = part.split('.');
  const index = (value: string | undefined) => Number(value ?? Number.NaN);
  switch (head) {
    case 'title':
      return slide.title;
    case 'subtitle':
      return slide.subtitle;
    case 'notes':
      return slide.notes;
    case 'points':
      return slide.points[index(second)]?.text;
    case 'buildSteps':
      return slide.buildSteps[index(second)]?.label;
    case 'columns': {
      const column = slide.columns?.[index(second)];
      return third === 'heading' ? column?.heading : column?.points[index(fourth)];
    }
    case 'illustration':
      if (second === 'caption') return slide.illustration?.caption;
      if (second === 'description') return slide.illustration?.description;
      return third === undefined ? undefined : slide.illustration?.labels[third];
    default:
      return undefined;
  }
}
