// A damaged database on fake-indexeddb: rows written straight into the tables as a damaged
// disk or another build would leave them. Each must read as unreadable (or, for a newer shape,
// as it is), never stop the list, an export or an import. The same on Chromium's real
// IndexedDB: tests/e2e/damaged-data.spec.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { createActivity, updateActivity } from '../../../renderer/src/db/activities.ts';
import {
  getActivitiesByIds,
  isUnreadable,
  listActivityIds,
  readActivity,
} from '../../../renderer/src/db/index.ts';
import { getMeta, seqKey } from '../../../renderer/src/db/meta.ts';
import { rowProblem } from '../../../renderer/src/db/row-check.ts';
import { editChanges } from '../../../renderer/src/db/change-log.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import {
  buildChangesExport,
  repairDamagedChanges,
} from '../../../renderer/src/db/exchange/export.ts';
import { type ActivityRow } from '../../../renderer/src/db/schema.ts';
import { exportMessage } from '../../../renderer/src/features/sync/export-result.ts';
import { changeCount } from './change-log-helpers.ts';
import { liaisonInput } from './db-fixtures.ts';
import {
  OFFICER_A,
  hqDevice,
  makeNetwork,
  officerDevice,
  rowsOf,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A]);
});

/** A sealed value `v1.<tag>.<iv>.<ciphertext>` with one character of its ciphertext changed. */
function flipCiphertext(sealed: string): string {
  const parts = sealed.split('.');
  const last = parts[parts.length - 1] as string;
  parts[parts.length - 1] = (last[0] === 'A' ? 'B' : 'A') + last.slice(1);
  return parts.join('.');
}

async function logEntry(officer: TestDevice, subject: string) {
  return createActivity(
    officer.db,
    officer.author,
    liaisonInput({ data: { meetings: 1, subject, counterpart: 'rcmp', travellerName: 'T' } }),
    { sealer: officer.sealer },
  );
}

/** Replaces a stored row by what `damage` makes of it, bypassing every check of the app. */
async function damageRow(
  device: TestDevice,
  id: string,
  damage: (row: Record<string, unknown>) => void,
): Promise<void> {
  const row = (await device.db.activities.get(id)) as unknown as Record<string, unknown>;
  damage(row);
  await device.db.activities.put(row as unknown as ActivityRow);
}

/** Flips the sealed travellerName of a record in its row and in the change log. */
async function damageSealed(device: TestDevice, id: string): Promise<void> {
  await damageRow(device, id, (row) => {
    const data = row.data as Record<string, string>;
    data.travellerName = flipCiphertext(data.travellerName as string);
  });
  await device.db.changes
    .where('recordId')
    .equals(id)
    .modify((row) =>
      editChanges(row, (change) => {
        if (change.field === 'data.travellerName') {
          change.value = flipCiphertext(change.value as string);
        }
      }),
    );
}

describe('rowProblem', () => {
  const good = {
    id: 'r1',
    type: 'liaison',
    schemaVersion: 2,
    officerId: 'o',
    postCode: 'BOG',
    occurredOn: '2025-04-10',
    data: {},
    review: { status: 'pending' },
    clocks: { type: 'h' },
    deleted: false,
  };

  it('reads a whole row, a newer shape (unknown type, extra field, higher version) included', () => {
    expect(rowProblem(good)).toBeUndefined();
    expect(rowProblem({ ...good, type: 'drone-survey' })).toBeUndefined();
    expect(rowProblem({ ...good, schemaVersion: 99 })).toBeUndefined();
    expect(rowProblem({ ...good, addedByANewerBuild: { x: 1 } })).toBeUndefined();
  });

  it('names the missing or wrong field of a row it cannot read', () => {
    const without = (field: string) => {
      const row: Record<string, unknown> = { ...good };
      delete row[field];
      return row;
    };
    expect(rowProblem(without('type'))).toEqual({ reason: 'missing-field', field: 'type' });
    expect(rowProblem(without('data'))).toEqual({ reason: 'missing-field', field: 'data' });
    expect(rowProblem(without('review'))).toEqual({ reason: 'missing-field', field: 'review' });
    expect(rowProblem({ ...good, review: {} })).toEqual({
      reason: 'missing-field',
      field: 'review.status',
    });
    expect(rowProblem({ ...good, review: { status: 'escalated' } })).toEqual({
      reason: 'wrong-field',
      field: 'review.status',
    });
    expect(rowProblem({ ...good, data: 'garbled' })).toEqual({
      reason: 'wrong-field',
      field: 'data',
    });
    expect(rowProblem(null)).toEqual({ reason: 'missing-field', field: 'id' });
  });
});

