// A name on the relay that the relay-path rule refuses (a person's "photo é.jpg", "100%.txt")
// crosses the desktop build's IPC as a stand-in the rule accepts, so the sync lists it and sets
// it aside as the browser build does, instead of never seeing it. The stand-in is the name's
// UTF-8 in base64url behind a prefix; a name that already starts with the prefix is carried the
// same way, so every name maps to one stand-in and back. Pure.
import { holdsClientSeparator } from './layout.ts';
import { isRelaySegment } from './relay-path.ts';

export const STAND_IN_PREFIX = '-u8-';

/** The relay-path rule's longest segment: the stand-in must fit in one too. */
const MAX_SEGMENT = 255;

/**
 * A name no relay path may hold once decoded: a separator, a control character, the client's
 * separator marker (relay-path.ts), a trailing dot or space (Windows servers read "B.llb." as
 * "B.llb": setting it aside would move the real bundle), or text that is not well-formed
 * (a lone surrogate becomes U+FFFD in UTF-8, so two names would share one stand-in).
 */
function unsafe(name: string): boolean {
  if (holdsClientSeparator(name) || /[. ]$/.test(name)) return true;
  if (new TextDecoder().decode(new TextEncoder().encode(name)) !== name) return true;
  for (const c of name) {
    const code = c.codePointAt(0) ?? 0;
    if (c === '/' || c === '\\' || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * The segment that carries `name` across the IPC: the name itself when the rule accepts it,
 * else its stand-in; null when even the stand-in would be too long (left out, as before).
 */
export function encodeRelayName(name: string): string | null {
  if (isRelaySegment(name) && !name.startsWith(STAND_IN_PREFIX)) return name;
  if (name === '' || name === '.' || name === '..' || unsafe(name)) return null;
  const segment = STAND_IN_PREFIX + toBase64Url(new TextEncoder().encode(name));
  return segment.length <= MAX_SEGMENT && isRelaySegment(segment) ? segment : null;
}

/**
 * The name a segment carries; null for a stand-in no listing could have made (bad base64,
 * bad UTF-8, or a name that would leave its folder: '..', a separator, a control character).
 */
export function decodeRelayName(segment: string): string | null {
  if (!segment.startsWith(STAND_IN_PREFIX)) return segment;
  const bytes = fromBase64Url(segment.slice(STAND_IN_PREFIX.length));
  if (!bytes) return null;
  let name: string;
  try {
    name = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // Only what encodeRelayName makes: one stand-in per name, so none names another's file.
  return encodeRelayName(name) === segment ? name : null;
}

/** Each segment of a relay path through `map`; null when one cannot be mapped. */
function mapPath(path: string, map: (segment: string) => string | null): string | null {
  const parts = path.split('/').map(map);
  return parts.every((p): p is string => p !== null) ? parts.join('/') : null;
}

export const encodeRelayPath = (path: string): string | null => mapPath(path, encodeRelayName);
export const decodeRelayPath = (path: string): string | null => mapPath(path, decodeRelayName);
