// One scheduler per window while the vault is unlocked and a relay is set: it starts at once,
// follows the OS's 'online' event and saved changes, and tells the strip whether it syncs. The
// address and the timer are HQ's when its signed profile sets a relay (relayPlan).
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { countPendingChanges } from '../../db/index.ts';
import { followProfileRelay, loadRelaySettings, relayPlan } from '../../db/online/config.ts';
import { readOnline, updateOnlineStatus } from '../../db/online/state.ts';
import { getNetworkProfile } from '../../db/identity.ts';
import { type ProfileRelay } from '../../../../shared/identity/index.ts';
import { createScheduler, type SyncScheduler } from '../../db/online/scheduler.ts';
import { syncOnce } from '../../db/online/sync.ts';
import { DEFAULT_BACKOFF, type SyncFailure } from '../../../../shared/remote/backoff.ts';
import { RelayPasswordNeeded } from '../../platform/types.ts';
import { useServices, useUnlocked } from '../../kernel/services.tsx';
import { relayEngine, setRelayProgress, setRelaySyncing } from '../sync/index.ts';

/** Test builds shorten the timer through the URL (?syncInterval=ms), never below a second. */
const DEBOUNCE_MS = 3_000;

let current: SyncScheduler | null = null;

/** "Sync now": the person asked, so it runs even after a refusal. */
export function syncNow(): Promise<void> {
  return current?.syncNow() ?? Promise.resolve();
}

function intervalFromUrl(minutes: number): number {
  const asked = Number(new URLSearchParams(location.search).get('syncInterval'));
  return Number.isFinite(asked) && asked >= 1000 ? asked : minutes * 60_000;
}

/** HQ's relay from the profile in force, as text so an unchanged one restarts nothing. */
function useProfileRelay(db: Parameters<typeof getNetworkProfile>[0]): string | undefined {
  return useLiveQuery(
    async () => JSON.stringify((await getNetworkProfile(db))?.relay ?? null),
    [db],
  );
}

/**
 * Why online sync could not start: 'password' only when the desktop keeper holds no password
 * for HQ's new address (the person enters it again); anything else is unexpected.
 */
export function startFailure(error: unknown): SyncFailure {
  return error instanceof RelayPasswordNeeded ? 'password' : 'unexpected';
}

export function useOnlineSync(): void {
  const services = useServices();
  const { db, platform, vault } = services;
  const unlocked = useUnlocked();
  const config = useLiveQuery(() => readOnline(db, 'online.config'), [db]);
  const pending = useLiveQuery(() => countPendingChanges(db), [db]);
  const relayText = useProfileRelay(db);

  useEffect(() => {
    const key = vault.key;
    if (!unlocked || !key || !config || !platform.remote || relayText === undefined) return;
    const fromHq = (JSON.parse(relayText) as ProfileRelay | null) ?? undefined;
    let stopped = false;
    let scheduler: SyncScheduler | null = null;
    const onOnline = () => scheduler?.online();
    const begin = async () => {
      // HQ moved the relay: the stored address changes, and this effect runs again with it.
      if (await followProfileRelay(db, fromHq, platform.relayCredentials)) return;
      const settings = await loadRelaySettings(db, key);
      const plan = relayPlan(fromHq, settings ?? undefined);
      if (stopped || !settings || !plan || !platform.remote) return;
      const store = platform.remote({ ...settings, url: plan.url });
      const interval = intervalFromUrl(plan.intervalMinutes);
      scheduler = createScheduler({
        db,
        run: () =>
          syncOnce({
            db,
            store,
            // The engine's work goes to the exchange worker; only the relay's I/O stays here.
            port: relayEngine(services),
            onProgress: setRelayProgress,
          }),
        credentialsKey: () => settings.version,
        intervalMs: interval,
        debounceMs: Math.min(DEBOUNCE_MS, interval),
        backoff: { ...DEFAULT_BACKOFF, baseMs: Math.min(DEFAULT_BACKOFF.baseMs, interval) },
        onState: setRelaySyncing,
      });
      current = scheduler;
      window.addEventListener('online', onOnline);
      scheduler.start();
    };
    begin().catch(async (error: unknown) => {
      console.error('Online sync could not start', error);
      await updateOnlineStatus(db, (s) => ({ ...s, lastFailure: startFailure(error) }));
    });
    return () => {
      stopped = true;
      scheduler?.stop();
      if (current === scheduler) current = null;
      window.removeEventListener('online', onOnline);
      setRelaySyncing(false);
    };
  }, [services, db, platform, vault, unlocked, config, relayText]);

  // A saved change: sync a moment later.
  useEffect(() => {
    if (pending !== undefined && pending > 0) current?.changed();
  }, [pending]);
}
