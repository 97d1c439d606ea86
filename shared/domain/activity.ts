// The activity record as stored and as synced. Sync works on flat field paths
// (activity-paths.ts: toFieldValues, applyFieldValues, diffActivity) so that each field
// merges on its own.
import { DELETED_FIELD, type Json } from '../sync/change.ts';
import { type ActivityTypeId } from './catalogue-types.ts';

export const REVIEW_STATUSES = ['pending', 'approved', 'issues', 'returned'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ActivityReview {
  status: ReviewStatus;
  comment?: string;
  /** Id of the team lead or HQ user who reviewed. */
  by?: string;
  /** ISO timestamp of the review. */
  at?: string;
  /**
   * The comment thread, by comment id: each under its own path `review.comments.<id>`
   * (shared/review/comments.ts), so threads merge as sets. Absent when there is none.
   */
  comments?: Record<string, Json>;
}

export interface Activity {
  id: string;
  type: ActivityTypeId;
  /** Version of the activity type's definition the record was written with. */
  schemaVersion: number;
  officerId: string;
  postCode: string;
  /** The day the activity happened, YYYY-MM-DD, in the post's time zone. */
  occurredOn: string;
  /** The type's own fields, by FieldDef.name. */
  data: Record<string, Json>;
  review: ActivityReview;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * Field paths, one per independently merged value:
 *   core:   type, schemaVersion, officerId, postCode, occurredOn
 *   data:   data.<field name>
 *   review: review.status, review.comment, review.by, review.at, review.comments.<id>
 *   tombstone: _deleted (DELETED_FIELD)
 */
export const CORE_PATHS = ['type', 'schemaVersion', 'officerId', 'postCode', 'occurredOn'] as const;
export const REVIEW_PATHS = ['review.status', 'review.comment', 'review.by', 'review.at'] as const;
export const DATA_PREFIX = 'data.';
export const REVIEW_PREFIX = 'review.';

/** Names an activity type's field may not take: the record's own keys and the tombstone. */
export const CORE_FIELD_NAMES = [
  'id',
  'type',
  'schemaVersion',
  'officerId',
  'postCode',
  'occurredOn',
  'data',
  'review',
  'deleted',
  'createdAt',
  'updatedAt',
  DELETED_FIELD,
] as const;

export function isReviewPath(path: string): boolean {
  return (REVIEW_PATHS as readonly string[]).includes(path);
}
