// The jobs behind the folder channels: choose a folder once (OS dialog), write a new file
// into it, list and read the files in it. Every path is built here from a folder this
// process handed out (folder-store.ts) and a bare name, and checked to stay inside it.
import nodePath from 'node:path';
import * as nodeFs from 'node:fs/promises';
import type { OpenDialogOptions } from 'electron';
import {
  isSafeFileName,
  MAX_FILE_BYTES,
  MAX_FOLDER_FILES,
  type IpcArgs,
  type IpcResult,
} from '../shared/ipc/contract.ts';
import { errnoOf } from '../shared/ipc/errors.ts';
import {
  byName,
  candidateNames,
  isAppFileName,
  isListedFile,
  tempNameFor,
} from '../shared/ipc/file-names.ts';
import type { FolderStore, StoredFolder } from './folder-store.main.ts';
import { IpcFailure } from './ipc.main.ts';

type FileSystem = Pick<
  typeof nodeFs,
  'open' | 'link' | 'rename' | 'unlink' | 'lstat' | 'stat' | 'readdir' | 'constants'
>;
type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

export interface FolderHandlerDeps {
  store: FolderStore;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** Where the folder picker starts when nothing was chosen yet (the documents folder). */
  defaultDirectory(): string;
  fs?: FileSystem;
  /** Suffix for temporary files; random in the app, fixed in tests. */
  tempSuffix?: () => string;
  warn(message: string): void;
}

/**
 * The path of `name` inside `folder`, or null when it would be anywhere else. The contract
 * already refuses separators and "..", so this is the second lock on the same door: resolve,
 * then check with path.relative that the result is a direct child. The path module is a
 * parameter so tests can check Windows rules too.
 */
export function resolveInFolder(
  folder: string,
  name: string,
  path: PathApi = nodePath,
): string | null {
  if (!isSafeFileName(name) || !path.isAbsolute(folder)) return null;
  const root = path.resolve(folder);
  const target = path.resolve(root, name);
  const inside = path.relative(root, target);
  if (inside !== name || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return target;
}

function toRef(folder: StoredFolder | null): IpcResult<'folder:get'> {
  return { folder: folder ? { id: folder.id, label: folder.path } : null };
}

export async function chooseFolder(
  args: IpcArgs<'folder:choose'>,
  deps: FolderHandlerDeps,
): Promise<IpcResult<'folder:choose'>> {
  const fs = deps.fs ?? nodeFs;
  const current = await deps.store.get(args.purpose);
  const choice = await deps.showOpenDialog({
    defaultPath: current?.path ?? deps.defaultDirectory(),
    properties: ['openDirectory', 'createDirectory', 'promptToCreate', 'dontAddToRecent'],
  });
  const picked = choice.filePaths[0];
  if (choice.canceled || picked === undefined) return { folder: null };
  const info = await fs.stat(picked);
  if (!info.isDirectory()) throw new IpcFailure('folder-gone', 'the choice is not a folder');
  return toRef(await deps.store.set(args.purpose, picked));
}

export async function getFolder(
  args: IpcArgs<'folder:get'>,
  deps: FolderHandlerDeps,
): Promise<IpcResult<'folder:get'>> {
  return toRef(await deps.store.get(args.purpose));
}

export async function forgetFolder(
  args: IpcArgs<'folder:forget'>,
  deps: FolderHandlerDeps,
): Promise<IpcResult<'folder:forget'>> {
  return { forgotten: await deps.store.forget(args.purpose) };
}

/** The path behind a handed-out id, checked to still be a folder; anything else is gone. */
async function folderPath(id: string, deps: FolderHandlerDeps): Promise<string> {
  const fs = deps.fs ?? nodeFs;
  const folder = await deps.store.pathOf(id);
  if (folder === null) throw new IpcFailure('folder-gone', 'not a folder this app handed out');
  let isDirectory: boolean;
  try {
    isDirectory = (await fs.stat(folder)).isDirectory();
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === 'ENOENT' || errno === 'ENOTDIR') {
      throw new IpcFailure('folder-gone', 'the folder is not there');
    }
    throw error;
  }
  if (!isDirectory) throw new IpcFailure('folder-gone', 'the path is no longer a folder');
  return folder;
}

/** Only the app's own files (file-names.ts › FOLDER_FILE_EXTENSIONS) are read or written. */
function appFile(name: string): string {
  if (!isAppFileName(name)) throw new IpcFailure('refused', "not one of the app's file types");
  return name;
}

function inside(folder: string, name: string): string {
  const target = resolveInFolder(folder, name);
  if (target === null) throw new IpcFailure('refused', 'name would leave the folder');
  return target;
}

