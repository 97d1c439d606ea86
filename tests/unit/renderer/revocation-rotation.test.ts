// Issue #9, part 3: HQ revokes a device (its later bundles are refused, its earlier changes
// stay, nobody encrypts for it), a replacement laptop works under the same officer id, and HQ
// replaces its own keys with a chain devices accept while old bundles stay readable.
import { describe, expect, it } from 'vitest';
import { generateDeviceKeys, type DeviceKeys } from '../../../shared/bundle/keys.ts';
import {
  DEMO_HQ_DEVICE_ID,
  approveDevice,
  makeEnrollment,
  publicKeyText,
  verifyProfile,
  verifyEnrollment,
  type SignedProfile,
} from '../../../shared/identity/index.ts';
import { buildChangesExport, type BuiltFile } from '../../../renderer/src/db/exchange/export.ts';
import {
  approveDevice as approveWaitingDevice,
  importFiles,
} from '../../../renderer/src/db/exchange/engine.ts';
import { revokeLocalApproval } from '../../../renderer/src/db/exchange/devices.ts';
import { changeRecipients, loadSelfInfo } from '../../../renderer/src/db/exchange/self.ts';
import {
  getDeviceKeys,
  getSignedProfile,
  replaceProfile,
} from '../../../renderer/src/db/identity.ts';
import { issueProfile } from '../../../renderer/src/features/network/issue-profile.ts';
import {
  revokeDeviceAtHq,
  rotateKeysAtHq,
} from '../../../renderer/src/features/network/key-actions.ts';
import {
  OFFICER_A,
  OFFICER_B,
  OFFICER_NEW,
  appendOwnChange,
  hqDevice,
  leadDevice,
  logOne,
  makeNetwork,
  makeRealNetwork,
  officerDevice,
  rowsOf,
  type TestDevice,
} from './exchange-fixtures.ts';

const NOW = new Date('2026-03-01T00:00:00.000Z');

async function exported(device: TestDevice): Promise<BuiltFile> {
  const built = await buildChangesExport(device.deps);
  if (!built) throw new Error('nothing exported');
  return built;
}

async function importInto(device: TestDevice, built: BuiltFile) {
  const report = await importFiles(device.deps, [{ name: built.fileName, data: built.data }]);
  return report.files[0]!.outcome;
}

/** What a device does with HQ's new profile file: verify against its own, then store. */
async function takeProfile(device: TestDevice, signed: SignedProfile) {
  const current = await getSignedProfile(device.db);
  const profile = await verifyProfile(signed, { current: current!.profile });
  expect(await replaceProfile(device.db, { profile, signature: signed.signature })).toBe(true);
}

