// The wall between the demo and real networks. The demo's HQ and lead keys come from public
// seeds, so anything signed by them, or encrypted for them, protects nothing: a real device
// must never take a demo file, and a demo device must never talk to a real network. Pure:
// the callers (import, export, set-up) decide what to do with the answer.
import { DEMO_HQ_DEVICE_ID, DEMO_LEADS, DEMO_NETWORK_ID, demoLeadDeviceId } from './demo.ts';
import { demoPublicKeyTexts } from './demo-keys.ts';
import { DEMO_ROSTER, demoOfficerDeviceId } from './demo-roster.ts';
import { type NetworkProfile } from './profile.ts';

/**
 * The public keys (signing and encryption, profile text) of every fixed demo device: HQ, the
 * leads and the 63 officers' generated-data devices, whose bundles anyone can make. The same
 * for every caller, so derived once (136 keys) and shared; a failed derivation is retried.
 */
export function demoPublicKeys(): Promise<ReadonlySet<string>> {
  derived ??= deriveDemoPublicKeys().catch((e: unknown) => {
    derived = undefined;
    throw e;
  });
  return derived;
}

let derived: Promise<ReadonlySet<string>> | undefined;

async function deriveDemoPublicKeys(): Promise<ReadonlySet<string>> {
  const keys = new Set<string>();
  const ids = [
    DEMO_HQ_DEVICE_ID,
    ...DEMO_LEADS.map((l) => demoLeadDeviceId(l.officerId)),
    ...DEMO_ROSTER.map((o) => demoOfficerDeviceId(o.officerId)),
  ];
  for (const { signingKey, encryptionKey } of await Promise.all(ids.map(demoPublicKeyTexts))) {
    keys.add(signingKey);
    keys.add(encryptionKey);
  }
  return keys;
}

export function isDemoNetworkId(networkId: unknown): boolean {
  return networkId === DEMO_NETWORK_ID;
}

/**
 * What a profile (verified or not: fields are read defensively) says about the demo:
 * 'demo' when the flag, the network id and HQ's key all say demo; 'real' when none does;
 * 'mixed' otherwise, e.g. a profile signed with the public demo HQ key that calls itself
 * real, or a real network that approved a device holding a demo key. A mixed profile is
 * refused everywhere: its encryption or its signatures are public.
 */
export function demoStatus(
  profile: unknown,
  demoKeys: ReadonlySet<string>,
): 'demo' | 'real' | 'mixed' {
  const p = (typeof profile === 'object' && profile !== null ? profile : {}) as Partial<
    Record<keyof NetworkProfile, unknown>
  >;
  const hq = (typeof p.hq === 'object' && p.hq !== null ? p.hq : {}) as Record<string, unknown>;
  const signs = [
    p.demo === true,
    isDemoNetworkId(p.networkId),
    typeof hq.signingKey === 'string' && demoKeys.has(hq.signingKey),
  ];
  if (signs.every(Boolean)) return 'demo';
  if (signs.some(Boolean)) return 'mixed';
  const devices = Array.isArray(p.devices) ? (p.devices as unknown[]) : [];
  const holdsDemoKey = devices.some((d) => {
    const device = (typeof d === 'object' && d !== null ? d : {}) as Record<string, unknown>;
    return [device.signingKey, device.encryptionKey].some(
      (k) => typeof k === 'string' && demoKeys.has(k),
    );
  });
  return holdsDemoKey ? 'mixed' : 'real';
}
