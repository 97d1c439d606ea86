// The exchange engine's entry points, as the worker (and the tests) call them: import runs
// over queued files, one file after another, progress per file and overall, cancel between
// files, resume after a crash; device approval and rejection. A failing file never stops
// the others: it is reported as rejected, with a message key, and changed nothing. A file
// the platform could not read arrives as { name, unreadable } and is rejected the same way
// ('cannot-read', the reason as i18next's `context`), touching no other table.
import {
  MAX_BATCH_MIB,
  MAX_FILE_MIB,
  type UnreadableReason,
} from '../../../../shared/ipc/contract.ts';
import {
  type FileOutcome,
  type ImportFileInput,
  type ImportProgress,
  type ImportRunReport,
} from './api.ts';
import { approvePending, rejectPending } from './devices.ts';
import { describeFailure, ExchangeError } from './errors.ts';
import { type ExchangeDeps } from './export.ts';
import { importFile, type ImportFaults } from './import.ts';
import {
  type AttemptRecord,
  MAX_IMPORT_ATTEMPTS,
  beginAttempt,
  finishRun,
  noteAttemptFailure,
  noteAttemptFileName,
  getImportRun,
  queueRun,
  queuedFile,
  queuedIds,
  recordFileReport,
  unfinishedRuns,
} from './runs.ts';
import { loadSelf } from './self.ts';

/** The cap a file left unread went past, in MiB, for the sentence that names it. */
function capOf(reason: UnreadableReason): { max?: number } {
  if (reason === 'too-large') return { max: MAX_FILE_MIB };
  if (reason === 'batch-too-large') return { max: MAX_BATCH_MIB };
  return {};
}

export interface RunOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Checked between files: true stops the run there. */
  isCancelled?: () => boolean;
  faults?: ImportFaults;
  /** Where the files came from, kept with the run for its report (the relay). */
  origin?: Pick<ImportRunReport, 'relay'>;
}

/** Queues the files durably, then imports them one by one. */
export async function importFiles(
  deps: ExchangeDeps,
  files: readonly ImportFileInput[],
  options: RunOptions = {},
): Promise<ImportRunReport> {
  const runId = await queueRun(deps.db, files, options.origin);
  return runQueued(deps, runId, options);
}

/** Imports what is queued for a run (all of it, or what a crash left), then closes the run. */
export async function runQueued(
  deps: ExchangeDeps,
  runId: string,
  options: RunOptions = {},
): Promise<ImportRunReport> {
  const { db } = deps;
  const run = await getImportRun(db, runId);
  // Ids only: each file's bytes are read when its turn comes, so a folder of large bundles
  // is never in memory all at once.
  const queued = await queuedIds(db, runId);
  const done = run?.files.length ?? 0;
  const fileCount = done + queued.length;
  let cancelled = false;
  for (const [i, id] of queued.entries()) {
    if (options.isCancelled?.()) {
      cancelled = true;
      break;
    }
    // Counted before the file's bytes are even read, so a try that kills the app (reading a
    // large file included) counts too; a file that did so twice is set aside with its reason
    // instead of crashing every start. Set aside, it is not read again (its name was noted).
    const attempt = await beginAttempt(db, id);
    if (attempt.tries >= MAX_IMPORT_ATTEMPTS) {
      const name = attempt.fileName ?? id;
      await setAside(
        db,
        (outcome) => recordFileReport(db, runId, id, { fileName: name, outcome }),
        attempt,
      );
      options.onProgress?.({
        fileIndex: done + i,
        fileCount,
        fileName: name,
        fileFraction: 1,
        overallFraction: (done + i + 1) / Math.max(1, fileCount),
      });
      continue;
    }
    const file = await queuedFile(db, id);
    if (!file) continue;
    await noteAttemptFileName(db, id, file.name);
    const fileIndex = done + i;
    const report = (fileFraction: number) =>
      options.onProgress?.({
        fileIndex,
        fileCount,
        fileName: file.name,
        fileFraction,
        overallFraction: (fileIndex + fileFraction) / Math.max(1, fileCount),
      });
    const record = (outcome: FileOutcome) =>
      recordFileReport(db, runId, file.id, { fileName: file.name, outcome });
    report(0);
    try {
      // The platform could not read it: rejected like any bad file, through the same path.
      if (file.unreadable !== undefined) {
        throw new ExchangeError('cannot-read', `${file.name}: ${file.unreadable}`, {
          context: file.unreadable,
          ...capOf(file.unreadable),
        });
      }
      await importFile(
        deps,
        { name: file.name, data: file.data, record, onFraction: report },
        options.faults,
      );
    } catch (e) {
      const outcome: FileOutcome = { kind: 'rejected', ...describeFailure(e) };
      // Refusals named by the codec, identity or engine are the report's business; anything
      // else is a fault to look into.
      if (outcome.errorKey === 'exchange.error.unexpected')
        console.error('Import of a file failed', e);
      try {
        await db.transaction('rw', db.exchangeRuns, db.exchangeQueue, () => record(outcome));
      } catch (again) {
        // Even the report could not be written: the file stays queued; its next try (or its
        // setting aside) will say why.
        console.error('Could not record a rejected file', again);
        await noteAttemptFailure(db, file.id, describeFailure(e)).catch(() => undefined);
        // On a full disk no other file, nor the end of the run, can be stored either: the
        // run stops here with that reason (the browser may close the connection, and a later
        // write would only say so). What is queued resumes at the next start.
        if (outcome.errorKey === 'exchange.error.disk-full') throw e;
        // Otherwise go on with the other files.
      }
    }
    report(1);
  }
  return finishRun(db, runId, cancelled);
}

/** Reports a file whose tries all stopped without an answer, and takes it off the queue. */
async function setAside(
  db: ExchangeDeps['db'],
  record: (outcome: FileOutcome) => Promise<void>,
  attempt: AttemptRecord,
): Promise<void> {
  const reason = attempt.lastError ?? { errorKey: 'exchange.error.import-stopped' };
  const outcome: FileOutcome = { kind: 'set-aside', attempts: attempt.tries, ...reason };
  try {
    await db.transaction('rw', db.exchangeRuns, db.exchangeQueue, () => record(outcome));
  } catch (e) {
    console.error('Could not record a file set aside', e);
  }
}

/** Completes runs a crash or a closed window cut short; null when there were none. */
export async function resumeInterrupted(
  deps: ExchangeDeps,
  options: RunOptions = {},
): Promise<ImportRunReport | null> {
  let last: ImportRunReport | null = null;
  for (const run of await unfinishedRuns(deps.db)) last = await runQueued(deps, run.id, options);
  return last;
}

/** Approves a waiting device, then imports its waiting bundles as a run. */
export async function approveDevice(
  deps: ExchangeDeps,
  deviceId: string,
  options: RunOptions = {},
): Promise<ImportRunReport> {
  const self = await loadSelf(deps.db, deps.dataKey);
  const runId = await approvePending(deps.db, self, deviceId);
  return runQueued(deps, runId, options);
}

export function rejectDevice(deps: Pick<ExchangeDeps, 'db'>, deviceId: string): Promise<void> {
  return rejectPending(deps.db, deviceId);
}
