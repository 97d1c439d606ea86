import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  OpenedFilesInbox,
  openedFilePaths,
  openedPathKey,
} from '../../../electron/opened-files.main';
import { MAX_OPEN_FILES } from '../../../shared/ipc/contract';

const posix = { ownPaths: ['/opt/liaison-log/liaison-log'], path: path.posix };
const windows = {
  ownPaths: ['C:\\Program Files\\Liaison Log\\Liaison Log.exe'],
  path: path.win32,
  caseInsensitive: true,
};

describe('which opened paths are taken', () => {
  it('keeps absolute paths with our three extensions, in any case, in order', () => {
    expect(
      openedFilePaths(
        [
          '/opt/liaison-log/liaison-log',
          '/home/o/Downloads/batch.llb',
          '/home/o/Downloads/Network.LLPROFILE',
          '/home/o/card.llEnroll',
        ],
        posix,
      ),
    ).toEqual([
      '/home/o/Downloads/batch.llb',
      '/home/o/Downloads/Network.LLPROFILE',
      '/home/o/card.llEnroll',
    ]);
  });

  it('drops flags, relative paths, other extensions, the app itself and odd strings', () => {
    expect(
      openedFilePaths(
        [
          '--allow-file-access-from-files',
          '--open=/home/o/a.llb',
          '-psn_0_12345',
          'a.llb',
          './b.llb',
          '../c.llprofile',
          '/home/o/notes.txt',
          '/home/o/a.llb.exe',
          '/home/o/llb',
          '/home/o/.llb',
          '/home/o/x\0.llb',
          '',
          '/opt/liaison-log/liaison-log',
        ],
        { ...posix, ownPaths: [...posix.ownPaths, '/home/o/self.llb'] },
      ),
    ).toEqual([]);
    expect(
      openedFilePaths(['/home/o/self.llb'], { ...posix, ownPaths: ['/home/o/self.llb'] }),
    ).toEqual([]);
  });

  it('follows Windows rules: drive and share paths, never the device namespace', () => {
    expect(
      openedFilePaths(
        [
          'C:\\Program Files\\Liaison Log\\Liaison Log.exe',
          'C:\\Users\\o\\Downloads\\batch.llb',
          '\\\\server\\share\\receipt.LLB',
          '\\\\?\\C:\\Users\\o\\long.llb',
          '\\\\.\\pipe\\evil.llb',
          '\\\\?\\GLOBALROOT\\Device\\x.llb',
          'Downloads\\rel.llb',
          'C:rel.llb',
        ],
        windows,
      ),
    ).toEqual([
      'C:\\Users\\o\\Downloads\\batch.llb',
      '\\\\server\\share\\receipt.LLB',
      '\\\\?\\C:\\Users\\o\\long.llb',
    ]);
  });

  it('takes each file once (Windows ignores case) and at most the cap', () => {
    expect(
      openedFilePaths(
        ['/home/o/a.llb', '/home/o/./a.llb', '/home/o/b.llb', '/home/o/a.llb'],
        posix,
      ),
    ).toEqual(['/home/o/a.llb', '/home/o/b.llb']);
    expect(openedFilePaths(['C:\\A.llb', 'c:\\a.LLB'], windows)).toEqual(['C:\\A.llb']);
    const many = Array.from({ length: MAX_OPEN_FILES + 5 }, (_, i) => `/home/o/${i}.llb`);
    const taken = openedFilePaths(many, posix);
    expect(taken).toHaveLength(MAX_OPEN_FILES);
    expect(taken[0]).toBe('/home/o/0.llb');
    expect(openedFilePaths(many, posix, 3)).toEqual([
      '/home/o/0.llb',
      '/home/o/1.llb',
      '/home/o/2.llb',
    ]);
    expect(openedPathKey('C:\\Dir\\..\\A.LLB', windows)).toBe('c:\\a.llb');
  });
});

describe('the opened-files inbox', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-opened-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const file = async (name: string, bytes: number[]): Promise<string> => {
    const p = path.join(dir, name);
    await fs.writeFile(p, new Uint8Array(bytes));
    return p;
  };

  it('reads each file on its own: an unreadable one does not stop the others', async () => {
    const notify = vi.fn();
    const warn = vi.fn();
    const inbox = new OpenedFilesInbox({ notify, warn });
    const a = await file('a.llb', [1, 2]);
    const folder = path.join(dir, 'folder.llb');
    await fs.mkdir(folder);
    const b = await file('b.llprofile', [3]);
    await inbox.add([a, path.join(dir, 'gone.llb'), folder, b]);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(inbox.take()).toEqual([
      { name: 'a.llb', data: new Uint8Array([1, 2]) },
      { name: 'gone.llb', unreadable: 'not-found' },
      { name: 'folder.llb', unreadable: 'not-found' },
      { name: 'b.llprofile', data: new Uint8Array([3]) },
    ]);
    // The log names the file, never its folder.
    for (const [message] of warn.mock.calls) expect(String(message)).not.toContain(dir);
  });

  it('empties on take, keeps batches in order until then, and skips a file already waiting', async () => {
    const notify = vi.fn();
    const inbox = new OpenedFilesInbox({ notify });
    const a = await file('a.llb', [1]);
    const b = await file('b.llb', [2]);
    await inbox.add([a]);
    await inbox.add([b, a]);
    expect(notify).toHaveBeenCalledTimes(2);
    expect(inbox.take().map((r) => r.name)).toEqual(['a.llb', 'b.llb']);
    expect(inbox.take()).toEqual([]);
    expect(inbox.size).toBe(0);
    // Taken, then opened again: a new request, read again.
    await inbox.add([a]);
    expect(inbox.take().map((r) => r.name)).toEqual(['a.llb']);
  });

  it('does not notify for a batch that brought nothing new', async () => {
    const notify = vi.fn();
    const inbox = new OpenedFilesInbox({ notify });
    const a = await file('a.llb', [1]);
    await inbox.add([a]);
    await inbox.add([a]);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('holds one reply at most: past the file cap, files are left out and logged', async () => {
    const warn = vi.fn();
    const inbox = new OpenedFilesInbox({ notify: () => undefined, warn });
    const paths = Array.from({ length: MAX_OPEN_FILES + 2 }, (_, i) => path.join(dir, `${i}.llb`));
    await inbox.add(paths);
    expect(inbox.size).toBe(MAX_OPEN_FILES);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('2 opened file(s) left out'));
    inbox.take();
  });

  it('refuses a file that would pass the byte cap as batch-too-large, and reads the rest', async () => {
    const inbox = new OpenedFilesInbox({ notify: () => undefined, capacity: 4 });
    await inbox.add([await file('a.llb', [1, 2, 3])]);
    await inbox.add([await file('b.llb', [4, 5]), await file('c.llb', [6])]);
    expect(inbox.take()).toEqual([
      { name: 'a.llb', data: new Uint8Array([1, 2, 3]) },
      { name: 'b.llb', unreadable: 'batch-too-large' },
      { name: 'c.llb', data: new Uint8Array([6]) },
    ]);
    // Taken: the room is back.
    await inbox.add([await file('d.llb', [7, 8, 9, 10])]);
    expect(inbox.take()).toEqual([{ name: 'd.llb', data: new Uint8Array([7, 8, 9, 10]) }]);
  });
});
