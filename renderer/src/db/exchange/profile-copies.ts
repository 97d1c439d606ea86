// HQ's network profile as the relay carries it to each device: the signed profile inside a
// `profile` bundle encrypted to that one device and signed with HQ's key, so the relay's
// operator reads no roster (names, posts, keys, revocations, the relay's own address). A
// device opens it as it opens any profile bundle (import.ts importProfileBundle).
import { encodeBundle } from '../../../../shared/bundle/codec.ts';
import { type SignedProfile } from '../../../../shared/identity/signed.ts';
import { type ApprovedDevice } from '../../../../shared/identity/profile.ts';
import { type Json } from '../../../../shared/sync/change.ts';
import { type ExchangeDeps } from './export.ts';
import { keyBytes, loadSelf, senderFields } from './self.ts';

export interface ProfileCopy {
  deviceId: string;
  data: Uint8Array;
}

/** One sealed copy of `signed` per device; ExchangeError 'locked' while the vault is locked. */
export async function profileCopies(
  deps: ExchangeDeps,
  signed: SignedProfile,
  devices: readonly Pick<ApprovedDevice, 'deviceId' | 'encryptionKey'>[],
): Promise<ProfileCopy[]> {
  const self = await loadSelf(deps.db, deps.dataKey);
  const createdAt = new Date(deps.db.now()).toISOString();
  const payload = { profile: signed.profile, signature: signed.signature } as unknown as Json;
  const copies: ProfileCopy[] = [];
  for (const device of devices) {
    const data = await encodeBundle({
      ...senderFields(self, deps.appVersion),
      kind: 'profile',
      bundleId: deps.db.newId(),
      ranges: [],
      createdAt,
      recipients: [{ deviceId: device.deviceId, publicKey: keyBytes(device.encryptionKey) }],
      payload,
    });
    copies.push({ deviceId: device.deviceId, data });
  }
  return copies;
}
