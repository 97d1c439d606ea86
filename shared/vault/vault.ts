// The key hierarchy: one random data key per device encrypts the sensitive fields; the
// officer's passphrase (PBKDF2) wraps it, and HQ's X25519 recovery key may hold a copy.
import { bufferSource, equalBytes, toBase64Url, utf8 } from '../bundle/bytes.ts';
import { keyCommitment, randomContentKey } from '../bundle/v1/crypto.ts';
import { VaultError } from './errors.ts';
import { type EscrowTarget, escrowFor, openEscrow } from './escrow.ts';
import { type KdfOptions, passphraseKey, resolveIterations } from './kdf.ts';
import { KEY_CHECK_INFO, LEGACY_KEY_CHECK_INFO } from './labels.ts';
import {
  IV_BYTES,
  LEGACY_VAULT_VERSION,
  SALT_BYTES,
  type VaultEscrow,
  type VaultRecord,
  VAULT_VERSION,
  bytesOf,
  finishRecord,
  readRecord,
} from './record.ts';

/** Binds the wrapped data key to its purpose, so no other AES-GCM output stands in for it. */
const DATA_KEY_AAD = utf8('liaison-log/vault/v1/data-key');
const DATA_KEY_USAGES: KeyUsage[] = ['encrypt', 'decrypt'];

export interface CreateVaultOptions extends KdfOptions {
  readonly passphrase: string;
  /** HQ's recovery key and this device's id: when given, HQ can reset a forgotten passphrase. */
  readonly escrow?: EscrowTarget | null;
}

export interface OpenVault {
  /** JSON-safe; store it as is. Holds nothing readable without the passphrase or HQ's key. */
  readonly record: VaultRecord;
  /** AES-256-GCM, non-extractable: keep it in memory only while unlocked. */
  readonly dataKey: CryptoKey;
}

function importDataKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bufferSource(raw), { name: 'AES-GCM' }, false, [
    ...DATA_KEY_USAGES,
  ]);
}

function requirePassphrase(passphrase: string): void {
  if (passphrase.length === 0) throw new TypeError('a vault passphrase cannot be empty');
}

/** The public key check of a raw data key, under the label of the record's version. */
function keyCheckOf(raw: Uint8Array, version: number): Promise<Uint8Array<ArrayBuffer>> {
  return keyCommitment(
    raw,
    version === LEGACY_VAULT_VERSION ? LEGACY_KEY_CHECK_INFO : KEY_CHECK_INFO,
  );
}

/** Whether `raw` is the data key the record's check commits to. */
async function isKeyOf(raw: Uint8Array, record: { version: number; keyCheck: string }) {
  return equalBytes(await keyCheckOf(raw, record.version), bytesOf(record.keyCheck));
}

/** A new record around an existing raw data key: fresh salt and IV, so no two records share a KEK. */
async function wrapRecord(
  rawDataKey: Uint8Array,
  passphrase: string,
  iterations: number,
  rest: { escrow: VaultEscrow | null; mustChangePassphrase: boolean },
): Promise<VaultRecord> {
  requirePassphrase(passphrase);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const kek = await passphraseKey(passphrase, salt, iterations);
  const wrapped = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: DATA_KEY_AAD },
    kek,
    bufferSource(rawDataKey),
  );
  return finishRecord({
    version: VAULT_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64Url(salt) },
    dataKey: { iv: toBase64Url(iv), wrapped: toBase64Url(new Uint8Array(wrapped)) },
    keyCheck: toBase64Url(await keyCheckOf(rawDataKey, VAULT_VERSION)),
    ...rest,
  });
}

async function passphraseKeyFor(record: VaultRecord, passphrase: string): Promise<CryptoKey> {
  return passphraseKey(passphrase, bytesOf(record.kdf.salt), record.kdf.iterations);
}

function dataKeyParams(record: VaultRecord): AesGcmParams {
  return { name: 'AES-GCM', iv: bytesOf(record.dataKey.iv), additionalData: DATA_KEY_AAD };
}

