import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { ServicesProvider, type Services } from '../../../renderer/src/kernel/services.tsx';
import { VaultSession } from '../../../renderer/src/kernel/vault-session.ts';
import { openDatabase } from '../../../renderer/src/db/index.ts';
import { type Platform } from '../../../renderer/src/platform/types.ts';
import {
  type ExchangeClient,
  type ImportFileInput,
  type ImportProgress,
  type ImportRunReport,
  type PendingDevice,
} from '../../../renderer/src/db/exchange/api.ts';
import { ExchangeClientContext } from '../../../renderer/src/features/sync/exchange-context.ts';
import { ImportPanel } from '../../../renderer/src/features/sync/ImportPanel.tsx';
import { ImportHistory } from '../../../renderer/src/features/sync/ImportHistory.tsx';
import { LocalApprovals } from '../../../renderer/src/features/sync/LocalApprovals.tsx';
import { PendingDevices } from '../../../renderer/src/features/sync/PendingDevices.tsx';
import { SyncScreen } from '../../../renderer/src/features/sync/SyncScreen.tsx';
import { makeSession } from '../../../renderer/src/kernel/session.ts';
import {
  resetImportStore,
  useImportStore,
} from '../../../renderer/src/features/sync/import-store.ts';

const officer = {
  deviceId: 'dev-a',
  officerId: 'lo-bogota-1',
  postCode: 'BOG',
  role: 'officer' as const,
  fingerprint: 'ABCD EFGH IJKL MNOP',
};

function fakePlatform(overrides: Partial<Platform> = {}): Platform {
  const none = () => Promise.reject(new Error('not in this test'));
  return {
    kind: 'browser',
    supportsFolders: false,
    appInfo: none,
    saveFile: none,
    openFiles: () => Promise.resolve([]),
    chooseFolder: () => Promise.resolve(null),
    getFolder: () => Promise.resolve(null),
    forgetFolder: () => Promise.resolve(),
    writeToFolder: none,
    readFolder: () => Promise.resolve([]),
    readDroppedFiles: () => Promise.resolve([]),
    ...overrides,
  };
}

/** A client whose importFiles reports progress per file and waits for `release` per file. */
function fakeClient() {
  const gates: (() => void)[] = [];
  const imported: string[] = [];
  const client: ExchangeClient = {
    exportBundle: () => Promise.resolve({ status: 'nothing-to-send' }),
    exportReceipt: () => Promise.resolve({ status: 'nothing-to-send' }),
    exportProfile: () => Promise.resolve({ status: 'nothing-to-send' }),
    async importFiles(files: ImportFileInput[], options) {
      const report: ImportRunReport = {
        id: 'run-1',
        startedAt: '2026-03-04T10:00:00Z',
        finishedAt: null,
        files: [],
        cancelled: false,
      };
      for (const [i, file] of files.entries()) {
        if (options.signal?.aborted) return { ...report, cancelled: true };
        const progress = (f: number): ImportProgress => ({
          fileIndex: i,
          fileCount: files.length,
          fileName: file.name,
          fileFraction: f,
          overallFraction: (i + f) / files.length,
        });
        options.onProgress?.(progress(0.5));
        await new Promise<void>((resolve) => gates.push(resolve));
        imported.push(file.name);
        options.onProgress?.(progress(1));
      }
      return { ...report, finishedAt: '2026-03-04T10:01:00Z' };
    },
    resumeInterrupted: () => Promise.resolve(null),
    approveDevice: vi.fn(() => Promise.resolve({} as ImportRunReport)),
    rejectDevice: vi.fn(() => Promise.resolve()),
  };
  const release = async () => {
    await waitFor(() => expect(gates.length).toBeGreaterThan(0));
    await act(async () => {
      gates.shift()?.();
      // Past the store's 50 ms progress throttle.
      await new Promise((r) => setTimeout(r, 80));
    });
  };
  return { client, release, imported };
}

let counter = 0;
async function renderWith(node: ReactNode, platform: Platform, client?: ExchangeClient) {
  const db = await openDatabase(`sync-test-${++counter}`);
  const services: Services = { db, platform, deviceId: 'dev-test', vault: new VaultSession(db) };
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <ServicesProvider value={services}>
        <ExchangeClientContext.Provider value={client ?? null}>
          {node}
        </ExchangeClientContext.Provider>
      </ServicesProvider>
    </I18nextProvider>,
  );
}

