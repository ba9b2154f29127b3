import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { AdminBridge, AdminState, Language, Slide } from '../../../contract';
import { createAdminI18n } from './adminI18n';
import { ClinicScreen } from './screens/ClinicScreen';
import { ClinicSlidesScreen } from './screens/ClinicSlidesScreen';
import { PinScreen } from './screens/PinScreen';
import { PlaylistsScreen } from './screens/PlaylistsScreen';
import { FleetMemberNotice, ScreensScreen } from './fleet/ScreensScreen';
import { ReportsScreen } from './reports/ReportsScreen';
import { ReviewScreen } from './screens/ReviewScreen';
import { ScheduleScreen } from './screens/ScheduleScreen';
import type { ScreenProps } from './screens/ScreenProps';
import { SettingsScreen } from './screens/SettingsScreen';
import { SetupScreen } from './screens/SetupScreen';
import { StatusScreen } from './screens/StatusScreen';
import { keepDraft, takeKeptDraft } from './keptDraft';
import { KeptDraftOffer, LeaveDialog } from './LeaveDialog';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import { PinPad, type PinPadPurpose } from './PinPad';
import { AskBeforeDroppingContext, UnsavedWorkContext } from './unsavedWork';
import { useAdminIdle } from './useAdminIdle';
import { useKeyboardField } from './useKeyboardField';
import { useLeaveGuard } from './useLeaveGuard';
import { withBuiltInExtras } from '../deck/deckExtras';
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
  reports: ReportsScreen,
  screens: ScreensScreen,
  status: StatusScreen,
  pin: PinScreen,
} as const;
type SectionName = keyof typeof SECTIONS;
/** Screens whose changes the fleet's next publish replaces on a member kiosk. */
const SHARED_BY_THE_FLEET = new Set<SectionName>([
  'settings',
  'playlists',
  'clinicSlides',
  'schedule',
  'clinic',
]);

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
  // The notes and review marks the waiting room's deck leaves out (deck/deckExtras.ts).
  const slides = useMemo(() => withBuiltInExtras(deckSlides), [deckSlides]);
  useEffect(() => {
    void i18n.changeLanguage(adminLanguage);
  }, [i18n, adminLanguage]);
  return (
    <I18nextProvider i18n={i18n}>
      <AdminScreen
        admin={admin}
        purpose={purpose}
        deckSlides={slides}
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
  // Changes the auto-leave kept last time: their section opens first, with them in it.
  const [kept, setKept] = useState(takeKeptDraft);
  const keptShown = useRef(false);
  const [section, setSection] = useState<SectionName>(
    (kept?.section as SectionName | undefined) ?? 'settings',
  );
  const [notice, setNotice] = useState<string | null>(null);
  /** The first PIN was just set: say so on the first screen. */
  const [pinSaved, setPinSaved] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const [field, setField] = useKeyboardField(rootRef);
  const guard = useLeaveGuard(setNotice);

  const close = useCallback(() => {
    void admin.lock().catch(() => undefined);
    onClose();
  }, [admin, onClose]);
  const idle = useAdminIdle(state !== null, () => void guard.autoLeave(section, close), admin);
  const goTo = (name: SectionName) =>
    guard.requestLeave(() => {
      setField(null);
      setKept(null);
      setNotice(null);
      setSection(name);
    });

  // Kept changes never shown (the PIN was not entered) wait for the next time.
  useEffect(
    () => () => {
      if (kept && !keptShown.current) keepDraft(kept);
    },
    [kept],
  );
  useEffect(() => {
    if (state !== null && kept) keptShown.current = true;
  }, [state, kept]);

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

  const sessionClosed = useCallback(() => setState(null), []);
  const props: ScreenProps = {
    admin,
    deckSlides,
    state: state as AdminState,
    onState: setState,
    onSessionClosed: sessionClosed,
    keptDraft: kept?.section === section ? kept.snapshot : undefined,
  };
  const autoPlan = idle.warningSeconds !== null ? guard.autoPlan() : null;
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
        <button type="button" className="admin-button" onClick={() => guard.requestLeave(close)}>
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
                    onClick={() => goTo(name)}
                  >
                    {t(`nav.${name}`)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className="admin__content">
            {SHARED_BY_THE_FLEET.has(section) ? (
              <FleetMemberNotice role={state.fleet.role} />
            ) : null}
            {pinSaved && section === 'settings' ? (
              <p className="admin-message" role="status">
                {t('pin.saved')}
              </p>
            ) : null}
            {notice ? (
              <p className="admin-message admin-notice" role="status">
                {notice}
              </p>
            ) : null}
            {kept && kept.section === section && guard.dirty ? (
              <KeptDraftOffer onDiscard={() => setKept(null)} />
            ) : null}
            <UnsavedWorkContext.Provider value={guard.report}>
              <AskBeforeDroppingContext.Provider value={guard.requestLeave}>
                <Current key={`${section}${kept ? '-kept' : ''}`} {...props} />
              </AskBeforeDroppingContext.Provider>
            </UnsavedWorkContext.Provider>
          </div>
        </div>
      )}
      {field && field.isConnected ? (
        <OnScreenKeyboard field={field} onHide={() => setField(null)} />
      ) : null}
      {guard.question ? (
        <LeaveDialog
          question={guard.question}
          onSave={() => void guard.answer.save()}
          onDiscard={() => void guard.answer.discard()}
          onKeepEditing={guard.answer.keepEditing}
        />
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
            {autoPlan ? ` ${t(`keepWork.auto.${autoPlan}`)}` : ''}
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
