import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decodeBundle,
  encodeBundle,
  exportPublicKey,
  fingerprint,
  generateDeviceKeys,
  importPrivateKeyJwk,
  importPublicKey,
  importPublicKeyJwk,
} from '../../../shared/bundle/index.ts';
import { changesInput, makeDevice, openAs } from '../../fixtures/bundles/harness.ts';

/** RFC 4648 base32, written plainly here to check the codec's own. */
function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
  return (bits.match(/.{5}/g) ?? []).map((five) => alphabet[parseInt(five, 2)]).join('');
}

describe('device keys', () => {
  it('makes Ed25519 and X25519 pairs whose private halves cannot be exported', async () => {
    const keys = await generateDeviceKeys();
    expect(keys.signing.privateKey.algorithm.name).toBe('Ed25519');
    expect(keys.encryption.privateKey.algorithm.name).toBe('X25519');
    expect(keys.signing.privateKey.extractable).toBe(false);
    expect(keys.encryption.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', keys.signing.privateKey)).rejects.toThrow();
    expect(await exportPublicKey(keys.signing.publicKey)).toHaveLength(32);
    expect(await exportPublicKey(keys.encryption.publicKey)).toHaveLength(32);
  });

  it('makes exportable private keys only when asked, and imports them back from JWK', async () => {
    const keys = await generateDeviceKeys({ extractable: true });
    const jwk = await crypto.subtle.exportKey('jwk', keys.encryption.privateKey);
    const back = await importPrivateKeyJwk(jwk, 'encryption');
    expect(back.extractable).toBe(false);
    const publicBack = await importPublicKeyJwk(jwk, 'encryption');
    expect(await exportPublicKey(publicBack)).toEqual(
      await exportPublicKey(keys.encryption.publicKey),
    );
  });

  it('imports raw public keys of 32 bytes and refuses anything else', async () => {
    const keys = await generateDeviceKeys();
    const raw = await exportPublicKey(keys.signing.publicKey);
    const again = await importPublicKey(raw, 'signing');
    expect(await exportPublicKey(again)).toEqual(raw);
    await expect(importPublicKey(raw.subarray(0, 31), 'signing')).rejects.toThrow(TypeError);
    await expect(exportPublicKey(keys.signing.privateKey)).rejects.toThrow(TypeError);
  });

  it('fingerprints a key as six groups of four base32 letters from its SHA-256', async () => {
    const raw = new Uint8Array(32).map((_, i) => i);
    const digest = createHash('sha256').update(raw).digest();
    const expected = (base32(digest.subarray(0, 15)).match(/.{4}/g) ?? []).join(' ');
    expect(await fingerprint(raw)).toBe(expected);
    expect(await fingerprint(raw)).toMatch(/^([A-Z2-7]{4} ){5}[A-Z2-7]{4}$/);
    expect(await fingerprint(new Uint8Array(32))).not.toBe(await fingerprint(raw));
  });

  it('takes public keys as raw bytes as readily as CryptoKeys', async () => {
    const sender = await makeDevice('lagos-laptop-01');
    const hq = await makeDevice('hq-desktop');
    const input = changesInput(sender, [hq], []);
    const bytes = await encodeBundle({
      ...input,
      senderPublicKeys: { signing: sender.signingRaw, encryption: sender.encryptionRaw },
      recipients: [{ deviceId: hq.deviceId, publicKey: hq.encryptionRaw }],
    });
    const decoded = await decodeBundle(
      bytes,
      openAs(hq, { expectedSenderSigningKey: sender.keys.signing.publicKey }),
    );
    expect(decoded.header.senderKeys.encryption).toEqual(sender.encryptionRaw);
  });
});
