import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../contract';
import { DATE_LENGTH, REVIEWER_MAX_LENGTH } from '../fieldLimits';
import { Choice, Outcome, Section, TextField } from '../kit';
import { AwaitingReview } from '../review/AwaitingReview';
import { ReviewList } from '../review/ReviewList';
import { today } from '../today';
import { useUnsavedWork } from '../unsavedWork';
import { useAdminCall } from '../useAdminCall';
import type { ScreenProps } from './ScreenProps';

interface ReviewDraft {
  language: Language;
  reviewer: string;
  reviewedOn: string;
}

export function ReviewScreen({
  admin,
  deckSlides,
  state,
  onState,
  onSessionClosed,
  keptDraft,
}: ScreenProps) {
  const { t } = useTranslation('admin');
  const kept = keptDraft as ReviewDraft | undefined;
  const [language, setLanguage] = useState<Language>(kept?.language ?? 'en');
  const [reviewer, setReviewer] = useState(kept?.reviewer ?? '');
  const [reviewedOn, setReviewedOn] = useState(kept?.reviewedOn ?? today());
  const call = useAdminCall(onSessionClosed);
  const record = () =>
    call.run(
      () => admin.recordReview({ language, reviewer: reviewer.trim(), reviewedOn }),
      t('review.recorded'),
      (next) => {
        setReviewer('');
        onState(next);
      },
    );
  useUnsavedWork({
    // A name typed is the work; a date or language alone is not worth asking about.
    dirty: reviewer.trim() !== '',
    // A clinician's sign-off is recorded by staff's own tap, never by the 2-minute auto-leave.
    canSave: () => false,
    save: record,
    snapshot: { language, reviewer, reviewedOn } satisfies ReviewDraft,
  });
  return (
    <Section title={t('review.title')}>
      <p className="admin-field__hint">{t('review.hint')}</p>
      <p>{t('review.contentVersion', { version: state.deckContentVersion })}</p>
      <ReviewList state={state} />
      <AwaitingReview state={state} deckSlides={deckSlides} />
      <h3 className="admin-section__subtitle">{t('review.recordTitle')}</h3>
      <Choice<Language>
        legend={t('review.language')}
        name="reviewLanguage"
        value={language}
        options={LANGUAGES.map((value) => ({ value, label: t(`languageName.${value}`) }))}
        onChange={setLanguage}
      />
      <TextField
        label={t('review.reviewer')}
        value={reviewer}
        maxLength={REVIEWER_MAX_LENGTH}
        onChange={setReviewer}
      />
      <TextField
        label={t('review.date')}
        value={reviewedOn}
        maxLength={DATE_LENGTH}
        numeric
        onChange={setReviewedOn}
      />
      <div className="admin-savebar admin-savebar--sticky">
        <button
          type="button"
          className="admin-button admin-button--primary"
          disabled={call.busy}
          onClick={() => void record()}
        >
          {t('review.record')}
        </button>
        <Outcome outcome={call.outcome} />
      </div>
    </Section>
  );
}
