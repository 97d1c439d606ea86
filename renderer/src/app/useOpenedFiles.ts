// Imports the files the OS opened with the desktop app (a double-click on a .llb, "Open with",
// an e-mail attachment): pulls them from the platform when the unlocked shell is up and each
// time the platform says more arrived, then shows Sync and imports them like a picked file.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { failureLine } from '../features/sync/index.ts';
import { type FileReadResult, type Platform } from '../platform/types.ts';
import { useUi } from '../kernel/store.ts';

export type OpenedFilesSource = Pick<Platform, 'takeOpenedFiles' | 'onFilesOpened'>;

/** Starts the import of the files (the Sync screen's own path: same worker, same report). */
export type OpenedFilesImporter = (files: FileReadResult[]) => Promise<void>;

/**
 * `active`: the app is set up, unlocked and may open Sync. Until then nothing is pulled, so
 * opened files wait in the main process; a platform without the capability does nothing.
 */
export function useOpenedFiles(
  active: boolean,
  platform: OpenedFilesSource,
  importFiles: OpenedFilesImporter,
): void {
  const { i18n } = useTranslation();
  const navigate = useUi((s) => s.navigate);
  const showToast = useUi((s) => s.showToast);
  // Files taken but not yet handed over (the shell locked while the take was in flight):
  // taking empties the main's inbox, so they must not be dropped here.
  const held = useRef<FileReadResult[]>([]);
  const live = useRef(false);
  const latest = useRef({
    importFiles,
    navigate,
    showToast,
    exists: (k: string) => i18n.exists(k),
  });
  useEffect(() => {
    latest.current = { importFiles, navigate, showToast, exists: (k) => i18n.exists(k) };
  });

  useEffect(() => {
    const take = platform.takeOpenedFiles?.bind(platform);
    if (!active || !take) return;
    live.current = true;

    const handOver = (): void => {
      if (!live.current || held.current.length === 0) return;
      const files = held.current;
      held.current = [];
      const { importFiles: start, navigate: go, showToast: toast, exists } = latest.current;
      go({ name: 'sync' });
      start(files).catch((error: unknown) => {
        const line = failureLine(error, exists);
        toast({ kind: 'error', key: line.key, ...(line.values ? { params: line.values } : {}) });
      });
    };
    const pull = (): void => {
      take().then(
        (files) => {
          held.current.push(...files);
          handOver();
        },
        (error: unknown) => {
          const line = failureLine(error, latest.current.exists);
          latest.current.showToast({
            kind: 'error',
            key: line.key,
            ...(line.values ? { params: line.values } : {}),
          });
        },
      );
    };

    // Held files first (same order), then whatever arrived while the shell was away.
    handOver();
    pull();
    const stop = platform.onFilesOpened?.(pull);
    return () => {
      live.current = false;
      stop?.();
    };
  }, [active, platform]);
}
