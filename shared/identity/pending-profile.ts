// A profile that names another HQ signing key than the one a device trusts arrived through a
// rotation chain. A thief holding HQ's old key can sign such a chain too, so the device keeps
// it pending until the person types the new HQ code HQ reads by phone (as at first run).
import { sameFingerprintCode, fingerprintCode } from './fingerprint-code.ts';
import { type NetworkProfile } from './profile.ts';
import { type SignedProfile } from './signed.ts';

/** Profiles kept pending at most: a thief's many keys cannot fill the disk. */
export const MAX_PENDING_PROFILES = 8;

/** Whether `incoming` replaces the HQ signing key of `current` (it came by a rotation chain). */
export function changesHqKey(current: NetworkProfile, incoming: NetworkProfile): boolean {
  return incoming.hq.signingKey !== current.hq.signingKey;
}

/**
 * The pending list with `signed` added: one profile per HQ key (the newest version of it), the
 * most recently received last, the oldest dropped past the cap.
 */
export function withPendingProfile(
  pending: readonly SignedProfile[],
  signed: SignedProfile,
): SignedProfile[] {
  const key = signed.profile.hq.signingKey;
  const same = pending.find((p) => p.profile.hq.signingKey === key);
  if (same && same.profile.version >= signed.profile.version) return [...pending];
  const others = pending.filter((p) => p.profile.hq.signingKey !== key);
  return [...others, signed].slice(-MAX_PENDING_PROFILES);
}

/**
 * The pending profile whose HQ signing key has the code the person typed, or null: the code
 * HQ reads by phone picks HQ's genuine profile, never one a thief signed for their own key.
 */
export async function pendingProfileForCode(
  pending: readonly SignedProfile[],
  typed: string,
): Promise<SignedProfile | null> {
  for (const p of pending) {
    if (sameFingerprintCode(typed, await fingerprintCode(p.profile.hq.signingKey))) return p;
  }
  return null;
}
