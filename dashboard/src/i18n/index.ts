import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'vo.lang';

const isLanguage = (v: unknown): v is Language => LANGUAGES.includes(v as Language);

/**
 * The saved choice, else French: restaurateurs are French first, and a kitchen
 * tablet's browser is often left in English by the shop that set it up.
 */
function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLanguage(saved) ? saved : 'fr';
}

export function setLanguage(lng: Language): void {
  localStorage.setItem(STORAGE_KEY, lng);
  void i18n.changeLanguage(lng);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'fr';
}

/** BCP 47 locale for Intl: numbers, money and times follow the UI language. */
export function intlLocale(): string {
  return currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB';
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'fr',
  interpolation: { escapeValue: false }, // React already escapes.
});

export default i18n;
