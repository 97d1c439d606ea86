// What summaries count, defined once from the activity-type catalogue, and the rollup
// arithmetic on it: an entry falls in one bucket (month × post × officer × type) and adds its
// measure values there; an edit subtracts the old contribution and adds the new one, a
// delete subtracts. Pure: no I/O, no clock, so the database, the import, the demo generator
// and the tests all count the same way.
import { type ActivityTypeId } from '../domain/catalogue-types.ts';
import { findActivityType, getActivityType, getField } from '../domain/catalogue.ts';
import { parseIsoDate } from '../domain/dates.ts';
import { isNilReport } from '../domain/nil-report.ts';

/**
 * How a measure reads an entry: 'sum' adds an integer field; 'entries' counts the entry
 * itself (one training entry is one session); 'entriesWhere' counts the entry when a boolean
 * field is true (a liaison entry marked as a joint CBSA–RCMP activity).
 */
export type MeasureRule =
  | { readonly kind: 'sum'; readonly field: string }
  | { readonly kind: 'entries' }
  | { readonly kind: 'entriesWhere'; readonly field: string };

export interface MeasureDef {
  readonly id: MeasureId;
  readonly type: ActivityTypeId;
  readonly rule: MeasureRule;
  /** The type's headline figure (its catalogue countField): the one a chart per type shows. */
  readonly headline: boolean;
}

