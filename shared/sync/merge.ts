// Field-level merge of change records into record states: last writer wins per field by
// HLC, and a deletion is final. Pure: the caller looks records up and stores the result.
import { type Change, type Collection, type Json, DELETED_FIELD } from './change.ts';
import { isSyncedField, isWellFormedPath, keptWhenDeleted, recordKey } from './fields.ts';
import { hlcDeviceId, wallDigits, wallPrefix } from './hlc.ts';
import { compareWrites } from './latest.ts';
import { type Refusal, isDeferral, refusal } from './refusal.ts';

/** One field as stored: its value and the stamp of the write that set it. */
export interface FieldState {
  value: Json;
  hlc: string;
}

/**
 * A record as sync sees it: every field path with its own stamp. A deleted record holds
 * `_deleted: { value: true }` and only the fields keptWhenDeleted() names.
 */
export interface RecordState {
  collection: Collection;
  id: string;
  fields: Record<string, FieldState>;
}

/** Reads a record as stored before the batch. mergeChanges never writes through it. */
export type RecordLookup = (collection: Collection, id: string) => RecordState | undefined;

/** What an authorizer may see of the whole batch, beyond the change it is judging. */
export interface BatchView {
  /**
   * The record as stored before this batch. Ownership is judged on this, not on changes
   * earlier in the batch, so that the order of changes inside a batch cannot change who
   * may write what.
   */
  before(collection: Collection, id: string): RecordState | undefined;
  /**
   * Every well-formed change of the batch to that record, whatever its author: the
   * authorizer picks a new record's claim from them (the sender's own ownership writes).
   */
  changesFor(collection: Collection, id: string): readonly Change[];
}

/**
 * Decides whether a change may be applied. `current` is the record merged so far,
 * including the changes earlier in this batch.
 */
export type Authorizer = (
  change: Change,
  current: RecordState | undefined,
  batch: BatchView,
) => Refusal | null;

export interface ClockCheck {
  /** The receiver's wall clock, ms since the epoch. */
  nowMs: number;
  /**
   * A change whose stamp's wall time is further ahead of nowMs than this is held: outcome
   * 'deferred', refusal 'clock-ahead', not merged (see mergeChanges).
   */
  maxDriftMs: number;
}

/** Which field paths this version syncs; isSyncedField unless a test plays an older version. */
export type KnownField = (collection: Collection, field: string) => boolean;

export interface MergeOptions {
  authorize?: Authorizer;
  clockCheck?: ClockCheck;
  knownField?: KnownField;
}

export type ChangeFlag = 'clock-ahead';
export type AppliedOutcome = 'inserted' | 'updated' | 'unchanged' | 'stale';

export type ChangeResult =
  | {
      readonly change: Change;
      readonly outcome: AppliedOutcome;
      readonly flags: readonly ChangeFlag[];
    }
  | {
      readonly change: Change;
      readonly outcome: 'refused' | 'deferred';
      readonly refusal: Refusal;
      /** Always empty: flags describe changes that were merged (see MergeResult.clamped). */
      readonly flags: readonly [];
    };

export type ChangeOutcome = ChangeResult['outcome'];

export interface MergeResult {
  /** The new state of every record this batch changed, by recordKey(); nothing else. */
  records: Map<string, RecordState>;
  /** One result per input change, in input order. */
  results: ChangeResult[];
  /**
   * How many changes were held ('deferred', 'clock-ahead') because their stamp is too far
   * ahead of the receiver's clock. A change refused for another reason is not counted.
   */
  clamped: number;
}

export function isDeleted(record: RecordState | undefined): boolean {
  return record !== undefined && heldField(record, DELETED_FIELD)?.value === true;
}

/**
 * Checks what the merge itself relies on. Shape and types are the zod schema's job at
 * import; this catches a stamp that belongs to another device (it would break the tie
 * between devices), a path this collection does not sync, and a tombstone that is not a
 * boolean. A well-formed path this version does not know is 'newer-path', a deferral: a
 * newer app wrote it, and it waits for an app that knows it instead of being lost.
 */
export function validateChange(
  change: Change,
  knownField: KnownField = isSyncedField,
): Refusal | null {
  const stampDevice = hlcDeviceId(change.hlc);
  if (stampDevice === null) return refusal('invalid-change', `"${change.hlc}" is not an HLC stamp`);
  if (stampDevice !== change.deviceId) {
    return refusal(
      'invalid-change',
      `stamp of device ${stampDevice} on a change of device ${change.deviceId}`,
    );
  }
  if (!knownField(change.collection, change.field)) {
    if (isWellFormedPath(change.field))
      return refusal('newer-path', `"${change.field}" is a field of a newer version`);
    return refusal(
      'invalid-change',
      `"${change.field}" is not a synced field of ${change.collection}`,
    );
  }
  if (change.field === DELETED_FIELD && typeof change.value !== 'boolean') {
    return refusal('invalid-change', `${DELETED_FIELD} takes true or false`);
  }
  return null;
}

