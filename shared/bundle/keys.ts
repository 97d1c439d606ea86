// Device key helpers: every device has an Ed25519 pair (signs its bundles) and an X25519
// pair (receives content keys). Pure WebCrypto; keys are created or imported, never stored.
import { bufferSource } from './bytes.ts';

export type KeyUse = 'signing' | 'encryption';

export interface DeviceKeys {
  /** Ed25519: signs the bundles this device makes. */
  readonly signing: CryptoKeyPair;
  /** X25519: opens the bundles addressed to this device. */
  readonly encryption: CryptoKeyPair;
}

/** A public key as a CryptoKey, or as its 32 raw bytes. */
export type PublicKeyInput = CryptoKey | Uint8Array;

export const PUBLIC_KEY_BYTES = 32;

const ALGORITHM: { readonly [U in KeyUse]: 'Ed25519' | 'X25519' } = {
  signing: 'Ed25519',
  encryption: 'X25519',
};
const PRIVATE_USAGES: { readonly [U in KeyUse]: KeyUsage[] } = {
  signing: ['sign'],
  encryption: ['deriveBits'],
};
const PUBLIC_USAGES: { readonly [U in KeyUse]: KeyUsage[] } = {
  signing: ['verify'],
  encryption: [],
};

/**
 * A fresh pair of key pairs for a device. Private keys are non-extractable unless asked
 * (only test vectors and fixtures need to export them).
 */
export async function generateDeviceKeys(
  options: { extractable?: boolean } = {},
): Promise<DeviceKeys> {
  const extractable = options.extractable ?? false;
  const signing = await crypto.subtle.generateKey({ name: 'Ed25519' }, extractable, [
    'sign',
    'verify',
  ]);
  // The DOM typings know X25519 only as a generic algorithm, hence the cast.
  const encryption = (await crypto.subtle.generateKey({ name: 'X25519' }, extractable, [
    'deriveBits',
  ])) as CryptoKeyPair;
  return { signing, encryption };
}

/** The 32 raw bytes of an Ed25519 or X25519 public key. */
export async function exportPublicKey(key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  if (key.type !== 'public') throw new TypeError('exportPublicKey needs a public key');
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}

/** Imports 32 raw bytes as a public key for signature checks ('signing') or key agreement ('encryption'). */
export async function importPublicKey(raw: Uint8Array, use: KeyUse): Promise<CryptoKey> {
  if (raw.length !== PUBLIC_KEY_BYTES)
    throw new TypeError(`a public key is ${PUBLIC_KEY_BYTES} bytes`);
  return crypto.subtle.importKey(
    'raw',
    bufferSource(raw),
    { name: ALGORITHM[use] },
    true,
    PUBLIC_USAGES[use],
  );
}

/** Imports a private key from a JWK (key backups, test fixtures). Non-extractable unless asked. */
export async function importPrivateKeyJwk(
  jwk: JsonWebKey,
  use: KeyUse,
  options: { extractable?: boolean } = {},
): Promise<CryptoKey> {
  const { key_ops: _ops, ext: _ext, ...plain } = jwk;
  return crypto.subtle.importKey(
    'jwk',
    plain,
    { name: ALGORITHM[use] },
    options.extractable ?? false,
    PRIVATE_USAGES[use],
  );
}

/** Imports the public half of a JWK (the `x` member) as a public key. */
export async function importPublicKeyJwk(jwk: JsonWebKey, use: KeyUse): Promise<CryptoKey> {
  const { crv, kty, x } = jwk;
  return crypto.subtle.importKey(
    'jwk',
    { crv, kty, x },
    { name: ALGORITHM[use] },
    true,
    PUBLIC_USAGES[use],
  );
}

/** Raw bytes of a public key given either way. */
export async function publicKeyBytes(key: PublicKeyInput): Promise<Uint8Array> {
  if (key instanceof Uint8Array) {
    if (key.length !== PUBLIC_KEY_BYTES)
      throw new TypeError(`a public key is ${PUBLIC_KEY_BYTES} bytes`);
    return key;
  }
  return exportPublicKey(key);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** 15 bytes = 120 bits = 24 base32 characters, shown as six groups of four. */
const FINGERPRINT_BYTES = 15;

/**
 * A short, human-comparable fingerprint of a raw public key: the first 120 bits of its
 * SHA-256 in base32 (RFC 4648 alphabet), grouped by four, e.g. `K7QM 2ZXA ...`. Two people
 * read these to each other to check a device's key out of band.
 */
export async function fingerprint(publicKeyRaw: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bufferSource(publicKeyRaw)));
  let bits = 0;
  let acc = 0;
  let text = '';
  for (let i = 0; i < FINGERPRINT_BYTES; i++) {
    acc = (acc << 8) | (digest[i] as number);
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      text += BASE32[(acc >> bits) & 31] as string;
    }
    acc &= (1 << bits) - 1;
  }
  return (text.match(/.{4}/g) ?? []).join(' ');
}
