// Between a stored row and the sync core's RecordState (per-field value and stamp). Local
// writes go through mergeChanges like imported ones (docs/sync-model.md, section 3), so a
// local edit that loses to a stored stamp (a remote clock far ahead) loses here too, and a
// deletion erases exactly what it erases on every other device.
import { applyFieldValues, toFieldValues } from '../../../shared/domain/activity-paths.ts';
import {
  CORE_PATHS,
  DATA_PREFIX,
  REVIEW_STATUSES,
  type Activity,
} from '../../../shared/domain/activity.ts';
import { COMMENT_PREFIX } from '../../../shared/review/comments.ts';
import { DELETED_FIELD, type Change, type Json } from '../../../shared/sync/change.ts';
import { recordKey } from '../../../shared/sync/fields.ts';
import { mergeChanges, type FieldState, type RecordState } from '../../../shared/sync/merge.ts';
import { type ActivityRow } from './schema.ts';

/** The row as the merge sees it: every path that has a stamp, with its current value. */
export function rowState(row: ActivityRow, activity: Activity): RecordState {
  const values = toFieldValues(activity);
  const fields: Record<string, FieldState> = {};
  for (const [path, hlc] of Object.entries(row.clocks)) {
    fields[path] = { value: values[path] ?? null, hlc };
  }
  return { collection: 'activities', id: row.id, fields };
}

/**
 * Merges `changes` into the record (undefined: a new one) and returns the record and stamps
 * to store. A deleted result keeps only what outlives deletion: who owned the record.
 */
export function mergeLocal(
  base: Activity,
  current: RecordState | undefined,
  changes: readonly Change[],
): { activity: Activity; clocks: Record<string, string> } {
  const key = recordKey('activities', base.id);
  const merged = mergeChanges(() => current, changes).records.get(key) ?? current;
  const values: Record<string, Json> = {};
  const clocks: Record<string, string> = {};
  for (const [path, state] of Object.entries(merged?.fields ?? {})) {
    values[path] = state.value;
    clocks[path] = state.hlc;
  }
  if (values[DELETED_FIELD] === true) {
    const { officerId, postCode } = values;
    return {
      activity: {
        ...base,
        officerId: typeof officerId === 'string' ? officerId : base.officerId,
        postCode: typeof postCode === 'string' ? postCode : base.postCode,
        data: {},
        review: { status: base.review.status },
        deleted: true,
      },
      clocks,
    };
  }
  return { activity: applyFieldValues(base, values), clocks };
}

/** The value a damaged row still holds at `path`, or undefined when it cannot be read. */
function salvagedValue(row: Record<string, unknown>, path: string): Json | undefined {
  const fits = (value: unknown, kind: 'string' | 'number'): Json | undefined =>
    typeof value === kind ? (value as Json) : undefined;
  const object = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  if (path === 'schemaVersion') return fits(row[path], 'number');
  if (path === 'type' && row.type === '') return undefined;
  if ((CORE_PATHS as readonly string[]).includes(path)) return fits(row[path], 'string');
  if (path === DELETED_FIELD) return typeof row.deleted === 'boolean' ? row.deleted : undefined;
  if (path.startsWith(DATA_PREFIX)) return object(row.data)[path.slice(DATA_PREFIX.length)] as Json;
  const review = object(row.review);
  if (path === 'review.status') {
    return (REVIEW_STATUSES as readonly unknown[]).includes(review.status)
      ? (review.status as Json)
      : undefined;
  }
  if (path.startsWith(COMMENT_PREFIX)) {
    return object(review.comments)[path.slice(COMMENT_PREFIX.length)] as Json;
  }
  if (path.startsWith('review.')) return fits(review[path.slice('review.'.length)], 'string');
  return undefined;
}

/**
 * The merge's view of a row that cannot be read (row-check.ts): every path whose stamp and
 * value are still there, and nothing else. A path left out holds no stamp, so whatever
 * arrives for it wins, however old: a field that cannot be read has nothing to defend
 * (docs/decisions.md, "A merge over a damaged row").
 */
export function salvagedState(row: ActivityRow): RecordState {
  const raw = row as unknown as Record<string, unknown>;
  const clocks =
    typeof raw.clocks === 'object' && raw.clocks !== null
      ? (raw.clocks as Record<string, unknown>)
      : {};
  const fields: Record<string, FieldState> = {};
  for (const [path, hlc] of Object.entries(clocks)) {
    const value = salvagedValue(raw, path);
    if (typeof hlc === 'string' && value !== undefined) fields[path] = { value, hlc };
  }
  return { collection: 'activities', id: row.id, fields };
}
