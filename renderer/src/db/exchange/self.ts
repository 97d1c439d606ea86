// Who this device is in the exchange, and whom it knows: the devices of the trusted profile
// (and, at a team lead, the officer devices it approved itself), their keys and scopes, and
// the recipients of what this device exports.
import { fromBase64Url } from '../../../../shared/bundle/bytes.ts';
import { isBundleError } from '../../../../shared/bundle/errors.ts';
import { MAX_RECIPIENTS } from '../../../../shared/bundle/limits.ts';
import { type BundleRecipient } from '../../../../shared/bundle/types.ts';
import { CATALOGUE_VERSION } from '../../../../shared/domain/catalogue.ts';
import { scopeOf } from '../../../../shared/identity/approve.ts';
import { isGeneratedDemoDevice } from '../../../../shared/identity/demo-roster.ts';
import { fingerprintCode } from '../../../../shared/identity/fingerprint-code.ts';
import {
  holdsRevokedKey,
  isRevoked,
  type NetworkProfile,
} from '../../../../shared/identity/profile.ts';
import { type SignedProfile } from '../../../../shared/identity/signed.ts';
import { type SenderScope } from '../../../../shared/sync/authorize.ts';
import { type SenderInfo } from './api.ts';
import { type LiaisonDb } from '../db.ts';
import { assertOwnProfileNotMixed } from './demo.ts';
import { ExchangeError } from './errors.ts';
import { type LocalApprovalRow } from './schema.ts';
import { homePost } from '../identity.ts';
import { type DeviceIdentity, type StoredDeviceKeys } from '../meta.ts';
import { getDeviceKeys } from '../identity.ts';
import { whoAmI } from '../who-am-i.ts';

export interface ExchangeSelf {
  identity: DeviceIdentity;
  keys: StoredDeviceKeys;
  signed: SignedProfile;
  profile: NetworkProfile;
  /** The posts this device answers for: an officer's one, a lead's (from the profile), HQ none. */
  posts: readonly string[];
  /** A lead's own approvals of officer devices of its posts; empty elsewhere. */
  approvals: readonly LocalApprovalRow[];
}

/** A device this device trusts, with the key it must sign with and what it may write. */
export interface KnownDevice {
  deviceId: string;
  officerId: string;
  role: 'officer' | 'lead' | 'hq';
  postCode: string | null;
  signingKey: string;
  encryptionKey: string;
  scope: SenderScope;
  source: 'profile' | 'local';
}

function postsOf(identity: DeviceIdentity, profile: NetworkProfile): string[] {
  if (identity.role === 'officer') return identity.postCode ? [identity.postCode] : [];
  if (identity.role === 'lead')
    return [...(profile.leads.find((l) => l.officerId === identity.officerId)?.posts ?? [])];
  return [];
}

/** What is known of this device without its private keys. */
export type SelfInfo = Omit<ExchangeSelf, 'keys'>;

/**
 * This device's identity, keys and profile; ExchangeError 'no-identity' before set-up,
 * 'locked' without the data key (the private keys are sealed with it).
 */
export async function loadSelf(
  db: LiaisonDb,
  dataKey: CryptoKey | undefined,
): Promise<ExchangeSelf> {
  const info = await loadSelfInfo(db);
  if (!dataKey) throw new ExchangeError('locked', 'the device keys are sealed while locked');
  const keys = await getDeviceKeys(db, dataKey);
  if (!keys) throw new ExchangeError('no-identity');
  return { ...info, keys };
}

/** This device's identity and profile, without unwrapping its private keys. */
export async function loadSelfInfo(db: LiaisonDb): Promise<SelfInfo> {
  const me = await whoAmI(db);
  if (!me?.hasKeys) throw new ExchangeError('no-identity');
  const { identity, signed } = me;
  // Demo keys are public: a profile mixing them with a real network neither sends nor takes.
  await assertOwnProfileNotMixed(signed.profile);
  const posts = postsOf(identity, signed.profile);
  const approvals =
    identity.role === 'lead'
      ? (await db.exchangeApprovals.toArray()).filter((a) => posts.includes(a.postCode))
      : [];
  return { identity, signed, profile: signed.profile, posts, approvals };
}

/** A device of the profile, or (at a lead) one it approved for its posts; else undefined. */
export function knownDevice(self: SelfInfo, deviceId: string): KnownDevice | undefined {
  const { profile } = self;
  const device = profile.devices.find((d) => d.deviceId === deviceId);
  // Revoked (by id or by key): never trusted again, not even by a lead's own earlier
  // approval, never a recipient.
  if (device?.revokedAt !== undefined || isRevoked(profile, deviceId)) return undefined;
  if (device && holdsRevokedKey(profile, device)) return undefined;
  const scope = device ? scopeOf(profile, deviceId) : undefined;
  if (device && scope) {
    const postCode =
      device.role === 'officer'
        ? (device.postCode ?? null)
        : device.role === 'lead' && scope.role === 'lead'
          ? (scope.posts[0] ?? null)
          : null;
    return {
      deviceId,
      officerId: device.officerId,
      role: device.role,
      postCode,
      signingKey: device.signingKey,
      encryptionKey: device.encryptionKey,
      scope,
      source: 'profile',
    };
  }
  const local = self.approvals.find((a) => a.deviceId === deviceId);
  if (!local || holdsRevokedKey(profile, local)) return undefined;
  return {
    deviceId,
    officerId: local.officerId,
    role: 'officer',
    postCode: local.postCode,
    signingKey: local.signingKey,
    encryptionKey: local.encryptionKey,
    scope: { role: 'officer', officerId: local.officerId, postCode: local.postCode },
    source: 'local',
  };
}

