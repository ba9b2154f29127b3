import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  MediaFileSchema,
  mediaKindOf,
  SettingsSchema,
  type CustomSlide,
} from '../../../contract';
import {
  customSlideToSlide,
  mediaFilesOf,
  resolvePlaylist,
  VIDEO_FALLBACK_MAX_SECONDS,
} from '../../../domain';

const hash = 'ab'.repeat(32);
const video: CustomSlide = {
  id: 'custom-welcome',
  kind: 'video',
  title: { en: 'Welcome' },
  description: { en: 'The team says hello.' },
  file: `${hash}.webm`,
  captions: `${'cd'.repeat(32)}.vtt`,
  sourceName: 'welcome.webm',
  maxSeconds: null,
};
const picture: CustomSlide = {
  id: 'custom-garden',
  kind: 'image',
  title: { en: 'Garden' },
  description: { en: 'A garden.' },
  file: `${hash}.png`,
  sourceName: 'garden.png',
  durationSeconds: 15,
};

describe('media file names', () => {
  it('are a SHA-256 and one of the accepted types, nothing else', () => {
    for (const ok of [
      `${hash}.png`,
      `${hash}.jpg`,
      `${hash}.webp`,
      `${hash}.mp4`,
      `${hash}.webm`,
      `${hash}.vtt`,
    ]) {
      expect(MediaFileSchema.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of [
      `${hash}.svg`,
      `${hash}.PNG`,
      `${hash.slice(1)}.png`,
      `../${hash}.png`,
      `${hash}.png/../x`,
      `media/${hash}.png`,
      `${hash.toUpperCase()}.png`,
    ]) {
      expect(MediaFileSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect([
      mediaKindOf(`${hash}.jpg`),
      mediaKindOf(`${hash}.mp4`),
      mediaKindOf(`${hash}.vtt`),
    ]).toEqual(['image', 'video', 'captions']);
  });
});

describe('clinic picture and video slides', () => {
  it('play a video until its end, or at most its limit', () => {
    expect(customSlideToSlide(video)).toMatchObject({
      kind: 'video',
      media: { file: video.file, captions: video.captions },
      durationSeconds: VIDEO_FALLBACK_MAX_SECONDS,
    });
    expect(customSlideToSlide({ ...video, maxSeconds: 45 }).durationSeconds).toBe(45);
    expect(customSlideToSlide(picture)).toMatchObject({ kind: 'image', durationSeconds: 15 });
  });

  it('keep a video’s own time in a playlist that sets a time for the slide', () => {
    const playlist = {
      id: 'waiting-room',
      name: 'Waiting room',
      entries: [
        { slideId: video.id, enabled: true, durationSeconds: 8 },
        { slideId: picture.id, enabled: true, durationSeconds: 8 },
      ],
    };
    const { slides } = resolvePlaylist(
      playlist,
      [],
      [{ ...video, maxSeconds: 45 }, picture],
      '2026-03-02',
    );
    expect(slides.map((slide) => slide.durationSeconds)).toEqual([45, 8]);
  });

  it('name the media they use, captions included, once each', () => {
    expect(mediaFilesOf([video, picture, { ...picture, id: 'custom-again' }]).sort()).toEqual(
      [`${hash}.png`, `${hash}.webm`, `${'cd'.repeat(32)}.vtt`].sort(),
    );
  });

  it('are refused in the settings with a picture where a video belongs', () => {
    const settings = { ...DEFAULT_SETTINGS, customSlides: [{ ...video, file: `${hash}.png` }] };
    expect(SettingsSchema.safeParse(settings).success).toBe(false);
    expect(
      SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, customSlides: [video, picture] }).success,
    ).toBe(true);
  });
});