describe('revoking a device', () => {
  it('refuses its next bundle at HQ and at the lead with the reason, keeps what it sent before, and stops encrypting for it', async () => {
    const net = await makeNetwork([OFFICER_A, OFFICER_B]);
    const [hq, lead, officer] = [
      await hqDevice(net),
      await leadDevice(net),
      await officerDevice(net, OFFICER_A),
    ];
    const before = await logOne(officer, 'Before the theft');
    const first = await exported(officer);
    expect((await importInto(hq, first)).kind).toBe('applied');
    expect((await importInto(lead, first)).kind).toBe('applied');

    const signed = await revokeDeviceAtHq(hq.db, OFFICER_A.deviceId, hq.dataKey, NOW);
    expect(signed.profile.devices.find((d) => d.deviceId === OFFICER_A.deviceId)?.revokedAt).toBe(
      NOW.toISOString(),
    );
    await takeProfile(lead, signed);

    await logOne(officer, 'After the theft');
    const next = await exported(officer);
    for (const receiver of [hq, lead]) {
      const outcome = await importInto(receiver, next);
      expect(outcome).toMatchObject({
        kind: 'rejected',
        errorKey: 'exchange.error.device-revoked',
      });
      const rows = await rowsOf(receiver);
      expect(rows.has(before.id)).toBe(true);
      expect(rows.size).toBe(1);
    }
    // Nobody encrypts for it any more: the lead's and HQ's recipients skip it.
    for (const sender of [hq, lead]) {
      const ids = changeRecipients(await loadSelfInfo(sender.db)).map((d) => d.deviceId);
      expect(ids).not.toContain(OFFICER_A.deviceId);
    }
  });

  it('drops the changes of the revoked device still waiting (deferred) when the revocation is stored', async () => {
    const net = await makeNetwork([OFFICER_A, OFFICER_B]);
    const [hq, lead] = [await hqDevice(net), await leadDevice(net)];
    const waiting = (deviceId: string, seq: number) => ({
      deviceId,
      seq,
      recordId: `rec-${deviceId}-${seq}`,
      change: {} as never,
      deferredAt: NOW.toISOString(),
    });
    await lead.db.exchangeDeferred.bulkPut([
      waiting(OFFICER_A.deviceId, 1),
      waiting(OFFICER_A.deviceId, 2),
      waiting(OFFICER_B.deviceId, 1),
    ]);
    await takeProfile(lead, await revokeDeviceAtHq(hq.db, OFFICER_A.deviceId, hq.dataKey, NOW));
    const left = await lead.db.exchangeDeferred.toArray();
    expect(left.map((r) => [r.deviceId, r.seq])).toEqual([[OFFICER_B.deviceId, 1]]);
  });

  it('lets a replacement laptop under the same officer id edit that officer’s old records', async () => {
    const net = await makeNetwork([OFFICER_A]);
    const hq = await hqDevice(net);
    const old = await officerDevice(net, OFFICER_A);
    const record = await logOne(old, 'Logged on the old laptop');
    expect((await importInto(hq, await exported(old))).kind).toBe('applied');

    // HQ approves the new laptop (same officer, same post) and revokes the old one.
    const spec = { ...OFFICER_A, deviceId: 'dev-bog-1-new' };
    const keys: DeviceKeys = await generateDeviceKeys({ extractable: true });
    net.officerKeys.set(spec.deviceId, keys);
    const card = await verifyEnrollment(
      await makeEnrollment(
        {
          deviceId: spec.deviceId,
          officerId: spec.officerId,
          name: spec.officerId,
          role: 'officer',
          postCode: spec.postCode,
          signingKey: await publicKeyText(keys.signing),
          encryptionKey: await publicKeyText(keys.encryption),
          createdAt: NOW.toISOString(),
        },
        keys.signing.privateKey,
      ),
    );
    const current = (await getSignedProfile(hq.db))!.profile;
    await issueProfile(hq.db, approveDevice(current, card, NOW.toISOString()), hq.dataKey);
    const signed = await revokeDeviceAtHq(hq.db, OFFICER_A.deviceId, hq.dataKey, NOW);

    const replacement = await officerDevice({ ...net, signed }, spec);
    replacement.clock.set(Date.UTC(2025, 3, 2)); // a day later than the old laptop's write
    await appendOwnChange(replacement, {
      recordId: record.id,
      field: 'data.subject',
      value: 'Corrected on the new laptop',
    });
    const outcome = await importInto(hq, await exported(replacement));
    expect(outcome).toMatchObject({ kind: 'applied', counts: { refused: 0, updated: 1 } });
    expect((await rowsOf(hq)).get(record.id)?.data.subject).toBe('Corrected on the new laptop');
  });
});

