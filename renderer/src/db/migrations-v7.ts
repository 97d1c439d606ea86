// v6 -> v7: the summary rollups become one packed row per month. The old rows are thrown away
// and the stored entries counted again, inside Dexie's upgrade transaction: if it throws, the
// database stays at version 6 with its old rollups. A database older than version 5 gets its
// rollups here too (version 5's own count would be thrown away at once, so it is not run).
import { type Transaction } from 'dexie';
import { recountInto } from './rollups.ts';
import { type ActivityRow, type RollupStoredRow } from './schema.ts';

export async function upgradeToV7(tx: Transaction): Promise<void> {
  await recountInto(
    tx.table<ActivityRow, string>('activities'),
    tx.table<RollupStoredRow, string>('summaryRollups'),
  );
}
