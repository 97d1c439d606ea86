import { describe, expect, it, vi } from 'vitest';
import {
  createElectronPlatform,
  ElectronPlatformError,
} from '../../../renderer/src/platform/electron';
import {
  PlatformError,
  platformErrorMessageKey,
  PLATFORM_ERROR_CODES,
} from '../../../renderer/src/platform/errors';
import { platformMessages } from '../../../renderer/src/platform/messages';
import { type LiaisonLogBridge } from '../../../shared/ipc/bridge';
import { encodeIpcError, type IpcErrorCode } from '../../../shared/ipc/errors';
import { RemoteError } from '../../../shared/remote/store';

function fakeBridge(overrides: Partial<LiaisonLogBridge> = {}): LiaisonLogBridge {
  return {
    appInfo: () => Promise.resolve({ name: 'Liaison Log', version: '0.1.0', runtime: 'electron' }),
    setLanguage: () => Promise.resolve(null),
    saveFile: () => Promise.resolve({ saved: true, location: 'E:\\bundle.llb' }),
    openFiles: () => Promise.resolve({ files: [{ name: 'a.llb', data: new Uint8Array([1]) }] }),
    chooseFolder: () => Promise.resolve({ folder: { id: 'f-1', label: 'E:\\bundles' } }),
    getFolder: () => Promise.resolve({ folder: null }),
    forgetFolder: () => Promise.resolve({ forgotten: true }),
    writeToFolder: ({ name }) => Promise.resolve({ name, location: `E:\\bundles\\${name}` }),
    listFolder: () => Promise.resolve({ files: [] }),
    readFolderFile: ({ name }) => Promise.resolve({ name, data: new Uint8Array([name.length]) }),
    takeOpenedFiles: () => Promise.resolve({ files: [] }),
    onFilesOpened: () => () => undefined,
    setRelay: () => Promise.resolve({ kept: 'os' }),
    forgetRelay: () => Promise.resolve({ forgotten: true }),
    remoteCheck: () => Promise.resolve({ ok: null }),
    remoteEnsureDir: () => Promise.resolve({ ok: null }),
    remoteList: () => Promise.resolve({ ok: [] }),
    remoteRead: () => Promise.resolve({ ok: new Uint8Array() }),
    remotePutNew: () => Promise.resolve({ ok: 'written' }),
    remoteRemove: () => Promise.resolve({ ok: null }),
    remoteMove: () => Promise.resolve({ ok: null }),
    printToPdf: () => Promise.resolve({ saved: true, location: 'E:\\summary.pdf' }),
    ...overrides,
  };
}

