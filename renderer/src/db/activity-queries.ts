// Reading activities for lists, detail and history. Lists return ids only, newest first,
// read from index keys without loading rows; the UI bulk-loads the visible window.
import Dexie, {
  cmp,
  type IndexableType,
  type IndexableTypePart,
  type PromiseExtended,
} from 'dexie';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/domain/activity.ts';
import { ACTIVITY_TYPE_IDS, type ActivityTypeId } from '../../../shared/domain/catalogue-types.ts';
import { isRegionId, postsInRegion } from '../../../shared/domain/posts.ts';
import { regionOfPost, type RegionOrUnknown } from '../../../shared/summary/totals.ts';
import { type Change } from '../../../shared/sync/change.ts';
import { inHlcOrder } from './change-log.ts';
import { type LiaisonDb } from './db.ts';
import { getMeta } from './meta.ts';
import { toView, type ActivityView } from './rows.ts';
import { unreadableOf, type UnreadableActivity } from './row-check.ts';
import { SORT_KEY_MAX_SUFFIX, type ActivityRow } from './schema.ts';
import { listedTypes, statesOf, TYPE_STATE_INDEX } from './type-index.ts';
import { wordRanges } from './words.ts';

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
  /** Where, as the summaries drill down: a region (by the posts it holds), a post, an officer. */
  region?: RegionOrUnknown;
  postCode?: string;
  officerId?: string;
  /**
   * A lead's posts (the log's place choices): a region keeps only those of its posts, as the
   * lead's summaries count no other. Undefined at HQ: a region is all its posts.
   */
  visiblePosts?: readonly string[];
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
 * The query plan. The most specific index that covers the filters drives the order: its
 * `drivers` are key ranges already in sortKey order (several when the filter names posts, a
 * type alone or a review state alone: one per post and review state of
 * [postCode+reviewStatus+sortKey], or per type and state of [type+reviewStatus+sortKey],
 * merged newest first), so the first rows are bounded reads whatever the table size. An
 * officer drives alone ([officerId+sortKey]): its entries are a few thousand at most, so
 * every other filter but the words is checked on its rows (`rowCheck`) rather than read as a
 * network-wide set of keys. Otherwise the filters the drivers do not cover (text words, a
 * type or pending beside posts) become `sets` of primary keys to intersect, each the union of
 * its ranges; a region this version does not know is checked on the rows.
 */
