import { describe, expect, it, vi } from 'vitest';
import { createIpcHandler } from '../../../electron/ipc.main';
import { type FrameLike } from '../../../electron/security.main';
import { ipcContract, MAX_FILE_BYTES, MAX_FOLDER_FILES } from '../../../shared/ipc/contract';
import { decodeIpcError } from '../../../shared/ipc/errors';

// The folder channels' schemas: the renderer names a folder only by the id it was given and
// a file only by a bare name; anything else is refused before a job runs.
const write = ipcContract['folder:write'].args;
const list = ipcContract['folder:list'].args;
const read = ipcContract['folder:read-file'].args;
const choose = ipcContract['folder:choose'].args;

const ok = { folderId: '6f1c2a4e-1b7d-4c55-9a0e-3c2d1e0f9a8b', name: 'a.llb' };

describe('folder channel arguments', () => {
  it('accept a purpose, an id, a bare name and bytes', () => {
    expect(choose.safeParse({ purpose: 'export' }).success).toBe(true);
    expect(choose.safeParse({ purpose: 'import' }).success).toBe(true);
    expect(write.safeParse({ ...ok, data: new Uint8Array(3) }).success).toBe(true);
    expect(list.safeParse({ folderId: ok.folderId, extensions: ['llb', 'LLB'] }).success).toBe(
      true,
    );
    expect(read.safeParse(ok).success).toBe(true);
  });

  it('refuse a path where an id or a name belongs', () => {
    const bad: unknown[] = [
      { ...ok, folderId: '/media/usb', data: new Uint8Array(1) },
      { ...ok, folderId: 'C:\\bundles', data: new Uint8Array(1) },
      { ...ok, folderId: '..', data: new Uint8Array(1) },
      { ...ok, folderId: '', data: new Uint8Array(1) },
      { ...ok, folderId: 'x'.repeat(65), data: new Uint8Array(1) },
      { ...ok, name: '../a.llb', data: new Uint8Array(1) },
      { ...ok, name: '..', data: new Uint8Array(1) },
      { ...ok, name: 'sub/a.llb', data: new Uint8Array(1) },
      { ...ok, name: 'sub\\a.llb', data: new Uint8Array(1) },
      { ...ok, name: 'a.llb', data: new Uint8Array(1), path: '/etc' },
      { ...ok, data: [1, 2, 3] },
    ];
    for (const args of bad) expect(write.safeParse(args).success, JSON.stringify(args)).toBe(false);
    expect(read.safeParse({ ...ok, name: '../../etc/passwd' }).success).toBe(false);
    expect(choose.safeParse({ purpose: 'anywhere' }).success).toBe(false);
    expect(choose.safeParse({ purpose: 'export', defaultPath: '/' }).success).toBe(false);
  });

  it('refuse extensions that are patterns or paths, and an empty list', () => {
    for (const extensions of [[], ['*'], ['.llb'], ['../x'], ['l l b'], Array(21).fill('llb')]) {
      expect(list.safeParse({ folderId: ok.folderId, extensions }).success).toBe(false);
    }
  });

  it('cap the bytes of a write and of a read, and the length of a listing', () => {
    const huge = new Uint8Array(1);
    Object.defineProperty(huge, 'byteLength', { value: MAX_FILE_BYTES + 1 });
    expect(write.safeParse({ ...ok, data: huge }).success).toBe(false);
    expect(
      ipcContract['folder:read-file'].result.safeParse({ name: 'a.llb', data: huge }).success,
    ).toBe(false);
    const files = Array.from({ length: MAX_FOLDER_FILES + 1 }, (_, i) => ({
      name: `${i}.llb`,
      size: 1,
    }));
    expect(ipcContract['folder:list'].result.safeParse({ files }).success).toBe(false);
  });
});

describe('the gate in front of folder:write', () => {
  it('never runs the job for a name that would leave the folder', async () => {
    const warn = vi.fn<(message: string) => void>();
    const sender = { id: 1 };
    const frame: FrameLike = { url: 'app://liaison-log/index.html', parent: null };
    const job = vi.fn(() => Promise.resolve({ name: 'a.llb', location: '/media/usb/a.llb' }));
    const handler = createIpcHandler('folder:write', job, {
      isAppWebContents: (s) => s === sender,
      warn,
    });
    const error = await handler(
      { sender, senderFrame: frame },
      { ...ok, name: '../../.bashrc', data: new Uint8Array(1) },
    ).catch((e: unknown) => e);
    expect(decodeIpcError(error instanceof Error ? error.message : '')).toBe('refused');
    expect(job).not.toHaveBeenCalled();
    // The log names the field, never the value.
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('name: not a safe file name'));
    expect(warn.mock.calls[0]?.[0]).not.toContain('bashrc');

    await expect(
      handler({ sender, senderFrame: frame }, { ...ok, data: new Uint8Array([1]) }),
    ).resolves.toEqual({ name: 'a.llb', location: '/media/usb/a.llb' });
  });
});
