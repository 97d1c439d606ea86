// The Electron main process: one locked-down window showing the renderer from app://, the
// guards on every web contents, and one validated handler per IPC channel. Thin on purpose:
// each decision lives in a small module (security, guards, ipc, app-protocol, file-handlers,
// opened-files, folder and relay handlers).
import { readFileSync } from 'node:fs';
import nodeFs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { IPC_CHANNELS, type IpcChannel } from '../shared/ipc/contract';
import { createAppProtocolHandler } from './app-protocol.main';
import { appInfo, openFiles, saveFile, type FileHandlerDeps } from './file-handlers.main';
import {
  chooseFolder,
  forgetFolder,
  getFolder,
  listFolder,
  readFolderFile,
  writeToFolder,
  type FolderHandlerDeps,
} from './folder-handlers.main.ts';
import { FolderStore } from './folder-store.main.ts';
import { denyAllPermissions, installWebContentsGuards } from './guards.main';
import {
  OpenedFilesInbox,
  openedFilePaths,
  openedPathKey,
  type OpenedPathRules,
} from './opened-files.main.ts';
import { createIpcHandler, IpcFailure, type IpcGuardDeps, type IpcImpl } from './ipc.main';
import { RelayStore } from './relay-store.main.ts';
import { certificateVerdict, TEST_RELAY_TRUST_ENV, testRelayTrust } from './relay-trust.main.ts';
import {
  forgetRelay,
  relayRequestInit,
  remoteCheck,
  remoteEnsureDir,
  remoteList,
  remoteMove,
  remotePutNew,
  remoteRead,
  remoteRemove,
  setRelay,
  type RemoteHandlerDeps,
} from './remote-handlers.main.ts';
import { printToPdf, type PrintHandlerDeps } from './print-handlers.main';
import { applyUiLanguage, readUiLanguage, UiLanguageStore } from './ui-language.main.ts';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  isSafeExternalUrl,
  windowOptions,
} from './security.main';

// Built layout: dist/electron/main.js, dist/electron/preload.cjs, dist/renderer/.
const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = path.join(here, 'preload.cjs');
const RENDERER_DIR = path.join(here, '..', 'renderer');

const warn = (message: string): void => console.warn(message);
/** The relay's own session: in memory only, so the server's cookies never reach the app's. */
const RELAY_PARTITION = 'relay';

let mainWindow: BrowserWindow | null = null;

// Both must happen before 'ready'; this module's top level runs before it.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
// The language the person chose last time becomes Chromium's locale (date fields), which can
// only be set before 'ready' (ui-language.main.ts).
const keptLanguage = readUiLanguage(readFileSync, app.getPath('userData'), warn);
applyUiLanguage(app.commandLine, keptLanguage);
const uiLanguage = new UiLanguageStore(nodeFs, app.getPath('userData'), keptLanguage);

// Files the OS opened with the app wait here until the renderer takes them (after unlock).
const openedRules: OpenedPathRules = {
  ownPaths: [process.execPath, app.getAppPath()],
  caseInsensitive: process.platform === 'win32',
};
const openedFiles = new OpenedFilesInbox({
  // No payload: the renderer pulls over 'files:take-opened'. Before the window exists,
  // or while it loads, the renderer's own pull at start-up finds the files instead.
  notify: () => {
    if (mainWindow !== null && !mainWindow.isDestroyed()) {
      mainWindow.webContents.send('files:opened');
    }
  },
  warn,
});

function receiveOpenedPaths(args: readonly string[]): void {
  const paths = openedFilePaths(args, openedRules);
  if (paths.length === 0) return;
  void openedFiles.add(paths, (p) => openedPathKey(p, openedRules));
}

function focusMainWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function createMainWindow(): void {
  const win = new BrowserWindow(windowOptions(PRELOAD_PATH, { devTools: !app.isPackaged }));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('[main] could not load the app', error);
  });
}

