import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { encodeIpcError } from '../../../shared/ipc/errors';

// main.ts against a stand-in electron: checks the wiring (what is registered, when, with
// which options) that the pure-module tests cannot see. The real app runs in tests/electron.
const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const sent: string[] = [];
  const ipcHandlers = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
  const windows: { options: unknown; url: string; webContents: object }[] = [];
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  class BrowserWindow {
    readonly webContents = {
      id: windows.length + 1,
      send: (channel: string) => sent.push(channel),
    };
    constructor(readonly options: unknown) {
      windows.push({ options, url: '', webContents: this.webContents });
    }
    static getAllWindows = () => windows;
    once() {}
    on() {}
    isDestroyed = () => false;
    isMinimized = () => false;
    focus() {
      calls.push('focus');
    }
    loadURL(url: string) {
      const entry = windows.find((w) => w.webContents === this.webContents);
      if (entry) entry.url = url;
      return Promise.resolve();
    }
  }
  const session = {
    setPermissionRequestHandler: () => calls.push('permission-request'),
    setPermissionCheckHandler: () => calls.push('permission-check'),
    setDevicePermissionHandler: () => calls.push('permission-device'),
  };
  const relaySession = {
    setPermissionRequestHandler: () => calls.push('relay:permission-request'),
    setPermissionCheckHandler: () => calls.push('relay:permission-check'),
    setDevicePermissionHandler: () => calls.push('relay:permission-device'),
    setCertificateVerifyProc: () => calls.push('relay:verify-proc'),
    fetch: () => Promise.reject(new Error('no network in this test')),
  };
  const electron = {
    app: {
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: (...args: unknown[]) => void) => {
        calls.push(`app.on:${event}`);
        appListeners.set(event, listener);
      },
      whenReady: () => ready,
      commandLine: {
        hasSwitch: () => false,
        appendSwitch: (name: string, value: string) => calls.push(`switch:${name}=${value}`),
      },
      isPackaged: true,
      getName: () => 'Liaison Log',
      getVersion: () => '0.1.0',
      getPath: () => '/home/officer/Documents',
      getAppPath: () => '/opt/liaison-log/resources/app.asar',
      quit: () => calls.push('quit'),
      exit: () => calls.push('exit'),
      isReady: () => true,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) =>
        calls.push(`registerSchemesAsPrivileged:${JSON.stringify(schemes)}`),
      handle: (scheme: string) => calls.push(`protocol.handle:${scheme}`),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, args: unknown) => Promise<unknown>) =>
        ipcHandlers.set(channel, handler),
    },
    session: {
      defaultSession: session,
      fromPartition: (partition: string) => {
        calls.push(`fromPartition:${partition}`);
        return relaySession;
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    },
    BrowserWindow,
    dialog: {},
    shell: { openExternal: () => Promise.resolve() },
  };
  return {
    calls,
    appListeners,
    sent,
    ipcHandlers,
    windows,
    resolveReady: () => resolveReady(),
    electron,
  };
});

vi.mock('electron', () => fake.electron);

