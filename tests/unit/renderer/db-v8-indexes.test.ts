// Version 8 swaps two indexes of the entries for an officer's: a version 7 database with
// random entries (types, one the catalogue does not know, review states, posts, officers,
// days, deleted rows) opens at version 8, and the officer, a type alone, a review state alone,
// a type with a state, each with the other filters, list the same ids in the same order as a
// plain filter and sort of every row, windows and counts alike; so do the review queue's
// reads that used the dropped indexes.
import Dexie, { liveQuery } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countWith, selectIds } from '../../../renderer/src/db/activity-queries.ts';
import {
  countActivities,
  countByState,
  createActivity,
  listQueue,
  listReturned,
  openDatabase,
  reviewActivity,
  type ActivityFilter,
  type LiaisonDb,
} from '../../../renderer/src/db/index.ts';
import { DB_VERSION, STORES_V7, type ActivityRow } from '../../../renderer/src/db/schema.ts';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/domain/activity.ts';
import { ACTIVITY_TYPE_IDS, type ActivityTypeId } from '../../../shared/domain/catalogue-types.ts';
import { regionOfPost } from '../../../shared/summary/totals.ts';
import { freshName, liaisonInput, openTestDb } from './db-fixtures.ts';

const opened: LiaisonDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A type a newer app may write: this build's catalogue does not know it. */
const NEWER_TYPE = 'drone-survey' as ActivityTypeId;
const TYPES: readonly ActivityTypeId[] = [...ACTIVITY_TYPE_IDS, NEWER_TYPE];
/** Two posts of the Americas, one of Europe, one of Africa, one this version does not know. */
const POSTS = ['BOG', 'PAP', 'LON', 'NBO', 'ZZZ'] as const;
const OFFICERS = ['lo-1', 'lo-2', 'lo-3', 'lo-4', 'lo-5'] as const;
const WORDS = ['border', 'airline', 'briefing'] as const;

const arbEntry = fc.record({
  id: fc.stringMatching(/^[a-z0-9]{6}$/),
  type: fc.constantFrom(...TYPES),
  status: fc.constantFrom(...REVIEW_STATUSES),
  postCode: fc.constantFrom(...POSTS),
  officerId: fc.constantFrom(...OFFICERS),
  day: fc.integer({ min: 1, max: 28 }),
  // Few distinct times, so equal sort keys happen and the id decides.
  ms: fc.integer({ min: 0, max: 2 }),
  deleted: fc.boolean().chain((d) => (d ? fc.boolean() : fc.constant(false))),
  pending: fc.constantFrom(0 as const, 1 as const),
  word: fc.constantFrom(...WORDS),
});
type Entry = typeof arbEntry extends fc.Arbitrary<infer T> ? T : never;

/** The row as a build of version 7 stored it: a deleted row has no sortKey and no words. */
function rowOf(e: Entry): ActivityRow {
  const occurredOn = `2025-01-${String(e.day).padStart(2, '0')}`;
  const createdAt = `2025-01-01T09:00:00.00${e.ms}Z`;
  return {
    id: e.id,
    type: e.type,
    schemaVersion: 1,
    officerId: e.officerId,
    postCode: e.postCode,
    occurredOn,
    data: {},
    review: { status: e.status },
    deleted: e.deleted,
    createdAt,
    updatedAt: createdAt,
    clocks: {},
    reviewStatus: e.status,
    words: e.deleted ? [] : [e.word],
    pending: e.pending,
    localSeq: 0,
    ...(e.deleted ? {} : { sortKey: `${occurredOn}|${createdAt}` }),
  };
}

