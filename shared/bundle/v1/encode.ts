// Writes a v1 bundle: serialize, compress, encrypt in chunks, wrap the content key for each
// recipient, sign. The whole file is laid out in one buffer of its final size.
import { deflateSync } from 'fflate';
import { utf8, writeU16, writeU32 } from '../bytes.ts';
import { BundleError } from '../errors.ts';
import { importPublicKey, publicKeyBytes } from '../keys.ts';
import {
  DEFAULT_CHUNK_SIZE,
  DEFAULT_MAX_INFLATED_BYTES,
  MAGIC,
  MAX_CHUNK_SIZE,
  MAX_HEADER_BYTES,
  MAX_RECIPIENTS,
  MIN_CHUNK_SIZE,
  PREAMBLE_BYTES,
} from '../limits.ts';
import { type BundleHeaderFields, type BundleKind, type EncodeBundleInput } from '../types.ts';
import {
  encryptChunk,
  hkdfMaterial,
  keyCommitment,
  payloadKey,
  randomContentKey,
  sha256,
  sign,
  signedMessage,
  verify,
  wrapContentKey,
} from './crypto.ts';
import {
  SIGNATURE_BYTES,
  TAG_BYTES,
  buildHeaderJson,
  foreignRange,
  headerFieldsSchema,
} from './header.ts';
import { serializePayload } from './payload.ts';
import { checkCaps } from '../caps.ts';

export const FORMAT_VERSION_V1 = 1;
const DEFAULT_LEVEL = 3;
/** Chunks encrypted at once: enough to keep WebCrypto's worker threads busy, little memory. */
const PARALLEL_CHUNKS = 8;

function checkArguments(input: EncodeBundleInput): { chunkSize: number; maxInflated: number } {
  const fields = headerFieldsSchema.safeParse({
    bundleId: input.bundleId,
    networkId: input.networkId,
    sender: input.sender,
    ranges: input.ranges,
    appVersion: input.appVersion,
    catalogueVersion: input.catalogueVersion,
    createdAt: input.createdAt,
  });
  if (!fields.success)
    throw new TypeError(`encodeBundle: invalid header fields: ${fields.error.message}`);
  const foreign = foreignRange(input.sender, input.ranges);
  if (foreign) throw foreign;
  if (input.recipients.length === 0)
    throw new TypeError('encodeBundle: a bundle needs at least one recipient');
  if (input.recipients.length > MAX_RECIPIENTS)
    throw new BundleError(
      'too-many-recipients',
      `${input.recipients.length} recipients, at most ${MAX_RECIPIENTS} allowed`,
    );
  if (new Set(input.recipients.map((r) => r.deviceId)).size !== input.recipients.length)
    throw new TypeError('encodeBundle: a device appears twice among the recipients');
  const chunkSize = input.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE)
    throw new RangeError(
      `encodeBundle: chunkSize must be an integer from ${MIN_CHUNK_SIZE} to ${MAX_CHUNK_SIZE}`,
    );
  return { chunkSize, maxInflated: input.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES };
}

export async function encodeBundleV1(input: EncodeBundleInput): Promise<Uint8Array<ArrayBuffer>> {
  const { chunkSize, maxInflated } = checkArguments(input);
  const serialized = serializePayload(input.kind, input.payload, input.ranges);
  const plain = utf8(serialized.text);
  if (plain.length > maxInflated)
    throw new BundleError(
      'too-large-when-inflated',
      `the payload is ${plain.length} bytes, the cap is ${maxInflated}`,
    );
  const compressed = deflateSync(plain, { level: input.compressionLevel ?? DEFAULT_LEVEL });
  const counts = { changes: serialized.changes, records: serialized.records };
  // A bundle its readers would refuse is never written: the same caps, on the same numbers.
  checkCaps(
    {
      kind: input.kind,
      counts,
      ranges: input.ranges,
      payload: {
        chunkCount: Math.ceil(compressed.length / chunkSize),
        compressedBytes: compressed.length,
        inflatedBytes: plain.length,
      },
    },
    maxInflated,
  );
  return sealV1({
    kind: input.kind,
    fields: input,
    counts,
    inflatedBytes: plain.length,
    compressed,
    chunkSize,
    signingKey: input.signingKey,
    senderPublicKeys: input.senderPublicKeys,
    recipients: input.recipients,
  });
}

