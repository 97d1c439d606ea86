// Keeping the database usable after the browser closed the connection on its own (a full
// disk, an IO error), and keeping the reason of such a failure: the browser reports it on the
// transaction only, never on the request that failed, nor on the reopen that fails after it
// (tests/e2e/full-disk.spec.ts).
import type Dexie from 'dexie';
import { type DBCore, type DBCoreMutateResponse, type DBCoreTable, type Middleware } from 'dexie';

function transactionError(trans: unknown): unknown {
  if (typeof trans !== 'object' || trans === null || !('error' in trans)) return undefined;
  return trans.error ?? undefined;
}

function errorName(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string'
    ? e.name
    : undefined;
}

/** A connection the browser closed on its own; `failedToOpen` when it was a reopen that failed. */
export interface Loss {
  failedToOpen: boolean;
}

/** `e` with `reason` as its cause, unless `e` already has one. */
export function withReason(e: unknown, reason: unknown): unknown {
  if (reason === undefined || reason === e) return e;
  if (typeof e !== 'object' || e === null) return reason;
  if ('cause' in e && e.cause !== undefined) return e;
  if (Object.isExtensible(e)) {
    Object.defineProperty(e, 'cause', { value: reason, configurable: true });
    return e;
  }
  return new Error(e instanceof Error ? e.message : 'request failed', { cause: reason });
}

/**
 * Dexie reopens a connection the browser closed on the next query, but if that reopen fails
 * (the disk is still full) Dexie keeps the failure for good: every later query, even once
 * space is freed, fails with DatabaseClosedError until the window is reloaded. This forgets
 * such a failure as soon as Dexie has recorded it, so the next read or write, of any table,
 * opens the database again (and fails on its own if the cause is still there). A close the
 * app asked for (another window upgrades the database, or the app shuts it) stays closed.
 *
 * It also remembers why the connection was lost (the aborted transaction's error), so that a
 * reopen failing with an anonymous "Internal error opening backing store" can be explained.
 */
export class ConnectionKeeper {
  #closedOnPurpose = false;
  #lastAbort: unknown;
  #lostBecause: unknown;
  readonly #lossWaiters = new Set<(loss: Loss) => void>();

  constructor(private readonly db: Dexie) {
    db.use(this.middleware());
    db.on(
      'ready',
      () => {
        this.#lostBecause = undefined;
        this.#lastAbort = undefined;
      },
      true,
    );
    db.on('close', () => {
      if (this.#closedOnPurpose) return;
      // The browser closed it: the last aborted transaction says why.
      const failedToOpen = db.hasFailed();
      for (const wake of this.#lossWaiters) wake({ failedToOpen });
      this.#lossWaiters.clear();
      this.#lostBecause ??= this.#lastAbort;
      // Fired by a failed open too, after Dexie stored the failure and before it marks the
      // open complete: forget the failure once that bookkeeping is done, on the next task.
      if (db.hasFailed()) setTimeout(() => this.revive(), 0);
    });
  }

  /**
   * Settles when the browser next closes the connection on its own, saying whether that close
   * is a reopen that failed. A request made on a connection the browser is closing may never
   * settle (Chromium, full disk), so a caller that must hear back races its request against
   * this. `stop` forgets the wait.
   */
  nextLoss(): { lost: Promise<Loss>; stop: () => void } {
    let wake: (loss: Loss) => void = () => undefined;
    const lost = new Promise<Loss>((resolve) => {
      wake = resolve;
      this.#lossWaiters.add(resolve);
    });
    return { lost, stop: () => this.#lossWaiters.delete(wake) };
  }

  /** Called by every close the app asks for (Dexie's own forced close passes autoOpen). */
  noteClose(options?: { disableAutoOpen: boolean }): void {
    if (options?.disableAutoOpen !== false) this.#closedOnPurpose = true;
  }

  get closedOnPurpose(): boolean {
    return this.#closedOnPurpose;
  }

  /** Why the browser closed the connection, while it is not open again. */
  get lostBecause(): unknown {
    return this.#lostBecause;
  }

  private revive(): void {
    const { db } = this;
    if (this.#closedOnPurpose || db.isOpen() || !db.hasFailed()) return;
    // Resets Dexie's failed state; the next query opens the database again.
    db.close({ disableAutoOpen: false });
  }

  /**
   * Chromium fails the pending requests of a write whose file write failed with an anonymous
   * AbortError; why (e.g. "IO error: … FILE_ERROR_NO_SPACE") is on the transaction's `error`
   * alone. Every failed request therefore carries the transaction's error as its `cause`.
   */
  private middleware(): Middleware<DBCore> {
    const reasonOf = (trans: unknown): unknown => transactionError(trans);
    // The last transaction the browser aborted says why, if it then closes the connection.
    const watch = (trans: unknown): void => {
      if (!(trans instanceof EventTarget)) return;
      trans.addEventListener('abort', () => {
        const reason = transactionError(trans);
        if (reason !== undefined && errorName(reason) !== 'ConstraintError') {
          this.#lastAbort = reason;
        }
      });
    };
    const explain = (e: unknown, trans: unknown): never => {
      // Rethrows what Dexie threw (not always an Error), only with its reason attached.
      throw withReason(e, reasonOf(trans));
    };
    // A write reports a failed request in its result (Dexie throws the first one later).
    const explainFailures = (res: DBCoreMutateResponse, trans: unknown): DBCoreMutateResponse => {
      if (res.numFailures === 0) return res;
      const reason = reasonOf(trans);
      for (const key of Object.keys(res.failures)) {
        const i = Number(key);
        res.failures[i] = withReason(res.failures[i], reason) as Error;
      }
      return res;
    };
    return {
      stack: 'dbcore',
      name: 'connectionKeeper',
      create: (down) => ({
        ...down,
        transaction(stores, mode, options) {
          const trans = down.transaction(stores, mode, options);
          watch(trans);
          return trans;
        },
        table(name: string): DBCoreTable {
          const t = down.table(name);
          return {
            ...t,
            mutate: (req) =>
              t.mutate(req).then(
                (res) => explainFailures(res, req.trans),
                (e: unknown) => explain(e, req.trans),
              ),
            get: (req) => t.get(req).catch((e: unknown) => explain(e, req.trans)),
            getMany: (req) => t.getMany(req).catch((e: unknown) => explain(e, req.trans)),
            query: (req) => t.query(req).catch((e: unknown) => explain(e, req.trans)),
            openCursor: (req) => t.openCursor(req).catch((e: unknown) => explain(e, req.trans)),
            count: (req) => t.count(req).catch((e: unknown) => explain(e, req.trans)),
          };
        },
      }),
    };
  }
}
