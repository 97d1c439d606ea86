// Summary queries at the database: rollups only (the entries table is left empty here, so a
// query that scanned entries would find nothing), scoped by role, compared with the period
// before and a year earlier. The numbers are counted by hand from ENTRIES.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LiaisonDb } from '../../../renderer/src/db/index.ts';
import { toStoredRollup } from '../../../renderer/src/db/rollups.ts';
import {
  loadSummary,
  scopeFor,
  type SummaryScope,
} from '../../../renderer/src/db/summary-queries.ts';
import { packRows, recount, type CountableEntry } from '../../../shared/summary/index.ts';
import { openTestDb } from './db-fixtures.ts';

function entry(
  type: string,
  occurredOn: string,
  postCode: string,
  officerId: string,
  data: Record<string, unknown>,
): CountableEntry {
  return { type, schemaVersion: 1, occurredOn, postCode, officerId, data };
}

// BOG and MEX are in the Americas, LON in Europe.
const ENTRIES: CountableEntry[] = [
  entry('interdiction', '2010-04-01', 'BOG', 'ana', { persons: 3 }),
  entry('interdiction', '2010-06-30', 'BOG', 'ben', { persons: 4 }),
  entry('interdiction', '2011-03-31', 'MEX', 'carl', { persons: 2 }),
  entry('interdiction', '2011-04-01', 'BOG', 'ana', { persons: 50 }),
  entry('interdiction', '2010-03-31', 'BOG', 'ana', { persons: 7 }),
  entry('interdiction', '2009-04-15', 'LON', 'dee', { persons: 11 }),
  entry('training', '2010-05-20', 'LON', 'dee', { peopleTrained: 30 }),
  entry('removal', '2010-12-01', 'MEX', 'carl', { removals: 6 }),
];

const FY2010 = { kind: 'fiscal-year', fiscalYear: 2010 } as const;
const HQ: SummaryScope = { role: 'hq' };

let db: LiaisonDb;
beforeEach(async () => {
  ({ db } = await openTestDb());
  await db.summaryRollups.bulkPut(packRows(recount(ENTRIES).values()).map(toStoredRollup));
});
afterEach(() => db.close());

describe('summary queries over stored rollups', () => {
  it('gives HQ the network’s fiscal year by type, beside the year before', async () => {
    const result = await loadSummary(db, { period: FY2010, by: ['type'] }, HQ);
    // FY 2010–11: 3 + 4 + 2 intercepted (1 April 2010 … 31 March 2011), 30 trained, 6 removals.
    expect(result.current.total).toMatchObject({
      personsIntercepted: 9,
      peopleTrained: 30,
      removalsAssisted: 6,
      entries: 5,
    });
    const interdiction = result.groups.find((g) => g.key.type === 'interdiction');
    // FY 2009–10: 7 (31 March 2010) + 11 (LON, April 2009).
    expect(interdiction?.previous.personsIntercepted).toBe(18);
    expect(interdiction?.yearEarlier.personsIntercepted).toBe(18);
    expect(interdiction?.current.personsIntercepted).toBe(9);
  });

  it('groups by post and by region', async () => {
    const byPost = await loadSummary(db, { period: FY2010, by: ['post'] }, HQ);
    const post = (code: string) => byPost.groups.find((g) => g.key.post === code)?.current;
    expect(post('BOG')).toMatchObject({ personsIntercepted: 7, entries: 2 });
    expect(post('MEX')).toMatchObject({ personsIntercepted: 2, removalsAssisted: 6 });
    expect(post('LON')).toMatchObject({ peopleTrained: 30 });
    const byRegion = await loadSummary(db, { period: FY2010, by: ['region'] }, HQ);
    const regions = byRegion.groups.map((g) => [g.key.region, g.current.entries]);
    expect(regions).toEqual([
      ['americas', 4],
      ['europe', 1],
    ]);
  });

  it('gives a quarter beside the quarter before and the same quarter a year earlier', async () => {
    const q1 = { kind: 'quarter', fiscalYear: 2010, quarter: 1 } as const;
    const result = await loadSummary(db, { period: q1, by: [] }, HQ);
    // Q1 (April–June 2010): 3 + 4 intercepted, 30 trained.
    expect(result.current.total).toMatchObject({ personsIntercepted: 7, peopleTrained: 30 });
    // Q4 FY 2009–10 (January–March 2010): 7. Q1 FY 2009–10: 11.
    expect(result.previous.total.personsIntercepted).toBe(7);
    expect(result.yearEarlier.total.personsIntercepted).toBe(11);
  });

  it('limits an officer to its own entries and a lead to its posts', async () => {
    const ana = await loadSummary(db, { period: FY2010, by: [] }, scopeFor('officer', 'ana'));
    expect(ana.current.total).toEqual({ personsIntercepted: 3, entries: 1 });
    const lead = await loadSummary(
      db,
      { period: FY2010, by: ['post'] },
      scopeFor('lead', 'lead-x', ['MEX']),
    );
    expect(lead.groups.map((g) => g.key.post)).toEqual(['MEX']);
    expect(lead.current.total).toMatchObject({ personsIntercepted: 2, removalsAssisted: 6 });
  });

  it('gives a month-by-month trend and a custom range of whole months', async () => {
    const trend = await loadSummary(
      db,
      { period: FY2010, by: ['month'], filter: { postCode: 'BOG' } },
      HQ,
    );
    expect(trend.current.groups.map((g) => [g.key.month, g.counters.personsIntercepted])).toEqual([
      ['2010-04', 3],
      ['2010-06', 4],
    ]);
    const range = { kind: 'range', from: '2010-12-01', to: '2011-03-31' } as const;
    const winter = await loadSummary(db, { period: range, by: [] }, HQ);
    expect(winter.current.total).toMatchObject({ personsIntercepted: 2, removalsAssisted: 6 });
  });

  it('gives an empty summary for a period with nothing in it', async () => {
    const empty = await loadSummary(
      db,
      { period: { kind: 'fiscal-year', fiscalYear: 2014 }, by: ['type'] },
      HQ,
    );
    expect(empty.current.groups).toEqual([]);
    expect(empty.current.total).toEqual({});
  });
});
