// Which HTTPS certificates the relay session trusts beyond the OS store: none in a packaged
// app. A test build may pin one self-signed relay certificate (its host and SHA-256
// fingerprint) through an explicit setting; every other certificate still goes through
// Chromium's own verification, which is never turned off.
import { X509Certificate } from 'node:crypto';

/** Answers of Electron's certificate verify proc. */
export const TRUST_CERTIFICATE = 0;
export const USE_CHROMIUM_VERDICT = -3;

/** The environment variable a test build reads: "<host> <sha256 fingerprint>". */
export const TEST_RELAY_TRUST_ENV = 'LIAISON_LOG_TEST_RELAY_TRUST';

export interface RelayTrust {
  /** The relay's host name or IP, lower case. */
  host: string;
  /** 64 upper-case hex digits. */
  sha256: string;
}

/** What this module reads of Electron's CertificateVerifyProcProcRequest. */
export interface VerifyRequestLike {
  hostname: string;
  certificate: { data: string };
  /** 0 when Chromium accepted the certificate itself. */
  errorCode: number;
}

/** "AB:CD:…" or "abcd…" to 64 upper-case hex digits; null for anything else. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/:/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? hex : null;
}

/** The pinned test certificate, or null: never in a packaged app, never from a loose value. */
export function testRelayTrust(value: string | undefined, packaged: boolean): RelayTrust | null {
  if (packaged || value === undefined) return null;
  const [host, fingerprint, ...rest] = value.trim().split(/\s+/);
  if (!host || !fingerprint || rest.length > 0) return null;
  const sha256 = normalizeFingerprint(fingerprint);
  return sha256 === null ? null : { host: host.toLowerCase(), sha256 };
}

/**
 * Trusts exactly the pinned certificate on the pinned host while it is valid; everything else
 * gets Chromium's own verdict (the OS store, expiry, names).
 */
export function certificateVerdict(
  request: VerifyRequestLike,
  trust: RelayTrust | null,
  now: Date = new Date(),
): number {
  if (request.errorCode === 0 || trust === null) return USE_CHROMIUM_VERDICT;
  if (request.hostname.toLowerCase() !== trust.host) return USE_CHROMIUM_VERDICT;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(request.certificate.data);
  } catch {
    return USE_CHROMIUM_VERDICT;
  }
  const valid = new Date(certificate.validFrom) <= now && now <= new Date(certificate.validTo);
  const pinned = normalizeFingerprint(certificate.fingerprint256) === trust.sha256;
  return valid && pinned ? TRUST_CERTIFICATE : USE_CHROMIUM_VERDICT;
}
