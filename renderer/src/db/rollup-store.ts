// The summary rollups read and rebuilt through the open database: the "Rebuild summaries"
// action and the reads a summary makes, by month, so a summary never scans the entries.
import { monthRuns } from '../../../shared/summary/completeness.ts';
import { type RollupRow, type RollupTable } from '../../../shared/summary/measures.ts';
import { type PackedMonth, unpackMonth } from '../../../shared/summary/packed.ts';
import { isMonth } from '../../../shared/summary/periods.ts';
import { type LiaisonDb } from './db.ts';
import { toDbError } from './errors.ts';
import { recountInto, unpackStoredRollups } from './rollups.ts';

/**
 * "Rebuild summaries": throws the rollups away and counts them again from the entries, in
 * one transaction (a failure leaves the old rollups as they were). Gives the cells written.
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
 * The packed rollups of these months, months in order (the only read a summary makes): one
 * row per month, read as one primary-key range per run of consecutive months (a year and the
 * year before are one range, one getAll of ~24 rows).
 */
export async function readRollupMonths(
  db: LiaisonDb,
  months: readonly string[],
): Promise<PackedMonth[]> {
  const sorted = [...new Set(months)].filter(isMonth).sort();
  const parts = await Promise.all(
    monthRuns(sorted).map(([first, last]) =>
      db.summaryRollups.where(':id').between(first, last, true, true).toArray(),
    ),
  );
  return parts.flat();
}

/** The rollup rows of these months, one object per cell: for a few months (nil reports). */
export async function readRollups(db: LiaisonDb, months: readonly string[]): Promise<RollupRow[]> {
  return (await readRollupMonths(db, months)).flatMap(unpackMonth);
}

/** Every rollup row: tests compare it with a recount. */
export async function allRollups(db: LiaisonDb): Promise<RollupTable> {
  return unpackStoredRollups(await db.summaryRollups.toArray());
}

/** The first and last months that have rollups (null when nothing is counted yet). */
export async function rollupMonthSpan(
  db: LiaisonDb,
): Promise<{ first: string; last: string } | null> {
  // Keys only: a month's row is tens of kilobytes, its id is the month. '' (no valid date)
  // sorts first and is no month.
  const [first] = await db.summaryRollups.where(':id').above('').limit(1).primaryKeys();
  const [last] = await db.summaryRollups.orderBy(':id').reverse().limit(1).primaryKeys();
  if (first === undefined || last === undefined || last === '') return null;
  return { first, last };
}
