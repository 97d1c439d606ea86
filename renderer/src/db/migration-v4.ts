// v3 -> v4: counts the stored entries into the new summary rollups, inside Dexie's upgrade
// transaction: if it throws, the database stays at version 3 with nothing half counted.
import { type Transaction } from 'dexie';
import { recountInto } from './rollups.ts';
import { type ActivityRow, type RollupStoredRow } from './schema.ts';

export async function upgradeToV4(tx: Transaction): Promise<void> {
  await recountInto(
    tx.table<ActivityRow, string>('activities'),
    tx.table<RollupStoredRow, string>('summaryRollups'),
  );
}
