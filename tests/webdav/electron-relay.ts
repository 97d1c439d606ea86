// The Electron relay transport without the Electron binary: the main process's own code (the
// relay store, the relay handlers, each behind the validated IPC gate) answering the bridge
// functions the preload would expose. Arguments and answers are copied, as IPC copies them.
// Only Electron's net.fetch and safeStorage are stand-ins: a WHATWG fetch (given each request
// as relayRequestInit shapes it for the relay session) and an AES-GCM store with a key of its
// own.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createIpcHandler, type IpcEventLike } from '../../electron/ipc.main.ts';
import { RelayStore, type SafeStorageLike } from '../../electron/relay-store.main.ts';
import {
  forgetRelay,
  relayRequestInit,
  remoteCheck,
  remoteEnsureDir,
  remoteList,
  remoteMove,
  remotePutNew,
  remoteRead,
  remoteRemove,
  setRelay,
  type RemoteHandlerDeps,
} from '../../electron/remote-handlers.main.ts';
import type { LiaisonLogBridge } from '../../shared/ipc/bridge.ts';
import type { IpcArgs, IpcChannel, IpcResult } from '../../shared/ipc/contract.ts';
import type { RelayFetch } from '../../shared/remote/webdav-store.ts';

/** safeStorage as on a desktop with a keyring (or Linux's basic_text when asked). */
export function standInSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString();
    },
  };
}

type RelayBridge = Pick<
  LiaisonLogBridge,
  | 'setRelay'
  | 'forgetRelay'
  | 'remoteCheck'
  | 'remoteEnsureDir'
  | 'remoteList'
  | 'remoteRead'
  | 'remotePutNew'
  | 'remoteRemove'
  | 'remoteMove'
>;

export interface MainRelay {
  deps: RemoteHandlerDeps;
  /** Calls a channel as the app window's top frame would, through the IPC gate. */
  invoke<C extends IpcChannel>(channel: C, args: unknown): Promise<IpcResult<C>>;
  bridge: RelayBridge;
  warnings: string[];
}

/**
 * A copy as IPC makes one (plain objects, arrays, bytes with their whole buffer), built from
 * this realm's own types: under jsdom, structuredClone would hand back another realm's
 * Uint8Array, which the contract's instanceof check rightly refuses.
 */
function ipcCopy(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    const whole = new Uint8Array(value.buffer.byteLength);
    whole.set(new Uint8Array(value.buffer));
    return new Uint8Array(whole.buffer, value.byteOffset, value.byteLength);
  }
  if (Array.isArray(value)) return value.map(ipcCopy);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ipcCopy(v)]));
  return value;
}

const sender = { id: 1 };
const appEvent: IpcEventLike = {
  sender,
  senderFrame: { url: 'app://liaison-log/index.html', parent: null },
};

export function mainRelay(options: {
  file: string;
  fetch: RelayFetch;
  safeStorage?: SafeStorageLike;
}): MainRelay {
  const warnings: string[] = [];
  const warn = (message: string) => void warnings.push(message);
  const deps: RemoteHandlerDeps = {
    relays: new RelayStore({
      file: options.file,
      safeStorage: options.safeStorage ?? standInSafeStorage(),
      platform: 'linux',
      warn,
    }),
    // Every request shaped as the app's relay session sends it.
    fetch: (url, init) => options.fetch(url, relayRequestInit(init)),
    warn,
  };
  const impls = {
    'relay:set': (args: IpcArgs<'relay:set'>) => setRelay(args, deps),
    'relay:forget': () => forgetRelay(deps),
    'remote:check': () => remoteCheck(deps),
    'remote:ensure-dir': (args: IpcArgs<'remote:ensure-dir'>) => remoteEnsureDir(args, deps),
    'remote:list': (args: IpcArgs<'remote:list'>) => remoteList(args, deps),
    'remote:read': (args: IpcArgs<'remote:read'>) => remoteRead(args, deps),
    'remote:put-new': (args: IpcArgs<'remote:put-new'>) => remotePutNew(args, deps),
    'remote:remove': (args: IpcArgs<'remote:remove'>) => remoteRemove(args, deps),
    'remote:move': (args: IpcArgs<'remote:move'>) => remoteMove(args, deps),
  };
  const guard = { isAppWebContents: (s: unknown) => s === sender, warn };
  async function invoke<C extends IpcChannel>(channel: C, args: unknown): Promise<IpcResult<C>> {
    const impl = (impls as Record<string, unknown>)[channel];
    if (typeof impl !== 'function') throw new Error(`no relay channel ${channel}`);
    const handler = createIpcHandler(channel, impl as never, guard);
    return ipcCopy(await handler(appEvent, ipcCopy(args))) as IpcResult<C>;
  }
  const bridge: RelayBridge = {
    setRelay: (request) => invoke('relay:set', request),
    forgetRelay: () => invoke('relay:forget', undefined),
    remoteCheck: () => invoke('remote:check', undefined),
    remoteEnsureDir: (request) => invoke('remote:ensure-dir', request),
    remoteList: (request) => invoke('remote:list', request),
    remoteRead: (request) => invoke('remote:read', request),
    remotePutNew: (request) => invoke('remote:put-new', request),
    remoteRemove: (request) => invoke('remote:remove', request),
    remoteMove: (request) => invoke('remote:move', request),
  };
  return { deps, invoke, bridge, warnings };
}
