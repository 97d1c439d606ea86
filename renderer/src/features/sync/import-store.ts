// The running import as UI state (zustand): its progress, whether it resumes an interrupted
// run, whether Cancel was pressed. It lives outside the screen so an import keeps going, and
// its progress stays visible in the status strip, when the person opens another screen.
import { create } from 'zustand';
import {
  type ExchangeClient,
  type ImportFileInput,
  type ImportProgress,
} from '../../db/exchange/api.ts';
import { progressView, type ProgressView } from './progress.ts';

export interface ImportState {
  running: boolean;
  /** This run completes files an interrupted run left queued. */
  resuming: boolean;
  cancelling: boolean;
  progress: ProgressView | null;
  /** The last finished run's id (its report is read from the database). */
  lastRunId: string | null;
  /** Set when the last run resumed an interrupted one, for the "completed" notice. */
  lastWasResume: boolean;
  /** Why the last run failed as a whole (per-file failures are in its report instead). */
  error: unknown;
  /**
   * How many runs have ended since the app started, stored or not (a run on a full disk
   * stores no report): what says "this run is over" where the button, enabled before a run
   * begins as after it ends, cannot.
   */
  ended: number;
  /** The names of the files the last ended run was started with (none for a resume). */
  endedFiles: readonly string[];
}

const initial: ImportState = {
  running: false,
  resuming: false,
  cancelling: false,
  progress: null,
  lastRunId: null,
  lastWasResume: false,
  error: null,
  ended: 0,
  endedFiles: [],
};

export const useImportStore = create<ImportState>(() => initial);

let controller: AbortController | null = null;

/** Progress can come for every chunk; the screen needs at most ~20 updates a second. */
const PROGRESS_INTERVAL_MS = 50;

function progressReporter(): { report: (p: ImportProgress) => void; flush: () => void } {
  let latest: ImportProgress | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (!latest) return;
    const p = latest;
    latest = null;
    useImportStore.setState((s) => ({
      progress: progressView(p, s.progress ?? undefined),
    }));
  };
  return {
    report: (p) => {
      latest = p;
      timer ??= setTimeout(flush, PROGRESS_INTERVAL_MS);
    },
    flush: () => {
      if (timer) clearTimeout(timer);
      flush();
    },
  };
}

async function run(
  resuming: boolean,
  names: readonly string[],
  work: (onProgress: (p: ImportProgress) => void, signal: AbortSignal) => Promise<string | null>,
): Promise<void> {
  if (useImportStore.getState().running) return;
  controller = new AbortController();
  useImportStore.setState({
    running: true,
    resuming,
    cancelling: false,
    progress: null,
    error: null,
  });
  const reporter = progressReporter();
  try {
    const runId = await work(reporter.report, controller.signal);
    reporter.flush();
    useImportStore.setState((s) => ({
      lastRunId: runId ?? s.lastRunId,
      lastWasResume: runId !== null && resuming,
    }));
  } catch (error) {
    console.error('Import failed', error);
    useImportStore.setState({ error });
  } finally {
    controller = null;
    useImportStore.setState((s) => ({
      running: false,
      resuming: false,
      cancelling: false,
      progress: null,
      ended: s.ended + 1,
      endedFiles: names,
    }));
  }
}

/** Imports files one after another; a second call while one runs is ignored. */
export function startImport(client: ExchangeClient, files: ImportFileInput[]): Promise<void> {
  if (files.length === 0) return Promise.resolve();
  const names = files.map((f) => f.name);
  return run(false, names, async (onProgress, signal) => {
    const report = await client.importFiles(files, { onProgress, signal });
    return report.id;
  });
}

/**
 * Like startImport, but when an import is already running (say, the resume at start-up),
 * waits for it to end and then starts: files the OS handed the app must not be dropped.
 */
export async function startImportWhenIdle(
  client: ExchangeClient,
  files: ImportFileInput[],
): Promise<void> {
  if (files.length === 0) return;
  // Another waiter may start first when a run ends; then wait for that one too.
  while (useImportStore.getState().running) {
    await new Promise<void>((resolve) => {
      const stop = useImportStore.subscribe((s) => {
        if (s.running) return;
        stop();
        resolve();
      });
    });
  }
  await startImport(client, files);
}

/** Completes what an interrupted run left queued; does nothing when nothing was left. */
export function resumeImport(client: ExchangeClient): Promise<void> {
  return run(true, [], async (onProgress) => {
    const report = await client.resumeInterrupted({ onProgress });
    return report ? report.id : null;
  });
}

/** Stops the running import after the current file. */
export function cancelImport(): void {
  if (!controller) return;
  useImportStore.setState({ cancelling: true });
  controller.abort();
}

/** Back to no import at all (tests). */
export function resetImportStore(): void {
  controller = null;
  useImportStore.setState(initial);
}
