import type { ClinicDetails, Language, Slide } from '../../../contract';
import { SlideView } from '../slides/SlideView';
import './SlideThumbnail.css';

/**
 * A slide drawn small, exactly as on the big screen: the stage is a size container, so the
 * slide's type and layout scale with it.
 */
export function SlideThumbnail({
  slide,
  step,
  language,
  clinic,
}: {
  slide: Slide;
  step: number;
  language: Language;
  clinic: ClinicDetails;
}) {
  return (
    <div className="slide-stage slide-thumbnail" aria-hidden="true">
      <SlideView slide={slide} step={step} language={language} clinic={clinic} />
    </div>
  );
}