async function exists(fs: FileSystem, target: string): Promise<boolean> {
  try {
    await fs.lstat(target);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Puts the finished temp file under `target` unless something is already there; false when
 * the name is taken. A hard link fails atomically when the name exists, so nothing is ever
 * overwritten. Any other link failure is taken to mean "no hard links here" (FAT and exFAT
 * sticks, some shares; Windows reports that in several ways, even as EISDIR): check, then
 * rename. This app is the only writer it knows of and runs once per machine, and a real
 * permission or disk problem fails the rename with its own error.
 */
async function placeWithoutOverwrite(
  fs: FileSystem,
  tempPath: string,
  target: string,
  warn: (message: string) => void,
): Promise<boolean> {
  try {
    await fs.link(tempPath, target);
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    if (await exists(fs, target)) return false;
    await fs.rename(tempPath, target);
    return true;
  }
  // The file is complete under its name; a leftover temp is untidy, not wrong.
  await fs.unlink(tempPath).catch(() => warn('[folders] could not remove a temporary file'));
  return true;
}

export async function writeToFolder(
  args: IpcArgs<'folder:write'>,
  deps: FolderHandlerDeps,
): Promise<IpcResult<'folder:write'>> {
  const fs = deps.fs ?? nodeFs;
  appFile(args.name);
  const folder = await folderPath(args.folderId, deps);
  const tempPath = inside(
    folder,
    tempNameFor(args.name, deps.tempSuffix?.() ?? crypto.randomUUID()),
  );
  try {
    // Written and flushed before it gets its real name: a power cut or a pulled stick
    // leaves a stray .part file, never half a bundle under the bundle's name.
    const handle = await fs.open(tempPath, 'wx');
    try {
      await handle.writeFile(args.data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    for (const name of candidateNames(args.name)) {
      const target = inside(folder, name);
      if (await placeWithoutOverwrite(fs, tempPath, target, (m) => deps.warn(m))) {
        return { name, location: target };
      }
    }
    throw new IpcFailure('failed', 'no free file name');
  } catch (error) {
    await fs.unlink(tempPath).catch(() => undefined);
    // A stick pulled mid-write shows up as EIO or ENOENT; say what a person can act on.
    if (!(error instanceof IpcFailure) && !(await stillThere(fs, folder))) {
      throw new IpcFailure('folder-gone', 'the folder went away during the write');
    }
    throw error;
  }
}

async function stillThere(fs: FileSystem, folder: string): Promise<boolean> {
  try {
    return (await fs.stat(folder)).isDirectory();
  } catch {
    return false;
  }
}

export async function listFolder(
  args: IpcArgs<'folder:list'>,
  deps: FolderHandlerDeps,
): Promise<IpcResult<'folder:list'>> {
  const fs = deps.fs ?? nodeFs;
  const folder = await folderPath(args.folderId, deps);
  const entries = await fs.readdir(folder, { withFileTypes: true });
  const files: IpcResult<'folder:list'>['files'] = [];
  for (const entry of entries) {
    // Dirent reports a symlink as a symlink, not a file: links out of the folder are skipped.
    if (!entry.isFile() || !isListedFile(entry.name, args.extensions)) continue;
    if (files.length === MAX_FOLDER_FILES) {
      throw new IpcFailure('too-large', `more than ${MAX_FOLDER_FILES} files`);
    }
    const info = await fs.lstat(inside(folder, entry.name));
    if (info.isFile()) files.push({ name: entry.name, size: info.size });
  }
  return { files: files.sort(byName) };
}

export async function readFolderFile(
  args: IpcArgs<'folder:read-file'>,
  deps: FolderHandlerDeps,
): Promise<IpcResult<'folder:read-file'>> {
  const fs = deps.fs ?? nodeFs;
  const folder = await folderPath(args.folderId, deps);
  const target = inside(folder, appFile(args.name));
  const info = await fs.lstat(target);
  if (!info.isFile()) throw new IpcFailure('not-found', 'not a regular file');
  if (info.size > MAX_FILE_BYTES) throw new IpcFailure('too-large', `${info.size} bytes`);
  // O_NOFOLLOW (where the OS has it) closes the gap between the lstat and the open.
  const handle = await fs.open(target, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    // Checked again on the open file: it may have grown since the lstat.
    if ((await handle.stat()).size > MAX_FILE_BYTES) {
      throw new IpcFailure('too-large', 'the file grew past the cap');
    }
    const buffer = await handle.readFile();
    if (buffer.byteLength > MAX_FILE_BYTES) throw new IpcFailure('too-large', 'read past the cap');
    return {
      name: args.name,
      data: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    };
  } finally {
    await handle.close();
  }
}
