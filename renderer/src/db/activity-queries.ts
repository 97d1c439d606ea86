// Reading activities for lists, detail and history. Lists return ids only, newest first,
// read from index keys without loading rows; the UI bulk-loads the visible window.
import Dexie, { cmp, type IndexableType } from 'dexie';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/domain/activity.ts';
import { ACTIVITY_TYPE_IDS, type ActivityTypeId } from '../../../shared/domain/catalogue-types.ts';
import { isRegionId, postsInRegion } from '../../../shared/domain/posts.ts';
import { regionOfPost, type RegionOrUnknown } from '../../../shared/summary/totals.ts';
import { type Change } from '../../../shared/sync/change.ts';
import { type ActivityTypeLookup } from './catalogue.ts';
import { type LiaisonDb } from './db.ts';
import { getMeta } from './meta.ts';
import { toView, type ActivityView } from './rows.ts';
import { unreadableOf, type UnreadableActivity } from './row-check.ts';
import { SORT_KEY_MAX_SUFFIX, type ActivityRow } from './schema.ts';
import { wordRanges } from './words.ts';

export interface ActivityFilter {
  type?: ActivityTypeId;
  status?: ReviewStatus;
  /** First day included, YYYY-MM-DD. */
  from?: string;
  /** Last day included, YYYY-MM-DD. */
  to?: string;
  /**
   * Words typed in the search box: every word must prefix-match a word of the record's free
   * text or of the labels (en or fr) of an option it chose.
   */
  text?: string;
  /** Only records with own changes not yet acknowledged (still waiting to reach HQ). */
  pending?: boolean;
  /** Where, as the summaries drill down: a region (by the posts it holds), a post, an officer. */
  region?: RegionOrUnknown;
  postCode?: string;
  officerId?: string;
}

/** A stored entry as screens get it: its view, or why it cannot be read. */
export type StoredActivity = ActivityView | UnreadableActivity;

function readRow(row: ActivityRow): StoredActivity {
  return unreadableOf(row) ?? toView(row);
}

export async function getActivity(db: LiaisonDb, id: string): Promise<ActivityView | undefined> {
  const row = await db.activities.get(id);
  return row ? toView(row) : undefined;
}

/** One entry for a screen: its view, or why it cannot be read. */
export async function readActivity(db: LiaisonDb, id: string): Promise<StoredActivity | undefined> {
  const row = await db.activities.get(id);
  return row ? readRow(row) : undefined;
}

/**
 * The rows of a visible window, in the order asked; ids no longer there are skipped. A row
 * that cannot be read comes as what is wrong with it, so it never stops the others.
 */
export async function getActivitiesByIds(
  db: LiaisonDb,
  ids: readonly string[],
): Promise<StoredActivity[]> {
  const rows = await db.activities.bulkGet([...ids]);
  return rows.flatMap((row) => (row ? [readRow(row)] : []));
}

/** An index range that yields matches newest-first when read backwards. */
interface Range {
  index: string;
  lower: IndexableType;
  upper: IndexableType;
}

/** The keys of one range, or of any of several (a typed word: its prefix, and options). */
type KeySet = Range | Range[];

/**
 * The query plan. The most specific compound indexes that cover the filters become the
 * `drivers`: key ranges already in sortKey order (several when the filter names posts: one
 * per post and review state of [postCode+reviewStatus+sortKey], merged newest first), so the
 * first rows are bounded reads whatever the table size. Filters they do not cover (text
 * words, a type or pending beside posts) become `sets` of primary keys to intersect; what no
 * index holds (the officer, a region this version does not know) is `rowCheck`, read from
 * the rows themselves.
 */
function plan(filter: ActivityFilter, types: ActivityTypeLookup): Plan {
  const lo = filter.from ?? '';
  const hi = filter.to ? filter.to + SORT_KEY_MAX_SUFFIX : '\uffff';
  const on = (index: string, ...prefix: (string | number)[]): Range => ({
    index,
    lower: [...prefix, lo],
    upper: [...prefix, hi],
  });
  const pending = filter.pending === undefined ? undefined : filter.pending ? 1 : 0;
  const { type, status } = filter;
  // Each typed word: its prefix in the words, or an option whose labels have such a word.
  const sets: KeySet[] = wordRanges(
    filter.text ?? '',
    ACTIVITY_TYPE_IDS.map((id) => types(id)),
  ).map((union) => union.map((r) => ({ index: 'words', ...r })));

  const posts = postsOf(filter);
  let drivers: Range[];
  if (posts !== undefined) {
    const statuses = status !== undefined ? [status] : REVIEW_STATUSES;
    drivers = posts.flatMap((post) =>
      statuses.map((s) => on('[postCode+reviewStatus+sortKey]', post, s)),
    );
    if (type !== undefined) sets.push(on('[type+sortKey]', type));
  } else if (type !== undefined && status !== undefined) {
    drivers = [on('[type+reviewStatus+sortKey]', type, status)];
  } else if (type !== undefined) drivers = [on('[type+sortKey]', type)];
  else if (status !== undefined) drivers = [on('[reviewStatus+sortKey]', status)];
  else if (pending !== undefined) drivers = [on('[pending+sortKey]', pending)];
  else drivers = [{ index: 'sortKey', lower: lo, upper: hi }];

  if (pending !== undefined && drivers[0]?.index !== '[pending+sortKey]') {
    sets.push(on('[pending+sortKey]', pending));
  }
  return { drivers, sets, rowCheck: rowCheckOf(filter) };
}

