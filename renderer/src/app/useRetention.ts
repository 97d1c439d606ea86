// Runs the retention purge (db/retention.ts) on a field device: when the app opens, when a
// receipt moves the acknowledgement, and every hour while it stays open.
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getNetworkProfile } from '../db/identity.ts';
import { getMeta } from '../db/meta.ts';
import { purgeConfirmedSensitive } from '../db/retention.ts';
import { useServices } from '../kernel/services.tsx';

const HOUR_MS = 60 * 60 * 1000;

export function useRetention(active: boolean): void {
  const { db } = useServices();
  const days = useLiveQuery(
    async () => (await getNetworkProfile(db))?.policy.sensitiveRetentionDays,
    [db],
  );
  const acks = useLiveQuery(async () => (await getMeta(db, 'ackLog'))?.length ?? 0, [db]);

  useEffect(() => {
    if (!active || days === undefined || acks === undefined) return;
    const run = () => {
      purgeConfirmedSensitive(db, days).catch((error: unknown) => {
        // Nothing is lost by a purge that did not run: it runs again within the hour.
        console.error('Retention purge failed', error);
      });
    };
    run();
    const timer = setInterval(run, HOUR_MS);
    return () => clearInterval(timer);
  }, [active, db, days, acks]);
}
