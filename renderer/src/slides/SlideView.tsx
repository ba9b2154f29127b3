import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useStrings } from '../i18n/strings';
import {
  localize,
  type ClinicDetails,
  type Language,
  type LocalizedText,
  type Slide,
} from '../../../contract';
import { illustrationMarkup } from './illustrations';
import { SlideMedia, type MediaPlayback } from './SlideMedia';
import { useFitToSlide } from './useFitToSlide';
import type * as QrCodeModule from './QrCode';

/**
 * The QR code's encoder (the qrcode package) is a chunk of its own, loaded only when the clinic
 * has a web address: a kiosk without one never fetches it, and one with it fetches it after the
 * first slide is on screen (all slides render at start, so long before the slide is shown).
 */
let qrModule: Promise<typeof QrCodeModule | null> | undefined;
/** The encoder's chunk, fetched once; null when it cannot be loaded (a damaged install). */
function loadQrModule() {
  qrModule ??= import('./QrCode').catch(() => null);
  return qrModule;
}

const QrCode = lazy<ComponentType<{ text: string; label: string }>>(() =>
  loadQrModule().then((module) => ({ default: module ? module.QrCode : Nothing })),
);

/**
 * "Or scan the code" is only true while there is a code: if the encoder cannot be loaded, the
 * slide keeps its text and the written address and drops the invitation to scan.
 */
const ScanNote = lazy<ComponentType<{ text: string }>>(() =>
  loadQrModule().then((module) => ({ default: module ? Note : Nothing })),
);

function Note({ text }: { text: string }) {
  return <p className="slide-view__note">{text}</p>;
}

function Nothing(): null {
  return null;
}

export interface SlideViewProps {
  slide: Slide;
  /** Build steps shown so far; parts with a higher step wait, keeping their space. */
  step: number;
  language: Language;
  clinic: ClinicDetails;
  /** id of the title, which names the slide's group. */
  titleId?: string;
  /** Video slides in the patient's view: when to play and what to do at the end. */
  playback?: MediaPlayback | undefined;
  /**
   * Step the words down until they fit (the default). Off only where the admin checks whether
   * a slide fits as written.
   */
  fit?: boolean;
}

export function SlideView({
  slide,
  step,
  language,
  clinic,
  titleId,
  playback,
  fit = true,
}: SlideViewProps) {
  const t = (text: LocalizedText) => localize(text, language);
  const fitRef = useFitToSlide(fit && !slide.media, `${language} ${step}`);
  if (slide.media) {
    // The clinic's own picture or video: its title above, the picture as large as fits.
    return (
      <div className={`slide-view slide-view--${slide.kind}`}>
        <h2 className="slide-view__title" id={titleId}>
          {t(slide.title)}
        </h2>
        <SlideMedia slide={slide} description={t(slide.media.description)} playback={playback} />
      </div>
    );
  }
  const body = bodyFor(slide, step, t, clinic);
  const figure = figureFor(slide, step, t, clinic);
  return (
    <div
      ref={fitRef}
      className={`slide-view slide-view--${slide.kind}${figure ? ' slide-view--with-figure' : ''}`}
    >
      <div className="slide-view__text">
        <h2 className="slide-view__title" id={titleId}>
          {t(slide.title)}
        </h2>
        {slide.subtitle ? <p className="slide-view__subtitle">{t(slide.subtitle)}</p> : null}
        {body}
      </div>
      {figure}
    </div>
  );
}

function figureFor(slide: Slide, step: number, t: Translate, clinic: ClinicDetails): ReactNode {
  if (slide.illustration) return <Illustration slide={slide} step={step} t={t} />;
  if (slide.kind === 'call-to-action' && clinic.webAddress) {
    return (
      <figure className="slide-view__figure slide-view__figure--qr">
        <QrLabelled address={clinic.webAddress} />
        <figcaption className="slide-view__caption">{displayAddress(clinic.webAddress)}</figcaption>
      </figure>
    );
  }
  return null;
}

const MAX_ILLUSTRATION_STEPS = 6;

type Translate = (text: LocalizedText) => string;

