// The stored summary rollups against shared/summary's full recount: after random saves,
// edits, deletes and imports on officers' devices and HQ, every device's rollups equal a
// recount of its entries; the v4 upgrade and the rebuild action count what is stored.
import Dexie from 'dexie';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createActivity,
  deleteActivity,
  updateActivity,
} from '../../../renderer/src/db/activities.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import { openDatabase } from '../../../renderer/src/db/index.ts';
import { fileNilReport } from '../../../renderer/src/db/nil-reports.ts';
import { catalogueTypes } from '../../../renderer/src/db/catalogue.ts';
import {
  allRollups,
  FOLD_EVERY,
  foldRollupJournal,
  rebuildRollups,
} from '../../../renderer/src/db/rollup-store.ts';
import { applyRollupDeltas, unpackStoredRollups } from '../../../renderer/src/db/rollups.ts';
import { STORES_V3 } from '../../../renderer/src/db/schema.ts';
import { recount, rollupDeltas, rollupId } from '../../../shared/summary/measures.ts';
import { freshName, liaisonInput, openTestDb, testSealer, testTypes } from './db-fixtures.ts';
import {
  OFFICER_A,
  OFFICER_B,
  hqDevice,
  makeNetwork,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

/** A liaison entry the real catalogue counts (its liaison type is version 1). */
function meeting(occurredOn: string, meetings: number, jointActivity = false) {
  return {
    ...liaisonInput({ occurredOn, data: { meetings, subject: 'Briefing', counterpart: 'rcmp' } }),
    schemaVersion: 1,
    data: { meetings, subject: 'Briefing', counterpart: 'rcmp', jointActivity },
  };
}

async function expectRollupsMatchEntries(device: { db: TestDevice['db'] }): Promise<void> {
  const entries = await device.db.activities.toArray();
  expect(await allRollups(device.db)).toEqual(recount(entries));
}

describe('summary rollups kept in the write transaction', () => {
  it('counts a save, moves an edit to its new month and takes a delete away', async () => {
    // The real catalogue: its liaison type has the joint-activity flag.
    const { db, author } = await openTestDb({ types: catalogueTypes });
    const sealer = await testSealer();
    const a = await createActivity(db, author, meeting('2025-04-10', 3, true), { sealer });
    await createActivity(db, author, meeting('2025-04-20', 2), { sealer });
    const april = rollupId({
      month: '2025-04',
      postCode: 'BOG',
      officerId: author.officerId,
      type: 'liaison',
    });
    const may = rollupId({
      month: '2025-05',
      postCode: 'BOG',
      officerId: author.officerId,
      type: 'liaison',
    });
    // 3 + 2 meetings, 2 entries, 1 joint activity: counted by hand.
    expect((await allRollups(db)).get(april)?.counters).toEqual({
      entries: 2,
      liaisonMeetings: 5,
      jointActivities: 1,
    });
    await updateActivity(
      db,
      author,
      a.id,
      { occurredOn: '2025-05-02', data: { meetings: 4 } },
      { sealer },
    );
    const moved = await allRollups(db);
    expect(moved.get(april)?.counters).toEqual({ entries: 1, liaisonMeetings: 2 });
    expect(moved.get(may)?.counters).toEqual({
      entries: 1,
      liaisonMeetings: 4,
      jointActivities: 1,
    });
    await deleteActivity(db, author, a.id);
    const after = await allRollups(db);
    expect(after.has(may)).toBe(false);
    expect(after.get(april)?.counters).toEqual({ entries: 1, liaisonMeetings: 2 });
    db.close();
  });

  it('reads each month the deltas touch once, in one batch, and adds to what the journal holds', async () => {
    const { db, author } = await openTestDb({ types: catalogueTypes });
    const sealer = await testSealer();
    await createActivity(db, author, meeting('2025-04-10', 3), { sealer });
    await createActivity(db, author, meeting('2025-05-10', 1), { sealer });
    await foldRollupJournal(db);
    await createActivity(db, author, meeting('2025-05-20', 2), { sealer });
    const entries = await db.activities.toArray();
    // Two more entries in each month, as copies (an import's many entries).
    const copies = [...entries, ...entries].map((entry, i) => ({ ...entry, id: `copy-${i}` }));
    const bulkGet = vi.spyOn(db.summaryRollups, 'bulkGet');
    await db.transaction('rw', db.summaryRollups, () =>
      applyRollupDeltas(
        db.summaryRollups,
        copies.flatMap((copy) => rollupDeltas(null, copy)),
      ),
    );
    expect(bulkGet.mock.calls.map(([ids]) => [...ids].sort())).toEqual([['2025-04', '2025-05']]);
    // May's journal row (the third save) is still apart, and still counted.
    expect(await db.rollupJournal.count()).toBe(1);
    expect(await allRollups(db)).toEqual(recount([...entries, ...copies]));
    db.close();
  });

  it('builds the rollups of entries stored before version 5, and rebuilds them on demand', async () => {
    const { db, author, name } = await openTestDb();
    const sealer = await testSealer();
    for (const [day, n] of [
      ['2025-04-01', 1],
      ['2025-04-30', 2],
      ['2025-06-15', 7],
    ] as const)
      await createActivity(db, author, meeting(day, n), { sealer });
    const expected = await allRollups(db);
    db.close();
    // The same entries in a version 3 database with no rollups.
    const rows = await (async () => {
      const again = await openDatabase(name, { types: testTypes });
      const all = await again.activities.toArray();
      again.close();
      return all;
    })();
    const v3Name = freshName();
    const v3 = new Dexie(v3Name);
    v3.version(3).stores(STORES_V3);
    await v3.open();
    await v3.table('activities').bulkPut(rows);
    v3.close();
    const upgraded = await openDatabase(v3Name, { types: testTypes });
    expect(await allRollups(upgraded)).toEqual(expected);
    await upgraded.summaryRollups.clear();
    const progress: number[] = [];
    await rebuildRollups(upgraded, (done) => progress.push(done));
    expect(await allRollups(upgraded)).toEqual(expected);
    expect(progress.at(-1)).toBe(3);
    upgraded.close();
  });
});

type Op =
  | { kind: 'save'; who: 0 | 1; month: number; meetings: number; joint: boolean }
  | { kind: 'edit'; pick: number; month: number; meetings: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'import'; who: 0 | 1 }
  | { kind: 'fold'; who: 0 | 1 | 2 };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('save' as const),
    who: fc.constantFrom(0 as const, 1 as const),
    month: fc.integer({ min: 1, max: 14 }),
    meetings: fc.integer({ min: 0, max: 9 }),
    joint: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    pick: fc.nat(),
    month: fc.integer({ min: 1, max: 14 }),
    meetings: fc.integer({ min: 0, max: 9 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('import' as const), who: fc.constantFrom(0 as const, 1 as const) }),
  // The journal folded into the packed months at any point (rollup-store.ts).
  fc.record({
    kind: fc.constant('fold' as const),
    who: fc.constantFrom(0 as const, 1 as const, 2 as const),
  }),
);

