// The retention policy: sealed values of own changes leave this device once HQ confirmed
// them long enough ago, from the change log and from the row, and never before.
import { afterEach, describe, expect, it } from 'vitest';
import { isSealed } from '../../../shared/vault/index.ts';
import {
  createActivity,
  getHistory,
  recordAcknowledgement,
  updateActivity,
  type LiaisonDb,
} from '../../../renderer/src/db/index.ts';
import { purgeConfirmedSensitive, purgeableUpTo } from '../../../renderer/src/db/retention.ts';
import { setMeta } from '../../../renderer/src/db/meta.ts';
import { acknowledgedByHq } from '../../../renderer/src/db/sync-state.ts';
import {
  DEMO_HQ_DEVICE_ID,
  demoLeadDeviceId,
  makeDemoProfile,
} from '../../../shared/identity/index.ts';
import { liaisonInput, openTestDb, testClock, testSealer } from './db-fixtures.ts';
import { changeCount, logChanges } from './change-log-helpers.ts';

const DAY = 24 * 60 * 60 * 1000;
const opened: LiaisonDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function twoEntriesFirstConfirmed() {
  const clock = testClock(Date.UTC(2026, 0, 10));
  const t = await openTestDb({ now: clock.now });
  opened.push(t.db);
  await setMeta(t.db, 'profile', await makeDemoProfile());
  const sealer = await testSealer();
  const secret = { meetings: 1, travellerName: 'Ana Díaz', caseNotes: 'passport 99XK' };
  const first = await createActivity(t.db, t.author, liaisonInput({ data: secret }), { sealer });
  const firstSeqs = await changeCount(t.db);
  const second = await createActivity(t.db, t.author, liaisonInput({ data: secret }), { sealer });
  const confirmedAt = Date.UTC(2026, 0, 11);
  clock.set(confirmedAt);
  await recordAcknowledgement(t.db, DEMO_HQ_DEVICE_ID, firstSeqs);
  return { ...t, clock, sealer, first, second, confirmedAt };
}

describe('retention of sensitive values', () => {
  it('keeps them until the policy’s days after HQ confirmed them, then removes them', async () => {
    const { db, clock, first, second, confirmedAt } = await twoEntriesFirstConfirmed();
    clock.set(confirmedAt + 89 * DAY);
    expect(await purgeConfirmedSensitive(db, 90)).toBe(0);
    expect(isSealed((await db.activities.get(first.id))?.data.travellerName)).toBe(true);

    clock.set(confirmedAt + 90 * DAY);
    expect(await purgeConfirmedSensitive(db, 90)).toBe(2);
    const row = await db.activities.get(first.id);
    expect(row?.data.travellerName).toBeUndefined();
    expect(row?.data.caseNotes).toBeUndefined();
    expect(row?.data.meetings).toBe(1);
    expect(row?.purged).toEqual(['caseNotes', 'travellerName']);
    const log = await getHistory(db, first.id);
    expect(log.filter((c) => isSealed(c.value))).toEqual([]);
    // The unconfirmed entry keeps everything.
    expect(isSealed((await db.activities.get(second.id))?.data.travellerName)).toBe(true);
    // Running again finds nothing more to do.
    expect(await purgeConfirmedSensitive(db, 90)).toBe(0);
  });

  it('waits for HQ: a team lead’s receipt alone removes nothing and leaves the changes waiting', async () => {
    const { db, clock, second, confirmedAt } = await twoEntriesFirstConfirmed();
    const all = await changeCount(db);
    await recordAcknowledgement(db, demoLeadDeviceId('lead-americas'), all);
    clock.set(confirmedAt + 400 * DAY);
    await purgeConfirmedSensitive(db, 0);
    expect(isSealed((await db.activities.get(second.id))?.data.travellerName)).toBe(true);
    expect(await acknowledgedByHq(db)).toBeLessThan(all);
  });

  it('brings a field back when the officer writes it again', async () => {
    const { db, author, clock, sealer, first, confirmedAt } = await twoEntriesFirstConfirmed();
    clock.set(confirmedAt + 1);
    await purgeConfirmedSensitive(db, 0);
    await updateActivity(db, author, first.id, { data: { travellerName: 'Zoé Roy' } }, { sealer });
    const row = await db.activities.get(first.id);
    expect(isSealed(row?.data.travellerName)).toBe(true);
    expect(row?.purged).toEqual(['caseNotes']);
  });

  it('purges a write whose changes straddle the end of a batch of 500, whole, in the next', async () => {
    const clock = testClock(Date.UTC(2026, 0, 10));
    const t = await openTestDb({ now: clock.now });
    opened.push(t.db);
    await setMeta(t.db, 'profile', await makeDemoProfile());
    const sealer = await testSealer();
    // 9 plain changes first, so that the writes with two sealed values each do not end on
    // seq 500, where the purge's first batch ends: one of them crosses it.
    await createActivity(t.db, t.author, liaisonInput());
    const secret = { meetings: 1, travellerName: 'Ana Díaz', caseNotes: 'passport 99XK' };
    const ids: string[] = [];
    while ((await changeCount(t.db)) < 520) {
      ids.push(
        (await createActivity(t.db, t.author, liaisonInput({ data: secret }), { sealer })).id,
      );
    }
    const straddling = (await t.db.changes.toArray()).filter(
      (row) => 'changes' in row && (row.changes[0]?.seq ?? 0) <= 500 && row.seq > 500,
    );
    expect(straddling).toHaveLength(1);
    await recordAcknowledgement(t.db, DEMO_HQ_DEVICE_ID, await changeCount(t.db));
    clock.set(clock.now() + DAY);
    expect(await purgeConfirmedSensitive(t.db, 0)).toBe(ids.length * 2);
    for (const id of ids) {
      expect((await t.db.activities.get(id))?.purged, id).toEqual(['caseNotes', 'travellerName']);
    }
    expect((await logChanges(t.db)).filter((c) => isSealed(c.value))).toEqual([]);
  });

  it('finds the newest confirmation old enough', () => {
    const log = [
      { seq: 5, at: 1000 },
      { seq: 9, at: 5000 },
    ];
    expect(purgeableUpTo(log, 0, 999)).toBe(0);
    expect(purgeableUpTo(log, 0, 1000)).toBe(5);
    expect(purgeableUpTo(log, 0, 6000)).toBe(9);
    expect(purgeableUpTo(log, 1, 6000)).toBe(0);
  });
});
