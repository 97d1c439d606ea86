// Signed bundles of the demo officers' changes, as their laptops would have exported them,
// addressed to the demo HQ and the officer's regional lead. The demo device keys come from
// public seeds (identity/demo-keys.ts), so anyone can make these files: they are demo data.
import { encodeBundle } from '../bundle/codec.ts';
import { changesFileName } from '../bundle/file-name.ts';
import { isReviewPath } from '../domain/activity.ts';
import { CATALOGUE_VERSION } from '../domain/catalogue.ts';
import { getPost } from '../domain/posts.ts';
import {
  type DemoOfficer,
  DEMO_HQ_DEVICE_ID,
  DEMO_LEADS,
  DEMO_NETWORK_ID,
  demoLeadDeviceId,
} from '../identity/demo.ts';
import { demoDeviceKeys } from '../identity/demo-keys.ts';
import { type Change } from '../sync/change.ts';
import { demoOfficerDeviceId } from './roster.ts';

export interface DemoBundleFile {
  readonly fileName: string;
  readonly data: Uint8Array<ArrayBuffer>;
  readonly changes: number;
}

/** The lead whose posts include the officer's post. */
function leadOf(officer: DemoOfficer) {
  const lead = DEMO_LEADS.find((l) => l.posts.includes(officer.postCode));
  if (!lead) throw new RangeError(`No demo lead for post ${officer.postCode}`);
  return lead;
}

/**
 * One bundle carrying all of an officer's changes (from officerChanges), signed with the
 * officer's demo device key. `bundleId` comes from the caller's id source. As the app's own
 * export does, the officer's `review.*` changes (review.status = pending on each new entry)
 * are left out, their seqs still covered by the declared range: every receiver refuses an
 * officer's review write (officer-writes-review) and builds rows with that default anyway.
 */
export async function demoOfficerBundle(
  officer: DemoOfficer,
  changes: readonly Change[],
  bundleId: string,
  appVersion = 'demo',
): Promise<DemoBundleFile> {
  const last = changes.at(-1);
  if (!last) throw new RangeError(`Officer ${officer.officerId} has no changes`);
  if (!getPost(officer.postCode)) throw new RangeError(`Unknown post ${officer.postCode}`);
  const carried = changes.filter((c) => !isReviewPath(c.field));
  const deviceId = demoOfficerDeviceId(officer.officerId);
  const keys = await demoDeviceKeys(deviceId);
  const hq = await demoDeviceKeys(DEMO_HQ_DEVICE_ID);
  const leadDevice = demoLeadDeviceId(leadOf(officer).officerId);
  const lead = await demoDeviceKeys(leadDevice);
  // The bundle is dated by its last change, so the same seed makes the same file.
  const createdAt = new Date(Number(last.hlc.slice(0, 15))).toISOString();
  const data = await encodeBundle({
    kind: 'changes',
    bundleId,
    networkId: DEMO_NETWORK_ID,
    sender: { deviceId, officerId: officer.officerId, postCode: officer.postCode },
    ranges: [{ deviceId, fromSeq: 1, toSeq: last.seq }],
    appVersion,
    catalogueVersion: CATALOGUE_VERSION,
    createdAt,
    signingKey: keys.signing.privateKey,
    senderPublicKeys: { signing: keys.signing.publicKey, encryption: keys.encryption.publicKey },
    recipients: [
      { deviceId: DEMO_HQ_DEVICE_ID, publicKey: hq.encryption.publicKey },
      { deviceId: leadDevice, publicKey: lead.encryption.publicKey },
    ],
    payload: carried,
  });
  const fileName = changesFileName({
    postCode: officer.postCode,
    officerId: officer.officerId,
    createdAt,
    fromSeq: 1,
    toSeq: last.seq,
  });
  return { fileName, data, changes: carried.length };
}
