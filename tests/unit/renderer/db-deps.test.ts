// The database's injected sources: with a fixed clock and a seeded id source, the same
// writes give the same ids and the same stored rows on every run (the demo generator and
// tests rely on it); without them, ids are 128 random bits. The online scheduler reads the
// same clock and random source.
import { describe, expect, it } from 'vitest';
import { createActivity, getOrCreateDevice, openDatabase } from '../../../renderer/src/db/index.ts';
import { saveDraft } from '../../../renderer/src/db/drafts.ts';
import { createScheduler } from '../../../renderer/src/db/online/scheduler.ts';
import { getOnlineStatus } from '../../../renderer/src/db/online/state.ts';
import { RemoteError } from '../../../renderer/src/platform/remote.ts';
import { freshName, liaisonInput, testSealer, testTypes } from './db-fixtures.ts';

function seededIds(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${(n += 1)}`;
}

async function run(name: string) {
  let t = Date.UTC(2025, 3, 1);
  const db = await openDatabase(name, {
    types: testTypes,
    now: () => (t += 1),
    newId: seededIds('id'),
  });
  const device = await getOrCreateDevice(db);
  const author = { deviceId: device.deviceId, officerId: 'lo-bogota-1', postCode: 'BOG' };
  const entry = await createActivity(db, author, liaisonInput());
  const draft = await saveDraft(
    db,
    { type: 'liaison', values: { subject: 'half' } },
    await testSealer(),
  );
  const rows = await db.activities.toArray();
  db.close();
  return { deviceId: device.deviceId, entry: entry.id, draft: draft.id, rows };
}

describe('injected id source', () => {
  it('gives the same ids and rows on every run with the same seed', async () => {
    const first = await run(freshName());
    const second = await run(freshName());
    expect(first).toEqual(second);
    expect([first.deviceId, first.entry, first.draft]).toEqual(['id-1', 'id-2', 'id-3']);
  });

  it('defaults to 128-bit random ids', async () => {
    const db = await openDatabase(freshName(), { types: testTypes });
    const ids = new Set(Array.from({ length: 50 }, () => db.newId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    db.close();
  });
});

describe('the online scheduler and the injected sources', () => {
  it('stamps its attempts with the database clock and draws its jitter from its random source', async () => {
    const at = Date.UTC(2025, 5, 1, 8, 30);
    const draws: number[] = [];
    const db = await openDatabase(freshName(), {
      types: testTypes,
      now: () => at,
      random: () => {
        draws.push(0.25);
        return 0.25;
      },
    });
    let fail = true;
    const scheduler = createScheduler({
      db,
      run: () =>
        fail
          ? Promise.reject(new RemoteError('offline'))
          : Promise.resolve({
              uploaded: 0,
              alreadyThere: 0,
              imported: 0,
              receiptsSent: 0,
              profilesSent: 0,
              setAside: [],
              profileNotSent: [],
            }),
      credentialsKey: () => 'v1',
      intervalMs: 60_000,
      debounceMs: 60_000,
      backoff: { baseMs: 60_000, maxMs: 60_000 },
      exclusive: async (work) => {
        await work();
        return true;
      },
    });
    await scheduler.syncNow();
    expect(draws).toEqual([0.25]);
    expect((await getOnlineStatus(db)).lastAttemptAt).toBe(new Date(at).toISOString());
    fail = false;
    await scheduler.syncNow();
    expect((await getOnlineStatus(db)).lastSuccessAt).toBe(new Date(at).toISOString());
    scheduler.stop();
    db.close();
  });
});
