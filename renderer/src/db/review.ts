// The review queue's repository: a lead's or HQ's review of an entry written as ordinary
// changes (review fields and one comment item), so it travels in bundles and receipts like
// any change, checked first by the rules of shared/review; and the queue read by index.
import { type IndexableType, type IndexableTypePart } from 'dexie';
import { type ReviewStatus } from '../../../shared/domain/activity.ts';
import { type ActivityTypeId } from '../../../shared/domain/catalogue-types.ts';
import { applyFieldValues, type FieldValues } from '../../../shared/domain/activity-paths.ts';
import {
  MAX_COMMENT_LENGTH,
  commentPath,
  moveRefusal,
  type MoveRefusal,
  type ReviewActor,
  type ReviewComment,
  type ReviewerState,
} from '../../../shared/review/index.ts';
import {
  inWriteTransaction,
  writableRow,
  writeRecord,
  type Author,
  type WriteOptions,
} from './activities.ts';
import { newestFirst } from './activity-queries.ts';
import { type LiaisonDb } from './db.ts';
import { toActivity, toView, type ActivityView } from './rows.ts';
import { SORT_KEY_MAX_SUFFIX, type ActivityRow } from './schema.ts';
import { listedTypes, TYPE_STATE_INDEX } from './type-index.ts';
import { getMeta } from './meta.ts';
import { DEMO_OFFICERS } from '../../../shared/identity/demo.ts';

export interface ReviewAction {
  state: ReviewerState;
  /** Required to return an entry: the officer must know what to correct. */
  comment?: string;
}

export type ReviewRefusal =
  | MoveRefusal
  /** The entry changed since the reviewer read it: `entry` is the new version to read. */
  | 'changed-since-read'
  | 'comment-required'
  | 'comment-too-long';

export type ReviewOutcome =
  | { readonly ok: true; readonly entry: ActivityView }
  | { readonly ok: false; readonly reason: ReviewRefusal; readonly entry?: ActivityView };

/** Why `action` cannot be written as it stands, before looking at the entry. */
function actionProblem(action: ReviewAction): ReviewRefusal | null {
  const text = action.comment?.trim() ?? '';
  if (text.length > MAX_COMMENT_LENGTH) return 'comment-too-long';
  if (action.state === 'returned' && text === '') return 'comment-required';
  return null;
}

function actorId(actor: ReviewActor): string {
  return actor.role === 'hq' ? actor.userId : actor.officerId;
}

/**
 * Gives `action` to entry `id`, read by the reviewer at `seenVersion` (ActivityView.version).
 * Refused, with nothing written, when the rules say no or the entry has changed since: the
 * reviewer is then shown the new version before any review is stored.
 */
export async function reviewEntry(
  db: LiaisonDb,
  author: Author,
  actor: ReviewActor,
  id: string,
  action: ReviewAction,
  seenVersion: string,
  options: WriteOptions = {},
): Promise<ReviewOutcome> {
  const early = actionProblem(action);
  if (early) return { ok: false, reason: early };
  // Dexie keeps the transaction across awaits inside an async scope function only.
  const request = { author, actor, id, action, seenVersion, options };
  return inWriteTransaction(db, async () => await writeReview(db, request));
}

/** reviewEntry's arguments, handed on whole to the write inside its transaction. */
interface ReviewRequest {
  readonly author: Author;
  readonly actor: ReviewActor;
  readonly id: string;
  readonly action: ReviewAction;
  readonly seenVersion: string;
  readonly options: WriteOptions;
}

async function writeReview(db: LiaisonDb, request: ReviewRequest): Promise<ReviewOutcome> {
  const { author, actor, id, action, seenVersion, options } = request;
  const row = await writableRow(db, author, id, options, 'review');
  const current = toView(row);
  if (current.version !== seenVersion) {
    return { ok: false, reason: 'changed-since-read', entry: current };
  }
  const refusal = moveRefusal(actor, row, current.reviewState.state, action.state);
  if (refusal) return { ok: false, reason: refusal, entry: current };
  const at = new Date(db.now()).toISOString();
  const text = action.comment?.trim() ?? '';
  const values: FieldValues = {
    'review.status': action.state,
    'review.by': author.officerId,
    'review.at': at,
  };
  if (text !== '') {
    const comment: ReviewComment = {
      by: actorId(actor),
      role: actor.role,
      at,
      state: action.state,
      text,
    };
    values[commentPath(db.newId())] = { ...comment };
  }
  const after = applyFieldValues(toActivity(row), values);
  const entry = await writeRecord(db, author, row, after, ['review.status']);
  return { ok: true, entry };
}

