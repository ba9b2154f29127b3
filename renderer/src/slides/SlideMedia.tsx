import { createContext, useContext, useEffect, useRef, useState, type CSSProperties } from 'react';
import { useStrings } from '../i18n/strings';
import type { Slide } from '../../../contract';

/**
 * Where the clinic's media files are loaded from: `app://media/` in the app. The page only
 * knows files by their content name; main decides where that name is served from.
 */
export const MediaBaseContext = createContext<string>('app://media/');

/** How a slide's video plays: only the slide on screen in the patient's view plays it. */
export interface MediaPlayback {
  /** This slide is on screen and the player is not covered by the admin. */
  active: boolean;
  /** Changes whenever the slide (re)starts: the video starts again from the beginning. */
  run: number;
  /** The video reached its end. */
  onEnded(run: number): void;
  /** The video cannot be played here (undecodable, missing, never starts). */
  onFailed(error: Error): void;
}

/** A video that has not started this long after being asked to play counts as broken. */
export const VIDEO_START_TIMEOUT_MS = 15_000;

export function SlideMedia({
  slide,
  description,
  playback,
}: {
  slide: Slide;
  description: string;
  playback: MediaPlayback | undefined;
}) {
  const base = useContext(MediaBaseContext);
  // The picture's own width/height, once known: the stylesheet sizes the media box to it,
  // so the box is the picture (rounded corners and video captions sit on the picture).
  // Set through the CSSOM (React's style prop), which the page's CSP allows.
  const [ratio, setRatio] = useState<number | null>(null);
  const shape = ratio ? ({ '--media-ratio': ratio } as CSSProperties) : undefined;
  const measured = (width: number, height: number) => {
    if (width > 0 && height > 0) setRatio(Math.round((width / height) * 10_000) / 10_000);
  };
  const media = slide.media;
  if (!media) return null;
  const src = `${base}${media.file}`;
  if (slide.kind === 'image') {
    return (
      <figure className="slide-view__media" style={shape}>
        <img
          className="slide-view__picture"
          src={src}
          alt={description}
          decoding="async"
          draggable={false}
          onLoad={(event) =>
            measured(event.currentTarget.naturalWidth, event.currentTarget.naturalHeight)
          }
          onError={() =>
            playback?.onFailed(new Error('the picture could not be loaded or decoded'))
          }
        />
      </figure>
    );
  }
  return (
    <figure className="slide-view__media" style={shape}>
      <SlideVideo
        onShape={measured}
        src={src}
        captions={media.captions ? `${base}${media.captions}` : null}
        description={description}
        playback={playback}
      />
    </figure>
  );
}

function SlideVideo({
  src,
  captions,
  description,
  playback,
  onShape,
}: {
  onShape(width: number, height: number): void;
  src: string;
  captions: string | null;
  description: string;
  playback: MediaPlayback | undefined;
}) {
  const t = useStrings();
  const ref = useRef<HTMLVideoElement>(null);
  const active = playback?.active ?? false;
  const run = playback?.run ?? 0;
  const latest = useRef(playback);
  useEffect(() => {
    latest.current = playback;
  });

  // Play from the start whenever the slide arrives; pause (and free the decoder) when it leaves.
  useEffect(() => {
    const video = ref.current;
    if (!video || !active) return;
    video.currentTime = 0;
    let started = false;
    const onPlaying = () => {
      started = true;
    };
    video.addEventListener('playing', onPlaying);
    const startGuard = window.setTimeout(() => {
      if (!started) {
        latest.current?.onFailed(
          new Error(`the video did not start within ${VIDEO_START_TIMEOUT_MS / 1000} s`),
        );
      }
    }, VIDEO_START_TIMEOUT_MS);
    video.play().catch((error: unknown) => {
      // An interrupted play() (the slide left at once) is not a broken video.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      if (video.error) return; // the error event reports it
      latest.current?.onFailed(error instanceof Error ? error : new Error(String(error)));
    });
    return () => {
      window.clearTimeout(startGuard);
      video.removeEventListener('playing', onPlaying);
      video.pause();
    };
  }, [active, run]);

  return (
    <video
      ref={ref}
      className="slide-view__video"
      src={src}
      muted
      playsInline
      preload={active ? 'auto' : 'metadata'}
      crossOrigin="anonymous"
      disablePictureInPicture
      disableRemotePlayback
      aria-label={description}
      onLoadedMetadata={(event) => {
        onShape(event.currentTarget.videoWidth, event.currentTarget.videoHeight);
        // Captions are on by default (kiosk video is muted), whatever the track's default.
        const track = event.currentTarget.textTracks[0];
        if (track) track.mode = 'showing';
      }}
      onEnded={() => latest.current?.onEnded(run)}
      onError={(event) => {
        const error = event.currentTarget.error;
        latest.current?.onFailed(
          new Error(
            `the video could not be played (${error ? `media error ${error.code}${error.message ? `: ${error.message}` : ''}` : 'unknown error'})`,
          ),
        );
      }}
    >
      {captions ? (
        <track kind="captions" src={captions} label={t('video.captions')} default />
      ) : null}
    </video>
  );
}
