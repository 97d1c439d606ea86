// Ed25519 signatures over canonical JSON, with a context string per kind of document so a
// signature made for one (a profile) can never be passed off as another (a device card).
import { bufferSource, fromBase64Url, toBase64Url, utf8 } from '../bundle/bytes.ts';
import { PUBLIC_KEY_BYTES, importPublicKey } from '../bundle/keys.ts';
import { type Json } from '../sync/change.ts';
import { canonicalJson } from '../sync/latest.ts';

export type SignatureContext =
  | 'liaison-log/network-profile/v1'
  | 'liaison-log/device-card/v1'
  | 'liaison-log/hq-key-rotation/v1'
  | 'liaison-log/recovery-request/v1';

const SIGNATURE_BYTES = 64;

/**
 * The exact bytes signed: the context, a newline, then the value as canonical JSON (keys
 * sorted, no whitespace). Absent optional fields are left out, as JSON.stringify does, so an
 * object with `retired: undefined` signs the same as one without it.
 */
export function signedBytes(context: SignatureContext, value: unknown): Uint8Array<ArrayBuffer> {
  const json = JSON.parse(JSON.stringify(value)) as Json;
  return utf8(`${context}\n${canonicalJson(json)}`);
}

/** Whether two values have the same canonical JSON (what a signature would cover). */
export function sameCanonical(a: unknown, b: unknown): boolean {
  const ja = JSON.parse(JSON.stringify(a)) as Json;
  const jb = JSON.parse(JSON.stringify(b)) as Json;
  return canonicalJson(ja) === canonicalJson(jb);
}

export async function signValue(
  context: SignatureContext,
  value: unknown,
  privateKey: CryptoKey,
): Promise<string> {
  const signature = await crypto.subtle.sign('Ed25519', privateKey, signedBytes(context, value));
  return toBase64Url(new Uint8Array(signature));
}

/**
 * True only for a well-formed signature by `publicKeyRaw` over `value`. Every failure (a key
 * that is not a point, a value too deep to encode) is a plain false: the caller refuses.
 */
export async function verifyValue(
  context: SignatureContext,
  value: unknown,
  signature: string,
  publicKeyRaw: Uint8Array,
): Promise<boolean> {
  const sig = fromBase64Url(signature);
  if (sig?.length !== SIGNATURE_BYTES) return false;
  try {
    const key = await importPublicKey(publicKeyRaw, 'signing');
    return await crypto.subtle.verify(
      'Ed25519',
      key,
      bufferSource(sig),
      signedBytes(context, value),
    );
  } catch {
    return false;
  }
}

/** The 32 raw bytes of a base64url public key, or null when it is not one. */
export function keyBytes(text: unknown): Uint8Array<ArrayBuffer> | null {
  if (typeof text !== 'string') return null;
  const raw = fromBase64Url(text);
  return raw?.length === PUBLIC_KEY_BYTES ? raw : null;
}
