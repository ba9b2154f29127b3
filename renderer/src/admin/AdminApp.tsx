import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { AdminBridge, AdminState, Language, Slide } from '../../../contract';
import { createAdminI18n } from './adminI18n';
import { ClinicScreen } from './screens/ClinicScreen';
import { ClinicSlidesScreen } from './screens/ClinicSlidesScreen';
import { PinScreen } from './screens/PinScreen';
import { PlaylistsScreen } from './screens/PlaylistsScreen';
import { ReviewScreen } from './screens/ReviewScreen';
import { ScheduleScreen } from './screens/ScheduleScreen';
import type { ScreenProps } from './screens/ScreenProps';
import { SettingsScreen } from './screens/SettingsScreen';
import { SetupScreen } from './screens/SetupScreen';
import { StatusScreen } from './screens/StatusScreen';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import { PinPad, type PinPadPurpose } from './PinPad';
import { useAdminIdle } from './useAdminIdle';
import './kit/kit.css';
import './AdminApp.css';

const SECTIONS = {
  settings: SettingsScreen,
  playlists: PlaylistsScreen,
  clinicSlides: ClinicSlidesScreen,
  schedule: ScheduleScreen,
  setup: SetupScreen,
  clinic: ClinicScreen,
  review: ReviewScreen,
  status: StatusScreen,
  pin: PinScreen,
} as const;
type SectionName = keyof typeof SECTIONS;

export interface AdminAppProps {
  admin: AdminBridge;
  purpose: PinPadPurpose;
  language: Language;
  /** The built-in deck's slides, for playlist titles and previews. */
  deckSlides: readonly Slide[];
  onClose: () => void;
}

/** The staff admin, loaded on demand: the player's own bundle never carries it. */
export default function AdminApp({ admin, purpose, language, deckSlides, onClose }: AdminAppProps) {
  const [adminLanguage, setAdminLanguage] = useState(language);
  const i18n = useMemo(() => createAdminI18n(language), [language]);
  useEffect(() => {
    void i18n.changeLanguage(adminLanguage);
  }, [i18n, adminLanguage]);
  return (
    <I18nextProvider i18n={i18n}>
      <AdminScreen
        admin={admin}
        purpose={purpose}
        deckSlides={deckSlides}
        language={adminLanguage}
        onSwitchLanguage={() => setAdminLanguage((current) => (current === 'en' ? 'es' : 'en'))}
        onClose={onClose}
      />
    </I18nextProvider>
  );
}

function AdminScreen({
  admin,
  purpose,
  deckSlides,
  language,
  onSwitchLanguage,
  onClose,
}: Omit<AdminAppProps, 'language'> & { language: Language; onSwitchLanguage: () => void }) {
  const { t } = useTranslation('admin');
  const [state, setState] = useState<AdminState | null>(null);
  const [section, setSection] = useState<SectionName>('settings');
  const [field, setField] = useState<HTMLInputElement | HTMLTextAreaElement | null>(null);
  /** The first PIN was just set: say so on the first screen. */
  const [pinSaved, setPinSaved] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  const close = useCallback(() => {
    void admin.lock().catch(() => undefined);
    onClose();
  }, [admin, onClose]);
  const idle = useAdminIdle(state !== null, close, admin);

  // Leave the page's language as the patient's screen had it.
  useEffect(() => {
    const previous = document.documentElement.lang;
    return () => {
      document.documentElement.lang = previous;
    };
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // Focus starts inside the admin, and the first heading of each new section.
  useEffect(() => {
    rootRef.current?.querySelector<HTMLElement>('h2, button')?.focus();
  }, [state === null, section]); // eslint-disable-line react-hooks/exhaustive-deps

  // The on-screen keyboard follows the focused text field. When a touch moves the focus to a
  // button, it goes away only after that touch's click, so the button does not move under it.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let pointerDown = false;
    let pending: HTMLInputElement | HTMLTextAreaElement | null | undefined;
    const apply = (next: HTMLInputElement | HTMLTextAreaElement | null) => {
      if (pointerDown) pending = next;
      else setField(next);
    };
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      if (
        (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) &&
        target.dataset['oskMode']
      ) {
        setField(target);
      } else if (!(target instanceof Element && target.closest('.osk'))) apply(null);
    };
    const onPointerDown = () => {
      pointerDown = true;
    };
    const onPointerUp = () => {
      setTimeout(() => {
        pointerDown = false;
        if (pending !== undefined) setField(pending);
        pending = undefined;
      }, 0);
    };
    root.addEventListener('focusin', onFocusIn);
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('pointerup', onPointerUp, true);
    window.addEventListener('pointercancel', onPointerUp, true);
    return () => {
      root.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('pointerup', onPointerUp, true);
      window.removeEventListener('pointercancel', onPointerUp, true);
    };
  }, []);

  const sessionClosed = useCallback(() => setState(null), []);
  const props: ScreenProps = {
    admin,
    deckSlides,
    state: state as AdminState,
    onState: setState,
    onSessionClosed: sessionClosed,
  };
  const Current = SECTIONS[section];

  return (
    <div
      ref={rootRef}
      className="admin"
      role="dialog"
      aria-modal="true"
      aria-labelledby="admin-title"
      lang={language}
      data-keyboard={field ? 'open' : 'closed'}
    >
      <header className="admin__header">
        <h1 id="admin-title" className="admin__title">
          {t('title')}
        </h1>
        <button
          type="button"
          className="admin-button"
          lang={language === 'en' ? 'es' : 'en'}
          aria-label={t('switchLanguageName')}
          onClick={onSwitchLanguage}
        >
          {t('switchLanguage')}
        </button>
        <button type="button" className="admin-button" onClick={close}>
          {t('backToSlides')}
        </button>
      </header>
      {state === null ? (
        <div className="admin__body admin__body--pin">
          <PinPad
            admin={admin}
            purpose={purpose}
            onUnlocked={(unlocked) => {
              setPinSaved(purpose === 'setup');
              setState(unlocked);
            }}
          />
        </div>
      ) : (
        <div className="admin__body">
          <nav className="admin__nav" aria-label={t('nav.label')}>
            <ul>
              {(Object.keys(SECTIONS) as SectionName[]).map((name) => (
                <li key={name}>
                  <button
                    type="button"
                    className="admin-nav__button"
                    aria-current={section === name ? 'page' : undefined}
                    onClick={() => {
                      setField(null);
                      setSection(name);
                    }}
                  >
                    {t(`nav.${name}`)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className="admin__content">
            {pinSaved && section === 'settings' ? (
              <p className="admin-message" role="status">
                {t('pin.saved')}
              </p>
            ) : null}
            <Current key={section} {...props} />
          </div>
        </div>
      )}
      {field && field.isConnected ? (
        <OnScreenKeyboard field={field} onHide={() => setField(null)} />
      ) : null}
      {idle.warningSeconds !== null ? (
        <div
          className="admin-idle"
          role="alertdialog"
          aria-modal="true"
          aria-labelledby="admin-idle-text"
        >
          <p id="admin-idle-text" className="admin-idle__text">
            {t('idle.warning', { count: idle.warningSeconds })}
          </p>
          <button
            type="button"
            className="admin-button admin-button--primary"
            autoFocus
            onClick={idle.keepWorking}
          >
            {t('idle.keepWorking')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
