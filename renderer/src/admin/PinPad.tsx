import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_PIN_DIGITS as MAX_DIGITS,
  MIN_PIN_DIGITS as MIN_DIGITS,
  type AdminBridge,
  type AdminState,
  type AdminStatus,
} from '../../../contract';
import { describeAdminError, formatWait } from './adminErrors';
import './PinPad.css';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export type PinPadPurpose = 'unlock' | 'setup';

interface PinPadProps {
  admin: AdminBridge;
  purpose: PinPadPurpose;
  onUnlocked: (state: AdminState, pin: string) => void;
}

/**
 * The staff PIN pad: big digit keys, the digits shown only as dots, a plain sentence after a
 * wrong try, and a countdown while main keeps the pad locked. Digit keys, Backspace and Enter on
 * a plugged-in keyboard work too.
 */
export function PinPad({ admin, purpose, onUnlocked }: PinPadProps) {
  const { t } = useTranslation('admin');
  const [digits, setDigits] = useState('');
  /** Setting the first PIN: the first entry, waiting for its confirmation. */
  const [firstEntry, setFirstEntry] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState(0);
  const [now, setNow] = useState(() => performance.now());
  const [busy, setBusy] = useState(false);
  const [damage, setDamage] = useState<AdminStatus['damage']>(null);

  const locked = lockedUntil > now;
  useEffect(() => {
    if (!locked) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [locked]);

  const applyStatus = useCallback((status: AdminStatus) => {
    setDamage(status.damage);
    if (status.retryInMs > 0) {
      const start = performance.now();
      setNow(start);
      setLockedUntil(start + status.retryInMs);
    }
  }, []);

  useEffect(() => {
    void admin.status().then(applyStatus, () => setMessage(t('errors.unreachable')));
  }, [admin, applyStatus, t]);

  const submit = async () => {
    if (busy || locked) return;
    if (digits.length < MIN_DIGITS) {
      setMessage(t('pin.tooShort'));
      return;
    }
    const pin = digits;
    setDigits('');
    if (purpose === 'setup' && firstEntry === null) {
      setFirstEntry(pin);
      setMessage(null);
      return;
    }
    if (purpose === 'setup' && firstEntry !== pin) {
      setFirstEntry(null);
      setMessage(t('pin.mismatch'));
      return;
    }
    setBusy(true);
    try {
      if (purpose === 'setup') {
        const set = await admin.setFirstPin({ pin });
        if (!set.ok) {
          setFirstEntry(null);
          setMessage(describeAdminError(t, set.error));
          return;
        }
      }
      const result = await admin.unlock({ pin });
      if (result.ok) {
        onUnlocked(result.value, pin);
        return;
      }
      setMessage(describeAdminError(t, result.error));
      if (result.error.code === 'locked') {
        applyStatus({
          hasPin: true,
          retryInMs: result.error.retryInMs ?? 0,
          triesLeft: 0,
          damage,
          setupRequested: false,
        });
      }
    } catch {
      setMessage(t('errors.unreachable'));
    } finally {
      setBusy(false);
    }
  };
  const submitRef = useRef(submit);
  useEffect(() => {
    submitRef.current = submit;
  });

  const press = (digit: string) => {
    if (locked) return;
    setMessage(null);
    setDigits((current) => (current.length < MAX_DIGITS ? current + digit : current));
  };
  const erase = () => setDigits((current) => current.slice(0, -1));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      if (/^\d$/.test(event.key)) {
        event.preventDefault();
        press(event.key);
      } else if (event.key === 'Backspace') {
        event.preventDefault();
        erase();
      } else if (event.key === 'Enter' && !(event.target as Element).closest('button')) {
        event.preventDefault();
        void submitRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // press/erase only use state setters
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locked]);

  const title = purpose === 'setup' ? t('pin.setupTitle') : t('pin.enterTitle');
  const hint =
    purpose === 'setup'
      ? firstEntry === null
        ? t('pin.setupHint')
        : t('pin.confirmHint')
      : t('pin.enterHint');
  const lockMessage = locked ? t('pin.locked', { time: formatWait(lockedUntil - now) }) : null;

  if (damage === 'pin-unusable') {
    return (
      <section className="pin-pad" aria-labelledby="pin-title">
        <h2 id="pin-title" className="pin-pad__title">
          {title}
        </h2>
        <p className="admin-message admin-message--problem" role="alert">
          {t('pin.unusable')}
        </p>
      </section>
    );
  }

  return (
    <section className="pin-pad" aria-labelledby="pin-title" aria-describedby="pin-hint">
      <h2 id="pin-title" className="pin-pad__title">
        {title}
      </h2>
      <p id="pin-hint" className="pin-pad__hint">
        {hint}
      </p>
      <div className="pin-pad__dots" aria-hidden="true">
        {/* A place for every digit a PIN may have; the ones past the shortest PIN are optional. */}
        {Array.from({ length: MAX_DIGITS }, (_, index) => (
          <span
            key={index}
            className={[
              'pin-pad__dot',
              index < digits.length ? 'pin-pad__dot--filled' : '',
              index >= MIN_DIGITS ? 'pin-pad__dot--optional' : '',
            ]
              .filter(Boolean)
              .join(' ')}
          />
        ))}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {t('pin.entered', { count: digits.length })}
      </p>
      <p className="admin-message admin-message--problem pin-pad__message" role="alert">
        {lockMessage ?? message ?? ''}
      </p>
      {damage === 'lock-reset' && locked ? (
        <p className="admin-message">{t('pin.lockReset')}</p>
      ) : null}
      <div className="pin-pad__keys">
        {DIGITS.map((digit) => (
          <button
            key={digit}
            type="button"
            className="pin-pad__key"
            disabled={locked}
            onClick={() => press(digit)}
          >
            {digit}
          </button>
        ))}
        <button
          type="button"
          className="pin-pad__key pin-pad__key--action"
          aria-label={t('pin.delete')}
          disabled={locked || digits.length === 0}
          onClick={erase}
        >
          ⌫
        </button>
        <button type="button" className="pin-pad__key" disabled={locked} onClick={() => press('0')}>
          0
        </button>
        <button
          type="button"
          className="pin-pad__key pin-pad__key--ok"
          disabled={locked || busy}
          onClick={() => void submit()}
        >
          {t('pin.ok')}
        </button>
      </div>
    </section>
  );
}
