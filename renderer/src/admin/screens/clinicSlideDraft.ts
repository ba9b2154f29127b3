import type { TFunction } from 'i18next';
import {
  LocalDateSchema,
  MAX_CUSTOM_LINES,
  type CustomSlide,
  type ImportedMedia,
  type LocalizedText,
} from '../../../../contract';
import { DATE_LENGTH } from '../fieldLimits';
import { pairLines, splitLines } from '../lines';

/**
 * A clinic slide as its form holds it while staff edit: plain strings (one line per line, an
 * empty date for none), turned into the stored slide only when saved.
 */
interface Common {
  id: string | null;
  titleEn: string;
  titleEs: string;
  /** YYYY-MM-DD or empty. */
  reviewDue: string;
  expiresOn: string;
}
/** A time staff chose, or null: as long as the words take to read. */
type Time = number | null;
export type Draft =
  | (Common & { kind: 'text'; linesEn: string; linesEs: string; durationSeconds: Time })
  | (Common & {
      kind: 'image';
      descriptionEn: string;
      descriptionEs: string;
      file: string;
      sourceName: string;
      durationSeconds: Time;
    })
  | (Common & {
      kind: 'video';
      descriptionEn: string;
      descriptionEs: string;
      file: string;
      sourceName: string;
      captions: string | null;
      maxSeconds: number | null;
    });

export type TextKey =
  | 'titleEn'
  | 'titleEs'
  | 'linesEn'
  | 'linesEs'
  | 'descriptionEn'
  | 'descriptionEs'
  | 'reviewDue'
  | 'expiresOn';

/**
 * How much staff may type in each field. The contract sets no length on a slide's words; these
 * keep a slide readable on screen. Dates are YYYY-MM-DD.
 */
export const TEXT_MAX_LENGTH: Record<TextKey, number> = {
  titleEn: 120,
  titleEs: 120,
  linesEn: 1200,
  linesEs: 1200,
  descriptionEn: 300,
  descriptionEs: 300,
  reviewDue: DATE_LENGTH,
  expiresOn: DATE_LENGTH,
};

export const EMPTY_TEXT: Draft = {
  kind: 'text',
  id: null,
  titleEn: '',
  titleEs: '',
  reviewDue: '',
  expiresOn: '',
  linesEn: '',
  linesEs: '',
  durationSeconds: null,
};

export function toDraft(slide: CustomSlide): Draft {
  const common = {
    id: slide.id,
    titleEn: slide.title.en,
    titleEs: slide.title.es ?? '',
    reviewDue: slide.reviewDue ?? '',
    expiresOn: slide.expiresOn ?? '',
  };
  switch (slide.kind) {
    case 'text':
      return {
        ...common,
        kind: 'text',
        linesEn: slide.lines.map((line) => line.en).join('\n'),
        linesEs: slide.lines.map((line) => line.es ?? '').join('\n'),
        durationSeconds: slide.durationSeconds,
      };
    case 'image':
      return {
        ...common,
        kind: 'image',
        descriptionEn: slide.description.en,
        descriptionEs: slide.description.es ?? '',
        file: slide.file,
        sourceName: slide.sourceName,
        durationSeconds: slide.durationSeconds,
      };
    case 'video':
      return {
        ...common,
        kind: 'video',
        descriptionEn: slide.description.en,
        descriptionEs: slide.description.es ?? '',
        file: slide.file,
        sourceName: slide.sourceName,
        captions: slide.captions,
        maxSeconds: slide.maxSeconds,
      };
  }
}

/**
 * A new picture or video slide for a file just imported. Its title starts empty: a file's name
 * ("IMG_2041", "Garden photo final") is not what patients should read, so staff are asked for one.
 */
export function draftFor(media: ImportedMedia): Draft {
  const common = {
    id: null,
    reviewDue: '',
    expiresOn: '',
    titleEn: '',
    titleEs: '',
    descriptionEn: '',
    descriptionEs: '',
    file: media.file,
    sourceName: media.sourceName,
  };
  return media.kind === 'video'
    ? { ...common, kind: 'video', captions: null, maxSeconds: null }
    : { ...common, kind: 'image', durationSeconds: null };
}

function localized(en: string, es: string): LocalizedText {
  const spanish = es.trim();
  return { en: en.trim(), ...(spanish ? { es: spanish } : {}) };
}

/** The slide as main stores it; Spanish lines pair with English ones by position. */
export function fromDraft(draft: Draft, id: string): CustomSlide {
  const title = localized(draft.titleEn, draft.titleEs);
  const dates = {
    ...(draft.reviewDue.trim() ? { reviewDue: draft.reviewDue.trim() } : {}),
    ...(draft.expiresOn.trim() ? { expiresOn: draft.expiresOn.trim() } : {}),
  };
  switch (draft.kind) {
    case 'text':
      return {
        id,
        kind: 'text',
        title,
        lines: pairLines(draft.linesEn, draft.linesEs),
        durationSeconds: draft.durationSeconds,
        ...dates,
      };
    case 'image':
      return {
        id,
        kind: 'image',
        title,
        description: localized(draft.descriptionEn, draft.descriptionEs),
        file: draft.file,
        sourceName: draft.sourceName,
        durationSeconds: draft.durationSeconds,
        ...dates,
      };
    case 'video':
      return {
        id,
        kind: 'video',
        title,
        description: localized(draft.descriptionEn, draft.descriptionEs),
        file: draft.file,
        captions: draft.captions,
        sourceName: draft.sourceName,
        maxSeconds: draft.maxSeconds,
        ...dates,
      };
  }
}

/** What must be put right before the slide can be saved, in staff's words; null: nothing. */
export function draftProblem(t: TFunction<'admin'>, draft: Draft): string | null {
  if (!draft.titleEn.trim()) return t('clinicSlides.needsTitle');
  if (draft.kind === 'text' && splitLines(draft.linesEn).length > MAX_CUSTOM_LINES) {
    return t('clinicSlides.tooManyLines');
  }
  if (draft.kind !== 'text' && !draft.descriptionEn.trim()) {
    return t('clinicSlides.needsDescription');
  }
  const badDate = [draft.reviewDue, draft.expiresOn].some(
    (date) => date.trim() !== '' && !LocalDateSchema.safeParse(date.trim()).success,
  );
  return badDate ? t('clinicSlides.badDate') : null;
}

/** The media files a draft uses: its picture or video, and the video's captions. */
export function draftFiles(draft: Draft | null): string[] {
  if (!draft || draft.kind === 'text') return [];
  return draft.kind === 'video' && draft.captions ? [draft.file, draft.captions] : [draft.file];
}
