// Between stored rows and the field-level merge, for imported changes: the record states the
// merge reads, the per-sender authorizer, value checks the row relies on, and the rows built
// back from merged states. No table access here: apply.ts runs it in its transaction.
import { applyFieldValues } from '../../../../shared/domain/activity-paths.ts';
import {
  CORE_PATHS,
  REVIEW_STATUSES,
  isReviewPath,
  type Activity,
} from '../../../../shared/domain/activity.ts';
import {
  type ActivityTypeDef,
  type ActivityTypeId,
} from '../../../../shared/domain/catalogue-types.ts';
import { importedValueIssue } from '../../../../shared/domain/schemas.ts';
import { isCommentPath } from '../../../../shared/review/comments.ts';
import { makeAuthorizer, type SenderScope } from '../../../../shared/sync/authorize.ts';
import { DELETED_FIELD, type Change, type Json } from '../../../../shared/sync/change.ts';
import {
  type Authorizer,
  type BatchView,
  type RecordState,
} from '../../../../shared/sync/merge.ts';
import { refusal, type Refusal } from '../../../../shared/sync/refusal.ts';
import { isSealed } from '../../../../shared/vault/index.ts';
import { catalogueTypes, type ActivityTypeLookup } from '../catalogue.ts';
import { rowState, salvagedState } from '../record-state.ts';
import { isReadableRow } from '../row-check.ts';
import { buildRow, hlcTime, toActivity } from '../rows.ts';
import { type ActivityRow } from '../schema.ts';
import { isSealedPath } from '../sealing.ts';

export function activityOf(row: ActivityRow): Activity {
  return toActivity(row);
}

function stampKey(recordId: string, field: string, hlc: string): string {
  return `${recordId}\u0000${field}\u0000${hlc}`;
}

/**
 * Record states of the stored rows, as the merge must see them. A sealed value was sealed
 * with a fresh IV, so it never equals the same write arriving again (sealed anew): where an
 * incoming change carries the very stamp the row holds for that field, the row's value is
 * read as the incoming one, and the merge finds the same write ('unchanged'). Only a faulty
 * or forged sender puts two values under one stamp; the stored one is then kept.
 */
export function statesOf(
  rows: readonly (ActivityRow | undefined)[],
  incoming: readonly Change[],
  officerDeviceId?: string,
): Map<string, RecordState> {
  const sameStamp = new Map<string, Json>();
  for (const c of incoming)
    if (isSealed(c.value)) sameStamp.set(stampKey(c.recordId, c.field, c.hlc), c.value);
  const states = new Map<string, RecordState>();
  for (const row of rows) {
    if (!row) continue;
    // A row that cannot be read offers what it still holds; the rest is taken from the batch.
    const state = isReadableRow(row) ? rowState(row, activityOf(row)) : salvagedState(row);
    if (officerDeviceId !== undefined) dropOwnReviews(state, officerDeviceId);
    if (sameStamp.size > 0) {
      for (const [path, field] of Object.entries(state.fields)) {
        if (!isSealed(field.value)) continue;
        const twin = sameStamp.get(stampKey(row.id, path, field.hlc));
        if (twin !== undefined) state.fields[path] = { value: twin, hlc: field.hlc };
      }
    }
    states.set(row.id, state);
  }
  return states;
}

/**
 * On an officer's device, the review fields its own saves wrote (review.status = pending on
 * a new entry) take no part in merging: every other device refuses an officer's review
 * writes and never sees their stamps, so any review from a lead or HQ must win here as it
 * wins there. The row keeps its value until such a review arrives.
 */
function dropOwnReviews(state: RecordState, deviceId: string): void {
  const suffix = `-${deviceId}`;
  for (const [path, field] of Object.entries(state.fields)) {
    if (isReviewPath(path) && field.hlc.endsWith(suffix)) delete state.fields[path];
  }
}

const CORE: ReadonlySet<string> = new Set(CORE_PATHS);

/**
 * What the stored row needs of a value: a known activity type, a positive integer version,
 * strings for the other core paths, a review status, strings (or null) for review fields.
 * Data values are the sender's form's business (a newer catalogue may know more).
 */
