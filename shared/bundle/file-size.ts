// The largest file a valid bundle can be, from the per-kind caps: what the file doors (open
// dialog, folders, dropped files) size their read cap from, so no valid bundle is refused.
import { HEADER_PREFIX_MAX_BYTES, KIND_CAPS } from './limits.ts';
import { SIGNATURE_BYTES, TAG_BYTES } from './v1/header.ts';

const kinds = Object.values(KIND_CAPS);

/**
 * About 32.1 MiB: the header prefix at its cap, the largest compressed payload any kind
 * allows, a tag for each of the most chunks any kind allows, the signature. A larger file
 * is no valid bundle, whatever its header says.
 */
export const MAX_VALID_BUNDLE_FILE_BYTES =
  HEADER_PREFIX_MAX_BYTES +
  Math.max(...kinds.map((caps) => caps.compressedBytes)) +
  Math.max(...kinds.map((caps) => caps.chunks)) * TAG_BYTES +
  SIGNATURE_BYTES;
