// Which field paths take part in sync for each collection, and which of them a deleted
// record keeps. Merge, authorization and compaction all read these, so they agree.
import { CORE_PATHS, DATA_PREFIX, REVIEW_PATHS } from '../domain/activity.ts';
import { isCommentPath } from '../review/comments.ts';
import { type Collection, DELETED_FIELD } from './change.ts';

/** The fields that say whose a record is; authorization is decided on them. */
export const OWNERSHIP_FIELDS = ['officerId', 'postCode'] as const;

// A data field name is one path segment: no dots, so 'data.x.y' can never alias 'data.x'.
const DATA_NAME = /^[A-Za-z0-9_-]{1,64}$/;

const FIXED_PATHS: ReadonlySet<string> = new Set<string>([
  ...CORE_PATHS,
  ...REVIEW_PATHS,
  DELETED_FIELD,
]);
const KEPT_PATHS: ReadonlySet<string> = new Set<string>([...OWNERSHIP_FIELDS, DELETED_FIELD]);

/** True when `field` is a path that `collection` merges (see shared/domain/activity.ts). */
export function isSyncedField(_collection: Collection, field: string): boolean {
  if (FIXED_PATHS.has(field)) return true;
  if (isCommentPath(field)) return true;
  return field.startsWith(DATA_PREFIX) && DATA_NAME.test(field.slice(DATA_PREFIX.length));
}

// A path a newer app version could write: dotted segments of the same characters as a data
// field name, at most four of them. Bounded so a forged change cannot park junk forever.
const WELL_FORMED_PATH = /^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,64}){0,3}$/;

/**
 * True when `field` has the shape of a path a newer version could sync (a review thread, a
 * new record part), known here or not: mergeChanges keeps a change to such a path that this
 * version does not sync ('newer-path') instead of refusing it, since a refusal would be
 * acknowledged by the next receipt and the change lost. See docs/sync-model.md. Under
 * 'data.' only one segment is ever a path (see DATA_NAME), in this version and any later.
 */
export function isWellFormedPath(field: string): boolean {
  return field.length <= 100 && WELL_FORMED_PATH.test(field) && !/^data\.[^.]*\./.test(field);
}

/**
 * True for the fields a tombstoned record still holds. Everything else is erased by the
 * deletion (the data may be personal information), but who owned the record must stay so
 * that a late change to it can still be authorized, and refused when forged.
 */
export function keptWhenDeleted(_collection: Collection, field: string): boolean {
  return KEPT_PATHS.has(field);
}

/** One key per record across collections; the collection never contains '/'. */
export function recordKey(collection: Collection, id: string): string {
  return `${collection}/${id}`;
}
