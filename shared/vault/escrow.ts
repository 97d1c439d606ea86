// HQ's recovery copy of a data key: the key wrapped for HQ's X25519 **recovery** key (not the
// key HQ opens bundles with) as age wraps a file key (ephemeral X25519, HKDF, AES-256-GCM),
// under the vault's own HKDF label bound to the device id (labels.ts).
import { toBase64Url } from '../bundle/bytes.ts';
import {
  fingerprint,
  publicKeyBytes,
  type PublicKeyInput,
  importPublicKey,
} from '../bundle/keys.ts';
import { unwrapContentKey, wrapContentKey } from '../bundle/v1/crypto.ts';
import { VaultError } from './errors.ts';
import { escrowInfo } from './labels.ts';
import { type VaultEscrow, bytesOf, readRecord } from './record.ts';

/** Where a recovery copy goes: HQ's recovery public key, for this device only. */
export interface EscrowTarget {
  readonly deviceId: string;
  readonly recoveryKey: PublicKeyInput;
}

/** Wraps the raw data key for HQ; only HQ's recovery private key can open the result. */
export async function escrowFor(
  rawDataKey: Uint8Array,
  target: EscrowTarget,
): Promise<VaultEscrow> {
  const { recoveryKey } = target;
  const recipientRaw = await publicKeyBytes(recoveryKey);
  const recipient =
    recoveryKey instanceof Uint8Array
      ? await importPublicKey(recipientRaw, 'encryption')
      : recoveryKey;
  const { ephemeralKey, wrappedKey } = await wrapContentKey(
    rawDataKey,
    recipient,
    recipientRaw,
    escrowInfo(target.deviceId),
  );
  return {
    recipient: toBase64Url(recipientRaw),
    ephemeralKey: toBase64Url(ephemeralKey),
    wrappedKey: toBase64Url(wrappedKey),
  };
}

/**
 * The raw data key, or 'wrong-key' when this private key does not open the escrow as the
 * recovery copy of `deviceId` (another device's copy, or a bundle's recipient entry).
 */
export async function openEscrow(
  escrow: VaultEscrow,
  deviceId: string,
  hqRecoveryPrivateKey: CryptoKey,
): Promise<Uint8Array<ArrayBuffer>> {
  const raw = await unwrapContentKey(
    {
      publicKey: bytesOf(escrow.recipient),
      ephemeralKey: bytesOf(escrow.ephemeralKey),
      wrappedKey: bytesOf(escrow.wrappedKey),
    },
    hqRecoveryPrivateKey,
    escrowInfo(deviceId),
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
