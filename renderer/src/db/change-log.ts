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
  /** The first change's seq: a list that lost changes at its head no longer fits it. */
  from: number;
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
    from: (changes[0] as Change).seq,
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
 * (checkRow does that where a damaged row matters), but never anything that is not a change
 * with a field path and a stamp, so a damaged row cannot make a deletion or the purge throw.
 */
export function changesOf(row: ChangeLogRow): Change[] {
  return storedItems(row).filter(
    (c) => typeof c.field === 'string' && typeof c.hlc === 'string',
  ) as Change[];
}

/** Every object a row holds as a change, whatever is left of its fields. */
function storedItems(row: ChangeLogRow): Partial<Change>[] {
  const list: unknown[] = isSaveRow(row) ? (Array.isArray(row.changes) ? row.changes : []) : [row];
  return list.filter((c): c is Partial<Change> => typeof c === 'object' && c !== null);
}

/**
 * Calls `edit` on each change a row holds, in place (inside Collection.modify), a damaged one
 * too (its fields may be missing): erasing a deleted record's values must reach every value.
 */
export function editChanges(row: ChangeLogRow, edit: (change: Partial<Change>) => void): void {
  for (const change of storedItems(row)) edit(change);
}

/** A record's changes from its rows, in HLC order (the order merge applies them). */
export function inHlcOrder(rows: readonly ChangeLogRow[]): Change[] {
  return rows.flatMap(changesOf).sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/** A stored row checked: its changes, or why it cannot be read (damaged on disk). */
export type CheckedRow =
  { ok: true; changes: Change[] } | { ok: false; key: [string, unknown]; recordIds: string[] };

/**
 * Checks a stored row of `deviceId`'s own log. A change row (before version 10) must have the
 * change's shape and be this device's. A save row must be exactly what saveRow makes: a
 * non-empty list of this device's changes of one record, numbered one after another from the
 * row's `from` to its seq, the row's record and stamp being those of its last change. Anything else
 * would let a damaged row pass for a whole write while a change of it is lost (a seq moved
 * below the export floor) or hidden (a row out of the record's index, which a deletion
 * erases through). A row that fails is reported with its stored key and every record it
 * still names (its own and its changes'), so that none of them is sent short.
 */
export function checkRow(row: unknown, deviceId: string): CheckedRow {
  const damaged: CheckedRow = {
    ok: false,
    key: [deviceId, fieldOf(row, 'seq')],
    recordIds: namedRecords(row),
  };
  if (!isSaveRow(row)) {
    const parsed = changeSchema.safeParse(row);
    return parsed.success && parsed.data.deviceId === deviceId
      ? { ok: true, changes: [parsed.data] }
      : damaged;
  }
  const { changes } = row;
  const seq = fieldOf(row, 'seq');
  const first = fieldOf(row, 'from');
  if (
    !Array.isArray(changes) ||
    changes.length === 0 ||
    typeof seq !== 'number' ||
    typeof first !== 'number' ||
    changes.length !== seq - first + 1
  )
    return damaged;
  const out: Change[] = [];
  for (const [i, item] of changes.entries()) {
    const parsed = changeSchema.safeParse(item);
    if (
      !parsed.success ||
      parsed.data.deviceId !== deviceId ||
      parsed.data.recordId !== fieldOf(row, 'recordId') ||
      parsed.data.seq !== first + i
    )
      return damaged;
    out.push(parsed.data);
  }
  if (out.at(-1)?.hlc !== fieldOf(row, 'hlc')) return damaged;
  return { ok: true, changes: out };
}

/** Every record a row still names: its own and (in a save row) its changes'. */
function namedRecords(row: unknown): string[] {
  const inner = isSaveRow(row) && Array.isArray(row.changes) ? (row.changes as unknown[]) : [];
  const named = [row, ...inner].map((item) => fieldOf(item, 'recordId'));
  return [...new Set(named.filter((id): id is string => typeof id === 'string' && id !== ''))];
}

function fieldOf(row: unknown, name: string): unknown {
  return typeof row === 'object' && row !== null && name in row
    ? (row as Record<string, unknown>)[name]
    : undefined;
}
