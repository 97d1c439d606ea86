// Issue #9, part 1: HQ's passphrase recovery must not be a decryption oracle. A recovery
// request built from a bundle's public header (HQ's recipient entry and the key commitment)
// is refused, signed or not; a device's own signed request is answered and recorded.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readU32 } from '../../../shared/bundle/bytes.ts';
import {
  decodeRecoveryFile,
  encodeRecoveryFile,
  signRecoveryBinding,
  type RecoveryRequest,
} from '../../../shared/vault/index.ts';
import { DEMO_HQ_DEVICE_ID } from '../../../shared/identity/index.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import {
  getDeviceKeys,
  getNetworkProfile,
  getRecoveryLog,
  getVaultRecord,
  sealDeviceKeys,
  setVaultRecord,
} from '../../../renderer/src/db/identity.ts';
import { setMeta } from '../../../renderer/src/db/meta.ts';
import {
  adoptAnswer,
  answerRecoveryRequest,
  makeRecoveryRequest,
  readRecoveryAnswer,
  refreshRecoveryCopy,
} from '../../../renderer/src/features/lock/recovery.ts';
import {
  decryptField,
  encryptField,
  readRecord,
  unlockVault,
  type VaultRecord,
} from '../../../shared/vault/index.ts';
import { OFFICER_A, hqDevice, logOne, makeNetwork, officerDevice } from './exchange-fixtures.ts';

interface Stanza {
  deviceId: string;
  publicKey: string;
  ephemeralKey: string;
  wrappedKey: string;
}

/** What anyone holding a copy of the file can read: the header's JSON. */
function headerJson(bundle: Uint8Array): {
  recipients: Stanza[];
  payload: { keyCommitment: string };
} {
  const length = readU32(bundle, 10);
  return JSON.parse(new TextDecoder().decode(bundle.subarray(14, 14 + length))) as never;
}

async function network() {
  const net = await makeNetwork([OFFICER_A]);
  const hq = await hqDevice(net);
  const officer = await officerDevice(net, OFFICER_A);
  // What the app does at each unlock: an HQ copy for the profile's recovery key, signed.
  await refreshRecoveryCopy(officer.db, 'p', officer.dataKey);
  await logOne(officer, 'Meeting with the airline');
  const built = await buildChangesExport(officer.deps);
  if (!built) throw new Error('nothing exported');
  return { net, hq, officer, bundle: built.data };
}

/** A "forgot my passphrase" request whose HQ copy is the bundle's entry for HQ. */
function forgedRequest(bundle: Uint8Array, signature?: string): RecoveryRequest {
  const header = headerJson(bundle);
  const stanza = header.recipients.find((r) => r.deviceId === DEMO_HQ_DEVICE_ID);
  if (!stanza) throw new Error('the bundle is not addressed to HQ');
  return {
    kind: 'request',
    deviceId: OFFICER_A.deviceId,
    officerId: OFFICER_A.officerId,
    name: 'Sofía Herrera',
    networkId: 'liaison-log-demo',
    createdAt: '2026-11-22T10:00:00.000Z',
    escrow: {
      recipient: stanza.publicKey,
      ephemeralKey: stanza.ephemeralKey,
      wrappedKey: stanza.wrappedKey,
    },
    keyCheck: header.payload.keyCommitment,
    ...(signature === undefined ? {} : { signature }),
  };
}

