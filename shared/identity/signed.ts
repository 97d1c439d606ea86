// HQ's signature on the network profile, and the checks a device makes before trusting a
// new one (same HQ key, same network, newer version). The caller stores only on success.
import { equalBytes, toBase64Url } from '../bundle/bytes.ts';
import { type PublicKeyInput, publicKeyBytes } from '../bundle/keys.ts';
import { ProfileError } from './errors.ts';
import { type NetworkProfile, parseProfile } from './profile.ts';
import { rotationChainReaches } from './rotate.ts';
import {
  type SignatureContext,
  keyBytes,
  sameCanonical,
  signValue,
  verifyValue,
} from './signing.ts';

const CONTEXT: SignatureContext = 'liaison-log/network-profile/v1';

/** A profile and HQ's Ed25519 signature (base64url) over its canonical JSON. */
export interface SignedProfile {
  readonly profile: NetworkProfile;
  readonly signature: string;
}

export interface VerifyProfileOptions {
  /** A key the device was told to expect (pinned, or read to it by phone), if any. */
  readonly expectedHqSigningKey?: PublicKeyInput;
  /** The profile this device already trusts; absent on first run. */
  readonly current?: NetworkProfile;
}

/** Signs a valid profile. Refuses a key that is not the one the profile names as HQ's. */
export async function signProfile(
  profile: NetworkProfile,
  hqSigningPrivateKey: CryptoKey,
): Promise<SignedProfile> {
  const valid = parseProfile(profile);
  const signature = await signValue(CONTEXT, valid, hqSigningPrivateKey);
  const hqKey = keyBytes(valid.hq.signingKey);
  if (!hqKey || !(await verifyValue(CONTEXT, valid, signature, hqKey))) {
    throw new ProfileError('bad-signature', 'the private key does not match profile.hq.signingKey');
  }
  return { profile: valid, signature };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The HQ signing key a (not yet trusted) profile claims, or null if it names none. */
function claimedHqKey(profile: Record<string, unknown>): Uint8Array | null {
  return isRecord(profile.hq) ? keyBytes(profile.hq.signingKey) : null;
}

/**
 * Checks a signed profile and returns it, or throws ProfileError. In order:
 * - 'not-a-profile': not a { profile, signature } object at all;
 * - 'other-network': `current` belongs to another network (said first: it is the useful news);
 * - 'hq-key-changed': the profile names another HQ key than the trusted or expected one, and
 *   no chain of rotations (each signed by the key it replaces) leads there from it;
 * - 'bad-signature': the signature is not HQ's over exactly this content;
 * - 'invalid': signed, but not a valid, consistent profile (HQ's app is at fault);
 * - 'older-version': not newer than `current`;
 * - 'same-version-different-content': same version as `current` but other content, which only
 *   a second HQ install or a fault can make; neither copy is safe to prefer.
 * The same version with the same content is accepted: the caller sees
 * `result.version === current.version` and has nothing to store (a no-op import).
 */
export async function verifyProfile(
  signed: unknown,
  options: VerifyProfileOptions = {},
): Promise<NetworkProfile> {
  const { current } = options;
  if (!isRecord(signed) || !isRecord(signed.profile) || typeof signed.signature !== 'string') {
    throw new ProfileError('not-a-profile', 'expected { profile, signature }');
  }
  const raw = signed.profile;
  if (current && typeof raw.networkId === 'string' && raw.networkId !== current.networkId) {
    throw new ProfileError('other-network', `${raw.networkId} is not ${current.networkId}`);
  }
  const claimed = claimedHqKey(raw);
  const trusted: Uint8Array[] = [];
  if (options.expectedHqSigningKey)
    trusted.push(await publicKeyBytes(options.expectedHqSigningKey));
  const currentKey = current ? keyBytes(current.hq.signingKey) : null;
  if (currentKey) trusted.push(currentKey);
  // A new profile replaces HQ's key only through a chain of rotations, each signed by the key
  // it replaces, from every key this device trusts: a forger cannot sign a "newer" profile
  // with a key of their own.
  const hq: Record<string, unknown> = isRecord(raw.hq) ? raw.hq : {};
  for (const key of trusted) {
    if (!claimed || equalBytes(key, claimed)) continue;
    const chained = await rotationChainReaches(
      raw.networkId,
      hq.rotations,
      toBase64Url(key),
      toBase64Url(claimed),
    );
    if (!chained)
      throw new ProfileError('hq-key-changed', 'the profile is signed for another HQ key');
  }
  if (!claimed || !(await verifyValue(CONTEXT, raw, signed.signature, claimed))) {
    throw new ProfileError('bad-signature', 'the signature does not match the content');
  }
  const profile = parseProfile(raw);
  if (current) checkVersion(profile, current);
  return profile;
}

function checkVersion(profile: NetworkProfile, current: NetworkProfile): void {
  if (profile.version < current.version) {
    throw new ProfileError('older-version', `${profile.version} < ${current.version}`);
  }
  if (profile.version === current.version && !sameCanonical(profile, current)) {
    throw new ProfileError('same-version-different-content', `version ${profile.version}`);
  }
}