/** Everything sealV1 writes into a file, the payload already serialized and compressed. */
export interface SealInputV1 {
  readonly kind: BundleKind;
  readonly fields: BundleHeaderFields;
  readonly counts: { readonly changes: number; readonly records: number };
  readonly inflatedBytes: number;
  readonly compressed: Uint8Array;
  readonly chunkSize: number;
  readonly signingKey: CryptoKey;
  readonly senderPublicKeys: EncodeBundleInput['senderPublicKeys'];
  readonly recipients: EncodeBundleInput['recipients'];
}

/**
 * Wraps, encrypts and signs an already compressed payload. It trusts its input: tests use it
 * directly to make validly signed bundles with wrong contents, which readers must refuse.
 */
export async function sealV1(input: SealInputV1): Promise<Uint8Array<ArrayBuffer>> {
  const { compressed, chunkSize } = input;
  const chunkCount = Math.ceil(compressed.length / chunkSize);
  const senderKeys = {
    signing: await publicKeyBytes(input.senderPublicKeys.signing),
    encryption: await publicKeyBytes(input.senderPublicKeys.encryption),
  };
  const contentKey = randomContentKey();
  const material = await hkdfMaterial(contentKey);
  const stanzas = await Promise.all(
    input.recipients.map(async (r) => {
      const raw = await publicKeyBytes(r.publicKey);
      const key =
        r.publicKey instanceof Uint8Array ? await importPublicKey(raw, 'encryption') : r.publicKey;
      return {
        deviceId: r.deviceId,
        publicKey: raw,
        ...(await wrapContentKey(contentKey, key, raw)),
      };
    }),
  );

  const headerBytes = buildHeaderJson(
    input.kind,
    input.fields,
    senderKeys,
    input.counts,
    {
      chunkSize,
      chunkCount,
      compressedBytes: compressed.length,
      inflatedBytes: input.inflatedBytes,
      keyCommitment: await keyCommitment(material),
    },
    stanzas,
  );
  if (headerBytes.length > MAX_HEADER_BYTES)
    throw new BundleError(
      'header-too-large',
      `the header is ${headerBytes.length} bytes, at most ${MAX_HEADER_BYTES} allowed`,
    );

  const prefix = new Uint8Array(PREAMBLE_BYTES + 4 + headerBytes.length);
  prefix.set(MAGIC);
  writeU16(prefix, MAGIC.length, FORMAT_VERSION_V1);
  writeU32(prefix, PREAMBLE_BYTES, headerBytes.length);
  prefix.set(headerBytes, PREAMBLE_BYTES + 4);

  const key = await payloadKey(material, await sha256(prefix), 'encrypt');
  const out = new Uint8Array(
    prefix.length + compressed.length + chunkCount * TAG_BYTES + SIGNATURE_BYTES,
  );
  out.set(prefix);
  const digests = new Array<Uint8Array>(chunkCount);
  for (let first = 0; first < chunkCount; first += PARALLEL_CHUNKS) {
    const batch: Promise<void>[] = [];
    for (let i = first; i < Math.min(first + PARALLEL_CHUNKS, chunkCount); i++) {
      batch.push(
        (async () => {
          const plainChunk = compressed.subarray(i * chunkSize, (i + 1) * chunkSize);
          const sealed = await encryptChunk(key, i, i === chunkCount - 1, plainChunk);
          out.set(sealed, prefix.length + i * (chunkSize + TAG_BYTES));
          digests[i] = await sha256(sealed);
        })(),
      );
    }
    await Promise.all(batch);
  }

  const message = await signedMessage(prefix, digests);
  const signature = await sign(input.signingKey, message);
  // A bundle signed with a key other than the one its header names would be refused by
  // every reader: catch that mix-up here, where it can still be fixed.
  const signingPublic =
    input.senderPublicKeys.signing instanceof Uint8Array
      ? await importPublicKey(senderKeys.signing, 'signing')
      : input.senderPublicKeys.signing;
  if (!(await verify(signingPublic, signature, message)))
    throw new TypeError('encodeBundle: signingKey does not belong to senderPublicKeys.signing');
  out.set(signature, out.length - SIGNATURE_BYTES);
  return out;
}
