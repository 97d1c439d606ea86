// The Electron implementation of the platform door: each call goes over window.liaisonLog
// (the preload bridge) to one validated handler in the main process.
import { navigatorStorage } from './persistent-storage.ts';
import { type LiaisonLogBridge } from '../../../shared/ipc/bridge';
import { isSafeFileName, MAX_FILE_BYTES } from '../../../shared/ipc/contract.ts';
import { decodeIpcError, type IpcErrorCode } from '../../../shared/ipc/errors';
import { normalizeExtensions } from '../../../shared/ipc/file-names.ts';
import { readFileObjects } from './dropped-files.ts';
import { ownBytes } from './ipc-bytes.ts';
import { createBridgeKeeper, createBridgeRemote } from './remote-bridge.ts';
import { PlatformError, platformCodeForIpc } from './errors.ts';
import {
  type FileFilter,
  type FileReadResult,
  type Platform,
  type SaveFileRequest,
  type UnreadableReason,
} from './types.ts';

declare global {
  interface Window {
    /** Present only in the Electron app, put there by electron/preload.ts. */
    readonly liaisonLog?: LiaisonLogBridge;
  }
}

/**
 * A failed call over the bridge: a PlatformError whose code the UI translates, plus the
 * main process's own code (`ipcCode`) for the log; the details are in the main log.
 */
export class ElectronPlatformError extends PlatformError {
  readonly ipcCode: IpcErrorCode;

  constructor(ipcCode: IpcErrorCode, options: { fileName?: string; cause?: unknown } = {}) {
    super(platformCodeForIpc(ipcCode), options);
    this.name = 'ElectronPlatformError';
    this.ipcCode = ipcCode;
  }
}

async function call<T>(run: () => Promise<T>, fileName?: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PlatformError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ElectronPlatformError(decodeIpcError(message), {
      ...(fileName !== undefined ? { fileName } : {}),
      cause: error,
    });
  }
}

// Copy only the fields the contract knows: its schemas are strict, so anything extra a
// caller's object carries would make the main process refuse the call.
function copyFilters(filters: FileFilter[] | undefined): { filters?: FileFilter[] } {
  return filters
    ? { filters: filters.map(({ name, extensions }) => ({ name, extensions: [...extensions] })) }
    : {};
}

const UNREADABLE_FOR_IPC: Readonly<Record<IpcErrorCode, UnreadableReason>> = {
  refused: 'io',
  'too-large': 'too-large',
  'disk-full': 'io',
  'no-access': 'permission-denied',
  'not-found': 'not-found',
  'folder-gone': 'not-found',
  'not-writable': 'io',
  failed: 'io',
};

/**
 * One file of a chosen folder. A file removed or locked since the listing is its own
 * result; the folder itself gone (the stick pulled mid-import) still rejects the whole call.
 */
async function readFolderFile(
  bridge: LiaisonLogBridge,
  folderId: string,
  name: string,
): Promise<FileReadResult> {
  try {
    return await call(() => bridge.readFolderFile({ folderId, name }), name);
  } catch (error) {
    if (!(error instanceof ElectronPlatformError) || error.ipcCode === 'folder-gone') throw error;
    return { name, unreadable: UNREADABLE_FOR_IPC[error.ipcCode] };
  }
}

/** The bridge the preload exposed, or undefined outside Electron. */
export function findElectronBridge(): LiaisonLogBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.liaisonLog;
}

export function createElectronPlatform(bridge: LiaisonLogBridge): Platform {
  return {
    kind: 'electron',
    appInfo: () => call(() => bridge.appInfo()),
    keepLanguage: (language) => call(() => bridge.setLanguage({ language })).then(() => undefined),
    saveFile: (request: SaveFileRequest) =>
      call(() =>
        bridge.saveFile({
          suggestedName: request.suggestedName,
          data: ownBytes(request.data),
          ...copyFilters(request.filters),
        }),
      ),
    openFiles: (request) =>
      call(async (): Promise<FileReadResult[]> => {
        const { files } = await bridge.openFiles({
          multiple: request.multiple,
          ...copyFilters(request.filters),
        });
        return files;
      }),
    supportsFolders: true,
    storage: navigatorStorage(),
    chooseFolder: (purpose) => call(async () => (await bridge.chooseFolder({ purpose })).folder),
    getFolder: (purpose) => call(async () => (await bridge.getFolder({ purpose })).folder),
    forgetFolder: (purpose) =>
      call(async () => {
        await bridge.forgetFolder({ purpose });
      }),
    writeToFolder: (folderId, name, data) => {
      // Checked here too so a bad name is a clear 'invalid-name', not a refused call.
      if (!isSafeFileName(name)) return Promise.reject(new PlatformError('invalid-name'));
      return call(() => bridge.writeToFolder({ folderId, name, data: ownBytes(data) }));
    },
    readFolder: (folderId, options) =>
      call(async (): Promise<FileReadResult[]> => {
        const { files } = await bridge.listFolder({
          folderId,
          extensions: normalizeExtensions(options.extensions),
        });
        // One file per call: each reply stays small, and a failure is that file's alone.
        const results: FileReadResult[] = [];
        for (const { name, size } of files) {
          if (size > MAX_FILE_BYTES) results.push({ name, unreadable: 'too-large' });
          else results.push(await readFolderFile(bridge, folderId, name));
        }
        return results;
      }),
    readDroppedFiles: (files, options) => readFileObjects(files, options),
    takeOpenedFiles: () =>
      call(async (): Promise<FileReadResult[]> => (await bridge.takeOpenedFiles()).files),
    onFilesOpened: (listener) => bridge.onFilesOpened(listener),
    // The main process does the HTTP with the relay it keeps; the config's password stays unread.
    remote: () => createBridgeRemote(bridge),
    relayCredentials: createBridgeKeeper(bridge),
    printToPdf: (request) =>
      call(() =>
        bridge.printToPdf({ suggestedName: request.suggestedName, landscape: request.landscape }),
      ),
  };
}