export function valueProblem(
  change: Change,
  types: ActivityTypeLookup = catalogueTypes,
): Refusal | null {
  const { field, value } = change;
  const bad = (what: string) => refusal('invalid-change', `${field} takes ${what}`);
  if (field === 'type') {
    if (typeof value === 'string' && types(value)) return null;
    // A type name from a newer catalogue waits for an app that knows it; anything else is junk.
    return typeof value === 'string' && /^[a-z][a-z0-9-]{0,63}$/.test(value)
      ? refusal('newer-catalogue', `${value} is not a type this build knows`)
      : bad('a known activity type');
  }
  if (field === 'schemaVersion')
    return typeof value === 'number' && Number.isInteger(value) && value > 0
      ? null
      : bad('a positive integer');
  if (CORE.has(field)) return typeof value === 'string' ? null : bad('a string');
  if (field === 'review.status')
    return typeof value === 'string' && (REVIEW_STATUSES as readonly string[]).includes(value)
      ? null
      : bad('a review status');
  // A comment's value is checked by the authorizer (shared/sync/authorize.ts).
  if (isCommentPath(field)) return null;
  if (field.startsWith('review.'))
    return value === null || typeof value === 'string' ? null : bad('a string');
  return null;
}

/** The key of one change among all of a network's: its device and sequence number. */
export function changeKey(change: Change): string {
  return `${change.deviceId}\u0000${change.seq}`;
}

/**
 * The value of an occurredOn or data change checked with the entry type's own field schema
 * (shared/domain importedValueIssue), or null. `def` is the record's type when known here.
 */
export function importedValueProblem(
  change: Change,
  def: ActivityTypeDef | undefined,
): Refusal | null {
  if (change.field !== 'occurredOn' && !change.field.startsWith('data.')) return null;
  // A sensitive value is never kept in memory past its check, so never remembered.
  const key = isSealedPath(change.field, def) ? null : verdictKey(change);
  const cache = key === null ? undefined : verdictCache(def);
  const cached = key === null ? undefined : cache?.get(key);
  if (cached !== undefined) return cached && { ...cached };
  const issue = importedValueIssue(def, change.field, change.value);
  const verdict = issue ? refusal('invalid-value', `${change.field}: ${issue.key}`) : null;
  if (key !== null && cache && remembered < MAX_VERDICTS) {
    remembered += 1;
    cache.set(key, verdict && { ...verdict });
  }
  return verdict;
}

/**
 * Verdicts already given, per type (a catalogue's definitions are fixed objects) and per path
 * and value. A schema's verdict on a value never changes, and a bundle repeats the same values
 * (airports, counts, options, dates) thousands of times: the 63 demo bundles' checks cost
 * about 6 s of zod parsing without it. Only plain values of fields that are not sensitive are
 * remembered, a bounded number in all (one count across every type's cache, so a worker that
 * lives long or meets many types holds at most MAX_VERDICTS keys of at most ~230 characters).
 */
const verdicts = new WeakMap<ActivityTypeDef, Map<string, Refusal | null>>();
const untypedVerdicts = new Map<string, Refusal | null>();
const MAX_VERDICTS = 200_000;
let remembered = 0;

function verdictCache(def: ActivityTypeDef | undefined): Map<string, Refusal | null> {
  if (!def) return untypedVerdicts;
  let cache = verdicts.get(def);
  if (!cache) {
    cache = new Map();
    verdicts.set(def, cache);
  }
  return cache;
}

/** The path and value as one key, or null for a value not worth remembering (an object). */
function verdictKey(change: Change): string | null {
  const { value } = change;
  if (value !== null && typeof value === 'object') return null;
  if (typeof value === 'string' && value.length > 200) return null;
  return `${change.field}\u0000${typeof value}\u0000${String(value)}`;
}

/** The record's type as the batch or the stored record says it. */
function typeOfRecord(
  change: Change,
  current: RecordState | undefined,
  batch: BatchView,
  types: ActivityTypeLookup,
): ActivityTypeDef | undefined {
  const stored = current?.fields.type?.value;
  if (typeof stored === 'string') return types(stored);
  const claimed = batch
    .changesFor(change.collection, change.recordId)
    .find((c) => c.field === 'type')?.value;
  return typeof claimed === 'string' ? types(claimed) : undefined;
}

/**
 * One authorizer for a batch that mixes senders (a bundle and retried deferred changes).
 * Values are checked with the type's schema here when they are in clear; a sensitive value
 * is sealed before the transaction, so its verdict comes from `checkedBeforeSealing`.
 */
