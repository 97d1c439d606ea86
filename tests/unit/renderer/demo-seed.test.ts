// Seeding a demo lead or HQ from the generated network: the entries stored as an import
// would store them (sensitive values sealed), rollups equal to a recount, the live count
// right, and seeding twice changes nothing.
import { describe, expect, it } from 'vitest';
import { isSealed } from '../../../shared/vault/index.ts';
import { generateDemoData } from '../../../shared/demo-data/index.ts';
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
});
