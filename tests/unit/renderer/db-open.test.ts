// Opening the database: the v1 -> v2 migration and its backfill, a database from a newer
// app refused, another window's upgrade honoured, and a blocked upgrade reported.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Change } from '../../../shared/sync/change.ts';
import { encodeHlc } from '../../../shared/sync/hlc.ts';
import {
  countActivities,
  countPendingChanges,
  listActivityIds,
  openDatabase,
  toDbError,
  type LiaisonDb,
} from '../../../renderer/src/db/index.ts';
import { DB_VERSION, STORES_V1, STORES_V3 } from '../../../renderer/src/db/schema.ts';
import { freshName, testTypes } from './db-fixtures.ts';

const toClose: Dexie[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const db of toClose.splice(0)) db.close();
});

async function open(
  name: string,
  options: Parameters<typeof openDatabase>[1] = {},
): Promise<LiaisonDb> {
  const db = await openDatabase(name, { types: testTypes, ...options });
  toClose.push(db);
  return db;
}

/** A database exactly as version 1 of the app left it. */
async function createV1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(STORES_V1);
  const device = 'dev-own-000000000000000';
  const stamp = (n: number, deviceId = device) =>
    encodeHlc({ wall: Date.UTC(2025, 3, 1) + n, counter: 0, deviceId });
  const row = (id: string, extra: object) => ({
    id,
    type: 'liaison',
    schemaVersion: 2,
    officerId: 'lo-1',
    postCode: 'BOG',
    occurredOn: '2025-04-02',
    data: {},
    review: { status: 'pending' },
    deleted: false,
    createdAt: '2025-04-01T00:00:00.000Z',
    updatedAt: '2025-04-01T00:00:00.000Z',
    clocks: {},
    sortKey: `2025-04-02|${id}`,
    reviewStatus: 'pending',
    ...extra,
  });
  const change = (seq: number, recordId: string, deviceId = device): Change => ({
    deviceId,
    seq,
    hlc: stamp(seq, deviceId),
    collection: 'activities',
    recordId,
    field: `data.f${seq}`,
    value: seq,
    author: 'lo-1',
  });
  await v1.open();
  await v1.table('meta').bulkPut([
    { key: 'device', value: { deviceId: device, createdAt: '2025-04-01T00:00:00.000Z' } },
    { key: `seq:${device}`, value: 3 },
    { key: 'acked', value: { hq: 1 } },
  ]);
  await v1.table('activities').bulkPut([
    row('own', {
      data: {
        subject: 'Réunion à Montréal',
        counterpart: 'airline',
        travellerName: 'Secret Person',
      },
    }),
    row('imported', { officerId: 'lo-2', data: { subject: 'Quito handover' } }),
    // A sloppy v1 tombstone that still had an order key.
    row('gone', { deleted: true, data: { subject: 'Montréal again' } }),
  ]);
  await v1
    .table('changes')
    .bulkPut([
      change(1, 'own'),
      change(2, 'own'),
      change(3, 'own'),
      change(1, 'imported', 'dev-other'),
    ]);
  v1.close();
}

describe('migrations', () => {
  it('upgrades a version 1 database and backfills search words and pending flags', async () => {
    const name = freshName();
    await createV1(name);
    const upgrades: number[] = [];
    const db = await open(name, { onUpgrade: (from) => upgrades.push(from) });
    expect(db.verno).toBe(DB_VERSION);
    // The UI was told before the upgrade ran, with the version it upgrades from.
    expect(upgrades).toEqual([1]);

    const own = await db.activities.get('own');
    // Free-text words, and the chosen option as one token (its labels are not stored).
    expect([...(own?.words ?? [])].sort()).toEqual([
      '=liaison.counterpart.airline',
      'a',
      'montreal',
      'reunion',
    ]);
    expect(own?.words.some((w) => w.includes('secret') || w.includes('person'))).toBe(false);
    // seq 1 was acknowledged by HQ; 2 and 3 were not.
    expect(own).toMatchObject({ pending: 1, localSeq: 3 });
    // Nothing to settle: neither flag is stored, so the row is in neither index.
    const imported = await db.activities.get('imported');
    expect(imported).toBeDefined();
    expect(imported).not.toHaveProperty('pending');
    expect(imported).not.toHaveProperty('localSeq');

    const gone = await db.activities.get('gone');
    expect(gone?.sortKey).toBeUndefined();
    expect(gone?.words).toEqual([]);

    expect(await listActivityIds(db, { text: 'montreal' })).toEqual(['own']);
    expect(await listActivityIds(db, { text: 'compagnie aer' })).toEqual(['own']);
    expect(await listActivityIds(db, { pending: true })).toEqual(['own']);
    expect(await listActivityIds(db, { pending: false })).toEqual(['imported']);
    expect(await listActivityIds(db)).toEqual(['own', 'imported']);
    expect(await countPendingChanges(db)).toBe(2);
    expect(await countActivities(db)).toBe(2);
  });

  it('says nothing of an upgrade when it creates a new database', async () => {
    const upgrades: number[] = [];
    const db = await open(freshName(), { onUpgrade: (from) => upgrades.push(from) });
    expect(db.verno).toBe(DB_VERSION);
    expect(upgrades).toEqual([]);
  });

  it('opens an already current database without running the upgrade again', async () => {
    const name = freshName();
    await createV1(name);
    (await open(name)).close();
    const upgrades: number[] = [];
    const db = await open(name, { types: () => undefined, onUpgrade: (v) => upgrades.push(v) });
    expect(upgrades).toEqual([]);
    // With no catalogue a fresh backfill would have emptied the words: it did not run.
    expect((await db.activities.get('own'))?.words).toContain('montreal');
  });
});

