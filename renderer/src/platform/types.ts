// The one door between the renderer and the outside world. The Electron implementation
// goes over the preload bridge; the browser implementation uses web APIs, so the whole
// app runs (and is tested) in plain Chromium. Nothing else in the renderer touches files,
// dialogs or the network.

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

export interface Platform {
  readonly kind: 'electron' | 'browser';
  appInfo(): Promise<AppInfo>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Resolves to [] when the person cancelled. */
  openFiles(request: OpenFilesRequest): Promise<OpenedFile[]>;
}