describe('revoking by key a device only a team lead approved', () => {
  it('HQ revokes it from the bundle waiting at HQ; the lead stops trusting and encrypting for it', async () => {
    const net = await makeNetwork([OFFICER_A], [OFFICER_NEW]);
    const [hq, lead, laptop] = [
      await hqDevice(net),
      await leadDevice(net),
      await officerDevice(net, OFFICER_NEW),
    ];
    await logOne(laptop, 'Before the theft');
    const first = await exported(laptop);
    expect((await importInto(lead, first)).kind).toBe('pending-device');
    await approveWaitingDevice(lead.deps, OFFICER_NEW.deviceId);
    // Every officer device encrypts for HQ: its bundle waits at HQ, with its keys.
    expect((await importInto(hq, first)).kind).toBe('pending-device');

    const signed = await revokeDeviceAtHq(hq.db, OFFICER_NEW.deviceId, hq.dataKey, NOW);
    const keys = net.officerKeys.get(OFFICER_NEW.deviceId)!;
    expect(signed.profile.revokedKeys).toEqual([
      {
        deviceId: OFFICER_NEW.deviceId,
        signingKey: await publicKeyText(keys.signing),
        encryptionKey: await publicKeyText(keys.encryption),
        revokedAt: NOW.toISOString(),
      },
    ]);
    expect(await hq.db.exchangePendingDevices.get(OFFICER_NEW.deviceId)).toBeUndefined();
    await takeProfile(lead, signed);

    const ids = changeRecipients(await loadSelfInfo(lead.db)).map((d) => d.deviceId);
    expect(ids).not.toContain(OFFICER_NEW.deviceId);
    await logOne(laptop, 'After the theft');
    const next = await exported(laptop);
    for (const receiver of [hq, lead]) {
      expect(await importInto(receiver, next)).toMatchObject({
        kind: 'rejected',
        errorKey: 'exchange.error.device-revoked',
      });
    }
  });

  it('a lead withdraws its own approval: no longer a recipient, its next bundle waits again', async () => {
    const net = await makeNetwork([OFFICER_A], [OFFICER_NEW]);
    const [lead, laptop] = [await leadDevice(net), await officerDevice(net, OFFICER_NEW)];
    await logOne(laptop, 'Approved locally');
    expect((await importInto(lead, await exported(laptop))).kind).toBe('pending-device');
    await approveWaitingDevice(lead.deps, OFFICER_NEW.deviceId);
    let ids = changeRecipients(await loadSelfInfo(lead.db)).map((d) => d.deviceId);
    expect(ids).toContain(OFFICER_NEW.deviceId);

    await revokeLocalApproval(lead.db, OFFICER_NEW.deviceId);
    ids = changeRecipients(await loadSelfInfo(lead.db)).map((d) => d.deviceId);
    expect(ids).not.toContain(OFFICER_NEW.deviceId);
    await logOne(laptop, 'After the withdrawal');
    expect((await importInto(lead, await exported(laptop))).kind).toBe('pending-device');
    await expect(revokeLocalApproval(lead.db, OFFICER_NEW.deviceId)).rejects.toMatchObject({
      code: 'no-such-device',
    });
  });
});

