// Reads a v1 bundle. What a third party can break (truncation, altered or reordered chunks, a
// forged signature) is reported where it is found; what only the signer could have produced
// (a malformed payload) is reported after the signature checks out. The caps are checked on
// the header first, and nothing is decompressed until the signature over the whole file has
// been verified: a hostile file costs its own size, never what it claims to inflate to.
import { equalBytes, readU32 } from '../bytes.ts';
import { BundleError } from '../errors.ts';
import { importPublicKey, publicKeyBytes } from '../keys.ts';
import { InflateToText } from '../inflate.ts';
import { MAX_HEADER_BYTES, PREAMBLE_BYTES } from '../limits.ts';
import { checkCaps } from '../caps.ts';
import { type ByteReader } from '../reader.ts';
import { type BundleHeader, type DecodeBundleOptions, type DecodedBundle } from '../types.ts';
import {
  decryptChunk,
  hkdfMaterial,
  keyCommitment,
  payloadKey,
  sha256,
  signedMessage,
  unwrapContentKey,
  verify,
} from './crypto.ts';
import {
  type ParsedHeaderV1,
  SIGNATURE_BYTES,
  TAG_BYTES,
  commitmentBytes,
  parseHeaderV1,
  stanzaBytes,
} from './header.ts';
import { parseChangesPayload, parseJsonPayload } from './payload.ts';

/** Splits a v1 header out of a file's first bytes (the preamble already checked). */
export function readHeaderV1(bytes: Uint8Array, formatVersion: number): ParsedHeaderV1 {
  if (bytes.length < PREAMBLE_BYTES + 4)
    throw new BundleError('truncated', 'the file ends inside the header length');
  const length = readU32(bytes, PREAMBLE_BYTES);
  if (length > MAX_HEADER_BYTES)
    throw new BundleError(
      'header-too-large',
      `the header is ${length} bytes, at most ${MAX_HEADER_BYTES} allowed`,
    );
  const prefixBytes = PREAMBLE_BYTES + 4 + length;
  if (bytes.length < prefixBytes)
    throw new BundleError('truncated', 'the file ends inside the header');
  return parseHeaderV1(bytes.subarray(PREAMBLE_BYTES + 4, prefixBytes), formatVersion, prefixBytes);
}

async function readPrefix(reader: ByteReader, preamble: Uint8Array): Promise<Uint8Array> {
  const lengthBytes = await reader.readExact(4, 'the header length');
  const length = readU32(lengthBytes, 0);
  if (length > MAX_HEADER_BYTES)
    throw new BundleError(
      'header-too-large',
      `the header is ${length} bytes, at most ${MAX_HEADER_BYTES} allowed`,
    );
  const headerBytes = await reader.readExact(length, 'the header');
  const prefix = new Uint8Array(PREAMBLE_BYTES + 4 + length);
  prefix.set(preamble);
  prefix.set(lengthBytes, PREAMBLE_BYTES);
  prefix.set(headerBytes, PREAMBLE_BYTES + 4);
  return prefix;
}

/** Checks addressed to whom and signed by whom, before any decryption. */
async function checkParties(
  parsed: ParsedHeaderV1,
  options: DecodeBundleOptions,
): Promise<CryptoKey> {
  const { header } = parsed;
  if (options.networkId !== undefined && header.networkId !== options.networkId)
    throw new BundleError(
      'not-addressed-to-me',
      `the bundle belongs to network ${header.networkId}`,
    );
  if (options.expectedSenderSigningKey !== undefined) {
    let expected: Uint8Array;
    try {
      expected = await publicKeyBytes(options.expectedSenderSigningKey);
    } catch (cause) {
      throw new BundleError('signer-mismatch', 'the expected signing key cannot be read', {
        cause,
      });
    }
    if (!equalBytes(expected, header.senderKeys.signing))
      throw new BundleError(
        'signer-mismatch',
        `the header names another signing key than the one held for ${header.sender.deviceId}`,
      );
  }
  try {
    return await importPublicKey(header.senderKeys.signing, 'signing');
  } catch (cause) {
    throw new BundleError('not-a-bundle', 'the sender signing key is not an Ed25519 key', {
      cause,
    });
  }
}

