// The passphrase side of the vault: the PBKDF2 iteration policy, and the key-encryption key
// (KEK) a passphrase and salt give. Nothing here is stored; the caller passes everything in.
import { bufferSource, utf8 } from '../bundle/bytes.ts';
import { VaultError } from './errors.ts';
import { MAX_ITERATIONS } from './record.ts';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256; the issue asks for at least this. */
export const MIN_ITERATIONS = 600_000;
export const DEFAULT_ITERATIONS = MIN_ITERATIONS;

export interface KdfOptions {
  /** PBKDF2 iterations for the new record: at least MIN_ITERATIONS. */
  readonly iterations?: number;
  /**
   * Tests only: any count from 1, so a suite can make many vaults quickly. Production code
   * never sets this; a record it made would be cheap to attack by guessing passphrases.
   */
  readonly unsafeIterationsForTests?: number;
}

/**
 * The count a new record gets. `previous` (the count of the record being re-wrapped) is kept
 * when higher than the default, so changing a passphrase never weakens the record.
 */
export function resolveIterations(options: KdfOptions = {}, previous = 0): number {
  const unsafe = options.unsafeIterationsForTests;
  const n = unsafe ?? options.iterations ?? Math.max(DEFAULT_ITERATIONS, previous);
  if (!Number.isInteger(n) || n < 1 || n > MAX_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be an integer from 1 to ${MAX_ITERATIONS}`);
  }
  if (unsafe === undefined && n < MIN_ITERATIONS) {
    throw new VaultError('weak-kdf', `${n} PBKDF2 iterations; at least ${MIN_ITERATIONS}`);
  }
  return n;
}

/**
 * The same passphrase typed on two keyboards can reach us composed (é) or decomposed (e + ´);
 * NFC makes both the same bytes, so a French passphrase unlocks on any machine.
 */
export function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  return utf8(passphrase.normalize('NFC'));
}

/** The AES-256-GCM key that wraps the data key, from PBKDF2-HMAC-SHA-256. */
export async function passphraseKey(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    passphraseBytes(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: bufferSource(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt', 'unwrapKey'],
  );
}
