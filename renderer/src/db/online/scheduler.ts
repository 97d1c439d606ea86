// When online sync runs: on start, when the OS says the link is back, a moment after a saved
// change, on a timer and on "Sync now". Never two at once (a Web Lock, across windows too);
// after a failure, exponential backoff with jitter; wrong credentials wait for new ones.
import {
  backoffDelay,
  waitsForPerson,
  type BackoffSettings,
  type SyncFailure,
} from '../../../../shared/remote/backoff.ts';
import { RemoteError } from '../../platform/remote.ts';
import { type LiaisonDb } from '../db.ts';
import { updateOnlineStatus, getOnlineStatus } from './state.ts';
import { type SyncReport } from './sync.ts';

export const SYNC_LOCK_NAME = 'liaison-log-online-sync';

export interface SchedulerOptions {
  db: LiaisonDb;
  run: () => Promise<SyncReport>;
  /** Changes when the person enters other credentials (never the password itself). */
  credentialsKey: () => string;
  intervalMs: number;
  debounceMs: number;
  backoff: BackoffSettings;
  random?: () => number;
  /** Runs `work` unless another window holds the lock (then resolves false). */
  exclusive?: (work: () => Promise<void>) => Promise<boolean>;
  onReport?: (report: SyncReport) => void;
  onState?: (syncing: boolean) => void;
}

export interface SyncScheduler {
  start(): void;
  stop(): void;
  /** The person asked: runs even while credentials are known to be wrong. */
  syncNow(): Promise<void>;
  /** A change was saved here: sync a moment later (debounced). */
  changed(): void;
  /** The OS says the link is back. */
  online(): void;
}

export function failureOf(error: unknown): SyncFailure {
  return error instanceof RemoteError ? error.failure : 'unexpected';
}

/** navigator.locks where the runtime has it, so two windows never sync at once. */
export function webLockExclusive(
  locks: LockManager | undefined,
): (work: () => Promise<void>) => Promise<boolean> {
  let busy = false; // the same window, where there are no Web Locks
  return async (work) => {
    if (locks) {
      return locks.request(SYNC_LOCK_NAME, { ifAvailable: true }, async (lock) => {
        if (!lock) return false;
        await work();
        return true;
      });
    }
    if (busy) return false;
    busy = true;
    try {
      await work();
      return true;
    } finally {
      busy = false;
    }
  };
}

export function createScheduler(options: SchedulerOptions): SyncScheduler {
  const { db } = options;
  // The database's random source (DbDeps.random) unless the caller gives one.
  const random = options.random ?? db.random;
  const exclusive = options.exclusive ?? webLockExclusive(globalThis.navigator?.locks);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = stopped ? null : setTimeout(() => void trigger(false), ms);
  };

  async function attempt(byPerson: boolean): Promise<void> {
    const before = await getOnlineStatus(db);
    const refused =
      before.lastFailure === 'auth' && before.refusedCredentials === options.credentialsKey();
    // Wrong credentials: no timer, no link event retries until they change.
    if (refused && !byPerson) return;
    options.onState?.(true);
    const at = new Date(db.now()).toISOString();
    try {
      const report = await options.run();
      await updateOnlineStatus(db, (s) => ({
        ...s,
        lastSuccessAt: at,
        lastAttemptAt: at,
        lastFailure: null,
        failures: 0,
        refusedCredentials: '',
        setAside: [...s.setAside, ...report.setAside].slice(-100),
        // This sync's answer replaces the last one: the copies that landed since are not missing.
        profileNotSent: report.profileNotSent,
        ...(report.profileNotSentVersion === undefined
          ? {}
          : { profileNotSentVersion: report.profileNotSentVersion }),
      }));
      options.onReport?.(report);
      schedule(options.intervalMs);
    } catch (e) {
      const failure = failureOf(e);
      if (failure === 'unexpected') console.error('Online sync failed', e);
      const status = await updateOnlineStatus(db, (s) => ({
        ...s,
        lastAttemptAt: at,
        lastFailure: failure,
        failures: s.failures + 1,
        refusedCredentials: failure === 'auth' ? options.credentialsKey() : '',
      }));
      if (!waitsForPerson(failure))
        schedule(backoffDelay(status.failures, random(), options.backoff));
      else if (timer) clearTimeout(timer);
    } finally {
      options.onState?.(false);
    }
  }

  function trigger(byPerson: boolean): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await exclusive(() => attempt(byPerson));
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    start() {
      stopped = false;
      void trigger(false);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (debounce) clearTimeout(debounce);
      timer = debounce = null;
    },
    syncNow: () => trigger(true),
    changed() {
      if (stopped) return;
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(() => void trigger(false), options.debounceMs);
    },
    online: () => void trigger(false),
  };
}
