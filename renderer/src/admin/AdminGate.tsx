import { lazy, Suspense, useEffect, useRef, useState, type PointerEvent } from 'react';
import type { AdminBridge, Language, Slide } from '../../../contract';
import { useStrings } from '../i18n/strings';
import type { PinPadPurpose } from './PinPad';
import './AdminGate.css';

const AdminApp = lazy(() => import('./AdminApp'));

/** How long staff hold the top-right corner to bring up the PIN pad. */
export const CORNER_HOLD_MS = 3000;
/** How long the note on setting a first PIN stays up after a hold with no PIN. */
const NO_PIN_NOTE_MS = 12_000;

interface AdminGateProps {
  admin: AdminBridge;
  language: Language;
  deckSlides: readonly Slide[];
  onOpenChange: (open: boolean) => void;
}

/**
 * The way into the staff admin, small enough to live in the player's bundle: Ctrl+Alt+A, or
 * holding the top-right corner for 3 s (a ring fills while it is held; only once a PIN exists,
 * so a patient can't stumble into setting one: until then the hold says how staff set one), or
 * starting the app with `--setup`. The admin itself loads on demand.
 */
export function AdminGate({ admin, language, deckSlides, onOpenChange }: AdminGateProps) {
  // The gate is part of the player (the admin's own words load with the admin).
  const t = useStrings();
  const [purpose, setPurpose] = useState<PinPadPurpose | null>(null);
  const [holding, setHolding] = useState(false);
  const [noPinNote, setNoPinNote] = useState(false);
  const holdTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const openRef = useRef((_from: 'keys' | 'corner' | 'setup') => {});

  useEffect(() => {
    openRef.current = (from) => {
      if (purpose !== null) return;
      void admin.status().then(
        (status) => {
          if (from === 'setup' && (status.hasPin || !status.setupRequested)) return;
          if (from === 'corner' && !status.hasPin && status.damage === null) {
            setNoPinNote(true);
            return;
          }
          setPurpose(status.hasPin || status.damage !== null ? 'unlock' : 'setup');
        },
        () => undefined,
      );
    };
  });
  useEffect(() => onOpenChange(purpose !== null), [purpose, onOpenChange]);
  useEffect(() => {
    if (!noPinNote) return;
    const timer = setTimeout(() => setNoPinNote(false), NO_PIN_NOTE_MS);
    return () => clearTimeout(timer);
  }, [noPinNote]);

  useEffect(() => {
    openRef.current('setup');
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        event.ctrlKey &&
        event.altKey &&
        (event.code === 'KeyA' || event.key.toLowerCase() === 'a')
      ) {
        event.preventDefault();
        openRef.current('keys');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const cancelHold = () => {
    if (holdTimer.current !== null) clearTimeout(holdTimer.current);
    holdTimer.current = null;
    setHolding(false);
  };
  const startHold = (event: PointerEvent<HTMLDivElement>) => {
    if (!event.isPrimary) return;
    cancelHold();
    setHolding(true);
    holdTimer.current = setTimeout(() => {
      holdTimer.current = null;
      setHolding(false);
      openRef.current('corner');
    }, CORNER_HOLD_MS);
  };
  useEffect(
    () => () => {
      if (holdTimer.current !== null) clearTimeout(holdTimer.current);
    },
    [],
  );

  return (
    <>
      {purpose === null ? (
        // Only while the admin is shut: once it is open, its own status lines speak.
        <p className={noPinNote ? 'admin-gate-note' : 'visually-hidden'} role="status">
          {noPinNote ? t('adminGate.noPin') : ''}
        </p>
      ) : null}
      {purpose === null ? (
        <div
          className="admin-corner"
          aria-hidden="true"
          onPointerDown={startHold}
          onPointerUp={cancelHold}
          onPointerCancel={cancelHold}
          onPointerLeave={cancelHold}
        >
          {holding ? (
            <svg className="admin-corner__ring" viewBox="0 0 48 48">
              <circle className="admin-corner__track" cx="24" cy="24" r="20" />
              <circle className="admin-corner__fill" cx="24" cy="24" r="20" pathLength={100} />
            </svg>
          ) : null}
        </div>
      ) : (
        <Suspense fallback={null}>
          <AdminApp
            admin={admin}
            purpose={purpose}
            language={language}
            deckSlides={deckSlides}
            onClose={() => setPurpose(null)}
          />
        </Suspense>
      )}
    </>
  );
}
