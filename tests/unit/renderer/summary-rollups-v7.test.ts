// Version 7 packs the summary rollups one row per month: a version 6 database, whose rollups
// are one row per month × post × officer × type, upgrades to packed months that give the same
// rollups (a recount of its entries) and the same summaries, with one row per month.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createActivity } from '../../../renderer/src/db/activities.ts';
import { openDatabase } from '../../../renderer/src/db/index.ts';
import { catalogueTypes } from '../../../renderer/src/db/catalogue.ts';
import { allRollups, rollupMonthSpan } from '../../../renderer/src/db/rollup-store.ts';
import { STORES_V6, type ActivityRow } from '../../../renderer/src/db/schema.ts';
import { loadSummary } from '../../../renderer/src/db/summary-queries.ts';
import { recount, rollupId } from '../../../shared/summary/measures.ts';
import { compareSummaries } from '../../../shared/summary/totals.ts';
import { freshName, liaisonInput, openTestDb, testSealer } from './db-fixtures.ts';

function meeting(occurredOn: string, meetings: number, jointActivity: boolean) {
  return {
    ...liaisonInput({ occurredOn, data: { meetings, subject: 'Briefing', counterpart: 'rcmp' } }),
    schemaVersion: 1,
    data: { meetings, subject: 'Briefing', counterpart: 'rcmp', jointActivity },
  };
}

/** Entries over two fiscal years, stored by the current version, then read back as rows. */
async function storedEntries(): Promise<ActivityRow[]> {
  const { db, author } = await openTestDb({ types: catalogueTypes });
  const sealer = await testSealer();
  const days = ['2024-04-03', '2024-04-28', '2024-11-30', '2025-03-31', '2025-04-01', '2025-07-15'];
  for (const [i, day] of days.entries()) {
    await createActivity(db, author, meeting(day, i + 1, i % 2 === 0), { sealer });
  }
  const rows = await db.activities.toArray();
  db.close();
  return rows;
}

describe('packed summary rollups (version 7)', () => {
  it('upgrades a version 6 database’s rollup rows to packed months with the same totals', async () => {
    const entries = await storedEntries();
    const expected = recount(entries);
    const name = freshName();
    const v6 = new Dexie(name);
    v6.version(6).stores(STORES_V6);
    await v6.open();
    await v6.table('activities').bulkPut(entries);
    // The rollups as versions 5 and 6 stored them: one row per key, its counters.
    await v6.table('summaryRollups').bulkPut(
      [...expected.values()].map((row) => ({
        id: rollupId(row.key),
        ...row.key,
        counters: row.counters,
      })),
    );
    v6.close();

    const upgraded = await openDatabase(name, { types: catalogueTypes });
    expect(await allRollups(upgraded)).toEqual(expected);
    const months = [...new Set([...expected.values()].map((row) => row.key.month))].sort();
    expect(await upgraded.summaryRollups.toCollection().primaryKeys()).toEqual(months);
    expect(await rollupMonthSpan(upgraded)).toEqual({ first: '2024-04', last: '2025-07' });
    for (const fiscalYear of [2024, 2025]) {
      const query = {
        period: { kind: 'fiscal-year', fiscalYear } as const,
        by: ['month' as const],
      };
      const summary = await loadSummary(upgraded, query, { role: 'hq' });
      expect(summary).toEqual(compareSummaries([...expected.values()], query));
      expect(summary.current.total.entries).toBeGreaterThan(0);
    }
    upgraded.close();
  });
});
