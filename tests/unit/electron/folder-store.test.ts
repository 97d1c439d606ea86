import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FolderStore, type FolderStoreDeps } from '../../../electron/folder-store.main';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-store-'));
  file = path.join(dir, 'userData', 'folders.json');
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function store(overrides: Partial<FolderStoreDeps> = {}) {
  let n = 0;
  const warn = vi.fn<(message: string) => void>();
  return {
    warn,
    store: new FolderStore({ file, newId: () => `id-${(n += 1)}`, warn, ...overrides }),
  };
}

describe('the list of chosen folders', () => {
  it('starts empty without creating anything on disk', async () => {
    const { store: s } = store();
    await expect(s.get('export')).resolves.toBeNull();
    await expect(s.pathOf('id-1')).resolves.toBeNull();
    await expect(fs.readdir(dir)).resolves.toEqual([]);
  });

  it('keeps one folder per purpose, on disk, under a fresh id each time', async () => {
    const { store: s } = store();
    const usb = path.join(dir, 'usb');
    const share = path.join(dir, 'share');
    await s.set('export', usb);
    await s.set('import', share);
    const again = await s.set('export', share);
    expect(again).toEqual({ id: 'id-3', path: share });
    // The replaced choice's id stops working.
    await expect(s.pathOf('id-1')).resolves.toBeNull();
    await expect(s.pathOf('id-2')).resolves.toBe(share);
    await expect(s.pathOf('id-3')).resolves.toBe(share);

    const reopened = store().store;
    await expect(reopened.get('export')).resolves.toEqual({ id: 'id-3', path: share });
    await expect(reopened.get('import')).resolves.toEqual({ id: 'id-2', path: share });
    // Written by temp + rename: only the list itself is left.
    await expect(fs.readdir(path.dirname(file))).resolves.toEqual(['folders.json']);
  });

  it('refuses to remember a relative path', async () => {
    const { store: s } = store();
    await expect(s.set('export', 'relative/usb')).rejects.toThrow(/absolute/);
    await expect(s.get('export')).resolves.toBeNull();
  });

  it('treats a damaged or tampered list as empty, and says so in the log', async () => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    for (const content of [
      'not json',
      JSON.stringify({ version: 2, folders: {} }),
      JSON.stringify({ version: 1, folders: { export: { id: 'x', path: 'relative' } } }),
      JSON.stringify({ version: 1, folders: { export: { id: '../x', path: '/media/usb' } } }),
      JSON.stringify({ version: 1, folders: { other: { id: 'x', path: '/media/usb' } } }),
    ]) {
      await fs.writeFile(file, content);
      const { store: s, warn } = store();
      await expect(s.get('export'), content).resolves.toBeNull();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('damaged'));
    }
  });

  it('keeps memory and disk agreeing when a write fails', async () => {
    const failing = {
      ...fs,
      rename: () => Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })),
    } as unknown as FolderStoreDeps['fs'];
    const { store: s } = store({ fs: failing });
    await expect(s.set('export', path.join(dir, 'usb'))).rejects.toThrow('ENOSPC');
    await expect(s.get('export')).resolves.toBeNull();
    await expect(fs.readdir(path.dirname(file))).resolves.toEqual([]);
  });

  it('applies quick successive changes in order', async () => {
    const { store: s } = store();
    await Promise.all([
      s.set('export', path.join(dir, 'a')),
      s.set('import', path.join(dir, 'b')),
      s.forget('export'),
    ]);
    const reopened = store().store;
    await expect(reopened.get('export')).resolves.toBeNull();
    await expect(reopened.get('import')).resolves.toEqual({
      id: 'id-2',
      path: path.join(dir, 'b'),
    });
  });
});
