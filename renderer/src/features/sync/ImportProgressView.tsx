// The running import: one bar for the whole run (the file being read, how many are done),
// with Cancel (which stops between files).
import { useTranslation } from 'react-i18next';
import { cancelImport, useImportStore } from './import-store.ts';
import { type ProgressView } from './progress.ts';

/**
 * One bar for the whole run, however many files: its name says which file is being read
 * ("File 12 of 63: …"), the line under it how many are done, its value the run's share done.
 */
export function ProgressBar({
  progress,
  idPrefix = 'sync',
}: {
  progress: ProgressView;
  /** Keeps two bars on one screen apart (a file import and a relay sync's at once). */
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const labelId = `${idPrefix}-progress-file`;
  const done = progress.index - 1;
  const percent = progress.overallPercent;
  return (
    <div className="sync-progress">
      <span id={labelId} className="sync-progress-label">
        {t('sync.import.fileProgress', {
          index: progress.index,
          count: progress.count,
          name: progress.fileName,
        })}
      </span>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('sync.import.progressText', { done, count: progress.count, percent })}
        className="sync-bar"
      >
        <div className="sync-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="sync-progress-done" data-testid={`${idPrefix}-files-done`}>
        {t('sync.import.filesDone', { done, count: progress.count })}
      </span>
    </div>
  );
}

export function ImportProgressView() {
  const { t } = useTranslation();
  const { running, resuming, cancelling, progress } = useImportStore();
  if (!running) return null;
  // A resume that finds nothing queued ends at once: say nothing until it reports progress.
  if (resuming && !progress) return null;
  return (
    <div className="sync-running" aria-busy="true">
      <p className="sync-running-title">{t('sync.import.running')}</p>
      {progress ? <ProgressBar progress={progress} /> : null}
      {resuming ? null : (
        <div className="actions">
          <button id="sync-cancel-import" onClick={cancelImport} disabled={cancelling}>
            {cancelling ? t('sync.import.cancelling') : t('sync.import.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
