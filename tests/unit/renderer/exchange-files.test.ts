// The other files an import meets: a network profile (newer replaces, older or foreign is
// refused), an enrollment card (HQ and leads only), a bundle of another network or of this
// very device. And the schema: a version 2 database opens at version 3 with its data intact.
import Dexie from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  approveDevice,
  encodeEnrollmentFile,
  encodeProfileFile,
  makeEnrollment,
  publicKeyText,
  signProfile,
  type DeviceCard,
} from '../../../shared/identity/index.ts';
import { generateDeviceKeys } from '../../../shared/bundle/keys.ts';
import { createActivity } from '../../../renderer/src/db/activities.ts';
import { listPendingDevices } from '../../../renderer/src/db/exchange/queries.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import { getSignedProfile } from '../../../renderer/src/db/identity.ts';
import { openDatabase } from '../../../renderer/src/db/index.ts';
import { DB_VERSION, STORES_V2 } from '../../../renderer/src/db/schema.ts';
import { freshName, liaisonInput, testTypes } from './db-fixtures.ts';
import {
  OFFICER_A,
  OFFICER_NEW,
  hqDevice,
  makeNetwork,
  makeRealNetwork,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A]);
});

async function outcomeOf(device: TestDevice, name: string, data: Uint8Array) {
  return (await importFiles(device.deps, [{ name, data }])).files[0]?.outcome;
}

async function newcomerCard(): Promise<{ card: DeviceCard; file: Uint8Array }> {
  const keys = await generateDeviceKeys();
  const card: DeviceCard = {
    deviceId: OFFICER_NEW.deviceId,
    officerId: OFFICER_NEW.officerId,
    name: 'New Officer',
    role: 'officer',
    postCode: 'BOG',
    signingKey: await publicKeyText(keys.signing),
    encryptionKey: await publicKeyText(keys.encryption),
    createdAt: '2025-04-02T00:00:00.000Z',
  };
  return { card, file: encodeEnrollmentFile(await makeEnrollment(card, keys.signing.privateKey)) };
}

describe('network profiles', () => {
  it('takes a newer profile from HQ and refuses an older one', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const { card } = await newcomerCard();
    const newer = await signProfile(
      approveDevice(net.signed.profile, card, '2025-04-03T00:00:00.000Z'),
      net.hqKeys.signing.privateKey,
    );
    const file = encodeProfileFile(newer);
    expect(await outcomeOf(officer, 'net.llprofile', file)).toEqual({
      kind: 'profile',
      version: newer.profile.version,
      updated: true,
    });
    expect((await getSignedProfile(officer.db))?.profile.version).toBe(newer.profile.version);
    expect(await outcomeOf(officer, 'net.llprofile', file)).toEqual({
      kind: 'profile',
      version: newer.profile.version,
      updated: false,
    });
    expect(await outcomeOf(officer, 'old.llprofile', encodeProfileFile(net.signed))).toEqual({
      kind: 'rejected',
      errorKey: 'identity.error.older-version',
    });
  });

  it('refuses the profile of another network and changes nothing', async () => {
    // A real network: in the demo, any other network is refused as not the demo (exchange-demo).
    const real = await makeRealNetwork([OFFICER_A]);
    const officer = await officerDevice(real, OFFICER_A);
    const other = await signProfile(
      { ...real.signed.profile, networkId: 'another-network', version: 9 },
      real.hqKeys.signing.privateKey,
    );
    expect(await outcomeOf(officer, 'x.llprofile', encodeProfileFile(other))).toEqual({
      kind: 'rejected',
      errorKey: 'identity.error.other-network',
    });
    expect((await getSignedProfile(officer.db))?.profile).toEqual(real.signed.profile);
  });
});

describe('enrollment cards', () => {
  it('puts a device card on HQ’s pending list, and refuses it on an officer’s device', async () => {
    const hq = await hqDevice(net);
    const { file } = await newcomerCard();
    expect(await outcomeOf(hq, 'card.llenroll', file)).toMatchObject({
      kind: 'enrollment',
      sender: { deviceId: OFFICER_NEW.deviceId, role: 'unknown' },
    });
    expect((await listPendingDevices(hq.db)).map((d) => [d.sender.deviceId, d.bundles])).toEqual([
      [OFFICER_NEW.deviceId, 0],
    ]);
    const officer = await officerDevice(net, OFFICER_A);
    expect(await outcomeOf(officer, 'card.llenroll', file)).toEqual({
      kind: 'rejected',
      errorKey: 'exchange.error.not-for-role',
    });
  });
});

describe('bundles that are not for this device', () => {
  it('refuses a bundle of another network, and one this device made itself', async () => {
    // Another demo install can only be the demo network itself; "another network" is a real
    // one, which the demo refuses for that very reason (exchange-demo.test.ts). So here the
    // receivers are of one real network and the stranger of another.
    const home = await makeRealNetwork([OFFICER_A]);
    const stranger = await officerDevice(await makeRealNetwork([OFFICER_A]), OFFICER_A);
    await createActivity(stranger.db, stranger.author, liaisonInput(), { sealer: stranger.sealer });
    const foreign = await buildChangesExport(stranger.deps);
    const hq = await hqDevice(home);
    expect(await outcomeOf(hq, 'foreign.llb', foreign?.data ?? new Uint8Array())).toEqual({
      kind: 'rejected',
      errorKey: 'exchange.error.other-network',
    });
    expect(await outcomeOf(stranger, 'mine.llb', foreign?.data ?? new Uint8Array())).toEqual({
      kind: 'rejected',
      errorKey: 'exchange.error.own-bundle',
    });
  });
});

describe('schema version 3', () => {
  it('opens a version 2 database with its rows intact and empty exchange tables', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(2).stores(STORES_V2);
    await v2.open();
    await v2.table('meta').put({ key: 'activityCount', value: 7 });
    await v2
      .table('drafts')
      .put({ id: 'd1', type: 'liaison', values: {}, updatedAt: '2025-04-01' });
    v2.close();
    const db = await openDatabase(name, { types: testTypes });
    expect(db.verno).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(3);
    expect((await db.meta.get('activityCount'))?.value).toBe(7);
    expect(await db.drafts.count()).toBe(1);
    expect(await db.exchangeRuns.count()).toBe(0);
    expect(await db.exchangeBundles.count()).toBe(0);
    db.close();
  });
});
