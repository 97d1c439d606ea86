// The two files of a forgotten-passphrase recovery. The device sends a request (its vault
// record: the data key wrapped by the passphrase and, for HQ, by HQ's public key); HQ sends
// back an answer (the same data key wrapped by a temporary passphrase HQ reads out by
// phone). Neither file holds a usable key: the request opens only with HQ's private key or
// the forgotten passphrase, the answer only with the temporary passphrase.
import { utf8 } from '../bundle/bytes.ts';
import { VaultError } from './errors.ts';
import { readRecord, type VaultRecord } from './record.ts';

const MAGIC = 'liaison-log/passphrase-recovery';
const FORMAT = 1;
const MAX_BYTES = 64 * 1024;

export interface RecoveryFile {
  readonly kind: 'request' | 'answer';
  readonly deviceId: string;
  readonly officerId: string;
  readonly name: string;
  readonly networkId: string;
  readonly createdAt: string;
  readonly vault: VaultRecord;
}

export function encodeRecoveryFile(file: RecoveryFile): Uint8Array {
  return utf8(`${JSON.stringify({ magic: MAGIC, fileFormat: FORMAT, ...file }, null, 2)}\n`);
}

function text(value: unknown, max: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw new VaultError('not-a-recovery-file', 'a member is missing or too long');
  }
  return value;
}

/** Reads and checks a recovery file (its vault record too), or throws VaultError. */
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
  if (v.kind !== 'request' && v.kind !== 'answer') {
    throw new VaultError('not-a-recovery-file', 'unknown kind');
  }
  return {
    kind: v.kind,
    deviceId: text(v.deviceId, 64),
    officerId: text(v.officerId, 64),
    name: text(v.name, 100),
    networkId: text(v.networkId, 64),
    createdAt: text(v.createdAt, 40),
    vault: await readRecord(v.vault),
  };
}

/**
 * The answer's vault record if it may replace `current`: made for this device and holding
 * this vault's data key (same key commitment). Throws 'other-device' or 'wrong-key'.
 */
export function acceptRecoveryAnswer(
  answer: RecoveryFile,
  device: { readonly deviceId: string },
  current: VaultRecord,
): VaultRecord {
  if (answer.kind !== 'answer') throw new VaultError('not-a-recovery-file', 'not an answer');
  if (answer.deviceId !== device.deviceId) {
    throw new VaultError('other-device', `answer for ${answer.deviceId}`);
  }
  if (answer.vault.keyCheck !== current.keyCheck) {
    throw new VaultError('wrong-key', 'the answer holds another data key');
  }
  return answer.vault;
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
