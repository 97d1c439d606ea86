// What a relay address and a path on the relay may be, checked where they cross a boundary
// (the Electron IPC map, Settings). Parsed, never matched as substrings. Pure.
import { holdsClientSeparator, TEMP_PREFIX } from './layout.ts';

/** outbox/<device>/set-aside/<name> is the deepest path the layout uses. */
export const MAX_RELAY_PATH_SEGMENTS = 4;

/** Names of this computer: the only hosts plain http may reach (nothing crosses a network). */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A relay folder URL ending with '/', or null when it is not one: https, or http to this
 * computer only (the relay's Basic credentials and bundle names must not cross a network in
 * the clear). The same rule for HQ's profile, Settings and the Electron IPC map.
 */
export function relayUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  const plainLocal = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !plainLocal) return null;
  // An empty query or fragment ('…/dav?', '…/dav#') reads as '' in search and hash but stays
  // in href: refused too, so relayUrl(relayUrl(x)) === relayUrl(x).
  if (url.username !== '' || url.password !== '' || /[?#]/.test(url.href)) return null;
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

// Up to 255 characters: letters, digits and a few marks; no separator, no '%' (nothing
// decodes into one), no leading dot, no trailing dot or space. An upload's temp name is the
// one leading dot allowed.
const SEGMENT = /^[A-Za-z0-9_-](?:[A-Za-z0-9 ._()+~-]{0,253}[A-Za-z0-9_()+~-])?$/;

/** One name on the relay that this app writes, reads or moves. */
export function isRelaySegment(name: string): boolean {
  if (holdsClientSeparator(name)) return false;
  if (name.startsWith(TEMP_PREFIX)) return SEGMENT.test(name.slice(TEMP_PREFIX.length));
  return SEGMENT.test(name);
}

/** A path relative to the relay folder: 1 to 4 segments joined by '/', none empty or '..'. */
export function isRelayPath(path: string): boolean {
  const parts = path.split('/');
  return parts.length <= MAX_RELAY_PATH_SEGMENTS && parts.every(isRelaySegment);
}
