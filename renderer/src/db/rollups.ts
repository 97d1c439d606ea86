// The summary rollups as stored: counters per month × post × officer × type, moved by the
// deltas of shared/summary in the SAME transaction as the entry write or import that causes
// them (a crash leaves both or neither), rebuilt from the entries on demand (table-level
// work here, usable inside an upgrade; the database-level reads are in rollup-store.ts).
import { type Table } from 'dexie';
import {
  type Contribution,
  type RollupRow,
  type RollupTable,
  addCounters,
  applyDeltas,
  contributionOf,
  isEmptyCounters,
  rollupId,
} from '../../../shared/summary/measures.ts';
import { type ActivityRow, type RollupStoredRow } from './schema.ts';

export function toStoredRollup(row: RollupRow): RollupStoredRow {
  return { id: rollupId(row.key), ...row.key, counters: { ...row.counters } };
}

export function fromStoredRollup(row: RollupStoredRow): RollupRow {
  const { month, postCode, officerId, type } = row;
  return { key: { month, postCode, officerId, type }, counters: row.counters };
}

/**
 * Adds deltas to the stored rows, in the caller's transaction (which must include
 * summaryRollups). Deltas to one row are summed first, so an import reads and writes each
 * touched row once; a row that falls to zero is deleted.
 */
export async function applyRollupDeltas(
  table: Table<RollupStoredRow, string>,
  deltas: Iterable<Contribution>,
): Promise<void> {
  const pending: RollupTable = new Map();
  applyDeltas(pending, deltas);
  if (pending.size === 0) return;
  const ids = [...pending.keys()];
  const stored = await table.bulkGet(ids);
  const before = new Map<string, RollupStoredRow>();
  for (const row of stored) if (row) before.set(row.id, row);
  await writeRollups(table, rollupsAfter(pending, before));
}

/**
 * applyRollupDeltas for a long writer that holds every stored rollup row in `known` (read
 * once, with nothing else writing meanwhile: the demo seeding): writes without reading, in
 * the caller's transaction. Gives the touched rows as they stand after it (undefined:
 * removed); the caller moves `known` only once its transaction has committed.
 */
export async function putRollupDeltas(
  table: Table<RollupStoredRow, string>,
  known: ReadonlyMap<string, RollupStoredRow>,
  deltas: Iterable<Contribution>,
): Promise<Map<string, RollupStoredRow | undefined>> {
  const pending: RollupTable = new Map();
  applyDeltas(pending, deltas);
  const after = rollupsAfter(pending, known);
  await writeRollups(table, after);
  return after;
}

/** Each touched row once the deltas are added to it (undefined: fell to zero, removed). */
function rollupsAfter(
  pending: RollupTable,
  before: ReadonlyMap<string, RollupStoredRow>,
): Map<string, RollupStoredRow | undefined> {
  const after = new Map<string, RollupStoredRow | undefined>();
  for (const [id, delta] of pending) {
    const counters = addCounters(before.get(id)?.counters ?? {}, delta.counters);
    if (!isEmptyCounters(counters)) after.set(id, toStoredRollup({ key: delta.key, counters }));
    else if (before.has(id)) after.set(id, undefined);
  }
  return after;
}

async function writeRollups(
  table: Table<RollupStoredRow, string>,
  after: ReadonlyMap<string, RollupStoredRow | undefined>,
): Promise<void> {
  const puts: RollupStoredRow[] = [];
  const deletes: string[] = [];
  for (const [id, row] of after) {
    if (row) puts.push(row);
    else deletes.push(id);
  }
  if (puts.length > 0) await table.bulkPut(puts);
  if (deletes.length > 0) await table.bulkDelete(deletes);
}

/** Rows per progress report while counting. */
const PROGRESS_EVERY = 5_000;

/**
 * Counts every stored entry into a fresh rollup table: the v4 upgrade and the "Rebuild
 * summaries" action. onProgress gets (entries counted, entries in all).
 */
export async function recountInto(
  activities: Table<ActivityRow, string>,
  rollups: Table<RollupStoredRow, string>,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const total = await activities.count();
  const table: RollupTable = new Map();
  let done = 0;
  await activities.each((row) => {
    const contribution = contributionOf(row);
    if (contribution) applyDeltas(table, [contribution]);
    done += 1;
    if (done % PROGRESS_EVERY === 0) onProgress?.(done, total);
  });
  await rollups.clear();
  await rollups.bulkPut([...table.values()].map(toStoredRollup));
  onProgress?.(total, total);
  return table.size;
}
