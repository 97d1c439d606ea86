// Why a write transaction failed, when IndexedDB says so. Each request of an aborted
// transaction fails with a bare AbortError ("the transaction was aborted, so the request
// cannot be fulfilled"), and Dexie rejects with that; the reason is the transaction's own
// error (a really full disk: "IO error: ... FILE_ERROR_NO_SPACE"), read here.

/**
 * `e` with the transaction's abort reason as its cause (toDbError then finds a full disk);
 * `e` itself when the transaction gave none (its scope threw, and Dexie aborted it).
 */
export function withAbortReason(e: unknown, tx: IDBTransaction | undefined): unknown {
  const reason = tx?.error;
  if (!reason) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new Error(`${message} (the transaction failed: ${reason.message})`, { cause: reason });
}
