// The relay sync's import on the Sync screen: the same bar as a file import's ("File 12 of
// 63: …"), told by the engine through the exchange worker, while the status strip says
// "importing 12 of 63". No Cancel: a sync stops only between steps, by itself.
import { useTranslation } from 'react-i18next';
import { ProgressBar } from './ImportProgressView.tsx';
import { useRelayActivity } from './relay-activity.ts';

export function RelayImportView() {
  const { t } = useTranslation();
  const importing = useRelayActivity()?.importing ?? null;
  if (!importing) return null;
  return (
    <section
      className="sync-card sync-relay-import"
      aria-labelledby="relay-import-title"
      aria-busy="true"
      data-testid="relay-import"
    >
      <h2 id="relay-import-title" className="sync-running-title">
        {t('relaySync.importing')}
      </h2>
      <ProgressBar progress={importing} idPrefix="relay" />
    </section>
  );
}