describe('a list and a detail over damaged rows', () => {
  it('gives each damaged row as unreadable in its place and the others as they are', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const first = await logEntry(officer, 'First');
    const noType = await logEntry(officer, 'No type');
    const noReview = await logEntry(officer, 'No review');
    const noData = await logEntry(officer, 'No data');
    await damageRow(officer, noType.id, (row) => delete row.type);
    await damageRow(officer, noReview.id, (row) => delete row.review);
    await damageRow(officer, noData.id, (row) => delete row.data);

    const ids = await listActivityIds(officer.db);
    expect(ids).toHaveLength(4);
    const entries = await getActivitiesByIds(officer.db, ids);
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get(noType.id)).toEqual({
      id: noType.id,
      problem: { reason: 'missing-field', field: 'type' },
    });
    expect(byId.get(noReview.id)).toMatchObject({ problem: { field: 'review' } });
    expect(byId.get(noData.id)).toMatchObject({ problem: { field: 'data' } });
    const readable = byId.get(first.id);
    expect(readable && !isUnreadable(readable) && readable.data.subject).toBe('First');

    const detail = await readActivity(officer.db, noReview.id);
    expect(detail && isUnreadable(detail)).toBe(true);
  });
});

describe('an export over a damaged sealed value', () => {
  it('leaves the entry out, still covers its seqs, and says one entry was not sent', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const good = await logEntry(officer, 'Kept');
    const bad = await logEntry(officer, 'Damaged');
    await damageSealed(officer, bad.id);
    const lastSeq = await changeCount(officer.db);

    const built = await buildChangesExport(officer.deps);
    expect(built).not.toBeNull();
    if (!built) return;
    expect(built.unreadable).toBe(1);
    expect(built.records).toBe(1);
    // Every seq counts as sent, the damaged entry's included: nobody waits for them.
    expect(built.ranges).toEqual([{ from: 1, to: lastSeq }]);

    const hq = await hqDevice(net);
    const report = await importFiles(hq.deps, [{ name: built.fileName, data: built.data }]);
    expect(report.files[0]?.outcome.kind).toBe('applied');
    const rows = await rowsOf(hq);
    expect([...rows.keys()]).toEqual([good.id]);
    expect((await hq.db.exchangeSenders.get(officer.identity.deviceId))?.coverage).toEqual([
      { from: 1, to: lastSeq },
    ]);

    const lines = exportMessage(
      'bundle',
      {
        status: 'written',
        fileName: built.fileName,
        changes: built.changes,
        records: built.records,
        ranges: built.ranges,
        unreadable: 1,
      },
      'en',
    ).lines;
    expect(lines).toContainEqual({ key: 'sync.export.unreadable', values: { count: 1 } });
  });
});

/**
 * Changes the first stored change of record `id` (or, with target 'row', its save row) as
 * `damage` says, under the app's feet.
 */
async function damageChange(
  device: TestDevice,
  id: string,
  damage: (c: Record<string, unknown>) => unknown,
  target: 'change' | 'row' = 'change',
): Promise<void> {
  const victim = (await device.db.changes.where('recordId').equals(id).first()) as unknown as
    Record<string, unknown> | undefined;
  if (!victim) throw new Error(`no change of ${id}`);
  await device.db.changes.delete([victim.deviceId as string, victim.seq as number]);
  // A save row (change-log.ts): its first change is damaged, the row keeps its key.
  const inner: unknown = Array.isArray(victim.changes) ? victim.changes[0] : undefined;
  damage((target === 'row' ? victim : (inner ?? victim)) as Record<string, unknown>);
  await device.db.changes.put(victim as never);
}

