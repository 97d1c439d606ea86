// Several devices of the demo network in one process, each with its own database, keys, data
// key and clock: HQ and the Americas team lead with the demo's fixed keys, officers enrolled
// and approved by HQ like real ones. The engine is called directly (no Worker in jsdom).
import { generateDeviceKeys } from '../../../shared/bundle/keys.ts';
import { DEMO_POSTS } from '../../../shared/domain/posts.ts';
import {
  DEMO_HQ_DEVICE_ID,
  DEMO_HQ_USER_ID,
  approveDevice,
  createNetworkProfile,
  demoDeviceKeys,
  demoLeadDeviceId,
  demoRecoveryKeys,
  makeDemoProfile,
  publicKeyText,
  signProfile,
  type DeviceCard,
  type SignedProfile,
} from '../../../shared/identity/index.ts';
import { createVault } from '../../../shared/vault/index.ts';
import { type DeviceKeys } from '../../../shared/bundle/keys.ts';
import { type Change } from '../../../shared/sync/change.ts';
import { openDatabase, type Author, type LiaisonDb } from '../../../renderer/src/db/index.ts';
import { allocateSeqs, DeviceClock } from '../../../renderer/src/db/device.ts';
import { completeSetup } from '../../../renderer/src/db/identity.ts';
import { saveRow } from '../../../renderer/src/db/change-log.ts';
import { type DeviceIdentity } from '../../../renderer/src/db/meta.ts';
import { makeSealer, type Sealer } from '../../../renderer/src/db/sealing.ts';
import { type ExchangeDeps } from '../../../renderer/src/db/exchange/export.ts';
import { freshName, liaisonInput, testClock, testTypes } from './db-fixtures.ts';
import { createActivity } from '../../../renderer/src/db/activities.ts';

export const LEAD_ID = 'lead-americas';
export const LEAD_DEVICE = demoLeadDeviceId(LEAD_ID);

export interface TestDevice {
  db: LiaisonDb;
  deps: ExchangeDeps;
  identity: DeviceIdentity;
  author: Author;
  sealer: Sealer;
  dataKey: CryptoKey;
  clock: ReturnType<typeof testClock>;
}

export interface OfficerSpec {
  deviceId: string;
  officerId: string;
  postCode: string;
}

export const OFFICER_A: OfficerSpec = {
  deviceId: 'officer-a',
  officerId: 'lo-bogota-1',
  postCode: 'BOG',
};
export const OFFICER_B: OfficerSpec = {
  deviceId: 'officer-b',
  officerId: 'lo-bogota-2',
  postCode: 'BOG',
};
export const OFFICER_NEW: OfficerSpec = {
  deviceId: 'officer-new',
  officerId: 'lo-bogota-3',
  postCode: 'BOG',
};

export interface TestNetwork {
  signed: SignedProfile;
  hqKeys: DeviceKeys;
  officerKeys: Map<string, DeviceKeys>;
}

async function cardOf(spec: OfficerSpec, keys: DeviceKeys): Promise<DeviceCard> {
  return {
    deviceId: spec.deviceId,
    officerId: spec.officerId,
    name: spec.officerId,
    role: 'officer',
    postCode: spec.postCode,
    signingKey: await publicKeyText(keys.signing),
    encryptionKey: await publicKeyText(keys.encryption),
    createdAt: '2025-04-01T00:00:00.000Z',
  };
}

/**
 * The demo profile with `approved` officers added by HQ (the others get keys but stay
 * unknown, for the pending-device tests).
 */
export async function makeNetwork(
  approved: readonly OfficerSpec[],
  unapproved: readonly OfficerSpec[] = [],
): Promise<TestNetwork> {
  const demo = await makeDemoProfile();
  const hqKeys = await demoDeviceKeys(DEMO_HQ_DEVICE_ID, { extractable: true });
  const officerKeys = new Map<string, DeviceKeys>();
  let profile = demo.profile;
  for (const spec of approved) {
    const keys = await generateDeviceKeys({ extractable: true });
    officerKeys.set(spec.deviceId, keys);
    profile = approveDevice(profile, await cardOf(spec, keys), '2025-04-01T00:00:00.000Z');
  }
  for (const spec of unapproved)
    officerKeys.set(spec.deviceId, await generateDeviceKeys({ extractable: true }));
  const signed = await signProfile(profile, hqKeys.signing.privateKey);
  return { signed, hqKeys, officerKeys };
}

/**
 * A real network (not the demo): its own random id, HQ keys of its own, the demo's posts and
 * leads list, and `approved` officers. Its HQ device id is the demo's, so hqDevice() works.
 */
export async function makeRealNetwork(approved: readonly OfficerSpec[]): Promise<TestNetwork> {
  const hqKeys = await generateDeviceKeys({ extractable: true });
  let profile = await createNetworkProfile({
    networkName: { en: 'Real network', fr: 'Réseau réel' },
    hq: { deviceId: DEMO_HQ_DEVICE_ID, officerId: DEMO_HQ_USER_ID, name: 'HQ', keys: hqKeys },
    posts: DEMO_POSTS,
    leads: [],
    now: new Date('2025-04-01T00:00:00.000Z'),
  });
  const officerKeys = new Map<string, DeviceKeys>();
  for (const spec of approved) {
    const keys = await generateDeviceKeys({ extractable: true });
    officerKeys.set(spec.deviceId, keys);
    profile = approveDevice(profile, await cardOf(spec, keys), '2025-04-01T00:00:00.000Z');
  }
  const signed = await signProfile(profile, hqKeys.signing.privateKey);
  return { signed, hqKeys, officerKeys };
}

