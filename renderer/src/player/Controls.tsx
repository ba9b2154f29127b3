import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useStrings } from '../i18n/strings';
import type { Slideshow, SlideshowState } from './slideshow';
import './Controls.css';

interface ControlsProps {
  slideshow: Slideshow;
  state: SlideshowState;
  titles: readonly string[];
  otherLanguage: string;
  onSwitchLanguage: () => void;
  largeText: boolean;
  onToggleLargeText: () => void;
  /** Presenting: no rotation control (nothing rotates); overview and presenter view instead. */
  presenting: boolean;
  onOpenOverview: () => void;
  onOpenPresenterView: () => void;
}

/**
 * The WAI-ARIA carousel controls: rotation first in the tab order (it stops the motion),
 * then previous, the slide picker dots and next, then the reading options. Laid out along the
 * bottom of the screen, within reach from a wheelchair.
 */
export function Controls({
  slideshow,
  state,
  titles,
  otherLanguage,
  onSwitchLanguage,
  largeText,
  onToggleLargeText,
  presenting,
  onOpenOverview,
  onOpenPresenterView,
}: ControlsProps) {
  const t = useStrings();
  const navigationRef = useRef<HTMLDivElement>(null);
  const dotsFit = useDotsFit(navigationRef, titles.length);
  return (
    <div className="controls">
      {presenting ? null : (
        <button
          type="button"
          className="controls__button controls__rotation"
          aria-label={state.rotating ? t('carousel.stopRotation') : t('carousel.startRotation')}
          onClick={() => slideshow.toggleRotation()}
        >
          <span aria-hidden="true" className={state.rotating ? 'icon-pause' : 'icon-play'} />
          <span className="controls__label">
            {state.rotating ? t('carousel.pause') : t('carousel.play')}
          </span>
        </button>
      )}
      <div className="controls__navigation" ref={navigationRef}>
        <button
          type="button"
          className="controls__button controls__previous"
          aria-controls="slides"
          aria-label={t('carousel.previous')}
          onClick={() => slideshow.previous()}
        >
          <span aria-hidden="true" className="icon-previous" />
        </button>
        {dotsFit ? (
          <div className="controls__dots" role="group" aria-label={t('carousel.chooseSlide')}>
            {titles.map((title, index) => (
              <button
                key={index}
                type="button"
                className="controls__dot"
                aria-controls="slides"
                aria-label={t('carousel.goToSlide', { position: index + 1, title })}
                aria-current={index === state.index ? 'true' : undefined}
                onClick={() => slideshow.goTo(index)}
              >
                <span aria-hidden="true" />
              </button>
            ))}
          </div>
        ) : (
          // Too many slides for a dot each: where the patient is instead (each slide also says
          // its position to screen readers, so this is not read twice).
          <p className="controls__position" aria-hidden="true">
            {t('carousel.slidePosition', { position: state.index + 1, count: titles.length })}
          </p>
        )}
        <button
          type="button"
          className="controls__button controls__next"
          aria-controls="slides"
          aria-label={t('carousel.next')}
          onClick={() => slideshow.next()}
        >
          <span aria-hidden="true" className="icon-next" />
        </button>
      </div>
      <div className="controls__options">
        {presenting ? (
          <>
            <button type="button" className="controls__button" onClick={onOpenOverview}>
              {t('presenting.overview')}
            </button>
            <button type="button" className="controls__button" onClick={onOpenPresenterView}>
              {t('presenting.openPresenterView')}
            </button>
          </>
        ) : null}
        <button
          type="button"
          className="controls__button controls__language"
          lang={otherLanguage}
          onClick={onSwitchLanguage}
        >
          {t('options.switchLanguage')}
        </button>
        <button
          type="button"
          className="controls__button controls__text-size"
          aria-pressed={largeText}
          aria-label={`${t('options.largerTextShort')} ${t('options.largerText')}`}
          onClick={onToggleLargeText}
        >
          <span aria-hidden="true">{t('options.largerTextShort')}</span>
        </button>
      </div>
    </div>
  );
}

/** The width a dot's touch target takes (.controls__dot in Controls.css). */
const DOT_SIZE = 48;

/**
 * Whether a dot for every slide fits between the previous and next buttons. A playlist with many
 * clinic slides on a laptop screen would push the controls off the screen; then the bar shows
 * the position instead. Measured, not guessed: the room depends on the screen and the language.
 */
function useDotsFit(navigationRef: RefObject<HTMLDivElement | null>, count: number): boolean {
  const [fit, setFit] = useState(true);
  useLayoutEffect(() => {
    const navigation = navigationRef.current;
    if (!navigation) return;
    const measure = () => {
      const gap = parseFloat(getComputedStyle(navigation).columnGap) || 0;
      const buttons = [...navigation.querySelectorAll(':scope > button')].reduce(
        (sum, button) => sum + button.getBoundingClientRect().width,
        0,
      );
      setFit(count * DOT_SIZE <= navigation.clientWidth - buttons - 2 * gap);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(navigation);
    return () => observer.disconnect();
  }, [navigationRef, count]);
  return fit;
}
