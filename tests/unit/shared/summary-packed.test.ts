// Rollups packed by month (shared/summary/packed.ts) against the reference: kept by deltas,
// they hold what a full recount holds, without an empty cell; and totals added up from the
// packed cells equal totals added up row by row, the plain way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, type ActivityTypeId } from '../../../shared/domain/index.ts';
import { NIL_REPORT_TYPE } from '../../../shared/domain/nil-report.ts';
import {
  DIMENSIONS,
  addCounters,
  addToMonth,
  cellCount,
  compareSummaries,
  deltasByMonth,
  matchesFilter,
  mergeCounters,
  packRows,
  previousPeriod,
  recount,
  regionOfPost,
  rollupDeltas,
  summarize,
  unpackTable,
  yearEarlier,
  type CountableEntry,
  type Counters,
  type Dimension,
  type PackedMonth,
  type Period,
  type RollupRow,
  type SummaryQuery,
} from '../../../shared/summary/index.ts';

const TYPES: readonly string[] = [...CATALOGUE.map((d) => d.id), NIL_REPORT_TYPE, 'unknown-type'];
const arbEntry: fc.Arbitrary<CountableEntry> = fc
  .record({
    type: fc.constantFrom(...TYPES),
    schemaVersion: fc.constantFrom(1, 1, 1, 2),
    occurredOn: fc.constantFrom('2010-03-31', '2010-04-01', '2010-05-30', '2011-01-15', 'bad'),
    postCode: fc.constantFrom('BOG', 'MEX', 'LON', 'ZZZ'),
    officerId: fc.constantFrom('a', 'b', 'c'),
    n: fc.integer({ min: 0, max: 50 }),
    flag: fc.boolean(),
  })
  .map(({ type, n, flag, ...core }) => {
    const data: Record<string, unknown> = {
      peopleTrained: n,
      persons: n,
      removals: n,
      screened: n + 1,
      cleared: n,
      referred: n,
      meetings: n,
      reports: n,
      jointActivity: flag,
    };
    return { ...core, type: type as ActivityTypeId, data };
  });

type Op =
  | { kind: 'create'; entry: CountableEntry }
  | { kind: 'edit'; index: number; entry: CountableEntry }
  | { kind: 'delete'; index: number };

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), entry: arbEntry }),
  fc.record({ kind: fc.constant('edit' as const), index: fc.nat(), entry: arbEntry }),
  fc.record({ kind: fc.constant('delete' as const), index: fc.nat() }),
);

function expectNoEmptyCell(packed: PackedMonth): void {
  expect(cellCount(packed)).toBeGreaterThan(0);
  const width = packed.columns.length;
  for (let cell = 0; cell < cellCount(packed); cell++) {
    const counters = packed.counts.subarray(cell * width, (cell + 1) * width);
    expect(counters.some((value) => value !== 0)).toBe(true);
  }
}

/** The plain way: one group per distinct key, counters added row by row. */
function summarizeByRows(rows: readonly RollupRow[], query: SummaryQuery) {
  const value = (row: RollupRow, d: Dimension): string =>
    d === 'type'
      ? row.key.type
      : d === 'region'
        ? regionOfPost(row.key.postCode)
        : d === 'post'
          ? row.key.postCode
          : d === 'officer'
            ? row.key.officerId
            : row.key.month;
  const months = new Set(['2010-04', '2010-05', '2011-01']);
  const groups = new Map<string, { key: Partial<Record<Dimension, string>>; counters: Counters }>();
  for (const row of rows) {
    if (!months.has(row.key.month) || row.key.type === NIL_REPORT_TYPE) continue;
    if (!matchesFilter(row, query.filter)) continue;
    const values = query.by.map((d) => value(row, d));
    const id = JSON.stringify(values);
    const key = Object.fromEntries(query.by.map((d, i) => [d, values[i]]));
    groups.set(id, { key, counters: addCounters(groups.get(id)?.counters ?? {}, row.counters) });
  }
  const sorted = [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => g);
  return { groups: sorted, total: mergeCounters(sorted.map((g) => g.counters)) };
}

const arbQuery: fc.Arbitrary<SummaryQuery> = fc.record({
  period: fc.constant({ kind: 'fiscal-year', fiscalYear: 2010 } as const),
  by: fc.uniqueArray(fc.constantFrom(...DIMENSIONS), { maxLength: 3 }),
  filter: fc.record(
    {
      region: fc.constantFrom('americas', 'europe', 'unknown'),
      postCode: fc.constantFrom('BOG', 'LON', 'ZZZ'),
      officerId: fc.constantFrom('a', 'b'),
      types: fc.subarray([...TYPES]),
    },
    { requiredKeys: [] },
  ),
});

