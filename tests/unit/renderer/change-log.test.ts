// The change log since schema version 10 (change-log.ts): a local write is one save row keyed
// by its last seq, rows written before are one change each, and every reader takes both: the
// export (above a floor that may fall inside a save), the history, a deletion's erasing of
// values, the retention purge and the upgrade from version 9.
import Dexie from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Change } from '../../../shared/sync/change.ts';
import { isSealed } from '../../../shared/vault/index.ts';
import { checkRow, saveRow } from '../../../renderer/src/db/change-log.ts';
import {
  createActivity,
  deleteActivity,
  updateActivity,
} from '../../../renderer/src/db/activities.ts';
import { getHistory, openDatabase, type LiaisonDb } from '../../../renderer/src/db/index.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import { purgeConfirmedSensitive } from '../../../renderer/src/db/retention.ts';
import { DB_VERSION, STORES_V9 } from '../../../renderer/src/db/schema.ts';
import { recordAcknowledgement } from '../../../renderer/src/db/sync-state.ts';
import { DEMO_HQ_DEVICE_ID } from '../../../shared/identity/demo.ts';
import { isReviewPath } from '../../../shared/domain/activity.ts';
import { changeCount, logChanges } from './change-log-helpers.ts';
import { freshName, liaisonInput } from './db-fixtures.ts';
import {
  logOne,
  makeNetwork,
  OFFICER_A,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A]);
});

const opened: LiaisonDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function change(seq: number, field: string, extra: Partial<Change> = {}): Change {
  return {
    deviceId: 'dev-a',
    seq,
    hlc: `00174350000000${seq}-000000-dev-a`,
    collection: 'activities',
    recordId: 'r1',
    field,
    value: seq,
    author: 'lo-a',
    ...extra,
  };
}

/** Stores a record's save rows again as a version 9 build stored them: a row per change. */
async function asVersion9Rows(device: TestDevice, recordId: string): Promise<void> {
  const { db } = device;
  await db.transaction('rw', db.changes, async () => {
    const rows = await db.changes.where('recordId').equals(recordId).toArray();
    for (const row of rows) {
      if (!('changes' in row)) continue;
      await db.changes.delete([row.deviceId, row.seq]);
      await db.changes.bulkAdd(row.changes);
    }
  });
}

/** Removes the field path of one of a record's changes in its save row (damage on disk). */
async function loseFieldOfOneChange(device: TestDevice, recordId: string, field: string) {
  const rows = await device.db.changes.where('recordId').equals(recordId).toArray();
  for (const row of rows) {
    if (!('changes' in row)) continue;
    const hit = row.changes.find((c) => c.field === field);
    if (!hit) continue;
    delete (hit as Partial<Change>).field;
    await device.db.changes.put(row);
    return;
  }
  throw new Error(`no save row holds ${field}`);
}

/** The values left in a record's damaged changes (those without a field path). */
async function damagedValues(device: TestDevice, recordId: string): Promise<unknown[]> {
  const rows = await device.db.changes.where('recordId').equals(recordId).toArray();
  return rows
    .flatMap((row) => ('changes' in row ? (row.changes as Partial<Change>[]) : []))
    .filter((c) => c.field === undefined)
    .map((c) => c.value);
}

async function sealedEntry(device: TestDevice, subject: string) {
  const input = liaisonInput({
    data: { meetings: 1, subject, counterpart: 'rcmp', travellerName: 'Ana Díaz' },
  });
  return createActivity(device.db, device.author, input, { sealer: device.sealer });
}

