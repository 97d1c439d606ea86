// A write that fails on a really full disk does not always say so: Chromium sometimes rejects
// the first write that hits the full disk with a bare UnknownError, and gives the reason
// (an IO error, NO_SPACE) only on the transaction of a later write. So when a write fails
// for no stated reason, one tiny probe write tells the two apart: on a full disk it fails
// too, with the reason; otherwise it succeeds and the failure stays a plain write failure
// (tests/e2e/full-disk.spec.ts, tests/unit/renderer/disk-probe.test.ts).
import { type LiaisonDb } from './db.ts';
import { DbError, toDbError } from './errors.ts';
import { setMeta } from './meta.ts';

export async function explainWriteFailure(db: LiaisonDb, failure: DbError): Promise<DbError> {
  if (failure.code !== 'write-failed') return failure;
  try {
    await setMeta(db, 'diskProbe', Date.now());
  } catch (probeFailure) {
    const probe = toDbError(probeFailure, 'write-failed', db.connection);
    if (probe.code === 'quota-exceeded') {
      return new DbError('quota-exceeded', failure.message, { cause: failure });
    }
  }
  return failure;
}
