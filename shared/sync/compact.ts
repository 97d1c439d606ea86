// What goes into a bundle: the changes a recipient has not acknowledged, cut down to the
// write each field ends with, and the sequence ranges the bundle thereby covers.
import { type Change, DELETED_FIELD } from './change.ts';
import { keptWhenDeleted } from './fields.ts';
import { fieldKey, latestPerField } from './latest.ts';

/** A run of one device's sequence numbers, both ends included. */
export interface CoveredRange {
  readonly deviceId: string;
  readonly fromSeq: number;
  readonly toSeq: number;
}

/** Per device, the highest sequence number the recipient holds with no gap before it. */
export type Acked = Readonly<Record<string, number>>;

export interface Compacted {
  /** The changes to send, by device then sequence number. */
  changes: Change[];
  /**
   * Every sequence number this bundle accounts for, including the superseded ones it
   * leaves out. A receiver records these ranges as held, never the seqs of the changes
   * present, which have holes wherever a later write replaced an earlier one.
   */
  covers: CoveredRange[];
}

/**
 * The own sequence number every recipient has acknowledged, from this device's record of
 * each recipient's acknowledgement: own changes after it are still pending. No recipient
 * yet means nothing is acknowledged.
 */
export function lowestAcknowledged(acked: Record<string, number> | undefined): number {
  const values = Object.values(acked ?? {});
  return values.length === 0 ? 0 : Math.min(...values);
}

export function ackedSeq(acked: Acked, deviceId: string): number {
  return Object.hasOwn(acked, deviceId) ? (acked[deviceId] ?? 0) : 0;
}

/**
 * Keeps the changes after `acked`, only the winning write per field, and of a deleted
 * record only its tombstone and the fields that outlive deletion: the receiver would erase
 * the rest on arrival, so it need not travel (it may be personal information).
 */
export function compactChanges(log: readonly Change[], acked: Acked): Compacted {
  const pending = log.filter((c) => c.seq > ackedSeq(acked, c.deviceId));
  const latest = latestPerField(pending);
  const changes = [...latest.values()].filter((c) => {
    if (keptWhenDeleted(c.collection, c.field)) return true;
    return latest.get(fieldKey(c.collection, c.recordId, DELETED_FIELD))?.value !== true;
  });
  changes.sort(byDeviceThenSeq);
  return { changes, covers: coveredRanges(pending) };
}

/**
 * The maximal runs of sequence numbers present. A log is contiguous per device, so this is
 * one range per device; if it ever is not, the bundle says so rather than claim the hole.
 */
export function coveredRanges(
  changes: readonly Pick<Change, 'deviceId' | 'seq'>[],
): CoveredRange[] {
  const seqs = new Map<string, number[]>();
  for (const c of changes) {
    const list = seqs.get(c.deviceId);
    if (list) list.push(c.seq);
    else seqs.set(c.deviceId, [c.seq]);
  }
  const ranges: CoveredRange[] = [];
  for (const deviceId of [...seqs.keys()].sort()) {
    const sorted = [...new Set(seqs.get(deviceId))].sort((a, b) => a - b);
    let from = sorted[0] ?? 0;
    let to = from;
    for (const seq of sorted.slice(1)) {
      if (seq === to + 1) {
        to = seq;
        continue;
      }
      ranges.push({ deviceId, fromSeq: from, toSeq: to });
      from = to = seq;
    }
    if (sorted.length > 0) ranges.push({ deviceId, fromSeq: from, toSeq: to });
  }
  return ranges;
}

/**
 * The changes that fall outside the ranges a bundle declares. The importer refuses a
 * bundle with any: a range is a promise that nothing else in it is missing.
 */
export function outsideCoverage(
  changes: readonly Change[],
  covers: readonly CoveredRange[],
): Change[] {
  return changes.filter(
    (c) => !covers.some((r) => r.deviceId === c.deviceId && c.seq >= r.fromSeq && c.seq <= r.toSeq),
  );
}

function byDeviceThenSeq(a: Change, b: Change): number {
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  return a.seq - b.seq;
}
