// Nil reports ("nothing to report this month") as the officer files them and as they travel:
// the rules of filing, the log and its count left alone, rollups kept in the write's
// transaction (equal to a recount), a bundle carrying one to HQ where completeness sees it,
// and a nil report for another officer's post refused at import.
import { beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../../../renderer/src/db/activities.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import { listBundleArrivals } from '../../../renderer/src/db/exchange/queries.ts';
import {
  countActivities,
  fileNilReport,
  listActivityIds,
  listNilReports,
  withdrawNilReport,
} from '../../../renderer/src/db/index.ts';
import { allRollups, readRollups } from '../../../renderer/src/db/rollup-store.ts';
import { reporting } from '../../../renderer/src/features/summaries/completeness-model.ts';
import { nilReportId } from '../../../shared/domain/nil-report.ts';
import { recount, rollupId } from '../../../shared/summary/measures.ts';
import { liaisonInput, openTestDb } from './db-fixtures.ts';
import {
  OFFICER_A,
  appendOwnChange,
  hqDevice,
  makeNetwork,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

const TODAY = '2025-04-10';

async function expectRollupsMatchEntries(db: TestDevice['db']): Promise<void> {
  expect(await allRollups(db)).toEqual(recount(await db.activities.toArray()));
}

describe('filing a nil report', () => {
  it('files once a month, for a past or the current month, and not beside entries', async () => {
    const { db, author } = await openTestDb();
    const filed = await fileNilReport(db, author, '2025-03', TODAY);
    expect(filed).toMatchObject({ ok: true, report: { month: '2025-03', pending: true } });
    expect(await fileNilReport(db, author, '2025-03', TODAY)).toEqual({
      ok: false,
      problem: 'already-filed',
    });
    expect(await fileNilReport(db, author, '2025-05', TODAY)).toEqual({
      ok: false,
      problem: 'future',
    });
    expect((await fileNilReport(db, author, '2025-04', TODAY)).ok).toBe(true);
    await createActivity(db, author, liaisonInput({ occurredOn: '2025-02-11' }));
    expect(await fileNilReport(db, author, '2025-02', TODAY)).toEqual({
      ok: false,
      problem: 'has-entries',
    });
    expect((await listNilReports(db, author.officerId)).map((r) => r.month)).toEqual([
      '2025-04',
      '2025-03',
    ]);
    // The log lists and counts the one entry only.
    expect(await countActivities(db)).toBe(1);
    expect(await listActivityIds(db)).toHaveLength(1);
    const march = rollupId({
      month: '2025-03',
      postCode: 'BOG',
      officerId: author.officerId,
      type: 'nil-report',
    });
    expect((await allRollups(db)).get(march)?.counters).toEqual({ nilReports: 1 });
    await expectRollupsMatchEntries(db);
    db.close();
  });

  it('is withdrawn by a tombstone, leaves the month unreported, and may be filed again', async () => {
    const { db, author } = await openTestDb();
    const first = await fileNilReport(db, author, '2025-01', TODAY);
    if (!first.ok) throw new Error(first.problem);
    await withdrawNilReport(db, author, first.report.id);
    expect(await listNilReports(db, author.officerId)).toEqual([]);
    expect(await readRollups(db, ['2025-01'])).toEqual([]);
    expect((await db.activities.get(first.report.id))?.deleted).toBe(true);
    const again = await fileNilReport(db, author, '2025-01', TODAY);
    expect(again.ok && again.report.id !== first.report.id).toBe(true);
    expect(await countActivities(db)).toBe(0);
    await expectRollupsMatchEntries(db);
    db.close();
  });
});

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A]);
});

async function exportOf(device: TestDevice) {
  const built = await buildChangesExport(device.deps);
  if (!built) throw new Error('nothing exported');
  return { name: built.fileName, data: built.data };
}

describe('a nil report on its way to HQ', () => {
  it('arrives in a bundle and reports the month as nil, while a silent month stays missing', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    const filed = await fileNilReport(officer.db, officer.author, '2025-02', TODAY);
    if (!filed.ok) throw new Error(filed.problem);
    await createActivity(officer.db, officer.author, liaisonInput({ occurredOn: '2025-01-20' }), {
      sealer: officer.sealer,
    });
    const run = await importFiles(hq.deps, [await exportOf(officer)]);
    expect(run.files[0]?.outcome).toMatchObject({ kind: 'applied', counts: { refused: 0 } });
    const rows = await readRollups(hq.db, ['2024-12', '2025-01', '2025-02', '2025-03']);
    const seen = reporting({
      rows,
      months: ['2024-12', '2025-01', '2025-02', '2025-03'],
      expectedPosts: ['BOG'],
      filter: {},
      asOf: TODAY,
    });
    expect(seen.posts[0]).toMatchObject({
      id: 'BOG',
      missingMonths: ['2024-12', '2025-03'],
      nilMonths: ['2025-02'],
    });
    expect(seen.officers[0]).toMatchObject({ id: OFFICER_A.officerId, nilMonths: ['2025-02'] });
    await expectRollupsMatchEntries(hq.db);
    // HQ's log does not list it either; the last bundle is on record with its newest change.
    expect(await countActivities(hq.db)).toBe(1);
    const [arrival] = await listBundleArrivals(hq.db);
    expect(arrival).toMatchObject({ deviceId: OFFICER_A.deviceId, missing: [] });
    expect(arrival?.newestChangeAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Withdrawn on the officer's device: the next bundle takes it away at HQ too.
    await withdrawNilReport(officer.db, officer.author, filed.report.id);
    await importFiles(hq.deps, [await exportOf(officer)]);
    expect((await readRollups(hq.db, ['2025-02'])).length).toBe(0);
    await expectRollupsMatchEntries(hq.db);
    officer.db.close();
    hq.db.close();
  });

  it('is refused at import when an officer files it for another post', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    const id = nilReportId('2025-02', OFFICER_A.officerId, 'forged');
    for (const [field, value] of [
      ['type', 'nil-report'],
      ['schemaVersion', 1],
      ['officerId', OFFICER_A.officerId],
      ['postCode', 'LIM'],
      ['occurredOn', '2025-02-01'],
    ] as const)
      await appendOwnChange(officer, { recordId: id, field, value });
    const run = await importFiles(hq.deps, [await exportOf(officer)]);
    const outcome = run.files[0]?.outcome;
    if (outcome?.kind !== 'applied') throw new Error(`not applied: ${outcome?.kind}`);
    expect(outcome.counts.refused).toBe(5);
    expect(outcome.refused.map((r) => r.reasonKey)).toContain('exchange.refusal.not-owner');
    expect(await hq.db.activities.get(id)).toBeUndefined();
    expect(await readRollups(hq.db, ['2025-02'])).toEqual([]);
    officer.db.close();
    hq.db.close();
  });
});
