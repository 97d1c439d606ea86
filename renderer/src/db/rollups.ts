// The summary rollups as stored: counters per month × post × officer × type, packed one row
// per month (shared/summary/packed.ts), moved by the deltas of shared/summary in the SAME
// transaction as the entry write or import that causes them (a crash leaves both or neither),
// rebuilt from the entries on demand (table-level work here, usable inside an upgrade; the
// database-level reads are in rollup-store.ts).
import { type Table } from 'dexie';
import { type Contribution, contributionOf } from '../../../shared/summary/measures.ts';
import {
  type PackedMonth,
  MonthBuilder,
  addToMonth,
  deltasByMonth,
  unpackTable,
} from '../../../shared/summary/packed.ts';
import { type RollupTable } from '../../../shared/summary/measures.ts';
import { type ActivityRow, type RollupJournalRow, type RollupStoredRow } from './schema.ts';

export function toStoredRollup(month: PackedMonth): RollupStoredRow {
  return { id: month.month, ...month };
}

/** Stored rows as rollup rows keyed by rollupId: what a recount gives (tests compare). */
export function unpackStoredRollups(rows: Iterable<PackedMonth>): RollupTable {
  return unpackTable(rows);
}

/**
 * Adds deltas to the stored months, in the caller's transaction (which must include
 * summaryRollups): an import's, and a fold of the journal (rollup-store.ts). Each touched
 * month is read (all in one batch) and written once however many deltas it gets; a cell that
 * falls to zero goes, and a month left with none is deleted.
 */
export async function applyRollupDeltas(
  table: Table<RollupStoredRow, string>,
  deltas: Iterable<Contribution>,
): Promise<void> {
  const byMonth = deltasByMonth(deltas);
  if (byMonth.size === 0) return;
  const before = new Map<string, RollupStoredRow>();
  for (const row of await table.bulkGet([...byMonth.keys()])) if (row) before.set(row.id, row);
  await writeRollups(table, rollupsAfter(byMonth, before));
}

/**
 * applyRollupDeltas for a long writer that holds every stored month in `known` (read once,
 * with nothing else writing meanwhile: the demo seeding): writes without reading, in the
 * caller's transaction. Gives the touched months as they stand after it (undefined:
 * removed); the caller moves `known` only once its transaction has committed.
 */
export async function putRollupDeltas(
  table: Table<RollupStoredRow, string>,
  known: ReadonlyMap<string, RollupStoredRow>,
  deltas: Iterable<Contribution>,
): Promise<Map<string, RollupStoredRow | undefined>> {
  const after = rollupsAfter(deltasByMonth(deltas), known);
  await writeRollups(table, after);
  return after;
}

/** Each touched month once its deltas are added (undefined: no cell left, removed). */
function rollupsAfter(
  byMonth: ReadonlyMap<string, readonly Contribution[]>,
  before: ReadonlyMap<string, RollupStoredRow>,
): Map<string, RollupStoredRow | undefined> {
  const after = new Map<string, RollupStoredRow | undefined>();
  for (const [month, deltas] of byMonth) {
    const packed = addToMonth(before.get(month), month, deltas);
    if (packed) after.set(month, toStoredRollup(packed));
    else if (before.has(month)) after.set(month, undefined);
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
 * Counts every stored entry into fresh rollups (the same counting as shared/summary's
 * `recount`, packed as it goes): the version 7 upgrade and the "Rebuild summaries" action.
 * onProgress gets (entries counted, entries in all). Gives the cells written.
 */
export async function recountInto(
  activities: Table<ActivityRow, string>,
  rollups: Table<RollupStoredRow, string>,
  onProgress?: (done: number, total: number) => void,
  journal?: Table<RollupJournalRow, number>,
): Promise<number> {
  const total = await activities.count();
  const months = new Map<string, MonthBuilder>();
  let done = 0;
  await activities.each((row) => {
    const contribution = contributionOf(row);
    if (contribution) {
      const month = contribution.key.month;
      let builder = months.get(month);
      if (!builder) months.set(month, (builder = new MonthBuilder(month)));
      builder.add(contribution);
    }
    done += 1;
    if (done % PROGRESS_EVERY === 0) onProgress?.(done, total);
  });
  const packed = [...months.values()].flatMap((builder) => builder.pack() ?? []);
  await rollups.clear();
  // What the journal held is in the recount (version 10; the version 7 upgrade has none).
  await journal?.clear();
  await rollups.bulkPut(packed.map(toStoredRollup));
  onProgress?.(total, total);
  return packed.reduce((cells, month) => cells + month.keys.length / 3, 0);
}
