// Seeds a demo HQ or team lead with the generated demo network (shared/demo-data): the
// entries the officers' devices would have sent, stored as an import would store them (each
// field stamped with the officer device's own HLC, so importing the officers' bundles later
// finds them unchanged), sensitive values sealed, summary rollups and the live count moved
// in the same transaction as each slice of rows. Runs in a worker (demo-seed.worker.ts).
//
// Fast because it never reads what it already knows: seeding runs before the device has an
// identity, so nothing else writes meanwhile, and the stored ids and rollup rows are read
// once at the start and then kept in memory (a fresh HQ reads nothing per slice; reads of
// absent keys cost IndexedDB seconds). The next slice is stamped and sealed while this one is
// written, officer by officer (an officer's clocks are made with its first slice).
import { type Activity } from '../../../shared/domain/activity.ts';
import { DEMO_ROSTER, officerChanges } from '../../../shared/demo-data/index.ts';
import { type Contribution, rollupDeltas } from '../../../shared/summary/measures.ts';
import { type LiaisonDb } from './db.ts';
import { toDbError } from './errors.ts';
import { getMeta, setMeta } from './meta.ts';
import { putRollupDeltas } from './rollups.ts';
import { buildRow, listedInLog } from './rows.ts';
import { type ActivityRow, type RollupStoredRow } from './schema.ts';
import { sealData, type Sealer } from './sealing.ts';

/**
 * What the benchmark times: the start (ordering, stored state), waiting for a slice to be
 * stamped and sealed, and each slice's transaction.
 */
export type SeedStep = 'start' | 'wait' | 'write';

/** Rows per transaction: a failure part way leaves whole slices, and re-seeding completes. */
const SLICE = 4_000;

/** The entries officer by officer, in roster order (others last), each officer's in order. */
function byOfficer(entries: readonly Activity[]): Activity[] {
  const order = new Map(DEMO_ROSTER.map((officer, i) => [officer.officerId, i]));
  const rank = (entry: Activity) => order.get(entry.officerId) ?? order.size;
  return [...entries].sort((a, b) => rank(a) - rank(b));
}

/**
 * Each record's field clocks, as the officer devices' change lists stamp them. An officer's
 * list is made when its first entry is prepared, so that work overlaps the writes too.
 */
function clockSource(entries: readonly Activity[]): (entry: Activity) => Record<string, string> {
  const own = new Map<string, Activity[]>();
  for (const entry of entries) {
    const list = own.get(entry.officerId);
    if (list) list.push(entry);
    else own.set(entry.officerId, [entry]);
  }
  const clocks = new Map<string, Record<string, string>>();
  const stamped = new Set<string>();
  return (entry) => {
    if (!stamped.has(entry.officerId)) {
      stamped.add(entry.officerId);
      const officer = DEMO_ROSTER.find((o) => o.officerId === entry.officerId);
      for (const change of officer
        ? officerChanges(own.get(officer.officerId) ?? [], officer)
        : []) {
        const record = clocks.get(change.recordId) ?? {};
        record[change.field] = change.hlc;
        clocks.set(change.recordId, record);
      }
    }
    return clocks.get(entry.id) ?? {};
  };
}

/** A slice's rows, sealed: WebCrypto inside a transaction would let Dexie commit it half way. */
function sealedRows(
  db: LiaisonDb,
  sealer: Sealer,
  slice: readonly Activity[],
  clockOf: (entry: Activity) => Record<string, string>,
): Promise<ActivityRow[]> {
  // All at once: WebCrypto works on several values in parallel, one await each is slow.
  return Promise.all(
    slice.map(async (entry) => {
      const clocks = clockOf(entry);
      const def = db.typeLookup(entry.type);
      const data = await sealData(sealer, entry.id, entry.data, def);
      const activity: Activity = { ...entry, data: data as Activity['data'] };
      return buildRow(activity, clocks, { pending: 0, localSeq: 0 }, def);
    }),
  );
}

/** What is stored before seeding starts: the entries' ids and every rollup row. */
async function storedState(db: LiaisonDb) {
  return db.transaction('r', [db.activities, db.summaryRollups], async () => {
    const ids = new Set(await db.activities.toCollection().primaryKeys());
    const rollups = new Map<string, RollupStoredRow>();
    for (const row of await db.summaryRollups.toArray()) rollups.set(row.id, row);
    return { ids, rollups };
  });
}

/**
 * Stores `entries` (already narrowed to what this device may hold), SLICE at a time.
 * Idempotent: a record stored before is replaced, its rollups moved by the difference.
 * onProgress gets (entries stored, entries in all). Gives the number stored. Nothing else
 * may write entries or rollups meanwhile (see the top of this file).
 */
export async function seedDemoEntries(
  db: LiaisonDb,
  sealer: Sealer,
  unordered: readonly Activity[],
  onProgress?: (done: number, total: number) => void,
  onStep?: (step: SeedStep, ms: number) => void,
): Promise<number> {
  let t0 = performance.now();
  const step = (name: SeedStep) => {
    const t1 = performance.now();
    onStep?.(name, t1 - t0);
    t0 = t1;
  };
  const entries = byOfficer(unordered);
  const clockOf = clockSource(entries);
  onProgress?.(0, entries.length);
  const { ids, rollups } = await storedState(db);
  const prepare = (start: number) => {
    const rows = sealedRows(db, sealer, entries.slice(start, start + SLICE), clockOf);
    // Awaited in the loop; if a write fails first, this one must not count as unhandled.
    rows.catch(() => undefined);
    return rows;
  };
  let next = prepare(0);
  let done = 0;
  step('start');
  for (let start = 0; start < entries.length; start += SLICE) {
    const rows = await next;
    step('wait');
    if (start + SLICE < entries.length) next = prepare(start + SLICE);
    let moved: Map<string, RollupStoredRow | undefined>;
    try {
      moved = await db.transaction('rw', [db.activities, db.meta, db.summaryRollups], async () => {
        // Only rows stored before seeding, or by an earlier slice, can be there already.
        const known = rows.filter((row) => ids.has(row.id)).map((row) => row.id);
        const before = new Map<string, ActivityRow>();
        if (known.length > 0) {
          for (const old of await db.activities.where(':id').anyOf(known).toArray()) {
            before.set(old.id, old);
          }
        }
        const deltas: Contribution[] = [];
        let live = 0;
        for (const row of rows) {
          const old = before.get(row.id);
          for (const delta of rollupDeltas(old ?? null, row)) deltas.push(delta);
          live += (listedInLog(row) ? 1 : 0) - (listedInLog(old) ? 1 : 0);
        }
        // Not awaited before the rollups are put: IndexedDB queues both, no idle gap between.
        const put = db.activities.bulkPut(rows);
        put.catch(() => undefined);
        const after = await putRollupDeltas(db.summaryRollups, rollups, deltas);
        const count = (await getMeta(db, 'activityCount')) ?? 0;
        await setMeta(db, 'activityCount', Math.max(0, count + live));
        await put;
        return after;
      });
    } catch (e) {
      throw toDbError(e, 'write-failed', db.connection);
    }
    step('write');
    // What is known moves only once the slice has committed.
    for (const row of rows) ids.add(row.id);
    for (const [id, row] of moved) {
      if (row) rollups.set(id, row);
      else rollups.delete(id);
    }
    done += rows.length;
    onProgress?.(done, entries.length);
  }
  return done;
}
