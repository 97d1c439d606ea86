// Sequence coverage and receipts: which changes of each device a receiver holds, which
// ranges it still misses, and what a sender may mark acknowledged when a receipt returns.
import { z } from 'zod';
import { deviceIdSchema } from './change.ts';
import { type Acked, type CoveredRange, ackedSeq } from './compact.ts';

/** Sequence numbers `from` to `to`, both included. */
export interface SeqRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Per device, the sequence numbers held, as sorted ranges that neither overlap nor touch.
 * Built from the ranges bundles declare (CoveredRange), not from the changes they carry.
 */
export type Coverage = Readonly<Record<string, readonly SeqRange[]>>;

export const receiptSchema = z.object({
  /** The receiving device that issues the receipt (HQ or a team lead). */
  issuerDeviceId: deviceIdSchema,
  issuedAt: z.iso.datetime({ offset: true }),
  /** Per device, the highest sequence number held with no gap before it. */
  held: z.record(deviceIdSchema, z.number().int().nonnegative()),
  /** Ids of the bundles received, so a sender can tell which of its files arrived. */
  bundles: z.array(z.string().min(1).max(100)),
});
export type Receipt = z.infer<typeof receiptSchema>;

function rangesOf(coverage: Coverage, deviceId: string): readonly SeqRange[] {
  return Object.hasOwn(coverage, deviceId) ? (coverage[deviceId] ?? []) : [];
}

/** Coverage with `from`..`to` of `deviceId` added; overlapping and touching ranges merge. */
export function addCoverage(
  coverage: Coverage,
  deviceId: string,
  from: number,
  to: number,
): Coverage {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1 || to < from) {
    throw new RangeError(`not a sequence range: ${from}..${to}`);
  }
  const merged: SeqRange[] = [];
  let next: SeqRange = { from, to };
  for (const r of rangesOf(coverage, deviceId)) {
    if (r.to + 1 < next.from) merged.push(r);
    else if (next.to + 1 < r.from) {
      merged.push(next);
      next = r;
    } else next = { from: Math.min(r.from, next.from), to: Math.max(r.to, next.to) };
  }
  merged.push(next);
  return { ...coverage, [deviceId]: merged };
}

/** Coverage with every range a bundle declares added. */
export function addCovered(coverage: Coverage, covers: readonly CoveredRange[]): Coverage {
  return covers.reduce((acc, r) => addCoverage(acc, r.deviceId, r.fromSeq, r.toSeq), coverage);
}

/** The highest sequence number of `deviceId` held with none missing from 1; 0 if seq 1 is missing. */
export function highestContiguous(coverage: Coverage, deviceId: string): number {
  const first = rangesOf(coverage, deviceId)[0];
  return first && first.from === 1 ? first.to : 0;
}

/** The ranges of 1..knownHighest not held: what to ask `deviceId`'s officer to send again. */
export function missingRanges(
  coverage: Coverage,
  deviceId: string,
  knownHighest: number,
): SeqRange[] {
  const gaps: SeqRange[] = [];
  let expected = 1;
  for (const r of rangesOf(coverage, deviceId)) {
    if (expected > knownHighest) break;
    if (r.from > expected) gaps.push({ from: expected, to: Math.min(r.from - 1, knownHighest) });
    expected = Math.max(expected, r.to + 1);
  }
  if (expected <= knownHighest) gaps.push({ from: expected, to: knownHighest });
  return gaps;
}

export interface DeviceGap extends SeqRange {
  readonly deviceId: string;
}

/**
 * Every gap of every device, given the highest sequence number any bundle header has
 * announced per device, sorted by device: the "missing from whom" list.
 */
export function missingByDevice(
  coverage: Coverage,
  knownHighest: Readonly<Record<string, number>>,
): DeviceGap[] {
  return Object.keys(knownHighest)
    .sort()
    .flatMap((deviceId) =>
      missingRanges(coverage, deviceId, knownHighest[deviceId] ?? 0).map((gap) => ({
        deviceId,
        ...gap,
      })),
    );
}

/** The receipt a receiver issues for what it holds. */
export function makeReceipt(
  issuerDeviceId: string,
  issuedAt: string,
  coverage: Coverage,
  bundles: readonly string[],
): Receipt {
  const held = Object.fromEntries(
    Object.keys(coverage)
      .sort()
      .map((deviceId) => [deviceId, highestContiguous(coverage, deviceId)] as const)
      .filter(([, top]) => top > 0),
  );
  return { issuerDeviceId, issuedAt, held, bundles: [...bundles] };
}

export interface Acknowledgement {
  /** Whose acknowledgement this is: later bundles to this recipient leave these out. */
  recipientDeviceId: string;
  /** Per device, the highest sequence number acknowledged; never lower than before. */
  acked: Record<string, number>;
  /** The sender's bundles the recipient confirms it received. */
  bundles: string[];
}

/**
 * What a device may mark acknowledged after importing `receipt`, on top of what the same
 * recipient acknowledged before. Receipts can arrive out of order (an old one on a USB
 * stick after a newer upload), so an acknowledgement only ever goes up.
 */
export function acknowledge(receipt: Receipt, previous: Acked = {}): Acknowledgement {
  const devices = [...new Set([...Object.keys(previous), ...Object.keys(receipt.held)])].sort();
  // fromEntries defines own properties, so even a device named "__proto__" stays data.
  const acked = Object.fromEntries(
    devices.map((deviceId) => [
      deviceId,
      Math.max(ackedSeq(previous, deviceId), ackedSeq(receipt.held, deviceId)),
    ]),
  );
  return { recipientDeviceId: receipt.issuerDeviceId, acked, bundles: [...receipt.bundles] };
}
