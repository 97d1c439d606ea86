// Version 9 changes no store: it moves the number so a version 8 build, which would rebuild
// rows without the history they now hold, refuses the database (it sees a higher version). A version 8 database opens
// as it is: its rows, their flags stored as 0, and its changeTrail rows stay readable.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createActivity,
  listActivityIds,
  openDatabase,
  type LiaisonDb,
} from '../../../renderer/src/db/index.ts';
import { DB_VERSION, STORES_V8, type TrailRow } from '../../../renderer/src/db/schema.ts';
import { freshName, liaisonInput, openTestDb } from './db-fixtures.ts';

const opened: LiaisonDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('version 9', () => {
  it('opens a version 8 database as it is, and a version 8 build then refuses it', async () => {
    // Rows as a version 8 build wrote them: one entry of its own (pending), and the same
    // entry as if imported, its flags stored as 0.
    const { db: source, author } = await openTestDb();
    opened.push(source);
    const own = await source.activities.get(
      (await createActivity(source, author, liaisonInput())).id,
    );
    if (!own) throw new Error('not stored');
    const v8Rows = [own, { ...own, id: 'imported', pending: 0 as const, localSeq: 0 }];
    const save: TrailRow = {
      recordId: 'imported',
      hlc: '001743500000000-000000-dev-a',
      deviceId: 'dev-a',
      author: 'lo-a',
      fields: { type: '001743500000000-000000-dev-a' },
    };

    const name = freshName();
    const v8 = new Dexie(name);
    v8.version(8).stores(STORES_V8);
    await v8.open();
    await v8.table('activities').bulkPut(v8Rows);
    await v8.table('changeTrail').put(save);
    v8.close();

    const db = await openDatabase(name);
    opened.push(db);
    expect(db.verno).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(9);
    expect(await db.activities.get('imported')).toEqual(v8Rows[1]);
    expect(await db.changeTrail.toArray()).toEqual([save]);
    expect(await listActivityIds(db, { pending: true })).toEqual([own.id]);
    expect(await listActivityIds(db, { pending: false })).toEqual(['imported']);
    db.close();

    // A version 8 build refuses a database installed at a higher schema version than its
    // own (openDatabase: 'version-too-new', tested in db-open.test.ts); this one is now at
    // this build's version, 9 or later.
    const found = (await Dexie.dependencies.indexedDB.databases()).find((d) => d.name === name);
    expect(Math.floor((found?.version ?? 0) / 10)).toBe(DB_VERSION);
  });
});