/** Entries over three fiscal years, so a period, the one before and a year earlier all hold some. */
const arbSpreadEntry: fc.Arbitrary<CountableEntry> = fc
  .tuple(
    arbEntry,
    fc.constantFrom(
      '2009-04-15',
      '2009-06-30',
      '2010-01-10',
      '2010-03-31',
      '2010-04-01',
      '2010-06-15',
      '2011-01-15',
      '2011-03-31',
    ),
  )
  .map(([entry, occurredOn]) => ({ ...entry, occurredOn }));

const PERIODS: readonly Period[] = [
  { kind: 'fiscal-year', fiscalYear: 2010 },
  { kind: 'quarter', fiscalYear: 2010, quarter: 1 },
  { kind: 'month', month: '2010-04' },
  // Twelve whole months: the period before is also the year before.
  { kind: 'range', from: '2010-04-01', to: '2011-03-31' },
  { kind: 'range', from: '2010-03-15', to: '2010-06-20' },
];

describe('rollups packed by month', () => {
  it('keeps every count exact in the narrowest array that holds it', () => {
    const interception = (persons: number, postCode: string): CountableEntry => ({
      type: 'interdiction',
      schemaVersion: 1,
      occurredOn: '2010-05-02',
      postCode,
      officerId: 'a',
      data: { persons },
    });
    for (const [persons, kind] of [
      [200, Uint8Array],
      [300, Uint16Array],
      [70_000, Uint32Array],
      [2 ** 40 + 1, Float64Array],
    ] as const) {
      const entries = [interception(persons, 'BOG'), interception(1, 'LON')];
      const [packed] = packRows(recount(entries).values());
      expect(packed?.counts).toBeInstanceOf(kind);
      expect(unpackTable(packRows(recount(entries).values()))).toEqual(recount(entries));
    }
  });

  it('kept by deltas, equal a full recount and hold no empty cell or month', () => {
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 60 }), (ops) => {
        const entries: CountableEntry[] = [];
        const months = new Map<string, PackedMonth>();
        const apply = (before: CountableEntry | null, after: CountableEntry | null) => {
          for (const [month, deltas] of deltasByMonth(rollupDeltas(before, after))) {
            const next = addToMonth(months.get(month), month, deltas);
            if (next) months.set(month, next);
            else months.delete(month);
          }
        };
        for (const op of ops) {
          if (op.kind === 'create') {
            entries.push(op.entry);
            apply(null, op.entry);
            continue;
          }
          if (entries.length === 0) continue;
          const index = op.index % entries.length;
          const before = entries[index] as CountableEntry;
          const after = op.kind === 'edit' ? op.entry : { ...before, deleted: true };
          entries[index] = after;
          apply(before, after);
        }
        for (const packed of months.values()) expectNoEmptyCell(packed);
        expect(unpackTable(months.values())).toEqual(recount(entries));
      }),
      { numRuns: 300 },
    );
  });

  it('compare a period with the one before and a year earlier as summarizing each does', () => {
    fc.assert(
      fc.property(
        fc.array(arbSpreadEntry, { maxLength: 60 }),
        arbQuery,
        fc.constantFrom(...PERIODS),
        (entries, query, period) => {
          const source = { packed: packRows(recount(entries).values()) };
          const at = { ...query, period };
          const comparison = compareSummaries(source, at);
          expect(comparison.current).toEqual(summarize(source, at));
          expect(comparison.previous).toEqual(
            summarize(source, { ...at, period: previousPeriod(period) }),
          );
          expect(comparison.yearEarlier).toEqual(
            summarize(source, { ...at, period: yearEarlier(period) }),
          );
          // Each group of each period is in the comparison, with its counters.
          const keyed = (key: object) =>
            JSON.stringify(query.by.map((d) => (key as Record<string, string>)[d]));
          const byKey = new Map(comparison.groups.map((g) => [keyed(g.key), g]));
          for (const group of comparison.current.groups) {
            expect(byKey.get(keyed(group.key))?.current).toEqual(group.counters);
          }
          if (!query.by.includes('month')) {
            for (const group of comparison.yearEarlier.groups) {
              expect(byKey.get(keyed(group.key))?.yearEarlier).toEqual(group.counters);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('give the totals that adding the rows up one by one gives, for any grouping and filter', () => {
    fc.assert(
      fc.property(fc.array(arbEntry, { maxLength: 60 }), arbQuery, (entries, query) => {
        const rows = [...recount(entries).values()];
        const fromCells = summarize({ packed: packRows(rows) }, query);
        const byRows = summarizeByRows(rows, query);
        expect(fromCells.groups).toEqual(byRows.groups);
        expect(fromCells.total).toEqual(byRows.total);
      }),
      { numRuns: 300 },
    );
  });
});