function bodyFor(slide: Slide, step: number, t: Translate, clinic: ClinicDetails): ReactNode {
  switch (slide.kind) {
    case 'comparison':
      return (
        <div className="comparison">
          {(slide.columns ?? []).map((column, index) => (
            <section
              key={index}
              className={`comparison__column${revealClass(column.step, step)}`}
              aria-hidden={isPending(column.step, step) || undefined}
            >
              <h3 className="comparison__heading">{t(column.heading)}</h3>
              <ul className="slide-view__points">
                {column.points.map((point, pointIndex) => (
                  <li key={pointIndex}>{t(point)}</li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      );
    case 'about-clinic':
      return (
        <div className="clinic">
          <p className="clinic__name">{clinic.name}</p>
          {clinic.location ? <p className="clinic__location">{clinic.location}</p> : null}
          <ul className="slide-view__points">
            {clinic.about.map((line, index) => (
              <li key={index}>{t(line)}</li>
            ))}
          </ul>
          {clinic.phone ? <p className="clinic__phone">{clinic.phone}</p> : null}
        </div>
      );
    case 'call-to-action':
      return (
        <>
          <Points slide={slide} step={step} t={t} />
          <ContactNotes clinic={clinic} />
        </>
      );
    case 'crisis':
      // The clinic's own crisis line (a setting): its numbers and words as its clinician approved.
      return (
        <ul className="slide-view__points slide-view__points--crisis">
          {clinic.crisisLines.map((line, index) => (
            <li key={index}>{t(line)}</li>
          ))}
        </ul>
      );
    default:
      return <Points slide={slide} step={step} t={t} />;
  }
}

function QrLabelled({ address }: { address: string }) {
  const t = useStrings();
  const label = t('callToAction.qrLabel', { address });
  return (
    // Until the encoder is in, the white square holds the code's place.
    <Suspense
      fallback={
        <span className="qr-code qr-code--loading" role="img" aria-label={label} aria-busy="true" />
      }
    >
      <QrCode text={address} label={label} />
    </Suspense>
  );
}

function ContactNotes({ clinic }: { clinic: ClinicDetails }) {
  const t = useStrings();
  return (
    <>
      {clinic.webAddress ? (
        <Suspense fallback={<Note text={t('callToAction.scan')} />}>
          <ScanNote text={t('callToAction.scan')} />
        </Suspense>
      ) : null}
      {clinic.phone ? (
        <p className="slide-view__note">{t('callToAction.phone', { phone: clinic.phone })}</p>
      ) : null}
    </>
  );
}

/** The address as people read it: no scheme, no trailing slash. */
function displayAddress(address: string): string {
  return address.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

function Points({ slide, step, t }: { slide: Slide; step: number; t: Translate }) {
  if (slide.points.length === 0) return null;
  const plain =
    slide.kind === 'title' || slide.kind === 'call-to-action' || slide.kind === 'disclaimer';
  return (
    <ul className={`slide-view__points${plain ? ' slide-view__points--plain' : ''}`}>
      {slide.points.map((point, index) => (
        <li
          key={index}
          className={revealClass(point.step, step).trim() || undefined}
          aria-hidden={isPending(point.step, step) || undefined}
        >
          {t(point.text)}
        </li>
      ))}
    </ul>
  );
}

function Illustration({ slide, step, t }: { slide: Slide; step: number; t: Translate }) {
  const illustration = slide.illustration;
  if (!illustration) return null;
  const labels = Object.fromEntries(
    Object.entries(illustration.labels).map(([key, text]) => [key, t(text)]),
  );
  const markup = illustrationMarkup(illustration.id, labels);
  if (!markup) return null;
  // Without declared build steps, every part of the drawing shows from the start.
  const shown = slide.buildSteps.length === 0 ? MAX_ILLUSTRATION_STEPS : step;
  return (
    <figure className="slide-view__figure">
      <div
        className="illustration"
        role="img"
        aria-label={t(illustration.description)}
        data-illustration={illustration.id}
        data-shown-steps={Array.from({ length: shown }, (_, index) => index + 1).join(' ')}
        // The markup is our own SVG from assets/, bundled at build time, never user input.
        dangerouslySetInnerHTML={{ __html: markup }}
      />
      <figcaption className="slide-view__caption">{t(illustration.caption)}</figcaption>
    </figure>
  );
}

function isPending(partStep: number | undefined, shownSteps: number): boolean {
  return (partStep ?? 0) > shownSteps;
}

function revealClass(partStep: number | undefined, shownSteps: number): string {
  if (!partStep) return '';
  return isPending(partStep, shownSteps) ? ' step step--pending' : ' step step--shown';
}
