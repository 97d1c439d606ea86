// When to try again after a failed sync: exponential backoff with jitter, and which failures
// wait for a person (wrong credentials) instead of a timer. Pure: the random draw is passed in.

/** Why a sync did not complete, in words the status strip translates. */
export type SyncFailure =
  | 'offline' // no answer from the server (down, no link, connection dropped)
  | 'auth' // 401/403: the credentials are wrong; no retry until they change
  | 'full' // 507: the server has no room
  | 'busy' // 412/423: locked or changed under us
  | 'missing' // 404 on the folder
  | 'server' // 5xx
  | 'certificate' // the server's HTTPS certificate is not trusted here
  | 'password' // no password this session (no OS secret store to keep it): ask the person
  | 'unexpected';

export const SYNC_FAILURES = [
  'offline',
  'auth',
  'full',
  'busy',
  'missing',
  'server',
  'certificate',
  'password',
  'unexpected',
] as const satisfies readonly SyncFailure[];

export function failureOfStatus(status: number | undefined): SyncFailure {
  if (status === undefined) return 'offline';
  if (status === 401 || status === 403) return 'auth';
  if (status === 507) return 'full';
  if (status === 412 || status === 423) return 'busy';
  if (status === 404 || status === 409) return 'missing';
  if (status >= 500) return 'server';
  return 'unexpected';
}

/**
 * A failure that no timer can fix: wait for the person (new credentials, or the password
 * this session). A full relay (507), a lock (423) or an untrusted certificate (a hotel's
 * portal before sign-in) may clear by themselves, so they are retried with backoff.
 */
export function waitsForPerson(failure: SyncFailure): boolean {
  return failure === 'auth' || failure === 'password';
}

export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 5_000, maxMs: 15 * 60_000 };

/**
 * The wait before try `failures` + 1 (failures >= 1): base * 2^(failures-1), capped, then a
 * random half to whole of it ("equal jitter"), so many devices coming back together spread out.
 */
export function backoffDelay(
  failures: number,
  random: number,
  settings: BackoffSettings = DEFAULT_BACKOFF,
): number {
  const exp = Math.min(
    settings.maxMs,
    settings.baseMs * 2 ** Math.max(0, Math.min(30, failures - 1)),
  );
  const r = Math.min(1, Math.max(0, random));
  return Math.round(exp / 2 + (exp / 2) * r);
}
