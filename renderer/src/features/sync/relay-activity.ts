// The window's relay sync as UI state: whether one runs and where it is (the status strip's
// "importing 12 of 63"), and while it imports, the engine's file-by-file progress as the bars
// show it (the Sync screen). Online sync tells it; it lives here, beside the file import's
// store, so the Sync screen reads it without depending on the online feature.
import { useSyncExternalStore } from 'react';
import { type SyncProgress } from '../../db/online/sync.ts';
import { progressView, type ProgressView } from './progress.ts';

/** Null when no relay sync runs; else where it is, and its import's bar while it imports. */
export type RelayActivity = null | {
  progress: SyncProgress | null;
  /** Set only during the import step; the bar never moves backwards within one import. */
  importing: ProgressView | null;
};

let activity: RelayActivity = null;
const listeners = new Set<() => void>();

function setActivity(value: RelayActivity): void {
  activity = value;
  for (const l of listeners) l();
}

export function setRelaySyncing(syncing: boolean): void {
  setActivity(syncing ? { progress: null, importing: null } : null);
}

/** One step of the running sync; ignored when none runs (a late event after the end). */
export function setRelayProgress(progress: SyncProgress): void {
  if (activity === null) return;
  const previous = activity.importing ?? undefined;
  const importing =
    progress.step === 'import' && progress.file ? progressView(progress.file, previous) : null;
  setActivity({ progress, importing });
}

export function useRelayActivity(): RelayActivity {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => activity,
  );
}
