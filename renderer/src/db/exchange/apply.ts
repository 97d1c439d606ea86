// Applies one decoded changes bundle in ONE Dexie transaction: rows merged per field, deferred
// changes kept and retried, the sender's coverage and the bundle id recorded, the device clock
// advanced, the import report written. If any part fails, everything aborts, so a crash
// leaves either the whole bundle applied and recorded, or nothing (and re-importing completes).
import { type SenderScope } from '../../../../shared/sync/authorize.ts';
import { type Change } from '../../../../shared/sync/change.ts';
import { decodeHlc } from '../../../../shared/sync/hlc.ts';
import {
  mergeChanges,
  type ChangeResult,
  type RecordState,
} from '../../../../shared/sync/merge.ts';
import { addCovered, type SeqRange } from '../../../../shared/sync/receipts.ts';
import { type CoveredRange } from '../../../../shared/sync/compact.ts';
import { isSyncedField } from '../../../../shared/sync/fields.ts';
import { refusal, type Refusal } from '../../../../shared/sync/refusal.ts';
import { type ActivityTypeLookup } from '../catalogue.ts';
import {
  type EntryCounts,
  type FileOutcome,
  type OutcomeCounts,
  type RefusedChange,
  type SenderInfo,
} from './api.ts';
import { withAbortReason } from '../abort-reason.ts';
import { type LiaisonDb } from '../db.ts';
import { DeviceClock } from '../device.ts';
import { authorizerFor, incompleteNewRecord, statesOf } from './merge.ts';
import { type DeferredRow, type SenderRow } from './schema.ts';
import { getMeta, setMeta } from '../meta.ts';
import { type ActivityRow } from '../schema.ts';
import { hlcTime } from '../rows.ts';
import { applyRollupDeltas } from '../rollups.ts';
import { recordSlices, rowWriter, storedRows } from './apply-rows.ts';
import { NIL_REPORT_TYPE } from '../../../../shared/domain/nil-report.ts';

/** Listed refusals per bundle; the count has the total. */
export const MAX_LISTED_REFUSALS = 200;
/**
 * A remote change stamped further ahead of this device's clock than this is held, not
 * merged, until the clock catches up (docs/sync-model.md section 6); its stamp is never
 * adopted by the device clock either.
 */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

function isClockHold(r: ChangeResult): boolean {
  return r.outcome === 'deferred' && r.refusal.code === 'clock-ahead';
}

export interface ApplyInput {
  bundleId: string;
  digest: string;
  /** This device (its clock observes the remote stamps). */
  selfDeviceId: string;
  /** An officer's own review writes never count in a merge (exchange-merge.ts). */
  selfIsOfficer: boolean;
  senderDeviceId: string;
  sender: SenderInfo;
  scope: SenderScope;
  ranges: readonly CoveredRange[];
  /** Validated by the codec; sensitive values already sealed with this device's key. */
  changes: readonly Change[];
  /**
   * Verdicts on the sensitive values, checked with the type's schema before they were sealed
   * (by changeKey); values in clear are checked during the merge.
   */
  checkedBeforeSealing?: ReadonlyMap<string, Refusal>;
  /** The scope of each device whose deferred changes may be retried now. */
  scopeOfDevice: (deviceId: string) => SenderScope | undefined;
  /** Runs inside the transaction with the outcome: the report and the queue move with it. */
  record: (outcome: FileOutcome) => Promise<void>;
  /** Tests: throws inside the transaction, after every write, to prove it all aborts. */
  fault?: () => void;
  /** The benchmark: how long each step of the transaction took (docs/exchange.md). */
  onStep?: (step: ApplyStep, ms: number) => void;
}

/** The steps of the apply transaction the benchmark times, in order. */
export type ApplyStep = 'read' | 'merge' | 'rows' | 'rollups' | 'trail' | 'rest' | 'commit';

/** Calls onStep with the time since the last step (or since it was made). */
function stepTimer(onStep: ApplyInput['onStep']): (step: ApplyStep) => void {
  let t0 = performance.now();
  return (step) => {
    if (!onStep) return;
    const t1 = performance.now();
    onStep(step, t1 - t0);
    t0 = t1;
  };
}

type Tally = OutcomeCounts & { deferred: number; clockAhead: number };

function emptyCounts(): Tally {
  return {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    stale: 0,
    refused: 0,
    deferred: 0,
    clockAhead: 0,
  };
}

function toSeqRanges(ranges: readonly CoveredRange[]): SeqRange[] {
  return ranges.map((r) => ({ from: r.fromSeq, to: r.toSeq }));
}

