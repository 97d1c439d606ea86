// The running import: a bar for the current file and one for the whole run, with Cancel
// (which stops between files), and a line saying so when it completes an interrupted run.
import { useTranslation } from 'react-i18next';
import { cancelImport, useImportStore } from './import-store.ts';
import { type ProgressView } from './progress.ts';

function Bar({ id, label, percent }: { id: string; label: string; percent: number }) {
  const { t } = useTranslation();
  return (
    <div className="sync-progress">
      <span id={id} className="sync-progress-label">
        {label}
      </span>
      <div
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('sync.status.importing', { percent })}
        className="sync-bar"
      >
        <div className="sync-bar-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

export function ProgressBars({ progress }: { progress: ProgressView }) {
  const { t } = useTranslation();
  return (
    <>
      <Bar
        id="sync-progress-file"
        label={t('sync.import.fileProgress', {
          index: progress.index,
          count: progress.count,
          name: progress.fileName,
        })}
        percent={progress.filePercent}
      />
      <Bar
        id="sync-progress-all"
        label={t('sync.import.overall')}
        percent={progress.overallPercent}
      />
    </>
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
      {progress ? <ProgressBars progress={progress} /> : null}
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
