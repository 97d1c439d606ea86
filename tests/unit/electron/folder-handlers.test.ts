import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  chooseFolder,
  forgetFolder,
  getFolder,
  listFolder,
  readFolderFile,
  resolveInFolder,
  writeToFolder,
  type FolderHandlerDeps,
} from '../../../electron/folder-handlers.main';
import { FolderStore } from '../../../electron/folder-store.main';
import { IpcFailure } from '../../../electron/ipc.main';
import { MAX_FILE_BYTES } from '../../../shared/ipc/contract';

// The folder jobs against a real temp directory: a "USB stick" folder the person chose, and
// a userData folder holding the list of chosen folders.
let root: string;
let stick: string;
let userData: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-folders-'));
  stick = path.join(root, 'stick');
  userData = path.join(root, 'userData');
  await fs.mkdir(stick);
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

function deps(overrides: Partial<FolderHandlerDeps> = {}): FolderHandlerDeps {
  let n = 0;
  return {
    store: new FolderStore({
      file: path.join(userData, 'folders.json'),
      newId: () => `folder-${(n += 1)}`,
      warn: () => undefined,
    }),
    showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [stick] }),
    defaultDirectory: () => root,
    tempSuffix: () => 'tmp',
    warn: () => undefined,
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<IpcFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IpcFailure);
  return error as IpcFailure;
}

/** A deps with the stick already chosen for export, and its id. */
async function withExportFolder(overrides: Partial<FolderHandlerDeps> = {}) {
  const d = deps(overrides);
  const { folder } = await chooseFolder({ purpose: 'export' }, d);
  if (!folder) throw new Error('expected a folder');
  return { d, id: folder.id };
}

describe('choosing a folder', () => {
  it('opens a folder picker, remembers the choice, and answers with an id and the path', async () => {
    let offered: { properties?: string[]; defaultPath?: string } = {};
    const d = deps({
      showOpenDialog: (options) => {
        offered = options;
        return Promise.resolve({ canceled: false, filePaths: [stick] });
      },
    });
    const chosen = await chooseFolder({ purpose: 'export' }, d);
    expect(chosen).toEqual({ folder: { id: 'folder-1', label: stick } });
    expect(offered.properties).toContain('openDirectory');
    expect(offered.defaultPath).toBe(root);
    await expect(getFolder({ purpose: 'export' }, d)).resolves.toEqual(chosen);
    await expect(getFolder({ purpose: 'import' }, d)).resolves.toEqual({ folder: null });
  });

  it('starts the picker in the folder chosen last time', async () => {
    const { d } = await withExportFolder();
    const showOpenDialog = vi.fn<FolderHandlerDeps['showOpenDialog']>(() =>
      Promise.resolve({ canceled: true, filePaths: [] }),
    );
    await expect(chooseFolder({ purpose: 'export' }, { ...d, showOpenDialog })).resolves.toEqual({
      folder: null,
    });
    expect(showOpenDialog.mock.calls[0]?.[0].defaultPath).toBe(stick);
    // Cancelling keeps the earlier choice.
    await expect(getFolder({ purpose: 'export' }, d)).resolves.toMatchObject({
      folder: { id: 'folder-1' },
    });
  });

  it('keeps the choice for the next start of the app', async () => {
    await withExportFolder();
    const restarted = deps();
    await expect(getFolder({ purpose: 'export' }, restarted)).resolves.toEqual({
      folder: { id: 'folder-1', label: stick },
    });
  });

  it('forgets a choice, after which its id no longer opens the folder', async () => {
    const { d, id } = await withExportFolder();
    await expect(forgetFolder({ purpose: 'export' }, d)).resolves.toEqual({ forgotten: true });
    await expect(forgetFolder({ purpose: 'export' }, d)).resolves.toEqual({ forgotten: false });
    await expect(getFolder({ purpose: 'export' }, d)).resolves.toEqual({ folder: null });
    const failure = await failureOf(
      writeToFolder({ folderId: id, name: 'a.llb', data: new Uint8Array(1) }, d),
    );
    expect(failure.code).toBe('folder-gone');
    expect(await fs.readdir(stick)).toEqual([]);
  });

  it('refuses a picked path that is not a folder', async () => {
    const file = path.join(root, 'plain.txt');
    await fs.writeFile(file, 'x');
    const d = deps({
      showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [file] }),
    });
    expect((await failureOf(chooseFolder({ purpose: 'import' }, d))).code).toBe('folder-gone');
    await expect(getFolder({ purpose: 'import' }, d)).resolves.toEqual({ folder: null });
  });
});

