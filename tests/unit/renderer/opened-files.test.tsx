import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import {
  useOpenedFiles,
  type OpenedFilesSource,
} from '../../../renderer/src/app/useOpenedFiles.ts';
import { useUi } from '../../../renderer/src/kernel/store.ts';
import { PlatformError } from '../../../renderer/src/platform/errors.ts';
import { type FileReadResult } from '../../../renderer/src/platform/types.ts';
import {
  resetImportStore,
  resumeImport,
  startImport,
  startImportWhenIdle,
  useImportStore,
} from '../../../renderer/src/features/sync/import-store.ts';
import {
  type ExchangeClient,
  type ImportFileInput,
} from '../../../renderer/src/db/exchange/api.ts';

const i18n = createI18n('en');
const wrapper = ({ children }: { children: ReactNode }) => (
  <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
);

/** A platform whose OS "opens" files on demand: `open` fills the inbox and fires the event. */
function fakeDesktop() {
  let inbox: FileReadResult[] = [];
  const listeners = new Set<() => void>();
  const takeOpenedFiles = vi.fn(() => {
    const files = inbox;
    inbox = [];
    return Promise.resolve(files);
  });
  const platform: OpenedFilesSource = {
    takeOpenedFiles,
    onFilesOpened: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    platform,
    takeOpenedFiles,
    listeners,
    queue: (...files: FileReadResult[]) => {
      inbox.push(...files);
    },
    open: (...files: FileReadResult[]) => {
      inbox.push(...files);
      for (const listener of listeners) listener();
    },
  };
}

const bundle = (name: string): FileReadResult => ({ name, data: new Uint8Array([1]) });

beforeEach(() => {
  useUi.setState({ view: { name: 'list' }, toast: null });
  resetImportStore();
});
afterEach(() => cleanup());

describe('files opened from the OS', () => {
  it('pulls them when the shell mounts, shows Sync and hands them to the import', async () => {
    const desktop = fakeDesktop();
    desktop.queue(bundle('a.llb'), { name: 'b.llenroll', unreadable: 'not-found' });
    const start = vi.fn((_files: FileReadResult[]) => Promise.resolve());
    renderHook(() => useOpenedFiles(true, desktop.platform, start), { wrapper });
    await waitFor(() => expect(start).toHaveBeenCalledTimes(1));
    expect(start.mock.calls[0]?.[0]).toEqual([
      bundle('a.llb'),
      { name: 'b.llenroll', unreadable: 'not-found' },
    ]);
    expect(useUi.getState().view).toEqual({ name: 'sync' });
  });

  it('pulls again each time the platform says files arrived', async () => {
    const desktop = fakeDesktop();
    const start = vi.fn((_files: FileReadResult[]) => Promise.resolve());
    renderHook(() => useOpenedFiles(true, desktop.platform, start), { wrapper });
    await waitFor(() => expect(desktop.takeOpenedFiles).toHaveBeenCalledTimes(1));
    // Nothing was waiting: no import, and the person stays where they were.
    expect(start).not.toHaveBeenCalled();
    expect(useUi.getState().view).toEqual({ name: 'list' });

    act(() => desktop.open(bundle('later.llb')));
    await waitFor(() => expect(start).toHaveBeenCalledTimes(1));
    expect(start.mock.calls[0]?.[0]).toEqual([bundle('later.llb')]);
    act(() => desktop.open(bundle('third.llprofile')));
    await waitFor(() => expect(start).toHaveBeenCalledTimes(2));
    expect(start.mock.calls[1]?.[0]).toEqual([bundle('third.llprofile')]);
  });

  it('leaves them waiting while locked, and takes them once unlocked', async () => {
    const desktop = fakeDesktop();
    desktop.queue(bundle('while-locked.llb'));
    const start = vi.fn((_files: FileReadResult[]) => Promise.resolve());
    const { rerender, unmount } = renderHook(
      ({ active }) => useOpenedFiles(active, desktop.platform, start),
      { wrapper, initialProps: { active: false } },
    );
    await act(() => Promise.resolve());
    expect(desktop.takeOpenedFiles).not.toHaveBeenCalled();
    expect(desktop.listeners.size).toBe(0);

    rerender({ active: true });
    await waitFor(() => expect(start).toHaveBeenCalledTimes(1));
    expect(start.mock.calls[0]?.[0]).toEqual([bundle('while-locked.llb')]);
    expect(desktop.listeners.size).toBe(1);

    // Locked again: the event no longer pulls.
    rerender({ active: false });
    expect(desktop.listeners.size).toBe(0);
    unmount();
  });

  it('does nothing on a platform that cannot hand over opened files', async () => {
    const start = vi.fn((_files: FileReadResult[]) => Promise.resolve());
    renderHook(() => useOpenedFiles(true, {}, start), { wrapper });
    await act(() => Promise.resolve());
    expect(start).not.toHaveBeenCalled();
    expect(useUi.getState().view).toEqual({ name: 'list' });
  });

  it('says why when the files could not be taken', async () => {
    const platform: OpenedFilesSource = {
      takeOpenedFiles: () => Promise.reject(new PlatformError('too-large')),
      onFilesOpened: () => () => undefined,
    };
    const start = vi.fn((_files: FileReadResult[]) => Promise.resolve());
    renderHook(() => useOpenedFiles(true, platform, start), { wrapper });
    await waitFor(() => expect(useUi.getState().toast).toMatchObject({ kind: 'error' }));
    expect(useUi.getState().toast?.key).toBe('platform.error.tooLarge');
    expect(start).not.toHaveBeenCalled();
  });
});

