// Where the wall between the demo and real networks is enforced for the exchange (the rule
// itself is shared/identity/demo-guard.ts): loadSelf refuses a profile that mixes the two,
// an import refuses a file from the other side. See docs/security.md, section 6.
import { demoPublicKeys, demoStatus } from '../../../../shared/identity/demo-guard.ts';
import { ExchangeError } from './errors.ts';

// The demo's public keys never change: derived once per window, on first use.
let demoKeys: Promise<ReadonlySet<string>> | undefined;

export function knownDemoKeys(): Promise<ReadonlySet<string>> {
  demoKeys ??= demoPublicKeys();
  return demoKeys;
}

/** Refuses a device whose own profile mixes the demo and a real network. */
export async function assertOwnProfileNotMixed(profile: unknown): Promise<void> {
  if (demoStatus(profile, await knownDemoKeys()) === 'mixed')
    throw new ExchangeError('demo-network', 'this device’s profile mixes demo and real keys');
}

/** Refuses a profile (unverified) from the other side of the wall, or one that mixes both. */
export async function assertSameSideProfile(profile: unknown, selfIsDemo: boolean): Promise<void> {
  const status = demoStatus(profile, await knownDemoKeys());
  if (status === 'mixed' || (status === 'demo') !== selfIsDemo)
    throw new ExchangeError(
      'demo-network',
      `a ${status} profile on a ${selfIsDemo ? 'demo' : 'real'} device`,
    );
}

/** Refuses, on a real device, a device card holding a demo key (anyone can sign with it). */
export async function assertNoDemoKey(keys: readonly string[], selfIsDemo: boolean): Promise<void> {
  if (selfIsDemo) return;
  const demo = await knownDemoKeys();
  if (keys.some((k) => demo.has(k)))
    throw new ExchangeError('demo-network', 'a demo device key on a real network');
}
