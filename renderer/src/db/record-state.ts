// Between a stored row and the sync core's RecordState (per-field value and stamp). Local
// writes go through mergeChanges like imported ones (docs/sync-model.md, section 3), so a
// local edit that loses to a stored stamp (a remote clock far ahead) loses here too, and a
// deletion erases exactly what it erases on every other device.
import { applyFieldValues, toFieldValues } from '../../../shared/domain/activity-paths.ts';
import { type Activity } from '../../../shared/domain/activity.ts';
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
