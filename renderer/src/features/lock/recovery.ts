// The forgotten-passphrase procedure (docs/vault.md): the device writes a request, HQ answers
// it with a temporary passphrase read out by phone, the device takes the answer in and asks
// for a new passphrase at once. Each step changes nothing stored until it has checked all.
import {
  acceptRecoveryAnswer,
  decodeRecoveryFile,
  encodeRecoveryFile,
  readRecord,
  recoverWithEscrow,
  temporaryPassphrase,
  VaultError,
  type RecoveryFile,
} from '../../../../shared/vault/index.ts';
import { type LiaisonDb } from '../../db/db.ts';
import { getDeviceKeys, getIdentity, getVaultRecord, setVaultRecord } from '../../db/identity.ts';

export const RECOVERY_EXTENSION = 'llrecovery';

function fileDay(iso: string): string {
  return iso.slice(0, 10);
}

/** The device's request for HQ, and a readable file name. */
export async function makeRecoveryRequest(
  db: LiaisonDb,
  now = new Date(),
): Promise<{ data: Uint8Array; name: string }> {
  const identity = await getIdentity(db);
  if (!identity) throw new VaultError('corrupt', 'no identity on this device');
  const vault = await readRecord(await getVaultRecord(db));
  const createdAt = now.toISOString();
  const file: RecoveryFile = {
    kind: 'request',
    deviceId: identity.deviceId,
    officerId: identity.officerId,
    name: identity.name,
    networkId: identity.networkId,
    createdAt,
    vault,
  };
  return {
    data: encodeRecoveryFile(file),
    name: `liaison-log-recovery-request-${identity.officerId}-${fileDay(createdAt)}.${RECOVERY_EXTENSION}`,
  };
}

/** Takes HQ's answer in: the temporary passphrase then opens the same data. */
export async function applyRecoveryAnswer(db: LiaisonDb, bytes: Uint8Array): Promise<void> {
  const identity = await getIdentity(db);
  if (!identity) throw new VaultError('corrupt', 'no identity on this device');
  const answer = await decodeRecoveryFile(bytes);
  const current = await readRecord(await getVaultRecord(db));
  await setVaultRecord(db, acceptRecoveryAnswer(answer, identity, current));
}

export interface RecoveryAnswer {
  request: RecoveryFile;
  /** Read out by phone, never written to a file. */
  temporary: string;
  data: Uint8Array;
  name: string;
}

/** HQ's side: opens the request's HQ copy with HQ's private key, answers it. */
export async function answerRecoveryRequest(
  db: LiaisonDb,
  bytes: Uint8Array,
  now = new Date(),
): Promise<RecoveryAnswer> {
  const identity = await getIdentity(db);
  const keys = await getDeviceKeys(db);
  if (!identity || identity.role !== 'hq' || !keys) {
    throw new VaultError('wrong-key', 'only HQ holds the recovery key');
  }
  const request = await decodeRecoveryFile(bytes);
  if (request.kind !== 'request') throw new VaultError('not-a-recovery-file', 'not a request');
  const temporary = temporaryPassphrase();
  const vault = await recoverWithEscrow(request.vault, keys.encryption.privateKey, temporary);
  const createdAt = now.toISOString();
  return {
    request,
    temporary,
    data: encodeRecoveryFile({ ...request, kind: 'answer', createdAt, vault }),
    name: `liaison-log-recovery-answer-${request.officerId}-${fileDay(createdAt)}.${RECOVERY_EXTENSION}`,
  };
}