describe('writing into the chosen folder', () => {
  it('writes the bytes under the name and says where', async () => {
    const { d, id } = await withExportFolder();
    const result = await writeToFolder(
      { folderId: id, name: 'BKK-officer-1.llb', data: new Uint8Array([1, 2, 3]) },
      d,
    );
    const target = path.join(stick, 'BKK-officer-1.llb');
    expect(result).toEqual({ name: 'BKK-officer-1.llb', location: target });
    expect([...(await fs.readFile(target))]).toEqual([1, 2, 3]);
    expect(await fs.readdir(stick)).toEqual(['BKK-officer-1.llb']);
  });

  it('never overwrites: a taken name becomes "name (2)", then "name (3)"', async () => {
    const { d, id } = await withExportFolder();
    await fs.writeFile(path.join(stick, 'b.llb'), 'first');
    const second = await writeToFolder({ folderId: id, name: 'b.llb', data: Buffer.from('2') }, d);
    const third = await writeToFolder({ folderId: id, name: 'b.llb', data: Buffer.from('3') }, d);
    expect([second.name, third.name]).toEqual(['b (2).llb', 'b (3).llb']);
    expect(await fs.readFile(path.join(stick, 'b.llb'), 'utf8')).toBe('first');
    expect(await fs.readFile(path.join(stick, 'b (2).llb'), 'utf8')).toBe('2');
    expect(await fs.readFile(path.join(stick, 'b (3).llb'), 'utf8')).toBe('3');
    expect((await fs.readdir(stick)).sort()).toEqual(['b (2).llb', 'b (3).llb', 'b.llb']);
  });

  it('writes a name as long as the contract allows', async () => {
    const { d, id } = await withExportFolder({ tempSuffix: () => crypto.randomUUID() });
    const name = `${'n'.repeat(196)}.llb`;
    await expect(
      writeToFolder({ folderId: id, name, data: new Uint8Array(1) }, d),
    ).resolves.toMatchObject({ name });
    const again = await writeToFolder({ folderId: id, name, data: new Uint8Array(1) }, d);
    expect(again.name.length).toBeLessThanOrEqual(200);
    expect(again.name.endsWith(' (2).llb')).toBe(true);
    expect((await fs.readdir(stick)).sort()).toEqual([again.name, name].sort());
  });

  it('skips a name a sub-folder has', async () => {
    const { d, id } = await withExportFolder();
    await fs.mkdir(path.join(stick, 'b.llb'));
    const result = await writeToFolder({ folderId: id, name: 'b.llb', data: new Uint8Array(1) }, d);
    expect(result.name).toBe('b (2).llb');
  });

  it('writes to a temp name first, so the real name never holds half a file', async () => {
    const seen: string[] = [];
    const watchingFs = {
      ...fs,
      open: async (file: string, flags: string) => {
        seen.push(`open ${path.basename(file)} ${flags}`);
        // At this point nothing may exist under the real name yet.
        seen.push(`real name exists: ${String(await exists(path.join(stick, 'c.llb')))}`);
        return fs.open(file, flags);
      },
    } as unknown as FolderHandlerDeps['fs'];
    const { d, id } = await withExportFolder({ fs: watchingFs });
    await writeToFolder({ folderId: id, name: 'c.llb', data: new Uint8Array([5]) }, d);
    expect(seen).toEqual(['open c.llb.tmp.part wx', 'real name exists: false']);
    expect(await fs.readdir(stick)).toEqual(['c.llb']);
  });

  it('leaves nothing behind when the disk fills during the write', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' });
    const fullFs = {
      ...fs,
      open: async (file: string, flags: string) => {
        const handle = await fs.open(file, flags);
        return Object.assign(Object.create(handle) as object, {
          writeFile: async (data: Uint8Array) => {
            await handle.writeFile(data.subarray(0, 1)); // half written...
            throw full; // ...then the stick is full
          },
          close: () => handle.close(),
        });
      },
    } as unknown as FolderHandlerDeps['fs'];
    const { d, id } = await withExportFolder({ fs: fullFs });
    await expect(
      writeToFolder({ folderId: id, name: 'd.llb', data: new Uint8Array([1, 2, 3]) }, d),
    ).rejects.toBe(full);
    expect(await fs.readdir(stick)).toEqual([]);
  });

  it('falls back to check-then-rename on a file system without hard links (FAT sticks)', async () => {
    // Linux says EPERM, macOS ENOTSUP, Windows on FAT even EISDIR.
    for (const code of ['EPERM', 'ENOTSUP', 'EISDIR']) {
      const noLinks = {
        ...fs,
        link: () => Promise.reject(Object.assign(new Error(code), { code })),
      } as unknown as FolderHandlerDeps['fs'];
      const { d, id } = await withExportFolder({ fs: noLinks });
      await fs.writeFile(path.join(stick, 'e.llb'), 'old');
      const result = await writeToFolder(
        { folderId: id, name: 'e.llb', data: Buffer.from(code) },
        d,
      );
      expect(result.name, code).toBe('e (2).llb');
      expect(await fs.readFile(path.join(stick, 'e.llb'), 'utf8')).toBe('old');
      expect(await fs.readFile(path.join(stick, 'e (2).llb'), 'utf8')).toBe(code);
      expect((await fs.readdir(stick)).sort()).toEqual(['e (2).llb', 'e.llb']);
      await fs.rm(path.join(stick, 'e (2).llb'));
    }
  });

  it('reports the real error when neither a link nor a rename may be made', async () => {
    const denied = (code: string) => () => Promise.reject(Object.assign(new Error(code), { code }));
    const lockedFs = { ...fs, link: denied('EPERM'), rename: denied('EACCES') };
    const { d, id } = await withExportFolder({
      fs: lockedFs as unknown as FolderHandlerDeps['fs'],
    });
    await expect(
      writeToFolder({ folderId: id, name: 'h.llb', data: new Uint8Array(1) }, d),
    ).rejects.toMatchObject({ code: 'EACCES' });
    expect(await fs.readdir(stick)).toEqual([]);
  });

  it('says the folder is gone when the stick was pulled out', async () => {
    const { d, id } = await withExportFolder();
    await fs.rm(stick, { recursive: true });
    const failure = await failureOf(
      writeToFolder({ folderId: id, name: 'f.llb', data: new Uint8Array(1) }, d),
    );
    expect(failure.code).toBe('folder-gone');
  });

  it('writes only into folders it handed out: an unknown id is refused', async () => {
    const { d } = await withExportFolder();
    const failure = await failureOf(
      writeToFolder({ folderId: 'folder-99', name: 'g.llb', data: new Uint8Array(1) }, d),
    );
    expect(failure.code).toBe('folder-gone');
  });

  it('refuses a name that would leave the folder, even past the contract', async () => {
    const { d, id } = await withExportFolder();
    for (const name of ['../escape.llb', '..', 'sub/x.llb', '/etc/passwd']) {
      const failure = await failureOf(
        writeToFolder({ folderId: id, name, data: Buffer.from('x') }, d),
      );
      expect(failure.code, name).toBe('refused');
    }
    expect(await fs.readdir(stick)).toEqual([]);
    expect(await fs.readdir(root)).not.toContain('escape.llb');
  });
});

