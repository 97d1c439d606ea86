// What the Summaries screen shows, as plain data: the names of groups and places, the
// measures in the tables, and the rows of a CSV export with its header lines.
import { ACTIVITY_TYPE_IDS, type Language } from '../../../../shared/domain/catalogue-types.ts';
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
  /** An officer's name from the profile (or the id when nobody named them). */
  officerName: (officerId: string) => string;
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
    case 'officer':
      return namer.officerName(value);
    default:
      return value;
  }
}

/**
 * What people read beside the name, smaller: a post's code and an officer's id (the names
 * come from lists that may change; the codes are what bundles and files carry). None when
 * the name is the value itself.
 */
export function secondaryOf(dimension: Dimension, value: string, name: string): string | undefined {
  return (dimension === 'post' || dimension === 'officer') && name !== value ? value : undefined;
}

/** One step of the drill path: its name, and the code or id beside it. */
export interface PathPart {
  name: string;
  secondary?: string;
}

const part = (dimension: Dimension, value: string, namer: Namer): PathPart => {
  const name = nameOf(dimension, value, namer);
  const secondary = secondaryOf(dimension, value, name);
  return secondary === undefined ? { name } : { name, secondary };
};

/** The drill path as names: Network › Americas › Bogotá (BOG) › Sofía Herrera (lo-bogota-1). */
export function wherePath(filter: SummaryFilter, namer: Namer, network: string): PathPart[] {
  const path: PathPart[] = [{ name: network }];
  if (filter.region !== undefined) path.push(part('region', filter.region, namer));
  if (filter.postCode !== undefined) path.push(part('post', filter.postCode, namer));
  if (filter.officerId !== undefined) path.push(part('officer', filter.officerId, namer));
  for (const type of filter.types ?? []) path.push(part('type', type, namer));
  return path;
}

/** The filter of each step of wherePath's path, in the same order: a step returns there. */
export function pathFilters(filter: SummaryFilter): SummaryFilter[] {
  const steps: SummaryFilter[] = [{}];
  let at: SummaryFilter = {};
  const step = (next: SummaryFilter) => {
    at = next;
    steps.push(at);
  };
  if (filter.region !== undefined) step({ ...at, region: filter.region });
  if (filter.postCode !== undefined) step({ ...at, postCode: filter.postCode });
  if (filter.officerId !== undefined) step({ ...at, officerId: filter.officerId });
  for (const type of filter.types ?? []) step({ ...at, types: [...(at.types ?? []), type] });
  return steps;
}

/** A name with its code or id in brackets, for text without styles (CSV, file names). */
export function withSecondary({ name, secondary }: PathPart): string {
  return secondary === undefined ? name : `${name} (${secondary})`;
}

/**
 * Whether a row of this tab narrows the view from `filter`: a type not yet chosen, or a place
 * below the one shown. At a post the Region tab lists the post's own region: opening it would
 * widen the view (an exploratory review found "open" going up), so it is plain text there.
 */
export function drillsDown(filter: SummaryFilter, tab: Tab): boolean {
  switch (tab) {
    case 'type':
      return filter.types === undefined;
    case 'region':
      return (
        filter.region === undefined &&
        filter.postCode === undefined &&
        filter.officerId === undefined
      );
    case 'post':
      return filter.postCode === undefined && filter.officerId === undefined;
    case 'officer':
      return filter.officerId === undefined;
  }
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
  /** The post's code or officer's id, shown beside the name. */
  secondary?: string;
  counts: Readonly<Record<string, number>>;
}

/**
 * The order a break-down is listed in until a column is sorted: activity types as the
 * catalogue lists them everywhere else (training first), the others by name as read, in the
 * reader's language (codes put Port-au-Prince before Panama City). Unknown types go last.
 */
export function listOrder(
  dimension: Tab,
  lang: Language,
): (a: { value: string; name: string }, b: { value: string; name: string }) => number {
  if (dimension === 'type') {
    const rank = (value: string) => {
      const i = (ACTIVITY_TYPE_IDS as readonly string[]).indexOf(value);
      return i < 0 ? ACTIVITY_TYPE_IDS.length : i;
    };
    return (a, b) => rank(a.value) - rank(b.value) || a.value.localeCompare(b.value);
  }
  return (a, b) => a.name.localeCompare(b.name, lang) || a.value.localeCompare(b.value);
}

export function tableRows(comparison: Comparison, dimension: Tab, namer: Namer): TableRow[] {
  return rowsOf(comparison, dimension, namer).sort(listOrder(dimension, namer.lang));
}

function rowsOf(comparison: Comparison, dimension: Tab, namer: Namer): TableRow[] {
  return comparison.current.groups.map((group) => {
    const value = group.key[dimension] ?? '';
    const counts: Record<string, number> = {};
    for (const id of ALL_COUNTERS) counts[id] = counterValue(group.counters, id);
    const { name, secondary } = part(dimension, value, namer);
    return {
      key: group.key,
      value,
      name,
      ...(secondary === undefined ? {} : { secondary }),
      counts,
    };
  });
}

export interface CsvHeader {
  title: string;
  lines: readonly (readonly [string, string])[];
  counterNames: Readonly<Record<CounterId, string>>;
  dimensionName: string;
  /** The column of post codes or officer ids, when the break-down is by post or officer. */
  idName?: string;
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
  // Names for people, then the code or id a spreadsheet can join on, then the measures.
  const ids = header.idName === undefined ? null : [header.idName];
  out.push([
    header.dimensionName,
    ...(ids ?? []),
    ...ALL_COUNTERS.map((id) => header.counterNames[id]),
  ]);
  for (const row of rows)
    out.push([
      row.name,
      ...(ids ? [row.value] : []),
      ...ALL_COUNTERS.map((id) => String(row.counts[id] ?? 0)),
    ]);
  out.push([
    header.totalName,
    ...(ids ? [''] : []),
    ...ALL_COUNTERS.map((id) => String(counterValue(total, id))),
  ]);
  return out;
}