/** Approves each entry at the version the reviewer saw; one outcome per id, in order. */
export async function approveEntries(
  db: LiaisonDb,
  author: Author,
  actor: ReviewActor,
  seen: readonly { id: string; version: string }[],
  options: WriteOptions = {},
): Promise<ReviewOutcome[]> {
  // One transaction: the selection is approved whole or, if storage fails, not at all.
  return inWriteTransaction(db, async () => {
    const outcomes: ReviewOutcome[] = [];
    for (const { id, version } of seen) {
      const action: ReviewAction = { state: 'approved' };
      outcomes.push(
        await writeReview(db, { author, actor, id, action, seenVersion: version, options }),
      );
    }
    return outcomes;
  });
}

export interface QueueFilter {
  /** The posts to read: a lead's own, or HQ's choice; undefined at HQ: every post. */
  posts?: readonly string[];
  state?: ReviewStatus;
  type?: ActivityTypeId;
  officerId?: string;
  /** First and last day included, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /**
   * At most this many, the newest: a queue of tens of thousands (HQ's demo network) took a
   * minute to read and draw whole. Each range is read newest first up to it, checked as it
   * is read, so type and officer still find their own newest.
   */
  limit?: number;
}

/**
 * The queue's entries, newest first. Per post and state it reads one key range of
 * [postCode+reviewStatus+sortKey] (the period bounds the range too); without posts, one of
 * [type+reviewStatus+sortKey] per type (the one chosen, or each listed) and state. Type and
 * officer are checked on the rows read.
 */
export async function listQueue(db: LiaisonDb, filter: QueueFilter): Promise<ActivityView[]> {
  const lo = filter.from ?? '';
  const hi = filter.to ? filter.to + SORT_KEY_MAX_SUFFIX : '\uffff';
  const states: readonly ReviewStatus[] = filter.state
    ? [filter.state]
    : ['pending', 'issues', 'returned', 'approved'];
  const range = (index: string, ...prefix: IndexableTypePart[]) => ({
    index,
    lower: [...prefix, lo],
    upper: [...prefix, hi],
  });
  const { posts, type } = filter;
  const ranges = posts
    ? posts.flatMap((post) =>
        states.map((state) => range('[postCode+reviewStatus+sortKey]', post, state)),
      )
    : (type !== undefined ? [type] : await listedTypes(db)).flatMap((t) =>
        states.map((state) => range(TYPE_STATE_INDEX, t, state)),
      );
  const keep = (row: ActivityRow) =>
    !row.deleted &&
    (type === undefined || row.type === type) &&
    (filter.officerId === undefined || row.officerId === filter.officerId);
  const { limit } = filter;
  return db.transaction('r', db.activities, async () => {
    // Nothing to check on the rows: the index keys alone say which are the newest `limit`,
    // and only those rows are read (a lead's queue had read up to `limit` rows per post,
    // some 5,000 to show 500, on every change: a second after each approval).
    if (limit !== undefined && type === undefined && filter.officerId === undefined) {
      const newest = await newestInRanges(db, ranges, limit);
      const rows = await db.activities.bulkGet(newest);
      // A row from an older build may be deleted yet still in the index: read as below.
      if (rows.every((row) => row !== undefined && keep(row))) {
        return rows.flatMap((row) => (row ? [toView(row)] : []));
      }
    }
    const found = await Promise.all(
      ranges.map((r) => {
        const all = db.activities.where(r.index).between(r.lower, r.upper, true, true);
        return (limit === undefined ? all : all.reverse().filter(keep).limit(limit)).toArray();
      }),
    );
    const rows = found.flat().filter(keep).sort(newestFirst);
    return (limit === undefined ? rows : rows.slice(0, limit)).map(toView);
  });
}

type IndexRange = { index: string; lower: IndexableType; upper: IndexableType };
type KeyOfRow = { id: string; sortKey: string };

/** A range's newest `count` keys: one key cursor gives the index key (sortKey last) and id. */
async function newestKeysOf(db: LiaisonDb, r: IndexRange, count: number): Promise<KeyOfRow[]> {
  const found: KeyOfRow[] = [];
  await db.activities
    .where(r.index)
    .between(r.lower, r.upper, true, true)
    .reverse()
    .limit(count)
    .eachKey((key, cursor) => {
      found.push({
        id: String(cursor.primaryKey),
        sortKey: Array.isArray(key) ? String(key[key.length - 1]) : '',
      });
    });
  return found;
}

/**
 * The ids of the newest `limit` rows over key ranges of a [… + sortKey] index, newest first
 * (as newestFirst orders rows), from the index keys alone. A cursor step costs far more than
 * a row read in bulk, so each range is first read for its share of `limit` only, and read
 * deeper (twice as far each time) only while its last key read could still be among the
 * newest `limit`: a lead's eight posts give some 560 steps for 500 rows, not 4,000.
 */
