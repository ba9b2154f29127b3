import { useEffect, useRef } from 'react';
import { useStrings } from '../i18n/strings';
import { localize, type ClinicDetails, type Language, type Slide } from '../../../contract';
import { SlideThumbnail } from './SlideThumbnail';
import '../player/Controls.css';
import './Overview.css';

interface OverviewProps {
  slides: readonly Slide[];
  currentIndex: number;
  language: Language;
  clinic: ClinicDetails;
  onChoose: (index: number) => void;
  onClose: () => void;
}

/** Every slide of the playlist in a grid; tap or Enter jumps to one, Escape closes. */
export function Overview({
  slides,
  currentIndex,
  language,
  clinic,
  onChoose,
  onClose,
}: OverviewProps) {
  const t = useStrings();
  const currentRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previouslyFocused = document.activeElement as HTMLElement | null;
    currentRef.current?.focus();
    return () => previouslyFocused?.focus?.();
  }, []);
  return (
    <div
      className="overview"
      role="dialog"
      aria-modal="true"
      aria-label={t('presenting.overview')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="overview__header">
        <h2 className="overview__title">{t('presenting.overview')}</h2>
        <button type="button" className="controls__button" onClick={onClose}>
          {t('presenting.closeOverview')}
        </button>
      </div>
      <ol className="overview__grid">
        {slides.map((slide, index) => (
          <li key={slide.id}>
            <button
              type="button"
              ref={index === currentIndex ? currentRef : undefined}
              className="overview__item"
              aria-current={index === currentIndex ? 'true' : undefined}
              onClick={() => onChoose(index)}
            >
              <SlideThumbnail
                slide={slide}
                step={slide.buildSteps.length}
                language={language}
                clinic={clinic}
              />
              <span className="overview__label">
                {index + 1}. {localize(slide.title, language)}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