/**
 * Merges a batch into the records `lookup` returns. Changes of the batch see each other:
 * a record created earlier in the batch is found by later changes, and a change seen
 * twice is 'unchanged' the second time. The final state does not depend on the order of
 * `changes`, nor on how they are split into batches, nor on duplicates.
 */
export function mergeChanges(
  lookup: RecordLookup,
  changes: readonly Change[],
  options: MergeOptions = {},
): MergeResult {
  const { authorize, clockCheck, knownField = isSyncedField } = options;
  const aheadOf = clockCheck ? wallPrefix(clockCheck.nowMs + clockCheck.maxDriftMs) : null;
  const verdicts = changes.map((change) => validateChange(change, knownField));
  const batch = batchView(lookup, changes, verdicts);
  // Copies of the records this batch modified, this batch's own to update in place;
  // lookup()'s objects are never mutated.
  const written = new Map<string, RecordState>();
  const results: ChangeResult[] = [];
  let clamped = 0;

  changes.forEach((change, i) => {
    const invalid = verdicts[i];
    if (invalid) {
      const outcome = isDeferral(invalid) ? 'deferred' : 'refused';
      results.push({ change, outcome, refusal: invalid, flags: [] });
      return;
    }
    const key = recordKey(change.collection, change.recordId);
    const own = written.get(key);
    const current = own ?? lookup(change.collection, change.recordId);
    const denied = authorize?.(change, current, batch) ?? null;
    if (denied) {
      results.push({
        change,
        outcome: isDeferral(denied) ? 'deferred' : 'refused',
        refusal: denied,
        flags: [],
      });
      return;
    }
    // Held, never merged nor rewritten, while its stamp is too far ahead of this receiver's
    // clock: merged, it would beat every write made until its time comes (a laptop a year
    // ahead would win over a year of edits and reviews); re-stamped to the receiver's time,
    // it would hold a different stamp on every receiver and they would stop agreeing. Held,
    // every receiver merges the same change with the same stamp once its clock reaches it,
    // so all end in the same state. Judged after authorization: a forgery is reported as
    // refused, not as a clock problem. (Valid stamps only reach here, so their wall digits
    // compare as numbers.)
    if (aheadOf !== null && wallDigits(change.hlc) > aheadOf) {
      const wait = refusal('clock-ahead', `stamped after ${aheadOf} ms, the receiver's limit`);
      results.push({ change, outcome: 'deferred', refusal: wait, flags: [] });
      clamped += 1;
      return;
    }
    const { outcome, next } = applyChange(current, change, own !== undefined);
    if (next) written.set(key, next);
    results.push({ change, outcome, flags: [] });
  });

  return { records: written, results, clamped };
}

function batchView(
  lookup: RecordLookup,
  changes: readonly Change[],
  verdicts: readonly (Refusal | null)[],
): BatchView {
  const byRecord = new Map<string, Change[]>();
  changes.forEach((change, i) => {
    if (verdicts[i]) return;
    const key = recordKey(change.collection, change.recordId);
    const list = byRecord.get(key);
    if (list) list.push(change);
    else byRecord.set(key, [change]);
  });
  return {
    before: lookup,
    changesFor: (collection, id) => byRecord.get(recordKey(collection, id)) ?? [],
  };
}

function heldField(record: RecordState, field: string): FieldState | undefined {
  return Object.hasOwn(record.fields, field) ? record.fields[field] : undefined;
}

/**
 * The rule for one change against one record:
 * - a field takes the greater write (compareWrites: by stamp, and a tombstone beats
 *   `_deleted: false`);
 * - a tombstone erases every field but the kept ones, whatever their stamps;
 * - once deleted, a record takes no more writes except to kept fields and the tombstone.
 * Each is order-independent: the deleted state is the same whichever writes came first.
 */
function applyChange(
  current: RecordState | undefined,
  change: Change,
  /** True when `current` is this batch's own copy, updated in place rather than copied. */
  owned = false,
): { outcome: AppliedOutcome; next?: RecordState } {
  const incoming: FieldState = { value: change.value, hlc: change.hlc };
  if (!current) {
    const fields: Record<string, FieldState> = {};
    fields[change.field] = incoming;
    return {
      outcome: 'inserted',
      next: { collection: change.collection, id: change.recordId, fields },
    };
  }
  const held = heldField(current, change.field);
  if (held) {
    const order = compareWrites(change.field, incoming, held);
    if (order === 0) return { outcome: 'unchanged' };
    if (order < 0) return { outcome: 'stale' };
  }
  if (change.field === DELETED_FIELD && change.value === true) {
    const fields: Record<string, FieldState> = {};
    for (const [path, state] of Object.entries(current.fields)) {
      if (keptWhenDeleted(current.collection, path)) fields[path] = state;
    }
    fields[DELETED_FIELD] = incoming;
    return { outcome: 'updated', next: { ...current, fields } };
  }
  if (isDeleted(current) && !keptWhenDeleted(current.collection, change.field))
    return { outcome: 'stale' };
  if (owned) {
    current.fields[change.field] = incoming;
    return { outcome: 'updated', next: current };
  }
  const fields = { ...current.fields };
  fields[change.field] = incoming;
  return { outcome: 'updated', next: { ...current, fields } };
}
