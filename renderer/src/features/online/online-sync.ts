// One scheduler per window while the vault is unlocked and a relay is set: it starts at once,
// follows the OS's 'online' event and saved changes, and tells the strip whether it syncs.
import { useEffect, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { countPendingChanges } from '../../db/index.ts';
import { directPort } from '../../db/online/port.ts';
import { loadRelaySettings } from '../../db/online/config.ts';
import { readOnline } from '../../db/online/state.ts';
import { createScheduler, type SyncScheduler } from '../../db/online/scheduler.ts';
import { syncOnce, type SyncProgress } from '../../db/online/sync.ts';
import { DEFAULT_BACKOFF } from '../../../../shared/remote/backoff.ts';
import { useServices, useUnlocked } from '../../kernel/services.tsx';

const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';
/** Test builds shorten these through the URL (?syncInterval=ms), never below a second. */
const INTERVAL_MS = 5 * 60_000;
const DEBOUNCE_MS = 3_000;

/** What the strip shows of a running sync: null when none runs, else where it is. */
export type RelayActivity = null | { progress: SyncProgress | null };

let activity: RelayActivity = null;
let current: SyncScheduler | null = null;
const listeners = new Set<() => void>();
const setActivity = (value: RelayActivity) => {
  activity = value;
  for (const l of listeners) l();
};
const setSyncing = (value: boolean) => setActivity(value ? { progress: null } : null);
const setProgress = (progress: SyncProgress) => {
  if (activity !== null) setActivity({ progress });
};

export function useRelayActivity(): RelayActivity {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => activity,
  );
}

/** "Sync now": the person asked, so it runs even after a refusal. */
export function syncNow(): Promise<void> {
  return current?.syncNow() ?? Promise.resolve();
}

function intervalFromUrl(): number {
  const asked = Number(new URLSearchParams(location.search).get('syncInterval'));
  return Number.isFinite(asked) && asked >= 1000 ? asked : INTERVAL_MS;
}

export function useOnlineSync(): void {
  const { db, platform, vault } = useServices();
  const unlocked = useUnlocked();
  const config = useLiveQuery(() => readOnline(db, 'online.config'), [db]);
  const pending = useLiveQuery(() => countPendingChanges(db), [db]);

  useEffect(() => {
    const key = vault.key;
    if (!unlocked || !key || !config || !platform.remote) return;
    let stopped = false;
    let scheduler: SyncScheduler | null = null;
    const onOnline = () => scheduler?.online();
    void loadRelaySettings(db, key).then((settings) => {
      if (stopped || !settings || !platform.remote) return;
      const store = platform.remote(settings);
      const interval = intervalFromUrl();
      scheduler = createScheduler({
        db,
        run: () =>
          syncOnce({
            db,
            store,
            port: directPort({ db, dataKey: key, appVersion: APP_VERSION }),
            onProgress: setProgress,
          }),
        credentialsKey: () => settings.version,
        intervalMs: interval,
        debounceMs: Math.min(DEBOUNCE_MS, interval),
        backoff: { ...DEFAULT_BACKOFF, baseMs: Math.min(DEFAULT_BACKOFF.baseMs, interval) },
        onState: setSyncing,
      });
      current = scheduler;
      window.addEventListener('online', onOnline);
      scheduler.start();
    });
    return () => {
      stopped = true;
      scheduler?.stop();
      if (current === scheduler) current = null;
      window.removeEventListener('online', onOnline);
      setSyncing(false);
    };
  }, [db, platform, vault, unlocked, config]);

  // A saved change: sync a moment later.
  useEffect(() => {
    if (pending !== undefined && pending > 0) current?.changed();
  }, [pending]);
}
