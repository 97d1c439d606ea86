// The jobs behind the IPC channels: app facts, saving a file through the OS save dialog,
// reading files picked in the open dialog (and, with the same code, files the OS opened). Arguments arrive already validated (ipc.ts);
// Electron's dialogs and the file system are passed in so tests need neither.
import nodePath from 'node:path';
import * as nodeFs from 'node:fs/promises';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import {
  MAX_BATCH_BYTES,
  MAX_FILE_BYTES,
  MAX_OPEN_FILES,
  type IpcArgs,
  type IpcResult,
  type UnreadableReason,
} from '../shared/ipc/contract';
import { errnoOf } from '../shared/ipc/errors';
import { IpcFailure } from './ipc.main';

export interface AppFacts {
  name: string;
  version: string;
  electronVersion: string;
  platform: string;
}

export function appInfo(facts: AppFacts): IpcResult<'app:info'> {
  return {
    name: facts.name,
    version: facts.version,
    runtime: `electron ${facts.electronVersion} (${facts.platform})`,
  };
}

type FileSystem = Pick<typeof nodeFs, 'writeFile' | 'rename' | 'unlink' | 'stat' | 'readFile'>;

export interface FileHandlerDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** Where the save dialog starts (the person's documents folder). */
  defaultDirectory(): string;
  fs?: FileSystem;
  /** Suffix for the temporary file; random in the app, fixed in tests. */
  tempSuffix?: () => string;
  /** Where a file left unread is logged, with the OS's reason (console.warn in the app). */
  warn?: (message: string) => void;
}

/**
 * Writes next to the target and renames into place, so a full USB stick or a pulled cable
 * leaves either the old file or none, never half a bundle under the chosen name.
 */
export async function writeAtomically(
  fs: Pick<FileSystem, 'writeFile' | 'rename' | 'unlink'>,
  filePath: string,
  data: Uint8Array,
  suffix: string,
): Promise<void> {
  const tempPath = `${filePath}.${suffix}.part`;
  try {
    await fs.writeFile(tempPath, data, { flag: 'wx' });
    await fs.rename(tempPath, filePath);
  } catch (error) {
    await fs.unlink(tempPath).catch(() => undefined);
    throw error;
  }
}

export async function saveFile(
  args: IpcArgs<'file:save'>,
  deps: FileHandlerDeps,
): Promise<IpcResult<'file:save'>> {
  const fs = deps.fs ?? nodeFs;
  const choice = await deps.showSaveDialog({
    defaultPath: nodePath.join(deps.defaultDirectory(), args.suggestedName),
    ...(args.filters ? { filters: args.filters } : {}),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return { saved: false };
  const suffix = deps.tempSuffix?.() ?? crypto.randomUUID();
  await writeAtomically(fs, choice.filePath, args.data, suffix);
  return { saved: true, location: choice.filePath };
}

/** The reason a person can act on, from a Node errno ('ENOENT', 'EACCES'...). */
function unreadableFor(error: unknown): UnreadableReason {
  switch (errnoOf(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'not-found';
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return 'permission-denied';
    case 'EFBIG':
      return 'too-large';
    default:
      return 'io';
  }
}

/** One file's result: its bytes, or why it was not read. */
export type OpenResult = IpcResult<'file:open'>['files'][number];

/**
 * Reads one picked file within what is left of the reply's cap. A file that went away,
 * is locked, or is too large becomes a result of its own: the others are still read.
 */
async function readPicked(
  fs: Pick<FileSystem, 'stat' | 'readFile'>,
  filePath: string,
  room: number,
  warn: (message: string) => void,
): Promise<OpenResult> {
  const name = nodePath.basename(filePath);
  const refuse = (unreadable: UnreadableReason, detail: string): OpenResult => {
    warn(`[files] ${name} not read (${unreadable}): ${detail}`);
    return { name, unreadable };
  };
  try {
    // Sizes are checked before reading: nothing past the cap is ever loaded.
    const info = await fs.stat(filePath);
    if (!info.isFile()) return refuse('not-found', 'not a regular file');
    if (info.size > MAX_FILE_BYTES) return refuse('too-large', `${info.size} bytes`);
    if (info.size > room) return refuse('batch-too-large', `${info.size} bytes`);
    const buffer = await fs.readFile(filePath);
    // It may have grown between the stat and the read.
    if (buffer.byteLength > MAX_FILE_BYTES) return refuse('too-large', 'grew');
    if (buffer.byteLength > room) return refuse('batch-too-large', 'grew');
    return { name, data: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
  } catch (error) {
    // The errno only: a Node message carries the whole path.
    return refuse(unreadableFor(error), errnoOf(error) ?? 'no errno');
  }
}

export interface ReadFilesOptions {
  fs?: Pick<FileSystem, 'stat' | 'readFile'>;
  /** Where a file left unread is logged, with the OS's reason (console.warn in the app). */
  warn?: (message: string) => void;
  /** Bytes the results may carry in total; MAX_BATCH_BYTES (one reply's cap) by default. */
  room?: number;
}

/**
 * Reads files the main process was handed by the OS (the open dialog, a file association),
 * one result per path in order: its bytes, or why it was not read. Never rejects for one
 * file. The results carry `room` bytes at most: a file that would pass that total is
 * refused as 'batch-too-large' (to import on its own), the rest still read.
 */
export async function readLocalFiles(
  paths: readonly string[],
  options: ReadFilesOptions = {},
): Promise<OpenResult[]> {
  const fs = options.fs ?? nodeFs;
  const warn = options.warn ?? (() => undefined);
  let room = Math.min(options.room ?? MAX_BATCH_BYTES, MAX_BATCH_BYTES);
  const files: OpenResult[] = [];
  for (const filePath of paths) {
    const result = await readPicked(fs, filePath, room, warn);
    if ('data' in result) room -= result.data.byteLength;
    files.push(result);
  }
  return files;
}

/**
 * The files picked in the open dialog, one result per file in the order picked. Only a
 * failure of the dialog itself, or too many files, rejects the whole call.
 */
export async function openFiles(
  args: IpcArgs<'file:open'>,
  deps: FileHandlerDeps,
): Promise<IpcResult<'file:open'>> {
  const choice = await deps.showOpenDialog({
    properties: args.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    ...(args.filters ? { filters: args.filters } : {}),
  });
  if (choice.canceled || choice.filePaths.length === 0) return { files: [] };
  if (choice.filePaths.length > MAX_OPEN_FILES) {
    throw new IpcFailure('too-large', `${choice.filePaths.length} files picked`);
  }
  const files = await readLocalFiles(choice.filePaths, {
    ...(deps.fs ? { fs: deps.fs } : {}),
    ...(deps.warn ? { warn: deps.warn } : {}),
  });
  return { files };
}
