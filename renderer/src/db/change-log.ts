// The change log as stored. Since schema version 10 a local write stores its changes as ONE
// row (a save row: one record's changes, numbered and stamped in one transaction) instead of
// one row per field: a new entry was 13 rows, each an IndexedDB request with its own keys,
// and they were most of what a save cost (docs/database.md, "The change log"). Rows written
// before stay as they are, one change each; every reader here takes both.
//
// A save row is keyed by its LAST seq, so a range "above seq N" finds every save holding a
// change above N (an export's floor, a receipt's acknowledgement, the retention purge); the
// reader drops the changes at or below N itself.
import { changeSchema, type Change } from '../../../shared/sync/change.ts';

/** One local write's changes: one record, consecutive seqs, in seq order. */
export interface SaveRow {
  deviceId: string;
  /** The last change's seq: the row's key with deviceId. */
  seq: number;
  recordId: string;
  /** The last change's stamp: [recordId+hlc] lists a record's saves in order. */
  hlc: string;
  changes: Change[];
}

/** A row of the `changes` table: a save row, or one change as stored before version 10. */
export type ChangeLogRow = SaveRow | Change;

/** The row a write of `changes` (one record's, in seq order, at least one) stores. */
export function saveRow(changes: readonly Change[]): SaveRow {
  const last = changes.at(-1);
  if (!last) throw new Error('saveRow needs at least one change');
  return {
    deviceId: last.deviceId,
    seq: last.seq,
    recordId: last.recordId,
    hlc: last.hlc,
    changes: [...changes],
  };
}

function isSaveRow<T>(row: T): row is T & { changes: unknown } {
  return typeof row === 'object' && row !== null && 'changes' in row;
}

/**
 * The changes a row holds, as stored: rows this device wrote and reads back, not checked
 * (checkRow does that where a damaged row matters); a save row without a list holds none.
 */
export function changesOf(row: ChangeLogRow): Change[] {
  if (!isSaveRow(row)) return [row];
  return Array.isArray(row.changes) ? (row.changes as Change[]) : [];
}

/** Calls `edit` on each change a row holds, in place (inside Collection.modify). */
export function editChanges(row: ChangeLogRow, edit: (change: Change) => void): void {
  for (const change of changesOf(row)) edit(change);
}

/** A record's changes from its rows, in HLC order (the order merge applies them). */
export function inHlcOrder(rows: readonly ChangeLogRow[]): Change[] {
  return rows.flatMap(changesOf).sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/** A stored row checked: its changes, or why it cannot be read (damaged on disk). */
export type CheckedRow =
  | { ok: true; changes: Change[] }
  | { ok: false; key: [string, unknown]; recordId: string | undefined };

/**
 * Checks a stored row of `deviceId`'s own log: every change must have the change's shape,
 * be this device's, and (in a save row) be of the row's record and within its seq. A row
 * that fails is reported with its stored key and the record it still names, if any.
 */
export function checkRow(row: unknown, deviceId: string): CheckedRow {
  const recordId = namedRecord(row);
  const damaged: CheckedRow = { ok: false, key: [deviceId, fieldOf(row, 'seq')], recordId };
  if (!isSaveRow(row)) {
    const parsed = changeSchema.safeParse(row);
    return parsed.success && parsed.data.deviceId === deviceId
      ? { ok: true, changes: [parsed.data] }
      : damaged;
  }
  const { changes } = row;
  const seq = fieldOf(row, 'seq');
  if (!Array.isArray(changes) || changes.length === 0 || typeof seq !== 'number') return damaged;
  const out: Change[] = [];
  for (const item of changes) {
    const parsed = changeSchema.safeParse(item);
    if (
      !parsed.success ||
      parsed.data.deviceId !== deviceId ||
      parsed.data.recordId !== recordId ||
      parsed.data.seq > seq
    )
      return damaged;
    out.push(parsed.data);
  }
  return { ok: true, changes: out };
}

/** The record a row names, if it still names one. */
export function namedRecord(row: unknown): string | undefined {
  const named = fieldOf(row, 'recordId');
  return typeof named === 'string' && named !== '' ? named : undefined;
}

function fieldOf(row: unknown, name: string): unknown {
  return typeof row === 'object' && row !== null && name in row
    ? (row as Record<string, unknown>)[name]
    : undefined;
}
