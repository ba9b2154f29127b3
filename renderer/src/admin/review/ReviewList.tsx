import { useTranslation } from 'react-i18next';
import { LANGUAGES, type AdminState } from '../../../../contract';
import { reviewSummary } from './reviewedContent';

/** Per language: who reviewed the deck's content and when, or that it still needs a review. */
export function ReviewList({ state }: { state: AdminState }) {
  const { t } = useTranslation('admin');
  return (
    <ul className="admin-list">
      {LANGUAGES.map((language) => {
        const summary = reviewSummary(
          state.settings.contentReviews,
          language,
          state.deckContentVersion,
        );
        const name = t(`languageName.${language}`);
        const review = summary.review;
        const text = review
          ? t(summary.kind === 'current' ? 'review.latest' : 'review.outdated', {
              language: name,
              reviewer: review.reviewer,
              date: review.reviewedOn,
              version: review.contentVersion,
            })
          : t('review.none', { language: name });
        return (
          <li
            key={language}
            className={summary.kind === 'current' ? undefined : 'admin-list__attention'}
          >
            {summary.kind === 'current' ? '✓ ' : '! '}
            {text}
          </li>
        );
      })}
    </ul>
  );
}