/** What HQ must hold of a liaison entry the officer logged: its plain fields, whole. */
function plainOf(row: Pick<ActivityRow, 'type' | 'occurredOn' | 'data'> | undefined) {
  if (!row) return undefined;
  const { subject, meetings, counterpart } = row.data as Record<string, unknown>;
  return { type: row.type, occurredOn: row.occurredOn, subject, meetings, counterpart };
}

/**
 * Imports `built` at a fresh HQ and checks it applied, and that HQ holds both entries (the
 * kept one and the damaged one, subject 'Damaged') as the officer does. Gives HQ.
 */
async function expectBothWholeAtHq(
  officer: TestDevice,
  built: { fileName: string; data: Uint8Array },
  goodId: string,
  badId: string,
): Promise<TestDevice> {
  const hq = await hqDevice(net);
  const report = await importFiles(hq.deps, [{ name: built.fileName, data: built.data }]);
  expect(report.files[0]?.outcome.kind).toBe('applied');
  const atHq = await rowsOf(hq);
  const atOfficer = await rowsOf(officer);
  for (const id of [goodId, badId]) {
    expect(plainOf(atHq.get(id)), id).toEqual(plainOf(atOfficer.get(id)));
  }
  expect(plainOf(atHq.get(badId))?.subject).toBe('Damaged');
  return hq;
}

describe('an export over a damaged change-log row', () => {
  it('without the repair (a lead or HQ), leaves the entry out and still covers every seq', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const good = await logEntry(officer, 'Kept');
    const bad = await logEntry(officer, 'Damaged');
    const lastSeq = await changeCount(officer.db);
    await damageChange(officer, bad.id, (c) => delete c.field);

    const built = await buildChangesExport(officer.deps);
    if (!built) throw new Error('nothing built');
    expect(built.unreadable).toBe(1);
    expect(built.ranges).toEqual([{ from: 1, to: lastSeq }]);
    const hq = await hqDevice(net);
    const report = await importFiles(hq.deps, [{ name: built.fileName, data: built.data }]);
    expect(report.files[0]?.outcome.kind).toBe('applied');
    expect([...(await rowsOf(hq)).keys()]).toEqual([good.id]);
  });

  type Damage = [string, (c: Record<string, unknown>) => unknown, ('change' | 'row')?];
  it.each<Damage>([
    ['lacks its field path', (c: Record<string, unknown>) => delete c.field],
    ['has a stamp that is no string', (c: Record<string, unknown>) => (c.hlc = 42)],
    ['has lost its record id', (c: Record<string, unknown>) => delete c.recordId],
    ['has a seq that is text', (c: Record<string, unknown>) => (c.seq = String(c.seq))],
    // The save row itself (change-log.ts): no list, or no record named anywhere.
    ['row has lost its list', (r: Record<string, unknown>) => (r.changes = 'lost'), 'row'],
    // Found by review: the rest would pass for a whole write, and the export cover the lost.
    [
      'row has lost the head of its list',
      (r: Record<string, unknown>) => (r.changes as unknown[]).splice(0, 3),
      'row',
    ],
    [
      'row names an entry that is not stored',
      (r: Record<string, unknown>) => (r.recordId = 'no-such-entry'),
      'row',
    ],
    [
      'row names no record',
      (r: Record<string, unknown>) => {
        delete r.recordId;
        for (const c of r.changes as Record<string, unknown>[]) delete c.recordId;
      },
      'row',
    ],
  ])(
    'writes the entry again whole when a change %s, so HQ gets every entry whole and no gap',
    async (_how, damage, target = 'change') => {
      const officer = await officerDevice(net, OFFICER_A);
      const good = await logEntry(officer, 'Kept');
      const bad = await logEntry(officer, 'Damaged');
      await damageChange(officer, bad.id, damage, target);

      expect(await repairDamagedChanges(officer.deps)).toBeGreaterThanOrEqual(1);
      const built = await buildChangesExport(officer.deps);
      if (!built) throw new Error('nothing built');
      expect(built.unreadable).toBe(0);
      const lastSeq = await getMeta(officer.db, seqKey(officer.identity.deviceId));
      expect(built.ranges).toEqual([{ from: 1, to: lastSeq }]);

      const hq = await expectBothWholeAtHq(officer, built, good.id, bad.id);
      // HQ holds every seq: nothing is waited for.
      expect((await hq.db.exchangeSenders.get(officer.identity.deviceId))?.coverage).toEqual([
        { from: 1, to: lastSeq },
      ]);
    },
  );
});

