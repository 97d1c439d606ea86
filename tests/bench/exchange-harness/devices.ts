// The exchange benchmark's devices, in the page: an officer of the demo network approved by
// the demo HQ, and HQ itself, each with its own database and data key, set up through the
// app's own repository code; and the officer's log seeded as the app would have written it.
import { generateDeviceKeys, type DeviceKeys } from '../../../shared/bundle/keys.ts';
import { toFieldValues } from '../../../shared/domain/activity-paths.ts';
import { type Activity } from '../../../shared/domain/activity.ts';
import { getActivityType } from '../../../shared/domain/catalogue.ts';
import {
  DEMO_HQ_DEVICE_ID,
  DEMO_HQ_USER_ID,
  approveDevice,
  demoDeviceKeys,
  makeDemoProfile,
  publicKeyText,
  signProfile,
  type SignedProfile,
} from '../../../shared/identity/index.ts';
import { type Change } from '../../../shared/sync/change.ts';
import { encodeHlc } from '../../../shared/sync/hlc.ts';
import { createVault, encryptField } from '../../../shared/vault/index.ts';
import { openDatabase, type LiaisonDb } from '../../../renderer/src/db/index.ts';
import { completeSetup } from '../../../renderer/src/db/identity.ts';
import { type DeviceIdentity } from '../../../renderer/src/db/meta.ts';
import { buildRow } from '../../../renderer/src/db/rows.ts';
import { type ActivityRow } from '../../../renderer/src/db/schema.ts';

export const OFFICER = { deviceId: 'bench-officer', officerId: 'lo-bogota-1', postCode: 'BOG' };

export interface Network {
  signed: SignedProfile;
  hqKeys: DeviceKeys;
  officerKeys: DeviceKeys;
}

export interface Device {
  db: LiaisonDb;
  dataKey: CryptoKey;
}

export async function makeNetwork(): Promise<Network> {
  const demo = await makeDemoProfile();
  const hqKeys = await demoDeviceKeys(DEMO_HQ_DEVICE_ID, { extractable: true });
  const officerKeys = await generateDeviceKeys({ extractable: true });
  const profile = approveDevice(
    demo.profile,
    {
      ...OFFICER,
      name: 'Bench Officer',
      role: 'officer',
      signingKey: await publicKeyText(officerKeys.signing),
      encryptionKey: await publicKeyText(officerKeys.encryption),
      createdAt: '2025-01-01T00:00:00.000Z',
    },
    '2025-01-01T00:00:00.000Z',
  );
  return { signed: await signProfile(profile, hqKeys.signing.privateKey), hqKeys, officerKeys };
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(new Error(`could not delete ${name}`));
  });
}

async function setUp(
  name: string,
  identity: DeviceIdentity,
  keys: DeviceKeys,
  net: Network,
): Promise<Device> {
  await deleteDatabase(name);
  const db = await openDatabase(name);
  const { record, dataKey } = await createVault({
    passphrase: 'bench',
    unsafeIterationsForTests: 1_000,
  });
  await completeSetup(
    db,
    {
      identity,
      keys: { deviceId: identity.deviceId, signing: keys.signing, encryption: keys.encryption },
      profile: net.signed,
      vault: record,
    },
    dataKey,
  );
  return { db, dataKey };
}

const common = (net: Network) => ({
  networkId: net.signed.profile.networkId,
  demo: true,
  createdAt: '2025-01-01T00:00:00.000Z',
});

export function officerDevice(name: string, net: Network): Promise<Device> {
  return setUp(
    name,
    { ...OFFICER, role: 'officer', name: 'Bench Officer', ...common(net) },
    net.officerKeys,
    net,
  );
}

export function hqDevice(name: string, net: Network): Promise<Device> {
  return setUp(
    name,
    {
      deviceId: DEMO_HQ_DEVICE_ID,
      officerId: DEMO_HQ_USER_ID,
      role: 'hq',
      name: 'HQ',
      ...common(net),
    },
    net.hqKeys,
    net,
  );
}

const CARRIERS = ['Avianca', 'KLM', 'Air France', 'Iberia', 'LATAM', 'Copa'];

/** 10 carried changes per entry: 5 core paths and 5 data fields, one of them sensitive. */
export const CHANGES_PER_RECORD = 10;

function sample(i: number): Activity {
  const day = new Date(Date.UTC(2020, 3, 1) + (i % 1800) * 86_400_000).toISOString().slice(0, 10);
  return {
    id: `bench-${i.toString(36).padStart(8, '0')}`,
    type: 'interdiction',
    schemaVersion: 1,
    officerId: OFFICER.officerId,
    postCode: OFFICER.postCode,
    occurredOn: day,
    data: {
      airport: 'BOG',
      carrier: CARRIERS[i % CARRIERS.length] as string,
      documentType: 'passport',
      persons: 1 + (i % 3),
      documentNumber: `P${String(10_000_000 + i * 7919).slice(0, 8)}`,
    },
    review: { status: 'pending' },
    deleted: false,
    createdAt: '',
    updatedAt: '',
  };
}

/**
 * The officer's database as `records` saves would leave it: rows and the change log (one
 * change per path, review.status included), sensitive values sealed with its data key,
 * counters and clock in meta. Written in bulk: the benchmark is about the exchange.
 */
export async function seedOfficer(device: Device, records: number): Promise<void> {
  const { db, dataKey } = device;
  const def = getActivityType('interdiction');
  const base = Date.UTC(2025, 0, 1);
  let seq = 0;
  let hlc = '';
  const batch = 2_000;
  for (let start = 0; start < records; start += batch) {
    const rows: ActivityRow[] = [];
    const changes: Change[] = [];
    const activities = Array.from({ length: Math.min(batch, records - start) }, (_, k) =>
      sample(start + k),
    );
    await Promise.all(
      activities.map(async (a) => {
        a.data.documentNumber = await encryptField(dataKey, a.data.documentNumber ?? null, {
          recordId: a.id,
          field: 'data.documentNumber',
        });
      }),
    );
    for (const activity of activities) {
      const clocks: Record<string, string> = {};
      for (const [field, value] of Object.entries(toFieldValues(activity))) {
        if (field === '_deleted') continue;
        seq += 1;
        hlc = encodeHlc({ wall: base + seq, counter: 0, deviceId: OFFICER.deviceId });
        clocks[field] = hlc;
        changes.push({
          deviceId: OFFICER.deviceId,
          seq,
          hlc,
          collection: 'activities',
          recordId: activity.id,
          field,
          value,
          author: OFFICER.officerId,
        });
      }
      activity.createdAt = new Date(Number(clocks.type?.slice(0, 15))).toISOString();
      activity.updatedAt = new Date(base + seq).toISOString();
      rows.push(buildRow(activity, clocks, { pending: 1, localSeq: seq }, def));
    }
    await db.transaction('rw', [db.activities, db.changes], async () => {
      await db.activities.bulkPut(rows);
      await db.changes.bulkPut(changes);
    });
  }
  await db.meta.bulkPut([
    { key: `seq:${OFFICER.deviceId}`, value: seq },
    { key: 'hlc', value: hlc },
    { key: 'activityCount', value: records },
  ]);
}
