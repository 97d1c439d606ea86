// A real (not demo) network profile file made in this process, as HQ's wizard would make it:
// lets an officer's tests start from "HQ sent me this file" without walking HQ's whole wizard
// first. HQ's keys are fixed test keys (demo-style seeds under a test label).
import { writeFile } from 'node:fs/promises';
import { DEMO_POSTS } from '../../shared/domain/posts.ts';
import {
  createNetworkProfile,
  demoDeviceKeys,
  encodeProfileFile,
  fingerprintCode,
  rotateHqKeys,
  signProfile,
  type NetworkProfile,
  type SignedProfile,
} from '../../shared/identity/index.ts';

const HQ_SEED = 'e2e-test-hq';

export interface ForgedProfile {
  path: string;
  /** The code an officer's wizard shows for HQ (HQ reads the same one out on the phone). */
  hqCode: string;
  signed: SignedProfile;
}

/** Writes version 1 of a network "Liaison network" with the given idle lock to `path`. */
export async function writeNetworkProfile(
  path: string,
  options: { idleLockMinutes?: number } = {},
): Promise<ForgedProfile> {
  const keys = await demoDeviceKeys(HQ_SEED);
  const profile = await createNetworkProfile({
    networkName: { en: 'Liaison network', fr: 'Réseau de liaison' },
    hq: { deviceId: 'e2e-test-hq', officerId: 'hq-nadia', name: 'Nadia Côté', keys },
    posts: DEMO_POSTS,
    policy: { idleLockMinutes: options.idleLockMinutes ?? 15, sensitiveRetentionDays: 90 },
    now: new Date(),
  });
  const signed = await signProfile(profile, keys.signing.privateKey);
  await writeFile(path, encodeProfileFile(signed));
  return { path, hqCode: await fingerprintCode(profile.hq.signingKey), signed };
}

/**
 * The profile after `base` with HQ's keys replaced by test keys of `seed`, the rotation signed
 * by HQ's key of `base` (as HQ does, or a thief who stole that key), at `version`.
 */
export async function rotatedProfile(
  base: NetworkProfile,
  seed: string,
  version: number,
): Promise<{ bytes: Buffer; hqCode: string }> {
  const old = await demoDeviceKeys(HQ_SEED);
  const keys = await demoDeviceKeys(seed);
  const recovery = await demoDeviceKeys(`${seed}-recovery`);
  const next = await rotateHqKeys(
    { ...base, version: version - 1 },
    old.signing.privateKey,
    {
      signing: keys.signing.publicKey,
      encryption: keys.encryption.publicKey,
      recovery: recovery.encryption.publicKey,
    },
    new Date(),
  );
  const signed = await signProfile(next, keys.signing.privateKey);
  return {
    bytes: Buffer.from(encodeProfileFile(signed)),
    hqCode: await fingerprintCode(next.hq.signingKey),
  };
}
