// The built-in demo network, so a fresh install shows a working app at once: the 49 demo
// posts, one team lead per region, the 63 demo officers' generated-data devices, and example
// officers who enroll like real ones.
import { DEMO_POSTS, REGIONS, postsInRegion } from '../domain/posts.ts';
import { type ApprovedDevice, type Lead, type NetworkProfile, parseProfile } from './profile.ts';
import { type HqPublicKeys, DEFAULT_POLICY, createNetworkProfile } from './network.ts';
import { demoDeviceKeys, demoPublicKeyTexts, demoRecoveryKeys } from './demo-keys.ts';
import { DEMO_ROSTER, demoOfficerDeviceId } from './demo-roster.ts';
import { type SignedProfile, signProfile } from './signed.ts';

export const DEMO_NETWORK_ID = 'liaison-log-demo';
export const DEMO_HQ_DEVICE_ID = 'demo-hq';
export const DEMO_HQ_USER_ID = 'hq-ottawa';

const LEAD_NAMES = ['Camille Tremblay', 'Jonathan Roy', 'Aïcha Diallo', 'Daniel Wong'];

/** One lead per region, leading every post of it. */
export const DEMO_LEADS: readonly Lead[] = REGIONS.map((region, i) => ({
  officerId: `lead-${region.id}`,
  name: LEAD_NAMES[i] ?? region.name.en,
  posts: postsInRegion(region.id).map((post) => post.code),
}));

export { DEMO_OFFICERS, type DemoOfficer } from './demo-roster.ts';

export interface DemoNetworkInput {
  /** The demo HQ's keys (made on the device: the demo's private keys are never shipped). */
  readonly hqKeys: HqPublicKeys;
  readonly now: Date;
}

/** Version 1 of the demo network's profile, marked demo so every screen can say so. */
export function makeDemoNetwork(input: DemoNetworkInput): Promise<NetworkProfile> {
  return createNetworkProfile({
    networkId: DEMO_NETWORK_ID,
    networkName: { en: 'Liaison Log demo', fr: 'Démo Liaison Log' },
    hq: {
      deviceId: DEMO_HQ_DEVICE_ID,
      officerId: DEMO_HQ_USER_ID,
      name: 'Demo HQ (Ottawa)',
      keys: input.hqKeys,
    },
    posts: DEMO_POSTS,
    leads: DEMO_LEADS,
    policy: DEFAULT_POLICY,
    now: input.now,
    demo: true,
  });
}

/** When the demo network was "issued": fixed, so every demo install signs the same profile. */
export const DEMO_ISSUED_AT = '2026-01-01T00:00:00.000Z';

/** The device id of a demo team lead's laptop (one per lead, with fixed demo keys). */
export function demoLeadDeviceId(officerId: string): string {
  return `demo-${officerId}`;
}

/**
 * The demo network as every demo install holds it: HQ, each lead's laptop and each of the 63
 * officers' generated-data devices (`demo-<officer id>`, whose bundles `npm run demo:bundles`
 * writes) listed with their fixed demo keys, signed by the demo HQ. So a demo HQ or lead takes
 * those bundles without an approval step. Ed25519 signatures are deterministic, so two
 * installs make byte-identical profiles. A person trying the demo as an officer gets fresh
 * keys under their own device id and enrolls like a real officer.
 */
export async function makeDemoProfile(): Promise<SignedProfile> {
  const now = new Date(DEMO_ISSUED_AT);
  const hqKeys = await demoDeviceKeys(DEMO_HQ_DEVICE_ID);
  const recovery = await demoRecoveryKeys(DEMO_HQ_DEVICE_ID);
  const base = await makeDemoNetwork({ hqKeys: { ...hqKeys, recovery }, now });
  const listed = async (
    deviceId: string,
    entry: Pick<ApprovedDevice, 'officerId' | 'name' | 'role'> &
      Partial<Pick<ApprovedDevice, 'posts' | 'postCode'>>,
  ): Promise<ApprovedDevice> => {
    return {
      deviceId,
      ...entry,
      ...(await demoPublicKeyTexts(deviceId)),
      approvedAt: DEMO_ISSUED_AT,
    };
  };
  const devices: ApprovedDevice[] = [...base.devices];
  for (const lead of DEMO_LEADS) {
    const { officerId, name } = lead;
    const entry = { officerId, name, role: 'lead' as const, posts: [...lead.posts] };
    devices.push(await listed(demoLeadDeviceId(officerId), entry));
  }
  for (const officer of DEMO_ROSTER) {
    const { officerId, name, postCode } = officer;
    const entry = { officerId, name, role: 'officer' as const, postCode };
    devices.push(await listed(demoOfficerDeviceId(officerId), entry));
  }
  return signProfile(parseProfile({ ...base, devices }), hqKeys.signing.privateKey);
}