async function openContentKey(
  parsed: ParsedHeaderV1,
  options: DecodeBundleOptions,
): Promise<CryptoKey> {
  const stanza = parsed.json.recipients.find((r) => r.deviceId === options.recipientDeviceId);
  if (stanza === undefined)
    throw new BundleError(
      'not-addressed-to-me',
      `the bundle is not addressed to device ${options.recipientDeviceId}`,
    );
  const raw = stanzaBytes(stanza);
  if (options.recipientPublicKey !== undefined) {
    let mine: Uint8Array | null = null;
    try {
      mine = await publicKeyBytes(options.recipientPublicKey);
    } catch {
      mine = null;
    }
    if (mine === null || !equalBytes(mine, raw.publicKey))
      throw new BundleError(
        'not-addressed-to-me',
        'the bundle was made for another key of this device',
      );
  }
  const contentKey = await unwrapContentKey(raw, options.recipientPrivateKey);
  if (contentKey === null)
    throw new BundleError(
      'not-addressed-to-me',
      'this device key does not open the entry addressed to it',
    );
  const material = await hkdfMaterial(contentKey);
  if (!equalBytes(await keyCommitment(material), commitmentBytes(parsed.json)))
    throw new BundleError(
      'payload-altered',
      'the content key does not match the header commitment',
    );
  return material;
}

const CHUNKS_IN_FLIGHT = 4;

interface OpenedChunk {
  readonly index: number;
  readonly sealedLength: number;
  readonly digest: Uint8Array;
  /** null when the chunk failed authentication. */
  readonly plain: Uint8Array | null;
}

/** Hashes (for the signature) and decrypts one chunk; never rejects. */
async function openChunk(
  key: CryptoKey,
  index: number,
  last: boolean,
  sealed: Uint8Array,
): Promise<OpenedChunk> {
  const [digest, plain] = await Promise.all([
    sha256(sealed).catch(() => new Uint8Array(0)),
    decryptChunk(key, index, last, sealed),
  ]);
  return { index, sealedLength: sealed.length, digest, plain: digest.length === 0 ? null : plain };
}

function report(options: DecodeBundleOptions, bytesRead: number, totalBytes: number): void {
  if (options.onProgress === undefined) return;
  try {
    options.onProgress({ bytesRead, totalBytes });
  } catch {
    // Progress is advisory; a failing observer must not change the outcome of an import.
  }
}

/** What the first pass over the chunks leaves: the header, and each chunk's plaintext when kept. */
interface VerifiedV1 {
  readonly parsed: ParsedHeaderV1;
  /** The decrypted (still compressed) chunks, in order; empty when not kept. */
  readonly plains: (Uint8Array | undefined)[];
}

/**
 * Everything short of decompression: header and caps, parties, content key, then every chunk
 * read, hashed and authenticated, then the signature. Nothing is inflated here, so a file no
 * signature vouches for costs at most its own compressed size (the kept plaintexts).
 */
