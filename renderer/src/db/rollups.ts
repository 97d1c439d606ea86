// The summary rollups as stored: counters per month × post × officer × type, moved by the
// deltas of shared/summary in the SAME transaction as the entry write or import that causes
// them (a crash leaves both or neither), rebuilt from the entries on demand, and read by
// month so a summary never scans the entries.
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
import { type LiaisonDb } from './db.ts';
import { toDbError } from './errors.ts';
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

/**
 * "Rebuild summaries": throws the rollups away and counts them again from the entries, in
 * one transaction (a failure leaves the old rollups as they were). Gives the rows written.
 */
export async function rebuildRollups(
  db: LiaisonDb,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  try {
    return await db.transaction('rw', [db.activities, db.summaryRollups], () =>
      recountInto(db.activities, db.summaryRollups, onProgress),
    );
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}

/** The rollup rows of these months (the only read a summary makes). */
export async function readRollups(db: LiaisonDb, months: readonly string[]): Promise<RollupRow[]> {
  const rows = await db.summaryRollups
    .where('month')
    .anyOf([...months])
    .toArray();
  return rows.map(fromStoredRollup);
}

/** Every rollup row: tests compare it with a recount. */
export async function allRollups(db: LiaisonDb): Promise<RollupTable> {
  const table: RollupTable = new Map();
  for (const row of await db.summaryRollups.toArray()) table.set(row.id, fromStoredRollup(row));
  return table;
}

/** The first and last months that have rollups (null when nothing is counted yet). */
export async function rollupMonthSpan(
  db: LiaisonDb,
): Promise<{ first: string; last: string } | null> {
  const first = await db.summaryRollups
    .orderBy('month')
    .filter((r) => r.month !== '')
    .first();
  const last = await db.summaryRollups.orderBy('month').last();
  if (!first || !last) return null;
  return { first: first.month, last: last.month };
}
