// A device's private keys under the data key. Chromium writes a stored CryptoKey to disk in
// the clear even when it is not extractable, so a lost laptop would hand over the keys that
// sign as the device and open bundles sent to it (HQ's: every field bundle and every
// passphrase recovery copy). Stored instead: the PKCS#8 bytes sealed with the data key, bound
// to the device and the key's use; unwrapped into non-extractable keys while unlocked.
import { bufferSource, fromBase64Url, toBase64Url, utf8 } from '../bundle/bytes.ts';
import { VaultError } from './errors.ts';

/** 'recovery': HQ's X25519 key that opens devices' recovery copies (never bundles). */
export type DeviceKeyUse = 'signing' | 'encryption' | 'recovery';

export interface WrappedPrivateKey {
  /** 12 random bytes, base64url. */
  readonly iv: string;
  /** The PKCS#8 private key, AES-256-GCM under the data key, base64url. */
  readonly sealed: string;
}

const ALGORITHM: Readonly<Record<DeviceKeyUse, 'Ed25519' | 'X25519'>> = {
  signing: 'Ed25519',
  encryption: 'X25519',
  recovery: 'X25519',
};
const USAGES: Readonly<Record<DeviceKeyUse, KeyUsage[]>> = {
  signing: ['sign'],
  encryption: ['deriveBits'],
  recovery: ['deriveBits'],
};

function aad(deviceId: string, use: DeviceKeyUse): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify(['liaison-log/vault/v1/device-key', deviceId, use]));
}

/** Seals an extractable private key; the plaintext bytes are zeroed once sealed. */
export async function wrapPrivateKey(
  dataKey: CryptoKey,
  privateKey: CryptoKey,
  deviceId: string,
  use: DeviceKeyUse,
): Promise<WrappedPrivateKey> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
  try {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: aad(deviceId, use) },
      dataKey,
      raw,
    );
    return { iv: toBase64Url(iv), sealed: toBase64Url(new Uint8Array(sealed)) };
  } finally {
    raw.fill(0);
  }
}

/** The private key, non-extractable, or VaultError 'corrupt' (damaged, or another device's). */
export async function unwrapPrivateKey(
  dataKey: CryptoKey,
  wrapped: WrappedPrivateKey,
  deviceId: string,
  use: DeviceKeyUse,
): Promise<CryptoKey> {
  const iv = fromBase64Url(wrapped.iv);
  const sealed = fromBase64Url(wrapped.sealed);
  if (!iv || !sealed) throw new VaultError('corrupt', 'a wrapped device key is not base64url');
  let raw: Uint8Array;
  try {
    raw = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: bufferSource(iv), additionalData: aad(deviceId, use) },
        dataKey,
        bufferSource(sealed),
      ),
    );
  } catch (cause) {
    throw new VaultError('corrupt', 'a device key does not open with this data key', { cause });
  }
  try {
    return await crypto.subtle.importKey(
      'pkcs8',
      bufferSource(raw),
      { name: ALGORITHM[use] },
      false,
      USAGES[use],
    );
  } catch (cause) {
    throw new VaultError('corrupt', 'a device key is not a valid key', { cause });
  } finally {
    raw.fill(0);
  }
}
