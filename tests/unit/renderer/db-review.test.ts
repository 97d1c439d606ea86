import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  approveEntries,
  countByState,
  createActivity,
  getActivity,
  listQueue,
  openDatabase,
  reviewEntry,
  updateActivity,
  type LiaisonDb,
} from '../../../renderer/src/db/index.ts';
import { threadOf, MAX_COMMENT_LENGTH, type ReviewActor } from '../../../shared/review/index.ts';
import { toFieldValues } from '../../../shared/domain/activity-paths.ts';
import { STORES_V3 } from '../../../renderer/src/db/schema.ts';
import { freshName, liaisonInput, openTestDb, testTypes } from './db-fixtures.ts';
import { logChanges } from './change-log-helpers.ts';

const opened: LiaisonDb[] = [];
async function setup() {
  const t = await openTestDb();
  opened.push(t.db);
  const lead = { ...t.author, officerId: 'tl-andes' };
  const leadActor: ReviewActor = { role: 'lead', officerId: 'tl-andes', posts: ['BOG'] };
  return { ...t, lead, leadActor };
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('reviewEntry', () => {
  it('returns an entry with a comment item that the thread lists, as changes by the lead', async () => {
    const { db, author, lead, leadActor } = await setup();
    const entry = await createActivity(db, author, liaisonInput());
    const outcome = await reviewEntry(
      db,
      lead,
      leadActor,
      entry.id,
      {
        state: 'returned',
        comment: '  Add the flight number  ',
      },
      entry.version,
    );
    expect(outcome.ok).toBe(true);
    const stored = await getActivity(db, entry.id);
    expect(stored?.reviewState).toEqual({ state: 'returned' });
    const thread = threadOf(toFieldValues(stored!));
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({
      by: 'tl-andes',
      role: 'lead',
      state: 'returned',
      text: 'Add the flight number',
    });
    const mine = (await logChanges(db)).filter((c) => c.author === 'tl-andes');
    expect(mine.map((c) => c.field).sort()).toEqual(
      ['review.at', 'review.by', `review.comments.${thread[0]!.id}`, 'review.status'].sort(),
    );
  });

  it('refuses a return without a comment, a comment over the limit, and a post the lead does not lead', async () => {
    const { db, author, lead, leadActor } = await setup();
    const entry = await createActivity(db, author, liaisonInput());
    const before = await db.changes.count();
    const go = (actor: ReviewActor, comment?: string) =>
      reviewEntry(db, lead, actor, entry.id, { state: 'returned', comment }, entry.version);
    expect(await go(leadActor)).toMatchObject({ ok: false, reason: 'comment-required' });
    expect(await go(leadActor, 'x'.repeat(MAX_COMMENT_LENGTH + 1))).toMatchObject({
      ok: false,
      reason: 'comment-too-long',
    });
    expect(await go({ role: 'lead', officerId: 'tl-andes', posts: ['LIM'] }, 'why')).toMatchObject({
      ok: false,
      reason: 'not-your-post',
    });
    expect(await go({ role: 'officer', officerId: 'lo-bogota-1' }, 'why')).toMatchObject({
      ok: false,
      reason: 'officer-cannot-review',
    });
    expect(await db.changes.count()).toBe(before);
  });

  it('refuses a review of an entry changed since the reviewer read it, and hands over the new version', async () => {
    const { db, author, lead, leadActor } = await setup();
    const read = await createActivity(db, author, liaisonInput());
    await updateActivity(db, author, read.id, { data: { subject: 'Changed meanwhile' } });
    const before = await db.changes.count();
    const outcome = await reviewEntry(
      db,
      lead,
      leadActor,
      read.id,
      { state: 'approved' },
      read.version,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toBe('changed-since-read');
    expect(outcome.entry?.data.subject).toBe('Changed meanwhile');
    expect(await db.changes.count()).toBe(before);
    const again = await reviewEntry(
      db,
      lead,
      leadActor,
      read.id,
      { state: 'approved' },
      outcome.entry!.version,
    );
    expect(again.ok).toBe(true);
  });

  it('puts a returned entry back to pending when its officer edits it, and lets the lead return it again', async () => {
    const { db, author, lead, leadActor } = await setup();
    const entry = await createActivity(db, author, liaisonInput());
    const first = await reviewEntry(
      db,
      lead,
      leadActor,
      entry.id,
      { state: 'returned', comment: 'Which flight?' },
      entry.version,
    );
    if (!first.ok) throw new Error(first.reason);
    const corrected = await updateActivity(db, author, entry.id, { data: { subject: 'AC 123' } });
    expect(corrected.reviewState).toEqual({
      state: 'pending',
      reason: 'corrected',
      reviewed: 'returned',
    });
    expect(await listQueue(db, { posts: ['BOG'], state: 'pending' })).toHaveLength(1);
    const second = await reviewEntry(
      db,
      lead,
      leadActor,
      entry.id,
      { state: 'returned', comment: 'And the date' },
      corrected.version,
    );
    expect(second.ok && second.entry.reviewState).toEqual({ state: 'returned' });
    expect(threadOf(toFieldValues(second.ok ? second.entry : corrected))).toHaveLength(2);
  });
});

describe('the queue', () => {
  it('finds the newest few over several posts when one post holds most of them', async () => {
    const { db, author } = await setup();
    const lima = { ...author, officerId: 'lo-lima-1', postCode: 'LIM' };
    const day = (n: number) => `2025-05-${String(n).padStart(2, '0')}`;
    // Bogotá: the ten newest; Lima: ten older ones, then one newer than most of Bogotá's.
    for (let n = 1; n <= 10; n++)
      await createActivity(db, lima, liaisonInput({ occurredOn: day(n) }));
    for (let n = 11; n <= 20; n++) {
      await createActivity(db, author, liaisonInput({ occurredOn: day(n) }));
    }
    await createActivity(db, lima, liaisonInput({ occurredOn: day(19) }));
    const all = await listQueue(db, { posts: ['BOG', 'LIM'], state: 'pending' });
    expect(all).toHaveLength(21);
    const dates = all.map((e) => e.occurredOn);
    expect(dates).toEqual([...dates].sort().reverse());
    // Each post is read for its share (7) first: Bogotá's newest 12 need a deeper read.
    for (const limit of [1, 5, 12, 21, 30]) {
      const some = await listQueue(db, { posts: ['BOG', 'LIM'], state: 'pending', limit });
      expect(some.map((e) => e.id)).toEqual(all.slice(0, limit).map((e) => e.id));
    }
    // A third post with nothing: each read for 5, ten in all, short of 12: both read deeper.
    const three = await listQueue(db, {
      posts: ['BOG', 'LIM', 'PAP'],
      state: 'pending',
      limit: 12,
    });
    expect(three.map((e) => e.id)).toEqual(all.slice(0, 12).map((e) => e.id));
  });

  it('lists and counts by post and state from the index, and bulk approves a selection', async () => {
    const { db, author, lead, leadActor } = await setup();
    const a = await createActivity(db, author, liaisonInput({ occurredOn: '2025-04-01' }));
    const b = await createActivity(db, author, liaisonInput({ occurredOn: '2025-04-02' }));
    await createActivity(
      db,
      { ...author, officerId: 'lo-lima-1', postCode: 'LIM' },
      liaisonInput(),
    );
    expect((await listQueue(db, { posts: ['BOG'] })).map((e) => e.id)).toEqual([b.id, a.id]);
    expect(await listQueue(db, {})).toHaveLength(3);
    expect((await listQueue(db, { posts: ['BOG'], from: '2025-04-02' })).map((e) => e.id)).toEqual([
      b.id,
    ]);
    const outcomes = await approveEntries(db, lead, leadActor, [a, b]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(await countByState(db, ['BOG'])).toEqual({
      pending: 0,
      approved: 2,
      issues: 0,
      returned: 0,
    });
    expect(await countByState(db, undefined)).toMatchObject({ pending: 1, approved: 2 });
  });
});

describe('schema version 4', () => {
  it('recomputes reviewStatus as the state people see, and indexes the queue by post', async () => {
    const name = freshName();
    const v3 = new Dexie(name);
    v3.version(3).stores(STORES_V3);
    await v3.open();
    const row = (id: string, status: string, reviewAt: string, editAt: string) => ({
      id,
      type: 'liaison',
      schemaVersion: 2,
      officerId: 'lo-bogota-1',
      postCode: 'BOG',
      occurredOn: '2025-04-10',
      data: { subject: 'x' },
      review: { status },
      deleted: false,
      createdAt: '2025-04-10T00:00:00.000Z',
      updatedAt: '2025-04-10T00:00:00.000Z',
      clocks: { 'data.subject': editAt, 'review.status': reviewAt },
      sortKey: `2025-04-10|${id}`,
      reviewStatus: status,
      words: [],
      pending: 0,
      localSeq: 0,
    });
    // Returned, then edited by its officer (the edit's stamp is later): pending again.
    await v3
      .table('activities')
      .bulkPut([row('a', 'returned', 'B', 'C'), row('b', 'returned', 'C', 'B')]);
    v3.close();
    const db = await openDatabase(name, { types: testTypes });
    opened.push(db);
    expect((await db.activities.get('a'))?.reviewStatus).toBe('pending');
    expect((await db.activities.get('b'))?.reviewStatus).toBe('returned');
    expect((await listQueue(db, { posts: ['BOG'], state: 'pending' })).map((e) => e.id)).toEqual([
      'a',
    ]);
  });
});
