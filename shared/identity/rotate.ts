// HQ replacing its own keys (signing, encryption, recovery): the next profile names the new
// ones and carries a rotation statement signed by the signing key it replaces, so devices
// that trust the old key accept the profile the new key signs (signed.ts follows the chain).
import { ProfileError } from './errors.ts';
import { type PublicKeySource, publicKeyText } from './network.ts';
import { type HqRotation, type NetworkProfile, parseProfile } from './profile.ts';
import { keyBytes, signValue, verifyValue } from './signing.ts';

const CONTEXT = 'liaison-log/hq-key-rotation/v1';

export interface NewHqKeys {
  readonly signing: PublicKeySource;
  readonly encryption: PublicKeySource;
  readonly recovery: PublicKeySource;
}

/** What the replaced key signs: the network, the version that first names the new key, the keys. */
function statement(networkId: string, r: Omit<HqRotation, 'signature'>) {
  return { networkId, version: r.version, from: r.from, to: r.to };
}

/**
 * The next profile with HQ's new public keys (in `hq` and in HQ's device entry) and the
 * rotation statement signed with the OLD signing key. The caller signs the result with the
 * NEW signing key (signProfile) and keeps the old encryption and recovery private keys: old
 * bundles and old recovery copies were made for them.
 */
export async function rotateHqKeys(
  profile: NetworkProfile,
  oldSigningPrivateKey: CryptoKey,
  keys: NewHqKeys,
  now: Date,
): Promise<NetworkProfile> {
  const signingKey = await publicKeyText(keys.signing);
  const encryptionKey = await publicKeyText(keys.encryption);
  const recoveryKey = await publicKeyText(keys.recovery);
  if (signingKey === profile.hq.signingKey || encryptionKey === profile.hq.encryptionKey) {
    throw new ProfileError('invalid', 'a rotation needs new keys', [
      { path: 'hq', code: 'duplicate-key' },
    ]);
  }
  const version = profile.version + 1;
  const unsigned = { version, from: profile.hq.signingKey, to: signingKey };
  const signature = await signValue(
    CONTEXT,
    statement(profile.networkId, unsigned),
    oldSigningPrivateKey,
  );
  const from = keyBytes(profile.hq.signingKey);
  if (
    !from ||
    !(await verifyValue(CONTEXT, statement(profile.networkId, unsigned), signature, from))
  )
    throw new ProfileError('bad-signature', 'the old private key is not the profile’s HQ key');
  const hqId = profile.hq.deviceId;
  return parseProfile({
    ...profile,
    version,
    issuedAt: now.toISOString(),
    hq: {
      ...profile.hq,
      signingKey,
      encryptionKey,
      recoveryKey,
      rotations: [...(profile.hq.rotations ?? []), { ...unsigned, signature }],
    },
    devices: profile.devices.map((d) =>
      d.deviceId === hqId ? { ...d, signingKey, encryptionKey } : d,
    ),
  });
}

/**
 * Whether the rotations lead from `trusted` to `claimed`, each step signed by the key it
 * replaces. `rotations` is not yet validated (the profile is not trusted yet): anything
 * malformed simply breaks the chain.
 */
export async function rotationChainReaches(
  networkId: unknown,
  rotations: unknown,
  trusted: string,
  claimed: string,
): Promise<boolean> {
  if (typeof networkId !== 'string' || !Array.isArray(rotations)) return false;
  let key = trusted;
  for (const r of rotations as unknown[]) {
    if (key === claimed) return true;
    if (typeof r !== 'object' || r === null) return false;
    const { version, from, to, signature } = r as Record<string, unknown>;
    if (from !== key) continue;
    if (typeof version !== 'number' || typeof to !== 'string' || typeof signature !== 'string')
      return false;
    const fromBytes = keyBytes(from);
    const value = statement(networkId, { version, from, to });
    if (!fromBytes || !(await verifyValue(CONTEXT, value, signature, fromBytes))) return false;
    key = to;
  }
  return key === claimed;
}