/** The raw data key, for re-wrapping only; the caller zeroes it when done. */
async function openWithPassphrase(
  record: VaultRecord,
  passphrase: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const kek = await passphraseKeyFor(record, passphrase);
  try {
    const raw = await crypto.subtle.decrypt(
      dataKeyParams(record),
      kek,
      bytesOf(record.dataKey.wrapped),
    );
    return new Uint8Array(raw);
  } catch (cause) {
    // The checksum already ruled out accidental damage, so a failed tag means this passphrase.
    throw new VaultError('wrong-passphrase', 'the passphrase does not open the data key', {
      cause,
    });
  }
}

/** Runs `use` on the raw key, then overwrites it (best effort: the engine may hold copies). */
async function withRaw<T>(raw: Uint8Array, use: (raw: Uint8Array) => Promise<T>): Promise<T> {
  try {
    return await use(raw);
  } finally {
    raw.fill(0);
  }
}

/** A new vault: a fresh random 256-bit data key, wrapped by the passphrase and, if given, for HQ. */
export async function createVault(options: CreateVaultOptions): Promise<OpenVault> {
  const iterations = resolveIterations(options);
  requirePassphrase(options.passphrase);
  return withRaw(randomContentKey(), async (raw) => {
    const target = options.escrow;
    const escrow = target ? await escrowFor(raw, target) : null;
    const record = await wrapRecord(raw, options.passphrase, iterations, {
      escrow,
      mustChangePassphrase: false,
    });
    return { record, dataKey: await importDataKey(raw) };
  });
}

/**
 * The data key of a stored record. Unwrapped straight into a non-extractable CryptoKey, so
 * its bytes never reach JavaScript. Throws VaultError 'wrong-passphrase', 'corrupt' or
 * 'unsupported-version'; never changes anything.
 */
export async function unlockVault(stored: unknown, passphrase: string): Promise<CryptoKey> {
  const record = await readRecord(stored);
  const kek = await passphraseKeyFor(record, passphrase);
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      bytesOf(record.dataKey.wrapped),
      kek,
      dataKeyParams(record),
      { name: 'AES-GCM' },
      false,
      DATA_KEY_USAGES,
    );
  } catch (cause) {
    throw new VaultError('wrong-passphrase', 'the passphrase does not open the data key', {
      cause,
    });
  }
}

/** What every re-wrap checks first: a readable record, a usable passphrase, its KDF cost. */
async function beforeRewrap(stored: unknown, newPassphrase: string, options: KdfOptions) {
  const record = await readRecord(stored);
  const iterations = resolveIterations(options, record.kdf.iterations);
  requirePassphrase(newPassphrase);
  return { record, iterations };
}

/**
 * The same data key under a new passphrase (new salt, new IV): every field sealed before
 * stays readable and nothing is re-encrypted. The old passphrase no longer opens the result.
 */
export async function changePassphrase(
  stored: unknown,
  oldPassphrase: string,
  newPassphrase: string,
  options: KdfOptions = {},
): Promise<VaultRecord> {
  const { record, iterations } = await beforeRewrap(stored, newPassphrase, options);
  return withRaw(await openWithPassphrase(record, oldPassphrase), (raw) =>
    wrapRecord(raw, newPassphrase, iterations, {
      escrow: currentEscrow(record),
      mustChangePassphrase: false,
    }),
  );
}

/**
 * The HQ copy a re-wrapped record keeps: a version 1 copy is dropped (its labels are the
 * bundle format's, the hole of issue #9); the app makes a new one with `setEscrow`.
 */
function currentEscrow(record: VaultRecord): VaultEscrow | null {
  return record.version === LEGACY_VAULT_VERSION ? null : record.escrow;
}

/** Whether the record needs `setEscrow`: an old-style copy, or not the recovery key given. */
export function escrowIsStale(stored: VaultRecord, recoveryKeyText: string | null): boolean {
  if (stored.version === LEGACY_VAULT_VERSION) return true;
  return (stored.escrow?.recipient ?? null) !== recoveryKeyText;
}

/**
 * HQ's side of a forgotten passphrase, from a whole record: opens the escrow with HQ's
 * recovery private key (as `deviceId`'s copy) and wraps the same data key under a temporary
 * passphrase. Throws 'no-escrow', 'wrong-key' or 'corrupt'.
 */
