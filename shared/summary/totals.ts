// Totals from rollup rows: by any of type, region, post, officer and month, for a period,
// compared with the period before and the same period a year earlier; and the drill-down
// path network → region → post → officer. Reads rollups only, never entries.
import { type RegionId } from '../domain/posts.ts';
import { getPost } from '../domain/posts.ts';
import { isNilReport } from '../domain/nil-report.ts';
import { type Counters, type RollupRow, addCounters, mergeCounters } from './measures.ts';
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

function dimensionValue(row: RollupRow, dimension: Dimension): string {
  switch (dimension) {
    case 'type':
      return row.key.type;
    case 'region':
      return regionOfPost(row.key.postCode);
    case 'post':
      return row.key.postCode;
    case 'officer':
      return row.key.officerId;
    case 'month':
      return row.key.month;
  }
}

export function matchesFilter(row: RollupRow, filter: SummaryFilter = {}): boolean {
  if (filter.region !== undefined && regionOfPost(row.key.postCode) !== filter.region) return false;
  if (filter.postCode !== undefined && row.key.postCode !== filter.postCode) return false;
  if (filter.officerId !== undefined && row.key.officerId !== filter.officerId) return false;
  if (filter.types !== undefined && !filter.types.includes(row.key.type)) return false;
  return true;
}

export function summarize(rows: readonly RollupRow[], query: SummaryQuery): Summary {
  const months = periodMonths(query.period);
  const inPeriod = new Set(months);
  const groups = new Map<string, SummaryGroup>();
  for (const row of rows) {
    if (!inPeriod.has(row.key.month) || !matchesFilter(row, query.filter)) continue;
    // A nil report is no activity: it counts towards completeness only.
    if (isNilReport(row.key)) continue;
    const values = query.by.map((dimension) => dimensionValue(row, dimension));
    const id = JSON.stringify(values);
    const prior = groups.get(id);
    if (prior) {
      groups.set(id, { key: prior.key, counters: addCounters(prior.counters, row.counters) });
    } else {
      const key: Partial<Record<Dimension, string>> = {};
      query.by.forEach((dimension, i) => (key[dimension] = values[i]));
      groups.set(id, { key, counters: row.counters });
    }
  }
  const sorted = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => group);
  return {
    period: query.period,
    months,
    groups: sorted,
    total: mergeCounters(sorted.map((g) => g.counters)),
  };
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
export function compareSummaries(rows: readonly RollupRow[], query: SummaryQuery): Comparison {
  const current = summarize(rows, query);
  const previous = summarize(rows, { ...query, period: previousPeriod(query.period) });
  const earlier = summarize(rows, { ...query, period: yearEarlier(query.period) });
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
