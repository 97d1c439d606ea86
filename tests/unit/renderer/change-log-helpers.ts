// Reading the change log in tests as changes, whatever rows hold them (change-log.ts: one
// save row per local write since schema version 10, one change per row before).
import { type Change } from '../../../shared/sync/change.ts';
import { changesOf } from '../../../renderer/src/db/change-log.ts';
import { type LiaisonDb } from '../../../renderer/src/db/db.ts';

/** Every stored change, in the table's key order: each device's in seq order. */
export async function logChanges(db: LiaisonDb): Promise<Change[]> {
  return (await db.changes.toArray()).flatMap(changesOf);
}

/** How many changes the log holds (not rows). */
export async function changeCount(db: LiaisonDb): Promise<number> {
  return (await logChanges(db)).length;
}

/** A device's stored changes numbered above `seq`, in seq order. */
export async function changesAbove(
  db: LiaisonDb,
  deviceId: string,
  seq: number,
): Promise<Change[]> {
  return (await logChanges(db)).filter((c) => c.deviceId === deviceId && c.seq > seq);
}

/** The stored change numbered `seq` of a device. */
export async function changeAt(
  db: LiaisonDb,
  deviceId: string,
  seq: number,
): Promise<Change | undefined> {
  return (await logChanges(db)).find((c) => c.deviceId === deviceId && c.seq === seq);
}
