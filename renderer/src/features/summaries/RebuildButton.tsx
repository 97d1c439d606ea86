// "Rebuild summaries": counts every entry again into the rollups, with its progress.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rebuildRollups } from '../../db/rollup-store.ts';
import { useServices } from '../../kernel/services.tsx';
import { useUi } from '../../kernel/store.ts';
import { useLang } from '../../i18n/useLang.ts';

export function RebuildButton() {
  const { t } = useTranslation();
  const lang = useLang();
  const { db } = useServices();
  const showToast = useUi((s) => s.showToast);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const format = (n: number) => n.toLocaleString(lang === 'fr' ? 'fr-CA' : 'en-CA');
  const rebuild = async () => {
    setProgress({ done: 0, total: 0 });
    let counted = 0;
    try {
      await rebuildRollups(db, (done, total) => {
        counted = total;
        setProgress({ done, total });
      });
      showToast({ kind: 'ok', key: 'summaries.rebuilt', params: { count: format(counted) } });
    } catch {
      showToast({ kind: 'error', key: 'summaries.rebuildFailed' });
    } finally {
      setProgress(null);
    }
  };
  return (
    <div className="rebuild no-print">
      <button
        type="button"
        disabled={progress !== null}
        aria-describedby="rebuild-hint"
        onClick={() => void rebuild()}
      >
        {t('summaries.rebuild')}
      </button>{' '}
      <span className="hint" id="rebuild-hint">
        {t('summaries.rebuildHint')}
      </span>
      {progress ? (
        <p role="status">
          <label htmlFor="rebuild-progress">
            {t('summaries.rebuilding', {
              done: format(progress.done),
              total: format(progress.total),
            })}
          </label>{' '}
          <progress id="rebuild-progress" max={progress.total || 1} value={progress.done} />
        </p>
      ) : null}
    </div>
  );
}
