// Whether a stored activity row can be read at all. A row damaged on disk, or written by a
// build that stored another shape, must show as unreadable and never stop the list, the
// detail, an export or an import (docs/database.md, "Damaged rows").
import { REVIEW_STATUSES } from '../../../shared/domain/activity.ts';
import { type ActivityRow } from './schema.ts';

/** Why a row cannot be read: a field it needs is absent, or holds another kind of value. */
export interface RowProblem {
  reason: 'missing-field' | 'wrong-field';
  /** The row's field that failed, e.g. 'type', 'data', 'review.status'. */
  field: string;
}

/** A row that could not be read, as screens get it instead of an ActivityView. */
export interface UnreadableActivity {
  id: string;
  problem: RowProblem;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What each field the screens and the merge read must hold. */
const EXPECTED: readonly [string, (value: unknown) => boolean][] = [
  ['type', (v) => typeof v === 'string' && v !== ''],
  ['schemaVersion', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0],
  ['officerId', (v) => typeof v === 'string'],
  ['postCode', (v) => typeof v === 'string'],
  ['occurredOn', (v) => typeof v === 'string'],
  ['data', isPlainObject],
  ['review', isPlainObject],
  ['clocks', (v) => isPlainObject(v) && Object.values(v).every((h) => typeof h === 'string')],
];

/**
 * The first problem of a stored row, or undefined when it reads. Fields this build does not
 * know (a newer build's extra field) are no problem: they are carried, not shown. A deleted
 * row is only its tombstone, so only its clocks matter.
 */
export function rowProblem(row: unknown): RowProblem | undefined {
  if (!isPlainObject(row) || typeof row.id !== 'string') {
    return { reason: 'missing-field', field: 'id' };
  }
  if (row.deleted === true) {
    return isPlainObject(row.clocks) ? undefined : { reason: 'missing-field', field: 'clocks' };
  }
  for (const [field, fits] of EXPECTED) {
    if (!fits(row[field])) {
      return { reason: row[field] === undefined ? 'missing-field' : 'wrong-field', field };
    }
  }
  const status = (row.review as Record<string, unknown>).status;
  if (!(REVIEW_STATUSES as readonly unknown[]).includes(status)) {
    return {
      reason: status === undefined ? 'missing-field' : 'wrong-field',
      field: 'review.status',
    };
  }
  return undefined;
}

/** The row narrowed to a readable one. */
export function isReadableRow(row: ActivityRow | undefined): row is ActivityRow {
  return row !== undefined && rowProblem(row) === undefined;
}

export function isUnreadable(value: object): value is UnreadableActivity {
  return 'problem' in value;
}

/** The row as screens get it: a view when it reads, else what is wrong with it. */
export function unreadableOf(row: ActivityRow): UnreadableActivity | undefined {
  const problem = rowProblem(row);
  if (!problem) return undefined;
  const id = typeof (row as { id?: unknown }).id === 'string' ? row.id : '?';
  return { id, problem };
}
