// Export: every own change some recipient has not acknowledged, compacted to the write each
// field ends with, sensitive values opened, encoded as one 'changes' bundle for HQ and the
// post's team leads, signed with this device's key. Nothing new: no file at all.
import Dexie from 'dexie';
import { encodeBundle } from '../../../../shared/bundle/codec.ts';
import { changesFileName } from '../../../../shared/bundle/file-name.ts';
import { isReviewPath } from '../../../../shared/domain/activity.ts';
import { type Change } from '../../../../shared/sync/change.ts';
import { compactChanges } from '../../../../shared/sync/compact.ts';
import { type SeqRange } from '../../../../shared/sync/receipts.ts';
import { resendRecord } from '../activities.ts';
import { checkRow } from '../change-log.ts';
import { type LiaisonDb } from '../db.ts';
import { openForExport } from './seal.ts';
import {
  asRecipients,
  changeRecipients,
  loadSelf,
  ownPostCode,
  senderFields,
  type KnownDevice,
  type SelfInfo,
} from './self.ts';
import { getExchangeState, setExchangeState } from './state.ts';
import { getMeta, seqKey } from '../meta.ts';
import { getAcknowledged } from '../sync-state.ts';

/** What every engine call needs besides the database. */
export interface ExchangeDeps {
  db: LiaisonDb;
  /** The unlocked data key (sensitive values); undefined while locked. */
  dataKey: CryptoKey | undefined;
  /** Written into bundle headers. */
  appVersion: string;
}

/** A file the engine made, for the platform to save. */
export interface BuiltFile {
  kind: 'changes' | 'receipt';
  fileName: string;
  data: Uint8Array;
  bundleId: string;
  createdAt: string;
  changes: number;
  records: number;
  ranges: SeqRange[];
  /** Entries left out because a value of theirs could not be read (0 on receipts). */
  unreadable?: number;
}

/**
 * Where this export starts: the lowest acknowledgement among the recipients that have sent
 * receipts (0 when none has). As in sync-state, a recipient that never sent one does not
 * hold the export back: HQ's receipt alone shortens the next bundle, and a team lead that
 * wants every change guaranteed sends receipts too (docs/exchange.md).
 */
export function exportFloor(
  recipients: readonly KnownDevice[],
  acked: Readonly<Record<string, number>>,
): number {
  let floor = Number.POSITIVE_INFINITY;
  for (const r of recipients) {
    if (Object.hasOwn(acked, r.deviceId)) floor = Math.min(floor, acked[r.deviceId] ?? 0);
  }
  return Number.isFinite(floor) ? floor : 0;
}

/** Own changes not yet held by every recipient: last seq minus the export floor. */
export async function waitingOwnChanges(db: LiaisonDb, self: SelfInfo): Promise<number> {
  const last = (await getMeta(db, seqKey(self.identity.deviceId))) ?? 0;
  let recipients: KnownDevice[];
  try {
    recipients = changeRecipients(self);
  } catch {
    return last;
  }
  return Math.max(0, last - exportFloor(recipients, await getAcknowledged(db)));
}

/** Builds the bundle, or null when there is nothing to send. Writes nothing. */
export async function buildChangesExport(
  deps: ExchangeDeps,
  onProgress?: (fraction: number) => void,
): Promise<BuiltFile | null> {
  const { db } = deps;
  const self = await loadSelf(db, deps.dataKey);
  const deviceId = self.identity.deviceId;
  const recipients = changeRecipients(self);
  const floor = exportFloor(recipients, await getAcknowledged(db));
  const last = (await getMeta(db, seqKey(deviceId))) ?? 0;
  if (last <= floor) return null;

  const { log, damaged } = sortOutDamaged(await ownChangesAbove(db, deviceId, floor), deviceId);
  onProgress?.(0.2);
  const compacted = compactChanges(log, { [deviceId]: floor });
  // Every own seq above the floor exists (a seq is allocated in the transaction that writes
  // its change), so the bundle covers them all, a damaged row's (or one dropped by
  // repairDamagedChanges) included: no receiver waits for it forever.
  const covers = [{ deviceId, fromSeq: floor + 1, toSeq: last }];
  // An officer's save writes review.status = pending on its own new record; every receiver
  // would refuse it (officer-writes-review) and builds rows with that default anyway. The
  // seqs stay covered: the ranges still account for them.
  const carried =
    self.identity.role === 'officer'
      ? compacted.changes.filter((c) => !isReviewPath(c.field))
      : compacted.changes;
  if (carried.length === 0 && damaged.rows.length === 0) return null;
  // A change whose value will not open is left out, its seq still covered by the ranges:
  // the receivers never wait for it (a gap nothing could fill would block them for good).
  // So is every change of a record one of whose change rows is damaged: a record is sent
  // whole or not at all.
  const opened = await openForExport(
    deps.dataKey,
    carried.filter((c) => !damaged.records.has(c.recordId)),
  );
  const { changes } = opened;
  const unreadable = new Set([...opened.unreadable, ...damaged.records]).size + damaged.anonymous;
  onProgress?.(0.4);
  const createdAt = new Date(db.now()).toISOString();
  const bundleId = db.newId();
  const postCode = ownPostCode(self);
  const data = await encodeBundle({
    ...senderFields(self, deps.appVersion),
    kind: 'changes',
    bundleId,
    ranges: covers,
    createdAt,
    recipients: asRecipients(recipients),
    payload: changes,
  });
  onProgress?.(1);
  const ranges = covers.map((r) => ({ from: r.fromSeq, to: r.toSeq }));
  const fromSeq = Math.min(...ranges.map((r) => r.from));
  const toSeq = Math.max(...ranges.map((r) => r.to));
  return {
    kind: 'changes',
    fileName: changesFileName({
      postCode,
      officerId: self.identity.officerId,
      createdAt,
      fromSeq,
      toSeq,
    }),
    data,
    bundleId,
    createdAt,
    changes: changes.length,
    records: new Set(changes.map((c) => c.recordId)).size,
    ranges,
    unreadable,
  };
}

