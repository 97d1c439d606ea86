// HQ issuing a new version of the network profile: the edits as the next version, signed with
// this device's (non-extractable) HQ key, checked like any device would check it, then stored.
// issueProfile is also what approving a device uses (approveDevice gives the next version).
import {
  ProfileError,
  parseProfile,
  signProfile,
  verifyProfile,
  type ApprovedDevice,
  type Lead,
  type NetworkProfile,
  type ProfilePolicy,
  type ProfilePost,
  type ProfileRelay,
  type SignedProfile,
} from '../../../../shared/identity/index.ts';
import { demoPublicKeys, demoStatus } from '../../../../shared/identity/demo-guard.ts';
import { type LiaisonDb } from '../../db/db.ts';
import { replaceProfile } from '../../db/identity.ts';
import { whoAmI } from '../../db/who-am-i.ts';

/** An officer's first and last day at its post, on one of its devices ('' : none). */
export interface OfficerDates {
  readonly startOn: string;
  readonly endOn: string;
}

/** What HQ edits on the network screen; everything else comes from the current version. */
export interface ProfileEdits {
  readonly posts: readonly ProfilePost[];
  readonly leads: readonly Lead[];
  readonly policy: ProfilePolicy;
  /** HQ's relay for every device; null: none (devices decide); absent: the current one kept. */
  readonly relay?: ProfileRelay | null;
  /** Officers' start and end dates, by device id (the profile lists officers by device). */
  readonly officerDates?: Readonly<Record<string, OfficerDates>>;
}

/** The officer dates of a profile's officer devices, as the editor holds them. */
export function officerDatesOf(profile: NetworkProfile): Record<string, OfficerDates> {
  const dates: Record<string, OfficerDates> = {};
  for (const d of profile.devices)
    if (d.role === 'officer')
      dates[d.deviceId] = { startOn: d.startOn ?? '', endOn: d.endOn ?? '' };
  return dates;
}

/** A device with the dates HQ set ('' removes one). */
function withDates(device: ApprovedDevice, dates: OfficerDates | undefined): ApprovedDevice {
  if (!dates) return device;
  const { startOn: _s, endOn: _e, ...rest } = device;
  return {
    ...rest,
    ...(dates.startOn === '' ? {} : { startOn: dates.startOn }),
    ...(dates.endOn === '' ? {} : { endOn: dates.endOn }),
  };
}

/** The next version with HQ's edits, or ProfileError 'invalid' listing what is inconsistent. */
export function nextProfile(
  current: NetworkProfile,
  edits: ProfileEdits,
  now: Date,
): NetworkProfile {
  const { relay: currentRelay, ...rest } = current;
  const relay = edits.relay === undefined ? currentRelay : edits.relay;
  return parseProfile({
    ...rest,
    version: current.version + 1,
    issuedAt: now.toISOString(),
    posts: edits.posts.map((post) => ({ ...post })),
    leads: edits.leads.map((lead) => ({ ...lead, posts: [...lead.posts] })),
    devices: current.devices.map((d) => withDates(d, edits.officerDates?.[d.deviceId])),
    policy: { ...edits.policy },
    // No key at all when there is none, as in the profiles issued before relays existed.
    ...(relay ? { relay: { ...relay } } : {}),
  });
}

/**
 * Signs `next` with this device's HQ key, checks it against the stored profile exactly as an
 * officer's device will (same network, same HQ key, newer version), stores it and returns it.
 * Throws ProfileError when this device is not HQ or the profile would be refused; on any
 * failure nothing is stored.
 */
export async function issueProfile(
  db: LiaisonDb,
  next: NetworkProfile,
  dataKey: CryptoKey | undefined,
): Promise<SignedProfile> {
  const me = await whoAmI(db, { dataKey });
  const keys = me?.keys;
  if (me?.identity.role !== 'hq' || !keys) {
    throw new ProfileError('hq-key-changed', 'only the HQ device that holds the key can issue');
  }
  const current = me.signed;
  // Never signed: a profile mixing demo and real keys, which every device (this one too) refuses.
  if (demoStatus(next, await demoPublicKeys()) === 'mixed')
    throw new ProfileError('invalid', 'the profile would mix demo and real keys', [
      { path: 'devices', code: 'demo-key' },
    ]);
  // signProfile refuses a key that is not the one the profile names as HQ's.
  const signed = await signProfile(next, keys.signing.privateKey);
  await verifyProfile(signed, { current: current.profile });
  if (signed.profile.version <= current.profile.version) {
    throw new ProfileError('older-version', 'a new version must be higher than the current one');
  }
  // replaceProfile checks again inside its transaction: two windows issuing at once store one.
  if (!(await replaceProfile(db, signed))) {
    throw new ProfileError('older-version', 'a newer version was stored meanwhile');
  }
  return signed;
}
