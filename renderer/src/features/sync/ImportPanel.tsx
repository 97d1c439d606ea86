// Import: choose files, drop them on the window, or take everything in the import folder.
// Every path ends in startImportWhenIdle (after any run already going, never dropped), which
// runs the engine and keeps the progress for the bars.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../kernel/services.tsx';
import { useUi } from '../../kernel/store.ts';
import { type ExchangeClient } from '../../db/exchange/api.ts';
import { failureLine } from './export-result.ts';
import { importFilters } from './file-kinds.ts';
import { startImportWhenIdle, useImportStore } from './import-store.ts';
import { ImportProgressView } from './ImportProgressView.tsx';
import { FolderImport } from './FolderImport.tsx';
import { focusSoon } from '../../ui/focus.ts';

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * While the sync screen is open, files dropped anywhere on the window are imported; the
 * browser must never navigate to a dropped file (it would leave the app).
 */
function useWindowDrop(onFiles: (files: File[]) => void): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth += 1;
      setOver(true);
    };
    const overHandler = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length > 0) onFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);
  return over;
}

/**
 * The button a keyboard user pressed is disabled while the import runs, which drops focus
 * to the page. Then focus goes to Cancel while it runs, and to the report when it ends, so
 * the next Tab starts from what the person is waiting for.
 *
 * A run is seen to end by its report id as well as by the running flag: a short run can
 * start and end between two renders, so the flag alone may never be seen true. The target
 * (Cancel, the report's heading) may appear a few frames later (focusSoon), and is only
 * focused while the focus is still on nothing, on a disabled control or on the import
 * card's own buttons; a person who has moved elsewhere is left there.
 */
function useFocusAcrossRun(
  running: boolean,
  runId: string | null,
  card: RefObject<HTMLElement | null>,
): void {
  const seen = useRef({ running, runId });
  useEffect(() => {
    const before = seen.current;
    seen.current = { running, runId };
    const started = running && !before.running;
    const ended = !running && (before.running || (runId !== null && runId !== before.runId));
    if (!started && !ended) return;
    const id = running ? 'sync-cancel-import' : 'sync-last-heading';
    // Waiting: focus on nothing, on a disabled control, or on the import card's own buttons.
    const waiting = () => {
      const el = document.activeElement;
      if (!el || el === document.body) return true;
      if (el instanceof HTMLButtonElement && el.disabled) return true;
      return card.current?.contains(el) ?? false;
    };
    return focusSoon(() => document.getElementById(id), { stillWanted: waiting });
  }, [running, runId, card]);
}

export function ImportPanel({ client }: { client: ExchangeClient }) {
  const { t, i18n } = useTranslation();
  const { platform } = useServices();
  const showToast = useUi((s) => s.showToast);
  const running = useImportStore((s) => s.running);
  const finished = useImportStore((s) => !s.running && s.lastRunId !== null);
  const lastRunId = useImportStore((s) => s.lastRunId);
  const card = useRef<HTMLElement>(null);
  const onFiles = useCallback(
    (files: File[]) => {
      if (useImportStore.getState().running) {
        showToast({ kind: 'info', key: 'sync.import.busy' });
        return;
      }
      // Every dropped file goes to the engine, whatever its name: one that is not ours, or
      // that could not be read, is reported as such in the import report, never left out.
      platform.readDroppedFiles(files).then(
        // A run begun while they were read (the start-up resume): after it, not dropped.
        (inputs) => startImportWhenIdle(client, inputs),
        (error: unknown) => {
          const line = failureLine(error, (k) => i18n.exists(k));
          showToast({ kind: 'error', key: line.key, params: line.values });
        },
      );
    },
    [client, platform, showToast, i18n],
  );
  const over = useWindowDrop(onFiles);
  useFocusAcrossRun(running, lastRunId, card);

  const choose = async () => {
    try {
      const files = await platform.openFiles({
        multiple: true,
        filters: importFilters(t('sync.import.fileTypes')),
      });
      // The start-up resume may have begun while the dialog was open: the files the person
      // chose are imported once it ends, never dropped without a word.
      await startImportWhenIdle(client, files);
    } catch (error) {
      const line = failureLine(error, (k) => i18n.exists(k));
      showToast({ kind: 'error', key: line.key, params: line.values });
    }
  };

  return (
    <section ref={card} className="sync-card" aria-labelledby="sync-import-heading">
      <h2 id="sync-import-heading">{t('sync.import.heading')}</h2>
      <p className="hint">{t('sync.import.hint')}</p>
      <div className={over ? 'sync-drop over' : 'sync-drop'} data-testid="sync-drop-zone">
        <p>{over ? t('sync.import.dropHere') : t('sync.import.dropZone')}</p>
        <div className="actions">
          <button className="primary" onClick={() => void choose()} disabled={running}>
            {t('sync.import.choose')}
          </button>
          <FolderImport client={client} disabled={running} />
        </div>
      </div>
      <ImportProgressView />
      {/* Said once when a run ends; the bars themselves are not announced on every step. */}
      <p role="status" className="visually-hidden">
        {finished ? t('sync.import.finished') : ''}
      </p>
    </section>
  );
}
