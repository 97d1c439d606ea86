// The relay this device syncs with, kept by the main process: its address and user name in a
// small JSON file in userData, the password sealed with the OS secret store (safeStorage).
// Where the OS has no real secret store (Linux's basic_text backend, or none at all), the
// password is refused for disk and kept in memory until the app closes: the person is asked
// for it once per session. The renderer hands the password over once and never gets it back.
import * as nodeFs from 'node:fs/promises';
import { z } from 'zod';
import { relayUrl } from '../shared/remote/relay-path.ts';
import type { RemoteConfig } from '../shared/remote/store.ts';
import { errnoOf } from '../shared/ipc/errors.ts';
import { IpcFailure } from './ipc.main.ts';
import { readSettingsFile, writeSettingsFile, type SettingsFs } from './settings-file.main.ts';

/** The part of Electron's safeStorage this store uses (a stand-in in the Node tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a hard-coded key, no protection at all. */
  getSelectedStorageBackend?(): string;
}

export type RelayKept = 'os' | 'session';

/** The relay as the main process knows it; `password` is null when it must be asked again. */
export interface RelayCredentials {
  url: string;
  username: string;
  password: string | null;
}

const fileSchema = z.strictObject({
  version: z.literal(1),
  url: z.string().refine((url) => relayUrl(url) === url, { message: 'not a relay URL' }),
  username: z.string().min(1).max(256),
  /** safeStorage's ciphertext, base64; absent when the password is kept for the session only. */
  sealedPassword: z.string().max(16_384).optional(),
});

type RelayFile = z.infer<typeof fileSchema>;
type FileSystem = SettingsFs;

export interface RelayStoreDeps {
  /** join(app.getPath('userData'), 'relay.json') in the app. */
  file: string;
  safeStorage: SafeStorageLike;
  /** process.platform: only Linux has the basic_text backend to refuse. */
  platform: string;
  fs?: FileSystem;
  warn(message: string): void;
}

/** Backends that do not protect anything (Electron's docs): refuse to write a password with them. */
const UNSAFE_BACKENDS = new Set(['basic_text', 'unknown']);

/** True when a password sealed with safeStorage is really protected by the OS here. */
export function secretStoreUsable(safeStorage: SafeStorageLike, platform: string): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  return !UNSAFE_BACKENDS.has(backend);
}

export class RelayStore {
  readonly #deps: RelayStoreDeps;
  readonly #fs: FileSystem;
  #loaded: Promise<RelayFile | null> | null = null;
  /** The password for this session when the OS cannot keep it. */
  #sessionPassword: string | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(deps: RelayStoreDeps) {
    this.#deps = deps;
    this.#fs = deps.fs ?? nodeFs;
  }

  /**
   * Keeps the relay; answers where the password went. Without a password, the same user moves
   * to a new folder ON THE SAME SERVER (same origin: scheme, host, port) with the password
   * already kept for it. Any other server is refused: the person enters the password again.
   */
  set(
    config: Omit<RemoteConfig, 'password'> & { password?: string | undefined },
  ): Promise<RelayKept> {
    const url = relayUrl(config.url);
    if (url === null) return Promise.reject(new Error('not a relay URL'));
    const { password } = config;
    if (password === undefined) return this.#serial(() => this.#move(url, config.username));
    return this.#serial(async () => {
      const { safeStorage, platform } = this.#deps;
      const usable = secretStoreUsable(safeStorage, platform);
      const next: RelayFile = {
        version: 1,
        url,
        username: config.username,
        ...(usable
          ? { sealedPassword: safeStorage.encryptString(password).toString('base64') }
          : {}),
      };
      await this.#write(next);
      // Only after the file is written: a failed write leaves memory and disk agreeing.
      this.#loaded = Promise.resolve(next);
      this.#sessionPassword = usable ? null : password;
      return usable ? 'os' : 'session';
    });
  }

  /** The kept password, sealed or for the session, goes along to the new folder. */
  async #move(url: string, username: string): Promise<RelayKept> {
    const stored = await this.#load();
    // Never another user's password, never another server (hostile page code could name its
    // own), and never none: the renderer then asks the person ('not-found' tells it so).
    if (stored === null || stored.username !== username)
      throw new IpcFailure('not-found', 'no password kept for this user');
    if (new URL(stored.url).origin !== new URL(url).origin)
      throw new IpcFailure('not-found', 'no password kept for this server');
    const next: RelayFile = { ...stored, url };
    await this.#write(next);
    this.#loaded = Promise.resolve(next);
    return stored.sealedPassword === undefined ? 'session' : 'os';
  }

  forget(): Promise<boolean> {
    return this.#serial(async () => {
      const had = (await this.#load()) !== null;
      await this.#fs.unlink(this.#deps.file).catch((error: unknown) => {
        if (errnoOf(error) !== 'ENOENT') throw error;
      });
      this.#loaded = Promise.resolve(null);
      this.#sessionPassword = null;
      return had;
    });
  }

  /** Null when no relay is set; the password is null when it must be entered again. */
  async credentials(): Promise<RelayCredentials | null> {
    const stored = await this.#load();
    if (stored === null) return null;
    return { url: stored.url, username: stored.username, password: this.#password(stored) };
  }

  #password(stored: RelayFile): string | null {
    if (stored.sealedPassword === undefined) return this.#sessionPassword;
    const { safeStorage, platform } = this.#deps;
    // A store that became unusable (the keyring gone) is asked again, not trusted.
    if (!secretStoreUsable(safeStorage, platform)) return this.#sessionPassword;
    try {
      return safeStorage.decryptString(Buffer.from(stored.sealedPassword, 'base64'));
    } catch {
      this.#deps.warn('[relay] the sealed password could not be opened; it will be asked again');
      return this.#sessionPassword;
    }
  }

  #load(): Promise<RelayFile | null> {
    this.#loaded ??= this.#read();
    return this.#loaded;
  }

  async #read(): Promise<RelayFile | null> {
    // A damaged file costs the person entering the relay again, never a wrong server.
    const read = await readSettingsFile(
      this.#fs,
      this.#deps.file,
      fileSchema,
      (line) => this.#deps.warn(line),
      {
        unreadable: '[relay] could not read the relay settings',
        damaged: '[relay] the relay settings are damaged; starting with none',
      },
    );
    return read ?? null;
  }

  #serial<T>(run: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #write(content: RelayFile): Promise<void> {
    await writeSettingsFile(this.#fs, this.#deps.file, content, 0o600);
  }
}
