// The pure part of holding profiles that name a new HQ key: which profile is such, the list
// kept (one per key, newest version, capped) and which one a typed code picks.
import { describe, expect, it } from 'vitest';
import { generateDeviceKeys } from '../../../shared/bundle/keys.ts';
import {
  MAX_PENDING_PROFILES,
  changesHqKey,
  fingerprintCode,
  makeDemoProfile,
  pendingProfileForCode,
  publicKeyText,
  withPendingProfile,
  type NetworkProfile,
  type SignedProfile,
} from '../../../shared/identity/index.ts';

async function newHqKey(): Promise<string> {
  return publicKeyText((await generateDeviceKeys()).signing.publicKey);
}

function withKey(base: NetworkProfile, signingKey: string, version: number): SignedProfile {
  return {
    profile: { ...base, version, hq: { ...base.hq, signingKey } },
    signature: `sig-${version}`,
  };
}

describe('profiles held until the new HQ code is typed', () => {
  it('are those naming another HQ signing key than the trusted profile', async () => {
    const base = (await makeDemoProfile()).profile;
    expect(changesHqKey(base, { ...base, version: base.version + 1 })).toBe(false);
    expect(changesHqKey(base, withKey(base, await newHqKey(), 2).profile)).toBe(true);
  });

  it('keep one profile per HQ key, its newest version, and at most the cap, the oldest received dropped', async () => {
    const base = (await makeDemoProfile()).profile;
    const k = await newHqKey();
    let list = withPendingProfile([], withKey(base, k, 5));
    list = withPendingProfile(list, withKey(base, k, 3));
    expect(list.map((p) => p.profile.version)).toEqual([5]);
    list = withPendingProfile(list, withKey(base, k, 7));
    expect(list.map((p) => p.profile.version)).toEqual([7]);
    const keys = [];
    for (let i = 0; i < MAX_PENDING_PROFILES; i++) keys.push(await newHqKey());
    for (const [i, key] of keys.entries())
      list = withPendingProfile(list, withKey(base, key, 10 + i));
    expect(list).toHaveLength(MAX_PENDING_PROFILES);
    expect(list.some((p) => p.profile.hq.signingKey === k)).toBe(false);
    expect(list.at(-1)!.profile.hq.signingKey).toBe(keys.at(-1));
  });

  it('are picked by the code of their HQ key as typed (case, spaces, dashes aside), never by another code', async () => {
    const base = (await makeDemoProfile()).profile;
    const thief = withKey(base, await newHqKey(), 100);
    const genuine = withKey(base, await newHqKey(), 2);
    const list = [thief, genuine];
    const code = await fingerprintCode(genuine.profile.hq.signingKey);
    expect(await pendingProfileForCode(list, code.toLowerCase().replace(/ /g, '-'))).toBe(genuine);
    expect(await pendingProfileForCode(list, await fingerprintCode(base.hq.signingKey))).toBeNull();
    expect(await pendingProfileForCode(list, '')).toBeNull();
    expect(await pendingProfileForCode([], code)).toBeNull();
  });
});
