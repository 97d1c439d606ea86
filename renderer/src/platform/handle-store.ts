// Keeps the browser's chosen directory handles across sessions, in an IndexedDB database of
// the platform's own ('liaison-log-platform'): not the app's Dexie database, whose schema,
// migrations and backups are about the person's records, not about this browser's folders.
import { type HandleStore, type StoredHandle } from './browser-folders.ts';
import { type FolderPurpose } from './types.ts';

export const HANDLE_DB_NAME = 'liaison-log-platform';
const STORE = 'folders';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(HANDLE_DB_NAME, 1);
  req.onupgradeneeded = () => {
    req.result.createObjectStore(STORE, { keyPath: 'purpose' });
  };
  return request(req);
}

/**
 * One short transaction per call; the database opens on first use and stays open for the
 * session. The factory is looked up then, so a page without IndexedDB can still build it.
 */
export function createIdbHandleStore(
  factory: () => IDBFactory = () => globalThis.indexedDB,
): HandleStore {
  let db: Promise<IDBDatabase> | null = null;
  const run = async <T>(
    mode: IDBTransactionMode,
    work: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    db ??= open(factory()).catch((error: unknown) => {
      db = null; // try again next time (a blocked or failed open is not forever)
      throw error;
    });
    const tx = (await db).transaction(STORE, mode);
    // Listen before the request settles; resolve after the commit, so a put the caller
    // awaited is really stored.
    const committed = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    // When the request itself fails, that error is the one the caller gets.
    void committed.catch(() => undefined);
    const result = await request(work(tx.objectStore(STORE)));
    await committed;
    return result;
  };

  return {
    get: (purpose: FolderPurpose) =>
      run('readonly', (s) => s.get(purpose) as IDBRequest<StoredHandle | undefined>),
    put: async (entry: StoredHandle) => {
      await run('readwrite', (s) => s.put(entry));
    },
    delete: async (purpose: FolderPurpose) => {
      await run('readwrite', (s) => s.delete(purpose));
    },
  };
}
