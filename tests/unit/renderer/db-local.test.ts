// The device identity and clock, drafts, settings and the pending-changes count: the local
// state that lives beside the activities.
import { afterEach, describe, expect, it } from 'vitest';
import { compareHlc, decodeHlc } from '../../../shared/sync/hlc.ts';
import {
  countActivities,
  countPendingChanges,
  createActivity,
  deleteDraft,
  DeviceClock,
  getAcknowledged,
  getLanguage,
  getOfficerProfile,
  getOrCreateDevice,
  listActivityIds,
  listDrafts,
  loadDraft,
  openDatabase,
  recordAcknowledgement,
  saveDraft,
  setLanguage,
  setOfficerProfile,
  updateActivity,
  type LiaisonDb,
} from '../../../renderer/src/db/index.ts';
import {
  freshName,
  liaisonInput,
  openTestDb,
  testClock,
  testSealer,
  testTypes,
} from './db-fixtures.ts';

const opened: LiaisonDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
async function reopen(name: string, now = testClock().now): Promise<LiaisonDb> {
  const db = await openDatabase(name, { types: testTypes, now });
  opened.push(db);
  return db;
}

describe('device', () => {
  it('creates one url-safe 22-character id and keeps it across restarts', async () => {
    const name = freshName();
    const db = await reopen(name);
    const [a, b] = await Promise.all([getOrCreateDevice(db), getOrCreateDevice(db)]);
    expect(a).toEqual(b);
    expect(a.deviceId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    db.close();
    expect(await getOrCreateDevice(await reopen(name))).toEqual(a);
    const other = await reopen(freshName());
    expect((await getOrCreateDevice(other)).deviceId).not.toBe(a.deviceId);
  });

  it('resumes the clock from the database even when the wall clock went back', async () => {
    const name = freshName();
    const db = await reopen(name);
    const { deviceId } = await getOrCreateDevice(db);
    const first = await db.transaction(
      'rw',
      db.meta,
      async () => await new DeviceClock(db, deviceId).stamp(3),
    );
    db.close();
    const restarted = await reopen(name, () => Date.UTC(2001, 0, 1)); // laptop clock reset
    const [next] = await restarted.transaction(
      'rw',
      restarted.meta,
      async () => await new DeviceClock(restarted, deviceId).stamp(1),
    );
    expect(compareHlc(first[2] as string, next as string)).toBe(-1);
    expect(decodeHlc(next as string)?.deviceId).toBe(deviceId);
  });

  it('refuses to stamp outside a write transaction, where the stamp could not be persisted', async () => {
    const { db, author } = await openTestDb();
    opened.push(db);
    await expect(new DeviceClock(db, author.deviceId).stamp(1)).rejects.toThrow(/transaction/);
  });
});

describe('drafts', () => {
  it('survive closing and reopening the database', async () => {
    const name = freshName();
    const clock = testClock();
    const db = await reopen(name, clock.now);
    const sealer = await testSealer();
    const first = await saveDraft(
      db,
      { type: 'liaison', values: { subject: 'Half typed', meetings: 2 } },
      sealer,
    );
    const second = await saveDraft(db, { type: 'training', values: { subject: 'Other' } }, sealer);
    const resaved = await saveDraft(
      db,
      { id: first.id, type: 'liaison', values: { subject: 'Typed more' } },
      sealer,
    );
    expect(resaved.id).toBe(first.id);
    db.close();

    const again = await reopen(name);
    expect(await loadDraft(again, first.id, sealer)).toEqual(resaved);
    // At rest the values are one sealed string: a half-typed name is as private as a saved one.
    const stored = await again.drafts.get(first.id);
    expect(JSON.stringify(stored)).not.toContain('Typed more');
    expect((await listDrafts(again)).map((d) => d.id)).toEqual([first.id, second.id]);
    await deleteDraft(again, first.id);
    expect(await loadDraft(again, first.id, sealer)).toBeUndefined();
    expect(await listDrafts(again)).toHaveLength(1);
  });
});

describe('settings', () => {
  it('keeps the language and the officer profile, unset until chosen', async () => {
    const name = freshName();
    const db = await reopen(name);
    expect(await getLanguage(db)).toBeUndefined();
    expect(await getOfficerProfile(db)).toBeUndefined();
    await setLanguage(db, 'fr');
    const profile = {
      officerId: 'lo-42',
      name: 'Marie Tremblay',
      postCode: 'BOG',
      extra: 'dropped',
    };
    await setOfficerProfile(db, profile);
    db.close();
    const again = await reopen(name);
    expect(await getLanguage(again)).toBe('fr');
    expect(await getOfficerProfile(again)).toEqual({
      officerId: 'lo-42',
      name: 'Marie Tremblay',
      postCode: 'BOG',
    });
  });
});

describe('countPendingChanges', () => {
  it('counts own changes past the lowest acknowledgement, without scanning the log', async () => {
    const { db, author } = await openTestDb();
    opened.push(db);
    expect(await countPendingChanges(db)).toBe(0);
    const a = await createActivity(db, author, liaisonInput());
    await updateActivity(db, author, a.id, { data: { subject: 'Edited' } });
    expect(await countPendingChanges(db)).toBe(10);

    await recordAcknowledgement(db, 'hq', 9);
    expect(await countPendingChanges(db)).toBe(1);
    await recordAcknowledgement(db, 'lead', 4);
    expect(await countPendingChanges(db)).toBe(6);
    // A receipt imported late never moves an acknowledgement back.
    await recordAcknowledgement(db, 'hq', 2);
    expect(await getAcknowledged(db)).toEqual({ hq: 9, lead: 4 });
    await recordAcknowledgement(db, 'lead', 10);
    await recordAcknowledgement(db, 'hq', 10);
    expect(await countPendingChanges(db)).toBe(0);
    // Settled: the flags are removed, not zeroed, so the row leaves both indexes.
    const settled = await db.activities.get(a.id);
    expect(settled).toBeDefined();
    expect(settled).not.toHaveProperty('pending');
    expect(settled).not.toHaveProperty('localSeq');
    expect(await db.activities.orderBy('[pending+sortKey]').count()).toBe(0);
    expect(await db.activities.orderBy('localSeq').count()).toBe(0);
  });

  it('writes the pending and localSeq index entries only while a row has something to settle', async () => {
    const { db, author } = await openTestDb();
    opened.push(db);
    const a = await createActivity(db, author, liaisonInput());
    const b = await createActivity(db, author, liaisonInput());
    expect(await db.activities.orderBy('[pending+sortKey]').count()).toBe(2);
    expect(await db.activities.orderBy('localSeq').count()).toBe(2);
    // HQ acknowledges a's changes only: b still waits, and is all the indexes hold.
    await recordAcknowledgement(db, 'hq', (await db.activities.get(a.id))?.localSeq ?? 0);
    expect(await db.activities.orderBy('[pending+sortKey]').primaryKeys()).toEqual([b.id]);
    expect(await db.activities.orderBy('localSeq').primaryKeys()).toEqual([b.id]);
    expect(await listActivityIds(db, { pending: true })).toEqual([b.id]);
    expect(await listActivityIds(db, { pending: false })).toEqual([a.id]);
    expect(await countActivities(db, { pending: false })).toBe(1);
    // An edit makes a settled row pending again, with its index entries.
    await updateActivity(db, author, a.id, { data: { subject: 'Edited' } });
    expect((await db.activities.orderBy('[pending+sortKey]').primaryKeys()).sort()).toEqual(
      [a.id, b.id].sort(),
    );
  });
});
