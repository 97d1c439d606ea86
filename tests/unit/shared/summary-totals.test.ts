import { describe, expect, it } from 'vitest';
import {
  compareSummaries,
  drillDimension,
  drillInto,
  drillLevel,
  drillUp,
  recount,
  summarize,
  type CountableEntry,
  type RollupRow,
} from '../../../shared/summary/index.ts';

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
  entry('interdiction', '2011-03-31', 'BOG', 'ben', { persons: 2 }),
  entry('interdiction', '2011-04-01', 'BOG', 'ana', { persons: 50 }),
  entry('interdiction', '2010-03-31', 'MEX', 'carl', { persons: 7 }),
  entry('interdiction', '2009-05-20', 'LON', 'dee', { persons: 11 }),
  entry('training', '2010-05-20', 'LON', 'dee', { peopleTrained: 30 }),
  entry('training', '2010-05-21', 'MEX', 'carl', { peopleTrained: 10 }),
];
const ROWS: RollupRow[] = [...recount(ENTRIES).values()];
const FY2010 = { kind: 'fiscal-year', fiscalYear: 2010 } as const;

describe('summaries from rollups', () => {
  it('totals a fiscal year, leaving out 31 March before it and 1 April after it', () => {
    const summary = summarize(ROWS, { period: FY2010, by: [] });
    // 3 + 2 intercepted (BOG); 30 + 10 trained; 4 entries.
    expect(summary.total).toEqual({
      entries: 4,
      personsIntercepted: 5,
      peopleTrained: 40,
      trainingSessions: 2,
    });
  });

  it('groups by region and by post × type', () => {
    const byRegion = summarize(ROWS, { period: FY2010, by: ['region'] });
    expect(byRegion.groups.map((g) => [g.key.region, g.counters.entries])).toEqual([
      ['americas', 3],
      ['europe', 1],
    ]);
    const byPostType = summarize(ROWS, { period: FY2010, by: ['post', 'type'] });
    expect(
      byPostType.groups.map((g) => [g.key.post, g.key.type, g.counters.personsIntercepted ?? 0]),
    ).toEqual([
      ['BOG', 'interdiction', 5],
      ['LON', 'training', 0],
      ['MEX', 'training', 0],
    ]);
  });

  it('filters by region, post, officer and type', () => {
    const total = (filter: object): number | undefined =>
      summarize(ROWS, { period: FY2010, by: [], filter }).total.entries;
    expect(total({ region: 'europe' })).toBe(1);
    expect(total({ postCode: 'BOG' })).toBe(2);
    expect(total({ postCode: 'BOG', officerId: 'ben' })).toBe(1);
    expect(total({ types: ['training'] })).toBe(2);
    expect(total({ region: 'asia-pacific' })).toBeUndefined();
  });

  it('compares with the previous year and aligns months by position', () => {
    const comparison = compareSummaries(ROWS, { period: FY2010, by: ['type'] });
    expect(comparison.groups).toEqual([
      {
        key: { type: 'interdiction' },
        current: { entries: 2, personsIntercepted: 5 },
        // FY 2009–2010: LON in May 2009 and MEX on 31 March 2010.
        previous: { entries: 2, personsIntercepted: 18 },
        yearEarlier: { entries: 2, personsIntercepted: 18 },
      },
      {
        key: { type: 'training' },
        current: { entries: 2, peopleTrained: 40, trainingSessions: 2 },
        previous: {},
        yearEarlier: {},
      },
    ]);
    const monthly = compareSummaries(ROWS, {
      period: { kind: 'quarter', fiscalYear: 2010, quarter: 1 },
      by: ['month'],
      filter: { types: ['interdiction'] },
    });
    expect(
      monthly.groups.map((g) => [
        g.key.month,
        g.current.personsIntercepted,
        g.previous.personsIntercepted,
        g.yearEarlier.personsIntercepted,
      ]),
    ).toEqual([
      // Q4 2009 (Jan–Mar 2010) sits beside Q1: its third month, March, beside June.
      ['2010-04', 3, undefined, undefined],
      ['2010-05', undefined, undefined, 11],
      ['2010-06', undefined, 7, undefined],
    ]);
  });

  it('drills from the network to a region, a post, an officer, and back up', () => {
    expect(drillLevel({})).toBe('network');
    expect(drillDimension({})).toBe('region');
    const region = drillInto({}, { region: 'americas' });
    expect(region).toEqual({ region: 'americas' });
    const post = drillInto(region, { post: 'BOG' });
    expect(post).toEqual({ region: 'americas', postCode: 'BOG' });
    expect(drillDimension(post)).toBe('officer');
    const officer = drillInto(post, { officer: 'ana' });
    expect(drillLevel(officer)).toBe('officer');
    expect(drillDimension(officer)).toBe('type');
    expect(summarize(ROWS, { period: FY2010, by: [], filter: officer }).total).toEqual({
      entries: 1,
      personsIntercepted: 3,
    });
    expect(drillUp(officer)).toEqual(post);
    expect(drillUp(post)).toEqual(region);
    expect(drillUp(region)).toEqual({});
    // A type is the path's last step: up drops it first, at any level, then the place rises.
    expect(drillUp({ types: ['training'] })).toEqual({});
    expect(drillUp({ ...post, types: ['training'] })).toEqual(post);
    expect(drillUp({ ...officer, types: ['removal'] })).toEqual(officer);
    expect(() => drillInto({}, { post: 'BOG' })).toThrow(RangeError);
  });
});
