import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appInfo,
  openFiles,
  readLocalFiles,
  saveFile,
  type FileHandlerDeps,
} from '../../../electron/file-handlers.main';
import { IpcFailure } from '../../../electron/ipc.main';
import { MAX_FILE_BYTES, MAX_OPEN_FILES } from '../../../shared/ipc/contract';

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
    expect(result.files).toEqual([
      { name: 'a.llb', data: new Uint8Array([1]) },
      { name: 'b.llb', data: new Uint8Array([2, 3]) },
    ]);
    const first = result.files[0];
    expect(first && 'data' in first ? first.data : null).toBeInstanceOf(Uint8Array);
  });

  it('returns no files when the person cancels', async () => {
    await expect(openFiles({ multiple: false }, deps())).resolves.toEqual({ files: [] });
  });

  it('refuses a file larger than the cap without reading it, and reads the others', async () => {
    const big = path.join(dir, 'huge.llb');
    const handle = await fs.open(big, 'w');
    await handle.truncate(MAX_FILE_BYTES + 1); // sparse: no real disk use
    await handle.close();
    await fs.writeFile(path.join(dir, 'ok.llb'), new Uint8Array([4]));
    const read: string[] = [];
    const watchingFs = {
      ...fs,
      readFile: (file: string) => {
        read.push(path.basename(file));
        return fs.readFile(file);
      },
    } as unknown as FileHandlerDeps['fs'];
    const warnings: string[] = [];
    const result = await openFiles(
      { multiple: true },
      deps({
        showOpenDialog: () =>
          Promise.resolve({ canceled: false, filePaths: [big, path.join(dir, 'ok.llb')] }),
        fs: watchingFs,
        warn: (m) => warnings.push(m),
      }),
    );
    expect(result.files).toEqual([
      { name: 'huge.llb', unreadable: 'too-large' },
      { name: 'ok.llb', data: new Uint8Array([4]) },
    ]);
    expect(read).toEqual(['ok.llb']);
    expect(warnings.join('\n')).toContain('huge.llb not read (too-large)');
  });

  it('refuses unread a file larger than any valid bundle (100 MiB), and reads the others', async () => {
    // Under the old cap of 512 MiB this was read whole; no valid bundle is over about 32 MiB.
    const big = path.join(dir, 'big.llb');
    const handle = await fs.open(big, 'w');
    await handle.truncate(100 * 1024 * 1024); // sparse: no real disk use
    await handle.close();
    await fs.writeFile(path.join(dir, 'ok.llb'), new Uint8Array([4]));
    const read: string[] = [];
    const watchingFs = {
      ...fs,
      readFile: (file: string) => {
        read.push(path.basename(file));
        return fs.readFile(file);
      },
    } as unknown as FileHandlerDeps['fs'];
    const result = await openFiles(
      { multiple: true },
      deps({
        showOpenDialog: () =>
          Promise.resolve({ canceled: false, filePaths: [big, path.join(dir, 'ok.llb')] }),
        fs: watchingFs,
      }),
    );
    // Compared by size: a diff of 100 MiB of bytes would take minutes to print.
    expect(
      result.files.map((f) => [f.name, 'data' in f ? f.data.byteLength : f.unreadable]),
    ).toEqual([
      ['big.llb', 'too-large'],
      ['ok.llb', 1],
    ]);
    expect(read).toEqual(['ok.llb']);
  });

  it('reports a file removed between the choice and the read, and reads the others', async () => {
    const paths = ['a.llb', 'gone.llb', 'late.llb', 'z.llb'].map((n) => path.join(dir, n));
    for (const p of paths) await fs.writeFile(p, new Uint8Array([7]));
    await fs.rm(paths[1] ?? ''); // gone before the stat
    // Gone between the size check and the read.
    const racingFs = {
      ...fs,
      readFile: async (file: string) => {
        if (file === paths[2]) await fs.rm(file);
        return fs.readFile(file);
      },
    } as unknown as FileHandlerDeps['fs'];
    const result = await openFiles(
      { multiple: true },
      deps({
        showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: paths }),
        fs: racingFs,
      }),
    );
    expect(result.files).toEqual([
      { name: 'a.llb', data: new Uint8Array([7]) },
      { name: 'gone.llb', unreadable: 'not-found' },
      { name: 'late.llb', unreadable: 'not-found' },
      { name: 'z.llb', data: new Uint8Array([7]) },
    ]);
  });

  it('reports a file the OS will not let it read, or that is not a file', async () => {
    const locked = path.join(dir, 'locked.llb');
    const broken = path.join(dir, 'broken.llb');
    const folder = path.join(dir, 'folder.llb');
    await fs.writeFile(locked, new Uint8Array([1]));
    await fs.writeFile(broken, new Uint8Array([1]));
    await fs.mkdir(folder);
    const failing = (code: string) => Object.assign(new Error(code), { code });
    const lockingFs = {
      ...fs,
      readFile: (file: string) => {
        if (file === locked) return Promise.reject(failing('EACCES'));
        if (file === broken) return Promise.reject(failing('EIO'));
        return fs.readFile(file);
      },
    } as unknown as FileHandlerDeps['fs'];
    const result = await openFiles(
      { multiple: true },
      deps({
        showOpenDialog: () =>
          Promise.resolve({ canceled: false, filePaths: [locked, broken, folder] }),
        fs: lockingFs,
      }),
    );
    expect(result.files).toEqual([
      { name: 'locked.llb', unreadable: 'permission-denied' },
      { name: 'broken.llb', unreadable: 'io' },
      { name: 'folder.llb', unreadable: 'not-found' },
    ]);
  });

  it('keeps one reply under the cap: a file past it is refused on its own, later ones read', async () => {
    const names = ['a.llb', 'big.llb', 'c.llb'];
    const paths = names.map((n) => path.join(dir, n));
    for (const p of paths) await fs.writeFile(p, new Uint8Array([1]));
    // big.llb claims exactly the per-file cap; the reply's room is set to the same figure
    // (it stands for the batch cap): alone it would pass, after a.llb it would not.
    const sizedFs = {
      ...fs,
      stat: async (file: string) => {
        const info = await fs.stat(file);
        return file === paths[1]
          ? Object.assign(Object.create(info) as typeof info, { size: MAX_FILE_BYTES })
          : info;
      },
    } as unknown as FileHandlerDeps['fs'];
    const files = await readLocalFiles(paths, { fs: sizedFs, room: MAX_FILE_BYTES });
    expect(files).toEqual([
      { name: 'a.llb', data: new Uint8Array([1]) },
      { name: 'big.llb', unreadable: 'batch-too-large' },
      { name: 'c.llb', data: new Uint8Array([1]) },
    ]);
  });

  it('still refuses the whole pick when there are too many files', async () => {
    const paths = Array.from({ length: MAX_OPEN_FILES + 1 }, (_, i) => path.join(dir, `${i}.llb`));
    const failure = await openFiles(
      { multiple: true },
      deps({ showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: paths }) }),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IpcFailure);
    expect((failure as IpcFailure).code).toBe('too-large');
  });
});
