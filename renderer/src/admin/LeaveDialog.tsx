import { useTranslation } from 'react-i18next';
import type { LeaveQuestion } from './useLeaveGuard';

/** "Save changes?" before leaving a screen with changes that are not saved. */
export function LeaveDialog({
  question,
  onSave,
  onDiscard,
  onKeepEditing,
}: {
  question: LeaveQuestion;
  onSave: () => void;
  onDiscard: () => void;
  onKeepEditing: () => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <div className="admin-modal">
      <div
        className="admin-modal__box"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="admin-leave-title"
        aria-describedby="admin-leave-text"
      >
        <h2 id="admin-leave-title" className="admin-section__subtitle">
          {question.canSave ? t('keepWork.leaveTitle') : t('keepWork.leaveTitleNoSave')}
        </h2>
        <p id="admin-leave-text">
          {t('keepWork.leaveText')}
          {question.note ? ` ${question.note}` : ''}
        </p>
        <div className="admin-actions">
          {question.canSave ? (
            <button
              type="button"
              className="admin-button admin-button--primary"
              autoFocus
              disabled={question.busy}
              onClick={onSave}
            >
              {t('keepWork.save')}
            </button>
          ) : null}
          <button
            type="button"
            className="admin-button admin-button--danger"
            disabled={question.busy}
            onClick={onDiscard}
          >
            {t('keepWork.discard')}
          </button>
          <button
            type="button"
            className="admin-button"
            autoFocus={!question.canSave}
            disabled={question.busy}
            onClick={onKeepEditing}
          >
            {t('keepWork.keepEditing')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** The changes the auto-leave kept, shown again on the staff's return. */
export function KeptDraftOffer({ onDiscard }: { onDiscard: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <div className="admin-kept" role="region" aria-labelledby="admin-kept-title">
      <p id="admin-kept-title" className="admin-field__label">
        {t('keepWork.keptTitle')}
      </p>
      <p>{t('keepWork.keptText')}</p>
      <button type="button" className="admin-button" onClick={onDiscard}>
        {t('keepWork.keptDiscard')}
      </button>
    </div>
  );
}
