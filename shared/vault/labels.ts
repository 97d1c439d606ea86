// Every use of a key in the vault has its own label, none shared with the bundle format: an
// HQ recovery copy is wrapped under another HKDF label (and bound to its device) than a
// bundle's content key, and the key check is another commitment than a bundle's, so a bundle
// header's recipient entry can never be passed off as a recovery request (issue #9, part 1).
import { utf8 } from '../bundle/bytes.ts';

/** HKDF info of the HQ recovery copy (record version 2): the use, then the device it is for. */
export function escrowInfo(deviceId: string): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify(['liaison-log/vault/v2/escrow/X25519', deviceId]));
}

/** HKDF info of the record's public key check (record version 2). */
export const KEY_CHECK_INFO = utf8('liaison-log/vault/v2/key-check');

/**
 * Version 1 records took both from the bundle format (`liaison-log/bundle/v1/X25519` and the
 * bundle key commitment): that is the hole. Kept only to check an old record's key check.
 */
export const LEGACY_KEY_CHECK_INFO = utf8('liaison-log/bundle/v1/key-commitment');