describe('HQ answering a passphrase recovery request', () => {
  it('refuses a request built from the HQ entry of a bundle header, and records nothing', async () => {
    const { hq, bundle } = await network();
    const forged = encodeRecoveryFile(forgedRequest(bundle));
    await expect(answerRecoveryRequest(hq.db, hq.dataKey, forged)).rejects.toMatchObject({
      name: 'VaultError',
    });
    expect(await getRecoveryLog(hq.db)).toEqual([]);
  });

  it('refuses it even when an enrolled device signs it: the bundle entry opens no recovery', async () => {
    const { net, hq, bundle } = await network();
    const insider = net.officerKeys.get(OFFICER_A.deviceId)!;
    const unsigned = forgedRequest(bundle);
    const signature = await signRecoveryBinding(unsigned, insider.signing.privateKey);
    const forged = encodeRecoveryFile({ ...unsigned, signature });
    await expect(answerRecoveryRequest(hq.db, hq.dataKey, forged)).rejects.toMatchObject({
      code: 'old-escrow',
    });
    expect(await getRecoveryLog(hq.db)).toEqual([]);
  });

  it('refuses a device’s real request when the signature is missing or another device’s', async () => {
    const { hq, officer } = await network();
    const request = await decodeRecoveryFile((await makeRecoveryRequest(officer.db)).data);
    if (request.kind !== 'request') throw new Error('not a request');
    const { signature: _s, ...unsigned } = request;
    await expect(
      answerRecoveryRequest(hq.db, hq.dataKey, encodeRecoveryFile(unsigned)),
    ).rejects.toMatchObject({ code: 'unsigned-request' });
    const hqKeys = await getDeviceKeys(hq.db, hq.dataKey);
    const wrongSigner = await signRecoveryBinding(request, hqKeys!.signing.privateKey);
    await expect(
      answerRecoveryRequest(
        hq.db,
        hq.dataKey,
        encodeRecoveryFile({ ...request, signature: wrongSigner }),
      ),
    ).rejects.toMatchObject({ code: 'unsigned-request' });
  });

  it('answers the device’s own signed request, records who and when, and the device reads its data again', async () => {
    const { hq, officer } = await network();
    const context = { recordId: 'rec-1', field: 'data.travellerName' };
    const sealed = await encryptField(officer.dataKey, 'Ana Díaz', context);
    const request = await makeRecoveryRequest(officer.db);
    const answer = await answerRecoveryRequest(
      hq.db,
      hq.dataKey,
      request.data,
      new Date('2026-11-22T11:00:00.000Z'),
    );
    expect(await getRecoveryLog(hq.db)).toEqual([
      {
        deviceId: OFFICER_A.deviceId,
        officerId: OFFICER_A.officerId,
        name: OFFICER_A.officerId,
        answeredBy: 'hq-ottawa',
        answeredAt: '2026-11-22T11:00:00.000Z',
      },
    ]);
    const file = await readRecoveryAnswer(officer.db, answer.data);
    const key = await adoptAnswer(officer.db, file, answer.temporary);
    expect(await decryptField(key, sealed, context)).toBe('Ana Díaz');
  });

  it('re-makes a version 1 vault’s HQ copy at the next unlock, and that device can then recover', async () => {
    const { net, hq, officer } = await network();
    // An officer's device upgraded from before issue #9: its vault record is version 1 (and
    // its private keys are sealed with that vault's data key).
    const v1 = JSON.parse(
      readFileSync('tests/fixtures/vault-v1-record.json', 'utf8'),
    ) as VaultRecord;
    const key = await unlockVault(v1, 'old passphrase');
    const keys = net.officerKeys.get(OFFICER_A.deviceId)!;
    await setMeta(
      officer.db,
      'deviceKeys',
      await sealDeviceKeys(key, { deviceId: OFFICER_A.deviceId, ...keys }),
    );
    await setVaultRecord(officer.db, v1);
    await refreshRecoveryCopy(officer.db, 'old passphrase', key);
    const record = await readRecord(await getVaultRecord(officer.db));
    expect(record.version).toBe(2);
    expect(record.escrow?.recipient).toBe(await profileRecoveryKey(hq));
    const answer = await answerRecoveryRequest(
      hq.db,
      hq.dataKey,
      (await makeRecoveryRequest(officer.db)).data,
    );
    const file = await readRecoveryAnswer(officer.db, answer.data);
    const sealed = await encryptField(key, 'kept', { recordId: 'r', field: 'data.x' });
    const adopted = await adoptAnswer(officer.db, file, answer.temporary);
    expect(await decryptField(adopted, sealed, { recordId: 'r', field: 'data.x' })).toBe('kept');
  });
});

async function profileRecoveryKey(device: { db: Parameters<typeof getNetworkProfile>[0] }) {
  return (await getNetworkProfile(device.db))?.hq.recoveryKey;
}
