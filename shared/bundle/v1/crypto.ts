// The v1 cryptography, all WebCrypto: X25519 + HKDF-SHA-256 + AES-256-GCM to wrap the content
// key per recipient (after age's X25519 stanza), a STREAM-style chunked AES-256-GCM payload,
// and an Ed25519 signature over a SHA-256 transcript of the header and every chunk.
import { bufferSource, concatBytes, utf8 } from '../bytes.ts';
import { KEY_BYTES } from './header.ts';

const subtle = () => crypto.subtle;

const INFO_WRAP = utf8('liaison-log/bundle/v1/X25519');
const INFO_PAYLOAD = utf8('liaison-log/bundle/v1/payload');
const INFO_COMMITMENT = utf8('liaison-log/bundle/v1/key-commitment');
/** Signed message = SIGNATURE_CONTEXT || 0x00 || transcript digest. */
const SIGNATURE_CONTEXT = utf8('liaison-log/bundle/v1/signature');
const EMPTY = new Uint8Array(0);
const ZERO_NONCE = new Uint8Array(12);
export const NONCE_BYTES = 12;

/** Input keying material for HKDF, imported once when several keys come from it. */
export function hkdfMaterial(ikm: Uint8Array): Promise<CryptoKey> {
  return subtle().importKey('raw', bufferSource(ikm), 'HKDF', false, ['deriveBits']);
}

async function hkdf(
  ikm: Uint8Array | CryptoKey,
  salt: Uint8Array,
  info: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = ikm instanceof Uint8Array ? await hkdfMaterial(ikm) : ikm;
  const bits = await subtle().deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: bufferSource(salt), info: bufferSource(info) },
    key,
    KEY_BYTES * 8,
  );
  return new Uint8Array(bits);
}

function aesKey(raw: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  return subtle().importKey('raw', bufferSource(raw), { name: 'AES-GCM' }, false, [usage]);
}

export async function sha256(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().digest('SHA-256', bufferSource(data)));
}

export function randomContentKey(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(KEY_BYTES));
}

/** Lets every recipient check it unwrapped the same content key as every other (GCM alone is not key-committing). */
export function keyCommitment(
  contentKey: Uint8Array | CryptoKey,
  info: Uint8Array = INFO_COMMITMENT,
): Promise<Uint8Array<ArrayBuffer>> {
  return hkdf(contentKey, EMPTY, info);
}

async function wrapKeyFor(
  shared: Uint8Array,
  ephemeralKey: Uint8Array,
  recipientKey: Uint8Array,
  usage: 'encrypt' | 'decrypt',
  info: Uint8Array,
) {
  return aesKey(await hkdf(shared, concatBytes([ephemeralKey, recipientKey]), info), usage);
}

/**
 * Wraps the content key for one recipient: a fresh ephemeral X25519 pair, ECDH with the
 * recipient's key, HKDF with both public keys as salt, AES-256-GCM under a zero nonce (each
 * wrapping key encrypts exactly one message). `info` is the HKDF label: the bundle's unless
 * another use (the vault's HQ recovery copy) passes its own, so one use's output never opens
 * as another's.
 */
export async function wrapContentKey(
  contentKey: Uint8Array,
  recipientKey: CryptoKey,
  recipientKeyRaw: Uint8Array,
  info: Uint8Array = INFO_WRAP,
): Promise<{ ephemeralKey: Uint8Array<ArrayBuffer>; wrappedKey: Uint8Array<ArrayBuffer> }> {
  const ephemeral = (await subtle().generateKey({ name: 'X25519' }, false, [
    'deriveBits',
  ])) as CryptoKeyPair;
  const ephemeralKey = new Uint8Array(await subtle().exportKey('raw', ephemeral.publicKey));
  const shared = new Uint8Array(
    await subtle().deriveBits(
      { name: 'X25519', public: recipientKey },
      ephemeral.privateKey,
      KEY_BYTES * 8,
    ),
  );
  const key = await wrapKeyFor(shared, ephemeralKey, recipientKeyRaw, 'encrypt', info);
  const wrappedKey = new Uint8Array(
    await subtle().encrypt({ name: 'AES-GCM', iv: ZERO_NONCE }, key, bufferSource(contentKey)),
  );
  return { ephemeralKey, wrappedKey };
}

