// Receipts and gaps: HQ's receipt shortens the officer's next export; a receipt from a key
// that is not HQ's (or a lead of the post) changes nothing; a bundle lost on its way to HQ
// shows as a gap, and its changes arrive with the next export once HQ has answered.
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeBundle } from '../../../shared/bundle/codec.ts';
import {
  demoDeviceKeys,
  demoLeadDeviceId,
  DEMO_HQ_DEVICE_ID,
} from '../../../shared/identity/index.ts';
import { makeReceipt } from '../../../shared/sync/receipts.ts';
import { getExchangeStatus, listGaps } from '../../../renderer/src/db/exchange/queries.ts';
import { buildChangesExport, type BuiltFile } from '../../../renderer/src/db/exchange/export.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import {
  buildReceiptExport,
  buildReceiptFiles,
} from '../../../renderer/src/db/exchange/receipts.ts';
import { getAcknowledged } from '../../../renderer/src/db/sync-state.ts';
import { updateActivity } from '../../../renderer/src/db/activities.ts';
import {
  OFFICER_A,
  OFFICER_B,
  hqDevice,
  leadDevice,
  logOne,
  makeNetwork,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A]);
});

async function built(
  promise: Promise<BuiltFile | null>,
): Promise<{ name: string; data: Uint8Array }> {
  const file = await promise;
  if (!file) throw new Error('nothing built');
  return { name: file.fileName, data: file.data };
}

async function outcomeOf(device: TestDevice, file: { name: string; data: Uint8Array }) {
  const report = await importFiles(device.deps, [file]);
  const outcome = report.files[0]?.outcome;
  if (!outcome) throw new Error('no outcome');
  return outcome;
}

/** A liaison entry is 9 changes: 5 core paths, 3 data fields and review.status. */
describe('receipts', () => {
  it('counts the entries saved after what the issuer holds, each entry once', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    const first = await logOne(officer, 'First');
    const bundle = await built(buildChangesExport(officer.deps));
    await importFiles(hq.deps, [bundle]);
    const receipt = await built(buildReceiptExport(hq.deps, 'BOG'));
    // After the receipt was written: the first entry edited, and two new entries, one of
    // them edited too. Three entries HQ does not hold, each counted once.
    const rename = (id: string, subject: string) =>
      updateActivity(officer.db, officer.author, id, { data: { subject } }, officer);
    await rename(first.id, 'First, v2');
    const second = await logOne(officer, 'Second');
    await logOne(officer, 'Third');
    await rename(second.id, 'Second, v2');
    const outcome = await outcomeOf(officer, receipt);
    expect(outcome).toMatchObject({ kind: 'receipt', acknowledgedUpTo: 9, entriesNotHeld: 3 });
  });

  it('lets the next export carry only the changes HQ does not hold yet', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logOne(officer, 'First');
    const first = await buildChangesExport(officer.deps);
    expect(first?.ranges).toEqual([{ from: 1, to: 9 }]);
    await importFiles(hq.deps, [{ name: 'b1.llb', data: first?.data ?? new Uint8Array() }]);

    const receipt = await built(buildReceiptExport(hq.deps, 'BOG'));
    expect(receipt.name).toMatch(/^receipt_hq-ottawa_BOG_\d{4}-\d{2}-\d{2}\.llb$/);
    const outcome = await outcomeOf(officer, receipt);
    expect(outcome).toMatchObject({
      kind: 'receipt',
      acknowledgedUpTo: 9,
      entriesNotHeld: 0,
      from: { role: 'hq' },
    });
    expect(await getAcknowledged(officer.db)).toEqual({ [DEMO_HQ_DEVICE_ID]: 9 });
    const status = await getExchangeStatus(officer.db);
    expect(status.lastReceiptFromHqAt).not.toBeNull();
    expect(status.waiting).toBe(0);

    expect(await buildChangesExport(officer.deps)).toBeNull();
    const second = await logOne(officer, 'Second');
    const next = await buildChangesExport(officer.deps);
    expect(next?.ranges).toEqual([{ from: 10, to: 18 }]);
    expect(next?.records).toBe(1);
    const applied = await outcomeOf(hq, { name: 'b2.llb', data: next?.data ?? new Uint8Array() });
    expect(applied).toMatchObject({ kind: 'applied', counts: { inserted: 1, refused: 0 } });
    expect((await hq.db.activities.get(second.id))?.data.subject).toBe('Second');
    expect(await listGaps(hq.db)).toEqual([]);
  });

  it('refuses a receipt not addressed to this device, saying it may be another post’s or part', async () => {
    const wide = await makeNetwork([OFFICER_A, OFFICER_B]);
    const sender = await officerDevice(wide, OFFICER_A);
    const other = await officerDevice(wide, OFFICER_B);
    const hq = await hqDevice(wide);
    await logOne(sender, 'Entry');
    await outcomeOf(hq, await built(buildChangesExport(sender.deps)));
    // HQ holds nothing from officer B, so its receipt for the post is not addressed to B.
    const receipt = await built(buildReceiptExport(hq.deps, 'BOG'));
    await logOne(other, 'Waiting');
    const before = await getAcknowledged(other.db);
    expect(await outcomeOf(other, receipt)).toEqual({
      kind: 'rejected',
      errorKey: 'exchange.error.receipt-for-others',
    });
    expect(await getAcknowledged(other.db)).toEqual(before);
    expect((await getExchangeStatus(other.db)).lastReceiptFromHqAt).toBeNull();
  });

  it('refuses a receipt signed by a lead of another region, and one forged in HQ’s name', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    await logOne(officer, 'Entry');
    const europe = demoLeadDeviceId('lead-europe');
    const europeKeys = await demoDeviceKeys(europe);
    const receiptFrom = async (deviceId: string, officerId: string) => ({
      name: 'receipt.llb',
      data: await encodeBundle({
        kind: 'receipt',
        bundleId: `r-${deviceId}`,
        networkId: net.signed.profile.networkId,
        sender: { deviceId, officerId, postCode: null },
        ranges: [],
        appVersion: 'test',
        catalogueVersion: 1,
        createdAt: new Date().toISOString(),
        signingKey: europeKeys.signing.privateKey,
        senderPublicKeys: {
          signing: europeKeys.signing.publicKey,
          encryption: europeKeys.encryption.publicKey,
        },
        recipients: [
          {
            deviceId: OFFICER_A.deviceId,
            publicKey: net.officerKeys.get(OFFICER_A.deviceId)?.encryption.publicKey as CryptoKey,
          },
        ],
        payload: makeReceipt(
          deviceId,
          new Date().toISOString(),
          { [OFFICER_A.deviceId]: [{ from: 1, to: 9 }] },
          [],
        ),
      }),
    });
    expect(await outcomeOf(officer, await receiptFrom(europe, 'lead-europe'))).toEqual({
      kind: 'rejected',
      errorKey: 'exchange.error.receipt-not-trusted',
    });
    expect(await outcomeOf(officer, await receiptFrom(DEMO_HQ_DEVICE_ID, 'hq-ottawa'))).toEqual({
      kind: 'rejected',
      errorKey: 'bundle.error.signer-mismatch',
    });
    expect(await getAcknowledged(officer.db)).toEqual({});
    expect((await getExchangeStatus(officer.db)).waiting).toBe(9);
  });

  it('accepts the receipt of its own post’s team lead', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const lead = await leadDevice(net);
    await logOne(officer, 'Entry');
    await importFiles(lead.deps, [await built(buildChangesExport(officer.deps))]);
    const outcome = await outcomeOf(officer, await built(buildReceiptExport(lead.deps)));
    expect(outcome).toMatchObject({ kind: 'receipt', acknowledgedUpTo: 9, from: { role: 'lead' } });
    // A lead's receipt is not HQ's: the status strip's "last receipt from HQ" stays empty.
    expect((await getExchangeStatus(officer.db)).lastReceiptFromHqAt).toBeNull();
  });
});

