// The v1 readable header: a UTF-8 JSON object, length-prefixed after the preamble. This file
// builds it and parses it strictly; a header that parses here is internally consistent.
import { z } from 'zod';
import { deviceIdSchema } from '../../sync/change.ts';
import { fromBase64Url, toBase64Url, utf8 } from '../bytes.ts';
import { BundleError } from '../errors.ts';
import { MAX_CHUNK_SIZE, MAX_RECIPIENTS, MIN_CHUNK_SIZE } from '../limits.ts';
import {
  BUNDLE_KINDS,
  type BundleHeader,
  type BundleHeaderFields,
  type BundleKind,
  type SeqRange,
} from '../types.ts';

export const KEY_BYTES = 32;
/** AES-256-GCM of the 32-byte content key: ciphertext plus 16-byte tag. */
export const WRAPPED_KEY_BYTES = 48;
export const TAG_BYTES = 16;
export const SIGNATURE_BYTES = 64;

const bytesB64 = (length: number) =>
  z
    .string()
    .length(Math.ceil((length * 4) / 3))
    .refine((s) => fromBase64Url(s)?.length === length, 'not canonical base64url');

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const seqSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const rangeSchema = z
  .strictObject({ deviceId: deviceIdSchema, fromSeq: seqSchema, toSeq: seqSchema })
  .refine((r) => r.fromSeq <= r.toSeq, 'fromSeq must not exceed toSeq');

const stanzaSchema = z.strictObject({
  deviceId: deviceIdSchema,
  /** The recipient's X25519 public key, part of the HKDF salt (a private CryptoKey cannot tell it). */
  publicKey: bytesB64(KEY_BYTES),
  ephemeralKey: bytesB64(KEY_BYTES),
  wrappedKey: bytesB64(WRAPPED_KEY_BYTES),
});
export type Stanza = z.infer<typeof stanzaSchema>;

/** The header fields the caller supplies, checked before anything is encrypted. */
export const headerFieldsSchema = z.strictObject({
  bundleId: idSchema,
  networkId: idSchema,
  sender: z.strictObject({
    deviceId: deviceIdSchema,
    officerId: z.string().min(1).max(100),
    postCode: z.string().min(1).max(32).nullable(),
  }),
  ranges: z.array(rangeSchema),
  appVersion: z.string().min(1).max(64),
  catalogueVersion: count,
  createdAt: z.iso.datetime({ offset: true }),
});

const headerSchema = z
  .strictObject({
    kind: z.enum(BUNDLE_KINDS),
    ...headerFieldsSchema.shape,
    senderKeys: z.strictObject({ signing: bytesB64(KEY_BYTES), encryption: bytesB64(KEY_BYTES) }),
    counts: z.strictObject({ changes: count, records: count }),
    payload: z.strictObject({
      chunkSize: z.number().int().min(MIN_CHUNK_SIZE).max(MAX_CHUNK_SIZE),
      chunkCount: z
        .number()
        .int()
        .positive()
        // Far above any real bundle (the inflation cap bounds them first), and small enough
        // that a hostile count can never size an allocation or a loop out of range.
        .max(2 ** 32 - 1),
      compressedBytes: z
        .number()
        .int()
        .positive()
        .max(2 ** 52),
      inflatedBytes: count,
      keyCommitment: bytesB64(KEY_BYTES),
    }),
    recipients: z.array(stanzaSchema).min(1).max(MAX_RECIPIENTS),
  })
  .superRefine((h, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (h.payload.chunkCount !== Math.ceil(h.payload.compressedBytes / h.payload.chunkSize))
      issue('chunkCount does not match compressedBytes and chunkSize');
    if (new Set(h.recipients.map((r) => r.deviceId)).size !== h.recipients.length)
      issue('a device appears twice among the recipients');
    if (h.counts.records > h.counts.changes) issue('more records than changes');
    if (h.kind !== 'changes' && (h.counts.changes !== 0 || h.counts.records !== 0))
      issue(`a ${h.kind} bundle carries no changes`);
  });

/**
 * A bundle carries only its sender's own changes: every declared range must be the signing
 * device's. Otherwise a signed bundle could claim another device's sequence numbers and its
 * receipt would acknowledge changes that device never sent (v1 has no relaying).
 */
export function foreignRange(
  sender: { readonly deviceId: string },
  ranges: readonly SeqRange[],
): BundleError | null {
  const other = ranges.find((r) => r.deviceId !== sender.deviceId);
  if (!other) return null;
  return new BundleError(
    'invalid-payload',
    `the bundle declares changes of ${other.deviceId}, but only ${sender.deviceId}'s own changes may travel in it`,
  );
}

/** The header as it sits in the file (keys in base64url). */
export type HeaderJson = z.infer<typeof headerSchema>;

/** A parsed header plus what decoding needs that the public BundleHeader leaves out. */
export interface ParsedHeaderV1 {
  readonly header: BundleHeader;
  readonly json: HeaderJson;
}

