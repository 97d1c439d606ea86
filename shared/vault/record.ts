// The stored vault record (JSON-safe) and its strict reading: a record that is not exactly a
// v1 or v2 record is refused as 'corrupt' or 'unsupported-version' before any key is derived.
// Version 2 differs only in labels (labels.ts): its key check and HQ copy use the vault's own,
// version 1 borrowed the bundle format's. Every record written now is version 2.
import { z } from 'zod';
import { fromBase64Url, toBase64Url, utf8 } from '../bundle/bytes.ts';
import { sha256 } from '../bundle/v1/crypto.ts';
import { VaultError } from './errors.ts';

export const VAULT_VERSION = 2;
/** Records before the vault had labels of its own; read, and rewritten at the next unlock. */
export const LEGACY_VAULT_VERSION = 1;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
export const KEY_BYTES = 32;
/** AES-GCM tag (16 bytes) after the 32-byte key. */
const WRAPPED_KEY_BYTES = KEY_BYTES + 16;
const CHECKSUM_BYTES = 16;
/** Above this, one unlock would take many seconds: treat as damage rather than hang. */
export const MAX_ITERATIONS = 10_000_000;

/** The data key wrapped for HQ's X25519 recovery key (v1: HQ's bundle key, with its labels). */
export interface VaultEscrow {
  /** HQ's X25519 public key, 32 bytes, base64url. */
  readonly recipient: string;
  readonly ephemeralKey: string;
  readonly wrappedKey: string;
}

export interface VaultRecord {
  readonly version: 1 | 2;
  readonly kdf: {
    readonly name: 'PBKDF2';
    readonly hash: 'SHA-256';
    readonly iterations: number;
    /** 16 random bytes, base64url. */
    readonly salt: string;
  };
  /** The data key, AES-256-GCM under the passphrase key. */
  readonly dataKey: { readonly iv: string; readonly wrapped: string };
  /** A one-way commitment to the data key, so a recovery proves it found this vault's key. */
  readonly keyCheck: string;
  readonly escrow: VaultEscrow | null;
  /** Set by HQ's recovery: the app asks for a new passphrase right after unlocking. */
  readonly mustChangePassphrase: boolean;
  /** SHA-256 of the fields above: tells accidental damage apart from a wrong passphrase. */
  readonly checksum: string;
}

export type UncheckedVaultRecord = Omit<VaultRecord, 'checksum'>;

const b64 = (bytes: number) =>
  z.string().refine((s) => fromBase64Url(s)?.length === bytes, `${bytes} bytes in base64url`);

const recordSchema = z
  .object({
    version: z.union([z.literal(LEGACY_VAULT_VERSION), z.literal(VAULT_VERSION)]),
    kdf: z.strictObject({
      name: z.literal('PBKDF2'),
      hash: z.literal('SHA-256'),
      iterations: z.number().int().min(1).max(MAX_ITERATIONS),
      salt: b64(SALT_BYTES),
    }),
    dataKey: z.strictObject({ iv: b64(IV_BYTES), wrapped: b64(WRAPPED_KEY_BYTES) }),
    keyCheck: b64(KEY_BYTES),
    escrow: z
      .strictObject({
        recipient: b64(KEY_BYTES),
        ephemeralKey: b64(KEY_BYTES),
        wrappedKey: b64(WRAPPED_KEY_BYTES),
      })
      .nullable(),
    mustChangePassphrase: z.boolean(),
    checksum: b64(CHECKSUM_BYTES),
  })
  .strict();

/** Decoded base64url of a field already validated by the schema. */
export function bytesOf(text: string): Uint8Array<ArrayBuffer> {
  const bytes = fromBase64Url(text);
  if (bytes === null) throw new VaultError('corrupt', 'invalid base64url');
  return bytes;
}

async function checksumOf(r: UncheckedVaultRecord): Promise<string> {
  // A fixed-order array, so the digest does not depend on how the record's keys were ordered.
  const canonical = JSON.stringify([
    r.version,
    r.kdf.name,
    r.kdf.hash,
    r.kdf.iterations,
    r.kdf.salt,
    r.dataKey.iv,
    r.dataKey.wrapped,
    r.keyCheck,
    r.escrow && [r.escrow.recipient, r.escrow.ephemeralKey, r.escrow.wrappedKey],
    r.mustChangePassphrase,
  ]);
  return toBase64Url((await sha256(utf8(canonical))).subarray(0, CHECKSUM_BYTES));
}

/** Seals a record for storage by adding its checksum. */
export async function finishRecord(unchecked: UncheckedVaultRecord): Promise<VaultRecord> {
  return { ...unchecked, checksum: await checksumOf(unchecked) };
}

/**
 * Reads a stored value as a v1 or v2 record, or throws 'unsupported-version' (a newer app made it)
 * or 'corrupt' (anything else, including a checksum that does not match).
 */
export async function readRecord(value: unknown): Promise<VaultRecord> {
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > VAULT_VERSION) {
    throw new VaultError('unsupported-version', `vault record version ${version}`, { version });
  }
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) {
    throw new VaultError('corrupt', 'not a vault record', { cause: parsed.error });
  }
  const record: VaultRecord = parsed.data;
  const { checksum, ...rest } = record;
  if ((await checksumOf(rest)) !== checksum) {
    throw new VaultError('corrupt', 'vault record checksum does not match');
  }
  return record;
}
