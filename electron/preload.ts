// The preload (sandboxed, built to CommonJS): puts window.liaisonLog in the page with one
// function per IPC channel and one subscribe function per event. ipcRenderer itself never
// crosses the bridge, so page code can call only these; the main process validates
// everything they send.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcArgs, IpcChannel, IpcEvent, IpcResult } from '../shared/ipc/contract';
import {
  BRIDGE_CHANNELS,
  BRIDGE_EVENTS,
  BRIDGE_KEY,
  type LiaisonLogBridge,
} from '../shared/ipc/bridge';

function invoke<C extends IpcChannel>(channel: C, args: IpcArgs<C>): Promise<IpcResult<C>> {
  return ipcRenderer.invoke(channel, args) as Promise<IpcResult<C>>;
}

/**
 * Subscribes page code to a payload-free event. The listener is called with no arguments:
 * Electron's event object carries `sender` (ipcRenderer itself) and must never reach the page.
 */
function subscribe(event: IpcEvent, listener: () => void): () => void {
  const relay = (): void => listener();
  ipcRenderer.on(event, relay);
  return () => {
    ipcRenderer.removeListener(event, relay);
  };
}

const bridge: LiaisonLogBridge = {
  appInfo: () => invoke(BRIDGE_CHANNELS.appInfo, undefined),
  setLanguage: (request) => invoke(BRIDGE_CHANNELS.setLanguage, request),
  saveFile: (request) => invoke(BRIDGE_CHANNELS.saveFile, request),
  openFiles: (request) => invoke(BRIDGE_CHANNELS.openFiles, request),
  chooseFolder: (request) => invoke(BRIDGE_CHANNELS.chooseFolder, request),
  getFolder: (request) => invoke(BRIDGE_CHANNELS.getFolder, request),
  forgetFolder: (request) => invoke(BRIDGE_CHANNELS.forgetFolder, request),
  writeToFolder: (request) => invoke(BRIDGE_CHANNELS.writeToFolder, request),
  listFolder: (request) => invoke(BRIDGE_CHANNELS.listFolder, request),
  readFolderFile: (request) => invoke(BRIDGE_CHANNELS.readFolderFile, request),
  printToPdf: (request) => invoke(BRIDGE_CHANNELS.printToPdf, request),
  takeOpenedFiles: () => invoke(BRIDGE_CHANNELS.takeOpenedFiles, undefined),
  setRelay: (request) => invoke(BRIDGE_CHANNELS.setRelay, request),
  forgetRelay: () => invoke(BRIDGE_CHANNELS.forgetRelay, undefined),
  remoteCheck: () => invoke(BRIDGE_CHANNELS.remoteCheck, undefined),
  remoteEnsureDir: (request) => invoke(BRIDGE_CHANNELS.remoteEnsureDir, request),
  remoteList: (request) => invoke(BRIDGE_CHANNELS.remoteList, request),
  remoteRead: (request) => invoke(BRIDGE_CHANNELS.remoteRead, request),
  remotePutNew: (request) => invoke(BRIDGE_CHANNELS.remotePutNew, request),
  remoteRemove: (request) => invoke(BRIDGE_CHANNELS.remoteRemove, request),
  remoteMove: (request) => invoke(BRIDGE_CHANNELS.remoteMove, request),
  onFilesOpened: (listener) => subscribe(BRIDGE_EVENTS.onFilesOpened, listener),
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
