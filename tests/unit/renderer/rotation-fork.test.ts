// Issue #9, the rotation fork: a thief holding HQ's old signing key signs a chain to a key of
// their own with a far-ahead version. A profile naming a new HQ key is held pending, never
// applied, until the person types the code HQ reads by phone; HQ's genuine profile arriving
// after the thief's is held too (not refused as older), and only the typed code applies one.
import { describe, expect, it } from 'vitest';
import { generateDeviceKeys } from '../../../shared/bundle/keys.ts';
import {
  encodeProfileFile,
  fingerprintCode,
  rotateHqKeys,
  signProfile,
  type SignedProfile,
} from '../../../shared/identity/index.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import { getSignedProfile } from '../../../renderer/src/db/identity.ts';
import {
  acceptPendingProfile,
  listPendingProfiles,
  refusePendingProfiles,
} from '../../../renderer/src/db/pending-profiles.ts';
import { rotateKeysAtHq } from '../../../renderer/src/features/network/key-actions.ts';
import {
  OFFICER_A,
  hqDevice,
  makeRealNetwork,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

const NOW = new Date('2026-03-01T00:00:00.000Z');

/** What the thief signs with HQ's stolen old key: a chain to their own key, version 100. */
async function thiefProfile(net: TestNetwork): Promise<SignedProfile> {
  const a = await generateDeviceKeys();
  const b = await generateDeviceKeys();
  const ahead = { ...net.signed.profile, version: 99 };
  const forked = await rotateHqKeys(
    ahead,
    net.hqKeys.signing.privateKey,
    {
      signing: a.signing.publicKey,
      encryption: a.encryption.publicKey,
      recovery: b.encryption.publicKey,
    },
    NOW,
  );
  return signProfile(forked, a.signing.privateKey);
}

async function importProfile(device: TestDevice, signed: SignedProfile) {
  const report = await importFiles(device.deps, [
    { name: 'network-profile.json', data: encodeProfileFile(signed) },
  ]);
  return report.files[0]!.outcome;
}

async function setting() {
  const net = await makeRealNetwork([OFFICER_A]);
  const hq = await hqDevice(net);
  const officer = await officerDevice(net, OFFICER_A);
  const thief = await thiefProfile(net);
  const genuine = await rotateKeysAtHq(hq.db, hq.dataKey, NOW);
  return { net, officer, thief, genuine };
}

describe('a profile naming a new HQ key (rotation fork after a key theft)', () => {
  it('holds the thief’s and then HQ’s genuine profile pending; HQ’s code applies the genuine one', async () => {
    const { net, officer, thief, genuine } = await setting();

    expect(await importProfile(officer, thief)).toMatchObject({
      kind: 'profile',
      version: 100,
      updated: false,
      pending: true,
    });
    // Not applied: bundles keep using the trusted profile.
    expect((await getSignedProfile(officer.db))!.profile).toEqual(net.signed.profile);

    // HQ's genuine rotation (a few versions on) is not refused as older than the thief's 100.
    expect(genuine.profile.version).toBeLessThan(100);
    expect(await importProfile(officer, genuine)).toMatchObject({
      kind: 'profile',
      version: genuine.profile.version,
      updated: false,
      pending: true,
    });
    expect((await getSignedProfile(officer.db))!.profile).toEqual(net.signed.profile);
    expect((await listPendingProfiles(officer.db)).map((p) => p.profile.version)).toEqual([
      100,
      genuine.profile.version,
    ]);

    const code = await fingerprintCode(genuine.profile.hq.signingKey);
    expect(await acceptPendingProfile(officer.db, code.toLowerCase())).toEqual({
      kind: 'accepted',
      version: genuine.profile.version,
    });
    expect(await getSignedProfile(officer.db)).toEqual(genuine);
    expect(await listPendingProfiles(officer.db)).toEqual([]);
  });

  it('keeps every profile pending on a code that is not HQ’s new one, and says so', async () => {
    const { net, officer, thief } = await setting();
    await importProfile(officer, thief);
    const oldCode = await fingerprintCode(net.signed.profile.hq.signingKey);
    for (const typed of ['ABCD EFGH IJKL MNOP', oldCode])
      expect(await acceptPendingProfile(officer.db, typed)).toEqual({ kind: 'wrong-code' });
    expect(await listPendingProfiles(officer.db)).toHaveLength(1);
    expect((await getSignedProfile(officer.db))!.profile).toEqual(net.signed.profile);
  });

  it('drops every pending profile when the person refuses, the trusted one untouched', async () => {
    const { net, officer, thief, genuine } = await setting();
    await importProfile(officer, thief);
    await importProfile(officer, genuine);
    await refusePendingProfiles(officer.db);
    expect(await listPendingProfiles(officer.db)).toEqual([]);
    expect((await getSignedProfile(officer.db))!.profile).toEqual(net.signed.profile);
    // HQ's genuine profile, sent again, is held again (the refusal is not a ban).
    expect(await importProfile(officer, genuine)).toMatchObject({ pending: true });
  });
});