describe('a save row that names another record than its changes', () => {
  it('sends both records again whole, and drops the row only then (found by review)', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const good = await logEntry(officer, 'Kept');
    const bad = await logEntry(officer, 'Damaged');
    // The row of bad's save now says it is good's: its changes are whole and still bad's.
    const rows = await officer.db.changes.where('recordId').equals(bad.id).toArray();
    const row = rows[0] as unknown as Record<string, unknown>;
    await officer.db.changes.put({ ...row, recordId: good.id } as never);

    expect(await repairDamagedChanges(officer.deps)).toBe(2);
    const built = await buildChangesExport(officer.deps);
    if (!built) throw new Error('nothing built');
    expect(built.unreadable).toBe(0);
    await expectBothWholeAtHq(officer, built, good.id, bad.id);
  });
});

describe('an import into a database holding damaged rows', () => {
  it('applies beside them, and the incoming changes repair a damaged row field by field', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const entry = await logEntry(officer, 'Before');
    const untouched = await logEntry(officer, 'Untouched');
    const first = await buildChangesExport(officer.deps);
    if (!first) throw new Error('nothing exported');
    const hq = await hqDevice(net);
    await importFiles(hq.deps, [{ name: first.fileName, data: first.data }]);

    // HQ's copies get damaged: one loses its data and review, the other its type; a third
    // row (a copy under another id) loses its type and gets no change in the next bundle.
    await damageRow(hq, entry.id, (row) => {
      delete row.data;
      delete row.review;
    });
    await damageRow(hq, untouched.id, (row) => delete row.type);
    const stray = { ...(await hq.db.activities.get(untouched.id)), id: 'stray-row' };
    await hq.db.activities.put(stray as ActivityRow);

    // The officer edits one field of the first entry; with no receipt yet, the next bundle
    // carries every change of both entries again.
    await updateActivity(
      officer.db,
      officer.author,
      entry.id,
      { data: { subject: 'After' } },
      { sealer: officer.sealer },
    );
    const second = await buildChangesExport(officer.deps);
    if (!second) throw new Error('nothing exported');
    const report = await importFiles(hq.deps, [{ name: second.fileName, data: second.data }]);
    expect(report.files[0]?.outcome.kind).toBe('applied');

    const repaired = await readActivity(hq.db, entry.id);
    if (!repaired || isUnreadable(repaired)) throw new Error(`still unreadable: ${entry.id}`);
    expect(repaired.data.subject).toBe('After');
    // Fields the damaged row had lost come back from the bundle, though their stamps are
    // the very ones the row holds: a field that cannot be read defends nothing.
    expect(repaired.data.meetings).toBe(1);
    expect(repaired.review.status).toBe('pending');
    const other = await readActivity(hq.db, untouched.id);
    expect(other && !isUnreadable(other) && other.type).toBe('liaison');
    // A row the bundle did not touch stays as it was: unreadable, not erased.
    expect(await readActivity(hq.db, 'stray-row')).toMatchObject({ problem: { field: 'type' } });
  });
});
