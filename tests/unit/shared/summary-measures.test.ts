import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, countingFields, type ActivityTypeId } from '../../../shared/domain/index.ts';
import {
  MEASURE_IDS,
  MEASURES,
  addCounters,
  applyDeltas,
  contributionOf,
  measureProblems,
  mergeCounters,
  recount,
  rollupDeltas,
  subtractCounters,
  summaryMessages,
  type CountableEntry,
  type RollupTable,
} from '../../../shared/summary/index.ts';

function entry(
  type: string,
  data: Record<string, unknown>,
  more: Partial<CountableEntry> = {},
): CountableEntry {
  return {
    type,
    schemaVersion: 1,
    occurredOn: '2010-05-12',
    postCode: 'BOG',
    officerId: 'officer-1',
    data,
    ...more,
  };
}

// A small data set whose totals are worked out by hand below.
const HAND_SET: CountableEntry[] = [
  entry('training', { peopleTrained: 25 }),
  entry('training', { peopleTrained: 40 }, { occurredOn: '2010-06-01' }),
  entry('interdiction', { persons: 3 }),
  entry('interdiction', { persons: 1 }, { postCode: 'MEX' }),
  entry('facilitation', { persons: 4 }),
  entry('removal', { removals: 2, escorted: true }),
  entry('evacuation', { screened: 120, cleared: 100, referred: 15 }),
  entry('evacuation', { screened: 30, cleared: 30, referred: 0 }),
  entry('liaison', { meetings: 2, jointActivity: true }),
  entry('liaison', { meetings: 5, jointActivity: false }),
  entry('info-report', { reports: 1 }),
  entry('training', { peopleTrained: 99 }, { deleted: true }),
  entry('drone-survey', { flights: 7 }),
  entry('training', { peopleTrained: 12 }, { schemaVersion: 2 }),
];

describe('summary measures', () => {
  it('agree with the catalogue: every counting field has a measure, every measure a field', () => {
    expect(measureProblems()).toEqual([]);
    for (const def of CATALOGUE) {
      for (const field of countingFields(def)) {
        const summed = MEASURES.filter(
          (m) => m.type === def.id && m.rule.kind === 'sum' && m.rule.field === field.name,
        );
        expect(summed, `${def.id}.${field.name}`).toHaveLength(1);
      }
      expect(MEASURES.filter((m) => m.type === def.id && m.headline)).toHaveLength(1);
    }
  });

  it('counts each measure of a hand-checked data set', () => {
    const total = mergeCounters([...recount(HAND_SET).values()].map((row) => row.counters));
    expect(total).toEqual({
      peopleTrained: 25 + 40,
      trainingSessions: 2,
      personsIntercepted: 3 + 1,
      travellersFacilitated: 4,
      removalsAssisted: 2,
      personsScreened: 120 + 30,
      personsCleared: 100 + 30,
      personsReferred: 15 + 0,
      liaisonMeetings: 2 + 5,
      jointActivities: 1,
      infoReports: 1,
      // 11 live known entries; the deleted one counts for nothing.
      entries: 11,
      // the unknown type and the newer training schema.
      notCounted: 2,
    });
  });

  it('buckets an entry by month, post, officer and type', () => {
    const table = recount(HAND_SET);
    const keys = [...table.values()].map((row) => row.key);
    expect(keys).toContainEqual({
      month: '2010-06',
      postCode: 'BOG',
      officerId: 'officer-1',
      type: 'training',
    });
    const mex = [...table.values()].find((row) => row.key.postCode === 'MEX');
    expect(mex?.counters).toEqual({ entries: 1, personsIntercepted: 1 });
  });

  it('counts apart, and adds no measure for, an entry it cannot read', () => {
    expect(contributionOf(entry('drone-survey', { flights: 7 }))?.counters).toEqual({
      notCounted: 1,
    });
    expect(
      contributionOf(entry('training', { peopleTrained: 5 }, { schemaVersion: 2 }))?.counters,
    ).toEqual({ notCounted: 1 });
    expect(contributionOf(entry('training', { peopleTrained: 2.5 }))?.counters).toEqual({
      notCounted: 1,
    });
    const badDate = contributionOf(
      entry('training', { peopleTrained: 5 }, { occurredOn: '2010-02-30' }),
    );
    expect(badDate).toEqual({
      key: { month: '', postCode: 'BOG', officerId: 'officer-1', type: 'training' },
      counters: { notCounted: 1 },
    });
    expect(contributionOf(entry('training', { peopleTrained: 5 }, { deleted: true }))).toBeNull();
  });

  it('counts apart a row damaged on disk that lost its data, instead of throwing', () => {
    const damaged = { ...entry('training', {}), data: undefined } as unknown as CountableEntry;
    expect(contributionOf(damaged)?.counters).toEqual({ notCounted: 1 });
    const nulled = { ...entry('interdiction', {}), data: null } as unknown as CountableEntry;
    expect(contributionOf(nulled)?.counters).toEqual({ notCounted: 1 });
  });

  it('adds, subtracts and merges counters, dropping zeros', () => {
    expect(addCounters({ entries: 1, peopleTrained: 3 }, { peopleTrained: 4 })).toEqual({
      entries: 1,
      peopleTrained: 7,
    });
    expect(
      subtractCounters({ entries: 1, peopleTrained: 3 }, { entries: 1, peopleTrained: 3 }),
    ).toEqual({});
    expect(mergeCounters([{ infoReports: 1 }, { infoReports: 2 }, {}])).toEqual({ infoReports: 3 });
  });

  it('turns an edit in the same bucket into one net delta, and a move into two', () => {
    const before = entry('interdiction', { persons: 3 });
    expect(rollupDeltas(before, entry('interdiction', { persons: 5 }))).toEqual([
      { key: contributionOf(before)?.key, counters: { personsIntercepted: 2 } },
    ]);
    expect(rollupDeltas(before, { ...before })).toEqual([]);
    const moved = rollupDeltas(
      before,
      entry('interdiction', { persons: 3 }, { occurredOn: '2010-07-01' }),
    );
    expect(moved.map((d) => [d.key.month, d.counters])).toEqual([
      ['2010-05', { entries: -1, personsIntercepted: -3 }],
      ['2010-07', { entries: 1, personsIntercepted: 3 }],
    ]);
    expect(rollupDeltas(before, { ...before, deleted: true })).toEqual([
      { key: contributionOf(before)?.key, counters: { entries: -1, personsIntercepted: -3 } },
    ]);
  });

  it('has a label for every counter in both languages', () => {
    for (const id of [...MEASURE_IDS, 'entries', 'notCounted'] as const) {
      expect(summaryMessages.en.summary.counters[id]).toBeTruthy();
      expect(summaryMessages.fr.summary.counters[id]).toBeTruthy();
      expect(summaryMessages.fr.summary.counters[id]).not.toBe(
        summaryMessages.en.summary.counters[id],
      );
    }
  });
});

