// A short message after an action ("Activity saved."), announced to screen readers.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../kernel/store.ts';

export function ToastView() {
  const { t } = useTranslation();
  const toast = useUi((s) => s.toast);
  const clear = useUi((s) => s.clearToast);
  useEffect(() => {
    if (!toast || toast.kind === 'error') return;
    const timer = setTimeout(clear, 5000);
    return () => clearTimeout(timer);
  }, [toast, clear]);
  if (!toast) return null;
  return (
    <div
      className={`notice toast ${toast.kind}`}
      role={toast.kind === 'error' ? 'alert' : 'status'}
    >
      {t(toast.key, toast.params)} <button onClick={clear}>{t('errors.dismiss')}</button>
    </div>
  );
}