function tally(results: readonly ChangeResult[], counts: Tally, refused: RefusedChange[]): void {
  for (const r of results) {
    if (isClockHold(r)) counts.clockAhead += 1;
    else if (r.outcome === 'deferred') counts.deferred += 1;
    else counts[r.outcome] += 1;
    if (r.outcome === 'refused' && refused.length < MAX_LISTED_REFUSALS) {
      refused.push({
        recordId: r.change.recordId,
        field: r.change.field,
        reasonKey: `exchange.refusal.${r.refusal.code}`,
      });
    }
  }
}

/** Results of new records that cannot be rows yet become deferred, like any unknown record. */
function holdIncomplete(
  records: Map<string, RecordState>,
  stored: { has(id: string): boolean },
  results: ChangeResult[],
): void {
  const held = new Set<string>();
  for (const [key, state] of records) {
    if (stored.has(state.id) || !incompleteNewRecord(state)) continue;
    records.delete(key);
    held.add(state.id);
  }
  if (held.size === 0) return;
  results.forEach((r, i) => {
    if (!held.has(r.change.recordId) || r.outcome === 'refused' || r.outcome === 'deferred') return;
    const wait = refusal('unknown-record', `${r.change.recordId} is not complete here yet`);
    results[i] = { change: r.change, outcome: 'deferred', refusal: wait, flags: [] };
  });
}

/**
 * The latest stamp merged here (held changes are not merged). Folding in the latest alone
 * moves the clock exactly as folding in each would: past all of them.
 */
function latestStamp(results: readonly ChangeResult[]): string | null {
  let latest: string | null = null;
  for (const r of results) {
    if (r.outcome === 'refused' || r.outcome === 'deferred') continue;
    if (latest === null || r.change.hlc > latest) latest = r.change.hlc;
  }
  return latest;
}

export async function applyChangesBundle(db: LiaisonDb, input: ApplyInput): Promise<FileOutcome> {
  const tables = [
    db.activities,
    db.meta,
    db.exchangeBundles,
    db.exchangeSenders,
    db.exchangeDeferred,
    db.exchangeQueue,
    db.exchangeRuns,
    db.summaryRollups,
  ];
  // A full disk aborts it with a reason its requests do not carry: kept for the report.
  let native: IDBTransaction | undefined;
  const step = stepTimer(input.onStep);
  const applying = db.transaction('rw', tables, async (tx) => {
    native = tx.idbtrans;
    const nowMs = db.now();
    const now = new Date(nowMs).toISOString();
    const seen = await db.exchangeBundles.get(input.bundleId);
    if (seen) {
      const outcome: FileOutcome = {
        kind: 'already-imported',
        bundleId: input.bundleId,
        sender: input.sender,
        importedAt: seen.importedAt,
      };
      await input.record(outcome);
      return outcome;
    }

    const recordIds = [...new Set(input.changes.map((c) => c.recordId))];
    const retry = await deferredToRetry(db, recordIds, input, now);
    // Held changes that came due may touch records this bundle does not: load those too.
    const rows = await storedRows(db, [
      ...new Set([...recordIds, ...retry.changes.map((c) => c.recordId)]),
    ]);
    const stored = new Map<string, ActivityRow>();
    for (const row of rows) stored.set(row.id, row);
    const states = statesOf(
      rows,
      [...input.changes, ...retry.changes],
      input.selfIsOfficer ? input.selfDeviceId : undefined,
    );
    const clockCheck = { nowMs, maxDriftMs: MAX_DRIFT_MS };
    const writer = rowWriter(db, stored);
    step('read');

    // The bundle first, against the records as stored, a slice of records at a time: each
    // slice's rows are handed to IndexedDB while the next slice merges. Records merge
    // independently (ownership and claims are per record), so slicing changes nothing.
    const own: ChangeResult[] = [];
    const mergedStates = new Map<string, RecordState>();
    const authorize = authorizerFor(
      new Map([[input.senderDeviceId, input.scope]]),
      db.typeLookup,
      input.checkedBeforeSealing,
    );
    for (const slice of recordSlices(input.changes)) {
      const merged = mergeChanges((_c, id) => states.get(id), slice, { authorize, clockCheck });
      holdIncomplete(merged.records, stored, merged.results);
      for (const state of merged.records.values()) mergedStates.set(state.id, state);
      writer.write(merged.records.values(), merged.results);
      for (const r of merged.results) own.push(r);
    }
    // Then the changes deferred earlier, against the records as this bundle leaves them:
    // ownership is judged on the record before a batch, so a review waiting for its entry
    // passes only once the entry is here.
    const second = mergeChanges((_c, id) => mergedStates.get(id) ?? states.get(id), retry.changes, {
      authorize: authorizerFor(retry.scopes, db.typeLookup),
      clockCheck,
    });
    holdIncomplete(
      second.records,
      { has: (id) => stored.has(id) || mergedStates.has(id) },
      second.results,
    );
    writer.write(second.records.values(), second.results);
    step('merge');
    const liveDelta = await writer.done();
    step('rows');
    // Summaries move with the rows they count, in this transaction.
    await applyRollupDeltas(db.summaryRollups, writer.rollupDeltas);
    step('rollups');
    if (liveDelta !== 0) {
      const count = (await getMeta(db, 'activityCount')) ?? 0;
      await setMeta(db, 'activityCount', Math.max(0, count + liveDelta));
    }

    const retried = second.results;
    // The history (who changed which field when) is in the rows just written (apply-rows.ts):
    // no request of its own any more; the step stays so the benchmark's columns still read.
    step('trail');
    await saveDeferred(db, retried, own, now, nowMs);
    await recordSender(db, input, now);
    await db.exchangeBundles.put({
      bundleId: input.bundleId,
      senderDeviceId: input.senderDeviceId,
      kind: 'changes',
      digest: input.digest,
      importedAt: now,
      ranges: toSeqRanges(input.ranges),
    });
    const stamp = latestStamp([...own, ...retried]);
    if (stamp) await new DeviceClock(db, input.selfDeviceId).observe([stamp]);

    const counts = emptyCounts();
    const refused: RefusedChange[] = [];
    tally(own, counts, refused);
    const retriedCounts = emptyCounts();
    tally(retried, retriedCounts, []);
    const outcome: FileOutcome = {
      kind: 'applied',
      bundleId: input.bundleId,
      sender: input.sender,
      ranges: toSeqRanges(input.ranges),
      counts: {
        inserted: counts.inserted,
        updated: counts.updated,
        unchanged: counts.unchanged,
        stale: counts.stale,
        refused: counts.refused,
      },
      extras: {
        deferred: counts.deferred,
        clockAhead: counts.clockAhead,
        retried: retry.changes.length - retriedCounts.deferred,
      },
      refused,
      entries: entryCounts([...own, ...retried], stored),
    };
    input.fault?.();
    await input.record(outcome);
    step('rest');
    return outcome;
  });
  return applying.then(
    (outcome) => {
      step('commit');
      return outcome;
    },
    (e: unknown) => {
      throw withAbortReason(e, native);
    },
  );
}

