// A crash at any write, on fake-indexeddb: every readwrite transaction the app commits is
// counted, and from the Nth commit on no write reaches the database, as when the app dies
// right after that commit (reads go on, but change nothing). The database is read with the
// raw IndexedDB API, every object store it has, so a table added later is compared too.
import { decryptField, isSealed } from '../../../shared/vault/index.ts';
import { openDatabase, type LiaisonDb } from '../../../renderer/src/db/index.ts';
import { testTypes } from './db-fixtures.ts';

/** One committed write: the object stores of its transaction, sorted, joined by '+'. */
export type WriteStep = string;

export interface WriteCutter {
  /** The writes committed so far, in order. */
  readonly steps: WriteStep[];
  /** True once writes are cut (the simulated crash happened). */
  readonly cut: boolean;
  /** Cuts every write from now on (a file that kills the app). */
  cutNow(): void;
  /** Writes go through again (the app was restarted); the count goes on. */
  restart(): void;
  /** Starts counting (writes before, such as copying the database in, are not counted). */
  arm(): void;
  /** Removes the hook (connections opened meanwhile hold it, inert). */
  remove(): void;
}

/**
 * Counts the readwrite transactions committed on the database `name`; once `crashAfter`
 * have committed, each new one fails at once (a DOMException 'UnknownError', what an IO
 * failure looks like), so nothing after that commit is stored. Install it BEFORE the
 * database is opened: Dexie binds the connection's transaction() when it opens.
 */
export function cutWritesAfter(name: string, crashAfter = Infinity): WriteCutter {
  const proto = IDBDatabase.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its database below
  const original = proto.transaction;
  const steps: WriteStep[] = [];
  let cut = false;
  let crashed = false;
  let armed = false;
  let removed = false;
  proto.transaction = function (
    this: IDBDatabase,
    stores: string | string[],
    mode?: IDBTransactionMode,
    options?: IDBTransactionOptions,
  ): IDBTransaction {
    if (removed || !armed || this.name !== name || mode !== 'readwrite')
      return original.call(this, stores, mode, options);
    if (cut) throw new DOMException('the app died (test)', 'UnknownError');
    const tx = original.call(this, stores, mode, options);
    const scope = [...tx.objectStoreNames].sort().join('+');
    tx.addEventListener('complete', () => {
      steps.push(scope);
      if (steps.length === crashAfter && !crashed) {
        crashed = true;
        cut = true;
      }
    });
    return tx;
  } as typeof original;
  return {
    steps,
    get cut() {
      return cut;
    },
    cutNow() {
      cut = true;
    },
    restart() {
      cut = false;
    },
    arm() {
      armed = true;
    },
    remove() {
      removed = true;
      proto.transaction = original;
    },
  };
}

export type Dump = Record<string, { key: unknown; value: unknown }[]>;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('request failed'));
  });
}

/** Every row of every object store, keys included, in key order. */
export async function dumpDatabase(db: LiaisonDb): Promise<Dump> {
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames];
  const tx = idb.transaction(names, 'readonly');
  const dump: Dump = {};
  for (const name of names) {
    const store = tx.objectStore(name);
    const [keys, values] = await Promise.all([
      request(store.getAllKeys()),
      request(store.getAll()),
    ]);
    dump[name] = keys.map((key, i) => ({ key, value: values[i] as unknown }));
  }
  return dump;
}

/** A copy of `source` under a new name (same schema, every row), opened with `now`. */
export async function copyDatabase(
  source: LiaisonDb,
  name: string,
  now: () => number,
): Promise<LiaisonDb> {
  const rows = await dumpDatabase(source);
  const db = await openDatabase(name, { types: testTypes, now });
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames];
  const tx = idb.transaction(names, 'readwrite');
  for (const table of names) {
    const store = tx.objectStore(table);
    store.clear();
    for (const { key, value } of rows[table] ?? [])
      if (store.keyPath === null) store.put(value, key as IDBValidKey);
      else store.put(value);
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('copy failed'));
  });
  return db;
}

/**
 * A dump where what legitimately differs between two runs of the same import is replaced:
 * the run's random id (and the queue ids and keys made from it) by `<run>`, and each sealed
 * value of an entry by its opened content (a sealed value is encrypted with a fresh random IV
 * each time), elsewhere by '<sealed>'.
 * Timestamps need no replacing: the runs share one fixed clock.
 */
export async function comparable(dump: Dump, runIds: readonly string[], dataKey: CryptoKey) {
  let text = JSON.stringify(dump, (_k, v: unknown) =>
    v instanceof Uint8Array ? { bytes: Array.from(v).join(',') } : v,
  );
  for (const id of runIds) text = text.split(id).join('<run>');
  const out = JSON.parse(text) as Dump;
  // A replaced id may sort differently among the other keys.
  for (const rows of Object.values(out))
    rows.sort((a, b) => (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1));
  for (const row of out.activities ?? []) {
    const value = row.value as { id: string; data: Record<string, unknown> };
    for (const [field, v] of Object.entries(value.data)) {
      if (isSealed(v))
        value.data[field] = {
          opened: await decryptField(dataKey, v, { recordId: value.id, field: `data.${field}` }),
        };
    }
  }
  // Anywhere else (a deferred change, say), a sealed value is compared as being there.
  return JSON.parse(JSON.stringify(out), (_k, v: unknown) =>
    isSealed(v) ? '<sealed>' : v,
  ) as Dump;
}

/** The ids of the import runs in `after` that `before` did not have. */
export function newRunIds(before: Dump, after: Dump): string[] {
  const had = new Set((before.exchangeRuns ?? []).map((r) => r.key));
  return (after.exchangeRuns ?? []).map((r) => r.key).filter((k) => !had.has(k)) as string[];
}
