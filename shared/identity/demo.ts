// The built-in demo network, so a fresh install shows a working app at once: the 49 demo
// posts, one team lead per region, and example officers who enroll like real ones.
import { DEMO_POSTS, REGIONS, postsInRegion } from '../domain/posts.ts';
import { type ApprovedDevice, type Lead, type NetworkProfile, parseProfile } from './profile.ts';
import {
  type HqPublicKeys,
  DEFAULT_POLICY,
  createNetworkProfile,
  publicKeyText,
} from './network.ts';
import { demoDeviceKeys, demoRecoveryKeys } from './demo-keys.ts';
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

export interface DemoOfficer {
  readonly officerId: string;
  readonly name: string;
  readonly postCode: string;
}

/** Example officers the demo offers to "be"; not in the profile until their device enrolls. */
export const DEMO_OFFICERS: readonly DemoOfficer[] = [
  { officerId: 'lo-bogota-1', name: 'Sofía Herrera', postCode: 'BOG' },
  { officerId: 'lo-mexico-1', name: 'Marc-André Gagnon', postCode: 'MEX' },
  { officerId: 'lo-london-1', name: 'Priya Sharma', postCode: 'LON' },
  { officerId: 'lo-paris-1', name: 'Élise Bouchard', postCode: 'PAR' },
  { officerId: 'lo-lagos-1', name: 'Amara Okafor', postCode: 'LOS' },
  { officerId: 'lo-nairobi-1', name: 'Kevin Otieno', postCode: 'NBO' },
  { officerId: 'lo-delhi-1', name: 'Anil Kapoor', postCode: 'DEL' },
  { officerId: 'lo-manila-1', name: 'Maria Santos', postCode: 'MNL' },
];

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
 * The demo network as every demo install holds it: HQ and each lead's laptop listed with
 * their fixed demo keys, signed by the demo HQ. Ed25519 signatures are deterministic, so two
 * installs make byte-identical profiles. Officers' laptops enroll like real ones.
 */
export async function makeDemoProfile(): Promise<SignedProfile> {
  const now = new Date(DEMO_ISSUED_AT);
  const hqKeys = await demoDeviceKeys(DEMO_HQ_DEVICE_ID);
  const recovery = await demoRecoveryKeys(DEMO_HQ_DEVICE_ID);
  const base = await makeDemoNetwork({ hqKeys: { ...hqKeys, recovery }, now });
  const devices: ApprovedDevice[] = [...base.devices];
  for (const lead of DEMO_LEADS) {
    const deviceId = demoLeadDeviceId(lead.officerId);
    const keys = await demoDeviceKeys(deviceId);
    devices.push({
      deviceId,
      officerId: lead.officerId,
      name: lead.name,
      role: 'lead',
      posts: [...lead.posts],
      signingKey: await publicKeyText(keys.signing),
      encryptionKey: await publicKeyText(keys.encryption),
      approvedAt: DEMO_ISSUED_AT,
    });
  }
  return signProfile(parseProfile({ ...base, devices }), hqKeys.signing.privateKey);
}