function plan(db: LiaisonDb, filter: ActivityFilter): PromiseExtended<Plan> {
  const lo = filter.from ?? '';
  const hi = filter.to ? filter.to + SORT_KEY_MAX_SUFFIX : '\uffff';
  const on = (index: string, ...prefix: IndexableTypePart[]): Range => ({
    index,
    lower: [...prefix, lo],
    upper: [...prefix, hi],
  });
  // Dexie promises throughout, never a native await: under liveQuery and in a transaction an
  // await on a plain promise loses Dexie's zone (the live query stops watching, or the
  // transaction commits early: PrematureCommitError).
  const done = <T>(value: T) => Dexie.Promise.resolve(value);
  const pending = filter.pending === undefined ? undefined : filter.pending ? 1 : 0;
  const { type, status, officerId } = filter;
  // Each typed word: its prefix in the words, or an option whose labels have such a word.
  const sets: Range[][] = wordRanges(
    filter.text ?? '',
    ACTIVITY_TYPE_IDS.map((id) => db.typeLookup(id)),
  ).map((union) => union.map((r) => ({ index: 'words', ...r })));
  const posts = postsOf(filter);
  if (posts?.length === 0) return done({ drivers: [], sets, without: [], rowCheck: undefined });

  if (officerId !== undefined) {
    const inRegion = unknownRegionOnly(filter);
    const checks: ((row: ActivityRow) => boolean)[] = [
      ...(type !== undefined ? [(row: ActivityRow) => row.type === type] : []),
      ...(status !== undefined ? [(row: ActivityRow) => row.reviewStatus === status] : []),
      ...(pending !== undefined ? [(row: ActivityRow) => (row.pending ?? 0) === pending] : []),
      ...(posts !== undefined ? [(row: ActivityRow) => posts.includes(row.postCode)] : []),
      ...(inRegion ? [(row: ActivityRow) => regionOfPost(row.postCode) === 'unknown'] : []),
    ];
    return done({
      drivers: [on('[officerId+sortKey]', officerId)],
      sets,
      without: [],
      rowCheck: checks.length === 0 ? undefined : (row) => checks.every((check) => check(row)),
    });
  }

  const unknownRegion = unknownRegionOnly(filter);
  const planned = (drivers: Range[]): Plan => {
    if (pending === 1 && drivers[0]?.index !== '[pending+sortKey]') {
      sets.push([on('[pending+sortKey]', 1)]);
    }
    return {
      drivers,
      sets,
      // Not pending: a settled row has no [pending+sortKey] entry (rows before 2026-12-07 have
      // one under 0), so it is every row but the pending ones, which are few.
      without: pending === 0 ? [on('[pending+sortKey]', 1)] : [],
      rowCheck: unknownRegion ? (row) => regionOfPost(row.postCode) === 'unknown' : undefined,
    };
  };
  // A type's ranges, one per review state: the one chosen, or each its entries are in.
  const ofType = (t: ActivityTypeId) =>
    status !== undefined
      ? done([on(TYPE_STATE_INDEX, t, status)])
      : statesOf(db, t).then((states) => states.map((s) => on(TYPE_STATE_INDEX, t, s)));
  if (posts !== undefined) {
    const statuses = status !== undefined ? [status] : REVIEW_STATUSES;
    const drivers = posts.flatMap((post) =>
      statuses.map((s) => on('[postCode+reviewStatus+sortKey]', post, s)),
    );
    if (type === undefined) return done(planned(drivers));
    return ofType(type).then((ranges) => {
      sets.push(ranges);
      return planned(drivers);
    });
  }
  if (type !== undefined) return ofType(type).then(planned);
  if (status !== undefined) {
    return listedTypes(db).then((types) =>
      planned(types.map((t) => on(TYPE_STATE_INDEX, t, status))),
    );
  }
  if (pending === 1) return done(planned([on('[pending+sortKey]', 1)]));
  return done(planned([{ index: 'sortKey', lower: lo, upper: hi }]));
}

/**
 * The posts a filter keeps, when an index can find them: its post, the posts of a known
 * region (the summaries' rule, regionOfPost), or for a lead the posts it may see within the
 * region (`visiblePosts`: the summaries count no other, so a drill-down shows what they
 * counted). None (an empty list) when the post lies outside the region; undefined when the
 * filter does not narrow by a place an index can find (none, or HQ's unknown region).
 */
function postsOf(filter: ActivityFilter): readonly string[] | undefined {
  const { postCode, region, visiblePosts } = filter;
  if (region === undefined) return postCode === undefined ? undefined : [postCode];
  const inRegion = (code: string) =>
    regionOfPost(code) === region && (visiblePosts === undefined || visiblePosts.includes(code));
  if (postCode !== undefined) return inRegion(postCode) ? [postCode] : [];
  if (visiblePosts !== undefined) return [...new Set(visiblePosts)].filter(inRegion);
  if (isRegionId(region)) return postsInRegion(region).map((p) => p.code);
  return undefined;
}

/** HQ's region "Other posts" (posts this version does not know): no index holds it. */
function unknownRegionOnly(filter: ActivityFilter): boolean {
  return postsOf(filter) === undefined && filter.region === 'unknown';
}

interface Plan {
  drivers: Range[];
  /** Each a union of ranges; an id must be in every set. */
  sets: Range[][];
  /** Ranges whose ids are left out (one small set: the pending rows, for "not pending"). */
  without: Range[];
  rowCheck: ((row: ActivityRow) => boolean) | undefined;
}

