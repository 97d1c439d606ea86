// v3 -> v4: the review queue's index by post, and reviewStatus as the state people see.
// Runs inside Dexie's upgrade transaction: if it throws, the database stays at version 3.
import { type Transaction } from 'dexie';
import { reviewStateOf } from './rows.ts';
import { type ActivityRow } from './schema.ts';

/** Recomputes reviewStatus from the stored review and stamps; nothing else moves. */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  await tx
    .table<ActivityRow, string>('activities')
    .toCollection()
    .modify((row) => {
      const state = reviewStateOf(row, row.clocks ?? {}).state;
      if (row.reviewStatus !== state) row.reviewStatus = state;
    });
}
