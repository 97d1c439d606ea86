// Devices nobody approved yet: their bundles wait, approving imports them (HQ into a new
// signed profile, a team lead locally), rejecting drops them; a known device signing with
// another key is refused. And a lead's reviews reach HQ before or after the entry itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDeviceKeys } from '../../../shared/bundle/keys.ts';
import {
  encodeEnrollmentFile,
  fingerprintCode,
  makeEnrollment,
  publicKeyText,
} from '../../../shared/identity/index.ts';
import { verifyProfile } from '../../../shared/identity/signed.ts';
import {
  createActivity,
  reviewActivity,
  updateActivity,
} from '../../../renderer/src/db/activities.ts';
import { buildReceiptExport } from '../../../renderer/src/db/exchange/receipts.ts';
import { listPendingDevices } from '../../../renderer/src/db/exchange/queries.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import {
  approveDevice,
  importFiles,
  rejectDevice,
} from '../../../renderer/src/db/exchange/engine.ts';
import { getSignedProfile } from '../../../renderer/src/db/identity.ts';
import { liaisonInput } from './db-fixtures.ts';
import {
  LEAD_ID,
  OFFICER_A,
  OFFICER_NEW,
  appendOwnChange,
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

  it('stores the officer’s name and post a lead approves from a bundle, not the officer id', async () => {
    // A header names the officer by id only; the demo network knows this officer by name.
    const mexico = { deviceId: 'officer-mex', officerId: 'lo-mexico-1', postCode: 'MEX' };
    const named = await makeNetwork([], [mexico]);
    const lead = await leadDevice(named);
    const officer = await officerDevice(named, mexico);
    await createActivity(officer.db, officer.author, liaisonInput(), { sealer: officer.sealer });
    await importFiles(lead.deps, [await exportOf(officer)]);
    const run = await approveDevice(lead.deps, mexico.deviceId);
    // The run the approval starts says so: it is no copy of the run the file waited in.
    expect(run.approval).toEqual({ deviceId: mexico.deviceId, officerId: 'lo-mexico-1' });
    expect(await lead.db.exchangeApprovals.get(mexico.deviceId)).toMatchObject({
      officerId: 'lo-mexico-1',
      name: 'Marc-André Gagnon',
      postCode: 'MEX',
    });
  });

  it('refuses, at a lead, a device that claims the officer id of someone placed elsewhere', async () => {
    const lead = await leadDevice(net);
    const keys = await generateDeviceKeys({ extractable: true });
    const card = {
      deviceId: 'claims-the-lead',
      officerId: LEAD_ID,
      name: 'Not the lead',
      role: 'officer' as const,
      postCode: 'BOG',
      signingKey: await publicKeyText(keys.signing),
      encryptionKey: await publicKeyText(keys.encryption),
      createdAt: '2025-04-01T00:00:00.000Z',
    };
    const file = encodeEnrollmentFile(await makeEnrollment(card, keys.signing.privateKey));
    await importFiles(lead.deps, [{ name: 'card.llenroll', data: file }]);
    await expect(approveDevice(lead.deps, 'claims-the-lead')).rejects.toMatchObject({
      code: 'officer-id-taken',
    });
    expect(await lead.db.exchangeApprovals.count()).toBe(0);
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

  it('never approves a key other than the one shown: a second key for a waiting device is refused', async () => {
    const hq = await hqDevice(net);
    // Someone sends a card for the newcomer's device id, made with keys of their own.
    const attacker = await generateDeviceKeys({ extractable: true });
    const card = {
      deviceId: OFFICER_NEW.deviceId,
      officerId: OFFICER_NEW.officerId,
      name: 'Not the newcomer',
      role: 'officer' as const,
      postCode: 'BOG',
      signingKey: await publicKeyText(attacker.signing),
      encryptionKey: await publicKeyText(attacker.encryption),
      createdAt: '2025-04-01T00:00:00.000Z',
    };
    const enrollment = encodeEnrollmentFile(
      await makeEnrollment(card, attacker.signing.privateKey),
    );
    await importFiles(hq.deps, [{ name: 'card.llenroll', data: enrollment }]);
    // The genuine newcomer's bundle then arrives: refused, not merged into the waiting entry.
    const { file } = await newcomerWithEntry();
    const run = await importFiles(hq.deps, [file]);
    expect(run.files[0]?.outcome).toMatchObject({
      kind: 'rejected',
      errorKey: 'exchange.error.pending-key-conflict',
    });
    // What HQ reads aloud is the waiting key's code, and approval signs exactly that key.
    const shown = (await listPendingDevices(hq.db))[0]?.sender.fingerprint;
    expect(shown).toBe(await fingerprintCode(card.signingKey));
    expect(shown).not.toBe(
      await fingerprintCode(net.officerKeys.get(OFFICER_NEW.deviceId)!.signing.publicKey),
    );
    await approveDevice(hq.deps, OFFICER_NEW.deviceId);
    const listed = (await getSignedProfile(hq.db))!.profile.devices.find(
      (d) => d.deviceId === OFFICER_NEW.deviceId,
    );
    expect(listed?.signingKey).toBe(card.signingKey);
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

describe('entries from a newer app', () => {
  it('keeps an entry of a type this build does not know, rather than refusing it for good', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    const id = 'rec-future';
    for (const [field, value] of [
      ['type', 'future-type'],
      ['schemaVersion', 1],
      ['officerId', OFFICER_A.officerId],
      ['postCode', 'BOG'],
      ['occurredOn', '2025-04-10'],
      ['data.summary', 'x'],
    ] as const)
      await appendOwnChange(officer, { recordId: id, field, value });
    const run = await importFiles(hq.deps, [await exportOf(officer)]);
    const outcome = run.files[0]?.outcome;
    if (outcome?.kind !== 'applied') throw new Error(`not applied: ${outcome?.kind}`);
    // Nothing refused: all six wait (a receipt may then say HQ holds them, which it does).
    expect(outcome.counts.refused).toBe(0);
    expect(outcome.extras?.deferred).toBe(6);
    const kept = await hq.db.exchangeDeferred.where('recordId').equals(id).toArray();
    expect(kept.map((k) => k.change.field).sort()).toContain('type');
    expect(await hq.db.activities.get(id)).toBeUndefined();
  });
});

describe('a change waiting for its entry', () => {
  it('gives way to the same change sent again, so an open field never stays sealed', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    const lead = await leadDevice(net);
    const entry = await createActivity(officer.db, officer.author, liaisonInput(), {
      sealer: officer.sealer,
    });
    // Bundle 1 reaches the lead only; the lead's receipt moves the officer's next export on.
    await importFiles(lead.deps, [await exportOf(officer)]);
    const leadReceipt = await buildReceiptExport(lead.deps);
    await importFiles(officer.deps, [{ name: 'r1.llb', data: leadReceipt!.data }]);
    await updateActivity(
      officer.db,
      officer.author,
      entry.id,
      { data: { subject: 'Airport later subject' } },
      { sealer: officer.sealer },
    );
    // Bundle 2 (the edit only) reaches HQ before the entry: kept, sealed (type unknown yet).
    await importFiles(hq.deps, [await exportOf(officer)]);
    // HQ's receipt (it holds nothing of 1..9) makes the officer send everything again.
    const hqReceipt = await buildReceiptExport(hq.deps);
    await importFiles(officer.deps, [{ name: 'r2.llb', data: hqReceipt!.data }]);
    await importFiles(hq.deps, [await exportOf(officer)]);
    const row = await hq.db.activities.get(entry.id);
    expect(row?.data.subject).toBe('Airport later subject');
    expect(await hq.db.exchangeDeferred.count()).toBe(0);
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
