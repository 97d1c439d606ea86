// The one error type the database layer throws, so screens can show a clear message in
// the user's language from `code` alone instead of parsing IndexedDB or Dexie messages.

export type DbErrorCode =
  | 'open-failed'
  | 'blocked'
  | 'version-too-new'
  | 'quota-exceeded'
  | 'write-failed'
  | 'not-found'
  | 'newer-record'
  /** An edit or a delete of another officer's record: only its officer may change it. */
  | 'not-yours'
  /** A sensitive value was to be written or read while the app is locked (no data key). */
  | 'locked';

export class DbError extends Error {
  override readonly name = 'DbError';

  constructor(
    readonly code: DbErrorCode,
    message: string = code,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isDbError(e: unknown): e is DbError {
  return e instanceof DbError;
}

/** Names Dexie and IndexedDB use, searched through Dexie's `inner` chain and `cause`. */
const NAME_TO_CODE: Readonly<Record<string, DbErrorCode>> = {
  QuotaExceededError: 'quota-exceeded',
  VersionError: 'version-too-new',
  // Another window upgraded the database and this connection let go of it.
  DatabaseClosedError: 'blocked',
};

function errorName(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('name' in e)) return undefined;
  return typeof e.name === 'string' ? e.name : undefined;
}

function innerOf(e: unknown): unknown {
  if (typeof e !== 'object' || e === null) return undefined;
  // Dexie wraps the native error in `inner` (e.g. AbortError -> QuotaExceededError).
  if ('inner' in e && e.inner) return e.inner;
  if ('cause' in e && e.cause) return e.cause;
  // Dexie's BulkError (a bulkAdd whose transaction aborted) keeps its errors in `failures`.
  if ('failures' in e && typeof e.failures === 'object' && e.failures !== null) {
    return Object.values(e.failures)[0] as unknown;
  }
  return undefined;
}

/** What the database knows about its connection (LiaisonDb.connection). */
export interface ConnectionState {
  /** The app closed it (another window upgrades the database): a closed error means that. */
  readonly closedOnPurpose: boolean;
  /** Why the browser closed it, until it opens again. */
  readonly lostBecause: unknown;
}

/**
 * Maps anything thrown by Dexie/IndexedDB (or by our own code) to a DbError. A quota
 * failure often reaches us as a transaction AbortError whose inner error says why, so the
 * whole chain is searched; anything unrecognised becomes `fallback`. With the database's
 * `connection`, a failure to reopen after the browser closed the connection (which says
 * nothing of why) is read as what closed it, never as "another window".
 */
export function toDbError(
  e: unknown,
  fallback: DbErrorCode,
  connection?: ConnectionState,
): DbError {
  if (e instanceof DbError) return e;
  if (connection && !connection.closedOnPurpose && chainNames(e, CLOSED_OR_REOPEN_FAILED)) {
    const lost = connection.lostBecause;
    const code = lost !== undefined && chainSays(lost, DISK_FULL) ? 'quota-exceeded' : fallback;
    if (!chainSays(e, DISK_FULL)) return new DbError(code, messageOf(e), { cause: e });
  }
  // A really full disk is not a quota error in Chromium: LevelDB fails with an IO error
  // (FILE_ERROR_NO_SPACE, or "Failed to write blobs" for a large value) and the browser
  // closes the connection, so what reaches us may be an UnknownError, a DataError or a
  // DatabaseClosedError that only says why in its message (tests/e2e/full-disk.spec.ts).
  if (chainSays(e, DISK_FULL)) return new DbError('quota-exceeded', messageOf(e), { cause: e });
  let cur: unknown = e;
  for (let depth = 0; cur !== undefined && depth < 8; depth++) {
    if (cur instanceof DbError) return cur;
    const name = errorName(cur);
    const code = name ? NAME_TO_CODE[name] : undefined;
    if (code) return new DbError(code, messageOf(e), { cause: e });
    cur = innerOf(cur);
  }
  return new DbError(fallback, messageOf(e), { cause: e });
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const DISK_FULL = /NO_SPACE|No space left|ENOSPC|Failed to write blobs/i;

/** Whether an error, or one it wraps, says the disk is full. */
export function saysDiskFull(e: unknown): boolean {
  return chainSays(e, DISK_FULL);
}

/** A closed connection, or an open (Dexie's automatic reopen) that failed. */
const CLOSED_OR_REOPEN_FAILED: ReadonlySet<string> = new Set([
  'DatabaseClosedError',
  'OpenFailedError',
]);

function chainNames(e: unknown, names: ReadonlySet<string>): boolean {
  let cur: unknown = e;
  for (let depth = 0; cur !== undefined && depth < 8; depth++) {
    const name = errorName(cur);
    if (name && names.has(name)) return true;
    cur = innerOf(cur);
  }
  return false;
}

function chainSays(e: unknown, pattern: RegExp): boolean {
  let cur: unknown = e;
  for (let depth = 0; cur !== undefined && depth < 8; depth++) {
    if (typeof cur === 'object' && cur !== null && 'message' in cur) {
      if (typeof cur.message === 'string' && pattern.test(cur.message)) return true;
    }
    cur = innerOf(cur);
  }
  return false;
}
