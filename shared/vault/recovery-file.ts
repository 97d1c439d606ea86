// The two files of a forgotten-passphrase recovery. The device sends a request (HQ's copy of
// its data key and the key's public commitment; no passphrase-wrapped key, so nothing to
// guess at); HQ sends back an answer (the same data key under a temporary passphrase HQ reads
// out by phone). The device adopts an answer only if that passphrase opens it to its own key
// (vault.ts adoptRecoveryAnswer), so a forged answer is useless.
import { utf8 } from '../bundle/bytes.ts';
import { keyBytes, signValue, verifyValue } from '../identity/signing.ts';
import { VaultError } from './errors.ts';
import { readRecord, type VaultEscrow, type VaultRecord } from './record.ts';

const MAGIC = 'liaison-log/passphrase-recovery';
const FORMAT = 1;
const MAX_BYTES = 64 * 1024;

interface RecoveryCommon {
  readonly deviceId: string;
  readonly officerId: string;
  readonly name: string;
  readonly networkId: string;
  readonly createdAt: string;
}

/** The device's request: HQ's copy of the data key and its public commitment, nothing more. */
export interface RecoveryRequest extends RecoveryCommon {
  readonly kind: 'request';
  readonly escrow: VaultEscrow;
  readonly keyCheck: string;
  /**
   * The device's Ed25519 signature over its binding (`recoveryBinding`). Made while unlocked,
   * each time the copy changes, and stored: a device that forgot its passphrase cannot sign.
   * Absent only in requests made by older versions, which HQ refuses.
   */
  readonly signature?: string;
}

/** What the device signs: its copy and key check, bound to its id and network. */
export interface RecoveryBinding {
  readonly deviceId: string;
  readonly networkId: string;
  readonly escrow: VaultEscrow;
  readonly keyCheck: string;
}

const BINDING_CONTEXT = 'liaison-log/recovery-request/v1';

function bindingOf(b: RecoveryBinding): RecoveryBinding {
  const { recipient, ephemeralKey, wrappedKey } = b.escrow;
  return {
    deviceId: b.deviceId,
    networkId: b.networkId,
    escrow: { recipient, ephemeralKey, wrappedKey },
    keyCheck: b.keyCheck,
  };
}

/** The device's signature over its recovery binding, with its signing key (while unlocked). */
export function signRecoveryBinding(
  binding: RecoveryBinding,
  signingPrivateKey: CryptoKey,
): Promise<string> {
  return signValue(BINDING_CONTEXT, bindingOf(binding), signingPrivateKey);
}

/**
 * Whether the request is signed by `signingKey` (base64url, as the profile lists the device's
 * key) over exactly its device id, network, HQ copy and key check.
 */
export async function verifyRecoveryRequest(
  request: RecoveryRequest,
  signingKey: string,
): Promise<boolean> {
  const key = keyBytes(signingKey);
  if (!key || request.signature === undefined) return false;
  return verifyValue(BINDING_CONTEXT, bindingOf(request), request.signature, key);
}

/** HQ's answer: the same data key under the temporary passphrase read out by phone. */
export interface RecoveryAnswerFile extends RecoveryCommon {
  readonly kind: 'answer';
  readonly vault: VaultRecord;
}

export type RecoveryFile = RecoveryRequest | RecoveryAnswerFile;

export function encodeRecoveryFile(file: RecoveryFile): Uint8Array {
  return utf8(`${JSON.stringify({ magic: MAGIC, fileFormat: FORMAT, ...file }, null, 2)}\n`);
}

function text(value: unknown, max: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw new VaultError('not-a-recovery-file', 'a member is missing or too long');
  }
  return value;
}

function escrowOf(value: unknown): VaultEscrow {
  if (typeof value !== 'object' || value === null) {
    throw new VaultError('no-escrow', 'the request carries no HQ copy');
  }
  const e = value as Record<string, unknown>;
  return {
    recipient: text(e.recipient, 64),
    ephemeralKey: text(e.ephemeralKey, 64),
    wrappedKey: text(e.wrappedKey, 128),
  };
}

/** Reads and checks a recovery file (an answer's vault record too), or throws VaultError. */
export async function decodeRecoveryFile(bytes: Uint8Array): Promise<RecoveryFile> {
  if (bytes.length > MAX_BYTES) throw new VaultError('not-a-recovery-file', 'too large');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new VaultError('not-a-recovery-file', 'not UTF-8 JSON');
  }
  if (typeof value !== 'object' || value === null) {
    throw new VaultError('not-a-recovery-file', 'not an object');
  }
  const v = value as Record<string, unknown>;
  if (v.magic !== MAGIC) throw new VaultError('not-a-recovery-file', 'no recovery magic');
  if (typeof v.fileFormat === 'number' && v.fileFormat > FORMAT) {
    throw new VaultError('unsupported-version', `recovery file format ${v.fileFormat}`, {
      version: v.fileFormat,
    });
  }
  const common: RecoveryCommon = {
    deviceId: text(v.deviceId, 64),
    officerId: text(v.officerId, 64),
    name: text(v.name, 100),
    networkId: text(v.networkId, 64),
    createdAt: text(v.createdAt, 40),
  };
  if (v.kind === 'request') {
    return {
      kind: 'request',
      ...common,
      escrow: escrowOf(v.escrow),
      keyCheck: text(v.keyCheck, 64),
      ...(v.signature === undefined ? {} : { signature: text(v.signature, 128) }),
    };
  }
  if (v.kind === 'answer') return { kind: 'answer', ...common, vault: await readRecord(v.vault) };
  throw new VaultError('not-a-recovery-file', 'unknown kind');
}

const TEMP_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A temporary passphrase HQ reads out by phone: 16 characters from an alphabet without look-
 * alikes (no 0/O, 1/I), in four groups: 80 bits, ample against guessing at 600,000 PBKDF2
 * iterations for the few days it lives.
 */
export function temporaryPassphrase(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = [...bytes].map((b) => TEMP_ALPHABET[b % TEMP_ALPHABET.length] as string);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
