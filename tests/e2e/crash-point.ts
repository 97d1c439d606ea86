// A crash at a chosen write of the exchange worker, on real IndexedDB in Chromium, without a
// line of test code in the app: the test serves the worker's script with a prelude that counts
// the readwrite transactions the worker commits, and once the Nth has committed makes every
// later one fail at once (as an IO error would), so nothing after that commit is stored. The
// test then closes the page: the crash. The prelude runs before the worker opens the database
// (Dexie binds the connection's transaction() when it opens).
import {
  type APIResponse,
  type BrowserContext,
  type Page,
  type Route,
  type Worker,
} from '@playwright/test';
import { isSealed } from '../../shared/vault/index.ts';
import { type DatabaseDump } from './full-disk.ts';

const WORKER_SCRIPT = '**/assets/exchange.worker-*.js';

/** What the prelude keeps in the worker's global scope. */
interface CrashState {
  steps: string[];
  cut: boolean;
}

function prelude(crashAfter: number): string {
  // Plain JavaScript, run in the worker before the bundled code.
  return `(() => {
  const crashAfter = ${crashAfter};
  const state = { steps: [], cut: false };
  self.__crashPoint = state;
  const proto = IDBDatabase.prototype;
  const original = proto.transaction;
  proto.transaction = function (stores, mode, options) {
    if (mode !== 'readwrite' || this.name !== 'liaison-log') return original.call(this, stores, mode, options);
    if (state.cut) throw new DOMException('the app died (test)', 'UnknownError');
    const tx = original.call(this, stores, mode, options);
    const scope = Array.from(tx.objectStoreNames).sort().join('+');
    tx.addEventListener('complete', () => {
      state.steps.push(scope);
      if (state.steps.length === crashAfter) state.cut = true;
    });
    return tx;
  };
})();
`;
}

export interface CrashPoint {
  /** The writes the next worker commits die after this many (Infinity: never). */
  crashAfter: number;
}

/**
 * The worker script from the preview server, asked again (twice at most) when the request
 * fails: the server may close an idle keep-alive connection just as it is reused (Node's
 * keepAliveTimeout race), which Playwright reports as "socket hang up" (ECONNRESET). Seen
 * once in a CI run; it is the test's own fetch of a static file, not the app's.
 */
async function fetchAgainOnHangUp(route: Route): Promise<APIResponse> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await route.fetch();
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Serves every exchange worker of `context` with the prelude; `point` is read at each start. */
export async function serveWorkerWithCrashPoint(
  context: BrowserContext,
  point: CrashPoint,
): Promise<void> {
  await context.route(WORKER_SCRIPT, async (route) => {
    const response = await fetchAgainOnHangUp(route);
    const body = prelude(point.crashAfter) + (await response.text());
    await route.fulfill({ response, body });
  });
}

/** The page's exchange worker (there is one, made at the first exchange call). */
export function exchangeWorker(page: Page): Worker {
  const worker = page.workers().find((w) => w.url().includes('exchange.worker'));
  if (!worker) throw new Error('no exchange worker in this page');
  return worker;
}

/** The writes the worker committed so far, and whether its writes are cut. */
export async function crashState(page: Page): Promise<CrashState> {
  return exchangeWorker(page).evaluate(
    () => (self as unknown as { __crashPoint: CrashState }).__crashPoint,
  );
}

/** Copies every table of the app's database into `copy` (a database of its own). */
export async function snapshotDatabase(page: Page, copy: string): Promise<void> {
  await page.evaluate(async (copyName) => {
    const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, upgrade ? 1 : undefined);
        if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
    const done = (tx: IDBTransaction) =>
      new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error(String(tx.error)));
      });
    await new Promise<void>((resolve) => {
      const deleting = indexedDB.deleteDatabase(copyName);
      deleting.onsuccess = deleting.onerror = () => resolve();
    });
    const app = await open('liaison-log');
    const names = Array.from(app.objectStoreNames);
    const rows: { table: string; key: IDBValidKey; value: unknown }[] = [];
    const read = app.transaction(names, 'readonly');
    for (const table of names) {
      const store = read.objectStore(table);
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () =>
        keys.result.forEach((key, i) => rows.push({ table, key, value: values.result[i] }));
    }
    await done(read);
    app.close();
    const snap = await open(copyName, (db) =>
      db.createObjectStore('rows', { autoIncrement: true }),
    );
    const write = snap.transaction('rows', 'readwrite');
    for (const row of rows) write.objectStore('rows').add(row);
    await done(write);
    snap.close();
  }, copy);
}

/** Puts every table of the app's database back as `copy` holds it (rows not in it go). */
export async function restoreDatabase(page: Page, copy: string): Promise<void> {
  await page.evaluate(async (copyName) => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
    const done = (tx: IDBTransaction) =>
      new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error(String(tx.error)));
      });
    const snap = await open(copyName);
    const read = snap.transaction('rows', 'readonly').objectStore('rows').getAll();
    const rows = await new Promise<{ table: string; key: IDBValidKey; value: unknown }[]>(
      (resolve, reject) => {
        read.onsuccess = () =>
          resolve(read.result as { table: string; key: IDBValidKey; value: unknown }[]);
        read.onerror = () => reject(new Error(String(read.error)));
      },
    );
    snap.close();
    const app = await open('liaison-log');
    const names = Array.from(app.objectStoreNames);
    const write = app.transaction(names, 'readwrite');
    for (const table of names) write.objectStore(table).clear();
    for (const { table, key, value } of rows) {
      const store = write.objectStore(table);
      if (store.keyPath === null) store.put(value, key);
      else store.put(value);
    }
    await done(write);
    app.close();
  }, copy);
}

/** Fields that hold the time they were written: they differ between two runs of an import. */
const TIME_FIELDS = new Set([
  'startedAt',
  'finishedAt',
  'importedAt',
  'lastBundleAt',
  'deferredAt',
  'receivedAt',
  'firstSeenAt',
]);

/**
 * A dump where what legitimately differs between two runs of the same import is replaced:
 * the ids of the runs (and the queue ids and keys made from them) by `<run>`, each sealed
 * value by `<sealed>` (sealed with a fresh random IV each time), the time fields above by
 * `<time>`, the device clock (meta `hlc`, the wall time of the import) by `<clock>`; rows
 * are sorted by their key once ids are replaced.
 */
export function comparable(dump: DatabaseDump, runIds: readonly string[]): DatabaseDump {
  let text = JSON.stringify(dump);
  for (const id of runIds) text = text.split(id).join('<run>');
  const out = JSON.parse(text, (key, value: unknown) => {
    if (isSealed(value)) return '<sealed>';
    if (TIME_FIELDS.has(key) && typeof value === 'string') return '<time>';
    return value;
  }) as DatabaseDump;
  // The device clock: advanced to the wall time of the import when that is past every stamp.
  for (const row of out.meta ?? [])
    if (row.key === 'hlc') row.value = { key: 'hlc', value: '<clock>' };
  for (const rows of Object.values(out))
    rows.sort((a, b) => (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1));
  return out;
}

/** The ids of the import runs in `after` that `before` did not have. */
export function newRunIds(before: DatabaseDump, after: DatabaseDump): string[] {
  const had = new Set((before.exchangeRuns ?? []).map((r) => JSON.stringify(r.key)));
  return (after.exchangeRuns ?? [])
    .map((r) => r.key)
    .filter((k): k is string => typeof k === 'string' && !had.has(JSON.stringify(k)));
}