export async function recoverWithEscrow(
  stored: unknown,
  deviceId: string,
  hqRecoveryPrivateKey: CryptoKey,
  newPassphrase: string,
  options: KdfOptions = {},
): Promise<VaultRecord> {
  const record = await readRecord(stored);
  const escrow = currentEscrow(record);
  if (escrow === null) throw new VaultError('no-escrow', 'the record has no current escrow');
  return recoverFromEscrow(
    { deviceId, escrow, keyCheck: record.keyCheck },
    hqRecoveryPrivateKey,
    newPassphrase,
    options,
  );
}

/**
 * Adds, replaces (HQ's recovery key changed) or removes (null) the HQ recovery copy, and
 * brings a version 1 record to version 2 (its key check under the vault's own label). Needs
 * the passphrase because the escrow is made from the data key's bytes. The passphrase wrap
 * is kept as it is.
 */
export async function setEscrow(
  stored: unknown,
  passphrase: string,
  target: EscrowTarget | null,
): Promise<VaultRecord> {
  const record = await readRecord(stored);
  return withRaw(await openWithPassphrase(record, passphrase), async (raw) => {
    const escrow = target === null ? null : await escrowFor(raw, target);
    const { checksum: _checksum, ...rest } = record;
    const keyCheck = toBase64Url(await keyCheckOf(raw, VAULT_VERSION));
    return finishRecord({ ...rest, version: VAULT_VERSION, keyCheck, escrow });
  });
}

/**
 * HQ's side of a recovery request that carries only the HQ copy and the key check (no
 * passphrase-wrapped key travels): the same data key under a temporary passphrase. Opens
 * only a version 2 copy made for `deviceId` with HQ's recovery key, whose key check (under the
 * vault's label) matches: a bundle's recipient entry and commitment, or another device's copy,
 * open to nothing. Throws 'wrong-key' (not such a copy) or 'corrupt' (it holds another key).
 */
export async function recoverFromEscrow(
  request: { readonly deviceId: string; readonly escrow: VaultEscrow; readonly keyCheck: string },
  hqRecoveryPrivateKey: CryptoKey,
  newPassphrase: string,
  options: KdfOptions = {},
): Promise<VaultRecord> {
  const iterations = resolveIterations(options);
  requirePassphrase(newPassphrase);
  const opened = await openEscrow(request.escrow, request.deviceId, hqRecoveryPrivateKey);
  return withRaw(opened, async (raw) => {
    if (!(await isKeyOf(raw, { version: VAULT_VERSION, keyCheck: request.keyCheck }))) {
      throw new VaultError('corrupt', 'the escrow holds another vault’s key');
    }
    return wrapRecord(raw, newPassphrase, iterations, {
      escrow: request.escrow,
      mustChangePassphrase: true,
    });
  });
}

/**
 * The device's side: takes HQ's answer in only if the temporary passphrase opens it AND what
 * it opens is this vault's own data key (its commitment). The new record is made here, with
 * this vault's HQ copy and KDF cost, so nothing of the answer but the key itself is kept: a
 * forged answer (anyone can copy the public commitment) cannot swap in another key or drop
 * the HQ copy. Returns the record to store and the data key, ready to use.
 */
export async function adoptRecoveryAnswer(
  current: unknown,
  answer: unknown,
  temporaryPassphrase: string,
): Promise<OpenVault> {
  const mine = await readRecord(current);
  const theirs = await readRecord(answer);
  return withRaw(await openWithPassphrase(theirs, temporaryPassphrase), async (raw) => {
    if (!(await isKeyOf(raw, mine))) {
      throw new VaultError('wrong-key', 'the answer holds another data key');
    }
    const iterations = resolveIterations({}, mine.kdf.iterations);
    const record = await wrapRecord(raw, temporaryPassphrase, iterations, {
      escrow: currentEscrow(mine),
      mustChangePassphrase: true,
    });
    return { record, dataKey: await importDataKey(raw) };
  });
}
