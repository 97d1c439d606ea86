// Import runs: files queued durably before any work (so a run cut short by a crash or a
// closed window resumes), each file's report appended in the same transaction that removes
// it from the queue, and the kept reports listed newest first.
import { type FileReport, type ImportFileInput, type ImportRunReport } from './api.ts';
import { type LiaisonDb } from '../db.ts';
import { type ImportRunRow, type QueuedFileRow } from './schema.ts';
import { withAbortReason } from '../abort-reason.ts';
import { toDbError } from '../errors.ts';
import { type FailureMessage } from './errors.ts';

function toReport(row: ImportRunRow): ImportRunReport {
  const { fileCount: _count, ...report } = row;
  return report;
}

/**
 * Creates a run and queues its files, in the caller's transaction when there is one
 * (approval moves waiting bundles into a run atomically), else in its own.
 */
export async function queueRun(
  db: LiaisonDb,
  files: readonly ImportFileInput[],
  origin: Pick<ImportRunReport, 'approval' | 'relay'> = {},
): Promise<string> {
  const runId = db.newId();
  const startedAt = new Date(db.now()).toISOString();
  const queued: QueuedFileRow[] = files.map((f, index) => ({
    id: `${runId}:${String(index).padStart(6, '0')}`,
    runId,
    index,
    name: f.name,
    // Queued in its place like any file, so the report keeps the order they were chosen in.
    ...('data' in f ? { data: f.data } : { data: new Uint8Array(0), unreadable: f.unreadable }),
  }));
  // The file bytes are the biggest write of an import: on a full disk it is this one that
  // fails, and the person must read why (the abort's reason, not a bare AbortError).
  let native: IDBTransaction | undefined;
  try {
    await db.transaction('rw', db.exchangeRuns, db.exchangeQueue, async (tx) => {
      native = tx.idbtrans;
      await db.exchangeRuns.add({
        id: runId,
        startedAt,
        finishedAt: null,
        files: [],
        cancelled: false,
        fileCount: files.length,
        ...(origin.approval ? { approval: origin.approval } : {}),
        ...(origin.relay ? { relay: true as const } : {}),
      });
      await db.exchangeQueue.bulkAdd(queued);
    });
  } catch (e) {
    throw toDbError(withAbortReason(e, native), 'write-failed', db.connection);
  }
  return runId;
}

/**
 * Bytes as this realm's Uint8Array. What IndexedDB hands back is a structured clone, which
 * an engine (or fake-indexeddb under jsdom) may build in another realm; the codec checks
 * `instanceof Uint8Array`. A view on the same buffer, no copy.
 */
export function ownBytes(data: Uint8Array): Uint8Array {
  if (data instanceof Uint8Array) return data;
  const foreign: ArrayBufferView = data;
  return new Uint8Array(foreign.buffer, foreign.byteOffset, foreign.byteLength);
}

/** The files still queued for a run, in their order. */
export async function queuedFiles(db: LiaisonDb, runId: string): Promise<QueuedFileRow[]> {
  const rows = await db.exchangeQueue.where('runId').equals(runId).toArray();
  return rows
    .sort((a, b) => a.index - b.index)
    .map((row) => ({ ...row, data: ownBytes(row.data) }));
}

/**
 * The ids of the files still queued for a run, in their order (ids end with the zero-padded
 * position), without reading their bytes: a run reads one file at a time (queuedFile).
 */
export async function queuedIds(db: LiaisonDb, runId: string): Promise<string[]> {
  const ids = await db.exchangeQueue.where('runId').equals(runId).primaryKeys();
  return ids.sort();
}

/** One queued file with its bytes; undefined once it has been taken off the queue. */
export async function queuedFile(db: LiaisonDb, id: string): Promise<QueuedFileRow | undefined> {
  const row = await db.exchangeQueue.get(id);
  return row && { ...row, data: ownBytes(row.data) };
}

/**
 * Appends a file's report and takes it off the queue. Must run inside a transaction over
 * exchangeRuns and exchangeQueue: the one that applied the file, so both happen or neither.
 */
export async function recordFileReport(
  db: LiaisonDb,
  runId: string,
  queueId: string,
  report: FileReport,
): Promise<void> {
  const run = await db.exchangeRuns.get(runId);
  if (run) await db.exchangeRuns.put({ ...run, files: [...run.files, report] });
  await db.exchangeQueue.delete(queueId);
}

