// The short code two people read to each other by phone to check a public key (HQ's, or a
// device's at approval). It is the start of the bundle fingerprint, so both always agree.
import { type PublicKeyInput, fingerprint, publicKeyBytes } from '../bundle/keys.ts';
import { keyBytes } from './signing.ts';

/**
 * Four groups of four base32 characters: the first 80 bits of the key's SHA-256. The full
 * bundle fingerprint (six groups, 120 bits) is long to read aloud; 80 bits still leaves a
 * forger 2^80 hashes to find a key with the same code, out of reach even for a state.
 * RFC 4648 base32 has no 0, 1, 8 or 9, so O/0, I/1 and B/8 cannot be confused when typed.
 */
export const FINGERPRINT_CODE_GROUPS = 4;

/** The code of a public key given as a CryptoKey, raw bytes or base64url text (as in a profile). */
export async function fingerprintCode(key: PublicKeyInput | string): Promise<string> {
  const raw = typeof key === 'string' ? keyBytes(key) : await publicKeyBytes(key);
  if (!raw) throw new TypeError('not a base64url public key');
  return (await fingerprint(raw)).split(' ').slice(0, FINGERPRINT_CODE_GROUPS).join(' ');
}

/**
 * A code as a person typed it, made comparable: upper case, spaces and dashes dropped, and
 * the digits people type for look-alike letters (0, 1, 8) read as those letters.
 */
export function normalizeFingerprintCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B');
}

/** Whether what a person typed or read back is the code shown. */
export function sameFingerprintCode(typed: string, code: string): boolean {
  const a = normalizeFingerprintCode(typed);
  return a.length > 0 && a === normalizeFingerprintCode(code);
}
