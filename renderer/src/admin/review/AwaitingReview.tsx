import { useTranslation } from 'react-i18next';
import {
  localize,
  slidePartText,
  slidesAwaitingReview,
  type AdminState,
  type Language,
  type LocalizedText,
  type Slide,
} from '../../../../contract';
import { reviewedContentOf } from './reviewedContent';
import './review.css';

/** The name of a part of a slide on the review screen ("Point 2", "Picture caption"). */
function usePartName() {
  const { t } = useTranslation('admin');
  return (part: string): string => {
    const [head, second, third, fourth] = part.split('.');
    const n = Number(second) + 1;
    switch (head) {
      case 'points':
        return t('review.part.point', { n });
      case 'buildSteps':
        return t('review.part.buildStep', { n });
      case 'columns':
        return third === 'heading'
          ? t('review.part.heading', { n })
          : t('review.part.columnPoint', { n, m: Number(fourth) + 1 });
      case 'illustration':
        return second === 'caption' || second === 'description'
          ? t(`review.part.${second}`)
          : t('review.part.label');
      default:
        return t(`review.part.${head}`, { defaultValue: part });
    }
  };
}

/** New and changed wording of this content version, and a changed crisis line, for the clinician. */
export function AwaitingReview({
  state,
  deckSlides,
}: {
  state: AdminState;
  deckSlides: readonly Slide[];
}) {
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'es' ? 'es' : 'en';
  const partName = usePartName();
  const marks = slidesAwaitingReview(reviewedContentOf(state, deckSlides));
  if (marks.size === 0) return null;
  const say = (text: LocalizedText | undefined) => (text ? localize(text, language) : '');
  return (
    <section className="admin-awaiting" aria-labelledby="admin-awaiting-title">
      <h3 id="admin-awaiting-title" className="admin-section__subtitle">
        {t('review.waitingTitle')}
      </h3>
      <p className="admin-field__hint">{t('review.waitingHint')}</p>
      <ul className="admin-list admin-awaiting__slides">
        {deckSlides
          .filter((slide) => marks.has(slide.id))
          .map((slide) => {
            const mark = marks.get(slide.id);
            const parts =
              slide.review?.change === 'changed' && mark === 'changed' ? slide.review.parts : [];
            return (
              <li key={slide.id} data-slide-id={slide.id}>
                <p className="admin-awaiting__slide">
                  <strong>{say(slide.title)}</strong>{' '}
                  <span className="playlist__tag">
                    {mark === 'crisis-lines'
                      ? t('review.crisisLines')
                      : t(mark === 'new' ? 'review.newSlide' : 'review.changedSlide')}
                  </span>
                </p>
                <ul>
                  {mark === 'crisis-lines' || (slide.kind === 'crisis' && mark === 'new')
                    ? state.settings.clinic.crisisLines.map((line, index) => (
                        <li key={index}>{say(line)}</li>
                      ))
                    : null}
                  {mark === 'new' && slide.kind !== 'crisis'
                    ? slide.points.map((point, index) => <li key={index}>{say(point.text)}</li>)
                    : null}
                  {parts.map((part) => (
                    <li key={part}>
                      {partName(part)}: “{say(slidePartText(slide, part))}”
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
      </ul>
    </section>
  );
}
