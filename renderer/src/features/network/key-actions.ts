// HQ's key-life actions on the Network screen: revoking a device (a stolen or replaced laptop)
// and replacing HQ's own keys. Each issues the next signed profile, checked as a device will
// check it, and stores it; nothing is stored on any failure.
import { generateDeviceKeys } from '../../../../shared/bundle/keys.ts';
import {
  ProfileError,
  revokeDevice,
  rotateHqKeys,
  signProfile,
  verifyProfile,
  type SignedProfile,
} from '../../../../shared/identity/index.ts';
import { type LiaisonDb } from '../../db/db.ts';
import {
  getKeyRecord,
  getSignedProfile,
  replaceProfileAndKeys,
  sealDeviceKeys,
  withRetired,
} from '../../db/identity.ts';
import { rejectPending } from '../../db/exchange/devices.ts';
import { issueProfile } from './issue-profile.ts';
import { whoAmI } from '../../db/who-am-i.ts';

/**
 * The next profile with `deviceId` revoked, signed with HQ's key and stored. A device the
 * profile does not list (a team lead approved it locally) is revoked by the keys of the
 * bundles it sent HQ, which wait here for approval (every officer device encrypts for HQ, so
 * HQ sees them offline); its waiting bundles are then dropped.
 */
export async function revokeDeviceAtHq(
  db: LiaisonDb,
  deviceId: string,
  dataKey: CryptoKey | undefined,
  now: Date,
): Promise<SignedProfile> {
  const current = await getSignedProfile(db);
  if (!current) throw new ProfileError('not-a-profile', 'no profile on this device');
  const listed = current.profile.devices.some((d) => d.deviceId === deviceId);
  const pending = listed ? undefined : await db.exchangePendingDevices.get(deviceId);
  const next = revokeDevice(current.profile, deviceId, now.toISOString(), pending);
  const signed = await issueProfile(db, next, dataKey);
  if (pending) await rejectPending(db, deviceId);
  return signed;
}

/**
 * New signing, encryption and recovery keys for HQ: the next profile names them, carries the
 * rotation statement signed with the old signing key, and is signed with the new one. The
 * new private keys are sealed with the data key like the first ones (and used only as
 * non-extractable keys); the old encryption and recovery keys are kept, sealed, as retired,
 * so bundles and recovery copies made for them still open. Profile and keys are stored in
 * one transaction.
 */
export async function rotateKeysAtHq(
  db: LiaisonDb,
  dataKey: CryptoKey | undefined,
  now: Date,
): Promise<SignedProfile> {
  const [me, record] = await Promise.all([whoAmI(db, { dataKey }), getKeyRecord(db)]);
  const keys = me?.keys;
  if (!dataKey || me?.identity.role !== 'hq' || !keys || !record) {
    throw new ProfileError('hq-key-changed', 'only the HQ device that holds the key can rotate');
  }
  const { identity, signed: current } = me;
  // The demo's HQ keys are derived from public seeds; new ones would make its profile mix
  // demo and real keys, which every device refuses (shared/identity/demo-guard.ts).
  if (current.profile.demo)
    throw new ProfileError('invalid', 'the demo network’s keys are fixed and never replaced');
  const fresh = await generateDeviceKeys({ extractable: true });
  const recovery = (await generateDeviceKeys({ extractable: true })).encryption;
  const next = await rotateHqKeys(
    current.profile,
    keys.signing.privateKey,
    { signing: fresh.signing, encryption: fresh.encryption, recovery },
    now,
  );
  const signed = await signProfile(next, fresh.signing.privateKey);
  // Exactly the check an officer's device makes: the chain from the key it trusts.
  await verifyProfile(signed, { current: current.profile });
  const sealed = await sealDeviceKeys(dataKey, {
    deviceId: identity.deviceId,
    signing: fresh.signing,
    encryption: fresh.encryption,
    recovery,
  });
  if (
    !(await replaceProfileAndKeys(db, signed, withRetired(sealed, record), current.profile.version))
  )
    throw new ProfileError('older-version', 'a newer version was stored meanwhile');
  return signed;
}
