import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../contract';
import en from './i18n/en.json';
import es from './i18n/es.json';
import fleetEn from './i18n/fleet.en.json';
import fleetEs from './i18n/fleet.es.json';
import reportsEn from './i18n/reports.en.json';
import reportsEs from './i18n/reports.es.json';
import scheduleEn from './i18n/schedule.en.json';
import scheduleEs from './i18n/schedule.es.json';

/** The admin's words: one namespace, with each larger screen's words in a file of its own. */
export const adminResources = {
  en: { admin: { ...en, schedule: scheduleEn, reports: reportsEn, fleet: fleetEn } },
  es: { admin: { ...es, schedule: scheduleEs, reports: reportsEs, fleet: fleetEs } },
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
