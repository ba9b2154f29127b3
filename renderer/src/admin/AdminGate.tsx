import { lazy, Suspense, useEffect, useRef, useState, type PointerEvent } from 'react';
import type { AdminBridge, Language, Slide } from '../../../contract';
import type { PinPadPurpose } from './PinPad';
import './AdminGate.css';

const AdminApp = lazy(() => import('./AdminApp'));

/** How long staff hold the top-right corner to bring up the PIN pad. */
export const CORNER_HOLD_MS = 3000;

interface AdminGateProps {
  admin: AdminBridge;
  language: Language;
  deckSlides: readonly Slide[];
  onOpenChange: (open: boolean) => void;
}

/**
 * The way into the staff admin, small enough to live in the player's bundle: Ctrl+Alt+A, or
 * holding the top-right corner for 3 s (only once a PIN exists, so a patient can't stumble
 * into setting one), or starting the app with `--setup`. The admin itself loads on demand.
 */
export function AdminGate({ admin, language, deckSlides, onOpenChange }: AdminGateProps) {
  const [purpose, setPurpose] = useState<PinPadPurpose | null>(null);
  const holdTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const openRef = useRef((_from: 'keys' | 'corner' | 'setup') => {});

  useEffect(() => {
    openRef.current = (from) => {
      if (purpose !== null) return;
      void admin.status().then(
        (status) => {
          if (from === 'setup' && (status.hasPin || !status.setupRequested)) return;
          if (from === 'corner' && !status.hasPin && status.damage === null) return;
          setPurpose(status.hasPin || status.damage !== null ? 'unlock' : 'setup');
        },
        () => undefined,
      );
    };
  });
  useEffect(() => onOpenChange(purpose !== null), [purpose, onOpenChange]);

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
  };
  const startHold = (event: PointerEvent<HTMLDivElement>) => {
    if (!event.isPrimary) return;
    cancelHold();
    holdTimer.current = setTimeout(() => {
      holdTimer.current = null;
      openRef.current('corner');
    }, CORNER_HOLD_MS);
  };
  useEffect(() => cancelHold, []);

  return (
    <>
      {purpose === null ? (
        <div
          className="admin-corner"
          aria-hidden="true"
          onPointerDown={startHold}
          onPointerUp={cancelHold}
          onPointerCancel={cancelHold}
          onPointerLeave={cancelHold}
        />
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
