// Reading File objects (dropped on the window, or from a browser folder) the same way on
// both platforms: File.arrayBuffer() works in Electron's sandboxed renderer as in Chromium.
import { MAX_BATCH_BYTES, MAX_FILE_BYTES } from '../../../shared/ipc/contract.ts';
import { hasExtension } from '../../../shared/ipc/file-names.ts';
import { type FileReadResult, type ReadDroppedOptions, type UnreadableReason } from './types.ts';

/** What this module needs of a File: the browser's File and test stand-ins fit. */
export interface FileLike {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Why a browser could not read a file, from the DOMException it threw. */
export function unreadableForDomError(error: unknown): UnreadableReason {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : '';
  switch (name) {
    case 'NotFoundError':
      return 'not-found';
    case 'NotAllowedError':
    case 'SecurityError':
      return 'permission-denied';
    default:
      // NotReadableError: a file changed or locked since it was chosen, a disk error.
      return 'io';
  }
}

/**
 * Reads the files one after another (a drop of many bundles never holds more than the
 * results plus one file being read), one result per file in order. A file over the per-file
 * cap is 'too-large' without being read, one that would take the results past the batch cap
 * 'batch-too-large'; one that vanished or cannot be read says why. None stops the others.
 */
export async function readFileObjects(
  files: Iterable<FileLike>,
  options: ReadDroppedOptions = {},
  batchBytes: number = MAX_BATCH_BYTES,
): Promise<FileReadResult[]> {
  const wanted = [...files].filter(
    (file) => options.extensions === undefined || hasExtension(file.name, options.extensions),
  );
  const results: FileReadResult[] = [];
  let room = Math.min(batchBytes, MAX_BATCH_BYTES);
  for (const file of wanted) {
    const result = await readOne(file, room);
    if ('data' in result) room -= result.data.byteLength;
    results.push(result);
  }
  return results;
}

function overCap(name: string, size: number, room: number): FileReadResult | null {
  if (size > MAX_FILE_BYTES) return { name, unreadable: 'too-large' };
  if (size > room) return { name, unreadable: 'batch-too-large' };
  return null;
}

async function readOne(file: FileLike, room: number): Promise<FileReadResult> {
  const refused = overCap(file.name, file.size, room);
  if (refused) return refused;
  try {
    const buffer = await file.arrayBuffer();
    // A file that grew since it was listed is held to the same caps.
    return (
      overCap(file.name, buffer.byteLength, room) ?? {
        name: file.name,
        data: new Uint8Array(buffer),
      }
    );
  } catch (error) {
    console.warn('A file could not be read', file.name, error);
    return { name: file.name, unreadable: unreadableForDomError(error) };
  }
}