async function newestInRanges(
  db: LiaisonDb,
  ranges: readonly IndexRange[],
  limit: number,
): Promise<string[]> {
  const read: { keys: KeyOfRow[]; count: number }[] = ranges.map(() => ({ keys: [], count: 0 }));
  let open = ranges.map((_, i) => i);
  let count = Math.ceil(limit / Math.max(1, ranges.length)) + 1;
  for (;;) {
    await Promise.all(
      open.map(async (i) => {
        const range = ranges[i];
        const entry = read[i];
        if (!range || !entry) return;
        entry.keys = await newestKeysOf(db, range, count);
        entry.count = count;
      }),
    );
    const merged = read.flatMap((r) => r.keys).sort(newestFirst);
    const last = merged.length >= limit ? merged[limit - 1] : undefined;
    // A range cut short may hold more that belong: all of them while the window is not full,
    // else those whose last key read is newer than the window's last.
    open = read.flatMap((r, i) => {
      const cut = r.keys.length === r.count;
      const end = r.keys[r.keys.length - 1];
      return cut && end && (!last || newestFirst(end, last) < 0) ? [i] : [];
    });
    if (open.length === 0) return merged.slice(0, limit).map((k) => k.id);
    count *= 2;
  }
}

/** How many entries wait in each state, for the posts given (all posts when undefined). */
export async function countByState(
  db: LiaisonDb,
  posts: readonly string[] | undefined,
): Promise<Record<ReviewStatus, number>> {
  // Without posts, each listed type's range of the state (no index holds a state alone).
  const prefixes: IndexableTypePart[][] = posts
    ? posts.map((post) => [post])
    : (await listedTypes(db)).map((type) => [type]);
  const index = posts ? '[postCode+reviewStatus+sortKey]' : TYPE_STATE_INDEX;
  const count = async (state: ReviewStatus) => {
    const counts = await Promise.all(
      prefixes.map((prefix) =>
        db.activities
          .where(index)
          .between([...prefix, state, ''], [...prefix, state, '\uffff'], true, true)
          .count(),
      ),
    );
    return counts.reduce((a, b) => a + b, 0);
  };
  const [pending, approved, issues, returned] = await Promise.all(
    (['pending', 'approved', 'issues', 'returned'] as const).map(count),
  );
  return {
    pending: pending ?? 0,
    approved: approved ?? 0,
    issues: issues ?? 0,
    returned: returned ?? 0,
  };
}

/** Someone the lead or HQ may see an entry of: named from the profile or a lead's approval. */
export interface Person {
  officerId: string;
  name: string;
  postCode?: string;
}

/**
 * Everyone this device knows by name: the profile's devices and leads, a lead's own
 * approvals, and in the demo network its officers. A device approved from its bundle alone
 * carries its id as its name: a better name found elsewhere wins.
 */
export async function listPeople(db: LiaisonDb): Promise<Person[]> {
  const [signed, approvals] = await Promise.all([
    getMeta(db, 'profile'),
    db.exchangeApprovals.toArray(),
  ]);
  const profile = signed?.profile;
  const people = new Map<string, Person>();
  const add = (officerId: string, name: string, postCode?: string) => {
    const known = people.get(officerId);
    if (known && known.name !== officerId) return;
    const best = name === officerId && known ? known.name : name;
    people.set(officerId, { officerId, name: best, ...(postCode ? { postCode } : {}) });
  };
  for (const d of profile?.devices ?? []) add(d.officerId, d.name, d.postCode);
  for (const l of profile?.leads ?? []) add(l.officerId, l.name);
  for (const a of approvals) add(a.officerId, a.name, a.postCode);
  if (!profile || profile.demo) {
    for (const o of DEMO_OFFICERS) add(o.officerId, o.name, o.postCode);
  }
  return [...people.values()];
}

/**
 * An officer's entries a reviewer sent back (returned, or with issues), newest first: each
 * listed type's ranges of those two states, few rows, checked for the officer (its own range
 * of [officerId+sortKey] would read all its entries after every save).
 */
export async function listReturned(db: LiaisonDb, officerId: string): Promise<ActivityView[]> {
  const types = await listedTypes(db);
  const found = await Promise.all(
    types.flatMap((type) =>
      (['returned', 'issues'] as const).map((state) =>
        db.activities
          .where(TYPE_STATE_INDEX)
          .between([type, state, ''], [type, state, '\uffff'], true, true)
          .filter((row) => row.officerId === officerId)
          .toArray(),
      ),
    ),
  );
  return found.flat().sort(newestFirst).map(toView);
}

/** How many of an officer's entries wait for its correction: the status strip's count. */
export async function countReturned(db: LiaisonDb, officerId: string): Promise<number> {
  return (await listReturned(db, officerId)).length;
}
