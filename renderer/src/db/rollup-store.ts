// The summary rollups read and rebuilt through the open database: the "Rebuild summaries"
// action and the reads a summary makes, by month, so a summary never scans the entries.
import { monthRuns } from '../../../shared/summary/completeness.ts';
import { type RollupRow, type RollupTable } from '../../../shared/summary/measures.ts';
import { isMonth } from '../../../shared/summary/periods.ts';
import { type LiaisonDb } from './db.ts';
import { toDbError } from './errors.ts';
import { fromStoredRollup, recountInto } from './rollups.ts';

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

/**
 * The rollup rows of these months (the only read a summary makes). Read as one key range per
 * run of consecutive months (a year and the year before are one range): a plain range is one
 * getAll, where `anyOf` walks a cursor row by row, several times slower on thousands of rows
 * (the summaries benchmark, docs/summaries.md).
 */
export async function readRollups(db: LiaisonDb, months: readonly string[]): Promise<RollupRow[]> {
  const sorted = [...new Set(months)].filter(isMonth).sort();
  const parts = await Promise.all(
    monthRuns(sorted).map(([first, last]) =>
      db.summaryRollups.where('month').between(first, last, true, true).toArray(),
    ),
  );
  return parts.flat().map(fromStoredRollup);
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
