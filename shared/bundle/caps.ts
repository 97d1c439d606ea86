// The per-kind caps, checked on the readable header before any cryptography or decompression:
// what a file declares decides what reading it may cost, so a header over a cap is refused at
// once, naming the cap, whatever the rest of the file holds (docs/bundle-format.md, "Caps").
import { BundleError } from './errors.ts';
import {
  DEFAULT_MAX_INFLATED_BYTES,
  INFLATION_RATIO_FLOOR_BYTES,
  KIND_CAPS,
  MAX_INFLATION_RATIO,
} from './limits.ts';
import { type BundleHeader } from './types.ts';

/** The parts of a header the caps look at (the writer checks them before it seals). */
export type CappedHeader = Pick<BundleHeader, 'kind' | 'counts' | 'ranges'> & {
  readonly payload: Pick<
    BundleHeader['payload'],
    'chunkCount' | 'compressedBytes' | 'inflatedBytes'
  >;
};

function over(
  code: 'too-many-changes' | 'too-many-ranges' | 'too-many-chunks' | 'too-large',
  what: string,
  actual: number,
  limit: number,
): BundleError {
  return new BundleError(code, `${what}: ${actual}, at most ${limit} allowed`, { actual, limit });
}

/** The inflation cap for this file: its kind's, lowered by the caller's when it gives one. */
export function inflatedCapFor(header: CappedHeader, callerCap: unknown): number {
  // A cap that is not a number (misuse) falls back to the default rather than to no cap.
  const caller =
    typeof callerCap === 'number' && callerCap >= 0 ? callerCap : DEFAULT_MAX_INFLATED_BYTES;
  return Math.min(caller, KIND_CAPS[header.kind].inflatedBytes);
}

/** Throws the BundleError of the first cap the header goes over. */
export function checkCaps(header: CappedHeader, callerInflatedCap?: number): void {
  const caps = KIND_CAPS[header.kind];
  const { chunkCount, compressedBytes, inflatedBytes } = header.payload;
  if (header.counts.changes > caps.changes)
    throw over('too-many-changes', 'changes', header.counts.changes, caps.changes);
  if (header.ranges.length > caps.ranges)
    throw over('too-many-ranges', 'ranges', header.ranges.length, caps.ranges);
  if (chunkCount > caps.chunks) throw over('too-many-chunks', 'chunks', chunkCount, caps.chunks);
  if (compressedBytes > caps.compressedBytes)
    throw over('too-large', 'compressed bytes', compressedBytes, caps.compressedBytes);
  const maxInflated = inflatedCapFor(header, callerInflatedCap);
  if (inflatedBytes > maxInflated)
    throw new BundleError(
      'too-large-when-inflated',
      `the payload would inflate to ${inflatedBytes} bytes, the cap is ${maxInflated}`,
      { actual: inflatedBytes, limit: maxInflated },
    );
  if (
    inflatedBytes > INFLATION_RATIO_FLOOR_BYTES &&
    inflatedBytes > compressedBytes * MAX_INFLATION_RATIO
  ) {
    const ratio = Math.floor(inflatedBytes / compressedBytes);
    throw new BundleError(
      'inflation-ratio',
      `the payload would inflate ${ratio} times, at most ${MAX_INFLATION_RATIO} allowed`,
      { actual: ratio, limit: MAX_INFLATION_RATIO },
    );
  }
}
