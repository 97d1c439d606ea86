// The profile's retention of sensitive values on field devices: once HQ has confirmed an own
// change (a receipt) and the policy's days have passed, its sealed value is removed from the
// change log and, if the row still holds that very write, from the row. HQ keeps it; this
// laptop no longer carries it. Local only: nothing here is a change or ever syncs.
import { DATA_PREFIX } from '../../../shared/domain/activity.ts';
import { isSealed } from '../../../shared/vault/index.ts';
import { type Change } from '../../../shared/sync/change.ts';
import { changesOf, editChanges } from './change-log.ts';
import { type LiaisonDb } from './db.ts';
import { toDbError } from './errors.ts';
import { getMeta, setMeta } from './meta.ts';
import { type ActivityRow } from './schema.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Changes handled per transaction: a long purge never holds the database for long. */
const BATCH = 500;

/** The highest own seq HQ confirmed at least `retentionDays` ago (0: none yet). */
export function purgeableUpTo(
  log: readonly { seq: number; at: number }[],
  retentionDays: number,
  now: number,
): number {
  const cutoff = now - retentionDays * DAY_MS;
  let top = 0;
  for (const entry of log) if (entry.at <= cutoff) top = Math.max(top, entry.seq);
  return top;
}

/** Removes what the policy no longer lets this device keep; returns the values removed. */
export async function purgeConfirmedSensitive(
  db: LiaisonDb,
  retentionDays: number,
): Promise<number> {
  const device = await getMeta(db, 'device');
  if (!device) return 0;
  const upTo = purgeableUpTo((await getMeta(db, 'ackLog')) ?? [], retentionDays, db.now());
  let removed = 0;
  for (;;) {
    const done = (await getMeta(db, 'purgedUpTo')) ?? 0;
    if (done >= upTo) return removed;
    const last = Math.min(upTo, done + BATCH);
    try {
      removed += await db.transaction('rw', [db.changes, db.activities, db.meta], async () => {
        // A save row is keyed by its last seq (change-log.ts), so these are the rows whose
        // changes end in (done, last]; acknowledgements end where an export ended, at the end
        // of a save, so a save is never cut in two by upTo.
        const logRows = (
          await db.changes
            .where('[deviceId+seq]')
            .between([device.deviceId, done + 1], [device.deviceId, last], true, true)
            .toArray()
        ).filter((row) => changesOf(row).some(purgeable));
        const changes = logRows.flatMap(changesOf).filter(purgeable);
        // Each row read and written once, however many of its values go.
        // A damaged change may have lost its record: only real ids are looked up.
        const ids = [...new Set(changes.map((c) => c.recordId))].filter(
          (id) => typeof id === 'string',
        );
        const rows = new Map<string, ActivityRow>();
        for (const row of await db.activities.bulkGet(ids)) if (row) rows.set(row.id, row);
        const edited = new Set<string>();
        for (const change of changes) {
          const row = rows.get(change.recordId);
          const field = name(change.field);
          // Only if the row still holds this very write: a newer one is not yet confirmed.
          if (!row || row.clocks[change.field] !== change.hlc || !isSealed(row.data[field]))
            continue;
          const { [field]: _gone, ...data } = row.data;
          const purged = [...new Set([...(row.purged ?? []), field])].sort();
          rows.set(row.id, { ...row, data, purged });
          edited.add(row.id);
        }
        for (const row of logRows) {
          editChanges(row, (c) => {
            if (purgeable(c)) c.value = null;
          });
        }
        await db.changes.bulkPut(logRows);
        await db.activities.bulkPut([...edited].map((id) => rows.get(id) as ActivityRow));
        await setMeta(db, 'purgedUpTo', last);
        return changes.length;
      });
    } catch (e) {
      throw toDbError(e, 'write-failed', db.connection);
    }
  }
}

function purgeable(change: Partial<Change>): boolean {
  return (
    isSealed(change.value) &&
    typeof change.field === 'string' &&
    change.field.startsWith(DATA_PREFIX)
  );
}

function name(path: string): string {
  return path.slice(DATA_PREFIX.length);
}
