import { schema, z } from './zod';

/**
 * The clinic's own pictures, videos and caption files. Main copies each imported file into
 * the data folder's `media/` as `<sha256>.<extension of the detected type>` and the page
 * loads it as `<mediaBaseUrl><file>` (in the app: `app://media/<file>`). The renderer only
 * ever names files by that content name; it never sends a path.
 */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'webp'] as const;
export const VIDEO_EXTENSIONS = ['mp4', 'webm'] as const;
export const CAPTIONS_EXTENSIONS = ['vtt'] as const;

export const MediaKindSchema = /* @__PURE__ */ z.enum(['image', 'video', 'captions']);
export type MediaKind = z.infer<typeof MediaKindSchema>;

const sha256Name = (extensions: readonly string[]) =>
  z
    .string()
    .check(
      z.regex(
        new RegExp(`^[0-9a-f]{64}\\.(?:${extensions.join('|')})$`),
        'a media file is named by its SHA-256 and type',
      ),
    );

export const ImageFileSchema = /* @__PURE__ */ sha256Name(IMAGE_EXTENSIONS);
export const VideoFileSchema = /* @__PURE__ */ sha256Name(VIDEO_EXTENSIONS);
export const CaptionsFileSchema = /* @__PURE__ */ sha256Name(CAPTIONS_EXTENSIONS);
export const MediaFileSchema = /* @__PURE__ */ schema(() =>
  sha256Name([...IMAGE_EXTENSIONS, ...VIDEO_EXTENSIONS, ...CAPTIONS_EXTENSIONS]),
);
export type MediaFile = z.infer<typeof MediaFileSchema>;

export function mediaKindOf(file: string): MediaKind {
  const extension = file.slice(file.lastIndexOf('.') + 1);
  if ((IMAGE_EXTENSIONS as readonly string[]).includes(extension)) return 'image';
  if ((VIDEO_EXTENSIONS as readonly string[]).includes(extension)) return 'video';
  return 'captions';
}

/**
 * How long main holds a deleted media file before it is gone for good: longer than the admin's
 * 10-second Undo, so an Undo tapped at its last moment still finds the file.
 */
export const DELETED_MEDIA_KEPT_MS = 60_000;

/** Largest file accepted per kind (the issue: 25 MB images, 1 GB videos). */
export const MEDIA_LIMITS: Readonly<Record<MediaKind, number>> = {
  image: 25 * 1024 * 1024,
  video: 1024 * 1024 * 1024,
  captions: 1024 * 1024,
};

/**
 * Picker entries are named by tokens main hands out and maps to real paths in its own
 * memory; a token means nothing outside the running app.
 */
export const PickerTokenSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^[0-9a-f]{32}$/, 'not a picker token'));

export const PickerEntryKindSchema = /* @__PURE__ */ z.enum([
  'folder',
  'image',
  'video',
  'captions',
  'bundle',
  /** A fleet invitation (clinic-kiosk-invitation.json), for joining the clinic's fleet. */
  'invitation',
  'other',
]);
export type PickerEntryKind = z.infer<typeof PickerEntryKindSchema>;

export const PickerEntrySchema = /* @__PURE__ */ z.strictObject({
  token: PickerTokenSchema,
  /** The file or folder name as staff see it on the drive. */
  name: z.string().check(z.maxLength(260)),
  /** A guess from the name, for the icon and the filter only; import checks the content. */
  kind: PickerEntryKindSchema,
  /** Null for folders. */
  bytes: z.nullable(z.int().check(z.nonnegative())),
});
export type PickerEntry = z.infer<typeof PickerEntrySchema>;

export const ImportSourceSchema = /* @__PURE__ */ z.strictObject({
  token: PickerTokenSchema,
  label: z.string().check(z.maxLength(260)),
  kind: z.enum(['usb', 'import-folder']),
});
export type ImportSource = z.infer<typeof ImportSourceSchema>;

export const PickerFolderSchema = /* @__PURE__ */ z.strictObject({
  token: PickerTokenSchema,
  /** Where staff are, e.g. ["USB drive KINGSTON", "clinic", "videos"]. */
  trail: z.array(z.string().check(z.maxLength(260))).check(z.maxLength(20)),
  /** Token of the folder above, or null at a drive's top. */
  parent: z.nullable(PickerTokenSchema),
  entries: z.array(PickerEntrySchema).check(z.maxLength(1000)),
  /** True when the folder had more entries than are listed. */
  truncated: z.boolean(),
});
export type PickerFolder = z.infer<typeof PickerFolderSchema>;

/** A file now in the kiosk's media folder. */
export const ImportedMediaSchema = /* @__PURE__ */ z.strictObject({
  file: MediaFileSchema,
  kind: MediaKindSchema,
  bytes: z.int().check(z.nonnegative()),
  /** The name it had on the drive, so staff recognise it. */
  sourceName: z.string().check(z.maxLength(260)),
});
export type ImportedMedia = z.infer<typeof ImportedMediaSchema>;

export const MediaLibraryEntrySchema = /* @__PURE__ */ z.strictObject({
  file: MediaFileSchema,
  kind: MediaKindSchema,
  bytes: z.int().check(z.nonnegative()),
  /** Ids of the clinic slides (current setup or its backup) that use the file. */
  usedBy: z.array(z.string().check(z.maxLength(60))).check(z.maxLength(200)),
  /** The name it had on the drive, when the kiosk noted one (imports before 0.1 did not). */
  sourceName: z.optional(z.string().check(z.maxLength(260))),
});
export type MediaLibraryEntry = z.infer<typeof MediaLibraryEntrySchema>;

/** Why a file was refused; the admin shows a translated sentence for each. */
export const MediaProblemSchema = /* @__PURE__ */ z.enum([
  'unsupported-type',
  'too-large',
  'empty',
  'incomplete',
  'changed-during-copy',
  'not-captions',
  'not-found',
  'read-failed',
  'write-failed',
  'in-use',
]);
export type MediaProblem = z.infer<typeof MediaProblemSchema>;

export const ImportProgressSchema = /* @__PURE__ */ z.strictObject({
  token: PickerTokenSchema,
  copiedBytes: z.int().check(z.nonnegative()),
  totalBytes: z.int().check(z.nonnegative()),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;
