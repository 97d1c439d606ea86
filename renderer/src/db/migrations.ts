// Data migrations run inside Dexie's upgrade transaction: if one throws, the upgrade
// aborts and the database stays exactly at the old version (nothing half-migrated).
import Dexie, { type Transaction } from 'dexie';
import { type Change } from '../../../shared/sync/change.ts';
import { type ActivityTypeLookup } from './catalogue.ts';
import { lowestAcknowledged } from '../../../shared/sync/compact.ts';
import { buildRow, toActivity } from './rows.ts';
import { type ActivityRow, type MetaRow } from './schema.ts';

/** A row as version 1 stored it: no search words, no pending flag. */
type RowV1 = Omit<ActivityRow, 'words' | 'pending' | 'localSeq'> &
  Partial<Pick<ActivityRow, 'words' | 'pending' | 'localSeq'>>;

/**
 * v1 -> v2: backfill `words` from the catalogue and `pending`/`localSeq` from the change
 * log (a row is pending when one of this device's changes to it is past what every
 * recipient acknowledged), and the count of live rows. One pass over the unacknowledged own
 * changes, one over the rows.
 */
export async function upgradeToV2(tx: Transaction, types: ActivityTypeLookup): Promise<void> {
  const meta = tx.table<MetaRow, string>('meta');
  // The device record as version 1 stored it (a migration reads the old shape, not today's).
  const device = (await meta.get('device'))?.value as { deviceId: string } | undefined;
  const acked = (await meta.get('acked'))?.value as Record<string, number> | undefined;
  const ackedSeq = lowestAcknowledged(acked);

  const unackedSeq = new Map<string, number>();
  if (device) {
    await tx
      .table<Change, [string, number]>('changes')
      .where('[deviceId+seq]')
      .between([device.deviceId, ackedSeq + 1], [device.deviceId, Dexie.maxKey])
      .each((change) => {
        unackedSeq.set(change.recordId, Math.max(unackedSeq.get(change.recordId) ?? 0, change.seq));
      });
  }

  let live = 0;
  await tx
    .table<RowV1, string>('activities')
    .toCollection()
    .modify((row, ref) => {
      if (!row.deleted) live += 1;
      const view = toActivity({ words: [], pending: 0, localSeq: 0, ...row });
      const localSeq = unackedSeq.get(row.id) ?? 0;
      ref.value = buildRow(
        view,
        row.clocks ?? {},
        { pending: localSeq > 0 ? 1 : 0, localSeq },
        types(row.type),
      );
    });
  await meta.put({ key: 'activityCount', value: live });
}
