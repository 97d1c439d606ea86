// Bundles made in Node for the exchange end-to-end tests, with the real bundle codec and a
// device key pair made here: a device no browser holds (its private key is in this process),
// so a test can make it send what no honest app would (a change to another officer's entry),
// or send its bundles out of order to open a gap. Its bundles are addressed to the demo HQ.
import { randomUUID } from 'node:crypto';
import {
  encodeBundle,
  exportPublicKey,
  generateDeviceKeys,
  type DeviceKeys,
} from '../../shared/bundle/index.ts';
import { type Change, type Json } from '../../shared/sync/change.ts';
import { encodeHlc } from '../../shared/sync/hlc.ts';
import { diffActivity } from '../../shared/domain/activity-paths.ts';
import { type Activity } from '../../shared/domain/activity.ts';
import { CATALOGUE_VERSION, getActivityType } from '../../shared/domain/catalogue.ts';
import {
  DEMO_HQ_DEVICE_ID,
  DEMO_NETWORK_ID,
  demoDeviceKeys,
  fingerprintCode,
} from '../../shared/identity/index.ts';

export interface ForgedDevice {
  deviceId: string;
  officerId: string;
  postCode: string;
  keys: DeviceKeys;
  /** The code the receiving app shows for this device (its signing key's). */
  code: string;
  /** Next own change seq and HLC counter. */
  nextSeq: number;
  wall: number;
}

export async function makeForgedDevice(officerId: string, postCode: string): Promise<ForgedDevice> {
  const keys = await generateDeviceKeys();
  return {
    deviceId: `e2e-${randomUUID().slice(0, 8)}`,
    officerId,
    postCode,
    keys,
    code: await fingerprintCode(keys.signing.publicKey),
    nextSeq: 1,
    wall: Date.now(),
  };
}

/** One change per field, numbered and stamped as the device's next ones. */
export function nextChanges(
  device: ForgedDevice,
  recordId: string,
  fields: readonly { path: string; value: Json }[],
): Change[] {
  return fields.map(({ path, value }) => {
    device.wall += 1;
    return {
      deviceId: device.deviceId,
      seq: device.nextSeq++,
      hlc: encodeHlc({ wall: device.wall, counter: 0, deviceId: device.deviceId }),
      collection: 'activities',
      recordId,
      field: path,
      value,
      author: device.officerId,
    };
  });
}

/** The changes that create a liaison meeting of the device's own officer (no review fields). */
export function ownLiaisonEntry(device: ForgedDevice, subject: string): Change[] {
  const type = getActivityType('liaison');
  const activity: Activity = {
    id: randomUUID(),
    type: 'liaison',
    schemaVersion: type.version,
    officerId: device.officerId,
    postCode: device.postCode,
    occurredOn: new Date().toISOString().slice(0, 10),
    data: { counterpart: 'rcmp', jointActivity: false, meetings: 1, subject },
    review: { status: 'pending' },
    deleted: false,
    createdAt: '',
    updatedAt: '',
  };
  // As the app writes a new entry, minus review and tombstone: an officer never writes those.
  const fields = diffActivity(null, activity).filter(
    (f) => !f.path.startsWith('review.') && f.path !== '_deleted',
  );
  return nextChanges(device, activity.id, fields);
}

/** A signed changes bundle for the demo HQ, declaring exactly the seqs of `changes`. */
export async function forgeBundle(device: ForgedDevice, changes: Change[]): Promise<Buffer> {
  const seqs = changes.map((c) => c.seq);
  const hq = await demoDeviceKeys(DEMO_HQ_DEVICE_ID);
  const bytes = await encodeBundle({
    kind: 'changes',
    bundleId: randomUUID(),
    networkId: DEMO_NETWORK_ID,
    sender: { deviceId: device.deviceId, officerId: device.officerId, postCode: device.postCode },
    ranges: [{ deviceId: device.deviceId, fromSeq: Math.min(...seqs), toSeq: Math.max(...seqs) }],
    appVersion: '0.1.0',
    catalogueVersion: CATALOGUE_VERSION,
    createdAt: new Date().toISOString(),
    signingKey: device.keys.signing.privateKey,
    senderPublicKeys: {
      signing: await exportPublicKey(device.keys.signing.publicKey),
      encryption: await exportPublicKey(device.keys.encryption.publicKey),
    },
    recipients: [{ deviceId: DEMO_HQ_DEVICE_ID, publicKey: hq.encryption.publicKey }],
    payload: changes,
  });
  return Buffer.from(bytes);
}
