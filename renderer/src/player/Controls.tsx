import type { Language } from '../../../contract';
import type { Slideshow, SlideshowState } from './slideshow';

interface ControlsProps {
  slideshow: Slideshow;
  state: SlideshowState;
  titles: readonly string[];
  language: Language;
}

/**
 * The WAI-ARIA carousel controls: rotation first in the tab order (it stops the motion),
 * then previous, the slide picker dots, and next. Laid out along the bottom of the screen.
 */
export function Controls({ slideshow, state, titles }: ControlsProps) {
  return (
    <div className="controls">
      <button
        type="button"
        className="controls__button controls__rotation"
        aria-label={state.rotating ? 'Stop automatic slide show' : 'Start automatic slide show'}
        onClick={() => slideshow.toggleRotation()}
      >
        <span aria-hidden="true" className={state.rotating ? 'icon-pause' : 'icon-play'} />
        <span className="controls__label">{state.rotating ? 'Pause' : 'Play'}</span>
      </button>
      <button
        type="button"
        className="controls__button controls__previous"
        aria-controls="slides"
        aria-label="Previous slide"
        onClick={() => slideshow.previous()}
      >
        <span aria-hidden="true" className="icon-previous" />
      </button>
      <div className="controls__dots" role="group" aria-label="Choose a slide">
        {titles.map((title, index) => (
          <button
            key={index}
            type="button"
            className="controls__dot"
            aria-controls="slides"
            aria-label={`Slide ${index + 1}: ${title}`}
            aria-current={index === state.index ? 'true' : undefined}
            onClick={() => slideshow.goTo(index)}
          >
            <span aria-hidden="true" />
          </button>
        ))}
      </div>
      <button
        type="button"
        className="controls__button controls__next"
        aria-controls="slides"
        aria-label="Next slide"
        onClick={() => slideshow.next()}
      >
        <span aria-hidden="true" className="icon-next" />
      </button>
    </div>
  );
}
