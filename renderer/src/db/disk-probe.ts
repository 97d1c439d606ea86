// A write that fails on a really full disk does not always say so. Chromium may reject it
// with a bare UnknownError and give the reason (an IO error, NO_SPACE) only on the
// transaction of a later write, or never: it may instead close the connection and then fail
// to open its backing store again, again without a reason. So when a write fails for no
// stated reason, one tiny probe write tells the cases apart (docs/decisions.md, "A write
// that fails without a reason"; tests/e2e/full-disk.spec.ts, tests/unit/renderer/disk-probe.test.ts):
// - the probe fails saying the disk is full: it is;
// - the probe cannot even open the database again: the storage cannot be written, which on
//   a laptop is a full disk, and the person is told so (freeing space is what helps);
// - the probe succeeds, or fails otherwise: the failure stays a plain write failure.
import { type LiaisonDb } from './db.ts';
import { DbError, toDbError } from './errors.ts';
import { setMeta } from './meta.ts';

export async function explainWriteFailure(db: LiaisonDb, failure: DbError): Promise<DbError> {
  if (failure.code !== 'write-failed') return failure;
  const diskFull = () => new DbError('quota-exceeded', failure.message, { cause: failure });
  // A write on a connection the browser is closing may never settle: when the browser closes
  // it during the probe, the probe starts again, once, on the database opened again.
  for (let attempt = 0; attempt < 2; attempt++) {
    const loss = db.connection.nextLoss();
    try {
      const outcome = await Promise.race([
        setMeta(db, 'diskProbe', db.now()).then(() => 'written' as const),
        loss.lost.then(({ failedToOpen }) => (failedToOpen ? 'cannot-reopen' : 'lost')),
      ]);
      if (outcome === 'written') return failure;
      if (outcome === 'cannot-reopen') return diskFull();
    } catch (probeFailure) {
      const probe = toDbError(probeFailure, 'write-failed', db.connection);
      if (probe.code === 'quota-exceeded' || cannotReopen(probeFailure)) return diskFull();
      return failure;
    } finally {
      loss.stop();
    }
  }
  return failure;
}

/** The reopen after the browser dropped the connection failed: its store cannot be opened. */
function cannotReopen(e: unknown): boolean {
  let cur: unknown = e;
  for (let depth = 0; typeof cur === 'object' && cur !== null && depth < 8; depth++) {
    const name = 'name' in cur ? String(cur.name) : '';
    const message = 'message' in cur ? String(cur.message) : '';
    if (/backing store/i.test(message)) return true;
    if (name === 'OpenFailedError') return true;
    cur = 'inner' in cur && cur.inner ? cur.inner : 'cause' in cur ? cur.cause : undefined;
  }
  return false;
}
