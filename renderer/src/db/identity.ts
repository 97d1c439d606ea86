// This device's identity in its network: who it is (role, officer, posts), its key pairs, the
// network profile it trusts and its vault record. The wizard writes them together, once; the
// profile is replaced only by a newer one that the caller has verified.
import { type NetworkProfile } from '../../../shared/identity/profile.ts';
import { type SignedProfile } from '../../../shared/identity/signed.ts';
import { type VaultRecord } from '../../../shared/vault/index.ts';
import { type LiaisonDb } from './db.ts';
import { DbError, toDbError } from './errors.ts';
import {
  getMeta,
  seqKey,
  setMeta,
  type DeviceIdentity,
  type OfficerProfile,
  type RecoveryLogEntry,
  type StoredDeviceKeys,
  type StoredKeyRecord,
} from './meta.ts';
import {
  unwrapPrivateKey,
  wrapPrivateKey,
  type WrappedPrivateKey,
} from '../../../shared/vault/device-keys.ts';

export interface SetupRecords {
  identity: DeviceIdentity;
  /** Fresh key pairs with EXTRACTABLE private halves: they are sealed before storing. */
  keys: StoredDeviceKeys;
  profile: SignedProfile;
  vault: VaultRecord;
  /** The device's signature over its recovery copy, when it has one. */
  recoveryBinding?: { wrappedKey: string; signature: string } | undefined;
}

/** The post a person's own entries are filed under: an officer's post, a lead's first post. */
export function homePost(identity: DeviceIdentity): string | undefined {
  return identity.postCode ?? identity.posts?.[0];
}

/**
 * Stores everything the wizard made in one transaction: a crash half way leaves the device
 * unset (the wizard runs again), never half set. The device id may change only while this
 * device has written nothing (a demo lead or HQ takes the demo's fixed id).
 */
