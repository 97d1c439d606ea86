// Switching the interface language: applied at once, remembered on this device.
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../db/index.ts';
import { type Language } from '../../../shared/domain/catalogue-types.ts';
import { useServices } from './services.tsx';
import { useUi } from './store.ts';
import { errorMessageKey } from './errors.ts';

export function useSwitchLanguage(): (next: Language) => void {
  const { i18n } = useTranslation();
  const { db } = useServices();
  const showToast = useUi((s) => s.showToast);
  return (next) => {
    void i18n.changeLanguage(next);
    setLanguage(db, next).catch((error: unknown) =>
      showToast({ kind: 'error', key: errorMessageKey(error) }),
    );
  };
}