describe('Electron platform', () => {
  it('takes the files the OS opened, per file, and passes the opened event through', async () => {
    const stop = vi.fn();
    const onFilesOpened = vi.fn<LiaisonLogBridge['onFilesOpened']>(() => stop);
    const platform = createElectronPlatform(
      fakeBridge({
        takeOpenedFiles: () =>
          Promise.resolve({
            files: [
              { name: 'a.llb', data: new Uint8Array([1]) },
              { name: 'b.llenroll', unreadable: 'not-found' },
            ],
          }),
        onFilesOpened,
      }),
    );
    await expect(platform.takeOpenedFiles?.()).resolves.toEqual([
      { name: 'a.llb', data: new Uint8Array([1]) },
      { name: 'b.llenroll', unreadable: 'not-found' },
    ]);
    const listener = vi.fn();
    const unsubscribe = platform.onFilesOpened?.(listener);
    expect(onFilesOpened).toHaveBeenCalledWith(listener);
    unsubscribe?.();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('turns a refused take into a platform error', async () => {
    const platform = createElectronPlatform(
      fakeBridge({ takeOpenedFiles: () => remoteFailure('files:take-opened', 'failed') }),
    );
    await expect(platform.takeOpenedFiles?.()).rejects.toBeInstanceOf(ElectronPlatformError);
  });

  it('is the electron kind and passes app info through', async () => {
    const platform = createElectronPlatform(fakeBridge());
    expect(platform.kind).toBe('electron');
    await expect(platform.appInfo()).resolves.toEqual({
      name: 'Liaison Log',
      version: '0.1.0',
      runtime: 'electron',
    });
  });

  it('sends only the fields the contract knows, and a subarray as its own bytes', async () => {
    const saveFile = vi.fn<LiaisonLogBridge['saveFile']>(() => Promise.resolve({ saved: false }));
    const platform = createElectronPlatform(fakeBridge({ saveFile }));
    const big = new Uint8Array(1024);
    const request = {
      suggestedName: 'b.llb',
      data: big.subarray(10, 20),
      filters: [{ name: 'Bundle', extensions: ['llb'], extra: 1 }],
      somethingElse: true,
    };
    await expect(platform.saveFile(request)).resolves.toEqual({ saved: false });
    const sent = saveFile.mock.calls[0]?.[0];
    expect(sent).toEqual({
      suggestedName: 'b.llb',
      data: big.subarray(10, 20),
      filters: [{ name: 'Bundle', extensions: ['llb'] }],
    });
    expect(sent?.data.buffer.byteLength).toBe(10);
  });

  it('returns the opened files, or none when cancelled', async () => {
    const platform = createElectronPlatform(fakeBridge());
    const files = await platform.openFiles({ multiple: false });
    expect(files.map((f) => f.name)).toEqual(['a.llb']);
    const cancelled = createElectronPlatform(
      fakeBridge({ openFiles: () => Promise.resolve({ files: [] }) }),
    );
    await expect(cancelled.openFiles({ multiple: true })).resolves.toEqual([]);
  });

  it('turns a main-process failure into an error with a code the UI can translate', async () => {
    const platform = createElectronPlatform(
      fakeBridge({
        saveFile: () =>
          Promise.reject(
            new Error(
              `Error invoking remote method 'file:save': Error: ${encodeIpcError('disk-full')}`,
            ),
          ),
      }),
    );
    const error = await platform
      .saveFile({ suggestedName: 'b.llb', data: new Uint8Array(1) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ElectronPlatformError);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as ElectronPlatformError).code).toBe('disk-full');
  });
});

describe('Electron platform PDF', () => {
  it('saves the window as a PDF through the bridge, and says why when the disk is full', async () => {
    const printToPdf = vi.fn<LiaisonLogBridge['printToPdf']>(() =>
      Promise.resolve({ saved: true, location: 'E:\\summary.pdf' }),
    );
    const platform = createElectronPlatform(fakeBridge({ printToPdf }));
    await expect(
      platform.printToPdf?.({ suggestedName: 'summary.pdf', landscape: true }),
    ).resolves.toEqual({ saved: true, location: 'E:\\summary.pdf' });
    expect(printToPdf).toHaveBeenCalledWith({ suggestedName: 'summary.pdf', landscape: true });

    const full = createElectronPlatform(
      fakeBridge({ printToPdf: () => remoteFailure('print:pdf', 'disk-full') }),
    );
    const error = await full
      .printToPdf?.({ suggestedName: 'summary.pdf', landscape: false })
      .catch((e: unknown) => e);
    expect((error as ElectronPlatformError).code).toBe('disk-full');
  });
});

const remoteFailure = (channel: string, code: IpcErrorCode) =>
  Promise.reject(
    new Error(`Error invoking remote method '${channel}': Error: ${encodeIpcError(code)}`),
  );

describe('Electron platform folders', () => {
  it('supports folders and passes choices through, null when cancelled', async () => {
    const platform = createElectronPlatform(fakeBridge());
    expect(platform.supportsFolders).toBe(true);
    await expect(platform.chooseFolder('export')).resolves.toEqual({
      id: 'f-1',
      label: 'E:\\bundles',
    });
    await expect(platform.getFolder('import')).resolves.toBeNull();
    await expect(platform.forgetFolder('export')).resolves.toBeUndefined();
  });

  it('refuses a name with a path in it before calling the main process', async () => {
    const writeToFolder = vi.fn<LiaisonLogBridge['writeToFolder']>(({ name }) =>
      Promise.resolve({ name, location: `E:\\bundles\\${name}` }),
    );
    const platform = createElectronPlatform(fakeBridge({ writeToFolder }));
    for (const name of ['../a.llb', 'a/b.llb', '..']) {
      const error = await platform
        .writeToFolder('f-1', name, new Uint8Array(1))
        .catch((e: unknown) => e);
      expect((error as PlatformError).code, name).toBe('invalid-name');
    }
    expect(writeToFolder).not.toHaveBeenCalled();
    await expect(platform.writeToFolder('f-1', 'a.llb', new Uint8Array(1))).resolves.toEqual({
      name: 'a.llb',
      location: 'E:\\bundles\\a.llb',
    });
  });

  it('reads a folder one file per call, with extensions sent without dots', async () => {
    const listFolder = vi.fn<LiaisonLogBridge['listFolder']>(() =>
      Promise.resolve({
        files: [
          { name: 'a.llb', size: 1 },
          { name: 'bb.llb', size: 1 },
        ],
      }),
    );
    const readFolderFile = vi.fn<LiaisonLogBridge['readFolderFile']>(({ name }) =>
      Promise.resolve({ name, data: new Uint8Array([name.length]) }),
    );
    const platform = createElectronPlatform(fakeBridge({ listFolder, readFolderFile }));
    const files = await platform.readFolder('f-1', { extensions: ['.LLB'] });
    expect(listFolder).toHaveBeenCalledWith({ folderId: 'f-1', extensions: ['llb'] });
    expect(readFolderFile.mock.calls.map((c) => c[0].name)).toEqual(['a.llb', 'bb.llb']);
    expect(files).toEqual([
      { name: 'a.llb', data: new Uint8Array([5]) },
      { name: 'bb.llb', data: new Uint8Array([6]) },
    ]);
  });

  it('refuses a folder file over the cap without reading it, and reads the others', async () => {
    const readFolderFile = vi.fn<LiaisonLogBridge['readFolderFile']>(({ name }) =>
      Promise.resolve({ name, data: new Uint8Array([1]) }),
    );
    const platform = createElectronPlatform(
      fakeBridge({
        listFolder: () =>
          Promise.resolve({
            files: [
              { name: 'a.llb', size: 1 },
              { name: 'huge.llb', size: 100 * 1024 * 1024 }, // over the cap, under the old 512 MiB
            ],
          }),
        readFolderFile,
      }),
    );
    await expect(platform.readFolder('f-1', { extensions: ['llb'] })).resolves.toEqual([
      { name: 'a.llb', data: new Uint8Array([1]) },
      { name: 'huge.llb', unreadable: 'too-large' },
    ]);
    expect(readFolderFile.mock.calls.map((c) => c[0].name)).toEqual(['a.llb']);
  });

  it('gives a folder file removed or locked since the listing its own result', async () => {
    const failures: Record<string, IpcErrorCode> = {
      'gone.llb': 'not-found',
      'locked.llb': 'no-access',
      'odd.llb': 'failed',
    };
    const platform = createElectronPlatform(
      fakeBridge({
        listFolder: () =>
          Promise.resolve({
            files: ['a.llb', 'gone.llb', 'locked.llb', 'odd.llb', 'z.llb'].map((name) => ({
              name,
              size: 1,
            })),
          }),
        readFolderFile: ({ name }) => {
          const code = failures[name];
          return code
            ? remoteFailure('folder:read-file', code)
            : Promise.resolve({ name, data: new Uint8Array([9]) });
        },
      }),
    );
    await expect(platform.readFolder('f-1', { extensions: ['llb'] })).resolves.toEqual([
      { name: 'a.llb', data: new Uint8Array([9]) },
      { name: 'gone.llb', unreadable: 'not-found' },
      { name: 'locked.llb', unreadable: 'permission-denied' },
      { name: 'odd.llb', unreadable: 'io' },
      { name: 'z.llb', data: new Uint8Array([9]) },
    ]);
  });

  it('passes the per-file results of the open dialog through, unreadable ones included', async () => {
    const platform = createElectronPlatform(
      fakeBridge({
        openFiles: () =>
          Promise.resolve({
            files: [
              { name: 'a.llb', data: new Uint8Array([1]) },
              { name: 'gone.llb', unreadable: 'not-found' },
            ],
          }),
      }),
    );
    await expect(platform.openFiles({ multiple: true })).resolves.toEqual([
      { name: 'a.llb', data: new Uint8Array([1]) },
      { name: 'gone.llb', unreadable: 'not-found' },
    ]);
  });

  it('maps main-process codes to what the screens say, naming the file read', async () => {
    const platform = createElectronPlatform(
      fakeBridge({
        writeToFolder: () => remoteFailure('folder:write', 'not-writable'),
        getFolder: () => remoteFailure('folder:get', 'refused'),
        listFolder: () => Promise.resolve({ files: [{ name: 'x.llb', size: 1 }] }),
        readFolderFile: () => remoteFailure('folder:read-file', 'folder-gone'),
      }),
    );
    const write = await platform
      .writeToFolder('f-1', 'a.llb', new Uint8Array(1))
      .catch((e: unknown) => e);
    expect((write as ElectronPlatformError).code).toBe('not-writable');
    const get = await platform.getFolder('export').catch((e: unknown) => e);
    expect((get as ElectronPlatformError).code).toBe('io');
    expect((get as ElectronPlatformError).ipcCode).toBe('refused');
    const read = await platform.readFolder('f-1', { extensions: ['llb'] }).catch((e: unknown) => e);
    expect((read as PlatformError).code).toBe('folder-gone');
    expect((read as PlatformError).fileName).toBe('x.llb');
  });

  it('has a message in both languages for every error code', () => {
    for (const code of PLATFORM_ERROR_CODES) {
      const key = platformErrorMessageKey(new PlatformError(code));
      expect(key, code).toMatch(/^platform\.error\./);
      const leaf = key?.split('.').at(-1) ?? '';
      const en = platformMessages.en.platform.error as Record<string, string>;
      const fr = platformMessages.fr.platform.error as Record<string, string>;
      expect(en[leaf], code).toBeTruthy();
      expect(fr[leaf], code).toBeTruthy();
    }
    expect(platformErrorMessageKey(new Error('other'))).toBeNull();
  });
});

describe('Electron platform relay', () => {
  it('throws a relay failure as the same RemoteError the browser build throws', async () => {
    const platform = createElectronPlatform(
      fakeBridge({
        remotePutNew: () => Promise.resolve({ failure: 'full', status: 507 }),
        remoteCheck: () => Promise.resolve({ failure: 'password' }),
        remoteRemove: () => remoteFailure('remote:remove', 'refused'),
      }),
    );
    const store = platform.remote?.({ url: 'https://relay.example/', username: 'u', password: '' });
    const full = await store
      ?.putNew('outbox/a', 'b__c.llb', new Uint8Array(1))
      .catch((e: unknown) => e);
    expect(full).toBeInstanceOf(RemoteError);
    expect(full).toMatchObject({ failure: 'full', status: 507 });
    await expect(store?.check()).rejects.toMatchObject({ failure: 'password' });
    // The main process refused the call itself: not the relay's doing.
    await expect(store?.remove('inbox/a/x')).rejects.toMatchObject({ failure: 'unexpected' });
  });

  it('passes answers through and sends a subarray as its own bytes', async () => {
    const remotePutNew = vi.fn<LiaisonLogBridge['remotePutNew']>(() =>
      Promise.resolve({ ok: 'exists' }),
    );
    const platform = createElectronPlatform(
      fakeBridge({
        remotePutNew,
        remoteList: ({ kind }) => Promise.resolve({ ok: kind === 'file' ? ['a.llb'] : ['dev-1'] }),
      }),
    );
    const store = platform.remote?.({ url: 'https://relay.example/', username: 'u', password: '' });
    const big = new Uint8Array([9, 1, 2, 3, 9]);
    await expect(store?.putNew('outbox/a', 'b__c.llb', big.subarray(1, 4))).resolves.toBe('exists');
    const sent = remotePutNew.mock.calls[0]?.[0].data;
    expect(sent?.buffer.byteLength).toBe(3);
    expect([...(sent ?? [])]).toEqual([1, 2, 3]);
    await expect(store?.listFiles('outbox/a')).resolves.toEqual(['a.llb']);
    await expect(store?.listDirs('outbox')).resolves.toEqual(['dev-1']);
  });

  it('hands the credentials to the main process and says where the password went', async () => {
    const setRelay = vi.fn<LiaisonLogBridge['setRelay']>(() =>
      Promise.resolve({ kept: 'session' }),
    );
    const platform = createElectronPlatform(fakeBridge({ setRelay }));
    const relay = { url: 'https://relay.example/dav/', username: 'lo-1', password: 'token' };
    await expect(platform.relayCredentials?.save(relay)).resolves.toBe('session');
    expect(setRelay).toHaveBeenCalledWith(relay);
  });

  it('follows HQ’s new relay address without sending any password', async () => {
    const setRelay = vi.fn<LiaisonLogBridge['setRelay']>(() => Promise.resolve({ kept: 'os' }));
    const platform = createElectronPlatform(fakeBridge({ setRelay }));
    await platform.relayCredentials?.follow('https://relay.example/hq/', 'lo-1');
    expect(setRelay).toHaveBeenCalledWith({ url: 'https://relay.example/hq/', username: 'lo-1' });
  });
});
