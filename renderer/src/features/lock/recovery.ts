// The forgotten-passphrase procedure (docs/vault.md): the device writes a request, HQ answers
// it with a temporary passphrase read out by phone, the device adopts the answer only if that
// passphrase opens it to the device's own data key, then asks for a new passphrase at once.
// Each step changes nothing stored until it has checked everything.
import { deviceToday } from '../../../../shared/domain/dates.ts';
import { fromBase64Url, toBase64Url } from '../../../../shared/bundle/bytes.ts';
import { publicKeyBytes } from '../../../../shared/bundle/keys.ts';
import {
  adoptRecoveryAnswer,
  decodeRecoveryFile,
  encodeRecoveryFile,
  escrowIsStale,
  readRecord,
  recoverFromEscrow,
  setEscrow,
  signRecoveryBinding,
  temporaryPassphrase,
  verifyRecoveryRequest,
  VaultError,
  type RecoveryAnswerFile,
  type RecoveryRequest,
} from '../../../../shared/vault/index.ts';
import { type LiaisonDb } from '../../db/db.ts';
import {
  appendRecoveryLog,
  getDeviceKeys,
  getIdentity,
  getRecoveryBinding,
  getVaultRecord,
  setRecoveryBinding,
  setVaultRecord,
} from '../../db/identity.ts';
import { type StoredDeviceKeys } from '../../db/meta.ts';
import { whoAmI } from '../../db/who-am-i.ts';

export const RECOVERY_EXTENSION = 'llrecovery';

/** The day in a file's name: the computer's own date, as the person reads its calendar. */
function fileDay(now: Date): string {
  return deviceToday(now);
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
  // Signed while unlocked (refreshRecoveryCopy): a locked device cannot sign. Without a
  // signature for this very copy HQ refuses the request, and says why.
  const binding = await getRecoveryBinding(db);
  const signature =
    binding?.wrappedKey === vault.escrow.wrappedKey ? { signature: binding.signature } : {};
  const file: RecoveryRequest = {
    kind: 'request',
    deviceId: identity.deviceId,
    officerId: identity.officerId,
    name: identity.name,
    networkId: identity.networkId,
    createdAt,
    escrow: vault.escrow,
    keyCheck: vault.keyCheck,
    ...signature,
  };
  return {
    data: encodeRecoveryFile(file),
    name: `liaison-log-recovery-request-${identity.officerId}-${fileDay(now)}.${RECOVERY_EXTENSION}`,
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
  const me = await whoAmI(db, { dataKey });
  const keys = me?.keys;
  if (me?.identity.role !== 'hq' || !keys) {
    throw new VaultError('wrong-key', 'only HQ holds the recovery key');
  }
  const { identity, profile } = me;
  const request = await decodeRecoveryFile(bytes);
  if (request.kind !== 'request') throw new VaultError('not-a-recovery-file', 'not a request');
  // The file's name and officer id are claims; the profile says who the device is.
  const device = profile.devices.find((d) => d.deviceId === request.deviceId);
  if (request.networkId !== profile.networkId || !device) {
    throw new VaultError('unknown-device', `${request.deviceId} is not in this network`);
  }
  if (device.revokedAt !== undefined) {
    throw new VaultError('revoked-device', `${request.deviceId} was revoked`);
  }
  // Only the device itself (its key in the profile) asks for its own copy: a copy taken from
  // anywhere else, a bundle header included, is never answered.
  if (!(await verifyRecoveryRequest(request, device.signingKey))) {
    throw new VaultError('unsigned-request', `${request.deviceId}: no valid device signature`);
  }
  const recoveryKey = await recoveryKeyFor(keys, request.escrow.recipient);
  const temporary = temporaryPassphrase();
  const vault = await recoverFromEscrow(request, recoveryKey, temporary);
  const createdAt = now.toISOString();
  // Who was given a temporary passphrase, by whom and when: HQ's own record of every answer.
  await appendRecoveryLog(db, {
    deviceId: device.deviceId,
    officerId: device.officerId,
    name: device.name,
    answeredBy: identity.officerId,
    answeredAt: createdAt,
  });
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
    name: `liaison-log-recovery-answer-${device.officerId}-${fileDay(now)}.${RECOVERY_EXTENSION}`,
  };
}

/**
 * HQ's recovery private key (current or replaced by a rotation) for a copy made for
 * `recipient`. A copy made for a key HQ opens bundles with is an old-style (version 1) copy,
 * or a bundle's recipient entry: it is never opened.
 */
async function recoveryKeyFor(keys: StoredDeviceKeys, recipient: string): Promise<CryptoKey> {
  const pairs = [
    ...(keys.recovery ? [keys.recovery] : []),
    ...(keys.retired ?? []).filter((r) => r.use === 'recovery').map((r) => r.pair),
  ];
  for (const pair of pairs) {
    if (toBase64Url(await publicKeyBytes(pair.publicKey)) === recipient) return pair.privateKey;
  }
  throw new VaultError('old-escrow', 'the copy is not made for an HQ recovery key');
}

/**
 * After an unlock with the passphrase (or a passphrase change): brings the vault's HQ copy up
 * to date (an old-style version 1 copy, or a copy for a recovery key HQ has since replaced,
 * is made again for the profile's recovery key) and signs the copy for a later request.
 * Does nothing when all is current.
 */
export async function refreshRecoveryCopy(
  db: LiaisonDb,
  passphrase: string,
  dataKey: CryptoKey,
): Promise<void> {
  const [me, stored] = await Promise.all([whoAmI(db), getVaultRecord(db)]);
  if (!me || stored === undefined) return;
  const { identity, profile } = me;
  let record = await readRecord(stored);
  const recoveryKey = profile.hq.recoveryKey ?? null;
  if (escrowIsStale(record, recoveryKey)) {
    const raw = recoveryKey === null ? null : fromBase64Url(recoveryKey);
    const target = raw ? { deviceId: identity.deviceId, recoveryKey: raw } : null;
    record = await setEscrow(record, passphrase, target);
    await setVaultRecord(db, record);
  }
  const { escrow, keyCheck } = record;
  if (!escrow || (await getRecoveryBinding(db))?.wrappedKey === escrow.wrappedKey) return;
  const keys = await getDeviceKeys(db, dataKey);
  if (!keys) return;
  const { deviceId, networkId } = identity;
  const signature = await signRecoveryBinding(
    { deviceId, networkId, escrow, keyCheck },
    keys.signing.privateKey,
  );
  await setRecoveryBinding(db, { wrappedKey: escrow.wrappedKey, signature });
}
