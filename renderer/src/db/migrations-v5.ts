// v4 -> v5: counts the stored entries into the new summary rollups, inside Dexie's upgrade
// transaction: if it throws, the database stays at version 4 with nothing half counted.
import { type Transaction } from 'dexie';
import { recountInto } from './rollups.ts';
import { type ActivityRow, type RollupStoredRow } from './schema.ts';

export async function upgradeToV5(tx: Transaction): Promise<void> {
  await recountInto(
    tx.table<ActivityRow, string>('activities'),
    tx.table<RollupStoredRow, string>('summaryRollups'),
  );
}