describe('a receipt for 64 devices or fewer', () => {
  it('is one file named as before, for all posts as for one', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logOne(officer, 'Entry');
    await importFiles(hq.deps, [await built(buildChangesExport(officer.deps))]);

    const all = await buildReceiptFiles(hq.deps);
    expect(all).toHaveLength(1);
    expect(all[0]?.fileName).toMatch(/^receipt_hq-ottawa_all-posts_\d{4}-\d{2}-\d{2}\.llb$/);
    expect(all[0]).toMatchObject({ part: 1, partCount: 1, posts: ['BOG'], otherDevices: 0 });
    expect(all[0]?.recipients).toEqual([OFFICER_A.deviceId]);
    // The one-file entry point gives the same kind of file.
    const single = await buildReceiptExport(hq.deps);
    expect(single?.fileName).toBe(all[0]?.fileName);
    const outcome = await outcomeOf(officer, await built(Promise.resolve(single)));
    expect(outcome).toMatchObject({ kind: 'receipt', acknowledgedUpTo: 9 });
  });

  it('is no file at all when no device is held from', async () => {
    const hq = await hqDevice(net);
    expect(await buildReceiptFiles(hq.deps)).toEqual([]);
    expect(await buildReceiptExport(hq.deps)).toBeNull();
  });
});

describe('gaps', () => {
  it('shows a bundle lost on its way to HQ, and its changes arrive with the next export', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const lead = await leadDevice(net);
    const hq = await hqDevice(net);
    // Bundle 1 reaches the lead only; the lead's receipt lets the next export start after it.
    const lost = await logOne(officer, 'Lost on the way');
    await importFiles(lead.deps, [await built(buildChangesExport(officer.deps))]);
    await importFiles(officer.deps, [await built(buildReceiptExport(lead.deps))]);
    await logOne(officer, 'Later');
    const second = await buildChangesExport(officer.deps);
    expect(second?.ranges).toEqual([{ from: 10, to: 18 }]);
    await importFiles(hq.deps, [{ name: 'b2.llb', data: second?.data ?? new Uint8Array() }]);

    const gaps = await listGaps(hq.db);
    expect(gaps).toMatchObject([
      {
        sender: { deviceId: OFFICER_A.deviceId, officerId: 'lo-bogota-1', postCode: 'BOG' },
        from: 1,
        to: 9,
      },
    ]);
    expect(gaps).toHaveLength(1);
    expect(await hq.db.activities.get(lost.id)).toBeUndefined();

    // HQ answers with what it holds (nothing from seq 1): the officer resends from the start.
    const receipt = await outcomeOf(officer, await built(buildReceiptExport(hq.deps)));
    expect(receipt).toMatchObject({ kind: 'receipt', acknowledgedUpTo: 0 });
    const third = await buildChangesExport(officer.deps);
    expect(third?.ranges).toEqual([{ from: 1, to: 18 }]);
    await importFiles(hq.deps, [{ name: 'b3.llb', data: third?.data ?? new Uint8Array() }]);
    expect(await listGaps(hq.db)).toEqual([]);
    expect((await hq.db.activities.get(lost.id))?.data.subject).toBe('Lost on the way');
  });
});
