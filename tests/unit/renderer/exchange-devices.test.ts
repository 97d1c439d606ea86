// Devices nobody approved yet: their bundles wait, approving imports them (HQ into a new
// signed profile, a team lead locally), rejecting drops them; a known device signing with
// another key is refused. And a lead's reviews reach HQ before or after the entry itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprintCode } from '../../../shared/identity/index.ts';
import { verifyProfile } from '../../../shared/identity/signed.ts';
import { createActivity, reviewActivity } from '../../../renderer/src/db/activities.ts';
import { listPendingDevices } from '../../../renderer/src/db/exchange.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange-export.ts';
import {
  approveDevice,
  importFiles,
  rejectDevice,
} from '../../../renderer/src/db/exchange-engine.ts';
import { getSignedProfile } from '../../../renderer/src/db/identity.ts';
import { liaisonInput } from './db-fixtures.ts';
import {
  OFFICER_A,
  OFFICER_NEW,
  hqDevice,
  leadDevice,
  makeNetwork,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A], [OFFICER_NEW]);
});

async function exportOf(device: TestDevice) {
  const built = await buildChangesExport(device.deps);
  if (!built) throw new Error('nothing exported');
  return { name: built.fileName, data: built.data };
}

async function newcomerWithEntry() {
  const newcomer = await officerDevice(net, OFFICER_NEW);
  const entry = await createActivity(newcomer.db, newcomer.author, liaisonInput(), {
    sealer: newcomer.sealer,
  });
  return { newcomer, entry, file: await exportOf(newcomer) };
}

describe('devices waiting for approval', () => {
  it('keeps an unapproved device’s bundle waiting, and imports it once HQ approves', async () => {
    const hq = await hqDevice(net);
    const { entry, file } = await newcomerWithEntry();
    const report = await importFiles(hq.deps, [file]);
    const signing = net.officerKeys.get(OFFICER_NEW.deviceId)?.signing.publicKey as CryptoKey;
    const fingerprint = await fingerprintCode(signing);
    expect(report.files[0]?.outcome).toMatchObject({
      kind: 'pending-device',
      sender: { deviceId: OFFICER_NEW.deviceId, role: 'unknown', postCode: 'BOG', fingerprint },
    });
    expect(await hq.db.activities.count()).toBe(0);
    const pending = await listPendingDevices(hq.db);
    expect(pending.map((d) => [d.sender.fingerprint, d.bundles])).toEqual([[fingerprint, 1]]);
    expect(pending[0]?.firstSeenAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Importing the same file again while it waits keeps one copy.
    await importFiles(hq.deps, [file]);
    expect((await listPendingDevices(hq.db))[0]?.bundles).toBe(1);

    const approved = await approveDevice(hq.deps, OFFICER_NEW.deviceId);
    expect(approved.files[0]?.outcome).toMatchObject({
      kind: 'applied',
      sender: { role: 'officer' },
    });
    expect((await hq.db.activities.get(entry.id))?.officerId).toBe(OFFICER_NEW.officerId);
    expect(await listPendingDevices(hq.db)).toEqual([]);
    const signed = await getSignedProfile(hq.db);
    expect(signed?.profile.version).toBe(net.signed.profile.version + 1);
    expect(signed?.profile.devices.some((d) => d.deviceId === OFFICER_NEW.deviceId)).toBe(true);
    // HQ signed it: any device of the network accepts it as the newer profile.
    await expect(verifyProfile(signed, { current: net.signed.profile })).resolves.toBeDefined();
  });

  it('lets a team lead approve an officer of its post locally', async () => {
    const lead = await leadDevice(net);
    const { entry, file } = await newcomerWithEntry();
    expect((await importFiles(lead.deps, [file])).files[0]?.outcome.kind).toBe('pending-device');
    const approved = await approveDevice(lead.deps, OFFICER_NEW.deviceId);
    expect(approved.files[0]?.outcome.kind).toBe('applied');
    expect(await lead.db.activities.get(entry.id)).toBeDefined();
    // The profile is HQ's to change; the lead's approval is its own.
    expect((await getSignedProfile(lead.db))?.profile.version).toBe(net.signed.profile.version);
    expect(await lead.db.exchangeApprovals.count()).toBe(1);
  });

  it('drops a rejected device and its bundles', async () => {
    const hq = await hqDevice(net);
    const { file } = await newcomerWithEntry();
    await importFiles(hq.deps, [file]);
    await rejectDevice(hq.deps, OFFICER_NEW.deviceId);
    expect(await listPendingDevices(hq.db)).toEqual([]);
    expect(await hq.db.exchangePendingBundles.count()).toBe(0);
    expect(await hq.db.activities.count()).toBe(0);
  });

  it('refuses a bundle that names a known device but is signed with another key', async () => {
    const hq = await hqDevice(net);
    // A device that claims to be officer A, with the newcomer's keys.
    const impostorNet = { ...net, officerKeys: new Map(net.officerKeys) };
    impostorNet.officerKeys.set(
      OFFICER_A.deviceId,
      net.officerKeys.get(OFFICER_NEW.deviceId) as never,
    );
    const impostor = await officerDevice(impostorNet, OFFICER_A);
    await createActivity(impostor.db, impostor.author, liaisonInput(), { sealer: impostor.sealer });
    const report = await importFiles(hq.deps, [await exportOf(impostor)]);
    expect(report.files[0]?.outcome).toEqual({
      kind: 'rejected',
      errorKey: 'bundle.error.signer-mismatch',
    });
    expect(await listPendingDevices(hq.db)).toEqual([]);
  });
});

describe('reviews', () => {
  it('keeps a lead’s review that reaches HQ before the entry, and applies it when the entry comes', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const lead = await leadDevice(net);
    const hq = await hqDevice(net);
    const entry = await createActivity(officer.db, officer.author, liaisonInput(), {
      sealer: officer.sealer,
    });
    const fromOfficer = await exportOf(officer);
    await importFiles(lead.deps, [fromOfficer]);
    await reviewActivity(lead.db, lead.author, entry.id, { status: 'approved', comment: 'Good' });
    const fromLead = await exportOf(lead);

    const early = (await importFiles(hq.deps, [fromLead])).files[0]?.outcome;
    expect(early).toMatchObject({ kind: 'applied', extras: { deferred: 4 } });
    expect(await hq.db.activities.get(entry.id)).toBeUndefined();
    expect(await hq.db.exchangeDeferred.count()).toBe(4);

    const later = (await importFiles(hq.deps, [fromOfficer])).files[0]?.outcome;
    expect(later).toMatchObject({ kind: 'applied', extras: { retried: 4 } });
    expect(await hq.db.exchangeDeferred.count()).toBe(0);
    const review = (await hq.db.activities.get(entry.id))?.review;
    expect(review).toMatchObject({ status: 'approved', comment: 'Good', by: 'lead-americas' });
    expect(review?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // The officer sees the review too.
    const back = (await importFiles(officer.deps, [fromLead])).files[0]?.outcome;
    expect(back).toMatchObject({ kind: 'applied', counts: { refused: 0 } });
    expect((await officer.db.activities.get(entry.id))?.reviewStatus).toBe('approved');
  });
});