describe('a save row', () => {
  it('is one row per write, keyed by its last seq, holding the write’s changes in order', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    opened.push(officer.db);
    const entry = await logOne(officer, 'One row');
    const rows = await officer.db.changes.toArray();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    if (!row || !('changes' in row)) throw new Error('not a save row');
    expect(row.changes.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(row).toMatchObject({
      deviceId: OFFICER_A.deviceId,
      seq: 9,
      recordId: entry.id,
      hlc: row.changes[8]?.hlc,
    });
    await updateActivity(officer.db, officer.author, entry.id, { data: { meetings: 2 } });
    expect((await officer.db.changes.toArray()).map((r) => r.seq)).toEqual([9, 10]);
  });

  it('is checked whole: one record, consecutive seqs up to its key, its stamp the last one’s', () => {
    const good = saveRow([change(1, 'type'), change(2, 'occurredOn')]);
    expect(checkRow(good, 'dev-a')).toEqual({ ok: true, changes: good.changes });
    expect(checkRow(change(3, 'type'), 'dev-a')).toEqual({
      ok: true,
      changes: [change(3, 'type')],
    });
    const damaged = (row: unknown, recordIds = ['r1']) =>
      expect(checkRow(row, 'dev-a')).toEqual({
        ok: false,
        key: ['dev-a', (row as { seq?: unknown }).seq],
        recordIds,
      });
    damaged({ ...good, changes: 'lost' });
    damaged({ ...good, changes: [] });
    damaged({ ...good, changes: [change(1, 'type'), { ...change(2, 'x'), field: undefined }] });
    damaged({ ...good, changes: [change(1, 'type'), null] });
    // A change of another record, or a row naming another record than its changes: both named.
    damaged({ ...good, changes: [change(1, 'type'), change(2, 'x', { recordId: 'r2' })] }, [
      'r1',
      'r2',
    ]);
    damaged({ ...good, recordId: 'r9' }, ['r9', 'r1']);
    // Seqs: a gap, a change moved below the others, a repeat, a list that ends below the key.
    damaged({ ...good, changes: [change(1, 'type'), change(3, 'x')] });
    damaged({ ...good, changes: [change(0, 'type'), change(2, 'x')] });
    damaged({ ...good, changes: [change(2, 'type'), change(2, 'x')] });
    damaged({ ...good, seq: 3 });
    // A list that lost its head: what is left is consecutive, but no longer from `from`.
    damaged({ ...good, changes: [change(2, 'occurredOn')] });
    damaged({ ...good, from: undefined });
    damaged({ ...good, changes: [change(1, 'type', { deviceId: 'dev-b' }), change(2, 'x')] });
    // The stamp the record's index sorts it by must be the last change's.
    damaged({ ...good, hlc: undefined });
    damaged({ ...good, hlc: change(1, 'type').hlc });
    // Named by its changes alone, or by nothing at all.
    damaged({ ...good, recordId: undefined });
    damaged(
      {
        ...good,
        recordId: undefined,
        changes: good.changes.map((c) => ({ ...c, recordId: undefined })),
      },
      [],
    );
    damaged({ ...change(4, 'type'), hlc: 42 });
    expect(() => saveRow([])).toThrow();
  });
});

