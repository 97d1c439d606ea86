// Constants every format version shares: the magic that opens a bundle file and the caps
// that keep a hostile file from costing more than a bounded amount of memory and work.

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

/** The readable header may not exceed this many bytes. */
export const MAX_HEADER_BYTES = 64 * 1024;
/** A bundle may be addressed to at most this many devices. */
export const MAX_RECIPIENTS = 64;
/** Default decompression cap: the serialized payload may not exceed this once inflated. */
export const DEFAULT_MAX_INFLATED_BYTES = 512 * 1024 * 1024;

export const DEFAULT_CHUNK_SIZE = 64 * 1024;
export const MIN_CHUNK_SIZE = 16;
export const MAX_CHUNK_SIZE = 4 * 1024 * 1024;

/** readBundleHeader never needs more than this many bytes from the start of a file. */
export const HEADER_PREFIX_MAX_BYTES = PREAMBLE_BYTES + 4 + MAX_HEADER_BYTES;
