// What the Summaries screen shows, as plain data: the names of groups and places, the
// measures in the tables, and the rows of a CSV export with its header lines.
import { type Language } from '../../../../shared/domain/catalogue-types.ts';
import { findActivityType } from '../../../../shared/domain/catalogue.ts';
import { getRegion, isRegionId, type Post } from '../../../../shared/domain/posts.ts';
import {
  MEASURE_IDS,
  counterValue,
  type CounterId,
  type MeasureId,
} from '../../../../shared/summary/measures.ts';
import {
  type Comparison,
  type Dimension,
  type GroupKey,
  type SummaryFilter,
} from '../../../../shared/summary/totals.ts';

/** The columns of the break-down table: the fact sheet's four, then the others that count most. */
export const TABLE_MEASURES: readonly MeasureId[] = [
  'personsIntercepted',
  'travellersFacilitated',
  'removalsAssisted',
  'peopleTrained',
  'liaisonMeetings',
  'infoReports',
];

/** Everything a CSV carries: every measure and the entries counted. */
export const ALL_COUNTERS: readonly CounterId[] = [...MEASURE_IDS, 'entries'];

export type Tab = Exclude<Dimension, 'month'>;
export const TABS: readonly Tab[] = ['type', 'region', 'post', 'officer'];

export interface Namer {
  lang: Language;
  postOf: (code: string) => Post | undefined;
  unknownRegion: string;
}

/** A group's value in a dimension as people read it. */
export function nameOf(dimension: Dimension, value: string, namer: Namer): string {
  switch (dimension) {
    case 'type':
      return findActivityType(value)?.label[namer.lang] ?? value;
    case 'region':
      return isRegionId(value) ? getRegion(value).name[namer.lang] : namer.unknownRegion;
    case 'post':
      return namer.postOf(value)?.city[namer.lang] ?? value;
    default:
      return value;
  }
}

/** The drill path as names: Network › Americas › Bogotá › lo-bogota-1 › Interdiction. */
export function wherePath(filter: SummaryFilter, namer: Namer, network: string): string[] {
  const path = [network];
  if (filter.region !== undefined) path.push(nameOf('region', filter.region, namer));
  if (filter.postCode !== undefined) path.push(nameOf('post', filter.postCode, namer));
  if (filter.officerId !== undefined) path.push(filter.officerId);
  for (const type of filter.types ?? []) path.push(nameOf('type', type, namer));
  return path;
}

/** The filter after clicking a group of the table: the place it names, its region kept. */
export function filterInto(
  filter: SummaryFilter,
  dimension: Tab,
  value: string,
  regionOf: (post: string) => string,
): SummaryFilter {
  switch (dimension) {
    case 'type':
      return { ...filter, types: [value] };
    case 'region': {
      const { postCode: _p, officerId: _o, ...rest } = filter;
      return { ...rest, region: value as SummaryFilter['region'] & string };
    }
    case 'post': {
      const { officerId: _o, ...rest } = filter;
      return {
        ...rest,
        region: regionOf(value) as SummaryFilter['region'] & string,
        postCode: value,
      };
    }
    case 'officer':
      return { ...filter, officerId: value };
  }
}

/** The tab that shows the level below the filter. */
export function tabBelow(filter: SummaryFilter): Tab {
  if (filter.officerId !== undefined) return 'type';
  if (filter.postCode !== undefined) return 'officer';
  if (filter.region !== undefined) return 'post';
  return 'region';
}

export interface TableRow {
  key: GroupKey;
  value: string;
  name: string;
  counts: Readonly<Record<string, number>>;
}

export function tableRows(comparison: Comparison, dimension: Tab, namer: Namer): TableRow[] {
  return comparison.current.groups.map((group) => {
    const value = group.key[dimension] ?? '';
    const counts: Record<string, number> = {};
    for (const id of ALL_COUNTERS) counts[id] = counterValue(group.counters, id);
    return { key: group.key, value, name: nameOf(dimension, value, namer), counts };
  });
}

export interface CsvHeader {
  title: string;
  lines: readonly (readonly [string, string])[];
  counterNames: Readonly<Record<CounterId, string>>;
  dimensionName: string;
  totalName: string;
}

/** The rows of a summary's CSV: header lines, a blank line, the table and its total. */
export function csvRows(
  rows: readonly TableRow[],
  total: Comparison['current']['total'],
  header: CsvHeader,
): string[][] {
  const out: string[][] = [[header.title]];
  for (const [name, value] of header.lines) out.push([name, value]);
  out.push([]);
  out.push([header.dimensionName, ...ALL_COUNTERS.map((id) => header.counterNames[id])]);
  for (const row of rows)
    out.push([row.name, ...ALL_COUNTERS.map((id) => String(row.counts[id] ?? 0))]);
  out.push([header.totalName, ...ALL_COUNTERS.map((id) => String(counterValue(total, id)))]);
  return out;
}
