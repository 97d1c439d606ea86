// Small readable JSON files (a network profile, an enrollment) that name what they are, so
// a bundle, a photo or a truncated copy is refused at once with a clear reason.
import { utf8 } from '../bundle/bytes.ts';
import { type Json } from '../sync/change.ts';
import { ProfileError } from './errors.ts';

/** Nothing we write comes close; the cap keeps a hostile file from costing much to parse. */
export const MAX_JSON_FILE_BYTES = 5 * 1024 * 1024;

export interface JsonFileKind {
  /** The value of the file's `magic` member, e.g. 'liaison-log/network-profile'. */
  readonly magic: string;
  /** The newest `fileFormat` this code reads. */
  readonly format: number;
  /** What to refuse with when the bytes are not this kind of file. */
  readonly notThis: 'not-a-profile' | 'not-an-enrollment';
}

/** Pretty-printed (people open these to see what they are), `magic` and `fileFormat` first. */
export function writeJsonFile(kind: JsonFileKind, body: Record<string, unknown>): Uint8Array {
  const text = JSON.stringify({ magic: kind.magic, fileFormat: kind.format, ...body }, null, 2);
  return utf8(`${text}\n`);
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The file's members (magic and format checked), or ProfileError: `kind.notThis` for anything
 * that is not such a file, 'newer-format' for one from a newer app. A UTF-8 BOM (added by
 * some editors) is allowed.
 */
export function readJsonFile(kind: JsonFileKind, bytes: Uint8Array): { [key: string]: Json } {
  if (bytes.length > MAX_JSON_FILE_BYTES) {
    throw new ProfileError(kind.notThis, `${bytes.length} bytes is more than such a file holds`);
  }
  let value: Json;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Json;
  } catch {
    throw new ProfileError(kind.notThis, 'not UTF-8 JSON');
  }
  if (!isObject(value) || value.magic !== kind.magic) {
    throw new ProfileError(kind.notThis, `no "magic": "${kind.magic}"`);
  }
  const format = value.fileFormat;
  if (typeof format === 'number' && Number.isInteger(format) && format > kind.format) {
    throw new ProfileError('newer-format', `file format ${format}; this app reads ${kind.format}`);
  }
  if (format !== kind.format) throw new ProfileError(kind.notThis, 'no known fileFormat');
  return value;
}
