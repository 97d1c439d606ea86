// Export from an officer, import at the team lead and HQ: the records arrive whole, sensitive
// values sealed with the receiver's own key; a replay or a damaged file changes nothing; a
// change to another officer's record is refused while the rest of its bundle applies.
import { beforeAll, describe, expect, it } from 'vitest';
import { isSealed, decryptField } from '../../../shared/vault/index.ts';
import { createActivity, updateActivity } from '../../../renderer/src/db/activities.ts';
import { buildChangesExport, type BuiltFile } from '../../../renderer/src/db/exchange/export.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import { getMeta } from '../../../renderer/src/db/meta.ts';
import { openData } from '../../../renderer/src/db/sealing.ts';
import { liaisonInput } from './db-fixtures.ts';
import {
  OFFICER_A,
  OFFICER_B,
  appendOwnChange,
  hqDevice,
  leadDevice,
  makeNetwork,
  officerDevice,
  rowsOf,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A, OFFICER_B]);
});

async function exported(device: TestDevice): Promise<BuiltFile> {
  const built = await buildChangesExport(device.deps);
  if (!built) throw new Error('nothing exported');
  return built;
}

const asFile = (built: BuiltFile) => ({ name: built.fileName, data: built.data });

async function logEntries(officer: TestDevice) {
  const a = await createActivity(officer.db, officer.author, liaisonInput(), {
    sealer: officer.sealer,
  });
  const b = await createActivity(
    officer.db,
    officer.author,
    liaisonInput({
      data: {
        meetings: 2,
        subject: 'Airline briefing',
        counterpart: 'airline',
        travellerName: 'Ana Lopez',
      },
    }),
    { sealer: officer.sealer },
  );
  await updateActivity(
    officer.db,
    officer.author,
    a.id,
    { data: { notes: 'Follow-up next week' } },
    { sealer: officer.sealer },
  );
  return { a, b };
}

/** Everything an import may change, to prove a refused or replayed file changed nothing. */
async function snapshot(device: TestDevice) {
  const { db } = device;
  return {
    rows: await rowsOf(device),
    count: await getMeta(db, 'activityCount'),
    hlc: await getMeta(db, 'hlc'),
    bundles: await db.exchangeBundles.toArray(),
    senders: await db.exchangeSenders.toArray(),
    deferred: await db.exchangeDeferred.toArray(),
  };
}

