// The summary rollups read and rebuilt through the open database: the "Rebuild summaries"
// action and the reads a summary makes, by month, so a summary never scans the entries.
//
// A month's total is its packed row (`summaryRollups`, moved by imports and the demo seeding)
// plus the journal rows of that month (`rollupJournal`, one per month a local write moves: a
// save adds a few counters instead of reading and rewriting the month's ~12 KB row). Every
// read here adds the journal in; the write that adds every FOLD_EVERY-th journal row folds
// the whole journal into the packed rows once it has committed, in a transaction of its own
// (local-write.ts, foldRollupJournal), so the journal stays short. Folding never changes a
// total, so a fold that fails or never runs costs nothing but reads.
import { monthRuns } from '../../../shared/summary/completeness.ts';
import { type RollupRow, type RollupTable } from '../../../shared/summary/measures.ts';
import {
  type PackedMonth,
  addToMonth,
  deltasByMonth,
  unpackMonth,
} from '../../../shared/summary/packed.ts';
import { isMonth } from '../../../shared/summary/periods.ts';
import { type LiaisonDb } from './db.ts';
import { toDbError } from './errors.ts';
import { applyRollupDeltas, recountInto, unpackStoredRollups } from './rollups.ts';
import { type RollupJournalRow } from './schema.ts';

/** Local writes between two folds of the journal (by the journal rows' own ids). */
export const FOLD_EVERY = 32;

/**
 * The packed months with the journal's deltas added in, months in order (a month with no
 * cell left is left out). The packed rows are not changed: a copy is made of a month the
 * journal touches.
 */
function withJournal(
  packed: readonly PackedMonth[],
  journal: readonly RollupJournalRow[],
): PackedMonth[] {
  if (journal.length === 0) return [...packed];
  const months = new Map<string, PackedMonth | undefined>(packed.map((m) => [m.month, m]));
  for (const [month, deltas] of deltasByMonth(journal.flatMap((row) => row.deltas))) {
    months.set(month, addToMonth(months.get(month), month, deltas));
  }
  return [...months.keys()].sort().flatMap((month) => months.get(month) ?? []);
}

/**
 * Adds the journal into the packed rows and empties it, in one transaction: a total read
 * before and after is the same. Gives the journal rows folded.
 */
export async function foldRollupJournal(db: LiaisonDb): Promise<number> {
  try {
    return await db.transaction('rw', [db.summaryRollups, db.rollupJournal], async () => {
      const rows = await db.rollupJournal.toArray();
      if (rows.length === 0) return 0;
      await applyRollupDeltas(
        db.summaryRollups,
        rows.flatMap((row) => row.deltas),
      );
      await db.rollupJournal.bulkDelete(rows.map((row) => row.id as number));
      return rows.length;
    });
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}

/**
 * "Rebuild summaries": throws the rollups away and counts them again from the entries, in
 * one transaction (a failure leaves the old rollups as they were). Gives the cells written.
 */
export async function rebuildRollups(
  db: LiaisonDb,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  try {
    // The journal counted writes the recount counts again: it goes in the same transaction.
    return await db.transaction('rw', [db.activities, db.summaryRollups, db.rollupJournal], () =>
      recountInto(db.activities, db.summaryRollups, onProgress, db.rollupJournal),
    );
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}

/**
 * The packed rollups of these months, months in order (the only read a summary makes): one
 * row per month, read as one primary-key range per run of consecutive months (a year and the
 * year before are one range, one getAll of ~24 rows), with the journal's rows of the same
 * ranges added in.
 */
export async function readRollupMonths(
  db: LiaisonDb,
  months: readonly string[],
): Promise<PackedMonth[]> {
  const runs = monthRuns([...new Set(months)].filter(isMonth).sort());
  // One transaction: a fold (another window, a worker) cannot land between the two reads.
  const [parts, journal] = await db.transaction('r', [db.summaryRollups, db.rollupJournal], () =>
    Promise.all([
      Promise.all(
        runs.map(([first, last]) =>
          db.summaryRollups.where(':id').between(first, last, true, true).toArray(),
        ),
      ),
      Promise.all(
        runs.map(([first, last]) =>
          db.rollupJournal.where('month').between(first, last, true, true).toArray(),
        ),
      ),
    ]),
  );
  return withJournal(parts.flat(), journal.flat());
}

/** The rollup rows of these months, one object per cell: for a few months (nil reports). */
export async function readRollups(db: LiaisonDb, months: readonly string[]): Promise<RollupRow[]> {
  return (await readRollupMonths(db, months)).flatMap(unpackMonth);
}

/** Every rollup row, the journal added in: tests compare it with a recount. */
export async function allRollups(db: LiaisonDb): Promise<RollupTable> {
  const [packed, journal] = await db.transaction('r', [db.summaryRollups, db.rollupJournal], () =>
    Promise.all([db.summaryRollups.toArray(), db.rollupJournal.toArray()]),
  );
  return unpackStoredRollups(withJournal(packed, journal));
}

/** The first and last months that have rollups (null when nothing is counted yet). */
export async function rollupMonthSpan(
  db: LiaisonDb,
): Promise<{ first: string; last: string } | null> {
  // Keys only: a month's row is tens of kilobytes, its id is the month. '' (no valid date)
  // sorts first and is no month. A journal month outside them: a write that moved a month no
  // import or fold has packed yet (its counters may add up to nothing until the next fold,
  // which only widens the span the period picker offers).
  const ends = await db.transaction('r', [db.summaryRollups, db.rollupJournal], () =>
    Promise.all([
      db.summaryRollups.where(':id').above('').limit(1).primaryKeys(),
      db.summaryRollups.orderBy(':id').reverse().limit(1).primaryKeys(),
      db.rollupJournal.where('month').above('').limit(1).keys(),
      db.rollupJournal.orderBy('month').reverse().limit(1).keys(),
    ]),
  );
  const months = ends
    .flat()
    .filter((m): m is string => typeof m === 'string' && m !== '')
    .sort();
  if (months.length === 0) return null;
  return { first: months[0] as string, last: months.at(-1) as string };
}