export async function completeSetup(
  db: LiaisonDb,
  records: SetupRecords,
  dataKey: CryptoKey,
): Promise<void> {
  const { identity, keys, profile, vault } = records;
  if (keys.deviceId !== identity.deviceId) throw new Error('keys of another device');
  // Sealed before the transaction: WebCrypto inside it would let Dexie commit it half way.
  const sealed = await sealDeviceKeys(dataKey, keys);
  try {
    await db.transaction('rw', db.meta, async () => {
      if (await getMeta(db, 'identity')) throw new DbError('write-failed', 'already set up');
      const device = await getMeta(db, 'device');
      if (device && device.deviceId !== identity.deviceId) {
        const written = (await getMeta(db, seqKey(device.deviceId))) ?? 0;
        if (written > 0) throw new DbError('write-failed', 'this device has entries already');
      }
      await setMeta(db, 'device', {
        deviceId: identity.deviceId,
        createdAt: device?.createdAt ?? identity.createdAt,
      });
      await setMeta(db, 'deviceKeys', sealed);
      await setMeta(db, 'profile', profile);
      await setMeta(db, 'vault', vault);
      if (records.recoveryBinding) await setMeta(db, 'recoveryBinding', records.recoveryBinding);
      await setMeta(db, 'identity', identity);
      const post = homePost(identity);
      const officer: OfficerProfile = {
        officerId: identity.officerId,
        name: identity.name,
        postCode: post ?? '',
      };
      await setMeta(db, 'officer', officer);
    });
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}

export function getIdentity(db: LiaisonDb): Promise<DeviceIdentity | undefined> {
  return getMeta(db, 'identity');
}

/** The key record as stored: public keys and the sealed private ones. */
export async function sealDeviceKeys(
  dataKey: CryptoKey,
  keys: StoredDeviceKeys,
): Promise<StoredKeyRecord> {
  const { deviceId } = keys;
  const record: StoredKeyRecord = {
    deviceId,
    signingPublic: keys.signing.publicKey,
    encryptionPublic: keys.encryption.publicKey,
    signingPrivate: await wrapPrivateKey(dataKey, keys.signing.privateKey, deviceId, 'signing'),
    encryptionPrivate: await wrapPrivateKey(
      dataKey,
      keys.encryption.privateKey,
      deviceId,
      'encryption',
    ),
  };
  if (keys.recovery) {
    record.recoveryPublic = keys.recovery.publicKey;
    record.recoveryPrivate = await wrapPrivateKey(
      dataKey,
      keys.recovery.privateKey,
      deviceId,
      'recovery',
    );
  }
  return record;
}

/** Adds the sealed key pairs a rotation replaced to a key record (they are already sealed). */
export function withRetired(next: StoredKeyRecord, previous: StoredKeyRecord): StoredKeyRecord {
  const retired = [...(previous.retired ?? [])];
  retired.push({
    use: 'encryption',
    publicKey: previous.encryptionPublic,
    privateKey: previous.encryptionPrivate,
  });
  if (previous.recoveryPublic && previous.recoveryPrivate)
    retired.push({
      use: 'recovery',
      publicKey: previous.recoveryPublic,
      privateKey: previous.recoveryPrivate,
    });
  return { ...next, retired };
}

/**
 * This device's key pairs, private halves unwrapped with the data key (non-extractable).
 * 'locked' without the key; VaultError 'corrupt' when the store does not open with it.
 */
export async function getDeviceKeys(
  db: LiaisonDb,
  dataKey: CryptoKey | undefined,
): Promise<StoredDeviceKeys | undefined> {
  const record = await getMeta(db, 'deviceKeys');
  if (!record) return undefined;
  if (!dataKey) throw new DbError('locked', 'device keys are sealed while locked');
  const { deviceId } = record;
  const keys: StoredDeviceKeys = {
    deviceId,
    signing: {
      publicKey: record.signingPublic,
      privateKey: await unwrapPrivateKey(dataKey, record.signingPrivate, deviceId, 'signing'),
    },
    encryption: {
      publicKey: record.encryptionPublic,
      privateKey: await unwrapPrivateKey(dataKey, record.encryptionPrivate, deviceId, 'encryption'),
    },
  };
  if (record.recoveryPublic && record.recoveryPrivate) {
    keys.recovery = {
      publicKey: record.recoveryPublic,
      privateKey: await unwrapPrivateKey(dataKey, record.recoveryPrivate, deviceId, 'recovery'),
    };
  }
  if (record.retired && record.retired.length > 0) {
    keys.retired = await Promise.all(
      record.retired.map(async (r) => ({
        use: r.use,
        pair: {
          publicKey: r.publicKey,
          privateKey: await unwrapPrivateKey(dataKey, r.privateKey, deviceId, r.use),
        },
      })),
    );
  }
  return keys;
}

/**
 * Stores a profile HQ just signed together with HQ's new key record (a key rotation), in one
 * transaction: the profile naming the new keys is never stored without the keys, nor the
 * reverse. Refused (false) when a newer profile was stored meanwhile.
 */
export async function replaceProfileAndKeys(
  db: LiaisonDb,
  signed: SignedProfile,
  keys: StoredKeyRecord,
  expectedVersion: number,
): Promise<boolean> {
  try {
    return await db.transaction('rw', db.meta, async () => {
      const current = await getMeta(db, 'profile');
      if (!current || current.profile.version !== expectedVersion) return false;
      if (current.profile.networkId !== signed.profile.networkId) return false;
      await setMeta(db, 'profile', signed);
      await setMeta(db, 'deviceKeys', keys);
      return true;
    });
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}

/** The key record as stored (sealed private keys): what a rotation keeps as retired. */
export function getKeyRecord(db: LiaisonDb): Promise<StoredKeyRecord | undefined> {
  return getMeta(db, 'deviceKeys');
}

/** This device's public keys (no key needed: they are public). */
export async function getDevicePublicKeys(
  db: LiaisonDb,
): Promise<{ deviceId: string; signing: CryptoKey; encryption: CryptoKey } | undefined> {
  const record = await getMeta(db, 'deviceKeys');
  return (
    record && {
      deviceId: record.deviceId,
      signing: record.signingPublic,
      encryption: record.encryptionPublic,
    }
  );
}

export function getSignedProfile(db: LiaisonDb): Promise<SignedProfile | undefined> {
  return getMeta(db, 'profile');
}

export async function getNetworkProfile(db: LiaisonDb): Promise<NetworkProfile | undefined> {
  return (await getMeta(db, 'profile'))?.profile;
}

/**
 * Stores a newer profile the caller has verified against the current one (verifyProfile with
 * `current`). Checked again here, inside the transaction, so two imports racing in two
 * windows can never store an older one over a newer one.
 */
/**
 * Changes a revoked device sent that wait for a later one (exchangeDeferred) would be applied
 * once it arrives: revocation drops them with the profile that revokes it, in one transaction.
 */
export async function purgeDeferredOfRevoked(
  db: LiaisonDb,
  profile: SignedProfile['profile'],
): Promise<void> {
  const revoked = [
    ...profile.devices.filter((d) => d.revokedAt !== undefined).map((d) => d.deviceId),
    ...(profile.revokedKeys ?? []).map((r) => r.deviceId),
  ];
  if (revoked.length === 0) return;
  const ids = new Set(revoked);
  // One pass over what waits (usually little) rather than one query per revoked device.
  await db.exchangeDeferred.filter((row) => ids.has(row.deviceId)).delete();
}

export async function replaceProfile(db: LiaisonDb, signed: SignedProfile): Promise<boolean> {
  try {
    return await db.transaction('rw', db.meta, db.exchangeDeferred, async () => {
      const current = await getMeta(db, 'profile');
      if (current && current.profile.networkId !== signed.profile.networkId) {
        throw new DbError('write-failed', 'a profile of another network');
      }
      if (current && current.profile.version >= signed.profile.version) return false;
      await setMeta(db, 'profile', signed);
      await purgeDeferredOfRevoked(db, signed.profile);
      return true;
    });
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}

function isPublic(value: unknown, algorithm: string): boolean {
  return (
    value instanceof CryptoKey && value.type === 'public' && value.algorithm.name === algorithm
  );
}

function isWrapped(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { iv, sealed } = value as Partial<WrappedPrivateKey>;
  return typeof iv === 'string' && typeof sealed === 'string' && sealed.length > 0;
}

/**
 * Whether this device's key store is whole: public keys of the right kinds and both sealed
 * private keys, for this device. A damaged store cannot sign or open bundles; the app says
 * so instead of failing later in the middle of an export. (Whether the sealed keys open is
 * known only when unlocked: an export then reports 'corrupt'.)
 */
export async function checkKeyStore(db: LiaisonDb): Promise<'ok' | 'missing' | 'damaged'> {
  const identity = await getMeta(db, 'identity');
  const keys: unknown = await db.meta.get('deviceKeys').then((row) => row?.value);
  if (!identity) return 'ok';
  if (keys === undefined) return 'missing';
  const k = keys as Partial<StoredKeyRecord>;
  const whole =
    k.deviceId === identity.deviceId &&
    isPublic(k.signingPublic, 'Ed25519') &&
    isPublic(k.encryptionPublic, 'X25519') &&
    isWrapped(k.signingPrivate) &&
    isWrapped(k.encryptionPrivate);
  return whole ? 'ok' : 'damaged';
}

export function getVaultRecord(db: LiaisonDb): Promise<unknown> {
  return getMeta(db, 'vault');
}

/** What the shell needs to know of the vault record without reading keys. */
export async function readVaultFlags(db: LiaisonDb): Promise<{ mustChangePassphrase: boolean }> {
  const record = (await getVaultRecord(db)) as { mustChangePassphrase?: unknown } | undefined;
  return { mustChangePassphrase: record?.mustChangePassphrase === true };
}

export async function setVaultRecord(db: LiaisonDb, vault: VaultRecord): Promise<void> {
  try {
    await setMeta(db, 'vault', vault);
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}

/** The device's stored signature over its recovery copy (see MetaValues.recoveryBinding). */
export function getRecoveryBinding(
  db: LiaisonDb,
): Promise<{ wrappedKey: string; signature: string } | undefined> {
  return getMeta(db, 'recoveryBinding');
}

export async function setRecoveryBinding(
  db: LiaisonDb,
  binding: { wrappedKey: string; signature: string },
): Promise<void> {
  try {
    await setMeta(db, 'recoveryBinding', binding);
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}

/** HQ: records one answered recovery request (read, append, write in one transaction). */
export async function appendRecoveryLog(db: LiaisonDb, entry: RecoveryLogEntry): Promise<void> {
  try {
    await db.transaction('rw', db.meta, async () => {
      const log = (await getMeta(db, 'recoveryLog')) ?? [];
      await setMeta(db, 'recoveryLog', [...log, entry]);
    });
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}

export async function getRecoveryLog(db: LiaisonDb): Promise<RecoveryLogEntry[]> {
  return (await getMeta(db, 'recoveryLog')) ?? [];
}
