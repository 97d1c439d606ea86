// A screen this role may not open (a typed or old address, or a role changed since): says so,
// and offers the way back to the log.
import { useTranslation } from 'react-i18next';
import { useUi } from '../kernel/store.ts';

export function NotForRoleScreen() {
  const { t } = useTranslation();
  const navigate = useUi((s) => s.navigate);
  return (
    <section className="screen">
      <h1 tabIndex={-1}>{t('notForRole.title')}</h1>
      <p>{t('notForRole.body')}</p>
      <button onClick={() => navigate({ name: 'list' })}>{t('notForRole.back')}</button>
    </section>
  );
}