describe('opening a database from a newer app version', () => {
  async function createNewer(name: string): Promise<void> {
    const future = new Dexie(name);
    future.version(DB_VERSION + 1).stores({ ...STORES_V3, receipts: 'id' });
    await future.open();
    future.close();
  }

  it('refuses it with version-too-new and leaves it untouched', async () => {
    const name = freshName();
    await createNewer(name);
    await expect(openDatabase(name)).rejects.toMatchObject({ code: 'version-too-new' });
    const probe = new Dexie(name);
    await probe.open();
    expect(probe.verno).toBe(DB_VERSION + 1);
    expect(probe.tables.map((t) => t.name)).toContain('receipts');
    probe.close();
  });

  it('still refuses it where indexedDB.databases() cannot see it', async () => {
    const name = freshName();
    await createNewer(name);
    vi.spyOn(Dexie.dependencies.indexedDB, 'databases').mockResolvedValue([]);
    await expect(openDatabase(name)).rejects.toMatchObject({ code: 'version-too-new' });
  });

  it('maps a VersionError, native or from Dexie, to version-too-new', () => {
    expect(toDbError(new DOMException('lower version', 'VersionError'), 'open-failed').code).toBe(
      'version-too-new',
    );
    expect(toDbError(new Dexie.VersionError('lower version'), 'open-failed').code).toBe(
      'version-too-new',
    );
    expect(
      toDbError(new Dexie.OpenFailedError('x', new Dexie.VersionError('y')), 'open-failed').code,
    ).toBe('version-too-new');
    expect(toDbError(new Error('other'), 'open-failed').code).toBe('open-failed');
  });

  it('reports any other open failure as open-failed', async () => {
    vi.spyOn(Dexie.dependencies.indexedDB, 'databases').mockRejectedValue(new Error('no storage'));
    await expect(openDatabase(freshName())).rejects.toMatchObject({ code: 'open-failed' });
  });
});

describe('sharing the database with another window', () => {
  it('closes for good and tells the UI when another window upgrades the database', async () => {
    const name = freshName();
    const onVersionChange = vi.fn();
    const db = await open(name, { onVersionChange });
    const newer = new Dexie(name);
    newer.version(DB_VERSION + 1).stores({ ...STORES_V3, receipts: 'id' });
    toClose.push(newer);
    await newer.open(); // would hang if our connection stayed open
    expect(onVersionChange).toHaveBeenCalledTimes(1);
    expect(db.isOpen()).toBe(false);
    // It does not silently reopen at a schema this code does not know.
    await expect(db.activities.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
  });

  function holdOpen(name: string): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
  }

  async function createEmptyV1(name: string): Promise<void> {
    const v1 = new Dexie(name);
    v1.version(1).stores(STORES_V1);
    await v1.open();
    v1.close();
  }

  it('reports blocked when an old window will not let go of the database', async () => {
    const name = freshName();
    await createEmptyV1(name);
    const old = await holdOpen(name); // ignores versionchange, like a hung window
    const onBlocked = vi.fn();
    await expect(open(name, { onBlocked, blockedTimeoutMs: 50 })).rejects.toMatchObject({
      code: 'blocked',
    });
    expect(onBlocked).toHaveBeenCalled();
    old.close();
    const db = await open(name);
    expect(db.verno).toBe(DB_VERSION);
  });

  it('completes the upgrade once the old window closes in time', async () => {
    const name = freshName();
    await createEmptyV1(name);
    const old = await holdOpen(name);
    const db = await open(name, { onBlocked: () => old.close() });
    expect(db.isOpen()).toBe(true);
  });
});
