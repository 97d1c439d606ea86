// The demo network's fixed keys and profile: the same on every install, usable, and never
// confused with a real network.
import { describe, expect, it } from 'vitest';
import {
  DEMO_HQ_DEVICE_ID,
  DEMO_LEADS,
  createNetworkProfile,
  demoDeviceKeys,
  demoLeadDeviceId,
  makeDemoProfile,
  publicKeyText,
  scopeOf,
  verifyProfile,
} from '../../../shared/identity/index.ts';
import { generateDeviceKeys } from '../../../shared/bundle/keys.ts';
import { DEMO_POSTS } from '../../../shared/domain/posts.ts';
import { DEMO_ROSTER, demoOfficerDeviceId } from '../../../shared/identity/demo-roster.ts';
import { demoPublicKeys, demoStatus } from '../../../shared/identity/demo-guard.ts';
import { encodeProfileFile } from '../../../shared/identity/profile-file.ts';

describe('demo keys', () => {
  it('derives the same public keys on every call, with private keys that cannot be exported', async () => {
    const a = await demoDeviceKeys(DEMO_HQ_DEVICE_ID);
    const b = await demoDeviceKeys(DEMO_HQ_DEVICE_ID);
    expect(await publicKeyText(a.signing)).toBe(await publicKeyText(b.signing));
    expect(await publicKeyText(a.encryption)).toBe(await publicKeyText(b.encryption));
    expect(a.signing.privateKey.extractable).toBe(false);
    expect(a.encryption.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', a.signing.privateKey)).rejects.toThrow();
  });

  it('gives each demo device its own keys, and the private half matches the public one', async () => {
    const hq = await demoDeviceKeys(DEMO_HQ_DEVICE_ID);
    const lead = await demoDeviceKeys(demoLeadDeviceId('lead-americas'));
    expect(await publicKeyText(hq.signing)).not.toBe(await publicKeyText(lead.signing));
    const message = new TextEncoder().encode('demo');
    const signature = await crypto.subtle.sign('Ed25519', lead.signing.privateKey, message);
    expect(await crypto.subtle.verify('Ed25519', lead.signing.publicKey, signature, message)).toBe(
      true,
    );
  });
});

describe('demo profile', () => {
  it('is byte-identical on two installs, verifies, and is marked demo', async () => {
    const one = await makeDemoProfile();
    const two = await makeDemoProfile();
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
    const profile = await verifyProfile(one);
    expect(profile.demo).toBe(true);
    expect(profile.posts).toHaveLength(DEMO_POSTS.length);
  });

  it('lists HQ and one laptop per team lead, each scoped to the lead’s posts', async () => {
    const { profile } = await makeDemoProfile();
    expect(scopeOf(profile, DEMO_HQ_DEVICE_ID)?.role).toBe('hq');
    for (const lead of DEMO_LEADS) {
      const scope = scopeOf(profile, demoLeadDeviceId(lead.officerId));
      expect(scope).toEqual({ role: 'lead', officerId: lead.officerId, posts: lead.posts });
    }
  });

  it('lists the 63 officers’ generated-data devices with their demo keys, names and posts', async () => {
    const { profile } = await makeDemoProfile();
    expect(DEMO_ROSTER).toHaveLength(63);
    for (const officer of DEMO_ROSTER) {
      const deviceId = demoOfficerDeviceId(officer.officerId);
      const device = profile.devices.find((d) => d.deviceId === deviceId);
      const keys = await demoDeviceKeys(deviceId);
      expect(device).toMatchObject({
        officerId: officer.officerId,
        name: officer.name,
        role: 'officer',
        postCode: officer.postCode,
        signingKey: await publicKeyText(keys.signing),
        encryptionKey: await publicKeyText(keys.encryption),
      });
      expect(scopeOf(profile, deviceId)).toEqual({
        role: 'officer',
        officerId: officer.officerId,
        postCode: officer.postCode,
      });
    }
    // HQ, four leads, 63 officers; the signed file stays small (43,942 bytes).
    expect(profile.devices).toHaveLength(1 + DEMO_LEADS.length + 63);
    expect(encodeProfileFile(await makeDemoProfile()).byteLength).toBeLessThan(64 * 1024);
  });

  it('counts every listed demo key as public: a real network holding one is mixed', async () => {
    const demoKeys = await demoPublicKeys();
    const { profile } = await makeDemoProfile();
    for (const device of profile.devices) {
      expect(demoKeys.has(device.signingKey)).toBe(true);
      expect(demoKeys.has(device.encryptionKey)).toBe(true);
    }
    expect(demoStatus(profile, demoKeys)).toBe('demo');
    const hq = await generateDeviceKeys();
    const real = await createNetworkProfile({
      networkName: { en: 'Real', fr: 'Réel' },
      hq: { deviceId: 'hq-1', officerId: 'hq-ottawa', name: 'HQ', keys: hq },
      posts: DEMO_POSTS,
      now: new Date('2026-02-01T00:00:00Z'),
    });
    expect(demoStatus(real, demoKeys)).toBe('real');
    const officer = profile.devices.find((d) => d.deviceId === 'demo-lo-bogota-2');
    expect(demoStatus({ ...real, devices: [...real.devices, officer] }, demoKeys)).toBe('mixed');
  });

  it('is refused by a device of a real network', async () => {
    const hq = await generateDeviceKeys();
    const real = await createNetworkProfile({
      networkName: { en: 'Real', fr: 'Réel' },
      hq: { deviceId: 'hq-1', officerId: 'hq-ottawa', name: 'HQ', keys: hq },
      posts: DEMO_POSTS,
      now: new Date('2026-02-01T00:00:00Z'),
    });
    await expect(verifyProfile(await makeDemoProfile(), { current: real })).rejects.toMatchObject({
      code: 'other-network',
    });
  });
});
