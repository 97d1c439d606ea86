// Streaming, capped DEFLATE (RFC 1951, raw) inflation straight into text. The cap is enforced
// as output appears, and slices shrink as the cap nears, so a decompression bomb whose header
// lies costs at most about MIN_SLICE_BYTES * 1032 (4 MiB) of output past its declared size.
import { Inflate } from 'fflate';
import { BundleError } from './errors.ts';

/** Compressed bytes fed to the inflater at a time while far from the cap; smaller slices
 *  cost time (8 KiB slices inflate ~30% slower than 64 KiB ones on our payloads). */
const SLICE_BYTES = 32 * 1024;
/** DEFLATE expands at most ~1032:1, so a slice of s bytes yields at most ~1032 * s. */
const MAX_DEFLATE_RATIO = 1032;
/** The smallest slice: bounds the overshoot past the cap to about 4 MiB. */
const MIN_SLICE_BYTES = 4 * 1024;

/**
 * Inflates compressed pieces as they are decrypted and decodes them as UTF-8. Going over the
 * expected size throws at once ('too-large-when-inflated'); a malformed stream or bad UTF-8 is
 * only remembered, and reported by finish(), so that the signature is checked first.
 */
export class InflateToText {
  private readonly inflater: Inflate;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly parts: string[] = [];
  private inflated = 0;
  private problem: string | null = null;
  private overflow = false;
  private readonly expectedBytes: number;

  constructor(expectedBytes: number) {
    this.expectedBytes = expectedBytes;
    this.inflater = new Inflate((data: Uint8Array) => this.take(data));
  }

  private take(data: Uint8Array): void {
    this.inflated += data.length;
    if (this.inflated > this.expectedBytes) {
      this.overflow = true;
      return;
    }
    try {
      this.parts.push(this.decoder.decode(data, { stream: true }));
    } catch {
      this.problem = 'the payload is not UTF-8 text';
    }
  }

  push(compressed: Uint8Array, last: boolean): void {
    let offset = 0;
    do {
      if (this.problem !== null) return;
      // No slice may inflate far past what is left of the declared size.
      const room = Math.max(0, this.expectedBytes - this.inflated);
      const slice = Math.max(
        MIN_SLICE_BYTES,
        Math.min(SLICE_BYTES, Math.floor(room / MAX_DEFLATE_RATIO)),
      );
      const end = Math.min(offset + slice, compressed.length);
      try {
        this.inflater.push(compressed.subarray(offset, end), last && end === compressed.length);
      } catch {
        this.problem = 'the payload is not a valid DEFLATE stream';
      }
      if (this.overflow)
        throw new BundleError(
          'too-large-when-inflated',
          `the payload inflates past its declared ${this.expectedBytes} bytes`,
          { limit: this.expectedBytes },
        );
      offset = end;
    } while (offset < compressed.length);
  }

  /** The whole text, or the problem found while inflating. */
  finish(): string {
    if (this.problem === null && this.inflated !== this.expectedBytes)
      this.problem = `the payload inflates to ${this.inflated} bytes, the header says ${this.expectedBytes}`;
    if (this.problem === null) {
      try {
        this.parts.push(this.decoder.decode());
      } catch {
        this.problem = 'the payload is not UTF-8 text';
      }
    }
    if (this.problem !== null) throw new BundleError('invalid-payload', this.problem);
    return this.parts.join('');
  }
}
