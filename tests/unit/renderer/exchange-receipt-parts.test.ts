// A receipt for more devices than one bundle may address (64): HQ of a network the size of
// the real one (an officer device or two at each of 49 posts, and a team lead) writes it as
// several files, each a complete signed receipt for whole posts, and an officer imports its
// own part like any receipt.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { VaultSession } from '../../../renderer/src/kernel/vault-session.ts';
import { createExchangeClient } from '../../../renderer/src/features/sync/exchange-client.ts';
import { type Platform } from '../../../renderer/src/platform/types.ts';
import { dispatch } from '../../../renderer/src/db/exchange/dispatch.ts';
import { type FromWorker, type ToWorker } from '../../../renderer/src/db/exchange/protocol.ts';
import { decodeBundle, readBundleHeader } from '../../../shared/bundle/codec.ts';
import { MAX_RECIPIENTS } from '../../../shared/bundle/limits.ts';
import { DEMO_POSTS } from '../../../shared/domain/posts.ts';
import { demoLeadDeviceId, DEMO_HQ_DEVICE_ID } from '../../../shared/identity/index.ts';
import { receiptSchema } from '../../../shared/sync/receipts.ts';
import { getExchangeStatus } from '../../../renderer/src/db/exchange/queries.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import {
  buildReceiptExport,
  buildReceiptFiles,
  type ReceiptFile,
} from '../../../renderer/src/db/exchange/receipts.ts';
import { type SenderRow } from '../../../renderer/src/db/exchange/schema.ts';
import { getAcknowledged } from '../../../renderer/src/db/sync-state.ts';
import {
  OFFICER_A,
  hqDevice,
  logOne,
  makeNetwork,
  officerDevice,
  type OfficerSpec,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

/** Two devices at each of the first 21 posts (BOG is OFFICER_A's and one more), one at the rest. */
function bigNetworkSpecs(): OfficerSpec[] {
  const specs: OfficerSpec[] = [OFFICER_A];
  DEMO_POSTS.forEach((post, i) => {
    const code = post.code.toLowerCase();
    const count = i < 21 ? 2 : 1;
    for (let n = 1; n <= count; n++) {
      const deviceId = `dev-${code}-${n}`;
      if (post.code === OFFICER_A.postCode && n === 1) continue;
      specs.push({ deviceId, officerId: `lo-${code}-${n}`, postCode: post.code });
    }
  });
  return specs;
}

const SPECS = bigNetworkSpecs();
/** A team lead that sent HQ its reviews: a device of no one post. */
const LEAD_EUROPE = demoLeadDeviceId('lead-europe');

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork(SPECS);
});

/** HQ as it stands after bundles from every device: what it holds of each (seqs 1..5). */
async function hqHeardFromAll(hq: TestDevice, except: string): Promise<void> {
  const rows: SenderRow[] = SPECS.filter((s) => s.deviceId !== except).map((s) => ({
    deviceId: s.deviceId,
    sender: {
      deviceId: s.deviceId,
      officerId: s.officerId,
      postCode: s.postCode,
      role: 'officer',
      fingerprint: 'test',
    },
    coverage: [{ from: 1, to: 5 }],
    knownHighest: 5,
    lastBundleAt: '2025-04-10T00:00:00.000Z',
  }));
  rows.push({
    deviceId: LEAD_EUROPE,
    sender: {
      deviceId: LEAD_EUROPE,
      officerId: 'lead-europe',
      postCode: 'LON',
      role: 'lead',
      fingerprint: 'test',
    },
    coverage: [{ from: 1, to: 3 }],
    knownHighest: 3,
    lastBundleAt: '2025-04-10T00:00:00.000Z',
  });
  await hq.db.exchangeSenders.bulkPut(rows);
}

