// i18next set-up: one instance for the app, English and French, with the core's own
// message tables (validation, bundle errors) and every registered feature table merged in,
// so every message has both languages. Features register from their index.ts (registry.ts),
// which the shell imports before the first render.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language } from '../../../shared/domain/catalogue-types.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { coreMessages } from './core-messages.ts';
import { platformMessages } from '../platform/messages.ts';
import { registeredTables, reserveNamespaces } from './registry.ts';

reserveNamespaces([
  ...Object.keys(en),
  ...Object.keys(coreMessages.en),
  ...Object.keys(platformMessages.en),
]);

/** All strings of both languages: the app's, the core's, the platform's, the features'. */
export function buildResources() {
  const tables = registeredTables();
  const merge = (lang: Language) =>
    Object.assign({}, ...tables.map((t) => t[lang])) as Record<string, unknown>;
  return {
    en: { translation: { ...en, ...coreMessages.en, ...platformMessages.en, ...merge('en') } },
    fr: { translation: { ...fr, ...coreMessages.fr, ...platformMessages.fr, ...merge('fr') } },
  };
}

export function createI18n(language: Language = 'en'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: buildResources(),
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