export function authorizerFor(
  scopes: ReadonlyMap<string, SenderScope>,
  types: ActivityTypeLookup,
  checkedBeforeSealing: ReadonlyMap<string, Refusal> = new Map(),
): Authorizer {
  const byDevice = new Map([...scopes].map(([id, scope]) => [id, makeAuthorizer(scope)]));
  return (change, current, batch) => {
    const invalid =
      valueProblem(change, types) ??
      checkedBeforeSealing.get(changeKey(change)) ??
      (isSealed(change.value)
        ? null
        : importedValueProblem(change, typeOfRecord(change, current, batch, types)));
    if (invalid) return invalid;
    const authorize = byDevice.get(change.deviceId);
    if (!authorize) return refusal('author-mismatch', `no scope for device ${change.deviceId}`);
    return authorize(change, current, batch);
  };
}

/** A live record needs these before it can be a row people see. */
const NEEDED_FOR_A_ROW = ['type', 'schemaVersion', 'occurredOn', 'officerId', 'postCode'];

/** True when a record new here lacks what its row needs (its creation is still on its way). */
export function incompleteNewRecord(state: RecordState): boolean {
  if (state.fields[DELETED_FIELD]?.value === true) return false;
  return NEEDED_FOR_A_ROW.some((path) => !Object.hasOwn(state.fields, path));
}

function blankActivity(id: string): Activity {
  return {
    id,
    // A tombstone of a record never seen here has no type; nothing lists or counts it by type.
    type: '' as ActivityTypeId,
    schemaVersion: 0,
    officerId: '',
    postCode: '',
    occurredOn: '',
    data: {},
    review: { status: 'pending' },
    deleted: false,
    createdAt: '',
    updatedAt: '',
  };
}

/**
 * The row for a merged state. Stamps give createdAt (the `type` write, as at the author) and
 * updatedAt (the latest stamp), so every device derives the same times. Own-change flags
 * (pending, localSeq) stay as the stored row had them: imported changes are not own changes.
 */
export function rowFromState(
  state: RecordState,
  existing: ActivityRow | undefined,
  types: ActivityTypeLookup,
): ActivityRow {
  const values: Record<string, Json> = {};
  const clocks: Record<string, string> = {};
  let latest = '';
  for (const [path, field] of Object.entries(state.fields)) {
    values[path] = field.value;
    clocks[path] = field.hlc;
    if (field.hlc > latest) latest = field.hlc;
  }
  const base = blankActivity(state.id);
  const readable = isReadableRow(existing) ? existing : undefined;
  let activity: Activity;
  if (values[DELETED_FIELD] === true) {
    const { officerId, postCode } = values;
    activity = {
      ...base,
      type: readable?.type ?? base.type,
      schemaVersion: readable?.schemaVersion ?? base.schemaVersion,
      occurredOn: readable?.occurredOn ?? base.occurredOn,
      officerId: typeof officerId === 'string' ? officerId : base.officerId,
      postCode: typeof postCode === 'string' ? postCode : base.postCode,
      review: { status: readable?.review.status ?? 'pending' },
      deleted: true,
    };
  } else {
    activity = applyFieldValues(base, values);
  }
  const createdAt: unknown = existing?.createdAt;
  activity.createdAt =
    typeof createdAt === 'string' && createdAt ? createdAt : hlcTime(clocks.type ?? latest);
  activity.updatedAt = hlcTime(latest);
  // A damaged row's own-change flags may be gone too: read them only when they are numbers.
  const local = existing
    ? {
        pending: existing.pending === 1 ? (1 as const) : (0 as const),
        localSeq: typeof existing.localSeq === 'number' ? existing.localSeq : 0,
      }
    : ({ pending: 0, localSeq: 0 } as const);
  const def = activity.deleted ? undefined : types(activity.type);
  return buildRow(activity, clocks, local, def);
}

/**
 * A last guard before the write: no sensitive value may reach the disk in clear. Sealing
 * happened before the transaction on what the batch said of the type; a row whose type says
 * otherwise aborts the whole bundle rather than store a value unsealed.
 */
export function unsealedSensitive(row: ActivityRow, types: ActivityTypeLookup): string | null {
  const def = row.deleted ? undefined : types(row.type);
  for (const [name, value] of Object.entries(row.data)) {
    const path = `data.${name}`;
    if (value !== null && !isSealed(value) && isSealedPath(path, def)) return path;
  }
  return null;
}