/**
 * The posts a filter keeps, when an index can find them: its post, or the posts of a known
 * region (the summaries' rule, regionOfPost). None (an empty list) when the post lies outside
 * the region; undefined when the filter does not narrow by a known place.
 */
function postsOf(filter: ActivityFilter): readonly string[] | undefined {
  const { postCode, region } = filter;
  if (postCode !== undefined) {
    return region === undefined || regionOfPost(postCode) === region ? [postCode] : [];
  }
  if (region !== undefined && isRegionId(region)) return postsInRegion(region).map((p) => p.code);
  return undefined;
}

/** What no index holds: the officer (no officer index in this schema) and the unknown region. */
function rowCheckOf(filter: ActivityFilter): ((row: ActivityRow) => boolean) | undefined {
  const { officerId, region, postCode } = filter;
  const unknownRegion = region === 'unknown' && postCode === undefined;
  if (officerId === undefined && !unknownRegion) return undefined;
  return (row) =>
    (officerId === undefined || row.officerId === officerId) &&
    (!unknownRegion || regionOfPost(row.postCode) === 'unknown');
}

interface Plan {
  drivers: Range[];
  sets: KeySet[];
  rowCheck: ((row: ActivityRow) => boolean) | undefined;
}

async function keysIn(db: LiaisonDb, set: KeySet): Promise<Iterable<string>> {
  if (!Array.isArray(set)) {
    return db.activities.where(set.index).between(set.lower, set.upper, true, true).primaryKeys();
  }
  // A union: a row may lie in several of its ranges (old label words and its option token).
  const union = new Set<string>();
  for (const keys of await Promise.all(set.map((r) => keysIn(db, r)))) {
    for (const key of keys) union.add(key);
  }
  return union;
}

/**
 * The drivers' ids, newest first, at most `limit`. One range is one read (backwards with a
 * limit); several are read with their sort keys and merged, each range at most `limit`.
 */
async function newestKeys(db: LiaisonDb, drivers: Range[], limit: number): Promise<string[]> {
  const [only] = drivers;
  if (drivers.length === 1 && only) {
    const range = db.activities.where(only.index).between(only.lower, only.upper, true, true);
    if (limit !== Infinity) return range.reverse().limit(limit).primaryKeys();
    // All keys: read forwards (getAllKeys in every engine) and reverse in memory.
    return (await range.primaryKeys()).reverse();
  }
  const found: { sortKey: string; id: string }[] = [];
  await Promise.all(
    drivers.map((r) => {
      const range = db.activities.where(r.index).between(r.lower, r.upper, true, true);
      return (limit === Infinity ? range : range.reverse().limit(limit)).eachKey((key, cursor) => {
        // The sortKey ends every driver's key (a string), the id is the primary key.
        const parts = (Array.isArray(key) ? key : [key]) as unknown[];
        found.push({ sortKey: parts[parts.length - 1] as string, id: cursor.primaryKey });
      });
    }),
  );
  return found
    .sort((a, b) => newestFirst(a, b))
    .slice(0, limit)
    .map((f) => f.id);
}

/**
 * Ids matching every filter, newest first (day of the activity, then creation). Deleted
 * records have no sortKey and are in none of these indexes.
 *
 * `limit` is for first paint and scrolling: with at most one of type / status / pending
 * (or type and status together), or posts with a status, and no text, only `limit` keys
 * are read per range, so the first screen costs the same at 100 or 100,000 records. Text and
 * the other combinations read the matching keys of each index involved and intersect them
 * (see selectIds); an officer is checked on the rows, read a slice at a time.
 */
