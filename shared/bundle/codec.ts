// The codec's entry points. Reading dispatches on the format version in the preamble, so a
// later version is added as one more entry in FORMATS and every older file stays readable.
import { readU16 } from './bytes.ts';
import { BundleError } from './errors.ts';
import { MAGIC, MAX_PLAUSIBLE_FORMAT_VERSION, PREAMBLE_BYTES } from './limits.ts';
import { type ByteReader, byteReader } from './reader.ts';
import {
  type BundleHeader,
  type BundleSource,
  type DecodeBundleOptions,
  type DecodedBundle,
  type EncodeBundleInput,
} from './types.ts';
import { checkV1, decodeV1, readHeaderV1 } from './v1/decode.ts';
import { encodeBundleV1 } from './v1/encode.ts';

/** What the codec needs from each format version it can read. */
interface FormatReader {
  /** Parses the header from the file's first bytes (preamble included). */
  readHeader(bytes: Uint8Array, version: number): BundleHeader;
  /** Checks the rest of the file without decompressing it (see checkBundle). */
  check(
    reader: ByteReader,
    preamble: Uint8Array,
    version: number,
    options: DecodeBundleOptions,
  ): Promise<BundleHeader>;
  /** Decodes the rest of the file; the reader is positioned just after the preamble. */
  decode(
    reader: ByteReader,
    preamble: Uint8Array,
    version: number,
    options: DecodeBundleOptions,
  ): Promise<DecodedBundle>;
}

const FORMATS: ReadonlyMap<number, FormatReader> = new Map([
  [
    1,
    {
      readHeader: (bytes, version) => readHeaderV1(bytes, version).header,
      check: checkV1,
      decode: decodeV1,
    },
  ],
]);

/**
 * Checks the magic and picks the reader for the version. A file shorter than the preamble
 * whose bytes so far match the magic is cut off ('truncated'), not foreign ('not-a-bundle').
 */
function formatFor(preamble: Uint8Array): { version: number; format: FormatReader } {
  if (preamble.length === 0) throw new BundleError('not-a-bundle', 'the file is empty');
  const magicSeen = preamble.subarray(0, MAGIC.length);
  for (let i = 0; i < magicSeen.length; i++)
    if (magicSeen[i] !== MAGIC[i])
      throw new BundleError('not-a-bundle', 'the file does not start with the bundle magic');
  if (preamble.length < PREAMBLE_BYTES)
    throw new BundleError('truncated', 'the file ends inside the preamble');
  const version = readU16(preamble, MAGIC.length);
  const format = FORMATS.get(version);
  // Version 0 was never written, and versions grow by one per format change: a number no app
  // could have written is damage, not a newer app's file (which would say "update the app").
  if (format === undefined && (version === 0 || version > MAX_PLAUSIBLE_FORMAT_VERSION))
    throw new BundleError('not-a-bundle', `format version ${version} is not a real version`);
  if (format === undefined)
    throw new BundleError(
      'unsupported-version',
      `format version ${version} is not one this app reads`,
      { version },
    );
  return { version, format };
}

function unexpected(cause: unknown): BundleError {
  return cause instanceof BundleError
    ? cause
    : new BundleError('not-a-bundle', 'internal: unexpected failure while reading', { cause });
}

/**
 * Encodes a bundle in the current format version. Throws BundleError for data the format
 * cannot carry ('invalid-change' with its index, 'invalid-payload', 'too-many-recipients',
 * 'header-too-large', 'too-large-when-inflated'), TypeError or RangeError for misuse.
 */
export function encodeBundle(input: EncodeBundleInput): Promise<Uint8Array<ArrayBuffer>> {
  return encodeBundleV1(input);
}

/**
 * Reads the readable header without any key: who sent it, to whom, what it covers. Needs
 * the file's first bytes only (at most HEADER_PREFIX_MAX_BYTES). Nothing here is proven
 * until decodeBundle has checked the signature. Throws only BundleError.
 */
export function readBundleHeader(bytes: Uint8Array): BundleHeader {
  try {
    if (!(bytes instanceof Uint8Array))
      throw new BundleError('not-a-bundle', 'the input is not bytes');
    const { version, format } = formatFor(bytes.subarray(0, PREAMBLE_BYTES));
    return format.readHeader(bytes, version);
  } catch (e) {
    throw unexpected(e);
  }
}

/**
 * Verifies, decrypts and decodes a bundle addressed to this device, streaming chunk by chunk.
 * Returns only once the signature over the whole file has been verified and every change
 * validated; never returns part of a bundle. Throws only BundleError.
 */
export async function decodeBundle(
  source: BundleSource,
  options: DecodeBundleOptions,
): Promise<DecodedBundle> {
  let reader: ByteReader | undefined;
  try {
    reader = byteReader(source);
    const preamble = await reader.readAtMost(PREAMBLE_BYTES);
    const { version, format } = formatFor(preamble);
    return await format.decode(reader, preamble, version, options);
  } catch (e) {
    throw unexpected(e);
  } finally {
    await reader?.close();
  }
}

/**
 * Everything decodeBundle checks short of decompressing: the caps, addressed to this device,
 * every chunk authentic, the signature over the whole file. Returns the header, now proven to
 * be the signer's. For files from devices nobody approved yet: they cost no more than their
 * own size, whatever they would inflate to. Throws only BundleError.
 */
export async function checkBundle(
  source: BundleSource,
  options: DecodeBundleOptions,
): Promise<BundleHeader> {
  let reader: ByteReader | undefined;
  try {
    reader = byteReader(source);
    const preamble = await reader.readAtMost(PREAMBLE_BYTES);
    const { version, format } = formatFor(preamble);
    return await format.check(reader, preamble, version, options);
  } catch (e) {
    throw unexpected(e);
  } finally {
    await reader?.close();
  }
}
