// Seeding a demo lead or HQ from the generated network: the entries stored as an import
// would store them (sensitive values sealed), rollups equal to a recount, the live count
// right, and seeding twice changes nothing.
import { describe, expect, it } from 'vitest';
import { type Activity } from '../../../shared/domain/activity.ts';
import { isSealed } from '../../../shared/vault/index.ts';
import { DEMO_ROSTER, generateDemoData, officerChanges } from '../../../shared/demo-data/index.ts';
import { catalogueTypes } from '../../../renderer/src/db/catalogue.ts';
import { seedDemoEntries } from '../../../renderer/src/db/demo-seed.ts';
import { getMeta } from '../../../renderer/src/db/meta.ts';
import { allRollups } from '../../../renderer/src/db/rollup-store.ts';
import { loadSummary } from '../../../renderer/src/db/summary-queries.ts';
import { recount } from '../../../shared/summary/measures.ts';
import { openTestDb, testSealer } from './db-fixtures.ts';

describe('demo seeding', () => {
  it('stores the network’s entries of a lead’s posts with their rollups, once', async () => {
    const posts = ['PAP', 'SDQ'];
    const entries = generateDemoData().entries.filter((e) => posts.includes(e.postCode));
    expect(entries.length).toBeGreaterThan(500);
    const { db } = await openTestDb({ types: catalogueTypes });
    const sealer = await testSealer();
    const progress: number[] = [];
    await seedDemoEntries(db, sealer, entries, (done) => progress.push(done));
    expect(progress.at(-1)).toBe(entries.length);
    const stored = await db.activities.toArray();
    expect(stored).toHaveLength(entries.length);
    expect(await getMeta(db, 'activityCount')).toBe(entries.length);
    expect(await allRollups(db)).toEqual(recount(entries));
    // Each field stamped as the officer's own device stamped it in its change list.
    const expected = new Map<string, Record<string, string>>();
    for (const officer of DEMO_ROSTER.filter((o) => posts.includes(o.postCode))) {
      for (const change of officerChanges(entries, officer)) {
        expected.set(change.recordId, {
          ...expected.get(change.recordId),
          [change.field]: change.hlc,
        });
      }
    }
    const sorted = (clocks: Record<string, string> = {}) =>
      JSON.stringify(Object.entries(clocks).sort(([a], [b]) => (a < b ? -1 : 1)));
    const wrong = stored.filter((row) => sorted(row.clocks) !== sorted(expected.get(row.id)));
    expect(wrong.map((row) => row.id)).toEqual([]);
    expect(Object.keys(stored[0]?.clocks ?? {}).length).toBeGreaterThan(5);
    const named = stored.find((row) => row.data['travellerName'] !== undefined);
    expect(isSealed(named?.data['travellerName'])).toBe(true);
    // The headline of FY 2010–11 from the rollups equals the entries' own sum.
    const fy = await loadSummary(
      db,
      { period: { kind: 'fiscal-year', fiscalYear: 2010 }, by: [] },
      { role: 'hq' },
    );
    const removals = entries
      .filter(
        (e) => e.type === 'removal' && e.occurredOn >= '2010-04-01' && e.occurredOn <= '2011-03-31',
      )
      .reduce((n, e) => n + Number(e.data['removals']), 0);
    expect(removals).toBeGreaterThan(0);
    expect(fy.current.total.removalsAssisted).toBe(removals);

    await seedDemoEntries(db, sealer, entries);
    expect(await getMeta(db, 'activityCount')).toBe(entries.length);
    expect(await allRollups(db)).toEqual(recount(entries));
    db.close();
  }, 30_000);

  it('starts from what is stored: a second seeding over part of it moves the rollups by the difference', async () => {
    const all = generateDemoData().entries.filter((e) => ['KIN', 'BEY'].includes(e.postCode));
    const kingston = all.filter((e) => e.postCode === 'KIN');
    expect(kingston.length).toBeGreaterThan(100);
    const { db } = await openTestDb({ types: catalogueTypes });
    const sealer = await testSealer();
    await seedDemoEntries(db, sealer, kingston);
    expect(await allRollups(db)).toEqual(recount(kingston));

    // Kingston again with one removal entry now counting 5 more, and Beirut for the first time.
    const changedAt = all.findIndex((e) => e.postCode === 'KIN' && e.type === 'removal');
    expect(changedAt).toBeGreaterThanOrEqual(0);
    const original = all[changedAt] as Activity;
    const changed: Activity = {
      ...original,
      data: { ...original.data, removals: Number(original.data['removals']) + 5 },
    };
    const second = all.map((e, i) => (i === changedAt ? changed : e));
    await seedDemoEntries(db, sealer, second);
    expect(await db.activities.count()).toBe(all.length);
    expect(await getMeta(db, 'activityCount')).toBe(all.length);
    expect(await allRollups(db)).toEqual(recount(second));
    expect((await db.activities.get(changed.id))?.data['removals']).toBe(
      Number(original.data['removals']) + 5,
    );
    db.close();
  }, 30_000);
});
