import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../contract';
import en from './i18n/en.json';
import es from './i18n/es.json';
import scheduleEn from './i18n/schedule.en.json';
import scheduleEs from './i18n/schedule.es.json';

/** The admin's words; the Schedule screen's are a file of their own, kept short. */
export const adminResources = {
  en: { admin: { ...en, schedule: scheduleEn } },
  es: { admin: { ...es, schedule: scheduleEs } },
} as const;

/**
 * The admin's own i18next instance (loaded with the admin, not with the player), so staff can
 * read it in their language without changing what the patient's screen shows.
 */
export function createAdminI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    ns: ['admin'],
    defaultNS: 'admin',
    resources: adminResources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
