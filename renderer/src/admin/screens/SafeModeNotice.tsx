import { useTranslation } from 'react-i18next';
import type { AdminBridge, AdminState } from '../../../../contract';
import { formatWhen as when } from '../formatWhen';
import { useAdminCall } from '../useAdminCall';
import './SafeModeNotice.css';

/**
 * A calm card on Kiosk status while the kiosk is in safe mode: what happened, that nothing was
 * lost, when it ends by itself, and a button to end it now.
 */
export function SafeModeNotice({
  admin,
  state,
  onState,
  onSessionClosed,
}: {
  admin: AdminBridge;
  state: AdminState;
  onState: (state: AdminState) => void;
  onSessionClosed: () => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const leave = useAdminCall(onSessionClosed);
  const safeMode = state.safeMode;
  if (!safeMode) {
    return leave.outcome ? <p className="admin-message">{leave.outcome.text}</p> : null;
  }
  return (
    <section className="admin-safe-mode" aria-labelledby="safe-mode-title">
      <h3 id="safe-mode-title" className="admin-section__subtitle">
        {t('safeMode.title')}
      </h3>
      <p>{t('safeMode.what', { since: when(safeMode.since, i18n.language) })}</p>
      <p>{t('safeMode.kept')}</p>
      <p>{t('safeMode.ends', { at: when(safeMode.endsAt, i18n.language) })}</p>
      <p>{t('safeMode.reason', { reason: safeMode.reason })}</p>
      <button
        type="button"
        className="admin-button admin-button--primary"
        disabled={leave.busy}
        onClick={() => void leave.run(() => admin.leaveSafeMode(), t('safeMode.left'), onState)}
      >
        {t('safeMode.leave')}
      </button>
    </section>
  );
}
