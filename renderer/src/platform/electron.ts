// The Electron implementation of the platform door: each call goes over window.liaisonLog
// (the preload bridge) to one validated handler in the main process.
import { type LiaisonLogBridge } from '../../../shared/ipc/bridge';
import { decodeIpcError, type IpcErrorCode } from '../../../shared/ipc/errors';
import { type FileFilter, type OpenedFile, type Platform, type SaveFileRequest } from './types';

declare global {
  interface Window {
    /** Present only in the Electron app, put there by electron/preload.ts. */
    readonly liaisonLog?: LiaisonLogBridge;
  }
}

/**
 * A failed platform call, with a code the UI can translate ('disk-full', 'too-large',
 * 'no-access', 'not-found', 'refused', 'failed'); the details are in the main log.
 */
export class ElectronPlatformError extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, options?: { cause?: unknown }) {
    super(`Platform call failed: ${code}`, options);
    this.name = 'ElectronPlatformError';
    this.code = code;
  }
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ElectronPlatformError(decodeIpcError(message), { cause: error });
  }
}

// Copy only the fields the contract knows: its schemas are strict, so anything extra a
// caller's object carries would make the main process refuse the call.
function copyFilters(filters: FileFilter[] | undefined): { filters?: FileFilter[] } {
  return filters
    ? { filters: filters.map(({ name, extensions }) => ({ name, extensions: [...extensions] })) }
    : {};
}

// IPC copies a view's whole underlying buffer; send a subarray as its own bytes.
function ownBytes(data: Uint8Array): Uint8Array {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
}

/** The bridge the preload exposed, or undefined outside Electron. */
export function findElectronBridge(): LiaisonLogBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.liaisonLog;
}

export function createElectronPlatform(bridge: LiaisonLogBridge): Platform {
  return {
    kind: 'electron',
    appInfo: () => call(() => bridge.appInfo()),
    saveFile: (request: SaveFileRequest) =>
      call(() =>
        bridge.saveFile({
          suggestedName: request.suggestedName,
          data: ownBytes(request.data),
          ...copyFilters(request.filters),
        }),
      ),
    openFiles: (request) =>
      call(async (): Promise<OpenedFile[]> => {
        const { files } = await bridge.openFiles({
          multiple: request.multiple,
          ...copyFilters(request.filters),
        });
        return files;
      }),
  };
}
