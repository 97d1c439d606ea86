// Folders in the browser build, through the File System Access API: the directory handle
// the person picked is kept in a small IndexedDB database of the platform's own (handles are
// structured-cloneable), and permission is asked again on use. Where the API is missing,
// or the browser is automated (nobody can answer its picker), there are no folders.
import { isSafeFileName, MAX_FILE_BYTES, MAX_FOLDER_FILES } from '../../../shared/ipc/contract.ts';
import {
  byName,
  candidateNames,
  isAppFileName,
  isListedFile,
  tempNameFor,
} from '../../../shared/ipc/file-names.ts';
import { PlatformError, type PlatformErrorCode } from './errors.ts';
import { readFileObjects, unreadableForDomError, type FileLike } from './dropped-files.ts';
import {
  type FileReadResult,
  type FolderPurpose,
  type FolderRef,
  type ReadFolderOptions,
  type WriteToFolderResult,
} from './types.ts';

// The slice of the File System Access API used here; TypeScript's DOM library lacks the
// picker, the permission calls, iteration and move().
type Access = 'read' | 'readwrite';
interface PermissionHandle {
  queryPermission?(descriptor: { mode: Access }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: Access }): Promise<PermissionState>;
}
interface WritableLike {
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort?(): Promise<void>;
}
export interface FileHandleLike {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<FileLike>;
  createWritable(): Promise<WritableLike>;
  move?(name: string): Promise<void>;
}
export interface DirectoryHandleLike extends PermissionHandle {
  readonly kind: 'directory';
  readonly name: string;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike>;
  removeEntry(name: string): Promise<void>;
  values(): AsyncIterable<FileHandleLike | { readonly kind: 'directory'; readonly name: string }>;
}

export interface StoredHandle {
  purpose: FolderPurpose;
  id: string;
  handle: DirectoryHandleLike;
}

/** Where the handles live: IndexedDB in the app (./handle-store.ts), a Map in tests. */
export interface HandleStore {
  get(purpose: FolderPurpose): Promise<StoredHandle | undefined>;
  put(entry: StoredHandle): Promise<void>;
  delete(purpose: FolderPurpose): Promise<void>;
}

export interface BrowserFolderDeps {
  /** window.showDirectoryPicker, or undefined where there is none. */
  showDirectoryPicker:
    ((options: { id: string; mode: Access }) => Promise<DirectoryHandleLike>) | undefined;
  store: HandleStore;
  newId?: () => string;
}

/** A DOMException (or anything named like one) to the code a person can act on. */
export function platformCodeForDomError(error: unknown): PlatformErrorCode {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : '';
  switch (name) {
    case 'NotFoundError':
      return 'folder-gone';
    case 'NotAllowedError':
    case 'SecurityError':
      return 'permission-denied';
    case 'QuotaExceededError':
      return 'disk-full';
    case 'NoModificationAllowedError':
    case 'InvalidModificationError':
      return 'not-writable';
    default:
      return 'io';
  }
}

function fail(error: unknown, fileName?: string): PlatformError {
  if (error instanceof PlatformError) return error;
  return new PlatformError(platformCodeForDomError(error), {
    ...(fileName !== undefined ? { fileName } : {}),
    cause: error,
  });
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === name;
}

async function ensurePermission(handle: DirectoryHandleLike, mode: Access): Promise<void> {
  // Older implementations have no permission calls: access then fails on use instead.
  if (!handle.queryPermission || !handle.requestPermission) return;
  if ((await handle.queryPermission({ mode })) === 'granted') return;
  // Needs a user gesture: the export or import button that led here gives one.
  if ((await handle.requestPermission({ mode })) !== 'granted') {
    throw new PlatformError('permission-denied');
  }
}

/** True when nothing (file or folder) in the directory has this name. */
async function isFree(dir: DirectoryHandleLike, name: string): Promise<boolean> {
  try {
    await dir.getFileHandle(name);
    return false;
  } catch (error) {
    if (isNamed(error, 'NotFoundError')) return true;
    if (isNamed(error, 'TypeMismatchError')) return false; // a folder has the name
    throw error;
  }
}

/** The first free name in the "name", "name (2)"... sequence. */
export async function findFreeName(dir: DirectoryHandleLike, name: string): Promise<string> {
  for (const candidate of candidateNames(name)) {
    if (await isFree(dir, candidate)) return candidate;
  }
  throw new PlatformError('io');
}

async function writeInto(file: FileHandleLike, data: Uint8Array): Promise<void> {
  const writable = await file.createWritable();
  try {
    await writable.write(data);
  } catch (error) {
    await writable.abort?.().catch(() => undefined);
    throw error;
  }
  // Chromium writes to a swap file and swaps it in on close: until then the name is empty.
  await writable.close();
}

/**
 * Writes under a temporary name, then moves it to the first free name. Where move() is
 * missing or fails (older Chromium moves only inside the origin-private file system, and
 * says so in more than one way), the real name is written directly: Chromium's swap file
 * keeps it empty, never partial, until the write completes, and a failed write removes it.
 * A real permission or disk problem then fails that write with its own error.
 */