/** The content key, or null when this private key does not open the entry (for any reason). */
export async function unwrapContentKey(
  stanza: { publicKey: Uint8Array; ephemeralKey: Uint8Array; wrappedKey: Uint8Array },
  privateKey: CryptoKey,
  info: Uint8Array = INFO_WRAP,
): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const ephemeral = await subtle().importKey(
      'raw',
      bufferSource(stanza.ephemeralKey),
      { name: 'X25519' },
      false,
      [],
    );
    // Rejects low-order points: WebCrypto fails X25519 when the shared secret is all zeros.
    const shared = new Uint8Array(
      await subtle().deriveBits({ name: 'X25519', public: ephemeral }, privateKey, KEY_BYTES * 8),
    );
    const key = await wrapKeyFor(shared, stanza.ephemeralKey, stanza.publicKey, 'decrypt', info);
    const contentKey = new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: ZERO_NONCE },
        key,
        bufferSource(stanza.wrappedKey),
      ),
    );
    return contentKey.length === KEY_BYTES ? contentKey : null;
  } catch {
    return null;
  }
}

/** The payload key, bound to the exact header bytes: a swapped header cannot open the chunks. */
export async function payloadKey(
  contentKey: Uint8Array | CryptoKey,
  headerDigest: Uint8Array,
  usage: 'encrypt' | 'decrypt',
): Promise<CryptoKey> {
  return aesKey(await hkdf(contentKey, headerDigest, INFO_PAYLOAD), usage);
}

/** 11-byte big-endian chunk counter, then 0x01 on the last chunk and 0x00 on every other. */
export function chunkNonce(index: number, last: boolean): Uint8Array<ArrayBuffer> {
  const nonce = new Uint8Array(NONCE_BYTES);
  let n = index;
  for (let i = 10; i >= 0 && n > 0; i--) {
    nonce[i] = n % 256;
    n = Math.floor(n / 256);
  }
  nonce[11] = last ? 1 : 0;
  return nonce;
}

export async function encryptChunk(
  key: CryptoKey,
  index: number,
  last: boolean,
  plain: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv: chunkNonce(index, last) },
      key,
      bufferSource(plain),
    ),
  );
}

/** The plaintext, or null when the chunk is not the authentic chunk `index` (with that last flag).
 *  Never rejects, so a chunk still in flight when reading stops cannot raise an unhandled rejection. */
export async function decryptChunk(
  key: CryptoKey,
  index: number,
  last: boolean,
  sealed: Uint8Array,
): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: chunkNonce(index, last) },
        key,
        bufferSource(sealed),
      ),
    );
  } catch {
    return null;
  }
}

/**
 * The message the sender signs: context || 0x00 || SHA-256(prefix || SHA-256(chunk 0) || ...).
 * Hashing chunk by chunk keeps both sides streaming (WebCrypto has no incremental hash).
 */
export async function signedMessage(
  prefix: Uint8Array,
  chunkDigests: readonly Uint8Array[],
): Promise<Uint8Array<ArrayBuffer>> {
  const transcript = await sha256(concatBytes([prefix, ...chunkDigests]));
  return concatBytes([SIGNATURE_CONTEXT, Uint8Array.of(0), transcript]);
}

export async function sign(
  signingKey: CryptoKey,
  message: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await subtle().sign({ name: 'Ed25519' }, signingKey, bufferSource(message)),
  );
}

export async function verify(
  publicKey: CryptoKey,
  signature: Uint8Array,
  message: Uint8Array,
): Promise<boolean> {
  try {
    return await subtle().verify(
      { name: 'Ed25519' },
      publicKey,
      bufferSource(signature),
      bufferSource(message),
    );
  } catch {
    return false;
  }
}
