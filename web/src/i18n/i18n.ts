// The UI's languages: Dutch by default, English selectable; the choice is kept in localStorage
// and mirrored in <html lang> so screen readers pronounce the page right.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import nl from '../locales/nl.json';

export const kLanguages = ['nl', 'en'] as const;
export type Language = (typeof kLanguages)[number];

const kStorageKey = 'meekijk.language';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(kStorageKey) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  showSupportNotice: false, // no advertisement in the console
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(kStorageKey, language);
  } catch {
    // Not remembered across reloads; the choice still applies now.
  }
});

export default i18n;
