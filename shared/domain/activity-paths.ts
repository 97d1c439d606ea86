// An Activity as flat field paths and back. Sync merges each path on its own (last writer
// wins per field), so the database writes one change per changed path: diffActivity says
// which. Paths: the core paths, 'data.<field>', the review paths and '_deleted'. The record's
// id, createdAt and updatedAt are bookkeeping, not paths.
import { DELETED_FIELD, type Json } from '../sync/change.ts';
import { isSyncedField } from '../sync/fields.ts';
import { COMMENT_PREFIX, isCommentPath } from '../review/comments.ts';
import {
  CORE_PATHS,
  DATA_PREFIX,
  REVIEW_PATHS,
  REVIEW_STATUSES,
  type Activity,
  type ActivityReview,
  type ReviewStatus,
} from './activity.ts';
import { isActivityTypeId } from './catalogue.ts';
import { type ActivityTypeId } from './catalogue-types.ts';
import { NIL_REPORT_TYPE } from './nil-report.ts';

export type FieldValues = Record<string, Json>;

export interface FieldChange {
  readonly path: string;
  readonly value: Json;
}

export function dataPath(fieldName: string): string {
  return `${DATA_PREFIX}${fieldName}`;
}

/**
 * Whether a change may name this path: a core, data, review or tombstone path. The sync
 * layer's rule, so the record and the merge agree (a newer catalogue's field included).
 */
export function isActivityFieldPath(path: string): boolean {
  return isSyncedField('activities', path);
}

/** Every path of the record with its value. Absent optional values are absent, not null. */
export function toFieldValues(activity: Activity): FieldValues {
  const values: FieldValues = {
    type: activity.type,
    schemaVersion: activity.schemaVersion,
    officerId: activity.officerId,
    postCode: activity.postCode,
    occurredOn: activity.occurredOn,
  };
  for (const [name, value] of Object.entries(activity.data)) {
    if (value !== undefined) values[dataPath(name)] = value;
  }
  values['review.status'] = activity.review.status;
  if (activity.review.comment !== undefined) values['review.comment'] = activity.review.comment;
  if (activity.review.by !== undefined) values['review.by'] = activity.review.by;
  if (activity.review.at !== undefined) values['review.at'] = activity.review.at;
  for (const [id, comment] of Object.entries(activity.review.comments ?? {}))
    values[`${COMMENT_PREFIX}${id}`] = comment;
  values[DELETED_FIELD] = activity.deleted;
  return values;
}

function fail(path: string, value: Json, expected: string): never {
  throw new TypeError(`Path ${path} takes ${expected}, not ${JSON.stringify(value)}`);
}

function asString(path: string, value: Json): string {
  return typeof value === 'string' ? value : fail(path, value, 'a string');
}

function asOptionalString(path: string, value: Json): string | undefined {
  return value === null ? undefined : asString(path, value);
}

function setReview(review: ActivityReview, path: string, value: Json): ActivityReview {
  switch (path) {
    case 'review.status':
      if (typeof value !== 'string' || !(REVIEW_STATUSES as readonly string[]).includes(value)) {
        return fail(path, value, 'a review status');
      }
      return { ...review, status: value as ReviewStatus };
    case 'review.comment':
      return withOptional(review, 'comment', asOptionalString(path, value));
    case 'review.by':
      return withOptional(review, 'by', asOptionalString(path, value));
    default:
      return withOptional(review, 'at', asOptionalString(path, value));
  }
}

function withOptional(
  review: ActivityReview,
  key: 'comment' | 'by' | 'at',
  value: string | undefined,
): ActivityReview {
  const next = { ...review };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/**
 * A copy of `base` with the values set. null clears an optional value (a data field, a
 * review comment). Throws TypeError for a path outside the record or a value of the wrong
 * kind: an importer checks isActivityFieldPath first and refuses such changes itself.
 */
export function applyFieldValues(base: Activity, values: Readonly<FieldValues>): Activity {
  const next: Activity = { ...base, data: { ...base.data }, review: { ...base.review } };
  for (const [path, value] of Object.entries(values)) {
    if (path.startsWith(DATA_PREFIX)) {
      if (!isActivityFieldPath(path)) fail(path, value, 'a field name');
      const name = path.slice(DATA_PREFIX.length);
      if (value === null) delete next.data[name];
      else next.data[name] = value;
    } else if (isCommentPath(path)) {
      const id = path.slice(COMMENT_PREFIX.length);
      const comments = { ...next.review.comments };
      if (value === null) delete comments[id];
      else comments[id] = value;
      next.review = { ...next.review, comments };
      if (Object.keys(comments).length === 0) delete next.review.comments;
    } else if ((REVIEW_PATHS as readonly string[]).includes(path)) {
      next.review = setReview(next.review, path, value);
    } else if (path === DELETED_FIELD) {
      next.deleted = typeof value === 'boolean' ? value : fail(path, value, 'a boolean');
    } else if (path === 'type') {
      next.type =
        isActivityTypeId(value) || value === NIL_REPORT_TYPE
          ? (value as ActivityTypeId)
          : fail(path, value, 'an activity type');
    } else if (path === 'schemaVersion') {
      next.schemaVersion =
        typeof value === 'number' && Number.isInteger(value) && value > 0
          ? value
          : fail(path, value, 'a positive integer');
    } else if (path === 'officerId' || path === 'postCode' || path === 'occurredOn') {
      next[path] = asString(path, value);
    } else {
      fail(path, value, 'nothing (unknown path)');
    }
  }
  return next;
}

// Key order inside objects does not make a value different.
function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key in b && sameJson(a[key], b[key]));
}

function pathRank(path: string): number {
  if ((CORE_PATHS as readonly string[]).includes(path)) return 0;
  if (path.startsWith(DATA_PREFIX)) return 1;
  if (path === DELETED_FIELD) return 3;
  return 2;
}

/**
 * The paths whose values differ from `before` to `after` (all of them for a new record),
 * each with its new value; a value that disappeared comes as null. Core paths first, then
 * data (by name), review and the tombstone, so the order is stable.
 */
export function diffActivity(before: Activity | null, after: Activity): FieldChange[] {
  const old = before ? toFieldValues(before) : {};
  const now = toFieldValues(after);
  const paths = new Set([...Object.keys(old), ...Object.keys(now)]);
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const value = now[path];
    if (!sameJson(old[path], value)) changes.push({ path, value: value ?? null });
  }
  return changes.sort(
    (a, b) =>
      pathRank(a.path) - pathRank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
}
