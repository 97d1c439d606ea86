// Reading File objects (dropped on the window, or from a browser folder) the same way on
// both platforms: File.arrayBuffer() works in Electron's sandboxed renderer as in Chromium.
import { MAX_FILE_BYTES } from '../../../shared/ipc/contract.ts';
import { hasExtension } from '../../../shared/ipc/file-names.ts';
import { PlatformError } from './errors.ts';
import { type OpenedFile, type ReadDroppedOptions } from './types.ts';

/** What this module needs of a File: the browser's File and test stand-ins fit. */
export interface FileLike {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Reads the files one after another (a drop of many bundles never holds more than the
 * results plus one file being read). The size is checked before reading: a file over the
 * cap rejects the call with 'too-large' and its name, before any bytes are read.
 */
export async function readFileObjects(
  files: Iterable<FileLike>,
  options: ReadDroppedOptions = {},
): Promise<OpenedFile[]> {
  const wanted = [...files].filter(
    (file) => options.extensions === undefined || hasExtension(file.name, options.extensions),
  );
  for (const file of wanted) {
    if (file.size > MAX_FILE_BYTES) throw new PlatformError('too-large', { fileName: file.name });
  }
  const opened: OpenedFile[] = [];
  for (const file of wanted) {
    let buffer: ArrayBuffer;
    try {
      buffer = await file.arrayBuffer();
    } catch (cause) {
      // A dropped file that vanished or cannot be read (NotReadableError).
      throw new PlatformError('io', { fileName: file.name, cause });
    }
    opened.push({ name: file.name, data: new Uint8Array(buffer) });
  }
  return opened;
}