/** After the file was saved: when, what, and the highest own seq any export has carried. */
export async function recordExport(
  db: LiaisonDb,
  built: BuiltFile,
  fileName: string,
): Promise<void> {
  const toSeq = Math.max(0, ...built.ranges.map((r) => r.to));
  await db.transaction('rw', db.exchangeState, async () => {
    await setExchangeState(db, 'lastExport', {
      at: built.createdAt,
      bundleId: built.bundleId,
      fileName,
      ranges: built.ranges,
      toSeq,
    });
    const before = (await getExchangeState(db, 'lastExportedSeq')) ?? 0;
    await setExchangeState(db, 'lastExportedSeq', Math.max(before, toSeq));
  });
}

interface DamagedChanges {
  /** The own change-log rows that fail their check (damaged on disk): their stored key and
   * the records they still name (a save row may name more than one once damaged). */
  rows: { key: [string, unknown]; recordIds: string[] }[];
  /** Records a damaged row still names: none of their changes is sent. */
  records: Set<string>;
  /** Damaged rows that do not even say their record. */
  anonymous: number;
}

/**
 * Own change-log rows as stored, split into their changes and the rows damaged on disk (a
 * missing or wrong field; change-log.ts checkRow). A damaged row never blocks an export: it
 * is left out, its seqs still covered, and the person is told an entry could not be sent. A
 * save row may begin at or below the floor (it is keyed by its last seq): compactChanges
 * drops those changes, which were sent before.
 */
function sortOutDamaged(
  stored: readonly unknown[],
  deviceId: string,
): { log: Change[]; damaged: DamagedChanges } {
  const log: Change[] = [];
  const damaged: DamagedChanges = { rows: [], records: new Set(), anonymous: 0 };
  for (const row of stored) {
    const checked = checkRow(row, deviceId);
    if (checked.ok) {
      for (const change of checked.changes) log.push(change);
      continue;
    }
    damaged.rows.push({ key: checked.key, recordIds: checked.recordIds });
    for (const id of checked.recordIds) damaged.records.add(id);
    if (checked.recordIds.length === 0) damaged.anonymous += 1;
  }
  return { log, damaged };
}

/** This device's own change-log rows holding a change above the export floor, as stored. */
async function ownChangesAbove(db: LiaisonDb, deviceId: string, floor: number): Promise<unknown[]> {
  return db.changes
    .where('[deviceId+seq]')
    .between([deviceId, floor + 1], [deviceId, Dexie.maxKey])
    .toArray();
}

/**
 * Before an officer's export: each own record one of whose change-log rows above the floor is
 * damaged is written again whole (activities.ts, `resendRecord`), and the damaged rows are
 * dropped, so the record travels whole in this export instead of being left out for good. A
 * damaged row that no longer names its record: every own record with changes not yet
 * acknowledged is written again (one of them is its record). Only the officer: a lead's or
 * HQ's review cannot be stamped again without overriding a later one, so theirs stay left
 * out by buildChangesExport. Returns how many records were written again.
 */
export async function repairDamagedChanges(deps: ExchangeDeps): Promise<number> {
  const { db } = deps;
  const self = await loadSelf(db, deps.dataKey);
  if (self.identity.role !== 'officer') return 0;
  const deviceId = self.identity.deviceId;
  let recipients: KnownDevice[];
  try {
    recipients = changeRecipients(self);
  } catch {
    return 0;
  }
  const floor = exportFloor(recipients, await getAcknowledged(db));
  const { damaged } = sortOutDamaged(await ownChangesAbove(db, deviceId, floor), deviceId);
  if (damaged.rows.length === 0) return 0;
  const officerId = self.identity.officerId;
  const author = { deviceId, officerId, postCode: ownPostCode(self) ?? '' };
  const ids = new Set(damaged.records);
  if (damaged.anonymous > 0) {
    const waiting = await db.activities
      .filter((row) => row.pending === 1 && row.officerId === officerId)
      .primaryKeys();
    for (const id of waiting) ids.add(id);
  }
  const resent = new Set<string>();
  // A record a damaged row names that is not stored here (a damaged id) has nothing to send:
  // it counts as done, or the row would keep its real record out of every export.
  const known = await db.activities.bulkGet([...ids]);
  [...ids].forEach((id, i) => {
    if (!known[i]) resent.add(id);
  });
  let written = 0;
  for (const id of [...ids].sort()) {
    if (resent.has(id) || !(await resendRecord(db, author, id))) continue;
    resent.add(id);
    written += 1;
  }
  // A damaged row goes once every record it named was sent again; the others stay left out.
  const allResent = [...ids].every((id) => resent.has(id));
  const drop = damaged.rows
    .filter(({ recordIds }) =>
      recordIds.length === 0 ? allResent : recordIds.every((id) => resent.has(id)),
    )
    .map(({ key }) => key as [string, number]);
  await db.changes.bulkDelete(drop);
  return written;
}
