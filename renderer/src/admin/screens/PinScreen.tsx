import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PIN_DIGITS, MIN_PIN_DIGITS } from '../fieldLimits';
import { Outcome, Section, TextField } from '../kit';
import { useUnsavedWork } from '../unsavedWork';
import { useAdminCall } from '../useAdminCall';
import type { ScreenProps } from './ScreenProps';

interface PinDraft {
  current: string;
  next: string;
  confirm: string;
}

export function PinScreen({ admin, onSessionClosed, keptDraft }: ScreenProps) {
  const { t } = useTranslation('admin');
  const kept = keptDraft as PinDraft | undefined;
  const [current, setCurrent] = useState(kept?.current ?? '');
  const [next, setNext] = useState(kept?.next ?? '');
  const [confirm, setConfirm] = useState(kept?.confirm ?? '');
  const [mismatch, setMismatch] = useState(false);
  const [confirmingQuit, setConfirmingQuit] = useState(false);
  const change = useAdminCall(onSessionClosed);
  const quit = useAdminCall(onSessionClosed);
  const changePin = () => {
    if (next !== confirm) {
      setMismatch(true);
      return Promise.resolve(false);
    }
    return change.run(
      () => admin.changePin({ current, next }),
      t('pinScreen.changed'),
      () => {
        setCurrent('');
        setNext('');
        setConfirm('');
      },
    );
  };
  useUnsavedWork({
    dirty: current !== '' || next !== '' || confirm !== '',
    canSave: () => current !== '' && next.length >= MIN_PIN_DIGITS && next === confirm,
    save: changePin,
    snapshot: { current, next, confirm } satisfies PinDraft,
  });
  const digitsOnly = (set: (value: string) => void) => (value: string) => {
    setMismatch(false);
    change.clear();
    set(value.replace(/\D/g, ''));
  };
  return (
    <Section title={t('pinScreen.title')}>
      <TextField
        label={t('pinScreen.current')}
        type="password"
        numeric
        maxLength={MAX_PIN_DIGITS}
        value={current}
        onChange={digitsOnly(setCurrent)}
      />
      <TextField
        label={t('pinScreen.next')}
        type="password"
        numeric
        maxLength={MAX_PIN_DIGITS}
        value={next}
        onChange={digitsOnly(setNext)}
      />
      <TextField
        label={t('pinScreen.confirm')}
        type="password"
        numeric
        maxLength={MAX_PIN_DIGITS}
        value={confirm}
        onChange={digitsOnly(setConfirm)}
      />
      <div className="admin-savebar">
        <button
          type="button"
          className="admin-button admin-button--primary"
          disabled={change.busy}
          onClick={() => void changePin()}
        >
          {t('pinScreen.change')}
        </button>
        {mismatch ? (
          <p className="admin-message admin-message--problem" role="alert">
            {t('pinScreen.mismatch')}
          </p>
        ) : (
          <Outcome outcome={change.outcome} />
        )}
      </div>
      <h3 className="admin-section__subtitle">{t('pinScreen.quitTitle')}</h3>
      <p className="admin-field__hint">{t('pinScreen.quitHint')}</p>
      {confirmingQuit ? (
        <div className="admin-savebar" role="group" aria-label={t('pinScreen.quitConfirm')}>
          <p className="admin-message">{t('pinScreen.quitConfirm')}</p>
          <button
            type="button"
            className="admin-button admin-button--danger"
            disabled={quit.busy}
            onClick={() => void quit.run(() => admin.quitKiosk(), '')}
          >
            {t('pinScreen.quitYes')}
          </button>
          <button type="button" className="admin-button" onClick={() => setConfirmingQuit(false)}>
            {t('pinScreen.quitNo')}
          </button>
          <Outcome outcome={quit.outcome} />
        </div>
      ) : (
        <button
          type="button"
          className="admin-button admin-button--danger"
          onClick={() => setConfirmingQuit(true)}
        >
          {t('pinScreen.quit')}
        </button>
      )}
    </Section>
  );
}
