// A write that fails on a really full disk does not always say so. Chromium may reject it
// with a bare UnknownError and give the reason (an IO error, NO_SPACE) only on the
// transaction of a later write, or never: it may instead close the connection and then fail
// to open its backing store again, again without a reason. So when a write fails for no
// stated reason, one tiny probe write tells the cases apart (docs/database.md, "Full disk,
// for real"; tests/e2e/full-disk.spec.ts, tests/unit/renderer/disk-probe.test.ts):
// - the probe fails saying the disk is full: it is;
// - the probe cannot even open the database again ("backing store") and nothing says why:
//   on a laptop that is a full disk, and the person is told so (freeing space is what helps);
//   a reason that says otherwise wins;
// - another window upgraded or holds the database: the person is told that;
// - the probe succeeds, fails otherwise, or gets no answer in time: the failure stays a
//   plain write failure.
import { type LiaisonDb } from './db.ts';
import { DbError, saysDiskFull, toDbError } from './errors.ts';
import { setMeta } from './meta.ts';

/**
 * How long a probe may take before the failure is left as it is: a probe that neither
 * succeeds nor fails (a reopen queued behind another window's upgrade) must not leave the
 * person's save spinning.
 */
export const PROBE_PATIENCE_MS = 10_000;

type ProbeOutcome =
  | { kind: 'written' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'lost'; failedToOpen: boolean }
  | { kind: 'no-answer' };

export async function explainWriteFailure(db: LiaisonDb, failure: DbError): Promise<DbError> {
  if (failure.code !== 'write-failed') return failure;
  // A write on a connection the browser is closing may never settle: when the browser closes
  // it during the probe, the probe starts again, once, on the database opened again.
  for (let attempt = 0; attempt < 2; attempt++) {
    const loss = db.connection.nextLoss();
    const patience = wait(PROBE_PATIENCE_MS);
    try {
      const write = setMeta(db, 'diskProbe', db.now()).then(
        (): ProbeOutcome => ({ kind: 'written' }),
        (error: unknown): ProbeOutcome => ({ kind: 'failed', error }),
      );
      let outcome = await Promise.race([
        write,
        loss.lost.then(({ failedToOpen }): ProbeOutcome => ({ kind: 'lost', failedToOpen })),
        patience.over,
      ]);
      // The reopen under the probe failed: Dexie then fails the probe with the open's own
      // error, which says why.
      if (outcome.kind === 'lost' && outcome.failedToOpen) {
        outcome = await Promise.race([write, patience.over]);
      }
      if (outcome.kind === 'lost') continue;
      if (outcome.kind !== 'failed') return failure;
      return probeSays(db, failure, outcome.error);
    } finally {
      loss.stop();
      patience.cancel();
    }
  }
  return failure;
}

/** What the probe's own failure says of the first one. */
function probeSays(db: LiaisonDb, failure: DbError, probeFailure: unknown): DbError {
  const probe = toDbError(probeFailure, 'write-failed', db.connection);
  if (probe.code === 'quota-exceeded') {
    return new DbError('quota-exceeded', failure.message, { cause: failure });
  }
  // Another window upgraded or holds the database: that is what the person must hear.
  if (probe.code === 'blocked' || probe.code === 'version-too-new') return probe;
  // The store could not even be opened again, with no reason given anywhere: on a laptop that
  // is a full disk. A reason that says otherwise (the connection was lost for another cause)
  // wins over the guess.
  const lost = db.connection.lostBecause;
  if (backingStoreWillNotOpen(probeFailure) && (lost === undefined || saysDiskFull(lost))) {
    return new DbError('quota-exceeded', failure.message, { cause: failure });
  }
  return failure;
}

function wait(ms: number): { over: Promise<ProbeOutcome>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const over = new Promise<ProbeOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'no-answer' }), ms);
  });
  return { over, cancel: () => clearTimeout(timer) };
}

function chain(e: unknown): { name: string; message: string }[] {
  const out: { name: string; message: string }[] = [];
  let cur: unknown = e;
  for (let depth = 0; typeof cur === 'object' && cur !== null && depth < 8; depth++) {
    out.push({
      name: 'name' in cur ? String(cur.name) : '',
      message: 'message' in cur ? String(cur.message) : '',
    });
    cur = 'inner' in cur && cur.inner ? cur.inner : 'cause' in cur ? cur.cause : undefined;
  }
  return out;
}

/** Chromium's words when its IndexedDB files cannot be opened (the reopen after a loss). */
function backingStoreWillNotOpen(e: unknown): boolean {
  return chain(e).some(({ message }) => /backing store/i.test(message));
}
