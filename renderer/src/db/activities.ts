// Writing activities: each write puts the row and appends its changes to the change log in
// ONE transaction (the row and its changes never exist without each other), stamping every
// changed field path with its own sequence number and HLC.
import Dexie from 'dexie';
import {
  applyFieldValues,
  dataPath,
  diffActivity,
  toFieldValues,
  type FieldValues,
} from '../../../shared/domain/activity-paths.ts';
import { isReviewPath, type Activity, type ReviewStatus } from '../../../shared/domain/activity.ts';
import { type ActivityTypeId } from '../../../shared/domain/catalogue-types.ts';
import { DELETED_FIELD, type Json } from '../../../shared/sync/change.ts';
import { keptWhenDeleted } from '../../../shared/sync/fields.ts';
import { editChanges } from './change-log.ts';
import { type LiaisonDb } from './db.ts';
import { explainWriteFailure } from './disk-probe.ts';
import { DbError, toDbError } from './errors.ts';
import { LocalWrite } from './local-write.ts';
import { mergeLocal, rowState } from './record-state.ts';
import { isReadableRow } from './row-check.ts';
import { buildRow, hlcTime, listedInLog, toActivity, toView, type ActivityView } from './rows.ts';
import { type ActivityRow } from './schema.ts';
import { rollupDeltas } from '../../../shared/summary/measures.ts';
import { sealData, type Sealer } from './sealing.ts';

/** Who writes: the device (signs, numbers the changes) and the officer it acts for. */
export interface Author {
  deviceId: string;
  officerId: string;
  postCode: string;
}

export interface NewActivity {
  type: ActivityTypeId;
  schemaVersion: number;
  occurredOn: string;
  data: Record<string, Json | undefined>;
}

/**
 * A partial edit. A data key that is absent stays as it is; a key set to null or
 * undefined clears the field (written as null, so the clearing merges like any write).
 */
export interface ActivityPatch {
  occurredOn?: string;
  data?: Record<string, Json | undefined>;
}

export interface WriteOptions {
  /** The catalogue version of the record's type; defaults to the database's catalogue. */
  knownVersion?: number;
  /**
   * Seals sensitive values before they are stored (row and change log alike: one sealed
   * string serves both, as both bind the same record id and path). Without one, writing a
   * sensitive value is refused as 'locked'.
   */
  sealer?: Sealer;
}

/**
 * Runs `fn` in one rw transaction over rows, change log, counters and summary rollups. If any part fails
 * (a quota error, a bug half way), everything aborts: no row, no change, no seq used.
 */
export async function inWriteTransaction<T>(db: LiaisonDb, fn: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction(
      'rw',
      [db.activities, db.changes, db.meta, db.summaryRollups, db.rollupJournal],
      fn,
    );
  } catch (e) {
    throw await explainWriteFailure(db, toDbError(e, 'write-failed', db.connection));
  }
}

/** Json has no undefined; a form may still hand one over for an empty optional field. */
function definedData(data: Record<string, Json | undefined>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [name, value] of Object.entries(data)) if (value !== undefined) out[name] = value;
  return out;
}

function stripRow(row: ActivityRow): Activity {
  return toActivity(row);
}

