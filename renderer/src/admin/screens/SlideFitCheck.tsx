import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicDetails, Language, Slide } from '../../../../contract';
import { SlideView } from '../../slides/SlideView';
import { wordsStickOut } from '../../slides/useFitToSlide';
import './SlideFitCheck.css';

/**
 * The screens a kiosk is set up on (landscape, portrait, a small laptop), with the room the
 * player leaves a slide on each: the screen less the progress bar and the control bar
 * (Player.css; the portrait bar is taller, its buttons wrap).
 */
const SCREENS = [
  { width: 1920, height: 1080, slideHeight: 964 },
  { width: 1080, height: 1920, slideHeight: 1770 },
  { width: 1280, height: 800, slideHeight: 704 },
] as const;
const TEXT_SIZES = ['normal', 'large'] as const;

interface Place {
  key: string;
  screen: (typeof SCREENS)[number];
  textSize: (typeof TEXT_SIZES)[number];
  language: Language;
}

/**
 * Whether a clinic slide's words fit at their full size on each kiosk screen, with and without
 * larger text, in each language it has: the slide is drawn out of sight as the player draws it
 * (without the player's stepping down of type), and measured. Says so in words when it does not,
 * so staff hear it before they save.
 */
export function SlideFitCheck({
  slide,
  clinic,
  languages,
}: {
  slide: Slide;
  clinic: ClinicDetails;
  languages: readonly Language[];
}) {
  const { t } = useTranslation('admin');
  const shown = useDeferredValue(slide);
  const stages = useRef(new Map<string, HTMLDivElement>());
  const [misfits, setMisfits] = useState<readonly string[]>([]);
  const places: Place[] = languages.flatMap((language) =>
    SCREENS.flatMap((screen) =>
      TEXT_SIZES.map((textSize) => ({
        key: `${language} ${screen.width}x${screen.height} ${textSize}`,
        screen,
        textSize,
        language,
      })),
    ),
  );

  // The words' block grows and shrinks as staff type: each change of size is measured again.
  const placeKeys = places.map((place) => place.key).join('|');
  useEffect(() => {
    const measure = () => {
      const found: string[] = [];
      for (const [key, stage] of stages.current) {
        const view = stage.querySelector<HTMLElement>('.slide-view');
        if (view && wordsStickOut(view)) found.push(key);
      }
      setMisfits((current) => (current.join('|') === found.join('|') ? current : found));
    };
    const observer = new ResizeObserver(measure);
    for (const stage of stages.current.values()) {
      for (const part of stage.querySelectorAll('.slide-view, .slide-view__text')) {
        observer.observe(part);
      }
    }
    return () => observer.disconnect();
  }, [placeKeys]);

  const where = places
    .filter((place) => misfits.includes(place.key))
    .map((place) =>
      t('clinicSlides.fitPlace', {
        size: `${place.screen.width} × ${place.screen.height}`,
        text: place.textSize === 'large' ? t('clinicSlides.fitLarger') : '',
        language: t(`clinicSlides.inLanguage.${place.language}`),
      }),
    );

  return (
    <>
      <div className="slide-fit" aria-hidden="true">
        {places.map((place) => {
          return (
            <div
              key={place.key}
              className="text-sized"
              data-text-size={place.textSize}
              style={{ width: place.screen.width, height: place.screen.slideHeight }}
            >
              <div
                className="slide-stage slide-fit__stage"
                ref={(element) => {
                  if (element) stages.current.set(place.key, element);
                  else stages.current.delete(place.key);
                }}
              >
                <SlideView
                  slide={shown}
                  step={0}
                  language={place.language}
                  clinic={clinic}
                  fit={false}
                />
              </div>
            </div>
          );
        })}
      </div>
      <p className="admin-message slide-fit__note" role="status">
        {where.length > 0 ? t('clinicSlides.doesNotFit', { where: where.join('; ') }) : ''}
      </p>
    </>
  );
}
