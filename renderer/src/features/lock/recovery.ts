// The forgotten-passphrase procedure (docs/vault.md): the device writes a request, HQ answers
// it with a temporary passphrase read out by phone, the device adopts the answer only if that
// passphrase opens it to the device's own data key, then asks for a new passphrase at once.
// Each step changes nothing stored until it has checked everything.
import {
  adoptRecoveryAnswer,
  decodeRecoveryFile,
  encodeRecoveryFile,
  readRecord,
  recoverFromEscrow,
  temporaryPassphrase,
  VaultError,
  type RecoveryAnswerFile,
  type RecoveryRequest,
} from '../../../../shared/vault/index.ts';
import { type LiaisonDb } from '../../db/db.ts';
import {
  getDeviceKeys,
  getIdentity,
  getNetworkProfile,
  getVaultRecord,
  setVaultRecord,
} from '../../db/identity.ts';

export const RECOVERY_EXTENSION = 'llrecovery';

function fileDay(iso: string): string {
  return iso.slice(0, 10);
}

/** The device's request for HQ (HQ's copy and the key commitment only), and a file name. */
export async function makeRecoveryRequest(
  db: LiaisonDb,
  now = new Date(),
): Promise<{ data: Uint8Array; name: string }> {
  const identity = await getIdentity(db);
  if (!identity) throw new VaultError('corrupt', 'no identity on this device');
  const vault = await readRecord(await getVaultRecord(db));
  if (!vault.escrow) throw new VaultError('no-escrow', 'this device has no HQ copy');
  const createdAt = now.toISOString();
  const file: RecoveryRequest = {
    kind: 'request',
    deviceId: identity.deviceId,
    officerId: identity.officerId,
    name: identity.name,
    networkId: identity.networkId,
    createdAt,
    escrow: vault.escrow,
    keyCheck: vault.keyCheck,
  };
  return {
    data: encodeRecoveryFile(file),
    name: `liaison-log-recovery-request-${identity.officerId}-${fileDay(createdAt)}.${RECOVERY_EXTENSION}`,
  };
}

/** Reads HQ's answer and checks it is meant for this device (nothing stored yet). */
export async function readRecoveryAnswer(
  db: LiaisonDb,
  bytes: Uint8Array,
): Promise<RecoveryAnswerFile> {
  const identity = await getIdentity(db);
  if (!identity) throw new VaultError('corrupt', 'no identity on this device');
  const answer = await decodeRecoveryFile(bytes);
  if (answer.kind !== 'answer') throw new VaultError('not-a-recovery-file', 'not an answer');
  if (answer.deviceId !== identity.deviceId || answer.networkId !== identity.networkId) {
    throw new VaultError('other-device', `answer for ${answer.deviceId}`);
  }
  return answer;
}

/**
 * Adopts the answer with the temporary passphrase: only the data key is taken from it, and
 * only if it is this vault's own. Returns the data key, ready to unlock with.
 */
export async function adoptAnswer(
  db: LiaisonDb,
  answer: RecoveryAnswerFile,
  temporary: string,
): Promise<CryptoKey> {
  const { record, dataKey } = await adoptRecoveryAnswer(
    await getVaultRecord(db),
    answer.vault,
    temporary.trim().toUpperCase(),
  );
  await setVaultRecord(db, record);
  return dataKey;
}

export interface RecoveryAnswer {
  request: RecoveryRequest;
  /** The name the network profile gives the device (not the file's claim). */
  deviceName: string;
  /** Read out by phone, never written to a file. */
  temporary: string;
  data: Uint8Array;
  name: string;
}

/** HQ's side: opens the request's HQ copy with HQ's private key, answers it. */
export async function answerRecoveryRequest(
  db: LiaisonDb,
  dataKey: CryptoKey | undefined,
  bytes: Uint8Array,
  now = new Date(),
): Promise<RecoveryAnswer> {
  const identity = await getIdentity(db);
  const profile = await getNetworkProfile(db);
  const keys = await getDeviceKeys(db, dataKey);
  if (!identity || identity.role !== 'hq' || !keys || !profile) {
    throw new VaultError('wrong-key', 'only HQ holds the recovery key');
  }
  const request = await decodeRecoveryFile(bytes);
  if (request.kind !== 'request') throw new VaultError('not-a-recovery-file', 'not a request');
  // The file's name and officer id are claims; the profile says who the device is.
  const device = profile.devices.find((d) => d.deviceId === request.deviceId);
  if (request.networkId !== profile.networkId || !device) {
    throw new VaultError('unknown-device', `${request.deviceId} is not in this network`);
  }
  const temporary = temporaryPassphrase();
  const vault = await recoverFromEscrow(request, keys.encryption.privateKey, temporary);
  const createdAt = now.toISOString();
  const answer: RecoveryAnswerFile = {
    kind: 'answer',
    deviceId: request.deviceId,
    officerId: device.officerId,
    name: device.name,
    networkId: request.networkId,
    createdAt,
    vault,
  };
  return {
    request,
    deviceName:
      device.name === device.officerId ? device.name : `${device.name} (${device.officerId})`,
    temporary,
    data: encodeRecoveryFile(answer),
    name: `liaison-log-recovery-answer-${device.officerId}-${fileDay(createdAt)}.${RECOVERY_EXTENSION}`,
  };
}
