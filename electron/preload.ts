// The preload (sandboxed, built to CommonJS): puts window.liaisonLog in the page with one
// function per IPC channel. ipcRenderer itself never crosses the bridge, so page code can
// call only these; the main process validates everything they send.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcArgs, IpcChannel, IpcResult } from '../shared/ipc/contract';
import { BRIDGE_CHANNELS, BRIDGE_KEY, type LiaisonLogBridge } from '../shared/ipc/bridge';

function invoke<C extends IpcChannel>(channel: C, args: IpcArgs<C>): Promise<IpcResult<C>> {
  return ipcRenderer.invoke(channel, args) as Promise<IpcResult<C>>;
}

const bridge: LiaisonLogBridge = {
  appInfo: () => invoke(BRIDGE_CHANNELS.appInfo, undefined),
  saveFile: (request) => invoke(BRIDGE_CHANNELS.saveFile, request),
  openFiles: (request) => invoke(BRIDGE_CHANNELS.openFiles, request),
  chooseFolder: (request) => invoke(BRIDGE_CHANNELS.chooseFolder, request),
  getFolder: (request) => invoke(BRIDGE_CHANNELS.getFolder, request),
  forgetFolder: (request) => invoke(BRIDGE_CHANNELS.forgetFolder, request),
  writeToFolder: (request) => invoke(BRIDGE_CHANNELS.writeToFolder, request),
  listFolder: (request) => invoke(BRIDGE_CHANNELS.listFolder, request),
  readFolderFile: (request) => invoke(BRIDGE_CHANNELS.readFolderFile, request),
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
