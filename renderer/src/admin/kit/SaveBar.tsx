import { useTranslation } from 'react-i18next';
import type { SettingsDraft } from '../useSettingsDraft';
import { Outcome } from './messages';

/** Save, "you have changes that are not saved" while there are, then what the save came to. */
export function SaveBar({
  draft: { busy, dirty, outcome },
  onSave,
}: {
  draft: Pick<SettingsDraft<unknown>, 'busy' | 'dirty' | 'outcome'>;
  onSave: () => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <div className="admin-savebar">
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
    </div>
  );
}
