// The one door between the renderer and the outside world. The Electron implementation
// goes over the preload bridge; the browser implementation uses web APIs, so the whole
// app runs (and is tested) in plain Chromium. Nothing else in the renderer touches files,
// dialogs or the network.
import { type StorageManagerLike } from './persistent-storage.ts';
import { type UnreadableReason } from '../../../shared/ipc/contract.ts';
import { type RemoteConfig, type RemoteStore } from './remote.ts';
import { type Language } from '../../../shared/domain/catalogue-types.ts';

export { type UnreadableReason };

export interface FileFilter {
  /** Shown in the dialog, already translated. */
  name: string;
  /** Without the dot: ['llb']. */
  extensions: string[];
}

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' or 'browser', plus the OS where known. */
  runtime: string;
}

export interface SaveFileRequest {
  suggestedName: string;
  data: Uint8Array;
  filters?: FileFilter[];
}

export interface PrintToPdfRequest {
  suggestedName: string;
  landscape: boolean;
}

export interface SaveFileResult {
  /** False when the person cancelled the dialog. */
  saved: boolean;
  /** Where it went, when the platform knows (Electron); a display name only. */
  location?: string;
}

export interface OpenFilesRequest {
  multiple: boolean;
  filters?: FileFilter[];
}

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

/** A file that was chosen but could not be read, and why; the others of the batch were. */
export interface UnreadableFile {
  name: string;
  unreadable: UnreadableReason;
}

/** What reading one file of a batch gave: its bytes, or why there are none. */
export type FileReadResult = OpenedFile | UnreadableFile;

/** What a remembered folder is for: where exports go, where "import all" reads. */
export type FolderPurpose = 'export' | 'import';

/** A folder the person chose once; the platform keeps it, the app holds only the id. */
export interface FolderRef {
  /** Opaque: pass it back to writeToFolder/readFolder, never parse it. */
  id: string;
  /** The path (Electron) or the folder's name (browser), for display only. */
  label: string;
}

export interface WriteToFolderResult {
  /** The name the file got: "bundle (2).llb" when "bundle.llb" was taken. */
  name: string;
  /** Where it went, for display only. */
  location: string;
}

export interface ReadFolderOptions {
  /** Without the dot: ['llb']. Only files directly in the folder, hidden files skipped. */
  extensions: string[];
}

export interface ReadDroppedOptions {
  /** Without the dot; when given, files with other extensions are left out. */
  extensions?: string[];
}

/**
 * Failures reject with a PlatformError (./errors.ts) whose code the screens translate
 * (`platform.error.*`); a person cancelling a dialog is not an error (null, [] or saved: false).
 * Calls that read several files never reject for one bad file: each file gets its own
 * FileReadResult, so an import still takes the good ones and reports the others.
 */
export interface Platform {
  readonly kind: 'electron' | 'browser';
  /**
   * False where folders cannot be kept (a browser without the File System Access API, or
   * an automated one): chooseFolder then resolves null and screens use the save dialog and
   * the file picker instead.
   */
  readonly supportsFolders: boolean;
  /**
   * navigator.storage (persistent-storage.ts): whether the browser may clear the app's data
   * under storage pressure. Absent where the runtime has no StorageManager.
   */
  readonly storage?: StorageManagerLike | undefined;
  appInfo(): Promise<AppInfo>;
  /**
   * Desktop only: keeps the interface language for the next start, when it becomes
   * Chromium's locale, which date fields follow (their order and calendar cannot follow the
   * page's language). The browser's date fields follow the browser's own language.
   */
  keepLanguage?(language: Language): Promise<void>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** One result per picked file, in order; [] when the person cancelled. */
  openFiles(request: OpenFilesRequest): Promise<FileReadResult[]>;
  /** The OS folder picker; the choice is remembered for the purpose. Null when cancelled. */
  chooseFolder(purpose: FolderPurpose): Promise<FolderRef | null>;
  /** The folder chosen earlier for the purpose, or null. */
  getFolder(purpose: FolderPurpose): Promise<FolderRef | null>;
  forgetFolder(purpose: FolderPurpose): Promise<void>;
  /**
   * Writes a new file into a chosen folder. Never overwrites (a taken name becomes
   * "name (2).ext"), refuses names with a path in them ('invalid-name'), and writes under a
   * temporary name first so a half-written file never appears under the real name.
   */
  writeToFolder(folderId: string, name: string, data: Uint8Array): Promise<WriteToFolderResult>;
  /**
   * Every file directly in the folder with one of the extensions, by name; 512 MiB each at
   * most (a larger one is 'too-large'). Rejects as a whole only when the folder is gone.
   */
  readFolder(folderId: string, options: ReadFolderOptions): Promise<FileReadResult[]>;
  /** Files dropped on the window (DataTransfer.files), with the same per-file size cap. */
  readDroppedFiles(files: Iterable<File>, options?: ReadDroppedOptions): Promise<FileReadResult[]>;
  /**
   * Desktop only: the files the OS asked the app to open (double-click on a .llb, "Open
   * with", an e-mail attachment) that the app has not taken yet, read like openFiles'. Taking
   * them empties the waiting list. Absent where the OS cannot hand the app files (browser).
   */
  takeOpenedFiles?(): Promise<FileReadResult[]>;
  /**
   * Desktop only: calls the listener whenever opened files are waiting for takeOpenedFiles;
   * answers the function that stops listening.
   */
  onFilesOpened?(listener: () => void): () => void;
  /**
   * Desktop only: the window as printed (its print stylesheet) saved as a PDF where the
   * person picks; saved false when the dialog was cancelled. Absent in the browser, where
   * the browser's own print dialog saves as PDF (window.print()).
   */
  printToPdf?(request: PrintToPdfRequest): Promise<SaveFileResult>;
  /**
   * A folder on a WebDAV relay (online sync), shaped like the folder capability. Absent where
   * this build cannot reach one (docs/online-sync.md). Where the platform keeps the
   * credentials itself (`relayCredentials`), it uses those and config.password is not read.
   */
  remote?(config: RemoteConfig): RemoteStore;
  /**
   * Desktop only: the relay's credentials are kept by the main process (the OS secret store),
   * not sealed by the app. Absent in the browser build.
   */
  relayCredentials?: RelayCredentialKeeper;
}

/**
 * The keeper holds no password for this user at the new address (another user, or HQ moved
 * the relay to another server): the person must enter it. Any other failure is not this.
 */
export class RelayPasswordNeeded extends Error {
  override readonly name = 'RelayPasswordNeeded';
}

/** Where a platform keeps the relay's credentials when it keeps them itself. */
export interface RelayCredentialKeeper {
  /**
   * 'os': sealed with the OS secret store; 'session': kept until the app closes, because this
   * computer has no real secret store (the person is asked again next time).
   */
  save(config: RemoteConfig): Promise<'os' | 'session'>;
  /**
   * The same user and kept password at another address (HQ's profile moved the relay). Fails
   * with RelayPasswordNeeded when no password is kept for this user at that address.
   */
  follow(url: string, username: string): Promise<void>;
  forget(): Promise<void>;
}
