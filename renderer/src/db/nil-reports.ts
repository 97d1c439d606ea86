// Nil reports ("nothing to report this month") as an officer files and withdraws them. Each is
// a record of the activities collection (shared/domain/nil-report.ts), written by the same
// createActivity / deleteActivity as an entry: row, changes and rollups in one transaction,
// queued for the next bundle and online sync like any entry.
import {
  isNilReport,
  nilReportDate,
  nilReportId,
  nilReportProblem,
  nilReportType,
  type NilReportProblem,
} from '../../../shared/domain/nil-report.ts';
import { counterValue, mergeCounters } from '../../../shared/summary/measures.ts';
import { createActivity, deleteActivity, inWriteTransaction, type Author } from './activities.ts';
import { type LiaisonDb } from './db.ts';
import { readRollups } from './rollup-store.ts';

export interface NilReport {
  readonly id: string;
  /** 'YYYY-MM'. */
  readonly month: string;
  /** Still waiting to reach HQ. */
  readonly pending: boolean;
}

export type FileNilReportResult =
  | { readonly ok: true; readonly report: NilReport }
  | { readonly ok: false; readonly problem: NilReportProblem };

/** What the officer already has in a month: read from that month's rollups, never the entries. */
async function monthState(db: LiaisonDb, officerId: string, month: string) {
  const rows = (await readRollups(db, [month])).filter((r) => r.key.officerId === officerId);
  const counters = mergeCounters(rows.map((r) => r.counters));
  return {
    nilReports: counterValue(counters, 'nilReports'),
    entries: counterValue(counters, 'entries') + counterValue(counters, 'notCounted'),
  };
}

/**
 * Files a nil report for `month` in the author's post, or says why not (nilReportProblem):
 * the check and the write share one transaction, so two quick clicks cannot file twice.
 * `today` is the post's date ('YYYY-MM-DD').
 */
export async function fileNilReport(
  db: LiaisonDb,
  author: Author,
  month: string,
  today: string,
): Promise<FileNilReportResult> {
  return inWriteTransaction(db, async () => {
    const problem = nilReportProblem(month, today, await monthState(db, author.officerId, month));
    if (problem) return { ok: false, problem };
    const id = nilReportId(month, author.officerId, db.newId());
    const input = {
      type: nilReportType.id,
      schemaVersion: nilReportType.version,
      occurredOn: nilReportDate(month),
      data: {},
    };
    const view = await createActivity(db, author, input, { id });
    return { ok: true, report: { id: view.id, month, pending: view.pending } };
  });
}

/**
 * Withdraws a nil report (a tombstone, carried on like an entry's deletion): the month is then
 * missing again unless it has entries. Only its own officer may (deleteActivity checks).
 */
export async function withdrawNilReport(db: LiaisonDb, author: Author, id: string): Promise<void> {
  await deleteActivity(db, author, id);
}

/** The officer's live nil reports, newest month first: one key range of the activities table. */
export async function listNilReports(db: LiaisonDb, officerId: string): Promise<NilReport[]> {
  const rows = await db.activities
    .where(':id')
    .between('nil.', 'nil.\uffff', true, true)
    .filter((row) => !row.deleted && row.officerId === officerId && isNilReport(row))
    .toArray();
  return rows
    .map((row) => ({ id: row.id, month: row.occurredOn.slice(0, 7), pending: row.pending === 1 }))
    .sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
}