// A file the OS "opened" with the first instance: it comes in process.argv at start-up.
const dir = mkdtempSync(path.join(tmpdir(), 'liaison-main-'));
const atStart = path.join(dir, 'at-start.llb');
writeFileSync(atStart, new Uint8Array([1, 2]));
const savedArgv = process.argv;
process.argv = [...savedArgv, '--flag', atStart, 'relative.llb'];
try {
  await import('../../../electron/main');
} finally {
  process.argv = savedArgv;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const appFrame = { url: 'app://liaison-log/index.html', parent: null };

describe('main process wiring', () => {
  it('turns on the sandbox and registers app:// before the app is ready', () => {
    expect(fake.calls[0]).toBe('enableSandbox');
    expect(fake.calls[1]).toBe(
      'registerSchemesAsPrivileged:[{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true}}]',
    );
    expect(fake.calls).toContain('app.on:web-contents-created');
    expect(fake.calls).toContain('app.on:second-instance');
    // macOS may send open-file before 'ready': the listener must already be there.
    expect(fake.calls).toContain('app.on:open-file');
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fake.windows).toHaveLength(0);
  });

  it('once ready: denies permissions, serves app://, handles each channel, opens one window', async () => {
    fake.resolveReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.calls).toEqual(
      expect.arrayContaining([
        'permission-request',
        'permission-check',
        'permission-device',
        'protocol.handle:app',
      ]),
    );
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([
      'app:info',
      'app:set-language',
      'file:open',
      'file:save',
      'files:take-opened',
      'folder:choose',
      'folder:forget',
      'folder:get',
      'folder:list',
      'folder:read-file',
      'folder:write',
      'print:pdf',
      'relay:forget',
      'relay:set',
      'remote:check',
      'remote:ensure-dir',
      'remote:list',
      'remote:move',
      'remote:put-new',
      'remote:read',
      'remote:remove',
    ]);
    const window = fake.windows[0];
    expect(window?.url).toBe('app://liaison-log/index.html');
    expect(window?.options).toMatchObject({
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        devTools: false,
      },
    });
    expect(
      String((window?.options as { webPreferences: { preload: string } }).webPreferences.preload),
    ).toMatch(/preload\.cjs$/);
  });

  it('does relay calls in a session of its own, in memory, with no permissions and no pinned certificate when packaged', () => {
    // No 'persist:' prefix: the relay server's cookies live in memory, apart from the app's.
    expect(fake.calls).toContain('fromPartition:relay');
    expect(fake.calls).toEqual(
      expect.arrayContaining([
        'relay:permission-request',
        'relay:permission-check',
        'relay:permission-device',
      ]),
    );
    expect(fake.calls).not.toContain('relay:verify-proc');
  });

  it('answers a relay call before any relay is set with "folder not found", without a request', async () => {
    const handler = fake.ipcHandlers.get('remote:check');
    const own = { sender: fake.windows[0]?.webContents, senderFrame: appFrame };
    await expect(handler?.(own, undefined)).resolves.toEqual({ failure: 'missing' });
  });

  it('answers app:info for the window, and refuses another web contents', async () => {
    const handler = fake.ipcHandlers.get('app:info');
    const frame = { url: 'app://liaison-log/index.html', parent: null };
    const own = { sender: fake.windows[0]?.webContents, senderFrame: frame };
    await expect(handler?.(own, undefined)).resolves.toMatchObject({
      name: 'Liaison Log',
      version: '0.1.0',
    });
    const stranger = { sender: { id: 99 }, senderFrame: frame };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(handler?.(stranger, undefined)).rejects.toThrow(encodeIpcError('refused'));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('refused app:info'));
    warn.mockRestore();
  });
});

describe('files opened from the OS', () => {
  const take = (sender: unknown = fake.windows[0]?.webContents) =>
    fake.ipcHandlers.get('files:take-opened')?.({ sender, senderFrame: appFrame }, undefined);

  it('hands over the start-up file once, to the app window only', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(take({ id: 99 })).rejects.toThrow(encodeIpcError('refused'));
    warn.mockRestore();
    await expect(take()).resolves.toEqual({
      files: [{ name: 'at-start.llb', data: new Uint8Array([1, 2]) }],
    });
    await expect(take()).resolves.toEqual({ files: [] });
  });

  it("reads a second instance's files, tells the window, and focuses it", async () => {
    const card = path.join(dir, 'Card.LLENROLL');
    writeFileSync(card, new Uint8Array([3]));
    const gone = path.join(dir, 'gone.llb');
    fake.sent.length = 0;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.appListeners.get('second-instance')?.(
      {},
      ['/opt/liaison-log/liaison-log', card, gone, '--x'],
      dir,
    );
    expect(fake.calls).toContain('focus');
    await vi.waitFor(() => expect(fake.sent).toEqual(['files:opened']));
    warn.mockRestore();
    await expect(take()).resolves.toEqual({
      files: [
        { name: 'Card.LLENROLL', data: new Uint8Array([3]) },
        { name: 'gone.llb', unreadable: 'not-found' },
      ],
    });
  });

  it('takes macOS open-file events and claims them', async () => {
    const profile = path.join(dir, 'network.llprofile');
    writeFileSync(profile, new Uint8Array([4]));
    fake.sent.length = 0;
    const preventDefault = vi.fn();
    fake.appListeners.get('open-file')?.({ preventDefault }, profile);
    fake.appListeners.get('open-file')?.({ preventDefault }, path.join(dir, 'notes.txt'));
    expect(preventDefault).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(fake.sent).toEqual(['files:opened']));
    await expect(take()).resolves.toEqual({
      files: [{ name: 'network.llprofile', data: new Uint8Array([4]) }],
    });
  });
});
