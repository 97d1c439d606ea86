// The demo network's fixed keys. They are derived from public seeds, so every demo install
// (HQ, a team lead, an officer in another browser) agrees on the same demo HQ and leads
// without any file changing hands. That is the point of a demo, and the reason a demo key
// protects nothing: a demo profile says `demo: true`, every screen says "demo", and a real
// network's devices refuse it (another network id, another HQ key).
import { type DeviceKeys } from '../bundle/keys.ts';
import { bufferSource, utf8 } from '../bundle/bytes.ts';

/** RFC 8410 PKCS#8 prefixes: a 32-byte seed follows. */
const PKCS8_PREFIX = {
  Ed25519: [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
  ],
  X25519: [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20,
  ],
} as const;

async function seed(label: string): Promise<Uint8Array> {
  const text = `liaison-log demo key, public and not secret: ${label}`;
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bufferSource(utf8(text))));
}

type Algorithm = 'Ed25519' | 'X25519';

const usagesOf = (algorithm: Algorithm): KeyUsage[] =>
  algorithm === 'Ed25519' ? ['sign'] : ['deriveBits'];

/** The seed's private key as a JWK: extractable only long enough to read it. */
async function jwkFromSeed(algorithm: Algorithm, label: string): Promise<JsonWebKey> {
  const pkcs8 = new Uint8Array(48);
  pkcs8.set(PKCS8_PREFIX[algorithm]);
  pkcs8.set(await seed(`${algorithm}/${label}`), 16);
  const usages = usagesOf(algorithm);
  const open = await crypto.subtle.importKey('pkcs8', pkcs8, { name: algorithm }, true, usages);
  return crypto.subtle.exportKey('jwk', open);
}

async function pairFromSeed(
  algorithm: Algorithm,
  label: string,
  extractable: boolean,
): Promise<CryptoKeyPair> {
  const usages = usagesOf(algorithm);
  // The pair kept is re-imported non-extractable unless asked (the app seals it with the
  // data key to store).
  const { crv, kty, x, d } = await jwkFromSeed(algorithm, label);
  const privateKey = await crypto.subtle.importKey(
    'jwk',
    { crv, kty, x, d },
    { name: algorithm },
    extractable,
    usages,
  );
  const publicKey = await crypto.subtle.importKey(
    'jwk',
    { crv, kty, x },
    { name: algorithm },
    true,
    algorithm === 'Ed25519' ? ['verify'] : [],
  );
  return { privateKey, publicKey };
}

/** The fixed keys of a demo device (the demo HQ, a demo team lead). */
export async function demoDeviceKeys(
  deviceId: string,
  options: { extractable?: boolean } = {},
): Promise<DeviceKeys> {
  const extractable = options.extractable ?? false;
  return {
    signing: await pairFromSeed('Ed25519', deviceId, extractable),
    encryption: await pairFromSeed('X25519', deviceId, extractable),
  };
}

/**
 * A demo device's public keys as profile text (base64url of the raw key, a JWK's `x`), with
 * half the work of demoDeviceKeys: the demo profile and the demo guard list 68 devices.
 */
export async function demoPublicKeyTexts(
  deviceId: string,
): Promise<{ signingKey: string; encryptionKey: string }> {
  const [signing, encryption] = await Promise.all([
    jwkFromSeed('Ed25519', deviceId),
    jwkFromSeed('X25519', deviceId),
  ]);
  if (!signing.x || !encryption.x) throw new Error(`No public key for demo device ${deviceId}`);
  return { signingKey: signing.x, encryptionKey: encryption.x };
}

/** The demo HQ's recovery key pair: its own seed, so it is never the encryption key. */
export function demoRecoveryKeys(
  deviceId: string,
  options: { extractable?: boolean } = {},
): Promise<CryptoKeyPair> {
  return pairFromSeed('X25519', `${deviceId}/recovery`, options.extractable ?? false);
}
