// Seeds a demo HQ or team lead with the generated demo network (shared/demo-data): the
// entries the officers' devices would have sent, stored as an import would store them (each
// field stamped with the officer device's own HLC, so importing the officers' bundles later
// finds them unchanged), sensitive values sealed, summary rollups and the live count moved
// in the same transaction as each slice of rows. Runs in a worker (demo-seed.worker.ts).
import { type Activity } from '../../../shared/domain/activity.ts';
import { DEMO_ROSTER, officerChanges } from '../../../shared/demo-data/index.ts';
import { type Contribution, rollupDeltas } from '../../../shared/summary/measures.ts';
import { type LiaisonDb } from './db.ts';
import { toDbError } from './errors.ts';
import { getMeta, setMeta } from './meta.ts';
import { applyRollupDeltas } from './rollups.ts';
import { buildRow } from './rows.ts';
import { type ActivityRow } from './schema.ts';
import { sealData, type Sealer } from './sealing.ts';

/** Rows per transaction: a failure part way leaves whole slices, and re-seeding completes. */
const SLICE = 2_000;

/** Each record's field clocks, as the officer devices' change lists stamp them. */
function clocksOf(entries: readonly Activity[]): Map<string, Record<string, string>> {
  const clocks = new Map<string, Record<string, string>>();
  for (const officer of DEMO_ROSTER) {
    for (const change of officerChanges(entries, officer)) {
      const record = clocks.get(change.recordId) ?? {};
      record[change.field] = change.hlc;
      clocks.set(change.recordId, record);
    }
  }
  return clocks;
}

/**
 * Stores `entries` (already narrowed to what this device may hold), SLICE at a time.
 * Idempotent: a record stored before is replaced, its rollups moved by the difference.
 * onProgress gets (entries stored, entries in all). Gives the number stored.
 */
export async function seedDemoEntries(
  db: LiaisonDb,
  sealer: Sealer,
  entries: readonly Activity[],
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const clocks = clocksOf(entries);
  let done = 0;
  onProgress?.(0, entries.length);
  for (let start = 0; start < entries.length; start += SLICE) {
    const slice = entries.slice(start, start + SLICE);
    // Sealed before the transaction: WebCrypto inside it would let Dexie commit it half way.
    // All at once: WebCrypto works on several values in parallel, one await each is slow.
    const rows: ActivityRow[] = await Promise.all(
      slice.map(async (entry) => {
        const def = db.typeLookup(entry.type);
        const data = await sealData(sealer, entry.id, entry.data, def);
        const activity: Activity = { ...entry, data: data as Activity['data'] };
        return buildRow(activity, clocks.get(entry.id) ?? {}, { pending: 0, localSeq: 0 }, def);
      }),
    );
    try {
      await db.transaction('rw', [db.activities, db.meta, db.summaryRollups], async () => {
        const before = await db.activities.bulkGet(rows.map((r) => r.id));
        const deltas: Contribution[] = [];
        let live = 0;
        rows.forEach((row, i) => {
          const old = before[i];
          deltas.push(...rollupDeltas(old ?? null, row));
          live += (row.deleted ? 0 : 1) - (old && !old.deleted ? 1 : 0);
        });
        await db.activities.bulkPut(rows);
        await applyRollupDeltas(db.summaryRollups, deltas);
        const count = (await getMeta(db, 'activityCount')) ?? 0;
        await setMeta(db, 'activityCount', Math.max(0, count + live));
      });
    } catch (e) {
      throw toDbError(e, 'write-failed', db.connection);
    }
    done += slice.length;
    onProgress?.(done, entries.length);
  }
  return done;
}