function leadDevicesOf(profile: NetworkProfile, posts: readonly string[]): string[] {
  const leads = new Set(
    profile.leads.filter((l) => l.posts.some((p) => posts.includes(p))).map((l) => l.officerId),
  );
  return profile.devices
    .filter((d) => d.role === 'lead' && leads.has(d.officerId))
    .map((d) => d.deviceId);
}

/**
 * Who receives this device's changes. An officer: HQ and the leads of its post. A lead: HQ,
 * the other leads of its posts and the officer devices of its posts (its reviews go back to
 * them). HQ: every lead and officer device. At most MAX_RECIPIENTS. Never the demo officers'
 * generated-data devices: no install runs them.
 */
export function changeRecipients(self: SelfInfo): KnownDevice[] {
  const { profile, identity, posts } = self;
  const ids: string[] = [];
  if (identity.role !== 'hq') ids.push(profile.hq.deviceId);
  if (identity.role === 'officer') ids.push(...leadDevicesOf(profile, posts));
  if (identity.role === 'lead') {
    ids.push(...leadDevicesOf(profile, posts));
    ids.push(
      ...profile.devices
        .filter(
          (d) => d.role === 'officer' && d.postCode !== undefined && posts.includes(d.postCode),
        )
        .map((d) => d.deviceId),
      ...self.approvals.map((a) => a.deviceId),
    );
  }
  if (identity.role === 'hq')
    ids.push(...profile.devices.filter((d) => d.role !== 'hq').map((d) => d.deviceId));
  const unique = [...new Set(ids)].filter(
    (id) => id !== identity.deviceId && !isGeneratedDemoDevice(profile, id),
  );
  const devices = unique
    .map((id) => knownDevice(self, id))
    .filter((d): d is KnownDevice => d !== undefined);
  if (devices.length === 0) throw new ExchangeError('no-recipients');
  if (devices.length > MAX_RECIPIENTS)
    throw new ExchangeError('too-many-recipients', `${devices.length} devices`, {
      count: devices.length,
      max: MAX_RECIPIENTS,
    });
  return devices;
}

export function keyBytes(text: string): Uint8Array {
  const bytes = fromBase64Url(text);
  if (!bytes) throw new ExchangeError('unexpected', 'a stored public key is not base64url');
  return bytes;
}

export function asRecipients(devices: readonly KnownDevice[]): BundleRecipient[] {
  return devices.map((d) => ({ deviceId: d.deviceId, publicKey: keyBytes(d.encryptionKey) }));
}

/** Whether a receipt signed by `deviceId` speaks for this device's recipients. */
export function trustsReceiptsFrom(self: SelfInfo, device: KnownDevice): boolean {
  if (device.source !== 'profile') return false;
  if (device.role === 'hq') return device.deviceId === self.profile.hq.deviceId;
  if (device.role !== 'lead' || device.scope.role !== 'lead') return false;
  if (self.identity.role === 'hq') return true;
  const leadPosts = device.scope.posts;
  return self.posts.some((p) => leadPosts.includes(p));
}

/** How a report names a sender: role, post and the fingerprint code of its signing key. */
export async function senderInfo(
  device: Pick<KnownDevice, 'deviceId' | 'officerId' | 'postCode' | 'signingKey'> & {
    role: SenderInfo['role'];
  },
): Promise<SenderInfo> {
  return {
    deviceId: device.deviceId,
    officerId: device.officerId,
    postCode: device.postCode,
    role: device.role,
    fingerprint: await fingerprintCode(device.signingKey),
  };
}

/** The post this device's bundles name as theirs (null for HQ). */
export function ownPostCode(self: SelfInfo): string | null {
  return self.identity.role === 'hq' ? null : (homePost(self.identity) ?? null);
}

/** The keys and checks every bundle addressed to this device is opened with. */
export function decodeKeys(self: ExchangeSelf, pair: CryptoKeyPair = self.keys.encryption) {
  return {
    recipientDeviceId: self.identity.deviceId,
    recipientPrivateKey: pair.privateKey,
    recipientPublicKey: pair.publicKey,
    networkId: self.profile.networkId,
  };
}

/**
 * decodeBundle with this device's encryption key, then (HQ after a key rotation) each key it
 * replaced: a bundle made before the sender had HQ's new profile is addressed to the old key.
 */
export async function decodeForSelf<T>(
  self: ExchangeSelf,
  decode: (keys: ReturnType<typeof decodeKeys>) => Promise<T>,
): Promise<T> {
  const retired = (self.keys.retired ?? []).filter((r) => r.use === 'encryption');
  try {
    return await decode(decodeKeys(self));
  } catch (e) {
    if (!isBundleError(e) || e.code !== 'not-addressed-to-me' || retired.length === 0) throw e;
    for (const { pair } of retired) {
      try {
        return await decode(decodeKeys(self, pair));
      } catch (again) {
        if (!isBundleError(again) || again.code !== 'not-addressed-to-me') throw again;
      }
    }
    throw e;
  }
}

/** What every bundle this device writes says of its sender, and the keys that sign it. */
export function senderFields(self: ExchangeSelf, appVersion: string) {
  return {
    networkId: self.profile.networkId,
    sender: {
      deviceId: self.identity.deviceId,
      officerId: self.identity.officerId,
      postCode: ownPostCode(self),
    },
    appVersion,
    catalogueVersion: CATALOGUE_VERSION,
    signingKey: self.keys.signing.privateKey,
    senderPublicKeys: {
      signing: self.keys.signing.publicKey,
      encryption: self.keys.encryption.publicKey,
    },
  };
}
