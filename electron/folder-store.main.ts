// The folders the person chose (one for exports, one for "import all"), kept by the main
// process in a small JSON file in userData. The renderer only ever sees an opaque id and a
// label; the path behind an id is looked up here, so a renderer cannot name a folder itself.
import nodePath from 'node:path';
import * as nodeFs from 'node:fs/promises';
import { z } from 'zod';
import { folderIdSchema, type FolderPurpose } from '../shared/ipc/contract.ts';
import { readSettingsFile, writeSettingsFile, type SettingsFs } from './settings-file.main.ts';

export interface StoredFolder {
  readonly id: string;
  /** Absolute path, as the OS dialog returned it. */
  readonly path: string;
}

const entrySchema = z.strictObject({
  id: folderIdSchema,
  path: z
    .string()
    .min(1)
    .refine((path) => nodePath.isAbsolute(path), { message: 'not an absolute path' }),
});

const fileSchema = z.strictObject({
  version: z.literal(1),
  folders: z.strictObject({ export: entrySchema.optional(), import: entrySchema.optional() }),
});

type FolderFile = z.infer<typeof fileSchema>;

type FileSystem = SettingsFs;

export interface FolderStoreDeps {
  /** The JSON file: join(app.getPath('userData'), 'folders.json') in the app. */
  file: string;
  fs?: FileSystem;
  /** A fresh opaque id; a random UUID in the app, predictable in tests. */
  newId?: () => string;
  warn(message: string): void;
}

const EMPTY: FolderFile = { version: 1, folders: {} };

export class FolderStore {
  readonly #deps: FolderStoreDeps;
  readonly #fs: FileSystem;
  #loaded: Promise<FolderFile> | null = null;
  // Writes run one after another, so two quick choices never interleave on disk.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(deps: FolderStoreDeps) {
    this.#deps = deps;
    this.#fs = deps.fs ?? nodeFs;
  }

  async get(purpose: FolderPurpose): Promise<StoredFolder | null> {
    return (await this.#load()).folders[purpose] ?? null;
  }

  /** Remembers a new choice under a fresh id; the id the purpose had before stops working. */
  set(purpose: FolderPurpose, path: string): Promise<StoredFolder> {
    if (!nodePath.isAbsolute(path)) {
      return Promise.reject(new Error('a chosen folder must be an absolute path'));
    }
    return this.#update((current) => {
      const entry = { id: this.#deps.newId?.() ?? crypto.randomUUID(), path };
      return { next: { ...current, folders: { ...current.folders, [purpose]: entry } }, entry };
    });
  }

  forget(purpose: FolderPurpose): Promise<boolean> {
    return this.#update((current) => {
      if (!current.folders[purpose]) return { next: current, entry: false };
      const folders = { ...current.folders };
      delete folders[purpose];
      return { next: { ...current, folders }, entry: true };
    });
  }

  /** The path behind an id this store handed out, or null for any other id. */
  async pathOf(id: string): Promise<string | null> {
    const { folders } = await this.#load();
    const match = [folders.export, folders.import].find((entry) => entry?.id === id);
    return match?.path ?? null;
  }

  #load(): Promise<FolderFile> {
    this.#loaded ??= this.#read();
    return this.#loaded;
  }

  async #read(): Promise<FolderFile> {
    // A damaged list costs the person one more choice, never a crash or a wrong folder.
    const read = await readSettingsFile(
      this.#fs,
      this.#deps.file,
      fileSchema,
      (line) => this.#deps.warn(line),
      {
        unreadable: '[folders] could not read the folder list',
        damaged: '[folders] the folder list is damaged; starting with none',
      },
    );
    return read ?? EMPTY;
  }

  #update<T>(change: (current: FolderFile) => { next: FolderFile; entry: T }): Promise<T> {
    const run = async (): Promise<T> => {
      const current = await this.#load();
      const { next, entry } = change(current);
      if (next !== current) {
        await this.#write(next);
        // Only after the file is written: a failed write leaves memory and disk agreeing.
        this.#loaded = Promise.resolve(next);
      }
      return entry;
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #write(content: FolderFile): Promise<void> {
    await writeSettingsFile(this.#fs, this.#deps.file, content);
  }
}
