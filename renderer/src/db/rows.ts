// Between the synced record and the stored row: every writer builds rows here, so the
// derived index fields (order, status, search words) can never drift from the record.
import { REVIEW_PREFIX, type Activity } from '../../../shared/domain/activity.ts';
import { type ActivityTypeDef } from '../../../shared/domain/catalogue-types.ts';
import { isNilReport } from '../../../shared/domain/nil-report.ts';
import { effectiveState, type EffectiveState } from '../../../shared/review/rules.ts';
import { DELETED_FIELD } from '../../../shared/sync/change.ts';
import { decodeHlc } from '../../../shared/sync/hlc.ts';
import { type ActivityRow } from './schema.ts';
import { activityWords } from './words.ts';

/** What screens get: the record, and whether it still waits to reach HQ. */
export interface ActivityView extends Activity {
  pending: boolean;
  /** Sensitive fields removed from this device after HQ confirmed them (retention). */
  purged?: string[];
  /** The review state people see: pending again once the officer edited a reviewed entry. */
  reviewState: EffectiveState;
  /**
   * The latest stamp on the record: a review carries the version its reviewer read, and is
   * refused when the entry has changed since (the reviewer sees the new one first).
   */
  version: string;
}

export function sortKeyOf(activity: Pick<Activity, 'occurredOn' | 'createdAt'>): string {
  return `${activity.occurredOn}|${activity.createdAt}`;
}

/** ISO time of an HLC stamp, so every device derives the same createdAt from the changes. */
export function hlcTime(hlc: string): string {
  return new Date(decodeHlc(hlc)?.wall ?? 0).toISOString();
}

/** The state people see, from the stored review and the stamps of the record's paths. */
export function reviewStateOf(
  activity: Pick<Activity, 'review'>,
  clocks: Readonly<Record<string, string>>,
): EffectiveState {
  let lastEditStamp: string | undefined;
  for (const [path, hlc] of Object.entries(clocks)) {
    if (path.startsWith(REVIEW_PREFIX) || path === DELETED_FIELD) continue;
    if (lastEditStamp === undefined || hlc > lastEditStamp) lastEditStamp = hlc;
  }
  return effectiveState({
    status: activity.review.status,
    statusStamp: clocks['review.status'],
    lastEditStamp,
  });
}

/** The record's latest stamp, any path: what a reviewer's "version read" is compared to. */
export function versionOf(clocks: Readonly<Record<string, string>>): string {
  let latest = '';
  for (const hlc of Object.values(clocks)) if (hlc > latest) latest = hlc;
  return latest;
}

/**
 * A live entry the log lists and counts (meta's activityCount): not deleted, not a nil report.
 * Every writer moves the count by this, so the count stays the length of the unfiltered log.
 */
export function listedInLog(row: Pick<Activity, 'deleted' | 'type'> | undefined): boolean {
  return row !== undefined && !row.deleted && !isNilReport(row);
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
    // The state people see (an edited returned entry waits again), so the queue's index
    // lists what the screen shows.
    reviewStatus: reviewStateOf(activity, clocks).state,
    words: activityWords(activity, def),
  };
  // Only while there is something to settle: an absent key is in no index, and every index
  // entry is what HQ's import and the demo seeding spend their time writing.
  if (local.pending === 1) row.pending = 1;
  if (local.localSeq > 0) row.localSeq = local.localSeq;
  // The order key puts a row in the log's and the review queue's indexes: a nil report is in
  // neither (it is read through the rollups and the nil-report panel), nor in the log's count.
  if (listedInLog(activity)) row.sortKey = sortKeyOf(activity);
  // A field written again after the retention purge is back on this device.
  if (row.purged) {
    const still = row.purged.filter((name) => !(name in activity.data));
    if (still.length > 0) row.purged = still;
    else delete row.purged;
  }
  return row;
}

/**
 * The record without what the row derives from it. `purged` stays: a rebuilt row keeps it
 * (buildRow drops a name once its field is written again).
 */
export function toActivity(row: ActivityRow): Activity {
  const {
    clocks: _clocks,
    sortKey: _sortKey,
    reviewStatus: _status,
    words: _words,
    localSeq: _localSeq,
    pending: _pending,
    ...activity
  } = row;
  return activity;
}

export function toView(row: ActivityRow): ActivityView {
  // The imported saves stay in the row: the history reads them there (trail.ts), and a list
  // of thousands of views need not carry them.
  const { trail: _trail, ...activity } = toActivity(row) as Activity & { trail?: unknown };
  return {
    ...activity,
    pending: row.pending === 1,
    reviewState: reviewStateOf(row, row.clocks),
    version: versionOf(row.clocks),
  };
}
