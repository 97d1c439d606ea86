// The remote capability over WebDAV with the `webdav` client, shared by the browser build
// (the page's fetch, to its own origin) and the Electron main process (net.fetch of a session
// of its own). It does no I/O of its own beyond the client's requests. The client turns a
// Uint8Array into JSON text, so bytes always go as an ArrayBuffer.
import { createClient, getPatcher, type FileStat, type WebDAVClient } from 'webdav';
import { failureOfStatus } from './backoff.ts';
import { holdsClientSeparator, tempName } from './layout.ts';
import { RemoteError, type RemoteConfig, type RemoteStore } from './store.ts';

/** A fetch that takes the URL as a string, as the client calls it. */
export type RelayFetch = (url: string, init?: RequestInit) => Promise<Response>;

/** The status of a failed call, when the server answered one. */
function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

// Node's TLS layer names a refused certificate with these codes; Chromium (Electron's
// net.fetch) with net::ERR_CERT_* in the message.
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const CHROMIUM_CERT_ERROR = /\bERR_CERT_[A-Z_]+\b/;

/** True when the call failed because the server's certificate was not trusted. */
export function isCertificateError(error: unknown): boolean {
  let at: unknown = error;
  // fetch wraps the socket's error as its cause; a few levels are plenty.
  for (let depth = 0; depth < 5 && typeof at === 'object' && at !== null; depth += 1) {
    const { code, message, cause } = at as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && TLS_CODES.has(code)) return true;
    if (typeof message === 'string' && CHROMIUM_CERT_ERROR.test(message)) return true;
    at = cause;
  }
  return false;
}

function asRemoteError(error: unknown): RemoteError {
  if (error instanceof RemoteError) return error;
  const status = statusOf(error);
  if (status === undefined && isCertificateError(error))
    return new RemoteError('certificate', undefined, error);
  return new RemoteError(failureOfStatus(status), status, error);
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw asRemoteError(e);
  }
}

/** A copy in an ArrayBuffer of its own: never a Uint8Array, and never a shared buffer. */
function toArrayBuffer(data: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(data.byteLength);
  new Uint8Array(copy).set(data);
  return copy;
}

function toBytes(content: unknown): Uint8Array {
  if (content instanceof ArrayBuffer) return new Uint8Array(content);
  if (ArrayBuffer.isView(content))
    return new Uint8Array(content.buffer, content.byteOffset, content.byteLength).slice();
  throw new RemoteError('unexpected');
}

function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The client's path for a relay path; refused before any request when a name holds the
 * client's separator marker (layout.ts): the client would turn it into a real '/'. */
function path(p: string): string {
  if (holdsClientSeparator(p)) throw new RemoteError('unexpected');
  return `/${p.replace(/^\/+/, '')}`;
}

async function names(client: WebDAVClient, dir: string, type: FileStat['type']): Promise<string[]> {
  try {
    const entries = await client.getDirectoryContents(path(dir));
    // A listed name holding the client's separator marker is left out: no call could name it
    // without leaving its folder.
    return entries
      .filter((e) => e.type === type && !holdsClientSeparator(e.basename))
      .map((e) => e.basename);
  } catch (e) {
    if (statusOf(e) === 404) return [];
    throw asRemoteError(e);
  }
}

export function createWebdavRemote(
  config: RemoteConfig,
  options: { fetch?: RelayFetch } = {},
): RemoteStore {
  // The patch is process-wide in the client library: only the Electron main process (one
  // network stack for every relay) passes its own fetch.
  const custom = options.fetch;
  if (custom)
    getPatcher().patch('fetch', (...args: unknown[]) =>
      custom(String(args[0]), args[1] as RequestInit | undefined),
    );
  const client = createClient(config.url, {
    username: config.username,
    password: config.password,
  });

  return {
    check: () => guard(async () => void (await client.stat('/'))),
    ensureDir: (dir) =>
      guard(async () => {
        let built = '';
        for (const part of dir.split('/').filter(Boolean)) {
          built = path(`${built}/${part}`);
          if (!(await client.exists(built))) {
            try {
              await client.createDirectory(built);
            } catch (e) {
              // Another device made it meanwhile (Apache may then say 403 or 405).
              if (!(await client.exists(built))) throw e;
            }
          }
        }
      }),
    listFiles: (dir) => names(client, dir, 'file'),
    listDirs: (dir) => names(client, dir, 'directory'),
    read: (file) =>
      guard(async () => toBytes(await client.getFileContents(path(file), { format: 'binary' }))),
    putNew: (dir, name, data) =>
      guard(async () => {
        const temp = path(`${dir}/${tempName(name, nonce())}`);
        const final = path(`${dir}/${name}`);
        try {
          await client.putFileContents(temp, toArrayBuffer(data), { overwrite: false });
          await client.moveFile(temp, final, { overwrite: false });
          return 'written' as const;
        } catch (e) {
          // Best effort: a temp left behind is cleared by a later sync (planUploads).
          await client.deleteFile(temp).catch(() => undefined);
          if (statusOf(e) === 412) return 'exists' as const;
          throw e;
        }
      }),
    remove: (file) =>
      guard(async () => {
        try {
          await client.deleteFile(path(file));
        } catch (e) {
          if (statusOf(e) !== 404) throw e;
        }
      }),
    move: (from, to) => guard(() => client.moveFile(path(from), path(to), { overwrite: false })),
  };
}
