// Reading activities for lists, detail and history. Lists return ids only, newest first,
// read from index keys without loading rows; the UI bulk-loads the visible window.
import Dexie, { cmp, type IndexableType } from 'dexie';
import { type ReviewStatus } from '../../../shared/domain/activity.ts';
import { type ActivityTypeId } from '../../../shared/domain/catalogue-types.ts';
import { type Change } from '../../../shared/sync/change.ts';
import { type LiaisonDb } from './db.ts';
import { getMeta } from './meta.ts';
import { toView, type ActivityView } from './rows.ts';
import { unreadableOf, type UnreadableActivity } from './row-check.ts';
import { SORT_KEY_MAX_SUFFIX, type ActivityRow } from './schema.ts';
import { tokenize } from './words.ts';

export interface ActivityFilter {
  type?: ActivityTypeId;
  status?: ReviewStatus;
  /** First day included, YYYY-MM-DD. */
  from?: string;
  /** Last day included, YYYY-MM-DD. */
  to?: string;
  /** Words typed in the search box: every word must prefix-match a word of the record. */
  text?: string;
  /** Only records with own changes not yet acknowledged (still waiting to reach HQ). */
  pending?: boolean;
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

/**
 * The query plan. The most specific compound index that covers the filters becomes the
 * `driver`: a plain key range already in sortKey order, so the first rows are one bounded
 * read whatever the table size. Filters it does not cover (text words, pending beside a
 * type or status) become `sets` of primary keys to intersect.
 */
function plan(filter: ActivityFilter): { driver: Range; sets: Range[] } {
  const lo = filter.from ?? '';
  const hi = filter.to ? filter.to + SORT_KEY_MAX_SUFFIX : '\uffff';
  const on = (index: string, ...prefix: (string | number)[]): Range => ({
    index,
    lower: [...prefix, lo],
    upper: [...prefix, hi],
  });
  const pending = filter.pending === undefined ? undefined : filter.pending ? 1 : 0;
  const { type, status } = filter;
  const sets: Range[] = tokenize(filter.text ?? '')
    .filter((token, i, all) => all.indexOf(token) === i)
    .map((token) => ({ index: 'words', lower: token, upper: token + '\uffff' }));

  let driver: Range;
  if (type !== undefined && status !== undefined) {
    driver = on('[type+reviewStatus+sortKey]', type, status);
  } else if (type !== undefined) driver = on('[type+sortKey]', type);
  else if (status !== undefined) driver = on('[reviewStatus+sortKey]', status);
  else if (pending !== undefined) driver = on('[pending+sortKey]', pending);
  else driver = { index: 'sortKey', lower: lo, upper: hi };

  if (pending !== undefined && driver.index !== '[pending+sortKey]') {
    sets.push(on('[pending+sortKey]', pending));
  }
  return { driver, sets };
}

function keysIn(db: LiaisonDb, r: Range): Promise<string[]> {
  return db.activities.where(r.index).between(r.lower, r.upper, true, true).primaryKeys();
}

/**
 * Ids matching every filter, newest first (day of the activity, then creation). Deleted
 * records have no sortKey and are in none of these indexes.
 *
 * `limit` is for first paint and scrolling: with at most one of type / status / pending
 * (or type and status together) and no text, only `limit` keys are read, so the first
 * screen costs the same at 100 or 100,000 records. Text and the other combinations read
 * the matching keys of each index involved and intersect them (see selectIds).
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

/** listActivityIds with the candidate threshold exposed, so tests can run both paths. */
export async function selectIds(
  db: LiaisonDb,
  filter: ActivityFilter,
  limit: number,
  rowLookupMax: number,
): Promise<string[]> {
  const { driver, sets } = plan(filter);
  if (limit <= 0) return [];
  return db.transaction('r', db.activities, async () => {
    if (sets.length === 0) {
      const range = db.activities
        .where(driver.index)
        .between(driver.lower, driver.upper, true, true);
      if (limit !== Infinity) return range.reverse().limit(limit).primaryKeys();
      // All keys: read forwards (getAllKeys in every engine) and reverse in memory.
      return (await range.primaryKeys()).reverse();
    }
    const found = await Promise.all(sets.map((r) => keysIn(db, r)));
    // Smallest set first: most ids are rejected by the first lookup.
    const lookups = found.map((keys) => new Set(keys)).sort((a, b) => a.size - b.size);
    const smallest = lookups[0] ?? new Set<string>();
    const matches = (id: string) => lookups.every((set) => set.has(id));

    if (smallest.size <= rowLookupMax) {
      // Few candidates (a typical search): check them against the driver's range here.
      const rows = await db.activities.bulkGet([...smallest]);
      return rows
        .filter((row): row is ActivityRow => !!row && inRange(row, driver) && matches(row.id))
        .sort(newestFirst)
        .slice(0, limit)
        .map((row) => row.id);
    }
    const ordered = await keysIn(db, driver);
    const result: string[] = [];
    for (let i = ordered.length - 1; i >= 0 && result.length < limit; i--) {
      const id = ordered[i] as string;
      if (matches(id)) result.push(id);
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
function newestFirst(a: ActivityRow, b: ActivityRow): number {
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
  const { driver, sets } = plan(filter);
  if (sets.length === 0) {
    return db.activities
      .where(driver.index)
      .between(driver.lower, driver.upper, true, true)
      .count();
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
