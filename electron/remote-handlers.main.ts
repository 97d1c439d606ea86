// The jobs behind the relay channels: keep the relay's credentials (relay-store.main.ts) and
// do each WebDAV call in the main process, through the fetch it is given (net.fetch of a
// session of its own in the app, so the system proxy and certificates apply and the server's
// cookies stay out of the app's session). Paths arrive checked by the contract; a failure goes
// back as an answer the status strip can word, never as a thrown error.
import type { IpcArgs, IpcResult } from '../shared/ipc/contract.ts';
import { RemoteError, type RemoteStore } from '../shared/remote/store.ts';
import { createWebdavRemote, type RelayFetch } from '../shared/remote/webdav-store.ts';
import type { SyncFailure } from '../shared/remote/backoff.ts';
import {
  decodeRelayPath,
  encodeRelayName,
  STAND_IN_PREFIX,
} from '../shared/remote/relay-name-codec.ts';
import type { RelayStore } from './relay-store.main.ts';

export interface RemoteHandlerDeps {
  relays: RelayStore;
  fetch: RelayFetch;
  warn(message: string): void;
}

type Reply<T> = { ok: T } | { failure: SyncFailure; status?: number };

/**
 * The request as the relay session sends it: no cookies and no cached HTTP credentials (the
 * client sends its own Authorization header), and no Content-Length of the client's: the
 * network stack sets it from the body (Chromium refuses it as an unsafe header).
 */
export function relayRequestInit(init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  headers.delete('content-length');
  return { ...init, headers, credentials: 'omit' };
}

/** Runs one call on the kept relay; every failure becomes an answer. */
async function onRelay<T>(
  deps: RemoteHandlerDeps,
  work: (store: RemoteStore) => Promise<T>,
): Promise<Reply<T>> {
  const relay = await deps.relays.credentials();
  // No relay kept here: the folder is unknown to this process.
  if (relay === null) return { failure: 'missing' };
  if (relay.password === null) return { failure: 'password' };
  const store = createWebdavRemote(
    { url: relay.url, username: relay.username, password: relay.password },
    { fetch: deps.fetch },
  );
  try {
    return { ok: await work(store) };
  } catch (error) {
    const failure =
      error instanceof RemoteError ? error : new RemoteError('unexpected', undefined, error);
    // Names and statuses only: a message may carry a person's data.
    if (failure.failure === 'unexpected' || failure.failure === 'certificate')
      deps.warn(`[relay] call failed (${failure.failure}): ${describe(failure.cause ?? error)}`);
    return failure.status === undefined
      ? { failure: failure.failure }
      : { failure: failure.failure, status: failure.status };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

export async function setRelay(
  args: IpcArgs<'relay:set'>,
  deps: RemoteHandlerDeps,
): Promise<IpcResult<'relay:set'>> {
  return { kept: await deps.relays.set(args) };
}

export async function forgetRelay(deps: RemoteHandlerDeps): Promise<IpcResult<'relay:forget'>> {
  return { forgotten: await deps.relays.forget() };
}

export const remoteCheck = (deps: RemoteHandlerDeps): Promise<IpcResult<'remote:check'>> =>
  onRelay(deps, async (store) => {
    await store.check();
    return null;
  });

export const remoteEnsureDir = (
  args: IpcArgs<'remote:ensure-dir'>,
  deps: RemoteHandlerDeps,
): Promise<IpcResult<'remote:ensure-dir'>> =>
  onPaths(deps, [args.dir], 'refused', async (store, [dir = '']) => {
    await store.ensureDir(dir);
    return null;
  });

/**
 * The paths of a call as the relay names them: a segment the renderer got as a stand-in
 * (relay-name-codec.ts) back to the real name. One no listing could have made is refused
 * before any request, like a path the IPC gate refuses. Stand-ins exist only so a listed
 * file can be read, set aside or removed: a call that makes a folder, writes or lists may
 * not name one (a compromised renderer would otherwise reach names the rule forbids).
 */
function onPaths<T>(
  deps: RemoteHandlerDeps,
  paths: readonly string[],
  standIns: 'allowed' | 'refused',
  work: (store: RemoteStore, real: string[]) => Promise<T>,
): Promise<Reply<T>> {
  const named = (p: string) => p.split('/').some((part) => part.startsWith(STAND_IN_PREFIX));
  const real = standIns === 'refused' && paths.some(named) ? [null] : paths.map(decodeRelayPath);
  if (!real.every((p): p is string => p !== null)) {
    deps.warn('[relay] a call named a relay path no listing gave');
    return Promise.resolve({ failure: 'unexpected' });
  }
  return onRelay(deps, (store) => work(store, real));
}

export const remoteList = (
  args: IpcArgs<'remote:list'>,
  deps: RemoteHandlerDeps,
): Promise<IpcResult<'remote:list'>> =>
  onPaths(deps, [args.dir], 'refused', async (store, [dir = '']) => {
    const names = await (args.kind === 'file' ? store.listFiles(dir) : store.listDirs(dir));
    // A name outside the relay-path rule (a person's "photo é.jpg") goes as its stand-in, so
    // the sync sets it aside as the browser build does; only one too long for any stand-in is
    // left out.
    return names.flatMap((name) => {
      const carried = encodeRelayName(name);
      if (carried === null) deps.warn('[relay] a name on the relay was left out of a listing');
      return carried === null ? [] : [carried];
    });
  });

export const remoteRead = (
  args: IpcArgs<'remote:read'>,
  deps: RemoteHandlerDeps,
): Promise<IpcResult<'remote:read'>> =>
  onPaths(deps, [args.path], 'allowed', (store, [path = '']) => store.read(path));

export const remotePutNew = (
  args: IpcArgs<'remote:put-new'>,
  deps: RemoteHandlerDeps,
): Promise<IpcResult<'remote:put-new'>> =>
  onPaths(deps, [args.dir, args.name], 'refused', (store, [dir = '', name = '']) =>
    store.putNew(dir, name, args.data),
  );

export const remoteRemove = (
  args: IpcArgs<'remote:remove'>,
  deps: RemoteHandlerDeps,
): Promise<IpcResult<'remote:remove'>> =>
  onPaths(deps, [args.path], 'allowed', async (store, [path = '']) => {
    await store.remove(path);
    return null;
  });

export const remoteMove = (
  args: IpcArgs<'remote:move'>,
  deps: RemoteHandlerDeps,
): Promise<IpcResult<'remote:move'>> =>
  onPaths(deps, [args.from, args.to], 'allowed', async (store, [from = '', to = '']) => {
    await store.move(from, to);
    return null;
  });
