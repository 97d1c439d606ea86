// The current interface language as the catalogue's Language ('en' | 'fr'), for picking a
// Localized label. Re-renders on a language switch like useTranslation does.
import { useTranslation } from 'react-i18next';
import { type Language } from '../../../shared/domain/catalogue-types.ts';

export function useLang(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'fr' ? 'fr' : 'en';
}
