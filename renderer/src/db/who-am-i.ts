// "Who am I": this device's identity, the HQ-signed profile it lives by, and (given the data
// key) its own unsealed keys. One read that recovery, profile issuing, HQ's key actions and
// the exchange engine share, instead of each assembling the three by hand.
import { type NetworkProfile } from '../../../shared/identity/profile.ts';
import { type SignedProfile } from '../../../shared/identity/signed.ts';
import { type LiaisonDb } from './db.ts';
import { getDeviceKeys } from './identity.ts';
import { getMeta, type DeviceIdentity, type StoredDeviceKeys } from './meta.ts';

export interface Me {
  identity: DeviceIdentity;
  signed: SignedProfile;
  profile: NetworkProfile;
  /** Whether the device holds keys at all (sealed under the data key). */
  hasKeys: boolean;
  /** The unsealed keys, when asked for with the data key; undefined if the device has none. */
  keys?: StoredDeviceKeys;
}

/**
 * This device, or undefined before set-up (no identity or no profile yet). With `dataKey`
 * in the options, also its keys, unsealed; a device holding keys refuses while locked
 * (DbError 'locked', as getDeviceKeys).
 */
export async function whoAmI(
  db: LiaisonDb,
  options?: { dataKey: CryptoKey | undefined },
): Promise<Me | undefined> {
  const [identity, signed, keyRecord] = await Promise.all([
    getMeta(db, 'identity'),
    getMeta(db, 'profile'),
    getMeta(db, 'deviceKeys'),
  ]);
  if (!identity || !signed) return undefined;
  const me: Me = { identity, signed, profile: signed.profile, hasKeys: keyRecord !== undefined };
  if (options) {
    const keys = await getDeviceKeys(db, options.dataKey);
    if (keys) me.keys = keys;
  }
  return me;
}
