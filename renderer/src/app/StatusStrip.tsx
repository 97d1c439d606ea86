// The strip at the bottom: what still waits to reach HQ, the last export and HQ's last receipt,
// a running import, and whether we are online. It counts entries, the unit an officer thinks
// in; the field changes behind them are in the tooltip. It also completes, once per start, an
// import that was interrupted (it is on every screen, so that happens wherever the app opens).
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { countActivities, countPendingChanges, countReturned } from '../db/index.ts';
import { getExchangeStatus } from '../db/exchange/queries.ts';
import {
  useExchangeClient,
  useFormatWhen,
  useImportStore,
  useResumeInterruptedImport,
} from '../features/sync/index.ts';
import { getIdentity, homePost } from '../db/identity.ts';
import { type DeviceIdentity } from '../db/meta.ts';
import { useServices } from '../kernel/services.tsx';
import { OnlineStatus } from '../features/online/index.ts';

function subscribeOnline(callback: () => void) {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

function ExchangeTimes({ identity }: { identity: DeviceIdentity }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const formatWhen = useFormatWhen(homePost(identity));
  const status = useLiveQuery(() => getExchangeStatus(db), [db]);
  const progress = useImportStore((s) => (s.running ? s.progress : null));
  if (!status) return null;
  // HQ neither exports field bundles nor receives HQ's receipts.
  const role = identity.role;
  return (
    <>
      {progress ? (
        <span data-testid="status-importing">
          {t('sync.status.importing', { percent: progress.overallPercent })}
        </span>
      ) : null}
      {role !== 'hq' ? (
        <span data-testid="status-last-export">
          {status.lastExportAt
            ? t('sync.status.lastExport', { when: formatWhen(status.lastExportAt) })
            : t('sync.status.neverExported')}
        </span>
      ) : null}
      {role !== 'hq' ? (
        <span data-testid="status-last-receipt">
          {status.lastReceiptFromHqAt
            ? t('sync.status.lastReceipt', { when: formatWhen(status.lastReceiptFromHqAt) })
            : t('sync.status.noReceipt')}
        </span>
      ) : null}
    </>
  );
}

/** The officer's entries a reviewer sent back, shown only when there are some. */
function ReturnedCount({ officerId }: { officerId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const count = useLiveQuery(() => countReturned(db, officerId), [db, officerId]);
  return count ? <span data-testid="status-returned">{t('returned.strip', { count })}</span> : null;
}

export function StatusStrip() {
  const { t } = useTranslation();
  const { db } = useServices();
  const identity = useLiveQuery(() => getIdentity(db), [db]);
  const client = useExchangeClient();
  useResumeInterruptedImport(client);
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
      {identity?.role === 'officer' ? <ReturnedCount officerId={identity.officerId} /> : null}
      {identity ? <ExchangeTimes identity={identity} /> : null}
      {identity ? <OnlineStatus post={homePost(identity)} /> : null}
      <span className="statusbar-online">
        <span className={online ? 'dot' : 'dot off'} aria-hidden="true" />
        {online ? t('status.online') : t('status.offline')}
      </span>
    </footer>
  );
}
