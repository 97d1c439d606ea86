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
  const puts: RollupStoredRow[] = [];
  const deletes: string[] = [];
  ids.forEach((id, i) => {
    const delta = pending.get(id) as RollupRow;
    const before = stored[i];
    const counters = addCounters(before?.counters ?? {}, delta.counters);
    if (isEmptyCounters(counters)) {
      if (before) deletes.push(id);
    } else {
      puts.push(toStoredRollup({ key: delta.key, counters }));
    }
  });
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