/** Month 1 is April 2025; 13 and 14 run into the next fiscal year. */
function dayOf(month: number): string {
  const index = 2025 * 12 + 3 + (month - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-15`;
}

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A, OFFICER_B]);
});

describe('the rollup journal', () => {
  it('is folded into the packed months after every FOLD_EVERY-th local write, totals unchanged', async () => {
    const { db, author } = await openTestDb({ types: catalogueTypes });
    const sealer = await testSealer();
    for (let i = 0; i < FOLD_EVERY - 1; i++) {
      await createActivity(db, author, meeting(dayOf(1 + (i % 3)), 1 + (i % 4)), { sealer });
    }
    // Nothing folded yet: each write is a journal row, no packed month was written.
    expect(await db.rollupJournal.count()).toBe(FOLD_EVERY - 1);
    expect(await db.summaryRollups.count()).toBe(0);
    await expectRollupsMatchEntries({ db });
    await createActivity(db, author, meeting(dayOf(2), 5), { sealer });
    // The fold runs after the write committed, in its own transaction.
    await vi.waitFor(async () => expect(await db.rollupJournal.count()).toBe(0));
    expect(await db.summaryRollups.count()).toBe(3);
    expect(unpackStoredRollups(await db.summaryRollups.toArray())).toEqual(
      recount(await db.activities.toArray()),
    );
    // A rebuild counts everything again and empties the journal.
    await createActivity(db, author, meeting(dayOf(4), 2), { sealer });
    expect(await db.rollupJournal.count()).toBe(1);
    await rebuildRollups(db);
    expect(await db.rollupJournal.count()).toBe(0);
    await expectRollupsMatchEntries({ db });
    db.close();
  });
});

describe('the rollup journal inside a nested write', () => {
  it('folds only once the outer write committed, and a failing fold costs that write nothing', async () => {
    const { db, author } = await openTestDb({ types: catalogueTypes });
    const sealer = await testSealer();
    for (let i = 0; i < FOLD_EVERY - 1; i++) {
      await createActivity(db, author, meeting(dayOf(1), 1), { sealer });
    }
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const deletes = vi
      .spyOn(db.rollupJournal, 'bulkDelete')
      .mockRejectedValueOnce(new Error('fold broke'));
    // A nil report's save runs nested in fileNilReport's transaction: the 32nd journal row.
    const filed = await fileNilReport(db, author, '2025-03', '2025-04-20');
    expect(filed.ok).toBe(true);
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(
        'The summary rollups journal could not be folded',
        expect.anything(),
      ),
    );
    expect(deletes).toHaveBeenCalledTimes(1);
    // The nil report is stored and counted; the journal stays and is still added in.
    expect(await db.activities.count()).toBe(FOLD_EVERY);
    expect(await db.rollupJournal.count()).toBe(FOLD_EVERY);
    await expectRollupsMatchEntries({ db });
    warn.mockRestore();
    db.close();
  });
});

describe('summary rollups under random writes and imports', () => {
  it('equal a full recount on every device after any sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        const officers = [await officerDevice(net, OFFICER_A), await officerDevice(net, OFFICER_B)];
        const hq = await hqDevice(net);
        const live: { who: 0 | 1; id: string }[] = [];
        for (const op of ops) {
          if (op.kind === 'save') {
            const officer = officers[op.who] as TestDevice;
            const saved = await createActivity(
              officer.db,
              officer.author,
              meeting(dayOf(op.month), op.meetings, op.joint),
              { sealer: officer.sealer },
            );
            live.push({ who: op.who, id: saved.id });
          } else if (op.kind === 'import') {
            const built = await buildChangesExport((officers[op.who] as TestDevice).deps);
            if (built) await importFiles(hq.deps, [{ name: built.fileName, data: built.data }]);
          } else if (op.kind === 'fold') {
            await foldRollupJournal(([...officers, hq][op.who] as TestDevice).db);
          } else if (live.length > 0) {
            const index = op.pick % live.length;
            const target = live[index] as { who: 0 | 1; id: string };
            const officer = officers[target.who] as TestDevice;
            if (op.kind === 'edit') {
              await updateActivity(
                officer.db,
                officer.author,
                target.id,
                { occurredOn: dayOf(op.month), data: { meetings: op.meetings } },
                { sealer: officer.sealer },
              );
            } else {
              await deleteActivity(officer.db, officer.author, target.id);
              live.splice(index, 1);
            }
          }
        }
        for (const device of [...officers, hq]) {
          await expectRollupsMatchEntries(device);
          // Folded, the journal is empty and the packed months alone are the totals.
          await foldRollupJournal(device.db);
          expect(await device.db.rollupJournal.count()).toBe(0);
          expect(unpackStoredRollups(await device.db.summaryRollups.toArray())).toEqual(
            recount(await device.db.activities.toArray()),
          );
          device.db.close();
        }
      }),
      { numRuns: 16 },
    );
  }, 60_000);
});
