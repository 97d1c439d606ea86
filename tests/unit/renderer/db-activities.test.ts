// The activity repository's writes: one transaction per save, one change per changed
// field path, contiguous seqs, increasing HLCs, tombstones, and nothing left by a failure.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compareHlc, encodeHlc } from '../../../shared/sync/hlc.ts';
import {
  createActivity,
  deleteActivity,
  getActivity,
  getHistory,
  listActivityIds,
  reviewActivity,
  updateActivity,
  type DbError,
  type LiaisonDb,
} from '../../../renderer/src/db/index.ts';
import { liaisonInput, openTestDb, testSealer } from './db-fixtures.ts';
import { changeAt, changeCount, changesAbove, logChanges } from './change-log-helpers.ts';

const opened: LiaisonDb[] = [];
async function setup() {
  const t = await openTestDb();
  opened.push(t.db);
  return t;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) db.close();
});

async function metaValue(db: LiaisonDb, key: string): Promise<unknown> {
  return (await db.meta.get(key))?.value;
}

describe('createActivity', () => {
  it('writes the row and exactly one change per field path in one transaction', async () => {
    const { db, author } = await setup();
    const transaction = vi.spyOn(db, 'transaction');
    const created = await createActivity(db, author, liaisonInput());
    expect(transaction).toHaveBeenCalledTimes(1);

    const changes = await logChanges(db);
    const paths = changes.map((c) => c.field).sort();
    expect(paths).toEqual(
      [
        'data.counterpart',
        'data.meetings',
        'data.subject',
        'occurredOn',
        'officerId',
        'postCode',
        'review.status',
        'schemaVersion',
        'type',
      ].sort(),
    );
    expect(changes.every((c) => c.recordId === created.id && c.deviceId === author.deviceId)).toBe(
      true,
    );
    expect(
      changes.every((c) => c.author === author.officerId && c.collection === 'activities'),
    ).toBe(true);
    expect(changes.find((c) => c.field === 'review.status')?.value).toBe('pending');

    const row = await db.activities.get(created.id);
    expect(row?.officerId).toBe(author.officerId);
    expect(row?.postCode).toBe('BOG');
    expect(row?.pending).toBe(1);
    // Each path's clock is the stamp of the change that wrote it.
    for (const c of changes) expect(row?.clocks[c.field]).toBe(c.hlc);
    expect(created.pending).toBe(true);
  });

  it('numbers changes contiguously from 1 with strictly increasing HLCs across saves', async () => {
    const { db, author } = await setup();
    await createActivity(db, author, liaisonInput());
    await createActivity(db, author, liaisonInput({ occurredOn: '2025-04-11' }));
    const changes = await logChanges(db);
    expect(changes.map((c) => c.seq)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    for (let i = 1; i < changes.length; i++) {
      expect(
        compareHlc((changes[i - 1] as { hlc: string }).hlc, (changes[i] as { hlc: string }).hlc),
      ).toBe(-1);
    }
    expect(await metaValue(db, `seq:${author.deviceId}`)).toBe(18);
    expect(await metaValue(db, 'hlc')).toBe(changes[17]?.hlc);
  });

  it('never sends a tombstone path for a new record', async () => {
    const { db, author } = await setup();
    await createActivity(db, author, liaisonInput());
    expect((await logChanges(db)).filter((c) => c.field === '_deleted').length).toBe(0);
  });

  it('leaves neither row nor change and no seq used when the save fails half way', async () => {
    const { db, author } = await setup();
    const hlcBefore = await metaValue(db, 'hlc');
    // The changes and counters are written before the row; the row then fails.
    vi.spyOn(db.activities, 'add').mockRejectedValueOnce(new Error('disk on fire'));
    await expect(createActivity(db, author, liaisonInput())).rejects.toMatchObject({
      code: 'write-failed',
    });

    expect(await db.activities.count()).toBe(0);
    expect(await changeCount(db)).toBe(0);
    expect(await metaValue(db, `seq:${author.deviceId}`)).toBeUndefined();
    expect(await metaValue(db, 'hlc')).toBe(hlcBefore);

    const next = await createActivity(db, author, liaisonInput());
    const seqs = (await logChanges(db)).map((c) => c.seq);
    expect(Math.min(...seqs)).toBe(1);
    expect(await db.activities.get(next.id)).toBeDefined();
  });

  it('leaves nothing when the store refuses the row after the changes were sent (an id in use)', async () => {
    const { db, author } = await setup();
    const first = await createActivity(db, author, liaisonInput());
    const stored = async () => ({
      rows: await db.activities.toArray(),
      changes: await logChanges(db),
      // The failure's explanation writes its probe (disk-probe.ts); every counter stays.
      meta: (await db.meta.toArray()).filter((row) => row.key !== 'diskProbe'),
      rollups: await db.summaryRollups.toArray(),
      journal: await db.rollupJournal.toArray(),
    });
    const before = await stored();
    expect(before.journal).toHaveLength(1);
    // A real ConstraintError from IndexedDB, on the row add, issued after the change rows.
    await expect(
      createActivity(db, author, liaisonInput({ occurredOn: '2025-05-02' }), { id: first.id }),
    ).rejects.toMatchObject({ code: 'write-failed' });
    expect(await stored()).toEqual(before);
  });

  it('reads the counters in one batch, and adds a journal row instead of reading its rollup month', async () => {
    const { db, author } = await setup();
    await createActivity(db, author, liaisonInput());
    const metaGet = vi.spyOn(db.meta, 'get');
    const metaBulkGet = vi.spyOn(db.meta, 'bulkGet');
    const metaPut = vi.spyOn(db.meta, 'put');
    const rollupGets = vi.spyOn(db.summaryRollups, 'bulkGet');
    const rollupGet = vi.spyOn(db.summaryRollups, 'get');
    await createActivity(db, author, liaisonInput());
    expect(metaGet).not.toHaveBeenCalled();
    expect(metaPut).not.toHaveBeenCalled();
    expect(metaBulkGet).toHaveBeenCalledTimes(1);
    expect(rollupGets).not.toHaveBeenCalled();
    expect(rollupGet).not.toHaveBeenCalled();
    expect((await db.rollupJournal.toArray()).map((row) => row.month)).toEqual([
      '2025-04',
      '2025-04',
    ]);
    expect(await metaValue(db, `seq:${author.deviceId}`)).toBe(18);
    expect(await metaValue(db, 'activityCount')).toBe(2);
  });

  it('maps a quota failure to quota-exceeded and keeps nothing', async () => {
    const { db, author } = await setup();
    const quota = new Dexie.AbortError(
      'Transaction aborted',
      new DOMException('full', 'QuotaExceededError'),
    );
    vi.spyOn(db.changes, 'add').mockRejectedValueOnce(quota);
    const error = await createActivity(db, author, liaisonInput()).catch((e: unknown) => e);
    expect((error as DbError).code).toBe('quota-exceeded');
    expect(await db.activities.count()).toBe(0);
    expect(await changeCount(db)).toBe(0);
  });
});

describe('updateActivity', () => {
  it('writes one change per changed path only', async () => {
    const { db, author } = await setup();
    const created = await createActivity(db, author, liaisonInput());
    const before = await db.activities.get(created.id);

    const updated = await updateActivity(db, author, created.id, {
      occurredOn: created.occurredOn, // unchanged: no change written
      data: { subject: 'Joint briefing with the RCMP', meetings: 1 },
    });
    const newChanges = await changesAbove(db, author.deviceId, 9);
    expect(newChanges.map((c) => [c.seq, c.field, c.value])).toEqual([
      [10, 'data.subject', 'Joint briefing with the RCMP'],
    ]);
    expect(updated.data.subject).toBe('Joint briefing with the RCMP');

    const after = await db.activities.get(created.id);
    expect(after?.clocks['data.subject']).toBe(newChanges[0]?.hlc);
    expect(after?.clocks['data.meetings']).toBe(before?.clocks['data.meetings']);
    expect(after?.createdAt).toBe(before?.createdAt);
    expect(after && before && after.updatedAt > before.updatedAt).toBe(true);
  });

  it('lets a local edit lose, as everywhere, to a stored write stamped further ahead', async () => {
    const { db, author } = await setup();
    const created = await createActivity(db, author, liaisonInput());
    // As an import would leave it: a remote device with a clock a year ahead set the subject.
    const ahead = encodeHlc({
      wall: Date.parse(created.createdAt) + 365 * 864e5,
      counter: 0,
      deviceId: 'remote',
    });
    await db.activities
      .where('id')
      .equals(created.id)
      .modify((row) => {
        row.data.subject = 'Remote subject';
        row.clocks['data.subject'] = ahead;
      });
    const updated = await updateActivity(db, author, created.id, {
      data: { subject: 'Local subject', meetings: 4 },
    });
    expect(updated.data).toMatchObject({ subject: 'Remote subject', meetings: 4 });
    // Both changes are still in the log: they were made, and every receiver drops the same one.
    const written = await changesAbove(db, author.deviceId, 9);
    expect(written.map((c) => c.field)).toEqual(['data.meetings', 'data.subject']);
    expect((await db.activities.get(created.id))?.clocks['data.subject']).toBe(ahead);
  });

  it('writes nothing at all when nothing changed', async () => {
    const { db, author } = await setup();
    const created = await createActivity(db, author, liaisonInput());
    await updateActivity(db, author, created.id, { data: { meetings: 1 } });
    expect(await changeCount(db)).toBe(9);
    expect(await metaValue(db, `seq:${author.deviceId}`)).toBe(9);
  });

  it('clears a field with a null change and drops it from the record', async () => {
    const { db, author } = await setup();
    const created = await createActivity(db, author, liaisonInput());
    await updateActivity(db, author, created.id, { data: { notes: 'Agenda sent' } });
    const cleared = await updateActivity(db, author, created.id, { data: { notes: null } });
    expect('notes' in cleared.data).toBe(false);
    const last = await changeAt(db, author.deviceId, 11);
    expect(last).toMatchObject({ field: 'data.notes', value: null });
  });

  it('rolls back counters and changes when the row write fails', async () => {
    const { db, author } = await setup();
    const created = await createActivity(db, author, liaisonInput());
    vi.spyOn(db.activities, 'put').mockRejectedValueOnce(new Error('boom'));
    await expect(
      updateActivity(db, author, created.id, { data: { subject: 'x' } }),
    ).rejects.toMatchObject({
      code: 'write-failed',
    });
    expect(await changeCount(db)).toBe(9);
    expect(await metaValue(db, `seq:${author.deviceId}`)).toBe(9);
    expect((await getActivity(db, created.id))?.data.subject).toBe('Briefing at Montréal airport');
  });

  it('refuses to edit a record written by a newer app version, and writes nothing', async () => {
    const { db, author } = await setup();
    const newer = await createActivity(db, author, { ...liaisonInput(), schemaVersion: 3 });
    await expect(
      updateActivity(db, author, newer.id, { data: { subject: 'x' } }),
    ).rejects.toMatchObject({
      code: 'newer-record',
    });
    await expect(deleteActivity(db, author, newer.id)).rejects.toMatchObject({
      code: 'newer-record',
    });
    expect(await changeCount(db)).toBe(9);

    const current = await createActivity(db, author, liaisonInput());
    await expect(
      updateActivity(db, author, current.id, { data: { subject: 'x' } }, { knownVersion: 1 }),
    ).rejects.toMatchObject({ code: 'newer-record' });
  });

  it('reports not-found for a missing or deleted record', async () => {
    const { db, author } = await setup();
    await expect(updateActivity(db, author, 'nope', { data: {} })).rejects.toMatchObject({
      code: 'not-found',
    });
    const created = await createActivity(db, author, liaisonInput());
    await deleteActivity(db, author, created.id);
    await expect(
      updateActivity(db, author, created.id, { data: { subject: 'x' } }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('ownership of edits and deletes', () => {
  /** Everything a refused write must leave as it was: row, change log, counters. */
  async function snapshot(db: LiaisonDb, deviceId: string, id: string) {
    return {
      row: await db.activities.get(id),
      changes: await logChanges(db),
      seq: await metaValue(db, `seq:${deviceId}`),
      hlc: await metaValue(db, 'hlc'),
      count: await metaValue(db, 'activityCount'),
    };
  }

  it('refuses another officer’s edit and delete as not-yours and writes nothing', async () => {
    const { db, author } = await setup();
    const created = await createActivity(db, author, liaisonInput());
    // A lead (or HQ) on a device holding the officer's record.
    const other = { ...author, officerId: 'lead-1' };
    const before = await snapshot(db, author.deviceId, created.id);

    await expect(
      updateActivity(db, other, created.id, { data: { subject: 'Rewritten by the lead' } }),
    ).rejects.toMatchObject({ name: 'DbError', code: 'not-yours' });
    await expect(deleteActivity(db, other, created.id)).rejects.toMatchObject({
      name: 'DbError',
      code: 'not-yours',
    });

    expect(await snapshot(db, author.deviceId, created.id)).toEqual(before);
    expect(before.changes).toHaveLength(9);
    expect(before.count).toBe(1);
    expect((await getActivity(db, created.id))?.deleted).toBe(false);
    expect(await listActivityIds(db)).toEqual([created.id]);
  });

  it('still lets the record’s own officer edit and delete it', async () => {
    const { db, author } = await setup();
    const created = await createActivity(db, author, liaisonInput());
    // Another device of the same officer: same officer id, another device id.
    const sameOfficer = { ...author, deviceId: 'officer-laptop-2' };
    const updated = await updateActivity(db, sameOfficer, created.id, { data: { meetings: 2 } });
    expect(updated.data.meetings).toBe(2);
    await deleteActivity(db, author, created.id);
    expect((await getActivity(db, created.id))?.deleted).toBe(true);
  });

  it('lets a lead review another officer’s record (reviews are not edits)', async () => {
    const { db, author } = await setup();
    const created = await createActivity(db, author, liaisonInput());
    const reviewed = await reviewActivity(db, { ...author, officerId: 'lead-1' }, created.id, {
      status: 'approved',
    });
    expect(reviewed.review).toMatchObject({ status: 'approved', by: 'lead-1' });
  });
});

describe('reviewActivity', () => {
  it('writes only review paths, so it merges beside the officer’s edits', async () => {
    const { db, author } = await setup();
    const created = await createActivity(db, author, liaisonInput());
    const lead = { ...author, officerId: 'lead-1' };
    const reviewed = await reviewActivity(db, lead, created.id, {
      status: 'returned',
      comment: 'Add the flight',
    });
    const written = await changesAbove(db, author.deviceId, 9);
    expect(written.map((c) => c.field)).toEqual([
      'review.at',
      'review.by',
      'review.comment',
      'review.status',
    ]);
    expect(written.every((c) => c.author === 'lead-1')).toBe(true);
    expect(reviewed.review).toMatchObject({
      status: 'returned',
      comment: 'Add the flight',
      by: 'lead-1',
    });
    expect((await db.activities.get(created.id))?.reviewStatus).toBe('returned');
    expect(await listActivityIds(db, { status: 'returned' })).toEqual([created.id]);
  });
});

describe('deleteActivity', () => {
  it('writes a tombstone, keeps the row and hides it from lists', async () => {
    const { db, author } = await setup();
    const kept = await createActivity(db, author, liaisonInput());
    const gone = await createActivity(db, author, liaisonInput({ occurredOn: '2025-04-12' }));
    await deleteActivity(db, author, gone.id);

    const tombstone = await changeAt(db, author.deviceId, 19);
    expect(tombstone).toMatchObject({ recordId: gone.id, field: '_deleted', value: true });
    const row = await getActivity(db, gone.id);
    expect(row?.deleted).toBe(true);
    expect(row?.pending).toBe(true);
    expect(await listActivityIds(db)).toEqual([kept.id]);
    expect(await listActivityIds(db, { text: 'montreal' })).toEqual([kept.id]);
    expect(await listActivityIds(db, { type: 'liaison', status: 'pending' })).toEqual([kept.id]);
  });

  it('erases the data of the deleted record from the row and from the log', async () => {
    const { db, author } = await setup();
    const created = await createActivity(
      db,
      author,
      liaisonInput({ data: { meetings: 1, travellerName: 'Ana Díaz' } }),
      { sealer: await testSealer() },
    );
    await deleteActivity(db, author, created.id);
    const row = await db.activities.get(created.id);
    expect(row?.data).toEqual({});
    expect(row?.words).toEqual([]);
    expect(Object.keys(row?.clocks ?? {}).sort()).toEqual(['_deleted', 'officerId', 'postCode']);
    const history = await getHistory(db, created.id);
    expect(JSON.stringify(history)).not.toContain('Ana');
    expect(history.find((c) => c.field === 'officerId')?.value).toBe(author.officerId);
  });
});

describe('getHistory', () => {
  it('lists a record’s changes in HLC order, whichever device made them', async () => {
    const { db, author } = await setup();
    const a = await createActivity(db, author, liaisonInput());
    await createActivity(db, author, liaisonInput());
    await updateActivity(db, author, a.id, { data: { subject: 'Second subject' } });
    // A review imported from a team lead's device, stamped between create and update.
    const created = await getHistory(db, a.id);
    const createdAt = Date.parse(a.createdAt);
    const review = {
      deviceId: 'lead-device',
      seq: 1,
      hlc: encodeHlc({ wall: createdAt, counter: 999_999, deviceId: 'lead-device' }),
      collection: 'activities' as const,
      recordId: a.id,
      field: 'review.status',
      value: 'approved',
      author: 'lead-1',
    };
    await db.changes.add(review);

    const history = await getHistory(db, a.id);
    expect(history).toHaveLength(created.length + 1);
    expect(history.every((c) => c.recordId === a.id)).toBe(true);
    const hlcs = history.map((c) => c.hlc);
    expect(hlcs).toEqual([...hlcs].sort());
    expect(history.at(-1)?.field).toBe('data.subject');
  });
});
