// The strip at the bottom: how many changes wait to reach HQ, and whether we are online.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { countPendingChanges } from '../db/index.ts';
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
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  return (
    <footer className="statusbar" aria-label={t('status.region')}>
      <span role="status" data-testid="pending-count" data-count={pending ?? ''}>
        {pending === undefined
          ? ''
          : pending === 0
            ? t('status.allSynced')
            : t('status.pending', { count: pending })}
      </span>
      <span>
        <span className={online ? 'dot' : 'dot off'} aria-hidden="true" />
        {online ? t('status.online') : t('status.offline')}
      </span>
    </footer>
  );
}
