// What online sync keeps between runs, in the exchangeState table under keys of its own, so
// the queue and the status survive a restart: bundles built and not yet on the relay, the
// highest own seq uploaded, the outbox files already imported (HQ, leads), the last outcome.
import { type SyncFailure } from '../../../../shared/remote/backoff.ts';
import { type LiaisonDb } from '../db.ts';
import { type BuiltFile } from '../exchange/export.ts';
import { readKey, writeKey } from '../key-value.ts';

/** A bundle built for the relay and not known to be there yet. */
export interface QueuedUpload {
  remoteName: string;
  built: BuiltFile;
  /** The highest own seq it carries. */
  toSeq: number;
}

export interface OnlineStatus {
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastFailure: SyncFailure | null;
  /** Consecutive failures since the last success (backoff). */
  failures: number;
  /** The credentials a wrong-credentials failure was seen with ('' when none): no retry until they change. */
  refusedCredentials: string;
  /** Inbox or outbox files that could not be imported: listed once, never retried. */
  setAside: string[];
  /**
   * HQ: devices whose inbox refused the copy of the profile in force at the last sync that
   * completed (tried again at every sync until it lands). Absent in statuses kept before it.
   */
  profileNotSent?: string[];
  /** The version those devices lack: HQ may have issued a newer one since that sync. */
  profileNotSentVersion?: number;
}

/**
 * The relay as Settings keeps it: the password sealed under the vault's data key, or (Electron)
 * kept by the main process with the OS secret store, `keptBy` saying where.
 */
export interface StoredRelayConfig {
  url: string;
  username: string;
  sealedPassword?: string;
  keptBy?: 'os' | 'session';
  /** Changes whenever the credentials do (never derived from the password). */
  version: string;
}

interface OnlineStateValues {
  'online.config': StoredRelayConfig;
  'online.queue': QueuedUpload[];
  'online.uploadedSeq': number;
  'online.pulled': string[];
  'online.status': OnlineStatus;
  /** HQ: the highest profile version copied into every device's inbox. */
  'online.profileSent': number;
  /**
   * HQ: devices that already hold a copy of a newer version than `online.profileSent`, with
   * that version, while other devices' copies failed (their inbox refused): those are tried
   * again next sync, these are not written twice.
   */
  'online.profileSentTo': Record<string, number>;
}

export const EMPTY_STATUS: OnlineStatus = {
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastFailure: null,
  failures: 0,
  refusedCredentials: '',
  setAside: [],
};

export async function readOnline<K extends keyof OnlineStateValues>(
  db: LiaisonDb,
  key: K,
): Promise<OnlineStateValues[K] | undefined> {
  return readKey<OnlineStateValues, K>(db.exchangeState, key);
}

export function writeOnline<K extends keyof OnlineStateValues>(
  db: LiaisonDb,
  key: K,
  value: OnlineStateValues[K],
): Promise<void> {
  return writeKey<OnlineStateValues, K>(db.exchangeState, key, value);
}

export async function getOnlineStatus(db: LiaisonDb): Promise<OnlineStatus> {
  return (await readOnline(db, 'online.status')) ?? EMPTY_STATUS;
}

export async function updateOnlineStatus(
  db: LiaisonDb,
  change: (before: OnlineStatus) => OnlineStatus,
): Promise<OnlineStatus> {
  return db.transaction('rw', db.exchangeState, async () => {
    const next = change(await getOnlineStatus(db));
    await writeOnline(db, 'online.status', next);
    return next;
  });
}
