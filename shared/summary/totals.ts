// Totals from rollup rows: by any of type, region, post, officer and month, for a period,
// compared with the period before and the same period a year earlier; and the drill-down
// path network → region → post → officer. Reads rollups only, never entries, and adds up
// their packed cells (packed.ts) without an object per cell.
import { type RegionId } from '../domain/posts.ts';
import { getPost } from '../domain/posts.ts';
import { NIL_REPORT_TYPE } from '../domain/nil-report.ts';
import { COUNTER_IDS, type Counters, type RollupRow } from './measures.ts';
import { type PackedMonth, columnSlots, countersAt, packRows } from './packed.ts';
import { type Period, periodMonths, previousPeriod, yearEarlier } from './periods.ts';

export const DIMENSIONS = ['type', 'region', 'post', 'officer', 'month'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A post outside the known network (a newer app's post) is still counted, under 'unknown'. */
export type RegionOrUnknown = RegionId | 'unknown';

export function regionOfPost(postCode: string): RegionOrUnknown {
  return getPost(postCode)?.region ?? 'unknown';
}

/** Narrows rows; each part is optional and they combine with AND. */
export interface SummaryFilter {
  readonly region?: RegionOrUnknown;
  readonly postCode?: string;
  readonly officerId?: string;
  /** Activity types to keep; all when absent. */
  readonly types?: readonly string[];
}

export interface SummaryQuery {
  readonly period: Period;
  /** Group by these, in this order; [] gives the total alone. */
  readonly by: readonly Dimension[];
  readonly filter?: SummaryFilter;
}

export type GroupKey = Readonly<Partial<Record<Dimension, string>>>;

export interface SummaryGroup {
  readonly key: GroupKey;
  readonly counters: Counters;
}

export interface Summary {
  readonly period: Period;
  readonly months: readonly string[];
  /** Sorted by the key's values in the order of `by`. */
  readonly groups: readonly SummaryGroup[];
  readonly total: Counters;
}

/** Rollups as summaries read them: rows (tests, a recount) or the store's packed months. */
export type RollupSource = readonly RollupRow[] | PackedRollups;

/** The store's packed months (rollupsFor), months in order. */
export interface PackedRollups {
  readonly packed: readonly PackedMonth[];
}

export function packedMonths(source: RollupSource): readonly PackedMonth[] {
  return 'packed' in source ? source.packed : packRows(source);
}

function dimensionValue(
  dimension: Dimension,
  month: string,
  postCode: string,
  officerId: string,
  type: string,
): string {
  switch (dimension) {
    case 'type':
      return type;
    case 'region':
      return regionOfPost(postCode);
    case 'post':
      return postCode;
    case 'officer':
      return officerId;
    case 'month':
      return month;
  }
}

/** matchesFilter on a key's parts, so packed cells are filtered without an object each. */
export function keyMatches(
  postCode: string,
  officerId: string,
  type: string,
  filter: SummaryFilter = {},
): boolean {
  if (filter.region !== undefined && regionOfPost(postCode) !== filter.region) return false;
  if (filter.postCode !== undefined && postCode !== filter.postCode) return false;
  if (filter.officerId !== undefined && officerId !== filter.officerId) return false;
  if (filter.types !== undefined && !filter.types.includes(type)) return false;
  return true;
}

export function matchesFilter(row: RollupRow, filter: SummaryFilter = {}): boolean {
  return keyMatches(row.key.postCode, row.key.officerId, row.key.type, filter);
}

const WIDTH = COUNTER_IDS.length;
/** More distinct values than this in one summary is not a summary anyone reads. */
const MAX_VALUES = 2 ** 26;

/** A group's place among the groups of one more dimension, by the value id of that one. */
interface GroupNode {
  group: number;
  /** null at the last dimension. */
  next: Map<number, GroupNode> | null;
}

/**
 * Sums per group in one flat array (WIDTH counters per group), so adding a cell up is a few
 * numbers added, not an object made; objects are made per group, at the end. A cell finds its
 * group through one small-integer Map lookup per dimension (each month's names given their
 * ids once), and the filter is decided once per name of the month, not per cell: a summary
 * adds up thousands of cells, and a key string or number object made per cell was most of
 * the adding-up's time and garbage (docs/summaries.md, "Measured").
 */
class GroupSums {
  private readonly valueIds = new Map<string, number>();
  private readonly root: GroupNode = { group: -1, next: null };
  private readonly keys: GroupKey[] = [];
  /** Each group's values as JSON: the order groups have always been sorted in. */
  private readonly order: string[] = [];
  private readonly sums: number[] = [];

  constructor(
    private readonly by: readonly Dimension[],
    private readonly filter: SummaryFilter,
  ) {}

  private valueId(value: string): number {
    let id = this.valueIds.get(value);
    if (id === undefined) {
      id = this.valueIds.size;
      if (id >= MAX_VALUES) throw new RangeError('Too many distinct values to group');
      this.valueIds.set(value, id);
    }
    return id;
  }

  /** Adds up the month's cells that pass the filter (nil reports never: they are no activity). */
  addMonth(month: PackedMonth): void {
    const { names, keys, counts } = month;
    const { by, filter } = this;
    const n = names.length;
    // What keyMatches decides, per name instead of per cell: a name is kept as a post, as an
    // officer and as a type, or not. Plain arrays: a typed array this small costs more to
    // make than it saves.
    const postKept: boolean[] = [];
    const officerKept: boolean[] = [];
    const typeKept: boolean[] = [];
    for (let i = 0; i < n; i++) {
      const name = names[i] as string;
      postKept.push(
        (filter.region === undefined || regionOfPost(name) === filter.region) &&
          (filter.postCode === undefined || name === filter.postCode),
      );
      officerKept.push(filter.officerId === undefined || name === filter.officerId);
      typeKept.push(
        name !== NIL_REPORT_TYPE && (filter.types === undefined || filter.types.includes(name)),
      );
    }
    // Each dimension's value id per name of the month (the month's own for 'month'), and
    // which of a cell's three name indices it reads (0 post, 1 officer, 2 type; -1 none).
    const monthId = by.includes('month') ? this.valueId(month.month) : -1;
    const ids = by.map((dimension) =>
      dimension === 'month'
        ? []
        : names.map((name) => this.valueId(dimension === 'region' ? regionOfPost(name) : name)),
    );
    const at = by.map((dimension) =>
      dimension === 'type' ? 2 : dimension === 'officer' ? 1 : dimension === 'month' ? -1 : 0,
    );
    const slots = columnSlots(month.columns);
    const width = month.columns.length;
    for (let cell = 0, k = 0; k < keys.length; cell++, k += 3) {
      const post = keys[k] as number;
      const officer = keys[k + 1] as number;
      const type = keys[k + 2] as number;
      if (typeKept[type] !== true || postKept[post] !== true || officerKept[officer] !== true)
        continue;
      let node = this.root;
      for (let d = 0; d < by.length; d++) {
        const index = at[d] as number;
        const id =
          index < 0 ? monthId : ((ids[d] as number[])[keys[k + index] as number] as number);
        node.next ??= new Map();
        let next = node.next.get(id);
        if (next === undefined) {
          next = { group: -1, next: null };
          node.next.set(id, next);
        }
        node = next;
      }
      if (node.group < 0) node.group = this.newGroup(month, post, officer, type);
      const from = cell * width;
      const to = node.group * WIDTH;
      const sums = this.sums;
      if (slots === null) {
        for (let j = 0; j < width; j++)
          sums[to + j] = (sums[to + j] as number) + (counts[from + j] as number);
      } else {
        for (let j = 0; j < width; j++) {
          const slot = slots[j] as number;
          if (slot >= 0)
            sums[to + slot] = (sums[to + slot] as number) + (counts[from + j] as number);
        }
      }
    }
  }

  private newGroup(month: PackedMonth, post: number, officer: number, type: number): number {
    const group = this.keys.length;
    const name = (index: number) => month.names[index] as string;
    const values = this.by.map((d) =>
      dimensionValue(d, month.month, name(post), name(officer), name(type)),
    );
    const key: Partial<Record<Dimension, string>> = {};
    this.by.forEach((dimension, i) => (key[dimension] = values[i]));
    this.keys.push(key);
    this.order.push(JSON.stringify(values));
    for (let j = 0; j < WIDTH; j++) this.sums.push(0);
    return group;
  }

  summary(period: Period, months: readonly string[]): Summary {
    const sorted = this.keys
      .map((_, group) => group)
      .sort((a, b) => {
        const x = this.order[a] as string;
        const y = this.order[b] as string;
        return x < y ? -1 : x > y ? 1 : 0;
      });
    const total = new Array<number>(WIDTH).fill(0);
    const groups = sorted.map((group) => {
      for (let j = 0; j < WIDTH; j++)
        total[j] = (total[j] as number) + (this.sums[group * WIDTH + j] as number);
      return { key: this.keys[group] as GroupKey, counters: countersAt(this.sums, group * WIDTH) };
    });
    return { period, months, groups, total: countersAt(total, 0) };
  }
}

function summarizePacked(packed: readonly PackedMonth[], query: SummaryQuery): Summary {
  const months = periodMonths(query.period);
  const inPeriod = new Set(months);
  const sums = new GroupSums(query.by, query.filter ?? {});
  for (const month of packed) {
    if (inPeriod.has(month.month)) sums.addMonth(month);
  }
  return sums.summary(query.period, months);
}

export function summarize(source: RollupSource, query: SummaryQuery): Summary {
  return summarizePacked(packedMonths(source), query);
}

function samePeriod(a: Period, b: Period): boolean {
  switch (a.kind) {
    case 'fiscal-year':
      return b.kind === a.kind && b.fiscalYear === a.fiscalYear;
    case 'quarter':
      return b.kind === a.kind && b.fiscalYear === a.fiscalYear && b.quarter === a.quarter;
    case 'month':
      return b.kind === a.kind && b.month === a.month;
    case 'range':
      return b.kind === a.kind && b.from === a.from && b.to === a.to;
  }
}

export interface ComparedGroup {
  readonly key: GroupKey;
  readonly current: Counters;
  readonly previous: Counters;
  readonly yearEarlier: Counters;
}

export interface Comparison {
  readonly current: Summary;
  readonly previous: Summary;
  readonly yearEarlier: Summary;
  /** Every group present in any of the three periods, in the order of `by`. */
  readonly groups: readonly ComparedGroup[];
}

/**
 * The summary for a period beside the previous period and the same period a year earlier,
 * grouped alike; a group absent from one period has empty counters there. Month groups are
 * matched by position in the period (April beside the April before), not by their label.
 */
export function compareSummaries(source: RollupSource, query: SummaryQuery): Comparison {
  const packed = packedMonths(source);
  const current = summarizePacked(packed, query);
  const before = previousPeriod(query.period);
  const yearBefore = yearEarlier(query.period);
  const previous = summarizePacked(packed, { ...query, period: before });
  // A fiscal year's previous period is the year before: added up once, not twice.
  const earlier = samePeriod(before, yearBefore)
    ? previous
    : summarizePacked(packed, { ...query, period: yearBefore });
  const align = (summary: Summary): Map<string, SummaryGroup> => {
    const byId = new Map<string, SummaryGroup>();
    for (const group of summary.groups) {
      const key = { ...group.key };
      if (key.month !== undefined) {
        const index = summary.months.indexOf(key.month);
        key.month = current.months[index] ?? `+${index}`;
      }
      byId.set(JSON.stringify(query.by.map((d) => key[d])), { key, counters: group.counters });
    }
    return byId;
  };
  const c = align(current);
  const p = align(previous);
  const y = earlier === previous ? p : align(earlier);
  const ids = [...new Set([...c.keys(), ...p.keys(), ...y.keys()])].sort();
  const groups = ids.map((id) => ({
    key: (c.get(id) ?? p.get(id) ?? y.get(id))?.key ?? {},
    current: c.get(id)?.counters ?? {},
    previous: p.get(id)?.counters ?? {},
    yearEarlier: y.get(id)?.counters ?? {},
  }));
  return { current, previous, yearEarlier: earlier, groups };
}

export type DrillLevel = 'network' | 'region' | 'post' | 'officer';

/** How deep a filter has drilled: the most specific place it names. */
export function drillLevel(filter: SummaryFilter): DrillLevel {
  if (filter.officerId !== undefined) return 'officer';
  if (filter.postCode !== undefined) return 'post';
  if (filter.region !== undefined) return 'region';
  return 'network';
}

/** What the level below groups by: network → region → post → officer; an officer by type. */
export function drillDimension(filter: SummaryFilter): Dimension {
  const next: Record<DrillLevel, Dimension> = {
    network: 'region',
    region: 'post',
    post: 'officer',
    officer: 'type',
  };
  return next[drillLevel(filter)];
}

/**
 * The filter one level down, into the group clicked (its key holds the drill dimension);
 * a post also fixes its region, so the way back up is known.
 */
export function drillInto(filter: SummaryFilter, key: GroupKey): SummaryFilter {
  const dimension = drillDimension(filter);
  const value = key[dimension];
  if (value === undefined) throw new RangeError(`The group has no ${dimension}`);
  switch (dimension) {
    case 'region':
      return { ...filter, region: value as RegionOrUnknown };
    case 'post':
      return { ...filter, region: regionOfPost(value), postCode: value };
    case 'officer':
      return { ...filter, officerId: value };
    default:
      return { ...filter, types: [value] };
  }
}

/**
 * The filter one level up: the last step of the path (network › region › post › officer ›
 * type) goes, so a type chosen is dropped first, then the place rises one level (the
 * network stays the network).
 */
export function drillUp(filter: SummaryFilter): SummaryFilter {
  if (filter.types !== undefined) {
    const { types: _types, ...place } = filter;
    return place;
  }
  const up: { -readonly [K in keyof SummaryFilter]: SummaryFilter[K] } = {};
  const level = drillLevel(filter);
  if ((level === 'officer' || level === 'post') && filter.region !== undefined) {
    up.region = filter.region;
  }
  if (level === 'officer' && filter.postCode !== undefined) up.postCode = filter.postCode;
  return up;
}
