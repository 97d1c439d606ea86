// Where bundles live on the WebDAV relay: one outbox per device (its own changes, read by HQ
// and the post's leads) and one inbox per device (receipts, reviews, profiles addressed to
// it). Paths are relative to the configured folder. Pure: no I/O.
import { BUNDLE_FILE_EXTENSION, PROFILE_FILE_EXTENSION } from '../bundle/file-name.ts';

export const OUTBOX = 'outbox';
export const INBOX = 'inbox';
/** Inbox files that could not be imported are moved here once, never retried. */
export const SET_ASIDE = 'set-aside';
/** Uploads go under this prefix first, then MOVE to the real name: HQ never sees half a file. */
export const TEMP_PREFIX = '.part-';

// A device id becomes one path segment: letters, digits, dot, dash, underscore; no leading dot.
const DEVICE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
// A bundle id as the database makes them (random-id.ts), or any safe token.
const BUNDLE_ID = /^[A-Za-z0-9_-]{1,64}$/;
// A bundle, or (in an inbox) the network profile HQ copies to every device.
const REMOTE_NAME = new RegExp(
  `^([A-Za-z0-9._-]{1,200}?)__([A-Za-z0-9_-]{1,64})\\.(?:${BUNDLE_FILE_EXTENSION}|${PROFILE_FILE_EXTENSION})$`,
);
const SEQ_RANGE = /_seq-(\d+)(?:-(\d+))?$/;

/**
 * True when a name holds the marker the `webdav` client puts in place of '/' and '\\' while
 * it encodes a path: the client turns every such marker back into a separator, one in a name
 * included, so "a__PATH_SEPARATOR_POSIX__.." would climb out of the relay folder. Refused in
 * every name the app accepts (relay paths, device ids, stand-ins: relay-path.ts, relay-name-codec.ts) and by the store itself.
 */
export function holdsClientSeparator(name: string): boolean {
  return /__PATH_SEPARATOR_/i.test(name);
}

export function isDeviceSegment(deviceId: string): boolean {
  return (
    DEVICE_SEGMENT.test(deviceId) && !deviceId.includes('..') && !holdsClientSeparator(deviceId)
  );
}

function segment(deviceId: string): string {
  if (!isDeviceSegment(deviceId)) throw new Error(`not a usable device id: ${deviceId}`);
  return deviceId;
}

export function outboxDir(deviceId: string): string {
  return `${OUTBOX}/${segment(deviceId)}`;
}

export function inboxDir(deviceId: string): string {
  return `${INBOX}/${segment(deviceId)}`;
}

export function setAsideDir(deviceId: string): string {
  return `${inboxDir(deviceId)}/${SET_ASIDE}`;
}

/**
 * The name a bundle gets on the server: the readable file name, then its bundle id, so a
 * bundle already uploaded is recognised by name and never sent twice.
 * e.g. `BOG_lo-bogota-1_2025-04-10_seq-1-3__k3j9x.llb`.
 */
export function remoteBundleName(fileName: string, bundleId: string): string {
  if (!BUNDLE_ID.test(bundleId)) throw new Error(`not a usable bundle id: ${bundleId}`);
  const ext = `.${BUNDLE_FILE_EXTENSION}`;
  const stem = fileName.endsWith(ext) ? fileName.slice(0, -ext.length) : fileName;
  // No "__" and no trailing "_" in the stem, no leading dot: the id then splits off exactly.
  const clean =
    stem
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/_+/g, '_')
      .replace(/^\./, '-')
      .slice(0, 200)
      .replace(/_$/, '') || 'bundle';
  return `${clean}__${bundleId}${ext}`;
}

/**
 * The name of the network profile HQ copies into each device's inbox: one per version, so a
 * copy already there is recognised and a device that missed one gets the next.
 * e.g. `liaison-log-network-v3__profile-v3.llprofile`.
 */
export function remoteProfileName(version: number): string {
  if (!Number.isSafeInteger(version) || version < 1) throw new Error(`not a version: ${version}`);
  return `liaison-log-network-v${version}__profile-v${version}.${PROFILE_FILE_EXTENSION}`;
}

export interface ParsedRemoteName {
  stem: string;
  bundleId: string;
  /** The sender's seqs the bundle covers, when its name says (changes bundles). */
  seqs: { from: number; to: number } | null;
}

/** Null for anything that is not a bundle this layout names (a temp, a foreign file). */
export function parseRemoteName(name: string): ParsedRemoteName | null {
  if (name.startsWith('.')) return null;
  const match = REMOTE_NAME.exec(name);
  if (!match) return null;
  const stem = match[1] ?? '';
  const seq = SEQ_RANGE.exec(stem);
  const from = seq ? Number(seq[1]) : NaN;
  const to = seq ? Number(seq[2] ?? seq[1]) : NaN;
  return {
    stem,
    bundleId: match[2] ?? '',
    seqs: Number.isSafeInteger(from) && Number.isSafeInteger(to) ? { from, to } : null,
  };
}

/** The temporary name an upload is written under; the nonce keeps two tries apart. */
export function tempName(name: string, nonce: string): string {
  return `${TEMP_PREFIX}${nonce.replace(/[^A-Za-z0-9]/g, '').slice(0, 32)}-${name}`;
}

export function isTempName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}
