// What has not yet reached the recipients: O(1) counts from the meta counters, and the
// acknowledgement a receipt brings (the sync feature calls it after checking the receipt).
import { type LiaisonDb } from './db.ts';
import { toDbError } from './errors.ts';
import { lowestAcknowledged } from '../../../shared/sync/compact.ts';
import { getMeta, seqKey, setMeta } from './meta.ts';

/**
 * Own changes some recipient has not acknowledged. Own seqs are contiguous from 1, so this
 * is last seq minus the lowest acknowledged seq: no scan of the change log.
 */
export async function countPendingChanges(db: LiaisonDb): Promise<number> {
  return db.transaction('r', db.meta, async () => {
    const device = await getMeta(db, 'device');
    if (!device) return 0;
    const last = (await getMeta(db, seqKey(device.deviceId))) ?? 0;
    return Math.max(0, last - lowestAcknowledged(await getMeta(db, 'acked')));
  });
}

/** Recipient id -> highest own seq it acknowledged with no gap. */
export async function getAcknowledged(db: LiaisonDb): Promise<Record<string, number>> {
  return (await getMeta(db, 'acked')) ?? {};
}

/**
 * Records that `recipientId` holds our changes up to `seq` with no gap. Never moves back
 * (an old receipt imported late changes nothing). Rows whose own changes every recipient
 * now holds stop being pending, in the same transaction.
 */
export async function recordAcknowledgement(
  db: LiaisonDb,
  recipientId: string,
  seq: number,
): Promise<void> {
  try {
    await db.transaction('rw', db.meta, db.activities, async () => {
      const acked = { ...(await getMeta(db, 'acked')) };
      const before = acked[recipientId] ?? 0;
      acked[recipientId] = Math.max(before, seq);
      await setMeta(db, 'acked', acked);
      // Only HQ's word starts the retention clock: a lead's receipt says the lead holds them.
      const hq = (await getMeta(db, 'profile'))?.profile.hq.deviceId;
      if (recipientId === hq && seq > before) {
        const log = (await getMeta(db, 'ackLog')) ?? [];
        await setMeta(db, 'ackLog', [...log, { seq, at: db.now() }]);
      }
      const lowest = lowestAcknowledged(acked);
      if (lowest < 1) return;
      await db.activities
        .where('localSeq')
        .between(1, lowest, true, true)
        .modify((row) => {
          // Removed, not zeroed: a settled row keeps no pending or localSeq index entry.
          delete row.pending;
          delete row.localSeq;
        });
    });
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}

/**
 * The entries holding own changes HQ has not acknowledged: what a reset would lose, counted
 * as the status bar counts, in entries. A row's localSeq is its newest own change not yet
 * settled, and a receipt settles rows up to the LOWEST acknowledgement of all recipients;
 * so while another recipient (a lead) has acknowledged more than HQ, or HQ none yet, rows HQ
 * lacks may be settled already and cannot be counted: null then (say it in changes).
 */
export async function countEntriesHqLacks(db: LiaisonDb): Promise<number | null> {
  return db.transaction('r', db.meta, db.activities, async () => {
    const hq = (await getMeta(db, 'profile'))?.profile.hq.deviceId;
    const acked = (await getMeta(db, 'acked')) ?? {};
    const hqSeq = hq ? (acked[hq] ?? 0) : 0;
    // Rows are settled up to the lowest acknowledgement; above HQ's only when HQ has none.
    if (lowestAcknowledged(acked) > hqSeq) return null;
    return db.activities.where('localSeq').above(hqSeq).count();
  });
}

/** The highest own seq HQ has acknowledged with no gap (0: none, or no profile yet). */
export async function acknowledgedByHq(db: LiaisonDb): Promise<number> {
  return db.transaction('r', db.meta, async () => {
    const hq = (await getMeta(db, 'profile'))?.profile.hq.deviceId;
    return hq ? ((await getMeta(db, 'acked'))?.[hq] ?? 0) : 0;
  });
}

/** The last own change seq this device has written (0: none yet). */
export async function lastOwnSeq(db: LiaisonDb): Promise<number> {
  return db.transaction('r', db.meta, async () => {
    const device = await getMeta(db, 'device');
    return device ? ((await getMeta(db, seqKey(device.deviceId))) ?? 0) : 0;
  });
}
