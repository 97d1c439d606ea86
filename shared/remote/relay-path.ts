// What a relay address and a path on the relay may be, checked where they cross a boundary
// (the Electron IPC map, Settings). Parsed, never matched as substrings. Pure.
import { TEMP_PREFIX } from './layout.ts';

/** outbox/<device>/set-aside/<name> is the deepest path the layout uses. */
export const MAX_RELAY_PATH_SEGMENTS = 4;

/** A http(s) folder URL ending with '/', or null when it is not one. */
export function relayUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '')
    return null;
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

// Up to 255 characters: letters, digits and a few marks; no separator, no '%' (nothing
// decodes into one), no leading dot, no trailing dot or space. An upload's temp name is the
// one leading dot allowed.
const SEGMENT = /^[A-Za-z0-9_-](?:[A-Za-z0-9 ._()+~-]{0,253}[A-Za-z0-9_()+~-])?$/;

/** One name on the relay that this app writes, reads or moves. */
export function isRelaySegment(name: string): boolean {
  if (name.startsWith(TEMP_PREFIX)) return SEGMENT.test(name.slice(TEMP_PREFIX.length));
  return SEGMENT.test(name);
}

/** A path relative to the relay folder: 1 to 4 segments joined by '/', none empty or '..'. */
export function isRelayPath(path: string): boolean {
  const parts = path.split('/');
  return parts.length <= MAX_RELAY_PATH_SEGMENTS && parts.every(isRelaySegment);
}
