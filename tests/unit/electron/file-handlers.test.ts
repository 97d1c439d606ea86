import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appInfo,
  openFiles,
  saveFile,
  type FileHandlerDeps,
} from '../../../electron/file-handlers';
import { IpcFailure } from '../../../electron/ipc';
import { MAX_FILE_BYTES } from '../../../shared/ipc/contract';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-files-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function deps(overrides: Partial<FileHandlerDeps> = {}): FileHandlerDeps {
  return {
    showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }),
    showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
    defaultDirectory: () => dir,
    tempSuffix: () => 'test',
    ...overrides,
  };
}

describe('app info', () => {
  it('names the runtime and the OS', () => {
    expect(
      appInfo({
        name: 'Liaison Log',
        version: '0.1.0',
        electronVersion: '41.7.1',
        platform: 'win32',
      }),
    ).toEqual({ name: 'Liaison Log', version: '0.1.0', runtime: 'electron 41.7.1 (win32)' });
  });
});

describe('saving a file', () => {
  it('writes the bytes where the person chose and says where', async () => {
    const target = path.join(dir, 'bundle.llb');
    let offered = '';
    const result = await saveFile(
      { suggestedName: 'bundle.llb', data: new Uint8Array([7, 8, 9]) },
      deps({
        showSaveDialog: (options) => {
          offered = options.defaultPath ?? '';
          return Promise.resolve({ canceled: false, filePath: target });
        },
      }),
    );
    expect(offered).toBe(path.join(dir, 'bundle.llb'));
    expect(result).toEqual({ saved: true, location: target });
    expect([...(await fs.readFile(target))]).toEqual([7, 8, 9]);
    expect(await fs.readdir(dir)).toEqual(['bundle.llb']);
  });

  it('writes nothing when the person cancels', async () => {
    const result = await saveFile({ suggestedName: 'b.llb', data: new Uint8Array(1) }, deps());
    expect(result).toEqual({ saved: false });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('leaves the old file whole and no temp file behind when the write fails', async () => {
    const target = path.join(dir, 'bundle.llb');
    await fs.writeFile(target, 'previous bundle');
    const full = Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    const failingFs = {
      ...fs,
      writeFile: async (file: string, data: Uint8Array, options: { flag: string }) => {
        await fs.writeFile(file, data.subarray(0, 1), options); // half written, then the disk is full
        throw full;
      },
    } as unknown as FileHandlerDeps['fs'];
    await expect(
      saveFile(
        { suggestedName: 'bundle.llb', data: new Uint8Array([1, 2, 3]) },
        deps({
          showSaveDialog: () => Promise.resolve({ canceled: false, filePath: target }),
          fs: failingFs,
        }),
      ),
    ).rejects.toBe(full);
    expect(await fs.readFile(target, 'utf8')).toBe('previous bundle');
    expect(await fs.readdir(dir)).toEqual(['bundle.llb']);
  });
});

describe('opening files', () => {
  it('reads every picked file with its base name only', async () => {
    await fs.writeFile(path.join(dir, 'a.llb'), new Uint8Array([1]));
    await fs.writeFile(path.join(dir, 'b.llb'), new Uint8Array([2, 3]));
    let multi = false;
    const result = await openFiles(
      { multiple: true },
      deps({
        showOpenDialog: (options) => {
          multi = options.properties?.includes('multiSelections') ?? false;
          return Promise.resolve({
            canceled: false,
            filePaths: [path.join(dir, 'a.llb'), path.join(dir, 'b.llb')],
          });
        },
      }),
    );
    expect(multi).toBe(true);
    expect(result.files.map((f) => [f.name, [...f.data]])).toEqual([
      ['a.llb', [1]],
      ['b.llb', [2, 3]],
    ]);
    expect(result.files[0]?.data).toBeInstanceOf(Uint8Array);
  });

  it('returns no files when the person cancels', async () => {
    await expect(openFiles({ multiple: false }, deps())).resolves.toEqual({ files: [] });
  });

  it('refuses a file larger than the cap before reading it', async () => {
    const big = path.join(dir, 'huge.llb');
    const handle = await fs.open(big, 'w');
    await handle.truncate(MAX_FILE_BYTES + 1); // sparse: no real disk use
    await handle.close();
    let read = false;
    const watchingFs = {
      ...fs,
      readFile: (...args: Parameters<typeof fs.readFile>) => {
        read = true;
        return fs.readFile(...args);
      },
    } as unknown as FileHandlerDeps['fs'];
    const failure = await openFiles(
      { multiple: false },
      deps({
        showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [big] }),
        fs: watchingFs,
      }),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IpcFailure);
    expect((failure as IpcFailure).code).toBe('too-large');
    expect(read).toBe(false);
  });
});