describe('a receipt for more than 64 devices', () => {
  it('is written as several files of at most 64 devices, each device in exactly one', async () => {
    const hq = await hqDevice(net);
    await hqHeardFromAll(hq, '');
    const everyone = [...SPECS.map((s) => s.deviceId), LEAD_EUROPE];
    expect(everyone.length).toBeGreaterThan(MAX_RECIPIENTS);

    const files = await buildReceiptFiles(hq.deps);
    expect(files.length).toBe(Math.ceil(everyone.length / MAX_RECIPIENTS));
    const addressed: string[] = [];
    for (const [i, file] of files.entries()) {
      // What the file itself says, not only what the engine reports.
      const header = readBundleHeader(file.data);
      expect(header.kind).toBe('receipt');
      expect(header.sender.deviceId).toBe(DEMO_HQ_DEVICE_ID);
      expect(header.recipients.length).toBeLessThanOrEqual(MAX_RECIPIENTS);
      expect([...header.recipients]).toEqual(file.recipients);
      addressed.push(...header.recipients);
      expect(file.fileName).toMatch(
        new RegExp(
          `^receipt_hq-ottawa_all-posts_\\d{4}-\\d{2}-\\d{2}_part-${i + 1}-of-${files.length}\\.llb$`,
        ),
      );
      expect(file).toMatchObject({ part: i + 1, partCount: files.length });
    }
    expect([...addressed].sort()).toEqual([...everyone].sort());
    expect(new Set(files.map((f) => f.fileName)).size).toBe(files.length);
    expect(new Set(files.map((f) => f.bundleId)).size).toBe(files.length);

    // A post's devices travel in one file, so each post is handed one file.
    const fileOf = new Map<string, ReceiptFile>();
    for (const file of files) for (const d of file.recipients) fileOf.set(d, file);
    for (const post of DEMO_POSTS) {
      const holders = new Set(
        SPECS.filter((s) => s.postCode === post.code).map((s) => fileOf.get(s.deviceId)?.part),
      );
      expect(holders.size).toBe(1);
    }
    // The files say which posts they answer, in order, and the lead's device comes last.
    expect(files.flatMap((f) => f.posts)).toEqual(DEMO_POSTS.map((p) => p.code).sort());
    expect(files.at(-1)?.recipients.at(-1)).toBe(LEAD_EUROPE);
    expect(files.at(-1)?.otherDevices).toBe(1);

    // The one-file entry point still refuses what needs several, with the count.
    await expect(buildReceiptExport(hq.deps)).rejects.toMatchObject({
      messageKey: 'exchange.error.too-many-recipients',
    });
  });

  it('lets an officer import the part addressed to it, and its next export leaves those changes out', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logOne(officer, 'First');
    const first = await buildChangesExport(officer.deps);
    expect(first?.ranges).toEqual([{ from: 1, to: 9 }]);
    await importFiles(hq.deps, [{ name: 'b1.llb', data: first?.data ?? new Uint8Array() }]);
    await hqHeardFromAll(hq, OFFICER_A.deviceId);

    const files = await buildReceiptFiles(hq.deps);
    expect(files.length).toBeGreaterThan(1);
    const mine = files.find((f) => f.recipients.includes(OFFICER_A.deviceId));
    const other = files.find((f) => !f.recipients.includes(OFFICER_A.deviceId));
    if (!mine || !other) throw new Error('expected a part for the officer and one without it');

    // Each part speaks only of its own devices and of their bundles.
    const keys = net.officerKeys.get(OFFICER_A.deviceId);
    if (!keys) throw new Error('no keys');
    const decoded = await decodeBundle(mine.data, {
      recipientDeviceId: OFFICER_A.deviceId,
      recipientPrivateKey: keys.encryption.privateKey,
      recipientPublicKey: keys.encryption.publicKey,
      networkId: net.signed.profile.networkId,
    });
    const receipt = receiptSchema.parse(decoded.payload);
    expect(Object.keys(receipt.held).every((d) => mine.recipients.includes(d))).toBe(true);
    expect(receipt.held[OFFICER_A.deviceId]).toBe(9);
    expect(receipt.bundles).toEqual([first?.bundleId]);

    // The part for other posts is not this device's: refused with a message that says it may
    // be another part, and it changes nothing.
    const refused = await importFiles(officer.deps, [{ name: other.fileName, data: other.data }]);
    expect(refused.files[0]?.outcome).toEqual({
      kind: 'rejected',
      errorKey: 'exchange.error.receipt-for-others',
    });
    expect(await getAcknowledged(officer.db)).toEqual({});

    const report = await importFiles(officer.deps, [{ name: mine.fileName, data: mine.data }]);
    expect(report.files[0]?.outcome).toMatchObject({
      kind: 'receipt',
      acknowledgedUpTo: 9,
      from: { role: 'hq' },
    });
    expect(await getAcknowledged(officer.db)).toEqual({ [DEMO_HQ_DEVICE_ID]: 9 });
    const status = await getExchangeStatus(officer.db);
    expect(status.lastReceiptFromHqAt).not.toBeNull();
    expect(status.waiting).toBe(0);
    expect(await buildChangesExport(officer.deps)).toBeNull();
    await logOne(officer, 'Second');
    const next = await buildChangesExport(officer.deps);
    expect(next?.ranges).toEqual([{ from: 10, to: 18 }]);
  });

  it('stays one file for one post of the same network', async () => {
    const hq = await hqDevice(net);
    await hqHeardFromAll(hq, '');
    const files = await buildReceiptFiles(hq.deps, 'BOG');
    expect(files).toHaveLength(1);
    expect(files[0]?.fileName).toMatch(/^receipt_hq-ottawa_BOG_\d{4}-\d{2}-\d{2}\.llb$/);
    expect([...(files[0]?.recipients ?? [])].sort()).toEqual(['dev-bog-2', OFFICER_A.deviceId]);
  });

  it('is saved through the client as every part, one dialog each, or all in the export folder', async () => {
    const hq = await hqDevice(net);
    await hqHeardFromAll(hq, '');
    const listeners: ((event: MessageEvent<FromWorker>) => void)[] = [];
    // The worker's dispatch, run in this thread against HQ's database.
    const worker = {
      postMessage(message: ToWorker) {
        if (message.type !== 'call') return;
        const deps = { db: hq.db, dataKey: message.dataKey, appVersion: 'test' };
        void dispatch(deps, message.request, { isCancelled: () => false }).then((value) =>
          listeners.forEach((l) =>
            l({ data: { type: 'result', id: message.id, value } } as MessageEvent<FromWorker>),
          ),
        );
      },
      addEventListener(type: 'message' | 'error', listener: unknown) {
        if (type === 'message') listeners.push(listener as (e: MessageEvent<FromWorker>) => void);
      },
    };
    const clientWith = (platform: Partial<Platform>) => {
      const vault = new VaultSession(hq.db);
      vault.open(hq.dataKey);
      return createExchangeClient(
        { db: hq.db, platform: platform as Platform, deviceId: DEMO_HQ_DEVICE_ID, vault },
        { createWorker: () => worker },
      );
    };

    const saveFile = vi.fn(() => Promise.resolve({ saved: true }));
    const viaDialogs = await clientWith({ supportsFolders: false, saveFile }).exportReceipt({});
    expect(saveFile).toHaveBeenCalledTimes(2);
    expect(viaDialogs.status === 'written' ? viaDialogs.parts?.map((p) => p.fileName) : []).toEqual(
      saveFile.mock.calls.map(
        (call) => (call as unknown as [{ suggestedName: string }])[0].suggestedName,
      ),
    );

    const writeToFolder = vi.fn((_id: string, name: string) =>
      Promise.resolve({ name, location: '/media/usb' }),
    );
    const inFolder = await clientWith({
      supportsFolders: true,
      getFolder: () => Promise.resolve({ id: 'usb', label: '/media/usb' }),
      saveFile,
      writeToFolder,
    }).exportReceipt({});
    expect(writeToFolder).toHaveBeenCalledTimes(2);
    expect(writeToFolder.mock.calls.every(([id]) => id === 'usb')).toBe(true);
    expect(saveFile).toHaveBeenCalledTimes(2);
    expect(inFolder).toMatchObject({ status: 'written', location: '/media/usb' });
  });
});