describe('starting the import of opened files', () => {
  function recordingClient() {
    const imported: string[][] = [];
    const client = {
      importFiles: (files: ImportFileInput[]) => {
        imported.push(files.map((f) => f.name));
        return Promise.resolve({ id: `run-${imported.length}` });
      },
    } as unknown as ExchangeClient;
    return { client, imported };
  }

  it("imports at once through the Sync screen's run, so its report shows there", async () => {
    const { client, imported } = recordingClient();
    await startImportWhenIdle(client, [bundle('a.llb')]);
    expect(imported).toEqual([['a.llb']]);
    expect(useImportStore.getState().lastRunId).toBe('run-1');
  });

  it('counts every run that ends, stored or failed as a whole (the e2e wait for a run)', async () => {
    const before = useImportStore.getState().ended;
    await startImport(recordingClient().client, [bundle('a.llb'), bundle('c.llb')]);
    expect(useImportStore.getState().ended).toBe(before + 1);
    expect(useImportStore.getState().endedFiles).toEqual(['a.llb', 'c.llb']);
    const failing = {
      importFiles: () => Promise.reject(new Error('disk full')),
    } as unknown as ExchangeClient;
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await startImport(failing, [bundle('b.llb')]);
    quiet.mockRestore();
    expect(useImportStore.getState().error).toBeInstanceOf(Error);
    expect(useImportStore.getState().ended).toBe(before + 2);
    expect(useImportStore.getState().endedFiles).toEqual(['b.llb']);
    // The resume every start runs ends too, with no files of its own.
    const idle = { resumeInterrupted: () => Promise.resolve(null) } as unknown as ExchangeClient;
    await resumeImport(idle);
    expect(useImportStore.getState().ended).toBe(before + 3);
    expect(useImportStore.getState().endedFiles).toEqual([]);
    expect(useImportStore.getState().running).toBe(false);
  });

  it('waits for a running import to end instead of dropping the files', async () => {
    const { client, imported } = recordingClient();
    useImportStore.setState({ running: true });
    const started = startImportWhenIdle(client, [bundle('a.llb')]);
    await Promise.resolve();
    expect(imported).toEqual([]);
    useImportStore.setState({ running: false });
    await started;
    expect(imported).toEqual([['a.llb']]);
  });
});
