// The exchange worker: bundle building and import run here, off the UI thread, on the
// window's own database (IndexedDB is shared by the origin; Dexie tells the window's live
// queries what changed). Cancel takes effect between files.
import { openDatabase, type LiaisonDb } from '../index.ts';
import { asExchangeError } from './errors.ts';
import { dispatch } from './dispatch.ts';
import { type FromWorker, type ToWorker } from './protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const databases = new Map<string, Promise<LiaisonDb>>();
const cancelled = new Set<number>();

/**
 * The window's database, opened once. A connection that closed since (another window
 * upgraded or deleted the database, e.g. a device reset) is opened afresh on the next call.
 */
async function database(name: string): Promise<LiaisonDb> {
  const held = databases.get(name);
  if (held) {
    const db = await held.catch(() => null);
    if (db?.isOpen()) return db;
    databases.delete(name);
  }
  const opening = openDatabase(name);
  databases.set(name, opening);
  // A failed open is not kept: the next call tries again.
  opening.catch(() => databases.delete(name));
  return opening;
}

/** Bytes of a built file go back without a copy. */
function transfers(value: unknown): Transferable[] {
  if (value && typeof value === 'object' && 'data' in value && value.data instanceof Uint8Array) {
    return [value.data.buffer as ArrayBuffer];
  }
  return [];
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled.add(message.id);
    return;
  }
  const { id } = message;
  const run = async () => {
    const db = await database(message.dbName);
    const value = await dispatch(
      { db, dataKey: message.dataKey, appVersion: message.appVersion },
      message.request,
      {
        onProgress: (progress) => scope.postMessage({ type: 'progress', id, progress }),
        isCancelled: () => cancelled.has(id),
      },
    );
    scope.postMessage({ type: 'result', id, value }, transfers(value));
  };
  run()
    .catch((e: unknown) => {
      console.error('Exchange worker call failed', e);
      const failure = asExchangeError(e);
      scope.postMessage({
        type: 'error',
        id,
        error: {
          messageKey: failure.messageKey,
          messageValues:
            'messageValues' in failure
              ? (failure.messageValues as Record<string, string | number>)
              : {},
          message: failure.message,
        },
      });
    })
    .finally(() => cancelled.delete(id));
};