// jsdom has <dialog> without its methods: open and close it by the attribute.
beforeAll(() => {
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    },
    close(this: HTMLDialogElement) {
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    },
  });
});
beforeEach(() => resetImportStore());
afterEach(() => cleanup());

describe('the import panel', () => {
  it('shows one bar for the run (the file being read, the files done) and cancels between files', async () => {
    const user = userEvent.setup();
    const { client, release, imported } = fakeClient();
    const files = ['a.llb', 'b.llb', 'c.llb'].map((name) => ({ name, data: new Uint8Array([1]) }));
    await renderWith(
      <ImportPanel client={client} />,
      fakePlatform({ openFiles: () => Promise.resolve(files) }),
    );
    await user.click(screen.getByRole('button', { name: 'Choose files…' }));
    const bar = await screen.findByRole('progressbar', { name: 'File 1 of 3: a.llb' });
    expect(screen.getAllByRole('progressbar')).toHaveLength(1);
    // Its value is the run's share done: half of the first of three files.
    expect(bar.getAttribute('aria-valuenow')).toBe('16');
    expect(bar.getAttribute('aria-valuetext')).toBe('Files done: 0 of 3, 16%');
    expect(screen.getByText('Files done: 0 of 3')).toBeTruthy();

    await release();
    await waitFor(() =>
      expect(
        screen
          .getByRole('progressbar', { name: 'File 2 of 3: b.llb' })
          .getAttribute('aria-valuenow'),
      ).toBe('50'),
    );
    expect(screen.getByText('Files done: 1 of 3')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Stopping after this file…' })).toHaveProperty(
      'disabled',
      true,
    );
    await release();
    await waitFor(() => expect(useImportStore.getState().running).toBe(false));
    expect(imported).toEqual(['a.llb', 'b.llb']);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('imports every file of the chosen folder where the platform keeps folders', async () => {
    const user = userEvent.setup();
    const importFiles = vi.fn(() =>
      Promise.resolve({ id: 'r', startedAt: '', finishedAt: '', files: [], cancelled: false }),
    );
    const { client } = fakeClient();
    const readFolder = vi.fn(() => Promise.resolve([{ name: 'x.llb', data: new Uint8Array([7]) }]));
    await renderWith(
      <ImportPanel client={{ ...client, importFiles }} />,
      fakePlatform({
        supportsFolders: true,
        getFolder: () => Promise.resolve({ id: 'f1', label: '/media/usb' }),
        readFolder,
      }),
    );
    expect(await screen.findByText('Import folder: /media/usb')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Import all from folder' }));
    await waitFor(() => expect(importFiles).toHaveBeenCalledTimes(1));
    expect(readFolder).toHaveBeenCalledWith('f1', { extensions: ['llb', 'llprofile', 'llenroll'] });
  });
});

describe('dropping files on the window', () => {
  function dragEvent(type: string, files: File[]): Event {
    const event = new Event(type, { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', {
      value: { types: ['Files'], files, dropEffect: 'none' },
    });
    return event;
  }

  it('imports what is dropped anywhere, and never lets the browser open the file', async () => {
    const { client } = fakeClient();
    const importFiles = vi.fn(() =>
      Promise.resolve({ id: 'r', startedAt: '', finishedAt: '', files: [], cancelled: false }),
    );
    const dropped = new File([new Uint8Array([1, 2])], 'x.llb');
    const readDroppedFiles = vi.fn(() =>
      Promise.resolve([{ name: 'x.llb', data: new Uint8Array([1, 2]) }]),
    );
    await renderWith(
      <ImportPanel client={{ ...client, importFiles }} />,
      fakePlatform({ readDroppedFiles }),
    );
    const over = dragEvent('dragover', [dropped]);
    window.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    const drop = dragEvent('drop', [dropped]);
    act(() => {
      window.dispatchEvent(drop);
    });
    expect(drop.defaultPrevented).toBe(true);
    await waitFor(() => expect(importFiles).toHaveBeenCalledTimes(1));
    expect(readDroppedFiles).toHaveBeenCalledWith([dropped]);
  });

  it('hands a dropped file that could not be read to the import with the good ones', async () => {
    const { client } = fakeClient();
    const importFiles = vi.fn<ExchangeClient['importFiles']>(() =>
      Promise.resolve({ id: 'r', startedAt: '', finishedAt: '', files: [], cancelled: false }),
    );
    const read: ImportFileInput[] = [
      { name: 'x.llb', data: new Uint8Array([1]) },
      { name: 'gone.llb', unreadable: 'not-found' },
    ];
    await renderWith(
      <ImportPanel client={{ ...client, importFiles }} />,
      fakePlatform({ readDroppedFiles: () => Promise.resolve(read) }),
    );
    const files = [new File([new Uint8Array([1])], 'x.llb'), new File([], 'gone.llb')];
    act(() => {
      window.dispatchEvent(dragEvent('drop', files));
    });
    await waitFor(() => expect(importFiles).toHaveBeenCalledTimes(1));
    expect(importFiles.mock.calls[0]?.[0]).toEqual(read);
  });
});

describe('the import report', () => {
  const run: ImportRunReport = {
    id: 'run-2',
    startedAt: '2026-03-04T10:00:00Z',
    finishedAt: '2026-03-04T10:01:00Z',
    cancelled: false,
    files: [
      {
        fileName: 'bog.llb',
        outcome: {
          kind: 'applied',
          bundleId: 'b',
          sender: officer,
          ranges: [{ from: 1, to: 14 }],
          counts: { inserted: 5, updated: 0, unchanged: 0, stale: 0, refused: 201 },
          refused: [{ recordId: 'rec-9', field: 'data.notes', reasonKey: 'not-owner' }],
        },
      },
      { fileName: 'bad.llb', outcome: { kind: 'rejected', errorKey: 'bundle.error.truncated' } },
    ],
  };
  const older: ImportRunReport = { ...run, id: 'run-1', startedAt: '2026-03-01T09:00:00Z' };

  it('shows the last run in full and opens an older one on request', async () => {
    const user = userEvent.setup();
    await renderWith(
      <ImportHistory
        runs={[run, older]}
        profile={undefined}
        formatWhen={(s) => s}
        running={false}
      />,
      fakePlatform(),
    );
    const last = screen.getByTestId('sync-last-run');
    expect(within(last).getByText('bog.llb and 1 other')).toBeTruthy();
    expect(within(last).getByText('1 not imported')).toBeTruthy();
    expect(within(last).getByText('Imported, but 201 changes were refused.')).toBeTruthy();
    expect(
      within(last).getByText(
        'Entry rec-9, field “data.notes”: The entry belongs to another officer or post.',
      ),
    ).toBeTruthy();
    expect(within(last).getByText('…and 200 more refused changes.')).toBeTruthy();
    expect(within(last).getByText(/^This bundle is incomplete/)).toBeTruthy();
    expect(
      within(last).getAllByText('Sofía Herrera (lo-bogota-1) at Bogotá · officer'),
    ).toHaveLength(1);
    expect(within(last).getByText('ABCD EFGH IJKL MNOP')).toBeTruthy();
    expect(within(last).getByTestId('sync-ranges').textContent).toBe('1–14');

    const toggle = screen.getByRole('button', { name: /2026-03-01T09:00:00Z/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(
      within(screen.getByTestId('sync-past-runs')).getAllByTestId('sync-file-report'),
    ).toHaveLength(2);
  });

  it('speaks of entries, with the field changes one click away', async () => {
    const applied = run.files[0]?.outcome;
    if (applied?.kind !== 'applied') throw new Error('fixture');
    const withEntries: ImportRunReport = {
      ...run,
      files: [{ fileName: 'bog.llb', outcome: { ...applied, entries: { added: 2, updated: 1 } } }],
    };
    await renderWith(
      <ImportHistory
        runs={[withEntries]}
        profile={undefined}
        formatWhen={(s) => s}
        running={false}
      />,
      fakePlatform(),
    );
    const last = screen.getByTestId('sync-last-run');
    expect(within(last).getByTestId('sync-entries').textContent).toBe('Entries: 2 new, 1 changed.');
    // The per-change table and the numbers are in a closed disclosure.
    expect(within(last).getByTestId('sync-ranges').closest('details')?.open).toBe(false);
    expect(within(last).getByText('Details: changes and their numbers').tagName).toBe('SUMMARY');
  });

  it('offers to approve a device whose bundle waits, and names the run its approval started', async () => {
    const user = userEvent.setup();
    const onApprove = vi.fn();
    const waitingRun: ImportRunReport = {
      ...older,
      files: [
        {
          fileName: 'bog.llb',
          outcome: {
            kind: 'pending-device',
            bundleId: 'b',
            sender: { ...officer, role: 'unknown' },
          },
        },
      ],
    };
    const approvalRun: ImportRunReport = {
      ...run,
      files: [run.files[0] as ImportRunReport['files'][number]],
      approval: { deviceId: officer.deviceId, officerId: officer.officerId },
    };
    await renderWith(
      <ImportHistory
        runs={[waitingRun]}
        profile={undefined}
        formatWhen={(s) => s}
        running={false}
        approval={{ waiting: new Set([officer.deviceId]), onApprove, busy: false }}
      />,
      fakePlatform(),
    );
    await user.click(screen.getByRole('button', { name: 'Approve this device…' }));
    expect(onApprove).toHaveBeenCalledWith(officer.deviceId);

    // Approved: the approval's run says whose device it was; the waiting report no longer offers.
    cleanup();
    await renderWith(
      <ImportHistory
        runs={[approvalRun, waitingRun]}
        profile={undefined}
        formatWhen={(s) => s}
        running={false}
        approval={{ waiting: new Set(), onApprove, busy: false }}
      />,
      fakePlatform(),
    );
    const last = screen.getByTestId('sync-last-run');
    expect(within(last).getByText('Device of Sofía Herrera approved')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /2026-03-01T09:00:00Z/ }));
    expect(screen.queryByRole('button', { name: 'Approve this device…' })).toBeNull();
    expect(
      screen.getByText('This device no longer waits: it was approved or rejected since.'),
    ).toBeTruthy();
  });
});

describe('the pending devices', () => {
  const device: PendingDevice = {
    sender: { ...officer, role: 'unknown' },
    bundles: 2,
    firstSeenAt: 'T',
  };

  it('approves only after the confirmation that shows the code to compare', async () => {
    const user = userEvent.setup();
    const onApprove = vi.fn();
    const onReject = vi.fn();
    await renderWith(
      <PendingDevices
        devices={[device]}
        profile={undefined}
        formatWhen={(s) => s}
        onApprove={onApprove}
        onReject={onReject}
        busy={false}
      />,
      fakePlatform(),
    );
    const row = screen.getByTestId('sync-pending-device');
    expect(within(row).getByText('ABCD EFGH IJKL MNOP')).toBeTruthy();
    expect(within(row).getByText('Bogotá')).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: 'Approve…' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve the device of Sofía Herrera?' });
    expect(within(dialog).getByText('ABCD EFGH IJKL MNOP')).toBeTruthy();
    // Cancel has focus: Enter right away approves nothing.
    expect(document.activeElement?.textContent).toBe('Cancel');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onApprove).not.toHaveBeenCalled();

    await user.click(within(row).getByRole('button', { name: 'Approve…' }));
    await user.click(screen.getByRole('button', { name: 'The codes match: approve' }));
    expect(onApprove).toHaveBeenCalledWith('dev-a');

    await user.click(within(row).getByRole('button', { name: 'Reject…' }));
    await user.click(screen.getByRole('button', { name: 'Reject and delete its bundles' }));
    expect(onReject).toHaveBeenCalledWith('dev-a');
  });
});

describe('the devices a lead approved itself', () => {
  it('withdraws an approval only after a confirmation that says to tell HQ', async () => {
    const user = userEvent.setup();
    const onWithdraw = vi.fn();
    await renderWith(
      <LocalApprovals
        approvals={[
          {
            deviceId: 'dev-a',
            officerId: 'lo-bogota-1',
            postCode: 'BOG',
            name: 'Sofía Herrera',
            signingKey: 'k',
            encryptionKey: 'e',
            approvedAt: '2026-03-01',
          },
        ]}
        profile={undefined}
        formatWhen={(s) => s}
        onWithdraw={onWithdraw}
        busy={false}
      />,
      fakePlatform(),
    );
    const row = screen.getByTestId('sync-approved-device');
    expect(within(row).getByText('Bogotá')).toBeTruthy();
    const withdraw = within(row).getByRole('button', {
      name: 'Withdraw your approval of the device of Sofía Herrera',
    });
    await user.click(withdraw);
    const dialog = screen.getByRole('dialog', {
      name: 'Withdraw your approval of the device of Sofía Herrera?',
    });
    expect(within(dialog).getByText(/only HQ can revoke it for every device/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onWithdraw).not.toHaveBeenCalled();
    await user.click(withdraw);
    await user.click(screen.getByRole('button', { name: 'Withdraw my approval' }));
    expect(onWithdraw).toHaveBeenCalledWith('dev-a');
  });
});

describe('the sync screen', () => {
  function session(role: 'officer' | 'lead' | 'hq') {
    return makeSession({
      deviceId: 'dev-test',
      networkId: 'net',
      role,
      officerId: role === 'hq' ? 'hq-ottawa' : 'lo-bogota-1',
      name: 'Test',
      ...(role === 'officer' ? { postCode: 'BOG' } : {}),
      ...(role === 'lead' ? { posts: ['BOG', 'MEX'] } : {}),
      demo: true,
      createdAt: '2026-01-01T00:00:00Z',
    });
  }

  it('offers each role its own exports', async () => {
    const { client } = fakeClient();
    await renderWith(<SyncScreen session={session('officer')} />, fakePlatform(), client);
    expect(await screen.findByRole('button', { name: 'Export bundle' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Export receipt' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Devices waiting for approval' })).toBeNull();
    cleanup();

    await renderWith(<SyncScreen session={session('lead')} />, fakePlatform(), client);
    expect(await screen.findByRole('button', { name: 'Export bundle' })).toBeTruthy();
    const posts = screen.getByLabelText('Receipt for');
    expect(
      within(posts)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All posts', 'Bogotá (BOG)', 'Mexico City (MEX)']);
    expect(screen.queryByRole('button', { name: 'Export network profile' })).toBeNull();
    expect(
      await screen.findByRole('heading', { name: 'Devices waiting for approval' }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Devices you approved' })).toBeTruthy();
    cleanup();

    await renderWith(<SyncScreen session={session('hq')} />, fakePlatform(), client);
    expect(await screen.findByRole('button', { name: 'Export network profile' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Export bundle' })).toBeNull();
  });

  it('exports to the folder chosen once, asking for it the first time', async () => {
    const user = userEvent.setup();
    const { client } = fakeClient();
    const exportBundle = vi.fn(() =>
      Promise.resolve({
        status: 'written' as const,
        fileName: 'b.llb',
        location: '/media/usb/b.llb',
        changes: 4,
        records: 1,
        ranges: [{ from: 1, to: 4 }],
      }),
    );
    const chooseFolder = vi.fn(() => Promise.resolve({ id: 'usb', label: '/media/usb' }));
    await renderWith(
      <SyncScreen session={session('officer')} />,
      fakePlatform({ supportsFolders: true, chooseFolder }),
      { ...client, exportBundle },
    );
    expect(await screen.findByText('No export folder chosen yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Export to folder' }));
    await waitFor(() => expect(exportBundle).toHaveBeenCalledWith({ folderId: 'usb' }));
    expect(chooseFolder).toHaveBeenCalledWith('export');
    // Entries first; the field changes and their numbers one click away.
    expect(await screen.findByText('Saved “b.llb”: 1 entry.')).toBeTruthy();
    const detail = screen.getByText('In detail: 4 changes to 1 entry (numbers 1–4).');
    expect(detail.closest('details')?.open).toBe(false);
    expect(screen.getByText('Details').tagName).toBe('SUMMARY');
    expect(screen.getByText('Location: /media/usb/b.llb')).toBeTruthy();
    expect(screen.getByText('Export folder: /media/usb')).toBeTruthy();
    // The second time it goes straight there.
    await user.click(screen.getByRole('button', { name: 'Export to folder' }));
    await waitFor(() => expect(exportBundle).toHaveBeenCalledTimes(2));
    expect(chooseFolder).toHaveBeenCalledTimes(1);
  });

  it('says when there is nothing to send', async () => {
    const user = userEvent.setup();
    const { client } = fakeClient();
    await renderWith(<SyncScreen session={session('officer')} />, fakePlatform(), client);
    await user.click(await screen.findByRole('button', { name: 'Export bundle' }));
    expect(
      await screen.findByText(
        'Nothing to send: HQ and your team lead already have all your entries.',
      ),
    ).toBeTruthy();
  });
});
