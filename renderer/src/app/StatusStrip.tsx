// The strip at the bottom: what still waits to reach HQ, and whether we are online. It counts
// entries, the unit an officer thinks in; the field changes behind them are in the tooltip.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { countActivities, countPendingChanges } from '../db/index.ts';
import { useServices } from './services.tsx';

function subscribeOnline(callback: () => void) {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

export function StatusStrip() {
  const { t } = useTranslation();
  const { db } = useServices();
  const pending = useLiveQuery(() => countPendingChanges(db), [db]);
  const entries = useLiveQuery(() => countActivities(db, { pending: true }), [db]);
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  return (
    <footer className="statusbar" aria-label={t('status.region')}>
      <span
        role="status"
        data-testid="pending-count"
        data-count={pending ?? ''}
        title={pending ? t('status.pendingChanges', { count: pending }) : undefined}
      >
        {pending === undefined || entries === undefined
          ? ''
          : pending === 0
            ? t('status.allSynced')
            : entries > 0
              ? t('status.pendingActivities', { count: entries })
              : // Only deletions wait: the entries are gone, their tombstones are not.
                t('status.pendingChanges', { count: pending })}
      </span>
      <span>
        <span className={online ? 'dot' : 'dot off'} aria-hidden="true" />
        {online ? t('status.online') : t('status.offline')}
      </span>
    </footer>
  );
}