/** In display order: by activity type as the catalogue orders them, headline first. */
export const MEASURE_IDS = [
  'peopleTrained',
  'trainingSessions',
  'personsIntercepted',
  'travellersFacilitated',
  'removalsAssisted',
  'personsScreened',
  'personsCleared',
  'personsReferred',
  'liaisonMeetings',
  'jointActivities',
  'infoReports',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

const sum = (field: string): MeasureRule => ({ kind: 'sum', field });

const RULES: Readonly<Record<MeasureId, readonly [ActivityTypeId, MeasureRule]>> = {
  peopleTrained: ['training', sum('peopleTrained')],
  trainingSessions: ['training', { kind: 'entries' }],
  personsIntercepted: ['interdiction', sum('persons')],
  travellersFacilitated: ['facilitation', sum('persons')],
  removalsAssisted: ['removal', sum('removals')],
  personsScreened: ['evacuation', sum('screened')],
  personsCleared: ['evacuation', sum('cleared')],
  personsReferred: ['evacuation', sum('referred')],
  liaisonMeetings: ['liaison', sum('meetings')],
  jointActivities: ['liaison', { kind: 'entriesWhere', field: 'jointActivity' }],
  infoReports: ['info-report', sum('reports')],
};

export const MEASURES: readonly MeasureDef[] = MEASURE_IDS.map((id) => {
  const [type, rule] = RULES[id];
  const def = getActivityType(type);
  const headline = rule.kind === 'sum' && rule.field === def.countField;
  return { id, type, rule, headline };
});

const measuresByType = new Map<string, readonly MeasureDef[]>();
for (const measure of MEASURES) {
  measuresByType.set(measure.type, [...(measuresByType.get(measure.type) ?? []), measure]);
}

export function measuresOf(type: ActivityTypeId): readonly MeasureDef[] {
  return measuresByType.get(type) ?? [];
}

/** The type's headline measure (people trained for training...). */
export function headlineMeasure(type: ActivityTypeId): MeasureDef {
  const found = measuresOf(type).find((m) => m.headline);
  if (!found) throw new RangeError(`No headline measure for ${type}`);
  return found;
}

/**
 * Problems between the measures and the catalogue: a summed field that is not a counting
 * integer, a counting field no measure adds up, a flag that is not a boolean. Empty when all
 * is well; a test asserts it, so a new counting field cannot be left out of summaries.
 */
export function measureProblems(): string[] {
  const problems: string[] = [];
  for (const measure of MEASURES) {
    const def = getActivityType(measure.type);
    if (measure.rule.kind === 'entries') continue;
    const field = getField(def, measure.rule.field);
    if (measure.rule.kind === 'sum' && (field?.kind !== 'integer' || field.counts !== true)) {
      problems.push(
        `${measure.id}: ${measure.type}.${measure.rule.field} is not a counting integer`,
      );
    }
    if (measure.rule.kind === 'entriesWhere' && field?.kind !== 'boolean') {
      problems.push(`${measure.id}: ${measure.type}.${measure.rule.field} is not a boolean`);
    }
  }
  return problems;
}

/**
 * Counter names a rollup row holds: the measures, 'entries' (entries counted),
 * 'notCounted' (entries of an unknown type, a newer schema, a bad date or a count that is
 * not a whole number: kept apart so a total never silently leaves them out) and 'nilReports'
 * (nil reports, in rows of their own type: completeness reads them, totals leave them out).
 */
export type CounterId = MeasureId | 'entries' | 'notCounted' | 'nilReports';

/** Every counter, in the order a packed rollup month stores them (packed.ts). */
export const COUNTER_IDS: readonly CounterId[] = [
  ...MEASURE_IDS,
  'entries',
  'notCounted',
  'nilReports',
];

/** Sparse: a missing counter is 0. Values are whole numbers (negative only in a delta). */
export type Counters = Readonly<Partial<Record<CounterId, number>>>;

/** Where an entry is counted. month is 'YYYY-MM' ('' when the entry's date is not a date). */
export interface RollupKey {
  readonly month: string;
  readonly postCode: string;
  readonly officerId: string;
  /** The entry's type as stored: may be a type this version does not know. */
  readonly type: string;
}

export interface RollupRow {
  readonly key: RollupKey;
  readonly counters: Counters;
}

/** The fields of an entry counting reads; Activity fits, and so do stored or demo rows. */
export interface CountableEntry {
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredOn: string;
  readonly postCode: string;
  readonly officerId: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly deleted?: boolean;
}

/** What one entry adds to one rollup row. */
export interface Contribution {
  readonly key: RollupKey;
  readonly counters: Counters;
}

/** One string per key, for a Map or a database primary key; parts cannot run together. */
export function rollupId(key: RollupKey): string {
  return JSON.stringify([key.month, key.postCode, key.officerId, key.type]);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * The bucket an entry falls in and what it adds there; null for a deleted entry (it counts
 * for nothing). An entry this version cannot count adds { notCounted: 1 } and nothing else.
 */
export function contributionOf(entry: CountableEntry): Contribution | null {
  if (entry.deleted === true) return null;
  const date = parseIsoDate(entry.occurredOn);
  const key: RollupKey = {
    month: date ? entry.occurredOn.slice(0, 7) : '',
    postCode: entry.postCode,
    officerId: entry.officerId,
    type: entry.type,
  };
  const notCounted: Contribution = { key, counters: { notCounted: 1 } };
  if (isNilReport(entry)) return date ? { key, counters: { nilReports: 1 } } : notCounted;
  const def = findActivityType(entry.type);
  // A row damaged on disk may lack its data (docs/database.md, "Damaged rows"): it counts as
  // not counted instead of throwing, so an import that repairs it still applies.
  const stored: unknown = entry.data;
  if (typeof stored !== 'object' || stored === null) return notCounted;
  const data = stored as Readonly<Record<string, unknown>>;
  if (!def || !date || entry.schemaVersion > def.version) return notCounted;
  const counters: Partial<Record<CounterId, number>> = { entries: 1 };
  for (const measure of measuresOf(def.id)) {
    const rule = measure.rule;
    if (rule.kind === 'entries') {
      counters[measure.id] = 1;
    } else if (rule.kind === 'entriesWhere') {
      counters[measure.id] = data[rule.field] === true ? 1 : 0;
    } else {
      const value = data[rule.field] ?? 0;
      if (!isCount(value)) return notCounted;
      counters[measure.id] = value;
    }
  }
  return { key, counters };
}

/** a + sign × b, dropping zeros so equal counters compare equal. */
function combine(a: Counters, b: Counters, sign: 1 | -1): Counters {
  const out: Partial<Record<CounterId, number>> = { ...a };
  for (const [name, value] of Object.entries(b) as [CounterId, number][]) {
    const next = (out[name] ?? 0) + sign * value;
    if (next === 0) delete out[name];
    else out[name] = next;
  }
  return out;
}

export function addCounters(a: Counters, b: Counters): Counters {
  return combine(a, b, 1);
}

export function subtractCounters(a: Counters, b: Counters): Counters {
  return combine(a, b, -1);
}

/** The sum of many counters. */
export function mergeCounters(all: Iterable<Counters>): Counters {
  let total: Counters = {};
  for (const counters of all) total = addCounters(total, counters);
  return total;
}

export function isEmptyCounters(counters: Counters): boolean {
  return Object.values(counters).every((value) => value === 0);
}

export function counterValue(counters: Counters, id: CounterId): number {
  return counters[id] ?? 0;
}

/**
 * The row changes one write makes: creating passes (null, entry), editing (old, new),
 * deleting (old, null) or (old, old with deleted: true). Each delta is added to the row at
 * its key; the same entry in the same bucket before and after gives a single net delta.
 */
export function rollupDeltas(
  before: CountableEntry | null,
  after: CountableEntry | null,
): Contribution[] {
  const deltas = new Map<string, Contribution>();
  const put = (contribution: Contribution | null, sign: 1 | -1): void => {
    if (!contribution) return;
    const id = rollupId(contribution.key);
    const prior = deltas.get(id)?.counters ?? {};
    deltas.set(id, {
      key: contribution.key,
      counters: combine(prior, contribution.counters, sign),
    });
  };
  put(before ? contributionOf(before) : null, -1);
  put(after ? contributionOf(after) : null, 1);
  return [...deltas.values()].filter((delta) => !isEmptyCounters(delta.counters));
}

/** Rollup rows in memory, by rollupId: what a store keeps, and what tests recount into. */
export type RollupTable = Map<string, RollupRow>;

/** Adds deltas to a table in place; a row that falls to all zeros is removed. */
export function applyDeltas(table: RollupTable, deltas: Iterable<Contribution>): void {
  for (const delta of deltas) {
    const id = rollupId(delta.key);
    const counters = addCounters(table.get(id)?.counters ?? {}, delta.counters);
    if (isEmptyCounters(counters)) table.delete(id);
    else table.set(id, { key: delta.key, counters });
  }
}

/** The rollups of a set of entries counted from scratch: the reference a rebuild writes. */
export function recount(entries: Iterable<CountableEntry>): RollupTable {
  const table: RollupTable = new Map();
  for (const entry of entries) {
    const contribution = contributionOf(entry);
    if (contribution) applyDeltas(table, [contribution]);
  }
  return table;
}