/** The ids a filter keeps, worked out from every row: a plain filter, then newest first. */
function plainly(rows: readonly ActivityRow[], f: ActivityFilter): string[] {
  const words = (f.text ?? '').split(/\s+/).filter((w) => w !== '');
  return rows
    .filter(
      (row) =>
        row.sortKey !== undefined &&
        (f.type === undefined || row.type === f.type) &&
        (f.status === undefined || row.reviewStatus === f.status) &&
        (f.pending === undefined || row.pending === (f.pending ? 1 : 0)) &&
        (f.officerId === undefined || row.officerId === f.officerId) &&
        (f.postCode === undefined || row.postCode === f.postCode) &&
        (f.region === undefined || regionOfPost(row.postCode) === f.region) &&
        (f.region === undefined ||
          f.visiblePosts === undefined ||
          f.visiblePosts.includes(row.postCode)) &&
        (f.from === undefined || row.occurredOn >= f.from) &&
        (f.to === undefined || row.occurredOn <= f.to) &&
        words.every((w) => row.words.some((rw) => rw.startsWith(w))),
    )
    .sort((a, b) =>
      a.sortKey === b.sortKey
        ? a.id < b.id
          ? 1
          : -1
        : (a.sortKey ?? '') < (b.sortKey ?? '')
          ? 1
          : -1,
    )
    .map((row) => row.id);
}

const FILTERS: readonly ActivityFilter[] = [
  { officerId: 'lo-1' },
  { officerId: 'lo-2', from: '2025-01-08', to: '2025-01-20' },
  { type: 'training' },
  { type: NEWER_TYPE },
  { type: 'liaison', from: '2025-01-05', to: '2025-01-15' },
  { status: 'pending' },
  { status: 'returned', to: '2025-01-14' },
  { type: 'training', status: 'approved' },
  { type: NEWER_TYPE, status: 'issues' },
  { officerId: 'lo-1', type: 'training' },
  { officerId: 'lo-3', status: 'issues' },
  { officerId: 'lo-2', postCode: 'BOG' },
  { officerId: 'lo-2', region: 'americas' },
  { officerId: 'lo-4', region: 'unknown' },
  { officerId: 'lo-5', pending: true },
  { officerId: 'lo-1', text: 'air' },
  { officerId: 'lo-1', type: 'liaison', status: 'pending', postCode: 'PAP', pending: false },
  { officerId: 'lo-3', region: 'americas', visiblePosts: ['BOG'] },
  { postCode: 'BOG', type: 'training' },
  { region: 'americas', status: 'pending', type: 'removal' },
  { region: 'europe', type: 'info-report', from: '2025-01-10' },
  { type: 'training', pending: true },
  { status: 'approved', text: 'brief' },
  { status: 'issues', pending: false },
  { type: 'evacuation', text: 'border' },
  { region: 'americas', visiblePosts: ['BOG', 'ZZZ'] },
  { region: 'unknown', visiblePosts: ['BOG', 'ZZZ'], status: 'pending' },
  { region: 'unknown', type: 'liaison' },
];

/** A version 7 database holding the rows, opened by this build (version 8 or later). */
async function upgraded(rows: readonly ActivityRow[]): Promise<LiaisonDb> {
  const name = freshName();
  const v7 = new Dexie(name);
  v7.version(7).stores(STORES_V7);
  await v7.open();
  await v7.table('activities').bulkPut([...rows]);
  v7.close();
  const db = await openDatabase(name);
  opened.push(db);
  return db;
}

/**
 * The filter lists and counts what `plainly` keeps, on every plan: the candidates' rows;
 * many candidates, the drivers' rows walked newest first (enough of them, or too few);
 * each range's matching ids read at once and their newest rows ordered (tails); the same
 * merged by a cursor. Whole lists and windows, and counts.
 */
