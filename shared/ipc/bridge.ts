// The shape of window.liaisonLog, the object the preload exposes: exactly one function per
// contract channel, one subscribe function per contract event, and nothing else (no
// ipcRenderer, no generic invoke, no event objects).
// `import type`: the preload imports this file, and an inline type import would drag the
// zod schemas into it as a side-effect import.
import type { IpcArgs, IpcChannel, IpcEvent, IpcResult } from './contract';

export const BRIDGE_KEY = 'liaisonLog';

export interface LiaisonLogBridge {
  appInfo(): Promise<IpcResult<'app:info'>>;
  /** Keeps the interface language for the next start (date fields follow it then). */
  setLanguage(request: IpcArgs<'app:set-language'>): Promise<IpcResult<'app:set-language'>>;
  saveFile(request: IpcArgs<'file:save'>): Promise<IpcResult<'file:save'>>;
  openFiles(request: IpcArgs<'file:open'>): Promise<IpcResult<'file:open'>>;
  chooseFolder(request: IpcArgs<'folder:choose'>): Promise<IpcResult<'folder:choose'>>;
  getFolder(request: IpcArgs<'folder:get'>): Promise<IpcResult<'folder:get'>>;
  forgetFolder(request: IpcArgs<'folder:forget'>): Promise<IpcResult<'folder:forget'>>;
  writeToFolder(request: IpcArgs<'folder:write'>): Promise<IpcResult<'folder:write'>>;
  listFolder(request: IpcArgs<'folder:list'>): Promise<IpcResult<'folder:list'>>;
  readFolderFile(request: IpcArgs<'folder:read-file'>): Promise<IpcResult<'folder:read-file'>>;
  /** The window printed to a PDF file the person picks (Electron's printToPDF). */
  printToPdf(request: IpcArgs<'print:pdf'>): Promise<IpcResult<'print:pdf'>>;
  /** The files the OS asked the app to open since the last call; empties the main's inbox. */
  takeOpenedFiles(): Promise<IpcResult<'files:take-opened'>>;
  /** Hands the relay's address and credentials to the main process (the password stays there). */
  setRelay(request: IpcArgs<'relay:set'>): Promise<IpcResult<'relay:set'>>;
  forgetRelay(): Promise<IpcResult<'relay:forget'>>;
  /** The relay calls, each on the relay the main process keeps; failures come back as answers. */
  remoteCheck(): Promise<IpcResult<'remote:check'>>;
  remoteEnsureDir(request: IpcArgs<'remote:ensure-dir'>): Promise<IpcResult<'remote:ensure-dir'>>;
  remoteList(request: IpcArgs<'remote:list'>): Promise<IpcResult<'remote:list'>>;
  remoteRead(request: IpcArgs<'remote:read'>): Promise<IpcResult<'remote:read'>>;
  remotePutNew(request: IpcArgs<'remote:put-new'>): Promise<IpcResult<'remote:put-new'>>;
  remoteRemove(request: IpcArgs<'remote:remove'>): Promise<IpcResult<'remote:remove'>>;
  remoteMove(request: IpcArgs<'remote:move'>): Promise<IpcResult<'remote:move'>>;
  /**
   * Calls the listener, with no arguments, whenever files opened from the OS are waiting;
   * answers the function that stops it.
   */
  onFilesOpened(listener: () => void): () => void;
}

/** Which event each subscribe function listens to. */
export const BRIDGE_EVENTS = {
  onFilesOpened: 'files:opened',
} as const satisfies Partial<Record<keyof LiaisonLogBridge, IpcEvent>>;

type InvokeFunction = Exclude<keyof LiaisonLogBridge, keyof typeof BRIDGE_EVENTS>;

/** Which channel each bridge function calls; the compiler checks both lists are complete. */
export const BRIDGE_CHANNELS = {
  appInfo: 'app:info',
  setLanguage: 'app:set-language',
  saveFile: 'file:save',
  openFiles: 'file:open',
  chooseFolder: 'folder:choose',
  getFolder: 'folder:get',
  forgetFolder: 'folder:forget',
  writeToFolder: 'folder:write',
  listFolder: 'folder:list',
  readFolderFile: 'folder:read-file',
  printToPdf: 'print:pdf',
  takeOpenedFiles: 'files:take-opened',
  setRelay: 'relay:set',
  forgetRelay: 'relay:forget',
  remoteCheck: 'remote:check',
  remoteEnsureDir: 'remote:ensure-dir',
  remoteList: 'remote:list',
  remoteRead: 'remote:read',
  remotePutNew: 'remote:put-new',
  remoteRemove: 'remote:remove',
  remoteMove: 'remote:move',
} as const satisfies Record<InvokeFunction, IpcChannel>;

/** Every function window.liaisonLog holds, and nothing else. */
export const BRIDGE_FUNCTIONS: readonly (keyof LiaisonLogBridge)[] = [
  ...(Object.keys(BRIDGE_CHANNELS) as (keyof typeof BRIDGE_CHANNELS)[]),
  ...(Object.keys(BRIDGE_EVENTS) as (keyof typeof BRIDGE_EVENTS)[]),
];

// Fails to compile when a contract channel has no bridge function.
type Missing = Exclude<IpcChannel, (typeof BRIDGE_CHANNELS)[keyof typeof BRIDGE_CHANNELS]>;
const _everyChannelBridged: [Missing] extends [never] ? true : Missing = true;
type MissingEvent = Exclude<IpcEvent, (typeof BRIDGE_EVENTS)[keyof typeof BRIDGE_EVENTS]>;
const _everyEventBridged: [MissingEvent] extends [never] ? true : MissingEvent = true;