describe("writing only the app's own files", () => {
  it('refuses any other extension before touching the folder', async () => {
    const { d, id } = await withExportFolder();
    for (const name of ['autorun.inf', 'setup.exe', 'notes.txt', 'bundle.llb.part', 'llb']) {
      const failure = await failureOf(
        writeToFolder({ folderId: id, name, data: new Uint8Array(1) }, d),
      );
      expect(failure.code, name).toBe('refused');
    }
    expect(await fs.readdir(stick)).toEqual([]);
  });
});

describe('keeping paths inside the folder', () => {
  it('resolves a bare name to a direct child', () => {
    expect(resolveInFolder('/media/usb', 'a.llb', path.posix)).toBe('/media/usb/a.llb');
    expect(resolveInFolder('E:\\bundles', 'a.llb', path.win32)).toBe('E:\\bundles\\a.llb');
  });

  it('refuses every way out, on POSIX and Windows rules', () => {
    const names = ['..', '.', '', '../a.llb', '..\\a.llb', 'a/b.llb', 'C:a.llb', '/abs.llb'];
    for (const name of names) {
      expect(resolveInFolder('/media/usb', name, path.posix), name).toBeNull();
      expect(resolveInFolder('E:\\bundles', name, path.win32), name).toBeNull();
    }
    expect(resolveInFolder('relative/dir', 'a.llb', path.posix)).toBeNull();
  });
});