/** Entries the merged changes added here (nil reports among them), and stored ones they changed. */
function entryCounts(
  results: readonly ChangeResult[],
  stored: ReadonlyMap<string, ActivityRow>,
): EntryCounts {
  const touched = new Set<string>();
  for (const r of results) {
    if (r.outcome === 'inserted' || r.outcome === 'updated') touched.add(r.change.recordId);
  }
  const nil = new Set<string>();
  for (const r of results) {
    const applied = r.outcome === 'inserted' || r.outcome === 'updated';
    if (applied && r.change.field === 'type' && r.change.value === NIL_REPORT_TYPE) {
      nil.add(r.change.recordId);
    }
  }
  let added = 0;
  let nilReports = 0;
  for (const id of touched) {
    if (stored.has(id)) continue;
    added += 1;
    if (nil.has(id)) nilReports += 1;
  }
  return { added, updated: touched.size - added, nilReports };
}

/** True for a change kept for a newer version whose path or type this version now knows. */
function learnedSince(row: DeferredRow, types: ActivityTypeLookup): boolean {
  const { change } = row;
  if (row.reason === 'newer-path') return isSyncedField(change.collection, change.field);
  if (row.reason === 'newer-catalogue')
    return change.field === 'type' && typeof change.value === 'string' && !!types(change.value);
  return false;
}

