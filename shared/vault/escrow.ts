// HQ's recovery copy of a data key: the key wrapped for HQ's X25519 public key exactly as a
// bundle wraps its content key for a recipient (ephemeral X25519, HKDF, AES-256-GCM).
import { toBase64Url } from '../bundle/bytes.ts';
import {
  fingerprint,
  publicKeyBytes,
  type PublicKeyInput,
  importPublicKey,
} from '../bundle/keys.ts';
import { unwrapContentKey, wrapContentKey } from '../bundle/v1/crypto.ts';
import { VaultError } from './errors.ts';
import { type VaultEscrow, bytesOf, readRecord } from './record.ts';

/** Wraps the raw data key for HQ; only HQ's X25519 private key can open the result. */
export async function escrowFor(
  rawDataKey: Uint8Array,
  hqPublicKey: PublicKeyInput,
): Promise<VaultEscrow> {
  const recipientRaw = await publicKeyBytes(hqPublicKey);
  const recipient =
    hqPublicKey instanceof Uint8Array
      ? await importPublicKey(recipientRaw, 'encryption')
      : hqPublicKey;
  const { ephemeralKey, wrappedKey } = await wrapContentKey(rawDataKey, recipient, recipientRaw);
  return {
    recipient: toBase64Url(recipientRaw),
    ephemeralKey: toBase64Url(ephemeralKey),
    wrappedKey: toBase64Url(wrappedKey),
  };
}

/** The raw data key, or 'wrong-key' when this private key does not open the escrow. */
export async function openEscrow(
  escrow: VaultEscrow,
  hqPrivateKey: CryptoKey,
): Promise<Uint8Array<ArrayBuffer>> {
  const raw = await unwrapContentKey(
    {
      publicKey: bytesOf(escrow.recipient),
      ephemeralKey: bytesOf(escrow.ephemeralKey),
      wrappedKey: bytesOf(escrow.wrappedKey),
    },
    hqPrivateKey,
  );
  if (raw === null) throw new VaultError('wrong-key', 'this key does not open the escrow');
  return raw;
}

/**
 * The fingerprint of the HQ key that can recover this vault (as `fingerprint` shows it), or
 * null without escrow: HQ compares it with its own before starting a recovery.
 */
export async function escrowFingerprint(stored: unknown): Promise<string | null> {
  const { escrow } = await readRecord(stored);
  return escrow === null ? null : fingerprint(bytesOf(escrow.recipient));
}
