// HQ's side of enrollment: adding a device it has checked to a new profile version, and
// reading back what any approved device may write (the scope the importer authorizes by).
import { type SenderScope } from '../sync/authorize.ts';
import { type DeviceCard, parseDeviceCard } from './enrollment.ts';
import { type ProfileIssue, ProfileError } from './errors.ts';
import {
  type ApprovedDevice,
  type NetworkProfile,
  holdsRevokedKey,
  isRevoked,
  parseProfile,
} from './profile.ts';

/** What the profile's own checks cannot see: a card asking for more than HQ has granted. */
function cardIssues(profile: NetworkProfile, card: DeviceCard): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const post = card.postCode && profile.posts.find((p) => p.code === card.postCode);
  // A retired post keeps its devices (their old records still sync) but takes no new one.
  if (post && post.retired === true) {
    issues.push({ path: 'postCode', code: 'retired-post', value: post.code });
  }
  const lead = profile.leads.find((l) => l.officerId === card.officerId);
  if (card.role === 'lead' && lead) {
    card.posts?.forEach((code, i) => {
      if (!lead.posts.includes(code))
        issues.push({ path: `posts.${i}`, code: 'post-not-led', value: code });
    });
  }
  return issues;
}

/**
 * The next profile version with the card's device approved (HQ compared the fingerprint code
 * first). A device id approved before with other keys is refused ('key-changed'): a new key
 * is a new device, or a stolen identity, and HQ must remove the old entry on purpose first.
 * The same device with the same keys is updated in place (a move to another post).
 */
export function approveDevice(
  profile: NetworkProfile,
  card: DeviceCard,
  approvedAt: string,
): NetworkProfile {
  const valid = parseDeviceCard(card);
  const index = profile.devices.findIndex((d) => d.deviceId === valid.deviceId);
  const existing = profile.devices[index];
  // Revocation goes by key: the same keys under a new device id are the same revoked laptop.
  if (
    existing?.revokedAt !== undefined ||
    isRevoked(profile, valid.deviceId) ||
    holdsRevokedKey(profile, valid)
  ) {
    throw new ProfileError('device-revoked', `${valid.deviceId} or its keys were revoked`);
  }
  if (
    existing &&
    (existing.signingKey !== valid.signingKey || existing.encryptionKey !== valid.encryptionKey)
  ) {
    throw new ProfileError('key-changed', `${valid.deviceId} was approved with other keys`);
  }
  const issues = cardIssues(profile, valid);
  if (issues.length > 0)
    throw new ProfileError('invalid', 'the card asks for more than HQ granted', issues);
  const { createdAt: _createdAt, ...fields } = valid;
  const device: ApprovedDevice = { ...fields, approvedAt };
  const devices = existing
    ? profile.devices.map((d, i) => (i === index ? device : d))
    : [...profile.devices, device];
  // The whole profile is checked again, so every consistency rule holds for the new device.
  return parseProfile({ ...profile, version: profile.version + 1, issuedAt: approvedAt, devices });
}

/** The keys of a device HQ knows only from its bundles (a team lead approved it locally). */
export interface UnlistedDeviceKeys {
  readonly signingKey: string;
  readonly encryptionKey: string;
}

/**
 * The next profile version with the device revoked (a stolen or replaced laptop). A listed
 * device keeps its entry and keys, marked `revokedAt`: what it sent before stays applied, what
 * it sends after is refused, and no export or receipt is encrypted for it. A device the
 * profile does not list (approved by a team lead only) is revoked by the keys HQ saw in its
 * bundles (`unlisted`): added to `revokedKeys`, which every device checks for profile entries
 * and a lead's local approvals alike. HQ's own device cannot be revoked (HQ rotates its keys
 * instead). Revoking a revoked device is refused as already done.
 */
export function revokeDevice(
  profile: NetworkProfile,
  deviceId: string,
  revokedAt: string,
  unlisted?: UnlistedDeviceKeys,
): NetworkProfile {
  const device = profile.devices.find((d) => d.deviceId === deviceId);
  if (isRevoked(profile, deviceId) || (!device && unlisted && holdsRevokedKey(profile, unlisted)))
    throw new ProfileError('device-revoked', `${deviceId} is revoked already`);
  if (deviceId === profile.hq.deviceId) {
    throw new ProfileError('invalid', 'HQ rotates its keys; it does not revoke itself', [
      { path: 'hq.deviceId', code: 'hq-device-mismatch', value: deviceId },
    ]);
  }
  const next = { ...profile, version: profile.version + 1, issuedAt: revokedAt };
  if (device) {
    const devices = profile.devices.map((d) => (d.deviceId === deviceId ? { ...d, revokedAt } : d));
    return parseProfile({ ...next, devices });
  }
  if (!unlisted) throw new ProfileError('unknown-device', `${deviceId} is not in the profile`);
  const entry = {
    deviceId,
    signingKey: unlisted.signingKey,
    encryptionKey: unlisted.encryptionKey,
    revokedAt,
  };
  return parseProfile({ ...next, revokedKeys: [...(profile.revokedKeys ?? []), entry] });
}

/**
 * What the device may write, as the importer's authorizer needs it, or undefined for a device
 * the profile does not list or has revoked. Records are owned by officer id, not device: a
 * replacement laptop under the same officer id may write that officer's older records. A lead's posts come from the leads list, not from its device
 * entry: HQ changes a lead's posts in one place and every device of that lead follows.
 */
export function scopeOf(profile: NetworkProfile, deviceId: string): SenderScope | undefined {
  const device = profile.devices.find((d) => d.deviceId === deviceId);
  if (!device || device.revokedAt !== undefined) return undefined;
  switch (device.role) {
    case 'officer':
      return device.postCode === undefined
        ? undefined
        : { role: 'officer', officerId: device.officerId, postCode: device.postCode };
    case 'lead': {
      const lead = profile.leads.find((l) => l.officerId === device.officerId);
      return lead
        ? { role: 'lead', officerId: device.officerId, posts: [...lead.posts] }
        : undefined;
    }
    case 'hq':
      return { role: 'hq', userId: device.officerId };
  }
}