async function setUp(
  identity: DeviceIdentity,
  keys: DeviceKeys,
  signed: SignedProfile,
  author: Author,
): Promise<TestDevice> {
  const clock = testClock();
  const db = await openDatabase(freshName(), { types: testTypes, now: clock.now });
  const { record, dataKey } = await createVault({
    passphrase: 'p',
    unsafeIterationsForTests: 1_000,
  });
  await completeSetup(
    db,
    {
      identity,
      keys: {
        deviceId: identity.deviceId,
        signing: keys.signing,
        encryption: keys.encryption,
        // HQ's recovery key pair, as the demo HQ holds it (it opens recovery copies only).
        ...(identity.role === 'hq'
          ? { recovery: await demoRecoveryKeys(identity.deviceId, { extractable: true }) }
          : {}),
      },
      profile: signed,
      vault: record,
    },
    dataKey,
  );
  return {
    db,
    deps: { db, dataKey, appVersion: 'test' },
    identity,
    author,
    sealer: makeSealer(dataKey),
    dataKey,
    clock,
  };
}

function identityOf(
  fields: Omit<DeviceIdentity, 'networkId' | 'demo' | 'createdAt' | 'name'>,
  net: TestNetwork,
): DeviceIdentity {
  return {
    ...fields,
    name: fields.officerId,
    networkId: net.signed.profile.networkId,
    demo: net.signed.profile.demo,
    createdAt: '2025-04-01T00:00:00.000Z',
  };
}

export async function officerDevice(net: TestNetwork, spec: OfficerSpec): Promise<TestDevice> {
  const keys = net.officerKeys.get(spec.deviceId);
  if (!keys) throw new Error(`no keys for ${spec.deviceId}`);
  const identity = identityOf(
    {
      deviceId: spec.deviceId,
      role: 'officer',
      officerId: spec.officerId,
      postCode: spec.postCode,
    },
    net,
  );
  return setUp(identity, keys, net.signed, {
    deviceId: spec.deviceId,
    officerId: spec.officerId,
    postCode: spec.postCode,
  });
}

export async function hqDevice(net: TestNetwork): Promise<TestDevice> {
  const identity = identityOf(
    { deviceId: DEMO_HQ_DEVICE_ID, role: 'hq', officerId: DEMO_HQ_USER_ID },
    net,
  );
  return setUp(identity, net.hqKeys, net.signed, {
    deviceId: DEMO_HQ_DEVICE_ID,
    officerId: DEMO_HQ_USER_ID,
    postCode: '',
  });
}

export async function leadDevice(net: TestNetwork): Promise<TestDevice> {
  const lead = net.signed.profile.leads.find((l) => l.officerId === LEAD_ID);
  if (!lead) throw new Error('no Americas lead in the demo profile');
  const identity = identityOf(
    { deviceId: LEAD_DEVICE, role: 'lead', officerId: LEAD_ID, posts: [...lead.posts] },
    net,
  );
  return setUp(identity, await demoDeviceKeys(LEAD_DEVICE, { extractable: true }), net.signed, {
    deviceId: LEAD_DEVICE,
    officerId: LEAD_ID,
    postCode: 'BOG',
  });
}

/**
 * Appends a change to a device's own log as if its app had written it (a forger's device):
 * the next export carries it like any other.
 */
export async function appendOwnChange(
  device: TestDevice,
  change: Pick<Change, 'recordId' | 'field' | 'value'>,
): Promise<Change> {
  const { db, identity } = device;
  return db.transaction('rw', db.changes, db.meta, async () => {
    const seq = await allocateSeqs(db, identity.deviceId, 1);
    const [hlc] = await new DeviceClock(db, identity.deviceId).stamp(1);
    const full: Change = {
      deviceId: identity.deviceId,
      seq,
      hlc: hlc as string,
      collection: 'activities',
      author: identity.officerId,
      ...change,
    };
    await db.changes.add(saveRow([full]));
    return full;
  });
}

/** Every activity row, by id, without the own-change flags (which differ per device). */
export async function rowsOf(device: TestDevice) {
  const rows = await device.db.activities.toArray();
  // Own-change flags and the history of imported saves are this device's own: not synced.
  return new Map(rows.map(({ pending: _p, localSeq: _l, trail: _t, ...row }) => [row.id, row]));
}

/** A liaison meeting the officer logs (9 own changes: 5 core paths, 3 data fields, review). */
export async function logOne(officer: TestDevice, subject: string) {
  return createActivity(
    officer.db,
    officer.author,
    liaisonInput({ data: { meetings: 1, subject, counterpart: 'rcmp' } }),
    { sealer: officer.sealer },
  );
}