/** Deferred changes to the records of this batch whose sender is still approved here. */
async function deferredToRetry(
  db: LiaisonDb,
  recordIds: readonly string[],
  input: ApplyInput,
  now: string,
): Promise<{ changes: Change[]; scopes: Map<string, SenderScope> }> {
  const scopes = new Map<string, SenderScope>();
  if ((await db.exchangeDeferred.count()) === 0) return { changes: [], scopes };
  // Changes held for a clock far ahead whose time has come, whatever record they touch: any
  // import is the moment to apply them (ISO strings of one format compare as times). And
  // every change kept for a record of which one change was kept for a newer version this
  // version now understands (the app was updated): the whole record is retried, since its
  // other changes waited for the one that made it.
  const due: DeferredRow[] = [];
  const learned = new Set<string>();
  await db.exchangeDeferred.each((row) => {
    if (row.heldUntil !== undefined && isDue(row.heldUntil, now)) due.push(row);
    if (learnedSince(row, db.typeLookup)) learned.add(row.recordId);
  });
  const forRecords = await db.exchangeDeferred
    .where('recordId')
    .anyOf([...new Set([...recordIds, ...learned])])
    .toArray();
  const seen = new Set(forRecords.map((row) => `${row.deviceId}\u0000${row.seq}`));
  const waiting = [
    ...forRecords,
    ...due.filter((row) => !seen.has(`${row.deviceId}\u0000${row.seq}`)),
  ];
  // A change this very bundle carries again (same device, same seq: the same write) replaces
  // its waiting copy. The copy was sealed while its record's type was unknown, so merging both
  // would put two values under one stamp and let the text order pick one.
  const resent = new Set(input.changes.map((c) => `${c.deviceId}\u0000${c.seq}`));
  const superseded = waiting.filter((row) => resent.has(`${row.deviceId}\u0000${row.seq}`));
  if (superseded.length > 0)
    await db.exchangeDeferred.bulkDelete(superseded.map((row) => [row.deviceId, row.seq]));
  const changes: Change[] = [];
  for (const row of waiting) {
    if (resent.has(`${row.deviceId}\u0000${row.seq}`)) continue;
    // Judged on the sender's scope now (a lead's posts may have changed since).
    const scope =
      row.deviceId === input.senderDeviceId ? input.scope : input.scopeOfDevice(row.deviceId);
    if (!scope) continue;
    scopes.set(row.deviceId, scope);
    changes.push(row.change);
  }
  return { changes, scopes };
}

async function saveDeferred(
  db: LiaisonDb,
  retried: readonly ChangeResult[],
  own: readonly ChangeResult[],
  now: string,
  nowMs: number,
): Promise<void> {
  const settled = retried
    .filter((r) => r.outcome !== 'deferred')
    .map((r) => [r.change.deviceId, r.change.seq] as [string, number]);
  if (settled.length > 0) await db.exchangeDeferred.bulkDelete(settled);
  const toRow = (r: ChangeResult): DeferredRow => ({
    deviceId: r.change.deviceId,
    seq: r.change.seq,
    recordId: r.change.recordId,
    change: r.change,
    deferredAt: now,
    ...(r.outcome === 'deferred' ? { reason: r.refusal.code } : {}),
    ...(isClockHold(r) ? { heldUntil: heldUntil(r.change.hlc, nowMs) } : {}),
  });
  // A retried change still held for its clock is rewritten so heldUntil says when it is due;
  // other retried changes still waiting stay as they were stored.
  const waiting: DeferredRow[] = [
    ...own.filter((r) => r.outcome === 'deferred'),
    ...retried.filter(isClockHold),
  ].map(toRow);
  if (waiting.length > 0) await db.exchangeDeferred.bulkPut(waiting);
}

/**
 * The last instant whose ISO string has a four-digit year: later ones are written '+033658-…',
 * which sorts before every date of today as text. A stamp past it is held until then.
 */
const LAST_FOUR_DIGIT_YEAR_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** When a held change may merge: once this device's clock is within MAX_DRIFT_MS of it. */
function heldUntil(hlc: string, nowMs: number): string {
  const wall = decodeHlc(hlc)?.wall ?? nowMs;
  const due = Math.min(Math.max(nowMs, wall - MAX_DRIFT_MS), LAST_FOUR_DIGIT_YEAR_MS);
  return new Date(due).toISOString();
}

/** Compared as times, not text: rows stored before the clamp may hold a '+0…' year. */
function isDue(heldUntil: string, now: string): boolean {
  return Date.parse(heldUntil) <= Date.parse(now);
}

/** Coverage from the ranges the header declares (never from the seqs present: compaction). */
async function recordSender(db: LiaisonDb, input: ApplyInput, now: string): Promise<void> {
  const before = await db.exchangeSenders.get(input.senderDeviceId);
  const coverage =
    addCovered(before ? { [input.senderDeviceId]: before.coverage } : {}, input.ranges)[
      input.senderDeviceId
    ] ?? [];
  const announced = Math.max(0, ...input.ranges.map((r) => r.toSeq));
  let newestHlc = '';
  for (const change of input.changes) if (change.hlc > newestHlc) newestHlc = change.hlc;
  const newest = newestHlc === '' ? undefined : hlcTime(newestHlc);
  const newestChangeAt = [before?.newestChangeAt, newest]
    .filter((at): at is string => at !== undefined)
    .sort()
    .at(-1);
  const row: SenderRow = {
    deviceId: input.senderDeviceId,
    sender: input.sender,
    coverage: [...coverage],
    knownHighest: Math.max(before?.knownHighest ?? 0, announced),
    lastBundleAt: now,
    ...(newestChangeAt === undefined ? {} : { newestChangeAt }),
  };
  await db.exchangeSenders.put(row);
}
