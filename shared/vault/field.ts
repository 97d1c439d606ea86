// Sensitive field values sealed with the data key: AES-256-GCM, a random 96-bit IV, and the
// record id and field name bound in as additional data, so a sealed value cannot be moved.
import { type Json } from '../sync/change.ts';
import { bufferSource, equalBytes, fromBase64Url, toBase64Url, utf8 } from '../bundle/bytes.ts';
import { sha256 } from '../bundle/v1/crypto.ts';
import { VaultError } from './errors.ts';
import { IV_BYTES } from './record.ts';

/** Where a sealed value lives. Both parts are bound in: a value copied elsewhere fails. */
export interface FieldContext {
  readonly recordId: string;
  readonly field: string;
}

const FIELD_VERSION = 1;
const TAG_BYTES = 6;
/** Plaintext is padded to a multiple of this, so a ciphertext tells a name's length only roughly. */
const PAD_BLOCK = 32;
/** `v<version>.<context tag>.<iv>.<ciphertext>`, all base64url. */
const SEALED =
  /^v([1-9][0-9]{0,5})\.([A-Za-z0-9_-]{8,})\.([A-Za-z0-9_-]{16,})\.([A-Za-z0-9_-]{22,})$/;
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** Unambiguous whatever the strings hold (a JSON array, not a joined string). */
function additionalData(context: FieldContext): Uint8Array<ArrayBuffer> {
  if (context.recordId === '' || context.field === '') {
    throw new TypeError('a field context needs a record id and a field name');
  }
  return utf8(JSON.stringify(['liaison-log/vault/v1/field', context.recordId, context.field]));
}

/**
 * A short public digest of the context, so a value in the wrong place is reported as such
 * rather than as damage. It reveals nothing the stored record does not show beside it.
 */
async function contextTag(aad: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return (await sha256(aad)).subarray(0, TAG_BYTES);
}

/** Keys already checked, per use: a key's algorithm and usages never change. */
const checkedKeys = { encrypt: new WeakSet<CryptoKey>(), decrypt: new WeakSet<CryptoKey>() };

function requireDataKey(key: CryptoKey, usage: 'encrypt' | 'decrypt'): void {
  if (checkedKeys[usage].has(key)) return;
  if (key.algorithm.name !== 'AES-GCM' || !key.usages.includes(usage)) {
    throw new TypeError(`the vault data key must be an AES-GCM key allowed to ${usage}`);
  }
  checkedKeys[usage].add(key);
}

/** Padding with spaces keeps the text valid JSON: JSON.parse skips trailing whitespace. */
function padded(json: string): Uint8Array<ArrayBuffer> {
  const bytes = utf8(json);
  const length = Math.ceil(bytes.length / PAD_BLOCK) * PAD_BLOCK;
  const out = new Uint8Array(length).fill(0x20);
  out.set(bytes);
  return out;
}

/** True when `value` has the shape of a sealed value (of this or a later version). */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && SEALED.test(value);
}

/** Seals a JSON value for storage as `v1.<tag>.<iv>.<ciphertext>`. */
export async function encryptField(
  dataKey: CryptoKey,
  value: Json,
  context: FieldContext,
): Promise<string> {
  requireDataKey(dataKey, 'encrypt');
  const aad = additionalData(context);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad },
    dataKey,
    padded(JSON.stringify(value)),
  );
  const parts = [await contextTag(aad), iv, new Uint8Array(sealed)].map(toBase64Url);
  return `v${FIELD_VERSION}.${parts.join('.')}`;
}

/**
 * Opens a sealed value. Throws VaultError 'wrong-context' (sealed for another record or
 * field), 'unsupported-version' (a newer app sealed it) or 'corrupt' (anything else).
 */
export async function decryptField(
  dataKey: CryptoKey,
  sealed: string,
  context: FieldContext,
): Promise<Json> {
  requireDataKey(dataKey, 'decrypt');
  const aad = additionalData(context);
  const match = SEALED.exec(sealed);
  if (match === null) throw new VaultError('corrupt', 'not a sealed field value');
  const version = Number(match[1]);
  if (version !== FIELD_VERSION) {
    throw new VaultError('unsupported-version', `sealed field version ${version}`, { version });
  }
  const tag = fromBase64Url(match[2] ?? '');
  const iv = fromBase64Url(match[3] ?? '');
  const ciphertext = fromBase64Url(match[4] ?? '');
  if (tag?.length !== TAG_BYTES || iv?.length !== IV_BYTES || ciphertext === null) {
    throw new VaultError('corrupt', 'malformed sealed field value');
  }
  if (!equalBytes(tag, await contextTag(aad))) {
    throw new VaultError('wrong-context', 'sealed for another record or field');
  }
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: aad },
      dataKey,
      bufferSource(ciphertext),
    );
  } catch (cause) {
    throw new VaultError('corrupt', 'sealed field value fails authentication', { cause });
  }
  try {
    return JSON.parse(utf8Decoder.decode(plain)) as Json;
  } catch (cause) {
    throw new VaultError('corrupt', 'sealed field value is not JSON', { cause });
  }
}