async function expectEveryPlan(
  db: LiaisonDb,
  rows: readonly ActivityRow[],
  filter: ActivityFilter,
) {
  const want = plainly(rows, filter);
  const label = JSON.stringify(filter);
  for (const [rowLookupMax, tailRowsMax, walkRowsMax] of [
    [2000, 5000, 3000],
    [0, 5000, 0],
    [0, 0, 0],
    [0, 5000, 100_000],
    [0, 5000, 4],
    [2, 5000, 6],
  ] as const) {
    const plan = `${label} ${rowLookupMax}/${tailRowsMax}/${walkRowsMax}`;
    const ids = (limit: number) =>
      selectIds(db, filter, limit, rowLookupMax, tailRowsMax, walkRowsMax);
    expect(await ids(Infinity), plan).toEqual(want);
    for (const limit of [1, 3, 10]) expect(await ids(limit), plan).toEqual(want.slice(0, limit));
  }
  expect(await countActivities(db, filter), label).toBe(want.length);
  expect(await countWith(db, filter, 0), label).toBe(want.length);
}

/**
 * Entries crowded into few ranges (two types, two posts, a few days), so each of a filter's
 * ranges holds more matches than a window: which of them are the newest is then the question.
 */
const arbCrowded = fc.tuple(arbEntry, fc.constantFrom(...WORDS)).map(([e, second]) => ({
  ...e,
  second,
  type: e.type === 'training' || e.day % 2 === 0 ? ('training' as const) : ('liaison' as const),
  postCode: e.day % 3 === 0 ? ('PAP' as const) : ('BOG' as const),
  day: 1 + (e.day % 6),
}));

/** A crowded entry's row holds two words (the same one twice at times), so words intersect. */
function crowdedRow(e: Entry & { second: (typeof WORDS)[number] }): ActivityRow {
  const row = rowOf(e);
  return e.deleted ? row : { ...row, words: [e.word, e.second] };
}

const CROWDED_FILTERS: readonly ActivityFilter[] = [
  { type: 'training', text: 'b' },
  { text: 'bor air' },
  { type: 'training', text: 'bri bor' },
  { status: 'pending', text: 'air', pending: true },
  { postCode: 'BOG', type: 'training', text: 'bo' },
  { region: 'americas', text: 'airline brief', pending: false },
  { type: 'training', pending: false },
  { status: 'approved', text: 'air' },
  { region: 'americas', text: 'bor' },
  { postCode: 'BOG', type: 'training' },
  { region: 'americas', pending: true, from: '2025-01-03' },
];