export async function createActivity(
  db: LiaisonDb,
  author: Author,
  input: NewActivity,
  options: Pick<WriteOptions, 'sealer'> & { readonly id?: string } = {},
): Promise<ActivityView> {
  const id = options.id ?? db.newId();
  // Sealed first: WebCrypto inside the transaction would let Dexie commit it half way.
  const data = await sealData(options.sealer, id, input.data, db.typeLookup(input.type));
  const initial: Activity = {
    id,
    type: input.type,
    schemaVersion: input.schemaVersion,
    officerId: author.officerId,
    postCode: author.postCode,
    occurredOn: input.occurredOn,
    data: definedData(data),
    review: { status: 'pending' },
    deleted: false,
    createdAt: '',
    updatedAt: '',
  };
  return inWriteTransaction(db, async () => {
    // Absence already means live: no `_deleted: false` change, one change less per record.
    const fields = diffActivity(null, initial).filter((f) => f.path !== DELETED_FIELD);
    const write = await LocalWrite.begin(db, author);
    const { changes, lastSeq, lastHlc } = write.appendChanges(id, fields);
    const { activity, clocks } = mergeLocal(initial, undefined, changes);
    // Times come from the stamps, so any device rebuilding the record gets the same ones.
    activity.createdAt = hlcTime(clocks.type ?? lastHlc);
    activity.updatedAt = hlcTime(lastHlc);
    const local = { pending: 1, localSeq: lastSeq } as const;
    const row = buildRow(activity, clocks, local, db.typeLookup(activity.type));
    write.issue(db.activities.add(row));
    write.applyRollupDeltas(rollupDeltas(null, row));
    if (listedInLog(row)) write.addToCount(1);
    await write.finish();
    return toView(row);
  });
}

/**
 * 'own': an edit or a delete, which only the record's officer may make (every other device
 * refuses it on import, so a local one would split the copies). 'review': a lead's or
 * HQ's review, which touches only the review paths of anyone's record.
 */
type WriteAccess = 'own' | 'review';

/** The stored row, or not-found; a record from a newer app version is read-only. */
export async function writableRow(
  db: LiaisonDb,
  author: Author,
  id: string,
  options: WriteOptions,
  access: WriteAccess,
): Promise<ActivityRow> {
  const row = await db.activities.get(id);
  if (!row || row.deleted) throw new DbError('not-found', `No activity ${id}`);
  if (access === 'own' && row.officerId !== author.officerId) {
    throw new DbError('not-yours', `Activity ${id} belongs to another officer`);
  }
  const known = options.knownVersion ?? db.typeLookup(row.type)?.version;
  if (known === undefined || row.schemaVersion > known) {
    throw new DbError('newer-record', `Activity ${id} was written by a newer Liaison Log`);
  }
  return row;
}

/**
 * Writes `after` over `row`: one change per changed path, nothing at all if none. Paths in
 * `always` are written even unchanged (a review giving the same state again after an edit
 * must restamp review.status, or the entry would stay pending).
 */
export async function writeRecord(
  db: LiaisonDb,
  author: Author,
  row: ActivityRow,
  after: Activity,
  always: readonly string[] = [],
): Promise<ActivityView> {
  const before = stripRow(row);
  const changed = diffActivity(before, after);
  const values = toFieldValues(after);
  for (const path of always) {
    const value = values[path];
    if (value !== undefined && !changed.some((c) => c.path === path)) changed.push({ path, value });
  }
  if (changed.length === 0) return toView(row);
  const write = await LocalWrite.begin(db, author);
  const { changes, lastSeq, lastHlc } = write.appendChanges(row.id, changed);
  const { activity, clocks } = mergeLocal(before, rowState(row, before), changes);
  activity.updatedAt = hlcTime(lastHlc);
  const local = { pending: 1, localSeq: lastSeq } as const;
  const next = buildRow(activity, clocks, local, db.typeLookup(activity.type));
  write.issue(db.activities.put(next));
  write.applyRollupDeltas(rollupDeltas(row, next));
  await write.finish();
  return toView(next);
}

/**
 * Writes an officer's own record again whole, as fresh changes of every path the officer
 * writes (the review's are the lead's and HQ's), its values as stored: the repair of a record
 * one of whose change-log rows is damaged, so that the next export carries it whole instead
 * of never (exchange/export.ts, `repairDamagedChanges`). A deleted record sends its
 * tombstone again. False when there is nothing the officer can write again (no such row, an
 * unreadable row, another officer's record).
 */
