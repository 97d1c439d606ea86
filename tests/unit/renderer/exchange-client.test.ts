// The sync screens' client over a stand-in worker that runs the same dispatch in this thread:
// exports saved through the platform (dialog or folder) and recorded only once saved, nothing
// written when there is nothing to send, failures rejected with a message key, progress.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { VaultSession } from '../../../renderer/src/kernel/vault-session.ts';
import { type Services } from '../../../renderer/src/kernel/services.tsx';
import { createActivity } from '../../../renderer/src/db/activities.ts';
import { getExchangeStatus } from '../../../renderer/src/db/exchange/queries.ts';
import {
  createExchangeClient,
  type WorkerLike,
} from '../../../renderer/src/features/sync/exchange-client.ts';
import { type ToWorker } from '../../../renderer/src/db/exchange/protocol.ts';
import { type ImportFileInput } from '../../../renderer/src/db/exchange/api.ts';
import { type Platform } from '../../../renderer/src/platform/types.ts';
import { inThreadWorker, unlockedServices } from './in-thread-worker.ts';
import { liaisonInput } from './db-fixtures.ts';
import {
  OFFICER_A,
  hqDevice,
  makeNetwork,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A]);
});

function clientFor(device: TestDevice, platform: Partial<Platform>, unlocked = true) {
  const vault = new VaultSession(device.db);
  if (unlocked) vault.open(device.dataKey);
  const services = {
    db: device.db,
    platform: platform as Platform,
    deviceId: device.identity.deviceId,
    vault,
  } satisfies Services;
  return createExchangeClient(services, { createWorker: () => inThreadWorker(device) });
}

describe('the exchange client', () => {
  it('says there is nothing to send without opening a dialog', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const saveFile = vi.fn();
    const result = await clientFor(officer, { saveFile }).exportBundle();
    expect(result).toEqual({ status: 'nothing-to-send' });
    expect(saveFile).not.toHaveBeenCalled();
  });

  it('saves an export through the dialog and records it only once saved', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    await createActivity(officer.db, officer.author, liaisonInput(), { sealer: officer.sealer });
    const saveFile = vi
      .fn<Platform['saveFile']>()
      .mockResolvedValueOnce({ saved: false })
      .mockResolvedValueOnce({ saved: true, location: 'E:\\' });
    const client = clientFor(officer, { saveFile });

    expect(await client.exportBundle()).toEqual({ status: 'cancelled' });
    expect((await getExchangeStatus(officer.db)).lastExportAt).toBeNull();

    const written = await client.exportBundle();
    expect(written).toMatchObject({
      status: 'written',
      location: 'E:\\',
      records: 1,
      ranges: [{ from: 1, to: 9 }],
    });
    const request = saveFile.mock.calls[1]?.[0];
    expect(request?.suggestedName).toMatch(/\.llb$/);
    expect(request?.filters?.[0]?.extensions).toEqual(['llb']);
    const status = await getExchangeStatus(officer.db);
    expect(status.lastExportAt).not.toBeNull();
    expect(status.lastExportedSeq).toBe(9);
  });

  it('writes to a chosen folder when given one', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    await createActivity(officer.db, officer.author, liaisonInput(), { sealer: officer.sealer });
    const writeToFolder = vi.fn<Platform['writeToFolder']>().mockResolvedValue({
      name: 'bundle (2).llb',
      location: '/media/usb',
    });
    const result = await clientFor(officer, { writeToFolder }).exportBundle({ folderId: 'usb' });
    expect(result).toMatchObject({
      status: 'written',
      fileName: 'bundle (2).llb',
      location: '/media/usb',
    });
    expect(writeToFolder).toHaveBeenCalledWith(
      'usb',
      expect.stringMatching(/\.llb$/),
      expect.any(Uint8Array),
    );
  });

  it('rejects with a message key: a receipt from an officer, an export while locked', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    await expect(clientFor(officer, {}).exportReceipt({})).rejects.toMatchObject({
      messageKey: 'exchange.error.not-allowed',
    });
    await createActivity(
      officer.db,
      officer.author,
      liaisonInput({
        data: { meetings: 1, subject: 'S', counterpart: 'rcmp', travellerName: 'Secret' },
      }),
      { sealer: officer.sealer },
    );
    await expect(clientFor(officer, {}, false).exportBundle()).rejects.toMatchObject({
      messageKey: 'exchange.error.locked',
    });
  });

  it('imports through the worker with progress, and stops at once when already cancelled', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await createActivity(officer.db, officer.author, liaisonInput(), { sealer: officer.sealer });
    let file: Uint8Array = new Uint8Array();
    await clientFor(officer, {
      saveFile: (request) => {
        file = request.data;
        return Promise.resolve({ saved: true });
      },
    }).exportBundle();
    const client = clientFor(hq, {});
    const aborted = new AbortController();
    aborted.abort();
    const none = await client.importFiles([{ name: 'a.llb', data: file }], {
      signal: aborted.signal,
    });
    expect(none).toMatchObject({ cancelled: true, files: [] });

    const progress: number[] = [];
    const report = await client.importFiles([{ name: 'a.llb', data: file }], {
      onProgress: (p) => progress.push(p.overallFraction),
    });
    expect(report.files[0]?.outcome.kind).toBe('applied');
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    // A file the platform could not read crosses to the worker as its own rejected line.
    const freshHq = clientFor(await hqDevice(net), {});
    const mixed = await freshHq.importFiles(
      [
        { name: 'gone.llb', unreadable: 'not-found' },
        { name: 'a.llb', data: file },
      ],
      {},
    );
    expect(mixed.files.map((f) => [f.fileName, f.outcome.kind])).toEqual([
      ['gone.llb', 'rejected'],
      ['a.llb', 'applied'],
    ]);
  });

  it('moves a file import’s bytes into the worker, not a copy: detached here once posted', async () => {
    const hq = await hqDevice(net);
    const posted: { message: ToWorker; transfer: Transferable[] }[] = [];
    const worker: WorkerLike = {
      postMessage(message, transfer = []) {
        // As a real Worker's postMessage does with a transfer list.
        posted.push({ message: structuredClone(message, { transfer }), transfer });
      },
      addEventListener: () => undefined,
    };
    const client = createExchangeClient(unlockedServices(hq), { createWorker: () => worker });
    const shared = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const files: ImportFileInput[] = [
      { name: 'a.llb', data: new Uint8Array([7, 8, 9]) },
      { name: 'b.llb', data: shared.subarray(0, 3) },
      { name: 'c.llb', data: shared.subarray(3) }, // one buffer under two files: listed once
      { name: 'gone.llb', unreadable: 'not-found' },
    ];
    void client.importFiles(files, {});
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]?.transfer).toHaveLength(2);
    for (const f of files) if ('data' in f) expect(f.data.buffer.byteLength, f.name).toBe(0);
    const sent = posted[0]?.message;
    if (sent?.type !== 'call' || sent.request.op !== 'importFiles') throw new Error('no import');
    expect(sent.request.files.map((f) => ('data' in f ? [...f.data] : f.unreadable))).toEqual([
      [7, 8, 9],
      [1, 2, 3],
      [4, 5, 6],
      'not-found',
    ]);
  });
});