describe('reading a folder', () => {
  async function withImportFolder() {
    const d = deps();
    const { folder } = await chooseFolder({ purpose: 'import' }, d);
    if (!folder) throw new Error('expected a folder');
    return { d, id: folder.id };
  }

  it('lists the files directly inside with one of the extensions, by name', async () => {
    await fs.writeFile(path.join(stick, 'b.llb'), new Uint8Array(3));
    await fs.writeFile(path.join(stick, 'a.LLB'), new Uint8Array(1));
    await fs.writeFile(path.join(stick, 'notes.txt'), 'x');
    await fs.writeFile(path.join(stick, '._a.llb'), 'resource fork');
    await fs.writeFile(path.join(stick, 'c.llb.tmp.part'), 'half');
    await fs.mkdir(path.join(stick, 'nested.llb'));
    await fs.writeFile(path.join(stick, 'nested.llb', 'deep.llb'), 'x');
    await fs.writeFile(path.join(root, 'outside.llb'), 'secret');
    await fs.symlink(path.join(root, 'outside.llb'), path.join(stick, 'link.llb'));
    const { d, id } = await withImportFolder();
    await expect(listFolder({ folderId: id, extensions: ['llb'] }, d)).resolves.toEqual({
      files: [
        { name: 'a.LLB', size: 1 },
        { name: 'b.llb', size: 3 },
      ],
    });
  });

  it('reads one listed file by its bare name', async () => {
    await fs.writeFile(path.join(stick, 'a.llb'), new Uint8Array([4, 5]));
    const { d, id } = await withImportFolder();
    const file = await readFolderFile({ folderId: id, name: 'a.llb' }, d);
    expect(file.name).toBe('a.llb');
    expect([...file.data]).toEqual([4, 5]);
    expect(file.data).toBeInstanceOf(Uint8Array);
  });

  it('refuses a file over the cap before reading it', async () => {
    // 100 MiB: three times the largest valid bundle, yet read whole under the old 512 MiB cap.
    const HUGE = 100 * 1024 * 1024;
    expect(HUGE).toBeGreaterThan(MAX_FILE_BYTES);
    const handle = await fs.open(path.join(stick, 'huge.llb'), 'w');
    await handle.truncate(HUGE); // sparse: no real disk use
    await handle.close();
    let opened = false;
    const watchingFs = {
      ...fs,
      open: (...args: Parameters<typeof fs.open>) => {
        opened = true;
        return fs.open(...args);
      },
    } as unknown as FolderHandlerDeps['fs'];
    const d = deps({ fs: watchingFs });
    const { folder } = await chooseFolder({ purpose: 'import' }, d);
    const failure = await failureOf(
      readFolderFile({ folderId: folder?.id ?? '', name: 'huge.llb' }, d),
    );
    expect(failure.code).toBe('too-large');
    expect(opened).toBe(false);
    // The listing still names it, with its size, so the renderer can say which file.
    const listed = await listFolder({ folderId: folder?.id ?? '', extensions: ['llb'] }, d);
    expect(listed.files).toEqual([{ name: 'huge.llb', size: HUGE }]);
  });

  it('refuses a symlink and a name that would leave the folder', async () => {
    await fs.writeFile(path.join(root, 'outside.llb'), 'secret');
    await fs.symlink(path.join(root, 'outside.llb'), path.join(stick, 'link.llb'));
    const { d, id } = await withImportFolder();
    expect((await failureOf(readFolderFile({ folderId: id, name: 'link.llb' }, d))).code).toBe(
      'not-found',
    );
    const escape = await failureOf(readFolderFile({ folderId: id, name: '../outside.llb' }, d));
    expect(escape.code).toBe('refused');
  });

  it("lists and reads only the app's own files, whatever extensions the page asks for", async () => {
    for (const name of ['a.llb', 'p.LLPROFILE', 'e.llenroll', 'notes.txt', 'id_ed25519.key'])
      await fs.writeFile(path.join(stick, name), 'x');
    const { d, id } = await withImportFolder();
    const asked = ['llb', 'llprofile', 'llenroll', 'txt', 'key'];
    const listed = await listFolder({ folderId: id, extensions: asked }, d);
    expect(listed.files.map((f) => f.name)).toEqual(['a.llb', 'e.llenroll', 'p.LLPROFILE']);
    for (const name of ['notes.txt', 'id_ed25519.key']) {
      const failure = await failureOf(readFolderFile({ folderId: id, name }, d));
      expect(failure.code, name).toBe('refused');
    }
    expect((await readFolderFile({ folderId: id, name: 'p.LLPROFILE' }, d)).name).toBe(
      'p.LLPROFILE',
    );
  });

  it('says the folder is gone when it was removed', async () => {
    const { d, id } = await withImportFolder();
    await fs.rm(stick, { recursive: true });
    const failure = await failureOf(listFolder({ folderId: id, extensions: ['llb'] }, d));
    expect(failure.code).toBe('folder-gone');
  });
});

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