function registerIpcHandlers(): void {
  const guard: IpcGuardDeps = {
    isAppWebContents: (sender) =>
      mainWindow !== null && !mainWindow.isDestroyed() && sender === mainWindow.webContents,
    warn,
  };
  const files: FileHandlerDeps = {
    showSaveDialog: (options) =>
      mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
    showOpenDialog: (options) =>
      mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
    defaultDirectory: () => app.getPath('documents'),
    warn,
  };
  const folders: FolderHandlerDeps = {
    // Read on first use: userData is not touched until a folder channel is called.
    store: new FolderStore({ file: path.join(app.getPath('userData'), 'folders.json'), warn }),
    showOpenDialog: (options) => files.showOpenDialog(options),
    defaultDirectory: () => files.defaultDirectory(),
    warn,
  };
  const remote = relayDeps();
  const printing: PrintHandlerDeps = {
    showSaveDialog: (options) => files.showSaveDialog(options),
    printToPDF: (options) => {
      if (!mainWindow) return Promise.reject(new IpcFailure('failed', 'no window to print'));
      return mainWindow.webContents.printToPDF(options);
    },
    defaultDirectory: () => files.defaultDirectory(),
  };
  // A mapped type: leaving out a channel of the contract is a compile error.
  const impls: { [C in IpcChannel]: IpcImpl<C> } = {
    'app:info': () =>
      Promise.resolve(
        appInfo({
          name: app.getName(),
          version: app.getVersion(),
          electronVersion: process.versions.electron ?? 'unknown',
          platform: process.platform,
        }),
      ),
    'app:set-language': (args) => uiLanguage.set(args.language),
    'file:save': (args) => saveFile(args, files),
    'file:open': (args) => openFiles(args, files),
    'folder:choose': (args) => chooseFolder(args, folders),
    'folder:get': (args) => getFolder(args, folders),
    'folder:forget': (args) => forgetFolder(args, folders),
    'folder:write': (args) => writeToFolder(args, folders),
    'folder:list': (args) => listFolder(args, folders),
    'folder:read-file': (args) => readFolderFile(args, folders),
    'print:pdf': (args) => printToPdf(args, printing),
    'files:take-opened': () => Promise.resolve({ files: openedFiles.take() }),
    'relay:set': (args) => setRelay(args, remote),
    'relay:forget': () => forgetRelay(remote),
    'remote:check': () => remoteCheck(remote),
    'remote:ensure-dir': (args) => remoteEnsureDir(args, remote),
    'remote:list': (args) => remoteList(args, remote),
    'remote:read': (args) => remoteRead(args, remote),
    'remote:put-new': (args) => remotePutNew(args, remote),
    'remote:remove': (args) => remoteRemove(args, remote),
    'remote:move': (args) => remoteMove(args, remote),
  };
  const register = <C extends IpcChannel>(channel: C): void => {
    ipcMain.handle(channel, createIpcHandler(channel, impls[channel], guard));
  };
  IPC_CHANNELS.forEach(register);
}

/**
 * The relay's transport: Electron's network stack (system proxy, OS certificate store) in a
 * session of its own with no permissions; a test build may pin one test certificate.
 */
function relayDeps(): RemoteHandlerDeps {
  const relaySession = session.fromPartition(RELAY_PARTITION);
  denyAllPermissions(relaySession, { warn });
  const trust = testRelayTrust(process.env[TEST_RELAY_TRUST_ENV], app.isPackaged);
  if (trust !== null) {
    relaySession.setCertificateVerifyProc((request, callback) =>
      callback(certificateVerdict(request, trust)),
    );
  }
  return {
    relays: new RelayStore({
      file: path.join(app.getPath('userData'), 'relay.json'),
      safeStorage,
      platform: process.platform,
      warn,
    }),
    fetch: (url, init) => relaySession.fetch(url, relayRequestInit(init)),
    warn,
  };
}

function onReady(): void {
  denyAllPermissions(session.defaultSession, { warn });
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir: RENDERER_DIR, warn }));
  registerIpcHandlers();
  createMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Windows and Linux: files opened with the app arrive as arguments, at start-up or, once
  // it runs, in the second instance's argv. macOS sends open-file instead, possibly before
  // 'ready', which is why the listener is registered here, at the top level.
  receiveOpenedPaths(process.argv);
  app.on('second-instance', (_event, argv) => {
    receiveOpenedPaths(argv);
    focusMainWindow();
  });
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    receiveOpenedPaths([filePath]);
  });

  // Every web contents, ours or any that might appear later, gets the same guards.
  app.on('web-contents-created', (_event, contents) => {
    installWebContentsGuards(contents, {
      openExternal: (url) => {
        if (!isSafeExternalUrl(url)) return; // checked again right at the door
        shell
          .openExternal(url)
          .catch((error: unknown) => warn(`[main] openExternal failed: ${String(error)}`));
      },
      warn,
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error('[main] start-up failed', error);
      app.exit(1);
    });
}