/** Builds the header JSON text; key order is fixed so the same inputs give the same bytes. */
export function buildHeaderJson(
  kind: BundleKind,
  fields: BundleHeaderFields,
  senderKeys: { signing: Uint8Array; encryption: Uint8Array },
  counts: { changes: number; records: number },
  payload: {
    chunkSize: number;
    chunkCount: number;
    compressedBytes: number;
    inflatedBytes: number;
    keyCommitment: Uint8Array;
  },
  recipients: readonly {
    deviceId: string;
    publicKey: Uint8Array;
    ephemeralKey: Uint8Array;
    wrappedKey: Uint8Array;
  }[],
): Uint8Array<ArrayBuffer> {
  const json: HeaderJson = {
    kind,
    bundleId: fields.bundleId,
    networkId: fields.networkId,
    sender: {
      deviceId: fields.sender.deviceId,
      officerId: fields.sender.officerId,
      postCode: fields.sender.postCode,
    },
    ranges: fields.ranges.map((r) => ({
      deviceId: r.deviceId,
      fromSeq: r.fromSeq,
      toSeq: r.toSeq,
    })),
    appVersion: fields.appVersion,
    catalogueVersion: fields.catalogueVersion,
    createdAt: fields.createdAt,
    senderKeys: {
      signing: toBase64Url(senderKeys.signing),
      encryption: toBase64Url(senderKeys.encryption),
    },
    counts: { changes: counts.changes, records: counts.records },
    payload: {
      chunkSize: payload.chunkSize,
      chunkCount: payload.chunkCount,
      compressedBytes: payload.compressedBytes,
      inflatedBytes: payload.inflatedBytes,
      keyCommitment: toBase64Url(payload.keyCommitment),
    },
    recipients: recipients.map((r) => ({
      deviceId: r.deviceId,
      publicKey: toBase64Url(r.publicKey),
      ephemeralKey: toBase64Url(r.ephemeralKey),
      wrappedKey: toBase64Url(r.wrappedKey),
    })),
  };
  return utf8(JSON.stringify(json));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function b64(s: string): Uint8Array<ArrayBuffer> {
  // Only called on strings the schema already checked.
  return fromBase64Url(s) ?? new Uint8Array(0);
}

/**
 * Parses header bytes. Throws BundleError: 'too-many-recipients' when the recipient list is
 * over the cap, 'not-a-bundle' for anything else that is not a well-formed v1 header.
 */
export function parseHeaderV1(
  bytes: Uint8Array,
  formatVersion: number,
  totalPrefixBytes: number,
): ParsedHeaderV1 {
  let raw: unknown;
  try {
    raw = JSON.parse(strictUtf8.decode(bytes));
  } catch (cause) {
    throw new BundleError('not-a-bundle', 'the header is not UTF-8 JSON', { cause });
  }
  if (typeof raw === 'object' && raw !== null && 'recipients' in raw) {
    const recipients: unknown = raw.recipients;
    if (Array.isArray(recipients) && recipients.length > MAX_RECIPIENTS)
      throw new BundleError(
        'too-many-recipients',
        `${recipients.length} recipients, at most ${MAX_RECIPIENTS} allowed`,
      );
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success)
    throw new BundleError('not-a-bundle', `malformed header: ${z.prettifyError(parsed.error)}`);
  const json = parsed.data;
  const foreign = foreignRange(json.sender, json.ranges);
  if (foreign) throw foreign;
  const p = json.payload;
  const header: BundleHeader = {
    formatVersion,
    kind: json.kind,
    bundleId: json.bundleId,
    networkId: json.networkId,
    sender: json.sender,
    ranges: json.ranges,
    appVersion: json.appVersion,
    catalogueVersion: json.catalogueVersion,
    createdAt: json.createdAt,
    senderKeys: {
      signing: b64(json.senderKeys.signing),
      encryption: b64(json.senderKeys.encryption),
    },
    counts: json.counts,
    recipients: json.recipients.map((r) => r.deviceId),
    payload: {
      chunkSize: p.chunkSize,
      chunkCount: p.chunkCount,
      compressedBytes: p.compressedBytes,
      inflatedBytes: p.inflatedBytes,
    },
    totalBytes: totalPrefixBytes + p.compressedBytes + p.chunkCount * TAG_BYTES + SIGNATURE_BYTES,
  };
  return { header, json };
}

export function stanzaBytes(s: Stanza): {
  publicKey: Uint8Array<ArrayBuffer>;
  ephemeralKey: Uint8Array<ArrayBuffer>;
  wrappedKey: Uint8Array<ArrayBuffer>;
} {
  return {
    publicKey: b64(s.publicKey),
    ephemeralKey: b64(s.ephemeralKey),
    wrappedKey: b64(s.wrappedKey),
  };
}

export function commitmentBytes(json: HeaderJson): Uint8Array<ArrayBuffer> {
  return b64(json.payload.keyCommitment);
}