// Random entries over a few buckets, so edits often land in the same row as other entries.
const TYPES: readonly string[] = [...CATALOGUE.map((d) => d.id), 'unknown-type'];
const arbEntry: fc.Arbitrary<CountableEntry> = fc
  .record({
    type: fc.constantFrom(...TYPES),
    schemaVersion: fc.constantFrom(1, 1, 1, 2),
    occurredOn: fc.constantFrom('2010-03-31', '2010-04-01', '2010-04-30', '2011-01-15', 'bad'),
    postCode: fc.constantFrom('BOG', 'MEX'),
    officerId: fc.constantFrom('a', 'b'),
    n: fc.integer({ min: 0, max: 50 }),
    m: fc.integer({ min: 0, max: 50 }),
    flag: fc.boolean(),
  })
  .map(({ type, n, m, flag, ...core }) => {
    const data: Record<string, unknown> = {
      peopleTrained: n,
      persons: n,
      removals: n,
      screened: n + m,
      cleared: m,
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

describe('rollups kept incrementally', () => {
  it('equal a full recount of the final entries after random creates, edits and deletes', () => {
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 60 }), (ops) => {
        const entries: CountableEntry[] = [];
        const table: RollupTable = new Map();
        for (const op of ops) {
          if (op.kind === 'create') {
            entries.push(op.entry);
            applyDeltas(table, rollupDeltas(null, op.entry));
            continue;
          }
          if (entries.length === 0) continue;
          const index = op.index % entries.length;
          const before = entries[index];
          if (!before) continue;
          // A delete keeps a tombstone, as the store does; a deleted entry can be edited back.
          const after = op.kind === 'edit' ? op.entry : { ...before, deleted: true };
          entries[index] = after;
          applyDeltas(table, rollupDeltas(before, after));
        }
        expect(new Map([...table].sort())).toEqual(new Map([...recount(entries)].sort()));
      }),
      { numRuns: 300 },
    );
  });
});
