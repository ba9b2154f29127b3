import { useTranslation } from 'react-i18next';
import {
  contentNotices,
  daysUntil,
  localize,
  MAX_PLAYLIST_ENTRIES,
  type AdminState,
  type ContentNotice,
  type Language,
  type LocalizedText,
  type Slide,
} from '../../../../contract';
import { today as localToday } from '../today';
import { reviewedContentOf } from './reviewedContent';
import './review.css';

/**
 * Reviews due within 30 days or overdue, the crisis line changed since its review, slides
 * past their expiry date, playlists without the safety slides: on the admin's first screen and
 * on Kiosk status.
 */
export function ContentNotices({
  state,
  deckSlides,
  showNone = false,
}: {
  state: AdminState;
  deckSlides: readonly Slide[];
  showNone?: boolean;
}) {
  const { t, i18n } = useTranslation('admin');
  const language: Language = i18n.language === 'es' ? 'es' : 'en';
  const today = localToday();
  const notices = contentNotices(reviewedContentOf(state, deckSlides), today);
  const titles = new Map<string, LocalizedText>(deckSlides.map((slide) => [slide.id, slide.title]));
  for (const custom of state.settings.customSlides) titles.set(custom.id, custom.title);
  const crisisTitle = deckSlides.find((slide) => slide.kind === 'crisis')?.title;
  const titleOf = (id: string) => {
    const title = titles.get(id);
    return title ? localize(title, language) : id;
  };
  const describe = (notice: ContentNotice): string => {
    switch (notice.kind) {
      case 'deck-not-reviewed':
        return t('notices.deckNotReviewed', {
          language: t(`languageName.${notice.language}`),
          version: notice.version,
        });
      case 'deck-review-due':
        return notice.overdue
          ? t('notices.deckReviewOverdue', {
              language: t(`languageName.${notice.language}`),
              date: notice.due,
            })
          : t('notices.deckReviewDue', {
              language: t(`languageName.${notice.language}`),
              date: notice.due,
              count: daysUntil(today, notice.due),
            });
      case 'crisis-lines-not-reviewed':
        return t('notices.crisisLines', {
          language: t(`languageName.${notice.language}`),
          title: crisisTitle ? localize(crisisTitle, language) : '',
        });
      case 'slide-review-due':
        return notice.overdue
          ? t('notices.slideReviewOverdue', { title: titleOf(notice.slideId), date: notice.due })
          : t('notices.slideReviewDue', {
              title: titleOf(notice.slideId),
              date: notice.due,
              count: daysUntil(today, notice.due),
            });
      case 'slide-expired':
        return t(notice.builtIn ? 'notices.builtInSlideExpired' : 'notices.clinicSlideExpired', {
          title: titleOf(notice.slideId),
          date: notice.on,
        });
      case 'playlist-lacks-safety-slides':
        return t('notices.playlistLacksSafety', {
          playlist: notice.playlistName,
          slides: new Intl.ListFormat(language, { type: 'conjunction' }).format(
            notice.slideIds.map((slideId) => `“${titleOf(slideId)}”`),
          ),
          count: notice.slideIds.length,
          max: MAX_PLAYLIST_ENTRIES,
        });
    }
  };
  if (notices.length === 0) {
    return showNone ? <p className="admin-notices__none">✓ {t('notices.none')}</p> : null;
  }
  return (
    <section className="admin-notices" aria-labelledby="admin-notices-title">
      <h3 id="admin-notices-title" className="admin-section__subtitle">
        {t('notices.title')}
      </h3>
      <ul className="admin-list">
        {notices.map((notice, index) => (
          <li key={index} className="admin-list__attention">
            ! {describe(notice)}
          </li>
        ))}
      </ul>
    </section>
  );
}