async function writeNew(
  dir: DirectoryHandleLike,
  name: string,
  data: Uint8Array,
  tempName: string,
): Promise<string> {
  let tempCreated = false;
  let finalCreated: string | null = null;
  try {
    const temp = await dir.getFileHandle(tempName, { create: true });
    tempCreated = true;
    if (typeof temp.move === 'function') {
      await writeInto(temp, data);
      const finalName = await findFreeName(dir, name);
      const moved = await temp.move(finalName).then(
        () => true,
        () => false,
      );
      if (moved) {
        tempCreated = false;
        return finalName;
      }
    }
    // Looked up now, not before: getFileHandle(create) would open a file that appeared since.
    const finalName = await findFreeName(dir, name);
    const file = await dir.getFileHandle(finalName, { create: true });
    finalCreated = finalName;
    await writeInto(file, data);
    finalCreated = null;
    return finalName;
  } catch (error) {
    if (finalCreated !== null) await dir.removeEntry(finalCreated).catch(() => undefined);
    throw error;
  } finally {
    if (tempCreated) await dir.removeEntry(tempName).catch(() => undefined);
  }
}

/** Rejects with the folder's own failure (gone, refused) when it can no longer be listed. */
async function stillThere(dir: DirectoryHandleLike): Promise<void> {
  try {
    for await (const entry of dir.values()) {
      void entry;
      break;
    }
  } catch (error) {
    throw fail(error);
  }
}

/** One file of a folder: removed or locked since the listing, it says why; others go on. */
async function readHandle(handle: FileHandleLike): Promise<FileReadResult> {
  let file: FileLike;
  try {
    file = await handle.getFile();
  } catch (error) {
    console.warn('A file of the folder could not be opened', handle.name, error);
    return { name: handle.name, unreadable: unreadableForDomError(error) };
  }
  const [result] = await readFileObjects([file]);
  return result ?? { name: handle.name, unreadable: 'io' };
}

export function createBrowserFolders(deps: BrowserFolderDeps) {
  const supported = deps.showDirectoryPicker !== undefined;

  async function handleFor(folderId: string, mode: Access): Promise<DirectoryHandleLike> {
    for (const purpose of ['export', 'import'] as const) {
      const entry = await deps.store.get(purpose);
      if (entry?.id === folderId) {
        await ensurePermission(entry.handle, mode).catch((error: unknown) => {
          throw fail(error);
        });
        return entry.handle;
      }
    }
    throw new PlatformError('folder-gone');
  }

  return {
    supported,

    async chooseFolder(purpose: FolderPurpose): Promise<FolderRef | null> {
      if (!deps.showDirectoryPicker) return null;
      let handle: DirectoryHandleLike;
      try {
        // The id makes the picker start where this purpose's folder was last time.
        handle = await deps.showDirectoryPicker({
          id: `liaison-log-${purpose}`,
          mode: purpose === 'export' ? 'readwrite' : 'read',
        });
      } catch (error) {
        if (isNamed(error, 'AbortError')) return null; // cancelled
        throw fail(error);
      }
      const id = deps.newId?.() ?? crypto.randomUUID();
      await deps.store.put({ purpose, id, handle });
      return { id, label: handle.name };
    },

    async getFolder(purpose: FolderPurpose): Promise<FolderRef | null> {
      if (!supported) return null;
      const entry = await deps.store.get(purpose);
      return entry ? { id: entry.id, label: entry.handle.name } : null;
    },

    async forgetFolder(purpose: FolderPurpose): Promise<void> {
      if (supported) await deps.store.delete(purpose);
    },

    async writeToFolder(
      folderId: string,
      name: string,
      data: Uint8Array,
    ): Promise<WriteToFolderResult> {
      // Only the app's own files, like the Electron side (file-names.ts › FOLDER_FILE_EXTENSIONS).
      if (!isSafeFileName(name) || !isAppFileName(name)) throw new PlatformError('invalid-name');
      if (data.byteLength > MAX_FILE_BYTES) throw new PlatformError('too-large');
      const dir = await handleFor(folderId, 'readwrite');
      try {
        const tempName = tempNameFor(name, deps.newId?.() ?? crypto.randomUUID());
        const finalName = await writeNew(dir, name, data, tempName);
        return { name: finalName, location: dir.name ? `${dir.name}/${finalName}` : finalName };
      } catch (error) {
        throw fail(error);
      }
    },

    /** One result per listed file; only a folder that is gone or refused rejects the call. */
    async readFolder(folderId: string, options: ReadFolderOptions): Promise<FileReadResult[]> {
      const dir = await handleFor(folderId, 'read');
      const handles: FileHandleLike[] = [];
      try {
        for await (const entry of dir.values()) {
          if (entry.kind !== 'file' || !isListedFile(entry.name, options.extensions)) continue;
          if (handles.length === MAX_FOLDER_FILES) throw new PlatformError('too-large');
          handles.push(entry);
        }
      } catch (error) {
        throw fail(error);
      }
      const results: FileReadResult[] = [];
      for (const handle of handles.sort(byName)) {
        const result = await readHandle(handle);
        // A file not found may mean the whole folder went (a USB stick pulled): then say
        // that once, rather than "moved or deleted" for every file left.
        if ('unreadable' in result && result.unreadable === 'not-found') await stillThere(dir);
        results.push(result);
      }
      return results;
    },
  };
}

export type BrowserFolders = ReturnType<typeof createBrowserFolders>;
