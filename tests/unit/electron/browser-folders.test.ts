import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  createBrowserFolders,
  platformCodeForDomError,
  type DirectoryHandleLike,
  type FileHandleLike,
  type HandleStore,
  type StoredHandle,
} from '../../../renderer/src/platform/browser-folders';
import { readFileObjects } from '../../../renderer/src/platform/dropped-files';
import { PlatformError } from '../../../renderer/src/platform/errors';
import { createIdbHandleStore } from '../../../renderer/src/platform/handle-store';
import { MAX_FILE_BYTES } from '../../../shared/ipc/contract';

const MiB = 1024 * 1024;

// The browser build's folders (File System Access API) against an in-memory directory that
// behaves like Chromium's: NotFoundError for a missing name, TypeMismatchError for a folder,
// contents visible under a name only once its writable is closed.

interface FakeOptions {
  move?: 'yes' | 'missing' | 'unsupported' | 'not-allowed';
  failWrite?: string;
  permission?: PermissionState;
}

class FakeDir implements DirectoryHandleLike {
  readonly kind = 'directory' as const;
  readonly files = new Map<string, Uint8Array>();
  readonly dirs = new Set<string>();
  /** Which names existed each time bytes were written. */
  readonly namesAtWrite: string[][] = [];
  gone = false;
  /** The file whose getFile() finds the whole folder gone (a USB stick pulled mid-read). */
  goneAt: string | null = null;
  /** Sizes getFile() reports instead of the bytes' own (a huge file without allocating it). */
  readonly claimedSizes = new Map<string, number>();
  /** Files whose bytes were asked for (arrayBuffer), in order. */
  readonly bytesRead: string[] = [];
  /** Files whose getFile() fails, by name, with the DOMException name to fail with. */
  readonly failGetFile = new Map<string, string>();
  permission: PermissionState;

  constructor(
    readonly name: string,
    readonly options: FakeOptions = {},
  ) {
    this.permission = options.permission ?? 'granted';
  }

  queryPermission() {
    return Promise.resolve(this.permission);
  }

  requestPermission() {
    return Promise.resolve(this.permission);
  }

