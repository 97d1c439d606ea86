// i18next set-up: one instance for the app, English and French, with the core's own
// message tables (validation, bundle errors) merged in so every message has both languages.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language } from '../../../shared/domain/catalogue-types.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { coreMessages } from './core-messages.ts';
import { featureMessages } from './feature-messages.ts';

export const resources = {
  en: { translation: { ...en, ...coreMessages.en, ...featureMessages.en } },
  fr: { translation: { ...fr, ...coreMessages.fr, ...featureMessages.fr } },
} as const;

export function createI18n(language: Language = 'en'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    supportedLngs: ['en', 'fr'],
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'fr';
}
