// Switching the interface language: applied at once, remembered on this device.
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../db/index.ts';
import { type Language } from '../../../shared/domain/catalogue-types.ts';
import { useServices } from './services.tsx';
import { useUi } from './store.ts';
import { errorMessageKey } from './errors.ts';

export function useSwitchLanguage(): (next: Language) => void {
  const { i18n } = useTranslation();
  const { db, platform } = useServices();
  const showToast = useUi((s) => s.showToast);
  return (next) => {
    void i18n.changeLanguage(next);
    setLanguage(db, next).catch((error: unknown) =>
      showToast({ kind: 'error', key: errorMessageKey(error) }),
    );
    // For the desktop's date fields, from the next start; not worth a message if it fails.
    platform
      .keepLanguage?.(next)
      .catch((error: unknown) =>
        console.warn('The language was not kept for the next start', error),
      );
  };
}
