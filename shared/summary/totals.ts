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
/** Value ids below this make a number key of up to two dimensions exactly (2^52). */
const BASE = 2 ** 26;

/**
 * Sums per group in one flat array (WIDTH counters per group), so adding a cell up is a few
 * numbers added, not an object made; objects are made per group, at the end. A cell finds its
 * group by a number made of its values' ids (one to two dimensions; more: the ids joined),
 * each month's names given their ids once, so no string is built per cell.
 */
class GroupSums {
  private readonly valueIds = new Map<string, number>();
  private readonly index = new Map<number | string, number>();
  private readonly keys: GroupKey[] = [];
  /** Each group's values as JSON: the order groups have always been sorted in. */
  private readonly order: string[] = [];
  private readonly sums: number[] = [];
  private monthId = 0;
  private nameIds: number[] = [];
  private regionIds: number[] = [];

  constructor(private readonly by: readonly Dimension[]) {}

  private valueId(value: string): number {
    let id = this.valueIds.get(value);
    if (id === undefined) {
      id = this.valueIds.size;
      if (id >= BASE) throw new RangeError('Too many distinct values to group');
      this.valueIds.set(value, id);
    }
    return id;
  }

  /** Gives the month's names their ids; called before the month's cells are added. */
  beginMonth(month: PackedMonth): void {
    this.monthId = this.valueId(month.month);
    this.nameIds = month.names.map((name) => this.valueId(name));
    this.regionIds = this.by.includes('region')
      ? month.names.map((name) => this.valueId(regionOfPost(name)))
      : [];
  }

  add(
    month: PackedMonth,
    cell: number,
    postCode: string,
    officerId: string,
    type: string,
    slots: Int32Array | null,
  ): void {
    const k = 3 * cell;
    let narrow = 0;
    let wide = '';
    for (const dimension of this.by) {
      const part =
        dimension === 'type'
          ? this.nameIds[month.keys[k + 2] as number]
          : dimension === 'post'
            ? this.nameIds[month.keys[k] as number]
            : dimension === 'officer'
              ? this.nameIds[month.keys[k + 1] as number]
              : dimension === 'region'
                ? this.regionIds[month.keys[k] as number]
                : this.monthId;
      narrow = narrow * BASE + (part as number);
      wide += `${part},`;
    }
    const id = this.by.length <= 2 ? narrow : wide;
    let group = this.index.get(id);
    if (group === undefined) {
      group = this.keys.length;
      this.index.set(id, group);
      const key: Partial<Record<Dimension, string>> = {};
      const values = this.by.map((d) => dimensionValue(d, month.month, postCode, officerId, type));
      this.by.forEach((dimension, i) => (key[dimension] = values[i]));
      this.keys.push(key);
      this.order.push(JSON.stringify(values));
      for (let j = 0; j < WIDTH; j++) this.sums.push(0);
    }
    const width = month.columns.length;
    const from = cell * width;
    const to = group * WIDTH;
    for (let j = 0; j < width; j++) {
      const slot = slots ? (slots[j] as number) : j;
      if (slot >= 0)
        this.sums[to + slot] =
          (this.sums[to + slot] as number) + (month.counts[from + j] as number);
    }
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
  const filter = query.filter ?? {};
  const sums = new GroupSums(query.by);
  for (const month of packed) {
    if (!inPeriod.has(month.month)) continue;
    const { names, keys } = month;
    const slots = columnSlots(month.columns);
    sums.beginMonth(month);
    for (let cell = 0, k = 0; k < keys.length; cell++, k += 3) {
      const type = names[keys[k + 2] as number] as string;
      // A nil report is no activity: it counts towards completeness only.
      if (type === NIL_REPORT_TYPE) continue;
      const postCode = names[keys[k] as number] as string;
      const officerId = names[keys[k + 1] as number] as string;
      if (!keyMatches(postCode, officerId, type, filter)) continue;
      sums.add(month, cell, postCode, officerId, type, slots);
    }
  }
  return sums.summary(query.period, months);
}

export function summarize(source: RollupSource, query: SummaryQuery): Summary {
  return summarizePacked(packedMonths(source), query);
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
  const previous = summarizePacked(packed, { ...query, period: previousPeriod(query.period) });
  const earlier = summarizePacked(packed, { ...query, period: yearEarlier(query.period) });
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
  const y = align(earlier);
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

/** The filter one level up (the network stays the network); the type choice is kept. */
export function drillUp(filter: SummaryFilter): SummaryFilter {
  const up: { -readonly [K in keyof SummaryFilter]: SummaryFilter[K] } = {};
  if (filter.types !== undefined) up.types = filter.types;
  const level = drillLevel(filter);
  if ((level === 'officer' || level === 'post') && filter.region !== undefined) {
    up.region = filter.region;
  }
  if (level === 'officer' && filter.postCode !== undefined) up.postCode = filter.postCode;
  return up;
}
