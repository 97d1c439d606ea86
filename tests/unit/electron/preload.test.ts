import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_FUNCTIONS } from '../../../shared/ipc/bridge';

// The preload's electron is a stand-in: the real module needs the Electron binary.
const exposed = vi.hoisted(() => new Map<string, unknown>());
const invoke = vi.hoisted(() => vi.fn((..._args: unknown[]) => Promise.resolve('ok')));
const listeners = vi.hoisted(() => new Map<string, Set<(...args: unknown[]) => void>>());
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
    },
  },
}));

await import('../../../electron/preload');

describe('preload bridge', () => {
  it('exposes one object, window.liaisonLog, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['liaisonLog']);
  });

  it('holds exactly one function per contract channel and event', () => {
    const bridge = exposed.get('liaisonLog') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_FUNCTIONS].sort());
    expect(Object.keys(bridge)).toContain('takeOpenedFiles');
    expect(Object.keys(bridge)).toContain('onFilesOpened');
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends each call on its own channel with its one argument', async () => {
    const bridge = exposed.get('liaisonLog') as Record<string, (arg?: unknown) => Promise<unknown>>;
    const request = { suggestedName: 'a.llb', data: new Uint8Array(1) };
    await bridge.appInfo?.();
    await bridge.setLanguage?.({ language: 'fr' });
    await bridge.saveFile?.(request);
    await bridge.openFiles?.({ multiple: false });
    const write = { folderId: 'f-1', name: 'a.llb', data: new Uint8Array(1) };
    await bridge.chooseFolder?.({ purpose: 'export' });
    await bridge.getFolder?.({ purpose: 'import' });
    await bridge.forgetFolder?.({ purpose: 'export' });
    await bridge.writeToFolder?.(write);
    await bridge.listFolder?.({ folderId: 'f-1', extensions: ['llb'] });
    await bridge.readFolderFile?.({ folderId: 'f-1', name: 'a.llb' });
    await bridge.takeOpenedFiles?.();
    expect(invoke.mock.calls).toEqual([
      ['app:info', undefined],
      ['app:set-language', { language: 'fr' }],
      ['file:save', request],
      ['file:open', { multiple: false }],
      ['folder:choose', { purpose: 'export' }],
      ['folder:get', { purpose: 'import' }],
      ['folder:forget', { purpose: 'export' }],
      ['folder:write', write],
      ['folder:list', { folderId: 'f-1', extensions: ['llb'] }],
      ['folder:read-file', { folderId: 'f-1', name: 'a.llb' }],
      ['files:take-opened', undefined],
    ]);
  });

  it('sends each relay call on its own channel, the password only with relay:set', async () => {
    const bridge = exposed.get('liaisonLog') as Record<string, (arg?: unknown) => Promise<unknown>>;
    invoke.mockClear();
    const relay = { url: 'https://relay.example/dav/', username: 'lo-1', password: 'token' };
    const put = { dir: 'outbox/officer-a', name: 'a__x.llb', data: new Uint8Array([1]) };
    await bridge.setRelay?.(relay);
    await bridge.remoteCheck?.();
    await bridge.remoteEnsureDir?.({ dir: 'inbox/officer-a' });
    await bridge.remoteList?.({ dir: 'outbox', kind: 'directory' });
    await bridge.remoteRead?.({ path: 'inbox/officer-a/r__y.llb' });
    await bridge.remotePutNew?.(put);
    await bridge.remoteRemove?.({ path: 'inbox/officer-a/r__y.llb' });
    await bridge.remoteMove?.({ from: 'inbox/a/x', to: 'inbox/a/set-aside/x' });
    await bridge.forgetRelay?.();
    expect(invoke.mock.calls).toEqual([
      ['relay:set', relay],
      ['remote:check', undefined],
      ['remote:ensure-dir', { dir: 'inbox/officer-a' }],
      ['remote:list', { dir: 'outbox', kind: 'directory' }],
      ['remote:read', { path: 'inbox/officer-a/r__y.llb' }],
      ['remote:put-new', put],
      ['remote:remove', { path: 'inbox/officer-a/r__y.llb' }],
      ['remote:move', { from: 'inbox/a/x', to: 'inbox/a/set-aside/x' }],
      ['relay:forget', undefined],
    ]);
  });

  it('relays files:opened to the page without the event object, until unsubscribed', () => {
    const bridge = exposed.get('liaisonLog') as {
      onFilesOpened(listener: (...args: unknown[]) => void): () => void;
    };
    const listener = vi.fn();
    const stop = bridge.onFilesOpened(listener);
    expect(listeners.get('files:opened')?.size).toBe(1);
    // Electron calls with its event first; its `sender` is ipcRenderer and must stay here.
    const ipcEvent = { sender: { invoke } };
    for (const relay of listeners.get('files:opened') ?? []) relay(ipcEvent, 'extra');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([]);
    stop();
    expect(listeners.get('files:opened')?.size).toBe(0);
    expect([...listeners.keys()]).toEqual(['files:opened']);
  });
});
