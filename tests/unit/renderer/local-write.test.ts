// A local write that throws part way, after it issued a request of its own making (its rollup
// journal row): the transaction aborts, nothing is stored, and the request's rejection is
// nobody's unhandled error.
import { afterEach, describe, expect, it } from 'vitest';
import { createActivity, type LiaisonDb } from '../../../renderer/src/db/index.ts';
import { inWriteTransaction } from '../../../renderer/src/db/activities.ts';
import { LocalWrite } from '../../../renderer/src/db/local-write.ts';
import { rollupDeltas } from '../../../shared/summary/measures.ts';
import { liaisonInput, openTestDb } from './db-fixtures.ts';

const opened: LiaisonDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('LocalWrite', () => {
  it('leaves no unhandled rejection when the write throws before finish', async () => {
    const { db, author } = await openTestDb();
    opened.push(db);
    const made = await createActivity(db, author, liaisonInput());
    const row = await db.activities.get(made.id);
    if (!row) throw new Error('not stored');
    const rollupsBefore = await db.summaryRollups.toArray();
    const journalBefore = await db.rollupJournal.toArray();
    expect(journalBefore).toHaveLength(1);

    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      await expect(
        inWriteTransaction(db, async () => {
          const write = await LocalWrite.begin(db, author);
          write.applyRollupDeltas(rollupDeltas(null, row));
          throw new Error('a bug half way');
        }),
      ).rejects.toThrow();
      // Unhandled rejections are reported once the microtasks have run: one turn of the loop.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', note);
    }
    expect(unhandled).toEqual([]);
    expect(await db.summaryRollups.toArray()).toEqual(rollupsBefore);
    expect(await db.rollupJournal.toArray()).toEqual(journalBefore);
  });
});
