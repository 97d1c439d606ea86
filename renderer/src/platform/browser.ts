// The browser implementation of the platform door, for `npm run web` and the end-to-end
// tests: downloads instead of a save dialog, a file input instead of an open dialog, and
// folders through the File System Access API where the browser has it.
import { createWebdavRemote } from './remote-webdav.ts';
import { navigatorStorage } from './persistent-storage.ts';
import {
  createBrowserFolders,
  type BrowserFolderDeps,
  type DirectoryHandleLike,
} from './browser-folders.ts';
import { readFileObjects } from './dropped-files.ts';
import { createIdbHandleStore } from './handle-store.ts';
import {
  type FileReadResult,
  type OpenFilesRequest,
  type Platform,
  type SaveFileRequest,
} from './types.ts';

type Picker = BrowserFolderDeps['showDirectoryPicker'];

/**
 * The folder picker, where folders can work: the API is there, IndexedDB can keep the
 * handle, and the browser is not automated (a test driver cannot answer the OS picker, so
 * under automation the screens use the download and the file input instead).
 */
function findDirectoryPicker(win: Window | null): Picker {
  if (win === null || win.navigator.webdriver || typeof win.indexedDB === 'undefined') {
    return undefined;
  }
  const picker = (win as Window & { showDirectoryPicker?: unknown }).showDirectoryPicker;
  if (typeof picker !== 'function') return undefined;
  return (options) =>
    (picker as (o: typeof options) => Promise<DirectoryHandleLike>).call(win, options);
}

function defaultFolderDeps(doc: Document): BrowserFolderDeps {
  const picker = findDirectoryPicker(doc.defaultView);
  return {
    showDirectoryPicker: picker,
    // Opened lazily by the first folder call; never where folders are unsupported.
    store: createIdbHandleStore(() => doc.defaultView?.indexedDB ?? globalThis.indexedDB),
  };
}

function acceptAttribute(request: OpenFilesRequest): string {
  return (request.filters ?? []).flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

export function createBrowserPlatform(
  doc: Document = document,
  folderDeps: BrowserFolderDeps = defaultFolderDeps(doc),
): Platform {
  const folders = createBrowserFolders(folderDeps);
  return {
    kind: 'browser',
    // The page's fetch, to the same origin (docs/online-sync.md): the CSP stays 'self'.
    remote: (config) => createWebdavRemote(config),
    supportsFolders: folders.supported,
    storage: navigatorStorage(),
    appInfo: () =>
      Promise.resolve({
        name: 'Liaison Log',
        version: __APP_VERSION__,
        runtime: 'browser',
      }),
    saveFile(request: SaveFileRequest) {
      // Copy into a fresh ArrayBuffer-backed view so Blob gets exactly the bytes given.
      const blob = new Blob([request.data.slice()], { type: 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const a = doc.createElement('a');
      a.href = url;
      a.download = request.suggestedName;
      a.rel = 'noopener';
      doc.body.appendChild(a);
      a.click();
      a.remove();
      // Revoke later: Chromium reads the blob asynchronously after the click.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return Promise.resolve({ saved: true, location: request.suggestedName });
    },
    openFiles(request: OpenFilesRequest) {
      return new Promise<FileReadResult[]>((resolve, reject) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.multiple = request.multiple;
        const accept = acceptAttribute(request);
        if (accept) input.accept = accept;
        input.addEventListener('cancel', () => resolve([]));
        input.addEventListener('change', () => {
          // One result per file: a file that cannot be read does not cost the others.
          readFileObjects(Array.from(input.files ?? [])).then(resolve, reject);
        });
        input.click();
      });
    },
    chooseFolder: (purpose) => folders.chooseFolder(purpose),
    getFolder: (purpose) => folders.getFolder(purpose),
    forgetFolder: (purpose) => folders.forgetFolder(purpose),
    writeToFolder: (folderId, name, data) => folders.writeToFolder(folderId, name, data),
    readFolder: (folderId, options) => folders.readFolder(folderId, options),
    readDroppedFiles: (files, options) => readFileObjects(files, options),
  };
}
