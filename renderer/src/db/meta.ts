// Typed access to the key/value `meta` table: counters, the device identity and settings.
// Counters live here so a save never has to count a table (O(1) per write).
import { type Role } from '../../../shared/identity/schemas.ts';
import { type SignedProfile } from '../../../shared/identity/signed.ts';
import { type WrappedPrivateKey } from '../../../shared/vault/device-keys.ts';
import { type Language } from '../../../shared/domain/catalogue-types.ts';
import { type LiaisonDb } from './db.ts';
import { keyRow, readKey, readKeys, writeKey, type KeyValueRow } from './key-value.ts';

export interface DeviceInfo {
  /** Random, url-safe, 22 characters (128 bits): unique without coordination. */
  deviceId: string;
  createdAt: string;
}

export interface OfficerProfile {
  officerId: string;
  name: string;
  postCode: string;
}

/** What each meta key holds. Writers go through setMeta, so reads can trust the shape. */
export interface MetaValues {
  device: DeviceInfo;
  /** The latest HLC issued or observed by this device (resumes the clock after a restart). */
  hlc: string;
  /** Activities not deleted: the list's length without counting 100,000 rows. */
  activityCount: number;
  /** When a tiny probe write last ran after a write failed unexplained (disk-probe.ts). */
  diskProbe: number;
  /** Recipient id -> highest own seq it acknowledged with no gap (from receipts). */
  acked: Record<string, number>;
  language: Language;
  officer: OfficerProfile;
  /** Who this device is in its network (set once by the first-run wizard). */
  identity: DeviceIdentity;
  /**
   * This device's public keys, and its private keys sealed with the data key (Chromium writes
   * even a non-extractable CryptoKey to disk in the clear). Unwrapped while unlocked.
   */
  deviceKeys: StoredKeyRecord;
  /** The HQ-signed network profile this device trusts (the newest it has accepted). */
  profile: SignedProfile;
  /**
   * Profiles naming another HQ signing key (a rotation chain), not applied until the person
   * types the new HQ code read by phone (pending-profile.ts); absent when none waits.
   */
  pendingProfiles: SignedProfile[];
  /** The data key wrapped by the passphrase (and for HQ's recovery): a VaultRecord. */
  vault: unknown;
  /**
   * Each rise of HQ's acknowledged own seq, with when it was recorded: how long ago HQ
   * confirmed a change, for the retention of sensitive values (retention.ts).
   */
  ackLog: { seq: number; at: number }[];
  /** The highest own seq whose sensitive values the retention purge has dealt with. */
  purgedUpTo: number;
  /** Wrong passphrases in a row and when the last one was typed (the unlock delay). */
  unlockFailures: { count: number; lastAt: number };
  /**
   * This device's signature over its recovery copy (`signRecoveryBinding`), made while
   * unlocked for the copy `wrappedKey` names: a recovery request is made while locked, when
   * the device cannot sign.
   */
  recoveryBinding: { wrappedKey: string; signature: string };
  /** HQ only: every recovery request HQ answered, oldest first (who asked, who answered, when). */
  recoveryLog: RecoveryLogEntry[];
  /** Last change seq allocated for a device; seqs are 1-based and contiguous. */
  [seqKey: `seq:${string}`]: number;
}

export interface RecoveryLogEntry {
  deviceId: string;
  officerId: string;
  name: string;
  /** HQ's user who answered (the identity's officer id). */
  answeredBy: string;
  answeredAt: string;
}

export interface DeviceIdentity {
  deviceId: string;
  networkId: string;
  role: Role;
  officerId: string;
  name: string;
  /** An officer's post. */
  postCode?: string;
  /** A team lead's posts (the profile's leads list has the last word). */
  posts?: string[];
  demo: boolean;
  createdAt: string;
}

/** A device's key pairs in memory (private halves non-extractable once unwrapped). */
export interface StoredDeviceKeys {
  deviceId: string;
  signing: CryptoKeyPair;
  encryption: CryptoKeyPair;
  /** HQ only: the pair that opens devices' recovery copies (never a bundle). */
  recovery?: CryptoKeyPair;
  /** HQ only: pairs a key rotation replaced, kept to open what was made for them before. */
  retired?: RetiredKeyPair[];
}

export interface RetiredKeyPair {
  use: 'encryption' | 'recovery';
  pair: CryptoKeyPair;
}

/** The device's keys as stored: public keys, and private keys sealed with the data key. */
export interface StoredKeyRecord {
  deviceId: string;
  signingPublic: CryptoKey;
  encryptionPublic: CryptoKey;
  signingPrivate: WrappedPrivateKey;
  encryptionPrivate: WrappedPrivateKey;
  recoveryPublic?: CryptoKey;
  recoveryPrivate?: WrappedPrivateKey;
  retired?: {
    use: 'encryption' | 'recovery';
    publicKey: CryptoKey;
    privateKey: WrappedPrivateKey;
  }[];
}

export type MetaKey = keyof MetaValues;

export function seqKey(deviceId: string): `seq:${string}` {
  return `seq:${deviceId}`;
}

export function getMeta<K extends MetaKey>(
  db: LiaisonDb,
  key: K,
): Promise<MetaValues[K] | undefined> {
  return readKey<MetaValues, K>(db.meta, key);
}

/** Several meta values in one batch of requests (a write reads its counters together). */
export function getMetas<const K extends readonly MetaKey[]>(
  db: LiaisonDb,
  keys: K,
): Promise<{ -readonly [I in keyof K]: MetaValues[K[I]] | undefined }> {
  return readKeys<MetaValues, K>(db.meta, keys);
}

/** A meta row for a bulkPut that writes several values together. */
export function metaRow<K extends MetaKey>(key: K, value: MetaValues[K]): KeyValueRow {
  return keyRow<MetaValues, K>(key, value);
}

export function setMeta<K extends MetaKey>(
  db: LiaisonDb,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  return writeKey<MetaValues, K>(db.meta, key, value);
}

export async function deleteMeta(db: LiaisonDb, key: MetaKey): Promise<void> {
  await db.meta.delete(key);
}
