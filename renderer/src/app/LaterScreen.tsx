// A screen the role may open whose content arrives in a later release, or a screen this
// role may not open at all (a typed or old address). Says which, and offers the way back.
import { useTranslation } from 'react-i18next';
import { useUi } from '../kernel/store.ts';

export function LaterScreen({ kind }: { kind: 'review' | 'summaries' | 'notForRole' }) {
  const { t } = useTranslation();
  const navigate = useUi((s) => s.navigate);
  return (
    <section className="screen">
      <h1 tabIndex={-1}>{t(`later.${kind}Title`)}</h1>
      <p>{t(`later.${kind}Body`)}</p>
      <button onClick={() => navigate({ name: 'list' })}>{t('later.back')}</button>
    </section>
  );
}
