// Between the synced record and the stored row: every writer builds rows here, so the
// derived index fields (order, status, search words) can never drift from the record.
import { type Activity } from '../../../shared/domain/activity.ts';
import { type ActivityTypeDef } from '../../../shared/domain/catalogue-types.ts';
import { decodeHlc } from '../../../shared/sync/hlc.ts';
import { type ActivityRow } from './schema.ts';
import { activityWords } from './words.ts';

/** What screens get: the record, and whether it still waits to reach HQ. */
export interface ActivityView extends Activity {
  pending: boolean;
  /** Sensitive fields removed from this device after HQ confirmed them (retention). */
  purged?: string[];
}

export function sortKeyOf(activity: Pick<Activity, 'occurredOn' | 'createdAt'>): string {
  return `${activity.occurredOn}|${activity.createdAt}`;
}

/** ISO time of an HLC stamp, so every device derives the same createdAt from the changes. */
export function hlcTime(hlc: string): string {
  return new Date(decodeHlc(hlc)?.wall ?? 0).toISOString();
}

export function buildRow(
  activity: Activity,
  clocks: Record<string, string>,
  local: { pending: 0 | 1; localSeq: number },
  def: ActivityTypeDef | undefined,
): ActivityRow {
  const row: ActivityRow = {
    ...activity,
    clocks,
    reviewStatus: activity.review.status,
    words: activityWords(activity, def),
    pending: local.pending,
    localSeq: local.localSeq,
  };
  if (!activity.deleted) row.sortKey = sortKeyOf(activity);
  // A field written again after the retention purge is back on this device.
  if (row.purged) {
    const still = row.purged.filter((name) => !(name in activity.data));
    if (still.length > 0) row.purged = still;
    else delete row.purged;
  }
  return row;
}

export function toView(row: ActivityRow): ActivityView {
  const {
    clocks: _clocks,
    sortKey: _sortKey,
    reviewStatus: _status,
    words: _words,
    localSeq: _localSeq,
    pending,
    ...activity
  } = row;
  return { ...activity, pending: pending === 1 };
}
