// The jobs behind the IPC channels: app facts, saving a file through the OS save dialog,
// reading files picked in the open dialog. Arguments arrive already validated (ipc.ts);
// Electron's dialogs and the file system are passed in so tests need neither.
import nodePath from 'node:path';
import * as nodeFs from 'node:fs/promises';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import {
  MAX_FILE_BYTES,
  MAX_OPEN_FILES,
  type IpcArgs,
  type IpcResult,
} from '../shared/ipc/contract';
import { IpcFailure } from './ipc';

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
}

/**
 * Writes next to the target and renames into place, so a full USB stick or a pulled cable
 * leaves either the old file or none, never half a bundle under the chosen name.
 */
async function writeAtomically(
  fs: FileSystem,
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

export async function openFiles(
  args: IpcArgs<'file:open'>,
  deps: FileHandlerDeps,
): Promise<IpcResult<'file:open'>> {
  const fs = deps.fs ?? nodeFs;
  const choice = await deps.showOpenDialog({
    properties: args.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    ...(args.filters ? { filters: args.filters } : {}),
  });
  if (choice.canceled || choice.filePaths.length === 0) return { files: [] };
  if (choice.filePaths.length > MAX_OPEN_FILES) {
    throw new IpcFailure('too-large', `${choice.filePaths.length} files picked`);
  }

  // Check sizes before reading anything: one reply carries every file.
  let total = 0;
  for (const filePath of choice.filePaths) {
    const info = await fs.stat(filePath);
    if (!info.isFile()) throw new IpcFailure('not-found', 'not a regular file');
    total += info.size;
    if (info.size > MAX_FILE_BYTES || total > MAX_FILE_BYTES) {
      throw new IpcFailure('too-large', `${total} bytes picked`);
    }
  }

  const files: IpcResult<'file:open'>['files'] = [];
  for (const filePath of choice.filePaths) {
    const buffer = await fs.readFile(filePath);
    files.push({
      name: nodePath.basename(filePath),
      data: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    });
  }
  return { files };
}