describe('revoked keys under a new device id', () => {
  it('are refused at import, at a lead’s approval of a bundle parked before, and at HQ (device-revoked)', async () => {
    const net = await makeNetwork([OFFICER_A]);
    const [hq, lead] = [await hqDevice(net), await leadDevice(net)];
    // The stolen laptop's keys under a fresh id, same officer, same post.
    const thiefSpec = { ...OFFICER_A, deviceId: 'officer-a-again' };
    net.officerKeys.set(thiefSpec.deviceId, net.officerKeys.get(OFFICER_A.deviceId)!);
    const thief = await officerDevice(net, thiefSpec);
    await logOne(thief, 'Written with revoked keys');
    const parkedBefore = await exported(thief);
    // Parked at the lead before the revocation reached it.
    expect((await importInto(lead, parkedBefore)).kind).toBe('pending-device');

    const signed = await revokeDeviceAtHq(hq.db, OFFICER_A.deviceId, hq.dataKey, NOW);
    await takeProfile(lead, signed);
    await expect(approveWaitingDevice(lead.deps, thiefSpec.deviceId)).rejects.toMatchObject({
      code: 'device-revoked',
    });
    expect((await rowsOf(lead)).size).toBe(0);

    await logOne(thief, 'Again');
    const later = await exported(thief);
    for (const receiver of [hq, lead]) {
      expect(await importInto(receiver, later)).toMatchObject({
        kind: 'rejected',
        errorKey: 'exchange.error.device-revoked',
      });
    }
    // HQ approving a card with those keys says why: revoked, not 'invalid' or 'duplicate-key'.
    const keys = net.officerKeys.get(OFFICER_A.deviceId)!;
    const card = await verifyEnrollment(
      await makeEnrollment(
        {
          deviceId: thiefSpec.deviceId,
          officerId: thiefSpec.officerId,
          name: thiefSpec.officerId,
          role: 'officer',
          postCode: thiefSpec.postCode,
          signingKey: await publicKeyText(keys.signing),
          encryptionKey: await publicKeyText(keys.encryption),
          createdAt: NOW.toISOString(),
        },
        keys.signing.privateKey,
      ),
    );
    const current = (await getSignedProfile(hq.db))!.profile;
    expect(() => approveDevice(current, card, NOW.toISOString())).toThrow(
      expect.objectContaining({ code: 'device-revoked' }),
    );
  });
});

describe('HQ replacing its own keys', () => {
  it('issues a profile devices accept by the chain; old bundles stay readable and new ones use the new key', async () => {
    const net = await makeRealNetwork([OFFICER_A]);
    const hq = await hqDevice(net);
    const officer = await officerDevice(net, OFFICER_A);
    await logOne(officer, 'Sent to the old key');
    const old = await exported(officer);
    const oldProfile = (await getSignedProfile(hq.db))!.profile;

    const signed = await rotateKeysAtHq(hq.db, hq.dataKey, NOW);
    expect(signed.profile.hq.signingKey).not.toBe(oldProfile.hq.signingKey);
    expect(signed.profile.hq.encryptionKey).not.toBe(oldProfile.hq.encryptionKey);
    expect(signed.profile.hq.recoveryKey).not.toBe(oldProfile.hq.recoveryKey);
    expect(signed.profile.hq.rotations).toHaveLength(1);
    const keys = await getDeviceKeys(hq.db, hq.dataKey);
    for (const key of [keys!.signing, keys!.encryption, keys!.recovery!])
      expect(key.privateKey.extractable).toBe(false);

    // A bundle made before the officer had the new profile still opens (the retired key).
    expect((await importInto(hq, old)).kind).toBe('applied');

    await takeProfile(officer, signed);
    await logOne(officer, 'Sent to the new key');
    const next = await exported(officer);
    expect((await importInto(hq, next)).kind).toBe('applied');
    // ...and it is addressed to the new key: the old one alone no longer opens it.
    const header = JSON.parse(
      new TextDecoder().decode(
        next.data.subarray(
          14,
          14 + new DataView(next.data.buffer, next.data.byteOffset).getUint32(10),
        ),
      ),
    ) as { recipients: { deviceId: string; publicKey: string }[] };
    expect(header.recipients.find((r) => r.deviceId === DEMO_HQ_DEVICE_ID)?.publicKey).toBe(
      signed.profile.hq.encryptionKey,
    );

    // The next profile, signed by the new key, is accepted too (no chain needed any more).
    const again = await revokeDeviceAtHq(hq.db, OFFICER_A.deviceId, hq.dataKey, NOW);
    await takeProfile(officer, again);
  });

  it('never replaces the demo’s public keys: the demo HQ would refuse its own mixed profile', async () => {
    const net = await makeNetwork([OFFICER_A]);
    const hq = await hqDevice(net);
    const before = (await getSignedProfile(hq.db))!;
    await expect(rotateKeysAtHq(hq.db, hq.dataKey, NOW)).rejects.toThrow(/demo/);
    expect(await getSignedProfile(hq.db)).toEqual(before);
  });
});
