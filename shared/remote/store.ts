// The remote capability's shape: a folder on a WebDAV relay, like the folder one (list, read,
// write a new file atomically, remove). Paths are relative to the configured folder and use '/'
// ('outbox/<device>'). Failures reject with a RemoteError whose `failure` the status strip
// translates (backoff.ts). Shared by the browser build and the Electron main process.
import { type SyncFailure } from './backoff.ts';

export interface RemoteConfig {
  /** The relay folder's URL, http(s), e.g. https://relay.example/dav/liaison/. */
  url: string;
  username: string;
  password: string;
}

export type PutResult = 'written' | 'exists';

export interface RemoteStore {
  /** A real round trip to the server (not the OS flag): rejects when it cannot be reached. */
  check(): Promise<void>;
  /** Creates the folder and its parents; nothing when it exists. */
  ensureDir(dir: string): Promise<void>;
  /** File names directly in the folder; [] when the folder does not exist. */
  listFiles(dir: string): Promise<string[]>;
  /** Folder names directly in the folder; [] when the folder does not exist. */
  listDirs(dir: string): Promise<string[]>;
  read(path: string): Promise<Uint8Array>;
  /**
   * Writes a new file: PUT under a temp name, then MOVE with Overwrite: F. 'exists' when the
   * name was taken already (the same bundle, sent before): nothing is overwritten. A failed
   * write leaves at most a temp file, which no reader imports.
   */
  putNew(dir: string, name: string, data: Uint8Array): Promise<PutResult>;
  /** Gone already is fine. */
  remove(path: string): Promise<void>;
  /** Moves a file to a new name that must not exist (set-aside). */
  move(from: string, to: string): Promise<void>;
}

export class RemoteError extends Error {
  override readonly name = 'RemoteError';
  readonly failure: SyncFailure;
  readonly status: number | undefined;
  constructor(failure: SyncFailure, status?: number, cause?: unknown) {
    super(`Remote call failed: ${failure}${status ? ` (${status})` : ''}`, { cause });
    this.failure = failure;
    this.status = status;
  }
}
