// HQ key rotation in the signed profile: a device that trusts an old HQ key accepts a profile
// signed by a newer one only through rotation statements, each signed by the key it replaces.
import { describe, expect, it } from 'vitest';
import { generateDeviceKeys } from '../../../shared/bundle/keys.ts';
import {
  makeDemoProfile,
  demoDeviceKeys,
  DEMO_HQ_DEVICE_ID,
  parseProfile,
  rotateHqKeys,
  signProfile,
  verifyProfile,
  type NetworkProfile,
} from '../../../shared/identity/index.ts';

const NOW = new Date('2026-03-01T00:00:00.000Z');

async function newKeys() {
  const a = await generateDeviceKeys();
  const b = await generateDeviceKeys();
  return {
    pair: a,
    keys: { signing: a.signing, encryption: a.encryption, recovery: b.encryption },
  };
}

describe('HQ key rotation', () => {
  it('is accepted from the old key, even by a device that missed a version', async () => {
    const v1 = (await makeDemoProfile()).profile;
    const old = await demoDeviceKeys(DEMO_HQ_DEVICE_ID);
    const first = await newKeys();
    const v2 = await rotateHqKeys(v1, old.signing.privateKey, first.keys, NOW);
    const second = await newKeys();
    const v3 = await rotateHqKeys(v2, first.pair.signing.privateKey, second.keys, NOW);
    const signed = await signProfile(v3, second.pair.signing.privateKey);
    // A device still at version 1 follows both rotations.
    await expect(verifyProfile(signed, { current: v1 })).resolves.toMatchObject({ version: 3 });
  });

  it('refuses a profile with another HQ key and no chain, or a forged chain', async () => {
    const v1 = (await makeDemoProfile()).profile;
    const forger = await newKeys();
    const hqId = v1.hq.deviceId;
    const swap = async (p: NetworkProfile, rotations?: NetworkProfile['hq']['rotations']) => {
      const signingKey = Buffer.from(
        await crypto.subtle.exportKey('raw', forger.pair.signing.publicKey),
      ).toString('base64url');
      const encryptionKey = Buffer.from(
        await crypto.subtle.exportKey('raw', forger.pair.encryption.publicKey),
      ).toString('base64url');
      return parseProfile({
        ...p,
        version: p.version + 1,
        hq: { ...p.hq, signingKey, encryptionKey, ...(rotations ? { rotations } : {}) },
        devices: p.devices.map((d) =>
          d.deviceId === hqId ? { ...d, signingKey, encryptionKey } : d,
        ),
      });
    };
    const noChain = await signProfile(await swap(v1), forger.pair.signing.privateKey);
    await expect(verifyProfile(noChain, { current: v1 })).rejects.toMatchObject({
      code: 'hq-key-changed',
    });
    // A rotation statement that is not signed by the key it replaces breaks the chain.
    const forgedChain = await swap(v1, [
      {
        version: 2,
        from: v1.hq.signingKey,
        to: noChain.profile.hq.signingKey,
        signature: noChain.signature,
      },
    ]);
    const signed = await signProfile(forgedChain, forger.pair.signing.privateKey);
    await expect(verifyProfile(signed, { current: v1 })).rejects.toMatchObject({
      code: 'hq-key-changed',
    });
  });
});
