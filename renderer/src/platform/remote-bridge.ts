// The Electron build's remote capability: each call goes over the preload bridge to the main
// process, which keeps the relay's credentials and does the HTTP (electron/remote-handlers.main.ts).
// A failure comes back as an answer and is thrown here as the same RemoteError the browser
// build throws, so sync and the status strip do not know which door they used.
import { type LiaisonLogBridge } from '../../../shared/ipc/bridge';
import { type SyncFailure } from '../../../shared/remote/backoff.ts';
import { RemoteError, type RemoteStore } from '../../../shared/remote/store.ts';
import {
  decodeRelayName,
  encodeRelayName,
  encodeRelayPath,
} from '../../../shared/remote/relay-name-codec.ts';
import { ownBytes } from './ipc-bytes.ts';
import { decodeIpcError } from '../../../shared/ipc/errors.ts';
import { RelayPasswordNeeded, type RelayCredentialKeeper } from './types.ts';

type Reply<T> = { ok: T } | { failure: SyncFailure; status?: number };

async function answer<T>(call: () => Promise<Reply<T>>): Promise<T> {
  let reply: Reply<T>;
  try {
    reply = await call();
  } catch (error) {
    // The main process refused the call (a bad path) or broke: not the relay's doing.
    throw new RemoteError('unexpected', undefined, error);
  }
  if ('failure' in reply) throw new RemoteError(reply.failure, reply.status);
  return reply.ok;
}

/** The bridge functions the relay uses (a test can serve them from the main-process code). */
export type RemoteBridge = Pick<
  LiaisonLogBridge,
  | 'remoteCheck'
  | 'remoteEnsureDir'
  | 'remoteList'
  | 'remoteRead'
  | 'remotePutNew'
  | 'remoteRemove'
  | 'remoteMove'
>;

/**
 * A path as it crosses the IPC: a name outside the relay-path rule (one the main process
 * listed, to be set aside) as its stand-in (relay-name-codec.ts).
 */
function carried(path: string): string {
  const segment = encodeRelayPath(path);
  if (segment === null) throw new RemoteError('unexpected');
  return segment;
}

async function listed(names: Promise<string[]>): Promise<string[]> {
  return (await names).flatMap((n) => {
    const name = decodeRelayName(n);
    return name === null ? [] : [name];
  });
}

export function createBridgeRemote(bridge: RemoteBridge): RemoteStore {
  return {
    check: () => answer(() => bridge.remoteCheck()).then(() => undefined),
    ensureDir: (dir) =>
      answer(() => bridge.remoteEnsureDir({ dir: carried(dir) })).then(() => undefined),
    listFiles: (dir) =>
      listed(answer(() => bridge.remoteList({ dir: carried(dir), kind: 'file' }))),
    listDirs: (dir) =>
      listed(answer(() => bridge.remoteList({ dir: carried(dir), kind: 'directory' }))),
    read: (path) => answer(() => bridge.remoteRead({ path: carried(path) })),
    putNew: (dir, name, data) =>
      answer(() =>
        bridge.remotePutNew({
          dir: carried(dir),
          name: encodeRelayName(name) ?? '',
          data: ownBytes(data),
        }),
      ),
    remove: (path) =>
      answer(() => bridge.remoteRemove({ path: carried(path) })).then(() => undefined),
    move: (from, to) =>
      answer(() => bridge.remoteMove({ from: carried(from), to: carried(to) })).then(
        () => undefined,
      ),
  };
}

/** The main process keeps the relay's password (safeStorage, or this session only). */
export function createBridgeKeeper(
  bridge: Pick<LiaisonLogBridge, 'setRelay' | 'forgetRelay'>,
): RelayCredentialKeeper {
  return {
    save: async ({ url, username, password }) =>
      (await bridge.setRelay({ url, username, password })).kept,
    // No password: the main process keeps the one it holds for this user.
    follow: async (url, username) => {
      try {
        await bridge.setRelay({ url, username });
      } catch (error) {
        // The main process answers 'not-found' for "no password kept" (relay-store.main.ts).
        const message = error instanceof Error ? error.message : String(error);
        if (decodeIpcError(message) === 'not-found')
          throw new RelayPasswordNeeded('no password kept for this address', { cause: error });
        throw error;
      }
    },
    forget: async () => {
      await bridge.forgetRelay();
    },
  };
}