describe('a log of version 9 rows and save rows', () => {
  it('exports every change above a floor, which may fall inside a save', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    opened.push(officer.db);
    const old = await logOne(officer, 'Before the update');
    await asVersion9Rows(officer, old.id);
    const entry = await logOne(officer, 'After the update');
    await updateActivity(officer.db, officer.author, old.id, { data: { meetings: 3 } });
    const all = await logChanges(officer.db);
    expect(all.map((c) => c.seq)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(await officer.db.changes.count()).toBe(9 + 2);

    for (const floor of [0, 4, 9, 13, 18]) {
      // Ascending: an acknowledgement never moves back.
      if (floor > 0) await recordAcknowledgement(officer.db, DEMO_HQ_DEVICE_ID, floor);
      const built = await buildChangesExport(officer.deps);
      if (!built) throw new Error(`nothing built above ${floor}`);
      // The latest write of each field above the floor (the edit wrote meetings twice).
      const expected = new Set(
        all
          .filter((c) => c.seq > floor && !isReviewPath(c.field))
          .map((c) => `${c.recordId} ${c.field}`),
      );
      expect(built.ranges, `floor ${floor}`).toEqual([{ from: floor + 1, to: 19 }]);
      expect(built.changes, `floor ${floor}`).toBe(expected.size);
      expect(built.records, `floor ${floor}`).toBe(
        new Set(all.filter((c) => c.seq > floor && !isReviewPath(c.field)).map((c) => c.recordId))
          .size,
      );
    }
    expect(entry.id).not.toBe(old.id);
  });

  it('gives a record’s history from both kinds of rows, in stamp order', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    opened.push(officer.db);
    const entry = await logOne(officer, 'History');
    await asVersion9Rows(officer, entry.id);
    await updateActivity(officer.db, officer.author, entry.id, { data: { subject: 'Edited' } });
    const history = await getHistory(officer.db, entry.id);
    expect(history.map((c) => c.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(history.at(-1)).toMatchObject({ field: 'data.subject', value: 'Edited' });
  });

  it('erases a deleted record’s values from both kinds of rows', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    opened.push(officer.db);
    const entry = await sealedEntry(officer, 'Deleted later');
    await asVersion9Rows(officer, entry.id);
    await updateActivity(
      officer.db,
      officer.author,
      entry.id,
      { data: { subject: 'Edited' } },
      { sealer: officer.sealer },
    );
    // The edit's subject loses its field path (the v9 row keeps the first one).
    await loseFieldOfOneChange(officer, entry.id, 'data.subject');
    await deleteActivity(officer.db, officer.author, entry.id);
    const mine = (await logChanges(officer.db)).filter((c) => c.recordId === entry.id);
    const subject = mine.filter((c) => c.field === 'data.subject');
    expect(subject).toHaveLength(1);
    expect(subject.every((c) => c.value === null)).toBe(true);
    expect(mine.find((c) => c.field === 'data.travellerName')?.value).toBeNull();
    expect(mine.find((c) => c.field === '_deleted')?.value).toBe(true);
    // Found by review: a damaged change (no field path) of the record is erased too.
    expect(await damagedValues(officer, entry.id)).toEqual([null]);
    // Who owns it stays (sync/fields.ts, kept when deleted): receivers still check the owner.
    expect(mine.find((c) => c.field === 'officerId')?.value).toBe(OFFICER_A.officerId);
  });

  it('purges confirmed sealed values from both kinds of rows, and no unconfirmed one', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    opened.push(officer.db);
    const old = await sealedEntry(officer, 'Old row');
    await asVersion9Rows(officer, old.id);
    const saved = await sealedEntry(officer, 'Save row');
    const unconfirmed = await sealedEntry(officer, 'Not confirmed');
    const confirmed = await changeCount(officer.db);
    // What HQ confirmed: the first two entries (a receipt ends where an export ended).
    await recordAcknowledgement(officer.db, DEMO_HQ_DEVICE_ID, confirmed - 10);
    officer.clock.set(officer.clock.now() + 400 * 24 * 60 * 60 * 1000);
    expect(await purgeConfirmedSensitive(officer.db, 30)).toBe(2);
    const sealedOf = async (id: string) =>
      (await logChanges(officer.db)).filter((c) => c.recordId === id && isSealed(c.value));
    expect(await sealedOf(old.id)).toEqual([]);
    expect(await sealedOf(saved.id)).toEqual([]);
    expect(await sealedOf(unconfirmed.id)).toHaveLength(1);
    expect(isSealed((await officer.db.activities.get(unconfirmed.id))?.data.travellerName)).toBe(
      true,
    );
    expect((await officer.db.activities.get(saved.id))?.purged).toEqual(['travellerName']);
    // Only the sealed values go: the plain ones of the same writes stay in the log.
    const subjects = (await logChanges(officer.db))
      .filter((c) => c.field === 'data.subject')
      .map((c) => c.value);
    expect(subjects).toEqual(['Old row', 'Save row', 'Not confirmed']);
  });
});

describe('version 10', () => {
  it('opens a version 9 database as it is, its change rows readable, without the hlc index', async () => {
    const name = freshName();
    const v9 = new Dexie(name);
    v9.version(9).stores(STORES_V9);
    await v9.open();
    const rows = [change(1, 'type', { value: 'liaison' }), change(2, 'occurredOn')];
    await v9.table('changes').bulkAdd(rows);
    v9.close();

    const db = await openDatabase(name);
    opened.push(db);
    expect(db.verno).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(10);
    expect(db.changes.schema.indexes.map((i) => i.name)).toEqual(['[recordId+hlc]']);
    expect(await db.changes.toArray()).toEqual(rows);
    expect(await getHistory(db, 'r1')).toEqual(rows);
  });
});
