// The shape of window.liaisonLog, the object the preload exposes: exactly one function per
// contract channel and nothing else (no ipcRenderer, no generic invoke).
// `import type`: the preload imports this file, and an inline type import would drag the
// zod schemas into it as a side-effect import.
import type { IpcArgs, IpcChannel, IpcResult } from './contract';

export const BRIDGE_KEY = 'liaisonLog';

export interface LiaisonLogBridge {
  appInfo(): Promise<IpcResult<'app:info'>>;
  saveFile(request: IpcArgs<'file:save'>): Promise<IpcResult<'file:save'>>;
  openFiles(request: IpcArgs<'file:open'>): Promise<IpcResult<'file:open'>>;
  chooseFolder(request: IpcArgs<'folder:choose'>): Promise<IpcResult<'folder:choose'>>;
  getFolder(request: IpcArgs<'folder:get'>): Promise<IpcResult<'folder:get'>>;
  forgetFolder(request: IpcArgs<'folder:forget'>): Promise<IpcResult<'folder:forget'>>;
  writeToFolder(request: IpcArgs<'folder:write'>): Promise<IpcResult<'folder:write'>>;
  listFolder(request: IpcArgs<'folder:list'>): Promise<IpcResult<'folder:list'>>;
  readFolderFile(request: IpcArgs<'folder:read-file'>): Promise<IpcResult<'folder:read-file'>>;
}

/** Which channel each bridge function calls; the compiler checks both lists are complete. */
export const BRIDGE_CHANNELS = {
  appInfo: 'app:info',
  saveFile: 'file:save',
  openFiles: 'file:open',
  chooseFolder: 'folder:choose',
  getFolder: 'folder:get',
  forgetFolder: 'folder:forget',
  writeToFolder: 'folder:write',
  listFolder: 'folder:list',
  readFolderFile: 'folder:read-file',
} as const satisfies Record<keyof LiaisonLogBridge, IpcChannel>;

// Fails to compile when a contract channel has no bridge function.
type Missing = Exclude<IpcChannel, (typeof BRIDGE_CHANNELS)[keyof typeof BRIDGE_CHANNELS]>;
const _everyChannelBridged: [Missing] extends [never] ? true : Missing = true;