/** A queued file is tried at most this many times; then it is set aside (see beginAttempt). */
export const MAX_IMPORT_ATTEMPTS = 2;

/** exchangeState keys of the tries of a run's files: `importAttempt:<queue id>`. */
const ATTEMPT_PREFIX = 'importAttempt:';

export interface AttemptRecord {
  /** Tries begun, each counted before it started. */
  tries: number;
  /** The last failure that could not be recorded in the run (a full disk, say). */
  lastError?: FailureMessage;
  /** The file's name, noted once its row was read: a file set aside is not read again. */
  fileName?: string;
}

/**
 * Counts one more try of a queued file, durably, BEFORE the try: a try the app does not
 * survive (a crash, running out of memory, a closed window) still counts, so a file that
 * kills the import is not retried at every start forever. Returns the record as it was
 * before this try; when it already holds MAX_IMPORT_ATTEMPTS tries, nothing is counted and
 * the caller sets the file aside instead of trying it.
 */
export async function beginAttempt(db: LiaisonDb, queueId: string): Promise<AttemptRecord> {
  const key = ATTEMPT_PREFIX + queueId;
  let native: IDBTransaction | undefined;
  const counting = db.transaction('rw', db.exchangeState, async (tx) => {
    native = tx.idbtrans;
    const before = ((await db.exchangeState.get(key))?.value as AttemptRecord | undefined) ?? {
      tries: 0,
    };
    if (before.tries < MAX_IMPORT_ATTEMPTS)
      await db.exchangeState.put({ key, value: { ...before, tries: before.tries + 1 } });
    return before;
  });
  return counting.catch((e: unknown) => {
    throw withAbortReason(e, native);
  });
}

/** Notes the name of the file being tried (see AttemptRecord.fileName). */
export async function noteAttemptFileName(
  db: LiaisonDb,
  queueId: string,
  fileName: string,
): Promise<void> {
  const key = ATTEMPT_PREFIX + queueId;
  await db.transaction('rw', db.exchangeState, async () => {
    const before = (await db.exchangeState.get(key))?.value as AttemptRecord | undefined;
    if (before && before.fileName !== fileName)
      await db.exchangeState.put({ key, value: { ...before, fileName } });
  });
}

/** Remembers why a try failed when even its rejection could not be written (best effort). */
export async function noteAttemptFailure(
  db: LiaisonDb,
  queueId: string,
  failure: FailureMessage,
): Promise<void> {
  const key = ATTEMPT_PREFIX + queueId;
  const before = (await db.exchangeState.get(key))?.value as AttemptRecord | undefined;
  await db.exchangeState.put({ key, value: { tries: before?.tries ?? 1, lastError: failure } });
}

/** Closes a run; a cancelled one drops the files it did not reach. */
export async function finishRun(
  db: LiaisonDb,
  runId: string,
  cancelled: boolean,
): Promise<ImportRunReport> {
  let native: IDBTransaction | undefined;
  const closing = db.transaction(
    'rw',
    db.exchangeRuns,
    db.exchangeQueue,
    db.exchangeState,
    async (tx) => {
      native = tx.idbtrans;
      await db.exchangeQueue.where('runId').equals(runId).delete();
      await db.exchangeState.where('key').startsWith(`${ATTEMPT_PREFIX}${runId}:`).delete();
      const run = await db.exchangeRuns.get(runId);
      if (!run) throw new Error(`no import run ${runId}`);
      const done: ImportRunRow = {
        ...run,
        cancelled,
        finishedAt: new Date(db.now()).toISOString(),
      };
      await db.exchangeRuns.put(done);
      return toReport(done);
    },
  );
  return closing.catch((e: unknown) => {
    throw withAbortReason(e, native);
  });
}

/** Runs a crash or a closed window left unfinished, oldest first. */
export async function unfinishedRuns(db: LiaisonDb): Promise<ImportRunRow[]> {
  return db.exchangeRuns
    .orderBy('startedAt')
    .filter((r) => r.finishedAt === null)
    .toArray();
}

export async function getImportRun(
  db: LiaisonDb,
  runId: string,
): Promise<ImportRunReport | undefined> {
  const row = await db.exchangeRuns.get(runId);
  return row ? toReport(row) : undefined;
}

/** The kept import reports, newest first. */
export async function listImportRuns(db: LiaisonDb, limit = 50): Promise<ImportRunReport[]> {
  const rows = await db.exchangeRuns.orderBy('startedAt').reverse().limit(limit).toArray();
  return rows.map(toReport);
}
