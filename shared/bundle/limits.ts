// Constants every format version shares: the magic that opens a bundle file and the caps
// that keep a hostile file from costing more than a bounded amount of memory and work.
import { type BundleKind } from './types.ts';

/** `\x89LLB\r\n\x1a\n`: the high byte and the line-ending bytes catch text-mode mangling. */
export const MAGIC: Uint8Array<ArrayBuffer> = Uint8Array.of(
  0x89,
  0x4c,
  0x4c,
  0x42,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
);
/** Magic, then the format version as a big-endian u16. */
export const PREAMBLE_BYTES = MAGIC.length + 2;
/** The newest format this code writes. */
export const CURRENT_FORMAT_VERSION = 1;
/**
 * The highest version a later app could plausibly have written: versions grow by one per
 * format change, so a version whose high byte is set (or 0) is damage, not the future.
 */
export const MAX_PLAUSIBLE_FORMAT_VERSION = 255;

/** The readable header may not exceed this many bytes. */
export const MAX_HEADER_BYTES = 64 * 1024;
/** A bundle may be addressed to at most this many devices. */
export const MAX_RECIPIENTS = 64;
/** Default decompression cap a caller may lower (the per-kind caps below apply as well). */
export const DEFAULT_MAX_INFLATED_BYTES = 512 * 1024 * 1024;

const MiB = 1024 * 1024;

/** What one bundle of a kind may declare; a header over any of them is refused before any
 *  cryptography or decompression (docs/bundle-format.md, "Caps"). */
export interface KindCaps {
  /** `counts.changes`. */
  readonly changes: number;
  /** Entries of `ranges`. */
  readonly ranges: number;
  /** `payload.chunkCount`. */
  readonly chunks: number;
  /** `payload.compressedBytes` (about the file's size). */
  readonly compressedBytes: number;
  /** `payload.inflatedBytes`. */
  readonly inflatedBytes: number;
}

/**
 * Per kind. Changes: five times the benchmark's 100,000 changes (7.8 MB inflated, 1.1 MB
 * compressed). Receipts and profiles are small JSON (64 devices x 1,000 bundle ids is under
 * 4 MB) and cover no sequence ranges.
 */
export const KIND_CAPS: { readonly [K in BundleKind]: KindCaps } = {
  changes: {
    changes: 500_000,
    ranges: 1_000,
    chunks: 4_096,
    compressedBytes: 32 * MiB,
    inflatedBytes: 64 * MiB,
  },
  receipt: {
    changes: 0,
    ranges: 0,
    chunks: 1_024,
    compressedBytes: 4 * MiB,
    inflatedBytes: 8 * MiB,
  },
  profile: {
    changes: 0,
    ranges: 0,
    chunks: 1_024,
    compressedBytes: 4 * MiB,
    inflatedBytes: 8 * MiB,
  },
};

/**
 * Inflated bytes may be at most this many times the compressed bytes (past the floor below).
 * Real payloads inflate about 7:1 (columnar JSON of changes); DEFLATE can reach 1032:1, which
 * is what a compression bomb uses. Checked on the header, before decompressing anything.
 */
export const MAX_INFLATION_RATIO = 64;
/** Payloads up to this size are never refused for their ratio (tiny files compress oddly). */
export const INFLATION_RATIO_FLOOR_BYTES = 1 * MiB;

export const DEFAULT_CHUNK_SIZE = 64 * 1024;
export const MIN_CHUNK_SIZE = 16;
export const MAX_CHUNK_SIZE = 4 * 1024 * 1024;

/** readBundleHeader never needs more than this many bytes from the start of a file. */
export const HEADER_PREFIX_MAX_BYTES = PREAMBLE_BYTES + 4 + MAX_HEADER_BYTES;
