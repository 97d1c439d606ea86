// Shown instead of the app when the database cannot be opened at all.
import { useTranslation } from 'react-i18next';

export function FatalError({ messageKey }: { messageKey: string }) {
  const { t } = useTranslation();
  return (
    <main className="centered" role="alert">
      <h1>{t('errors.title')}</h1>
      <p>{t(messageKey)}</p>
      <button className="primary" onClick={() => location.reload()}>
        {t('errors.reload')}
      </button>
    </main>
  );
}