export async function resendRecord(db: LiaisonDb, author: Author, id: string): Promise<boolean> {
  return inWriteTransaction(db, async () => {
    const row = await db.activities.get(id);
    if (!isReadableRow(row) || row.officerId !== author.officerId) return false;
    const before = stripRow(row);
    if (row.deleted) {
      const tombstone = { path: DELETED_FIELD, value: true };
      const write = await LocalWrite.begin(db, author);
      const { changes, lastSeq } = write.appendChanges(id, [tombstone]);
      const { activity, clocks } = mergeLocal(before, rowState(row, before), changes);
      activity.updatedAt = row.updatedAt;
      write.issue(
        db.activities.put(buildRow(activity, clocks, { pending: 1, localSeq: lastSeq }, undefined)),
      );
      await write.finish();
      return true;
    }
    const paths = Object.keys(toFieldValues(before)).filter((path) => !isReviewPath(path));
    await writeRecord(db, author, row, before, paths);
    return true;
  });
}

export async function updateActivity(
  db: LiaisonDb,
  author: Author,
  id: string,
  patch: ActivityPatch,
  options: WriteOptions = {},
): Promise<ActivityView> {
  const type = (await db.activities.get(id))?.type;
  const data = await sealData(
    options.sealer,
    id,
    patch.data ?? {},
    type === undefined ? undefined : db.typeLookup(type),
  );
  return inWriteTransaction(db, async () => {
    const row = await writableRow(db, author, id, options, 'own');
    const values: FieldValues = {};
    if (patch.occurredOn !== undefined) values.occurredOn = patch.occurredOn;
    for (const [name, value] of Object.entries(data)) values[dataPath(name)] = value ?? null;
    return writeRecord(db, author, row, applyFieldValues(stripRow(row), values));
  });
}

export interface ReviewInput {
  status: ReviewStatus;
  comment?: string;
}

/**
 * A team lead's or HQ's review: only the review paths change, so it merges beside the
 * officer's own edits of the same record. `by` is the author, `at` the stamp's time.
 */
export async function reviewActivity(
  db: LiaisonDb,
  author: Author,
  id: string,
  review: ReviewInput,
  options: WriteOptions = {},
): Promise<ActivityView> {
  return inWriteTransaction(db, async () => {
    const row = await writableRow(db, author, id, options, 'review');
    const values: FieldValues = {
      'review.status': review.status,
      'review.comment': review.comment ?? null,
      'review.by': author.officerId,
      'review.at': new Date(db.now()).toISOString(),
    };
    return writeRecord(db, author, row, applyFieldValues(stripRow(row), values));
  });
}

/**
 * Deletes by tombstone: the row stays (a later, older remote write must not resurrect it)
 * but leaves every list and the search index, and one `_deleted` change carries it on.
 * Like merge (shared/sync/fields.ts), deletion erases everything but who owned the record,
 * here in the row and in the log's copies of the values: they may be personal information.
 */
export async function deleteActivity(
  db: LiaisonDb,
  author: Author,
  id: string,
  options: WriteOptions = {},
): Promise<void> {
  await inWriteTransaction(db, async () => {
    const row = await writableRow(db, author, id, options, 'own');
    const before = stripRow(row);
    const tombstone = { path: DELETED_FIELD, value: true };
    const write = await LocalWrite.begin(db, author);
    const { changes, lastSeq, lastHlc } = write.appendChanges(id, [tombstone]);
    const { activity, clocks } = mergeLocal(before, rowState(row, before), changes);
    activity.updatedAt = hlcTime(lastHlc);
    const tombstoneRow = buildRow(activity, clocks, { pending: 1, localSeq: lastSeq }, undefined);
    write.issue(db.activities.put(tombstoneRow));
    write.applyRollupDeltas(rollupDeltas(row, tombstoneRow));
    if (listedInLog(row)) write.addToCount(-1);
    // Issued after the tombstone's own change, which the range then includes, as before.
    write.issue(
      db.changes
        .where('[recordId+hlc]')
        .between([id, Dexie.minKey], [id, Dexie.maxKey], true, true)
        .modify((row) =>
          editChanges(row, (change) => {
            // A damaged change (no field) keeps nothing either: its value may be personal.
            const kept =
              typeof change.field === 'string' && keptWhenDeleted('activities', change.field);
            if (!kept) change.value = null;
          }),
        ),
    );
    await write.finish();
  });
}