describe('export and import between devices', () => {
  it('carries an officer’s entries to the lead and HQ, field for field', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const lead = await leadDevice(net);
    const hq = await hqDevice(net);
    const { a, b } = await logEntries(officer);
    const built = await exported(officer);
    expect(built.fileName).toMatch(/^BOG_lo-bogota-1_\d{4}-\d{2}-\d{2}_seq-1-\d+\.llb$/);
    expect(built.records).toBe(2);

    for (const receiver of [lead, hq]) {
      const report = await importFiles(receiver.deps, [asFile(built)]);
      expect(report.finishedAt).not.toBeNull();
      const outcome = report.files[0]?.outcome;
      expect(outcome?.kind).toBe('applied');
      if (outcome?.kind !== 'applied') return;
      expect(outcome.sender).toMatchObject({
        deviceId: OFFICER_A.deviceId,
        role: 'officer',
        postCode: 'BOG',
      });
      expect(outcome.counts.refused).toBe(0);
      expect(outcome.counts.inserted).toBe(2);
      expect(await getMeta(receiver.db, 'activityCount')).toBe(2);

      const mine = await rowsOf(officer);
      const theirs = await rowsOf(receiver);
      for (const id of [a.id, b.id]) {
        const here = theirs.get(id);
        const there = mine.get(id);
        expect(here).toBeDefined();
        // Same record and stamps, except the officer's own review.status = pending, which
        // does not travel (every receiver would refuse it; pending is the default anyway),
        // so updatedAt is the time of the latest stamp that did. Sensitive values differ
        // only by their sealing.
        const { 'review.status': _own, ...clocks } = there?.clocks ?? {};
        const latest = Object.values(clocks).sort().at(-1) ?? '';
        expect(here?.updatedAt).toBe(new Date(Number(latest.slice(0, 15))).toISOString());
        expect({ ...here, data: {}, updatedAt: '' }).toEqual({
          ...there,
          clocks,
          data: {},
          updatedAt: '',
        });
        expect(await openData(receiver.sealer, id, here?.data ?? {})).toEqual(
          await openData(officer.sealer, id, there?.data ?? {}),
        );
      }
      // The receiver's clock moved past what it received.
      expect((await getMeta(receiver.db, 'hlc')) ?? '').not.toBe('');
    }
  });

  it('stores sensitive values sealed with the receiver’s key, and opens them again', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    const { b } = await logEntries(officer);
    await importFiles(hq.deps, [asFile(await exported(officer))]);
    const row = await hq.db.activities.get(b.id);
    const sealed = row?.data.travellerName;
    expect(isSealed(sealed)).toBe(true);
    expect(row?.words.join(' ')).not.toMatch(/ana|lopez/);
    expect(
      await decryptField(hq.dataKey, sealed as string, {
        recordId: b.id,
        field: 'data.travellerName',
      }),
    ).toBe('Ana Lopez');
    // The officer's own key does not open HQ's copy: each device seals with its own.
    await expect(
      decryptField(officer.dataKey, sealed as string, {
        recordId: b.id,
        field: 'data.travellerName',
      }),
    ).rejects.toThrow();
  });

  it('says a re-imported bundle was already imported and changes nothing', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logEntries(officer);
    const built = await exported(officer);
    const first = await importFiles(hq.deps, [asFile(built)]);
    const before = await snapshot(hq);
    const again = await importFiles(hq.deps, [asFile(built)]);
    expect(first.files[0]?.outcome.kind).toBe('applied');
    expect(again.files[0]?.outcome).toMatchObject({
      kind: 'already-imported',
      bundleId: built.bundleId,
    });
    expect(await snapshot(hq)).toEqual(before);
  });

  it('rejects a bundle with one byte altered, and changes nothing', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logEntries(officer);
    const built = await exported(officer);
    const before = await snapshot(hq);
    const altered = built.data.slice();
    const at = altered.length - 200;
    altered[at] = (altered[at] as number) ^ 0x01;
    const report = await importFiles(hq.deps, [{ name: 'altered.llb', data: altered }]);
    const outcome = report.files[0]?.outcome;
    expect(outcome?.kind).toBe('rejected');
    expect(outcome?.kind === 'rejected' && outcome.errorKey).toMatch(
      /^bundle\.error\.(payload-altered|bad-signature)$/,
    );
    expect(await snapshot(hq)).toEqual(before);
    // The intact file still imports afterwards.
    const good = await importFiles(hq.deps, [asFile(built)]);
    expect(good.files[0]?.outcome.kind).toBe('applied');
  });

  it('refuses a change to another officer’s record and applies the rest of the bundle', async () => {
    const officerA = await officerDevice(net, OFFICER_A);
    const officerB = await officerDevice(net, OFFICER_B);
    const hq = await hqDevice(net);
    const { a } = await logEntries(officerA);
    await importFiles(hq.deps, [asFile(await exported(officerA))]);

    const own = await createActivity(
      officerB.db,
      officerB.author,
      liaisonInput({ data: { meetings: 4, subject: 'Own entry', counterpart: 'rcmp' } }),
      {
        sealer: officerB.sealer,
      },
    );
    await appendOwnChange(officerB, { recordId: a.id, field: 'data.subject', value: 'Forged' });
    const report = await importFiles(hq.deps, [asFile(await exported(officerB))]);
    const outcome = report.files[0]?.outcome;
    expect(outcome?.kind).toBe('applied');
    if (outcome?.kind !== 'applied') return;
    expect(outcome.counts.refused).toBe(1);
    expect(outcome.refused).toEqual([
      { recordId: a.id, field: 'data.subject', reasonKey: 'exchange.refusal.not-owner' },
    ]);
    expect((await hq.db.activities.get(a.id))?.data.subject).toBe('Briefing at Montréal airport');
    expect((await hq.db.activities.get(own.id))?.data.subject).toBe('Own entry');
    expect(await getMeta(hq.db, 'activityCount')).toBe(3);
  });
});