  getFileHandle(name: string, options: { create?: boolean } = {}): Promise<FileHandleLike> {
    if (this.gone) return Promise.reject(new DOMException('gone', 'NotFoundError'));
    if (this.dirs.has(name)) return Promise.reject(new DOMException('dir', 'TypeMismatchError'));
    if (!this.files.has(name)) {
      if (!options.create) return Promise.reject(new DOMException('none', 'NotFoundError'));
      this.files.set(name, new Uint8Array(0));
    }
    return Promise.resolve(this.#handle(name));
  }

  removeEntry(name: string): Promise<void> {
    this.files.delete(name);
    return Promise.resolve();
  }

  values(): AsyncIterable<FileHandleLike | { kind: 'directory'; name: string }> {
    const entries = [
      ...[...this.dirs].map((name) => ({ kind: 'directory' as const, name })),
      ...[...this.files.keys()].map((name) => this.#handle(name)),
    ];
    return {
      [Symbol.asyncIterator]: () => {
        const it = entries[Symbol.iterator]();
        return {
          next: () =>
            this.gone
              ? Promise.reject(new DOMException('gone', 'NotFoundError'))
              : Promise.resolve(it.next()),
        };
      },
    };
  }

  #handle(name: string): FileHandleLike {
    const files = this.files;
    const handle: FileHandleLike = {
      kind: 'file',
      name,
      getFile: () => {
        if (name === this.goneAt) this.gone = true;
        if (this.gone) return Promise.reject(new DOMException('gone', 'NotFoundError'));
        const failure = this.failGetFile.get(name);
        if (failure) return Promise.reject(new DOMException('x', failure));
        const data = files.get(name) ?? new Uint8Array(0);
        return Promise.resolve({
          name,
          size: this.claimedSizes.get(name) ?? data.byteLength,
          arrayBuffer: () => {
            this.bytesRead.push(name);
            return Promise.resolve(data.slice().buffer);
          },
        });
      },
      createWritable: () => {
        const chunks: Uint8Array[] = [];
        return Promise.resolve({
          write: (data: Uint8Array) => {
            this.namesAtWrite.push([...files.keys()].sort());
            if (this.options.failWrite) {
              return Promise.reject(new DOMException('write', this.options.failWrite));
            }
            chunks.push(data.slice());
            return Promise.resolve();
          },
          close: () => {
            files.set(name, new Uint8Array(chunks.flatMap((c) => [...c])));
            return Promise.resolve();
          },
          abort: () => Promise.resolve(),
        });
      },
    };
    if (this.options.move === 'missing') return handle;
    return {
      ...handle,
      move: (to: string) => {
        if (this.options.move === 'unsupported') {
          return Promise.reject(new DOMException('no', 'NotSupportedError'));
        }
        if (this.options.move === 'not-allowed') {
          return Promise.reject(new DOMException('no', 'NotAllowedError'));
        }
        const data = files.get(name) ?? new Uint8Array(0);
        files.delete(name);
        files.set(to, data);
        return Promise.resolve();
      },
    };
  }
}

function memoryStore(): HandleStore {
  const map = new Map<string, StoredHandle>();
  return {
    get: (purpose) => Promise.resolve(map.get(purpose)),
    put: (entry) => {
      map.set(entry.purpose, entry);
      return Promise.resolve();
    },
    delete: (purpose) => {
      map.delete(purpose);
      return Promise.resolve();
    },
  };
}

async function setup(dir = new FakeDir('USB'), store = memoryStore()) {
  let n = 0;
  const folders = createBrowserFolders({
    showDirectoryPicker: () => Promise.resolve(dir),
    store,
    newId: () => `id-${(n += 1)}`,
  });
  const ref = await folders.chooseFolder('export');
  if (!ref) throw new Error('expected a folder');
  return { folders, dir, ref };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return (error as PlatformError).code;
}

const bytes = (...values: number[]) => new Uint8Array(values);

describe('choosing a folder in the browser', () => {
  it('keeps the picked handle under an id and shows the folder name', async () => {
    const { folders, ref } = await setup();
    expect(ref).toEqual({ id: 'id-1', label: 'USB' });
    await expect(folders.getFolder('export')).resolves.toEqual(ref);
    await expect(folders.getFolder('import')).resolves.toBeNull();
    await folders.forgetFolder('export');
    await expect(folders.getFolder('export')).resolves.toBeNull();
    expect(await codeOf(folders.writeToFolder(ref.id, 'a.llb', bytes(1)))).toBe('folder-gone');
  });

  it('answers null when the person cancels the picker', async () => {
    const folders = createBrowserFolders({
      showDirectoryPicker: () => Promise.reject(new DOMException('cancel', 'AbortError')),
      store: memoryStore(),
    });
    await expect(folders.chooseFolder('import')).resolves.toBeNull();
  });

  it('has no folders where the browser has no picker: the screens fall back to files', async () => {
    const folders = createBrowserFolders({ showDirectoryPicker: undefined, store: memoryStore() });
    expect(folders.supported).toBe(false);
    await expect(folders.chooseFolder('export')).resolves.toBeNull();
    await expect(folders.getFolder('export')).resolves.toBeNull();
    expect(await codeOf(folders.readFolder('id-1', { extensions: ['llb'] }))).toBe('folder-gone');
  });
});

describe('writing into a browser folder', () => {
  it('writes under a temp name, then moves it to the real name', async () => {
    const { folders, dir, ref } = await setup();
    const result = await folders.writeToFolder(ref.id, 'a.llb', bytes(1, 2));
    expect(result).toEqual({ name: 'a.llb', location: 'USB/a.llb' });
    expect([...dir.files.keys()]).toEqual(['a.llb']);
    expect([...(dir.files.get('a.llb') ?? [])]).toEqual([1, 2]);
    // When the bytes were written, only the .part file existed.
    expect(dir.namesAtWrite).toEqual([['a.llb.id-2.part']]);
  });

  it('never overwrites: taken names (files or folders) get a number', async () => {
    const { folders, dir, ref } = await setup();
    dir.files.set('b.llb', bytes(9));
    dir.dirs.add('b (2).llb');
    const result = await folders.writeToFolder(ref.id, 'b.llb', bytes(1));
    expect(result.name).toBe('b (3).llb');
    expect([...(dir.files.get('b.llb') ?? [])]).toEqual([9]);
    expect([...dir.files.keys()].sort()).toEqual(['b (3).llb', 'b.llb']);
  });

  it('writes the real name directly where move() is missing or refused', async () => {
    for (const move of ['missing', 'unsupported', 'not-allowed'] as const) {
      const { folders, dir, ref } = await setup(new FakeDir('Share', { move }));
      const result = await folders.writeToFolder(ref.id, 'c.llb', bytes(7));
      expect(result.name, move).toBe('c.llb');
      expect([...dir.files.keys()], move).toEqual(['c.llb']);
      expect([...(dir.files.get('c.llb') ?? [])], move).toEqual([7]);
    }
  });

  it('leaves nothing behind when the disk is full', async () => {
    for (const move of ['yes', 'missing'] as const) {
      const dir = new FakeDir('USB', { move, failWrite: 'QuotaExceededError' });
      const { folders, ref } = await setup(dir);
      expect(await codeOf(folders.writeToFolder(ref.id, 'd.llb', bytes(1))), move).toBe(
        'disk-full',
      );
      expect([...dir.files.keys()], move).toEqual([]);
    }
  });

  it('refuses names with a path in them before touching the folder', async () => {
    const { folders, dir, ref } = await setup();
    for (const name of ['../x.llb', '..', 'a/b.llb', 'a\\b.llb', '']) {
      expect(await codeOf(folders.writeToFolder(ref.id, name, bytes(1))), name).toBe(
        'invalid-name',
      );
    }
    expect(dir.files.size).toBe(0);
  });

  it("refuses to write anything but the app's own files", async () => {
    const { folders, dir, ref } = await setup();
    for (const name of ['autorun.inf', 'setup.exe', 'notes.txt', 'bundle.llb.part']) {
      expect(await codeOf(folders.writeToFolder(ref.id, name, bytes(1))), name).toBe(
        'invalid-name',
      );
    }
    expect(dir.files.size).toBe(0);
  });

  it('says permission-denied when the person refuses access, folder-gone when it was removed', async () => {
    const { folders, dir, ref } = await setup(new FakeDir('USB', { permission: 'denied' }));
    expect(await codeOf(folders.writeToFolder(ref.id, 'e.llb', bytes(1)))).toBe(
      'permission-denied',
    );
    dir.permission = 'granted';
    dir.gone = true;
    expect(await codeOf(folders.writeToFolder(ref.id, 'e.llb', bytes(1)))).toBe('folder-gone');
  });
});

describe('reading a browser folder', () => {
  it('reads matching files directly inside, by name, skipping hidden files and folders', async () => {
    const { folders, dir, ref } = await setup();
    dir.files.set('b.llb', bytes(2));
    dir.files.set('A.LLB', bytes(1));
    dir.files.set('._b.llb', bytes(0));
    dir.files.set('notes.txt', bytes(3));
    dir.files.set('x.llb.id-9.part', bytes(4));
    dir.dirs.add('sub.llb');
    const files = await folders.readFolder(ref.id, { extensions: ['llb'] });
    expect(files).toEqual([
      { name: 'A.LLB', data: bytes(1) },
      { name: 'b.llb', data: bytes(2) },
    ]);
  });

  it("reads only the app's own files, whatever extensions the page asks for", async () => {
    const { folders, dir, ref } = await setup();
    for (const name of ['a.llb', 'p.llprofile', 'e.LLENROLL', 'notes.txt', 'id_ed25519.key'])
      dir.files.set(name, bytes(1));
    const files = await folders.readFolder(ref.id, {
      extensions: ['llb', 'llprofile', 'llenroll', 'txt', 'key'],
    });
    expect(files.map((f) => f.name)).toEqual(['a.llb', 'e.LLENROLL', 'p.llprofile']);
  });

  it('reads the other files when one was removed or locked after the listing', async () => {
    const { folders, dir, ref } = await setup();
    for (const name of ['a.llb', 'b.llb', 'c.llb', 'd.llb']) dir.files.set(name, bytes(1));
    dir.failGetFile.set('b.llb', 'NotFoundError');
    dir.failGetFile.set('c.llb', 'NotAllowedError');
    await expect(folders.readFolder(ref.id, { extensions: ['llb'] })).resolves.toEqual([
      { name: 'a.llb', data: bytes(1) },
      { name: 'b.llb', unreadable: 'not-found' },
      { name: 'c.llb', unreadable: 'permission-denied' },
      { name: 'd.llb', data: bytes(1) },
    ]);
  });
});

describe('the read cap of a browser folder', () => {
  it('refuses unread a file larger than any valid bundle (100 MiB), and reads the others', async () => {
    // 100 MiB passed the old cap of 512 MiB; the largest valid bundle is about 32 MiB.
    const { folders, dir, ref } = await setup();
    for (const name of ['a.llb', 'big.llb', 'c.llb']) dir.files.set(name, bytes(1));
    dir.claimedSizes.set('big.llb', 100 * MiB);
    await expect(folders.readFolder(ref.id, { extensions: ['llb'] })).resolves.toEqual([
      { name: 'a.llb', data: bytes(1) },
      { name: 'big.llb', unreadable: 'too-large' },
      { name: 'c.llb', data: bytes(1) },
    ]);
    expect(dir.bytesRead).toEqual(['a.llb', 'c.llb']);
  });
});

describe('a folder that goes away while it is read', () => {
  it('says the folder is gone once, not "moved or deleted" for every file left', async () => {
    const { folders, dir, ref } = await setup();
    for (const name of ['a.llb', 'b.llb', 'c.llb']) dir.files.set(name, bytes(1));
    dir.goneAt = 'b.llb';
    await expect(folders.readFolder(ref.id, { extensions: ['llb'] })).rejects.toMatchObject({
      code: 'folder-gone',
    });
  });
});

describe('reading File objects (drops, browser folders)', () => {
  const file = (
    name: string,
    size: number,
    read = () => Promise.resolve(new ArrayBuffer(size)),
  ) => ({
    name,
    size,
    arrayBuffer: read,
  });

  it('keeps only the wanted extensions when asked, and reads them in order', async () => {
    const files = await readFileObjects([file('a.llb', 2), file('b.txt', 1), file('c.LLB', 1)], {
      extensions: ['llb'],
    });
    expect(files.map((f) => [f.name, 'data' in f ? f.data.byteLength : f.unreadable])).toEqual([
      ['a.llb', 2],
      ['c.LLB', 1],
    ]);
    await expect(readFileObjects([file('b.txt', 1)])).resolves.toHaveLength(1);
  });

  it('refuses a file over the cap without reading it, and still reads the others', async () => {
    const read: string[] = [];
    const counted = (name: string) => () => {
      read.push(name);
      return Promise.resolve(new ArrayBuffer(1));
    };
    const files = await readFileObjects([
      file('ok.llb', 1, counted('ok.llb')),
      file('huge.llb', MAX_FILE_BYTES + 1, counted('huge.llb')),
      file('last.llb', 1, counted('last.llb')),
    ]);
    expect(files).toEqual([
      { name: 'ok.llb', data: new Uint8Array(1) },
      { name: 'huge.llb', unreadable: 'too-large' },
      { name: 'last.llb', data: new Uint8Array(1) },
    ]);
    expect(read).toEqual(['ok.llb', 'last.llb']);
  });

  it('refuses unread a dropped file larger than any valid bundle (100 MiB)', async () => {
    const read: string[] = [];
    const counted = (name: string, size: number) =>
      file(name, size, () => {
        read.push(name);
        return Promise.resolve(new ArrayBuffer(1));
      });
    const files = await readFileObjects([counted('big.llb', 100 * MiB), counted('ok.llb', 1)]);
    expect(files).toEqual([
      { name: 'big.llb', unreadable: 'too-large' },
      { name: 'ok.llb', data: new Uint8Array(1) },
    ]);
    expect(read).toEqual(['ok.llb']);
  });

  it('leaves unread the files past the batch cap of one drop, and reads the rest', async () => {
    const read: string[] = [];
    const sized = (name: string, size: number) =>
      file(name, size, () => {
        read.push(name);
        return Promise.resolve(new ArrayBuffer(size));
      });
    // A batch cap of 10 bytes stands for MAX_BATCH_BYTES (512 MiB) here.
    const files = await readFileObjects(
      [sized('a.llb', 4), sized('b.llb', 4), sized('c.llb', 4), sized('d.llb', 2)],
      {},
      10,
    );
    expect(files.map((f) => ('data' in f ? f.data.byteLength : f.unreadable))).toEqual([
      4,
      4,
      'batch-too-large',
      2,
    ]);
    expect(read).toEqual(['a.llb', 'b.llb', 'd.llb']);
  });

  it('gives a dropped file that cannot be read its own result, between good ones', async () => {
    const files = await readFileObjects([
      file('a.llb', 1),
      file('changed.llb', 1, () => Promise.reject(new DOMException('x', 'NotReadableError'))),
      file('gone.llb', 1, () => Promise.reject(new DOMException('x', 'NotFoundError'))),
      file('z.llb', 2),
    ]);
    expect(files).toEqual([
      { name: 'a.llb', data: new Uint8Array(1) },
      { name: 'changed.llb', unreadable: 'io' },
      { name: 'gone.llb', unreadable: 'not-found' },
      { name: 'z.llb', data: new Uint8Array(2) },
    ]);
  });
});

describe('browser errors', () => {
  it('map to codes a person can act on', () => {
    const code = (name: string) => platformCodeForDomError(new DOMException('x', name));
    expect(code('NotFoundError')).toBe('folder-gone');
    expect(code('NotAllowedError')).toBe('permission-denied');
    expect(code('SecurityError')).toBe('permission-denied');
    expect(code('QuotaExceededError')).toBe('disk-full');
    expect(code('NoModificationAllowedError')).toBe('not-writable');
    expect(code('InvalidModificationError')).toBe('not-writable');
    expect(code('NotReadableError')).toBe('io');
    expect(platformCodeForDomError('weird')).toBe('io');
  });
});

describe('the handle store', () => {
  it('keeps one entry per purpose in its own IndexedDB database', async () => {
    const factory = new IDBFactory();
    const store = createIdbHandleStore(() => factory);
    // A plain object stands in for a handle: both are structured-cloneable.
    const handle = { kind: 'directory', name: 'USB' } as unknown as DirectoryHandleLike;
    await store.put({ purpose: 'export', id: 'id-1', handle });
    await expect(store.get('export')).resolves.toEqual({ purpose: 'export', id: 'id-1', handle });
    await expect(store.get('import')).resolves.toBeUndefined();

    const later = createIdbHandleStore(() => factory);
    await expect(later.get('export')).resolves.toMatchObject({ id: 'id-1' });
    await later.delete('export');
    await expect(store.get('export')).resolves.toBeUndefined();
    const names = (await factory.databases()).map((db) => db.name);
    expect(names).toEqual(['liaison-log-platform']);
  });
});
