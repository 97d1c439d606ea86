// The sync screens' client over a stand-in worker that runs the same dispatch in this thread:
// exports saved through the platform (dialog or folder) and recorded only once saved, nothing
// written when there is nothing to send, failures rejected with a message key, progress.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { VaultSession } from '../../../renderer/src/kernel/vault-session.ts';
import { type Services } from '../../../renderer/src/kernel/services.tsx';
import { createActivity } from '../../../renderer/src/db/activities.ts';
import { getExchangeStatus } from '../../../renderer/src/db/exchange/queries.ts';
import { createExchangeClient } from '../../../renderer/src/features/sync/exchange-client.ts';
import { type Platform } from '../../../renderer/src/platform/types.ts';
import { inThreadWorker } from './in-thread-worker.ts';
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
});