async function verifyV1(
  reader: ByteReader,
  preamble: Uint8Array,
  formatVersion: number,
  options: DecodeBundleOptions,
  keepPlain: boolean,
): Promise<VerifiedV1> {
  const prefix = await readPrefix(reader, preamble);
  const parsed = parseHeaderV1(prefix.subarray(PREAMBLE_BYTES + 4), formatVersion, prefix.length);
  const { header } = parsed;
  const { chunkSize, chunkCount, compressedBytes } = header.payload;
  // What the header declares bounds what reading it may cost: over a cap, nothing more is read.
  checkCaps(header, options.maxInflatedBytes);

  // With the whole file at hand, a length that disagrees with the header is known before any
  // work; from a stream the same cases surface at the end ('truncated' or 'payload-altered').
  if (reader.totalLength !== undefined && reader.totalLength < header.totalBytes)
    throw new BundleError(
      'truncated',
      `the file is ${reader.totalLength} bytes, its header describes ${header.totalBytes}`,
    );
  if (reader.totalLength !== undefined && reader.totalLength > header.totalBytes)
    throw new BundleError(
      'payload-altered',
      `data follows the signature (${reader.totalLength - header.totalBytes} bytes)`,
    );
  const signerKey = await checkParties(parsed, options);
  const contentKey = await openContentKey(parsed, options);
  const key = await payloadKey(contentKey, await sha256(prefix), 'decrypt');

  // Grown as chunks are opened (in order), never sized from the header's claim.
  const digests: Uint8Array[] = [];
  const plains: (Uint8Array | undefined)[] = [];
  let bytesRead = prefix.length;
  report(options, bytesRead, header.totalBytes);
  // Up to CHUNKS_IN_FLIGHT chunks are hashed and decrypted at once; results are used in order.
  const inFlight: Promise<OpenedChunk>[] = [];
  const settleOldest = async () => {
    const opened = await (inFlight.shift() as Promise<OpenedChunk>);
    if (opened.plain === null)
      throw new BundleError(
        'payload-altered',
        `chunk ${opened.index} of ${chunkCount} failed authentication`,
      );
    digests.push(opened.digest);
    if (keepPlain) plains.push(opened.plain);
    bytesRead += opened.sealedLength;
    report(options, bytesRead, header.totalBytes);
  };
  for (let i = 0; i < chunkCount; i++) {
    const last = i === chunkCount - 1;
    const plainLength = last ? compressedBytes - chunkSize * (chunkCount - 1) : chunkSize;
    const sealed = await reader.readExact(plainLength + TAG_BYTES, `chunk ${i}`);
    inFlight.push(openChunk(key, i, last, sealed));
    if (inFlight.length >= CHUNKS_IN_FLIGHT) await settleOldest();
  }
  while (inFlight.length > 0) await settleOldest();
  const signature = await reader.readExact(SIGNATURE_BYTES, 'the signature');
  if (!(await reader.atEnd()))
    throw new BundleError('payload-altered', 'data follows the signature');
  if (!(await verify(signerKey, signature, await signedMessage(prefix, digests))))
    throw new BundleError(
      'bad-signature',
      `the signature does not verify with the key of ${header.sender.deviceId}`,
    );
  return { parsed, plains };
}

/**
 * Checks a v1 bundle as far as it can be without decompressing it: caps, addressed here,
 * every chunk authentic, signed by the key its header names (or the expected one). For files
 * from devices nobody approved yet, which must cost no more than their own size.
 */
export async function checkV1(
  reader: ByteReader,
  preamble: Uint8Array,
  formatVersion: number,
  options: DecodeBundleOptions,
): Promise<BundleHeader> {
  const { parsed } = await verifyV1(reader, preamble, formatVersion, options, false);
  report(options, parsed.header.totalBytes, parsed.header.totalBytes);
  return parsed.header;
}

export async function decodeV1(
  reader: ByteReader,
  preamble: Uint8Array,
  formatVersion: number,
  options: DecodeBundleOptions,
): Promise<DecodedBundle> {
  const { parsed, plains } = await verifyV1(reader, preamble, formatVersion, options, true);
  const { header } = parsed;
  // Only a file its signer vouches for in full is decompressed, a chunk at a time, each chunk
  // let go once inflated. Output past the declared size stops it at once.
  const sink = new InflateToText(header.payload.inflatedBytes);
  for (let i = 0; i < plains.length; i++) {
    sink.push(plains[i] as Uint8Array, i === plains.length - 1);
    plains[i] = undefined;
  }
  report(options, header.totalBytes, header.totalBytes);

  const text = sink.finish();
  if (header.kind === 'changes') {
    const expected = {
      changes: header.counts.changes,
      records: header.counts.records,
      ranges: header.ranges,
    };
    return { kind: 'changes', header, payload: parseChangesPayload(text, expected) };
  }
  return { kind: header.kind, header, payload: parseJsonPayload(header.kind, text) };
}