/**
 * The ids in any of the ranges. An id may come more than once (a row holding a typed word's
 * prefix and one of its options, or two of its options): the caller makes a Set of them.
 */
async function keysIn(db: LiaisonDb, union: Range[]): Promise<string[]> {
  return (await keysPerRange(db, union)).flat();
}

/**
 * Each range's ids, at most `cap` a range. `known` holds a range's ids read before with that
 * cap: a range that gave fewer was read whole, and is not read again.
 */
async function keysPerRange(
  db: LiaisonDb,
  union: Range[],
  cap = Infinity,
  known?: { cap: number; keys: string[][] },
): Promise<string[][]> {
  return Promise.all(
    union.map((r, i) => {
      const before = known?.keys[i];
      if (before && before.length < known.cap) return Promise.resolve(before);
      const range = db.activities.where(r.index).between(r.lower, r.upper, true, true);
      return (cap === Infinity ? range : range.limit(cap)).primaryKeys();
    }),
  );
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
 * (or type and status together), posts, or an officer, and no text, only `limit` keys are
 * read per range, so the first screen costs the same at 100 or 100,000 records. Text and
 * the other combinations read the matching keys of each index involved and intersect them
 * (see selectIds); beside an officer, the other filters are checked on its rows, read a
 * slice at a time.
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
/** Rows read at most to order several ranges' newest matches (matchingTails). */
const TAIL_ROWS_MAX = 5000;

/** Rows a window reads at most, over all its drivers, before it reads the sets whole. */
const WALK_ROWS_MAX = 3000;

/**
 * Where the plans switch: up to rowLookupMax candidates, their rows; a window walks up to
 * walkRowsMax of the drivers' rows; then the sets are read whole, and up to tailRowsMax rows
 * order several ranges' newest matches.
 */
interface PlanLimits {
  rowLookupMax: number;
  tailRowsMax: number;
  walkRowsMax: number;
}
/** Rows read at a time when a filter needs the row itself (beside an officer). */
const ROW_SLICE = 500;

/** listActivityIds with the plans' thresholds exposed, so tests can run every path. */
export async function selectIds(
  db: LiaisonDb,
  filter: ActivityFilter,
  limit: number,
  rowLookupMax: number,
  tailRowsMax = TAIL_ROWS_MAX,
  walkRowsMax = WALK_ROWS_MAX,
): Promise<string[]> {
  if (limit <= 0) return [];
  return db.transaction('r', db.activities, async () =>
    idsOf(db, await plan(db, filter), limit, { rowLookupMax, tailRowsMax, walkRowsMax }),
  );
}

/** The plan's ids, newest first, at most `limit`: inside selectIds' or the count's transaction. */
async function idsOf(
  db: LiaisonDb,
  { drivers, sets, without, rowCheck }: Plan,
  limit: number,
  { rowLookupMax, tailRowsMax, walkRowsMax }: PlanLimits,
  order: 'newest-first' | 'any' = 'newest-first',
): Promise<string[]> {
  if (drivers.length === 0) return [];
  const left = new Set(without.length > 0 ? await keysIn(db, without) : []);
  if (sets.length === 0 && !rowCheck && left.size === 0) return newestKeys(db, drivers, limit);
  // What a row must hold besides lying in a driver's range: checked on the row itself, it
  // says what the sets' key lookups say (a row is in an index range exactly when its fields
  // are), so a candidate needs no other set read.
  const keep = (row: ActivityRow) =>
    !left.has(row.id) &&
    sets.every((union) => union.some((r) => rowInRange(row, r))) &&
    (!rowCheck || rowCheck(row));

  // Each set's keys, up to rowLookupMax + 1 a range: a set read whole and that small is the
  // candidates (a typical search, or a rare word beside a common one), whose rows are read
  // and checked here; a bigger set is not read whole yet.
  const cap = rowLookupMax + 1;
  const probes = await Promise.all(sets.map((union) => keysPerRange(db, union, cap)));
  // A set of at most rowLookupMax keys in all had no range cut short: it is whole.
  const small = probes
    .map((perRange) => perRange.flat())
    .filter((keys) => keys.length <= rowLookupMax)
    .map((keys) => new Set(keys))
    .sort((a, b) => a.size - b.size)[0];
  if (small) {
    const rows = await db.activities.bulkGet([...small]);
    return rows
      .filter(
        (row): row is ActivityRow => !!row && drivers.some((d) => inRange(row, d)) && keep(row),
      )
      .sort(newestFirst)
      .slice(0, limit)
      .map((row) => row.id);
  }
  // Many candidates and a window to fill (a common word, as typed): the drivers' rows newest
  // first, checked here, until the window is full or walkRowsMax rows are read.
  if (limit !== Infinity && order === 'newest-first') {
    const walked = await walkNewest(db, drivers, keep, limit, walkRowsMax);
    if (walked) return walked;
  }
  // The sets whole: only their ranges the probe cut short are read again.
  const found = await Promise.all(
    sets.map(async (union, i) =>
      (await keysPerRange(db, union, Infinity, { cap, keys: probes[i] ?? [] })).flat(),
    ),
  );
  // Smallest set first: most ids are rejected by the first lookup.
  const lookups = found.map((keys) => new Set(keys)).sort((a, b) => a.size - b.size);
  const matches = (id: string) => !left.has(id) && lookups.every((set) => set.has(id));

  if (drivers.length > 1 && !rowCheck) {
    const tails = await matchingTails(db, drivers, matches, limit, order, tailRowsMax);
    if (tails) return tails;
  }
  const ordered = await newestKeys(db, drivers, Infinity);
  const kept = lookups.length === 0 && left.size === 0 ? ordered : ordered.filter(matches);
  if (!rowCheck) return kept.slice(0, limit);
  // What only the row holds (beside an officer, HQ's unknown region): read the candidates
  // newest first, a slice at a time, and stop once the window is full (a count reads them
  // all: an officer's entries, or the other filters' candidates; docs/summaries.md).
  const result: string[] = [];
  for (let i = 0; i < kept.length && result.length < limit; i += ROW_SLICE) {
    const rows = await db.activities.bulkGet(kept.slice(i, i + ROW_SLICE));
    for (const row of rows) {
      if (row && rowCheck(row) && result.length < limit) result.push(row.id);
    }
  }
  return result;
}

/**
 * Several drivers (a type's or a state's ranges, a region's posts) and more candidates than
 * are worth reading (a common word): each range's ids in one read, in index order (oldest
 * first), kept when they match. A count needs no order. A window is the newest `limit`
 * matches of each range, whose rows are read to put them in order: a few hundred rows for
 * the first screen, where walking the ranges with a cursor to learn every key's sortKey took
 * seconds at HQ's size (docs/database.md). Undefined when those rows would be too many (a
 * window scrolled far down across many ranges): the caller then merges with a cursor.
 */
async function matchingTails(
  db: LiaisonDb,
  drivers: Range[],
  matches: (id: string) => boolean,
  limit: number,
  order: 'newest-first' | 'any',
  tailRowsMax: number,
): Promise<string[] | undefined> {
  const perRange = await Promise.all(
    drivers.map((r) =>
      db.activities.where(r.index).between(r.lower, r.upper, true, true).primaryKeys(),
    ),
  );
  const kept = perRange.map((ids) => ids.filter(matches));
  if (order === 'any') return kept.flat();
  const tails = kept.flatMap((ids) => (ids.length <= limit ? ids : ids.slice(ids.length - limit)));
  if (tails.length > tailRowsMax) return undefined;
  const rows = await db.activities.bulkGet(tails);
  return rows
    .filter((row): row is ActivityRow => !!row)
    .sort(newestFirst)
    .slice(0, limit)
    .map((row) => row.id);
}

/**
 * The drivers' rows newest first, each driver read until it gives `limit` rows to keep, runs
 * out, or its share of `maxRows` is read; their kept rows merged. A driver stopped by its
 * share may still hold matches, all older than the last row read from it (its frontier): the
 * window is known when the merged window's last row is newer than every such frontier.
 * Undefined when it is not (those matches may belong in it).
 */
async function walkNewest(
  db: LiaisonDb,
  drivers: Range[],
  keep: (row: ActivityRow) => boolean,
  limit: number,
  maxRows: number,
): Promise<string[] | undefined> {
  if (maxRows <= 0) return undefined;
  const share = Math.max(1, Math.floor(maxRows / drivers.length));
  const frontiers: ActivityRow[] = [];
  const kept: ActivityRow[] = [];
  await Promise.all(
    drivers.map(async (r) => {
      let seen = 0;
      let hits = 0;
      let last: ActivityRow | undefined;
      await db.activities
        .where(r.index)
        .between(r.lower, r.upper, true, true)
        .reverse()
        .until(() => hits >= limit || seen >= share)
        .each((row) => {
          seen += 1;
          last = row;
          if (!keep(row)) return;
          hits += 1;
          kept.push(row);
        });
      if (hits < limit && seen >= share && last) frontiers.push(last);
    }),
  );
  const window = kept.sort(newestFirst).slice(0, limit);
  if (frontiers.length > 0) {
    const end = window.length === limit ? window[limit - 1] : undefined;
    if (!end || frontiers.some((f) => newestFirst(end, f) >= 0)) return undefined;
  }
  return window.map((row) => row.id);
}

/**
 * Whether the row has a key in the range: for `words` (multiEntry), any of its words, or the
 * value itself when a damaged row holds one word that is not in an array, as IndexedDB indexes
 * it. A value that is no key is outside every range (cmp gives NaN), as it is in no index.
 */
function rowInRange(row: ActivityRow, r: Range): boolean {
  if (r.index !== 'words') return inRange(row, r);
  const words: unknown = row.words;
  const held: unknown[] = Array.isArray(words) ? words : words === undefined ? [] : [words];
  return held.some((w) => {
    try {
      return cmp(w, r.lower) >= 0 && cmp(w, r.upper) <= 0;
    } catch {
      return false;
    }
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
export function newestFirst(
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
 * (no count over 100,000 rows); with one index's filters (an officer alone among them) the
 * sum of its ranges' counts; else the ids.
 */
export async function countActivities(db: LiaisonDb, filter: ActivityFilter = {}): Promise<number> {
  return countWith(db, filter, ROW_LOOKUP_MAX);
}

/** countActivities with the candidate threshold exposed, so tests can count on every plan. */
export async function countWith(
  db: LiaisonDb,
  filter: ActivityFilter,
  rowLookupMax: number,
): Promise<number> {
  // A lead's visible posts narrow a region only: alone they are no filter.
  const unfiltered = Object.entries(filter).every(
    ([name, v]) => name === 'visiblePosts' || v === undefined || v === '',
  );
  if (unfiltered) return (await getMeta(db, 'activityCount')) ?? 0;
  return db.transaction('r', db.activities, async () => {
    const planned = await plan(db, filter);
    const { drivers, sets, without, rowCheck } = planned;
    if (sets.length > 0 || without.length > 0 || rowCheck) {
      const limits = { rowLookupMax, tailRowsMax: TAIL_ROWS_MAX, walkRowsMax: 0 };
      return (await idsOf(db, planned, Infinity, limits, 'any')).length;
    }
    const counts = await Promise.all(
      drivers.map((d) =>
        db.activities.where(d.index).between(d.lower, d.upper, true, true).count(),
      ),
    );
    return counts.reduce((a, b) => a + b, 0);
  });
}

/** Every change to a record, local and imported, in HLC order (the order merge applies). */
export async function getHistory(db: LiaisonDb, recordId: string): Promise<Change[]> {
  return inHlcOrder(
    await db.changes
      .where('[recordId+hlc]')
      .between([recordId, Dexie.minKey], [recordId, Dexie.maxKey], true, true)
      .toArray(),
  );
}
