import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsDraft } from '../useSettingsDraft';
import { Outcome } from './messages';

/**
 * Save, "you have changes that are not saved" while there are, then what the save came to. It
 * stays at the foot of the screen, above the on-screen keyboard, however long the form.
 */
export function SaveBar({
  draft: { busy, dirty, outcome },
  onSave,
  children,
}: {
  draft: Pick<SettingsDraft<unknown>, 'busy' | 'dirty' | 'outcome'>;
  onSave: () => void;
  /** More for the bar (an Undo). */
  children?: ReactNode;
}) {
  const { t } = useTranslation('admin');
  return (
    <div className="admin-savebar admin-savebar--sticky">
      <button
        type="button"
        className="admin-button admin-button--primary"
        disabled={busy}
        onClick={onSave}
      >
        {t('settings.save')}
      </button>
      {dirty && !outcome ? <p className="admin-message">{t('settings.unsaved')}</p> : null}
      <Outcome outcome={outcome} />
      {children}
    </div>
  );
}
