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
  signProfile,
} from '../../shared/identity/index.ts';

export interface ForgedProfile {
  path: string;
  /** The code an officer's wizard shows for HQ (HQ reads the same one out on the phone). */
  hqCode: string;
}

/** Writes version 1 of a network "Liaison network" with the given idle lock to `path`. */
export async function writeNetworkProfile(
  path: string,
  options: { idleLockMinutes?: number } = {},
): Promise<ForgedProfile> {
  const keys = await demoDeviceKeys('e2e-test-hq');
  const profile = await createNetworkProfile({
    networkName: { en: 'Liaison network', fr: 'Réseau de liaison' },
    hq: { deviceId: 'e2e-test-hq', officerId: 'hq-nadia', name: 'Nadia Côté', keys },
    posts: DEMO_POSTS,
    policy: { idleLockMinutes: options.idleLockMinutes ?? 15, sensitiveRetentionDays: 90 },
    now: new Date(),
  });
  const signed = await signProfile(profile, keys.signing.privateKey);
  await writeFile(path, encodeProfileFile(signed));
  return { path, hqCode: await fingerprintCode(profile.hq.signingKey) };
}
