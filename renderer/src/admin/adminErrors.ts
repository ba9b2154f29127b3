import type { TFunction } from 'i18next';
import type { AdminError } from '../../../contract';
import { fieldName } from './staffWords';

/** "1:05", "0:30": how long the PIN pad stays locked. */
export function formatWait(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** The sentence staff see for a refused call, in the admin's language. */
export function describeAdminError(t: TFunction<'admin'>, error: AdminError): string {
  switch (error.code) {
    case 'wrong-pin':
      return error.triesLeft !== undefined
        ? t('pin.wrong', { count: error.triesLeft })
        : t('errors.wrong-pin');
    case 'locked':
      return t('errors.locked', { time: formatWait(error.retryInMs ?? 0) });
    case 'invalid-request':
      // Settings main refused (settingsRefusal.ts): in staff words, never main's path.
      return error.problem
        ? settingsRefused(t, error.problem)
        : t(`errors.${error.code}`, { detail: error.message });
    case 'save-failed': {
      // A disk that refused: say why in words (disk full, read-only …), never a system code.
      if (!error.cause) return t('errors.save-failed', { detail: error.message });
      const cause = t(`writeCause.${error.cause}`);
      return error.problem === 'pin-try'
        ? t('errors.pin-not-recorded', { cause, time: formatWait(error.retryInMs ?? 0) })
        : t('errors.save-failed-cause', { cause });
    }
    case 'media-refused':
    case 'setup-refused': {
      // The plain sentence for the problem, in the admin's language; main's words otherwise.
      const group = error.code === 'media-refused' ? 'mediaProblem' : 'setupProblem';
      if (error.problem === 'write-failed' && error.cause) {
        const cause = t(`writeCause.${error.cause}`);
        return t(`errors.${error.code}`, { detail: t(`${group}.write-failed-cause`, { cause }) });
      }
      const key = `${group}.${error.problem ?? ''}`;
      const detail = error.problem && i18nHas(t, key) ? t(key) : error.message;
      return t(`errors.${error.code}`, { detail });
    }
    default:
      return t(`errors.${error.code}`);
  }
}

/** Why main refused settings (a SettingsRefusal or `field:<field>`), said to staff. */
function settingsRefused(t: TFunction<'admin'>, problem: string): string {
  if (problem.startsWith('field:')) {
    return t('settingsRefused.field', { field: fieldName(t, problem.slice('field:'.length)) });
  }
  // Said as the screens say it before asking main.
  if (problem === 'nothing-plays') return t('keepWork.nothingPlays');
  if (problem === 'web-address') return t('keepWork.badWebAddress');
  const key = `settingsRefused.${problem}`;
  return i18nHas(t, key) ? t(key) : t('settingsRefused.settings');
}

/** An error for a call that never got an answer (main busy or gone). */
export const UNREACHABLE: AdminError = { code: 'save-failed', message: 'no answer from the kiosk' };

function i18nHas(t: TFunction<'admin'>, key: string): boolean {
  return t(key, { defaultValue: '' }) !== '';
}
