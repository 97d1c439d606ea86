// The wall between the demo and real networks, in the import and export path: the demo's
// keys come from public seeds, so a real device takes nothing from the demo and a demo device
// nothing from a real network, and a profile that mixes the two neither sends nor takes.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_HQ_DEVICE_ID,
  DEMO_LEADS,
  approveDevice,
  demoDeviceKeys,
  demoLeadDeviceId,
  encodeEnrollmentFile,
  encodeProfileFile,
  makeDemoProfile,
  makeEnrollment,
  publicKeyText,
  signProfile,
  type DeviceCard,
} from '../../../shared/identity/index.ts';
import { demoPublicKeys, demoStatus } from '../../../shared/identity/demo-guard.ts';
import { createActivity } from '../../../renderer/src/db/activities.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import {
  approveDevice as approveWaitingDevice,
  importFiles,
} from '../../../renderer/src/db/exchange/engine.ts';
import { loadSelf } from '../../../renderer/src/db/exchange/self.ts';
import { getSignedProfile } from '../../../renderer/src/db/identity.ts';
import { readProfileFile } from '../../../renderer/src/kernel/profile-files.ts';
import { liaisonInput } from './db-fixtures.ts';
import {
  OFFICER_A,
  hqDevice,
  makeNetwork,
  makeRealNetwork,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

let demoNet: TestNetwork;
let realNet: TestNetwork;
beforeAll(async () => {
  demoNet = await makeNetwork([OFFICER_A]);
  realNet = await makeRealNetwork([OFFICER_A]);
});

async function outcomeOf(device: TestDevice, name: string, data: Uint8Array) {
  return (await importFiles(device.deps, [{ name, data }])).files[0]?.outcome;
}

const REFUSED = { kind: 'rejected', errorKey: 'exchange.error.demo-network' };

async function bundleFrom(device: TestDevice): Promise<Uint8Array> {
  await createActivity(device.db, device.author, liaisonInput(), { sealer: device.sealer });
  const built = await buildChangesExport(device.deps);
  if (!built) throw new Error('nothing exported');
  return built.data;
}

/** A lead's card with the demo lead's public keys, as a demo install would send it. */
async function demoLeadCard(): Promise<{ card: DeviceCard; file: Uint8Array }> {
  const deviceId = demoLeadDeviceId('lead-americas');
  const keys = await demoDeviceKeys(deviceId);
  const card: DeviceCard = {
    deviceId,
    officerId: 'lead-americas',
    name: 'Demo lead',
    role: 'officer',
    postCode: 'BOG',
    signingKey: await publicKeyText(keys.signing),
    encryptionKey: await publicKeyText(keys.encryption),
    createdAt: '2025-04-02T00:00:00.000Z',
  };
  return { card, file: encodeEnrollmentFile(await makeEnrollment(card, keys.signing.privateKey)) };
}

describe('a real device', () => {
  it('refuses a bundle from the demo network and changes nothing', async () => {
    const demoOfficer = await officerDevice(demoNet, OFFICER_A);
    const realHq = await hqDevice(realNet);
    expect(await outcomeOf(realHq, 'demo.llb', await bundleFrom(demoOfficer))).toEqual(REFUSED);
    expect(await realHq.db.activities.count()).toBe(0);
  });

  it('refuses the demo profile, whatever its version', async () => {
    const realOfficer = await officerDevice(realNet, OFFICER_A);
    const demo = await makeDemoProfile();
    const newer = await signProfile(
      { ...demo.profile, version: 50 },
      (await demoDeviceKeys(DEMO_HQ_DEVICE_ID)).signing.privateKey,
    );
    for (const signed of [demo, newer]) {
      expect(await outcomeOf(realOfficer, 'demo.llprofile', encodeProfileFile(signed))).toEqual(
        REFUSED,
      );
    }
    expect((await getSignedProfile(realOfficer.db))?.profile).toEqual(realNet.signed.profile);
  });

  it('refuses an enrollment card holding a demo key', async () => {
    const realHq = await hqDevice(realNet);
    expect(await outcomeOf(realHq, 'lead.llenroll', (await demoLeadCard()).file)).toEqual(REFUSED);
  });

  it('refuses, without parking it, a stranger’s bundle signed with a public demo key; never signs a mixed profile', async () => {
    const hq = await hqDevice(realNet);
    const spec = { deviceId: 'stranger-demo-keys', officerId: 'lo-bogota-9', postCode: 'BOG' };
    const net = { ...realNet, officerKeys: new Map(realNet.officerKeys) };
    net.officerKeys.set(
      spec.deviceId,
      await demoDeviceKeys(demoLeadDeviceId(DEMO_LEADS[0]!.officerId), { extractable: true }),
    );
    const stranger = await officerDevice(net, spec);
    await createActivity(stranger.db, stranger.author, liaisonInput(), {
      sealer: stranger.sealer,
    });
    const built = (await buildChangesExport(stranger.deps))!;
    const report = await importFiles(hq.deps, [{ name: built.fileName, data: built.data }]);
    expect(report.files[0]!.outcome).toMatchObject({
      kind: 'rejected',
      errorKey: 'exchange.error.demo-network',
    });
    expect(await hq.db.exchangePendingDevices.count()).toBe(0);
    // A row parked before this check existed: approving it is refused, the profile unchanged.
    const before = await getSignedProfile(hq.db);
    await hq.db.exchangePendingDevices.put({
      deviceId: spec.deviceId,
      sender: {
        deviceId: spec.deviceId,
        officerId: spec.officerId,
        postCode: spec.postCode,
        role: 'unknown',
        fingerprint: 'x',
      },
      signingKey: await publicKeyText(net.officerKeys.get(spec.deviceId)!.signing),
      encryptionKey: await publicKeyText(net.officerKeys.get(spec.deviceId)!.encryption),
      card: null,
      firstSeenAt: '2026-03-01T00:00:00.000Z',
    });
    await expect(approveWaitingDevice(hq.deps, spec.deviceId)).rejects.toMatchObject({
      code: 'demo-network',
    });
    expect(await getSignedProfile(hq.db)).toEqual(before);
    await expect(loadSelf(hq.db, hq.dataKey)).resolves.toBeDefined();
  });

  it('neither exports nor imports once its profile lists a demo key', async () => {
    const { card } = await demoLeadCard();
    const mixed: TestNetwork = {
      ...realNet,
      signed: await signProfile(
        approveDevice(realNet.signed.profile, card, '2025-04-03T00:00:00.000Z'),
        realNet.hqKeys.signing.privateKey,
      ),
    };
    const officer = await officerDevice(mixed, OFFICER_A);
    await createActivity(officer.db, officer.author, liaisonInput(), { sealer: officer.sealer });
    await expect(buildChangesExport(officer.deps)).rejects.toMatchObject({ code: 'demo-network' });
  });
});

describe('a demo device', () => {
  it('refuses a bundle from a real network', async () => {
    const realOfficer = await officerDevice(realNet, OFFICER_A);
    const demoHq = await hqDevice(demoNet);
    expect(await outcomeOf(demoHq, 'real.llb', await bundleFrom(realOfficer))).toEqual(REFUSED);
    expect(await demoHq.db.activities.count()).toBe(0);
  });

  it('refuses a real network’s profile', async () => {
    const demoOfficer = await officerDevice(demoNet, OFFICER_A);
    expect(
      await outcomeOf(demoOfficer, 'real.llprofile', encodeProfileFile(realNet.signed)),
    ).toEqual(REFUSED);
  });

  it('exports only to the demo network: its bundle names the demo network', async () => {
    const demoOfficer = await officerDevice(demoNet, OFFICER_A);
    const demoHq = await hqDevice(demoNet);
    const outcome = await outcomeOf(demoHq, 'demo.llb', await bundleFrom(demoOfficer));
    expect(outcome?.kind).toBe('applied');
  });
});

describe('set-up and the rule itself', () => {
  it('refuses at first run a "real" profile signed with the public demo HQ key', async () => {
    const demo = await makeDemoProfile();
    const fake = await signProfile(
      { ...demo.profile, networkId: 'looks-real', demo: false },
      (await demoDeviceKeys(DEMO_HQ_DEVICE_ID)).signing.privateKey,
    );
    await expect(readProfileFile(encodeProfileFile(fake))).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(readProfileFile(encodeProfileFile(demo))).resolves.toBeTruthy();
    await expect(readProfileFile(encodeProfileFile(realNet.signed))).resolves.toBeTruthy();
  });

  it('calls a profile demo only when flag, network id and HQ key all say so', async () => {
    const keys = await demoPublicKeys();
    const demo = (await makeDemoProfile()).profile;
    expect(demoStatus(demo, keys)).toBe('demo');
    expect(demoStatus(realNet.signed.profile, keys)).toBe('real');
    expect(demoStatus({ ...demo, demo: false }, keys)).toBe('mixed');
    expect(demoStatus({ ...demo, networkId: 'other' }, keys)).toBe('mixed');
    expect(demoStatus({ ...realNet.signed.profile, demo: true }, keys)).toBe('mixed');
    expect(demoStatus({ ...realNet.signed.profile, networkId: demo.networkId }, keys)).toBe(
      'mixed',
    );
    expect(demoStatus(null, keys)).toBe('real');
  });
});
