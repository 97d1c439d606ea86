// Runs inside Chromium, same origin as the app: seeds the app's own database and times the
// app's own repository code. Driven by tests/bench/run.ts through window.bench.
import {
  createActivity,
  openDatabase,
  getOrCreateDevice,
  type LiaisonDb,
} from '../../../renderer/src/db/index.ts';
import { completeSetup, getVaultRecord } from '../../../renderer/src/db/identity.ts';
import { makeSealer, type Sealer } from '../../../renderer/src/db/sealing.ts';
import { generateDeviceKeys } from '../../../shared/bundle/keys.ts';
import { makeDemoProfile } from '../../../shared/identity/index.ts';
import { createVault, unlockVault } from '../../../shared/vault/index.ts';
import { BENCH_PASSPHRASE } from './passphrase.ts';
import { buildRow } from '../../../renderer/src/db/rows.ts';
import { type ActivityRow } from '../../../renderer/src/db/schema.ts';
import { getActivityType } from '../../../shared/domain/catalogue.ts';
import { toFieldValues } from '../../../shared/domain/activity-paths.ts';
import { type Activity } from '../../../shared/domain/activity.ts';
import { type Change } from '../../../shared/sync/change.ts';
import { encodeHlc } from '../../../shared/sync/hlc.ts';

const DB_NAME = 'liaison-log';
const OFFICER = { officerId: 'LO-0001', name: 'Bench Officer', postCode: 'BOG' };

/** The device set up as the wizard leaves it: identity, sealed keys, profile, vault. */
async function setUp(db: LiaisonDb, deviceId: string): Promise<void> {
  const vault = await createVault({ passphrase: BENCH_PASSPHRASE });
  const keys = await generateDeviceKeys({ extractable: true });
  await completeSetup(
    db,
    {
      identity: {
        deviceId,
        networkId: 'liaison-log-demo',
        role: 'officer',
        ...OFFICER,
        demo: true,
        createdAt: new Date().toISOString(),
      },
      keys: { deviceId, ...keys },
      profile: await makeDemoProfile(),
      vault: vault.record,
    },
    vault.dataKey,
  );
}
const CARRIERS = ['Avianca', 'KLM', 'Air France', 'Iberia', 'LATAM', 'Copa'];

function sample(i: number): Activity {
  const day = new Date(Date.UTC(2016, 3, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10);
  return {
    id: `bench-${i.toString(36).padStart(8, '0')}`,
    type: 'interdiction',
    schemaVersion: 1,
    officerId: OFFICER.officerId,
    postCode: OFFICER.postCode,
    occurredOn: day,
    data: {
      airport: 'BOG',
      carrier: CARRIERS[i % CARRIERS.length] as string,
      documentType: 'passport',
      fraudType: 'impostor',
      persons: 1 + (i % 3),
      outcome: 'boarding-denied',
    },
    review: { status: 'pending' },
    deleted: false,
    createdAt: `${day}T12:00:00.000Z`,
    updatedAt: `${day}T12:00:00.000Z`,
  };
}

/** Fills the database as the app would have after `count` entries: rows and change log. */
async function seed(db: LiaisonDb, deviceId: string, count: number): Promise<number> {
  const started = performance.now();
  const def = getActivityType('interdiction');
  const batch = 20_000;
  let seq = 0;
  for (let start = 0; start < count; start += batch) {
    const rows: ActivityRow[] = [];
    const changes: Change[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const activity = sample(i);
      const clocks: Record<string, string> = {};
      for (const [field, value] of Object.entries(toFieldValues(activity))) {
        seq += 1;
        const hlc = encodeHlc({
          wall: Date.parse(activity.createdAt),
          counter: seq % 1000,
          deviceId,
        });
        clocks[field] = hlc;
        changes.push({
          deviceId,
          seq,
          hlc,
          collection: 'activities',
          recordId: activity.id,
          field,
          value,
          author: OFFICER.officerId,
        });
      }
      rows.push(buildRow(activity, clocks, { pending: 1, localSeq: seq }, def));
    }
    await db.transaction('rw', [db.activities, db.changes], async () => {
      await db.activities.bulkPut(rows);
      await db.changes.bulkPut(changes);
    });
  }
  await db.meta.bulkPut([
    { key: `seq:${deviceId}`, value: seq },
    { key: 'activityCount', value: count },
  ]);
  return performance.now() - started;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    n: sorted.length,
    median: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** Saves as the form does, a traveller's name included (so sealed with the data key). */
async function timeSaves(db: LiaisonDb, deviceId: string, n: number, sealer: Sealer) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await createActivity(
      db,
      { deviceId, ...OFFICER },
      {
        type: 'interdiction',
        schemaVersion: 1,
        occurredOn: '2026-11-20',
        data: {
          airport: 'BOG',
          carrier: 'Avianca',
          documentType: 'passport',
          fraudType: 'altered',
          persons: 1,
          outcome: 'offloaded',
          travellerName: `Traveller ${i}`,
        },
      },
      { sealer },
    );
    times.push(performance.now() - t0);
  }
  return stats(times);
}

/** Baseline: one plain Dexie put of a comparable row, no change log, no transaction of ours. */
async function timeRawPuts(db: LiaisonDb, n: number) {
  const def = getActivityType('interdiction');
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = buildRow({ ...sample(10_000_000 + i) }, {}, { pending: 1, localSeq: 0 }, def);
    const t0 = performance.now();
    await db.activities.put(row);
    times.push(performance.now() - t0);
  }
  // Leave the app's data as it was: the raw rows are not real entries.
  await db.activities.bulkDelete(Array.from({ length: n }, (_, i) => sample(10_000_000 + i).id));
  return stats(times);
}

const bench = {
  async prepare(count: number) {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(DB_NAME);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(new Error('delete failed'));
    });
    const db = await openDatabase(DB_NAME);
    const { deviceId } = await getOrCreateDevice(db);
    await setUp(db, deviceId);
    const seedMs = await seed(db, deviceId, count);
    db.close();
    return { seedMs };
  },
  async saves(n: number) {
    const db = await openDatabase(DB_NAME);
    const { deviceId } = await getOrCreateDevice(db);
    const rawPut = await timeRawPuts(db, n);
    const sealer = makeSealer(await unlockVault(await getVaultRecord(db), BENCH_PASSPHRASE));
    const save = await timeSaves(db, deviceId, n, sealer);
    const count = await db.activities.count();
    db.close();
    return { save, rawPut, rowsAfter: count };
  },
};

declare global {
  interface Window {
    bench?: typeof bench;
  }
}
window.bench = bench;