describe('the entries’ indexes of version 8', () => {
  it('opens a version 7 database with the officer’s index and without the two dropped', async () => {
    const db = await upgraded([]);
    expect(db.verno).toBe(DB_VERSION);
    // Version 9 keeps version 8's stores (schema.ts): the indexes are version 8's.
    expect(DB_VERSION).toBeGreaterThanOrEqual(8);
    const names = db.activities.schema.indexes.map((i) => i.name);
    expect(names).toContain('[officerId+sortKey]');
    expect(names).not.toContain('[type+sortKey]');
    expect(names).not.toContain('[reviewStatus+sortKey]');
    const idb = db.backendDB().transaction('activities').objectStore('activities');
    expect([...idb.indexNames].sort()).toEqual([...names].sort());
  });

  it('lists and counts as a plain filter of every row, after the upgrade, on both plans', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(arbEntry, { selector: (e) => e.id, maxLength: 60 }),
        async (entries) => {
          const rows = entries.map(rowOf);
          const db = await upgraded(rows);
          for (const filter of FILTERS) {
            await expectEveryPlan(db, rows, filter);
          }
          // The review queue without posts read the review state's index: now each type's.
          const ids = (views: readonly { id: string }[]) => views.map((v) => v.id);
          expect(ids(await listQueue(db, {}))).toEqual(plainly(rows, {}));
          for (const state of REVIEW_STATUSES) {
            expect(ids(await listQueue(db, { state }))).toEqual(plainly(rows, { status: state }));
            expect(
              ids(await listQueue(db, { state, type: 'training', officerId: 'lo-2' })),
            ).toEqual(plainly(rows, { status: state, type: 'training', officerId: 'lo-2' }));
          }
          // At most a few, the newest: each range read newest first, type and officer checked
          // as read, so a narrow filter still finds its own newest.
          for (const limit of [1, 3]) {
            // Nothing checked on the rows: the newest from the index keys alone.
            expect(ids(await listQueue(db, { limit }))).toEqual(plainly(rows, {}).slice(0, limit));
            expect(ids(await listQueue(db, { state: 'pending', limit }))).toEqual(
              plainly(rows, { status: 'pending' }).slice(0, limit),
            );
            expect(ids(await listQueue(db, { posts: ['BOG', 'PAP'], limit }))).toEqual(
              plainly(rows, {})
                .filter((id) =>
                  ['BOG', 'PAP'].includes(rows.find((r) => r.id === id)?.postCode ?? ''),
                )
                .slice(0, limit),
            );
            expect(ids(await listQueue(db, { officerId: 'lo-2', limit }))).toEqual(
              plainly(rows, { officerId: 'lo-2' }).slice(0, limit),
            );
            expect(
              ids(await listQueue(db, { posts: ['BOG', 'PAP'], type: 'removal', limit })),
            ).toEqual(
              plainly(rows, { type: 'removal' })
                .filter((id) =>
                  ['BOG', 'PAP'].includes(rows.find((r) => r.id === id)?.postCode ?? ''),
                )
                .slice(0, limit),
            );
          }
          expect(ids(await listQueue(db, { type: NEWER_TYPE, from: '2025-01-10' }))).toEqual(
            plainly(rows, { type: NEWER_TYPE, from: '2025-01-10' }),
          );
          const counts = await countByState(db, undefined);
          for (const state of REVIEW_STATUSES) {
            expect(counts[state]).toBe(plainly(rows, { status: state }).length);
          }
          const sentBack = (officerId: string) =>
            plainly(rows, { officerId }).filter((id) =>
              ['returned', 'issues'].includes(
                rows.find((r) => r.id === id)?.reviewStatus as ReviewStatus,
              ),
            );
          expect(ids(await listReturned(db, 'lo-1'))).toEqual(sentBack('lo-1'));
          db.close();
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});

describe('many candidates across several ranges', () => {
  it('gives each window the newest matches of all the ranges, and counts them all', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(arbCrowded, { selector: (e) => e.id, minLength: 20, maxLength: 120 }),
        async (entries) => {
          const rows = entries.map(crowdedRow);
          const db = await upgraded(rows);
          for (const filter of CROWDED_FILTERS) await expectEveryPlan(db, rows, filter);
          db.close();
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);

  it('lists a damaged row whose one word is not in an array, on every plan, as its index does', async () => {
    const made = ['a1', 'a2', 'a3'].map((id, i) =>
      rowOf({
        id,
        type: 'training',
        status: 'pending',
        postCode: 'BOG',
        officerId: 'lo-1',
        day: 10 + i,
        ms: 0,
        deleted: false,
        pending: 0,
        word: 'border',
      }),
    );
    const damaged = { ...made[1], words: 'border' } as unknown as ActivityRow;
    const rows = [made[0], damaged, made[2]] as ActivityRow[];
    const db = await upgraded(rows);
    // IndexedDB indexes the lone word as one key: the row is found, and no plan throws.
    for (const filter of [{ text: 'bor' }, { text: 'bor', type: 'training' as const }]) {
      const want = ['a3', 'a2', 'a1'];
      for (const [rowLookupMax, tailRowsMax, walkRowsMax] of [
        [2000, 5000, 3000],
        [0, 5000, 3000],
        [0, 5000, 0],
        [0, 0, 0],
      ] as const) {
        const plan = `${JSON.stringify(filter)} ${rowLookupMax}/${tailRowsMax}/${walkRowsMax}`;
        expect(
          await selectIds(db, filter, 10, rowLookupMax, tailRowsMax, walkRowsMax),
          plan,
        ).toEqual(want);
      }
      expect(await countWith(db, filter, 2000)).toBe(3);
      expect(await countWith(db, filter, 0)).toBe(3);
    }
  });
});

describe('the officer and review-state reads under liveQuery', () => {
  it('emit the new list and counts after a save and a review', async () => {
    const t = await openTestDb();
    opened.push(t.db);
    const { db, author } = t;
    const first = await createActivity(db, author, liaisonInput({ occurredOn: '2025-04-01' }));
    const byOfficer: string[][] = [];
    const approved: string[][] = [];
    const queue: string[][] = [];
    const waiting: number[] = [];
    const subscriptions = [
      liveQuery(() => selectIds(db, { officerId: author.officerId }, 10, 2000)).subscribe({
        next: (ids) => byOfficer.push(ids),
      }),
      liveQuery(() => selectIds(db, { status: 'approved' }, 10, 2000)).subscribe({
        next: (ids) => approved.push(ids),
      }),
      liveQuery(() => listQueue(db, { state: 'approved' })).subscribe({
        next: (views) => queue.push(views.map((v) => v.id)),
      }),
      liveQuery(() => countByState(db, undefined)).subscribe({
        next: (counts) => waiting.push(counts.pending),
      }),
    ];
    await vi.waitFor(() => expect(byOfficer.at(-1)).toEqual([first.id]));
    await vi.waitFor(() => expect(approved.at(-1)).toEqual([]));
    await vi.waitFor(() => expect(waiting.at(-1)).toBe(1));
    const later = await createActivity(db, author, liaisonInput({ occurredOn: '2025-05-01' }));
    await vi.waitFor(() => expect(byOfficer.at(-1)).toEqual([later.id, first.id]));
    await vi.waitFor(() => expect(waiting.at(-1)).toBe(2));
    await reviewActivity(db, { ...author, officerId: 'lead-1' }, first.id, { status: 'approved' });
    await vi.waitFor(() => expect(approved.at(-1)).toEqual([first.id]));
    await vi.waitFor(() => expect(queue.at(-1)).toEqual([first.id]));
    await vi.waitFor(() => expect(waiting.at(-1)).toBe(1));
    for (const s of subscriptions) s.unsubscribe();
  });
});

describe('a review state alone under liveQuery', () => {
  it('runs again for a write in its state, not for a write of another state', async () => {
    const t = await openTestDb();
    opened.push(t.db);
    const { db, author } = t;
    const first = await createActivity(db, author, liaisonInput({ occurredOn: '2025-04-01' }));
    let approvedRuns = 0;
    const approved: string[][] = [];
    const waiting: number[] = [];
    const subscriptions = [
      liveQuery(() => {
        approvedRuns += 1;
        return selectIds(db, { status: 'approved' }, 10, 2000);
      }).subscribe({ next: (ids) => approved.push(ids) }),
      liveQuery(() => countByState(db, undefined)).subscribe({
        next: (counts) => waiting.push(counts.pending),
      }),
    ];
    await vi.waitFor(() => expect(approved.at(-1)).toEqual([]));
    await vi.waitFor(() => expect(waiting.at(-1)).toBe(1));
    const runsBefore = approvedRuns;
    // A new entry waits for review: the pending count follows, the approved list has no
    // reason to read again (the types are found in the index's gaps, not across all of it).
    await createActivity(db, author, liaisonInput({ occurredOn: '2025-05-01' }));
    await vi.waitFor(() => expect(waiting.at(-1)).toBe(2));
    expect(approvedRuns).toBe(runsBefore);
    // Approving one is a write in the approved state's range: the list reads again.
    await reviewActivity(db, { ...author, officerId: 'lead-1' }, first.id, { status: 'approved' });
    await vi.waitFor(() => expect(approved.at(-1)).toEqual([first.id]));
    expect(approvedRuns).toBeGreaterThan(runsBefore);
    for (const s of subscriptions) s.unsubscribe();
  });
});