export async function listActivityIds(
  db: LiaisonDb,
  filter: ActivityFilter = {},
  options: { limit?: number } = {},
): Promise<string[]> {
  return selectIds(db, filter, options.limit ?? Infinity, ROW_LOOKUP_MAX);
}

/** Below this many candidates, reading their rows beats reading the driver's whole range. */
const ROW_LOOKUP_MAX = 2000;
/** Rows read at a time when a filter needs the row itself (the officer). */
const ROW_SLICE = 500;

/** listActivityIds with the candidate threshold exposed, so tests can run both paths. */
export async function selectIds(
  db: LiaisonDb,
  filter: ActivityFilter,
  limit: number,
  rowLookupMax: number,
): Promise<string[]> {
  const { drivers, sets, rowCheck } = plan(filter, db.typeLookup);
  if (limit <= 0 || drivers.length === 0) return [];
  return db.transaction('r', db.activities, async () => {
    if (sets.length === 0 && !rowCheck) return newestKeys(db, drivers, limit);
    const found = await Promise.all(sets.map((r) => keysIn(db, r)));
    // Smallest set first: most ids are rejected by the first lookup.
    const lookups = found.map((keys) => new Set(keys)).sort((a, b) => a.size - b.size);
    const matches = (id: string) => lookups.every((set) => set.has(id));
    const smallest = lookups[0];

    if (smallest && smallest.size <= rowLookupMax) {
      // Few candidates (a typical search): check them against the drivers' ranges here.
      const rows = await db.activities.bulkGet([...smallest]);
      return rows
        .filter(
          (row): row is ActivityRow =>
            !!row &&
            drivers.some((d) => inRange(row, d)) &&
            matches(row.id) &&
            (!rowCheck || rowCheck(row)),
        )
        .sort(newestFirst)
        .slice(0, limit)
        .map((row) => row.id);
    }
    const ordered = await newestKeys(db, drivers, Infinity);
    const kept = lookups.length === 0 ? ordered : ordered.filter(matches);
    if (!rowCheck) return kept.slice(0, limit);
    // The officer is on the row alone: read the candidates newest first, a slice at a time,
    // and stop once the window is full (a count reads them all: see docs/summaries.md).
    const result: string[] = [];
    for (let i = 0; i < kept.length && result.length < limit; i += ROW_SLICE) {
      const rows = await db.activities.bulkGet(kept.slice(i, i + ROW_SLICE));
      for (const row of rows) {
        if (row && rowCheck(row) && result.length < limit) result.push(row.id);
      }
    }
    return result;
  });
}

/** The row's key in the range's index ('[a+b]' is compound), and whether it lies inside. */
function inRange(row: ActivityRow, r: Range): boolean {
  const paths = r.index.startsWith('[') ? r.index.slice(1, -1).split('+') : [r.index];
  const parts = paths.map(
    (path) => (row as unknown as Record<string, IndexableType | undefined>)[path],
  );
  if (parts.some((part) => part === undefined)) return false; // not in that index at all
  const key = (paths.length === 1 ? parts[0] : parts) as IndexableType;
  return cmp(key, r.lower) >= 0 && cmp(key, r.upper) <= 0;
}

/** The index order, reversed: sortKey, then primary key, both descending. */
function newestFirst(
  a: { sortKey?: string; id: string },
  b: { sortKey?: string; id: string },
): number {
  const ka = a.sortKey ?? '';
  const kb = b.sortKey ?? '';
  if (ka !== kb) return ka < kb ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * How many records match: the virtual list's length. Without filters it is meta's counter
 * (no count over 100,000 rows); with one index's filters an index count; else the ids.
 */
export async function countActivities(db: LiaisonDb, filter: ActivityFilter = {}): Promise<number> {
  const unfiltered = Object.values(filter).every((v) => v === undefined || v === '');
  if (unfiltered) return (await getMeta(db, 'activityCount')) ?? 0;
  const { drivers, sets, rowCheck } = plan(filter, db.typeLookup);
  if (sets.length === 0 && !rowCheck) {
    const counts = await Promise.all(
      drivers.map((d) =>
        db.activities.where(d.index).between(d.lower, d.upper, true, true).count(),
      ),
    );
    return counts.reduce((a, b) => a + b, 0);
  }
  return (await listActivityIds(db, filter)).length;
}

/** Every change to a record, local and imported, in HLC order (the order merge applies). */
export async function getHistory(db: LiaisonDb, recordId: string): Promise<Change[]> {
  return db.changes
    .where('[recordId+hlc]')
    .between([recordId, Dexie.minKey], [recordId, Dexie.maxKey], true, true)
    .toArray();
}
