import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminError, AdminResult } from '../../../contract';
import { describeAdminError, UNREACHABLE } from './adminErrors';
import { announceBusy, whileBusy } from './busyPulse';

export interface CallOutcome {
  kind: 'done' | 'problem';
  text: string;
}

/**
 * Runs one admin call and keeps what staff should read about it: the success sentence, or the
 * refusal in plain words. A session that main closed sends staff back to the PIN pad.
 */
export function useAdminCall(onSessionClosed: () => void) {
  const { t } = useTranslation('admin');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);

  async function run<T>(
    call: () => Promise<AdminResult<T>>,
    done: string,
    onDone?: (value: T) => void,
  ): Promise<boolean> {
    setBusy(true);
    setOutcome(null);
    let error: AdminError;
    try {
      // A call that runs long (export, import) keeps the admin from timing out under it.
      const result = await whileBusy(call(), announceBusy);
      if (result.ok) {
        onDone?.(result.value);
        setOutcome({ kind: 'done', text: done });
        return true;
      }
      error = result.error;
    } catch {
      error = UNREACHABLE;
    } finally {
      setBusy(false);
    }
    if (error.code === 'not-unlocked') onSessionClosed();
    setOutcome({
      kind: 'problem',
      text: error === UNREACHABLE ? t('errors.unreachable') : describeAdminError(t, error),
    });
    return false;
  }

  return {
    busy,
    outcome,
    run,
    clear: () => setOutcome(null),
    /** A problem found before asking main, said as a refused call is. */
    refuse: (text: string) => setOutcome({ kind: 'problem', text }),
    /** Something done without a call to main, said as a call's outcome is. */
    tell: (text: string) => setOutcome({ kind: 'done', text }),
  };
}
