// The history of imported changes: each save of an entry that arrived in a bundle, kept as
// who, when and which fields (a compact index, no values), so a lead and HQ see who changed
// what when, although their own change log holds only their own writes.
import Dexie from 'dexie';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/domain/activity.ts';
import { type Change, type Json } from '../../../shared/sync/change.ts';
import { decodeHlc, hlcDeviceId } from '../../../shared/sync/hlc.ts';
import { type ChangeResult } from '../../../shared/sync/merge.ts';
import { type LiaisonDb } from './db.ts';
import { getMeta } from './meta.ts';
import { type TrailRow } from './schema.ts';

/** The writes of one save are stamped together: one device, one author, within this span. */
export const SAVE_SPAN_MS = 1000;

/**
 * A merged change someone really made: applied here, or older than what is held (still a
 * write of its author). Duplicates, refusals and held changes are not history (yet).
 */
function isHistory(r: ChangeResult): boolean {
  return r.outcome === 'inserted' || r.outcome === 'updated' || r.outcome === 'stale';
}

function isStatus(value: Json): value is ReviewStatus {
  return typeof value === 'string' && (REVIEW_STATUSES as readonly string[]).includes(value);
}

function byWriterThenStamp(a: Change, b: Change): number {
  const wa = `${a.deviceId}\u0000${a.author}`;
  const wb = `${b.deviceId}\u0000${b.author}`;
  if (wa !== wb) return wa < wb ? -1 : 1;
  return a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0;
}

/** The saves these merge results make: one row per entry, writer and save. Pure. */
export function trailRows(results: readonly ChangeResult[]): TrailRow[] {
  const byRecord = new Map<string, Change[]>();
  for (const r of results) {
    if (!isHistory(r)) continue;
    const list = byRecord.get(r.change.recordId);
    if (list) list.push(r.change);
    else byRecord.set(r.change.recordId, [r.change]);
  }
  const rows: TrailRow[] = [];
  for (const [recordId, changes] of byRecord) {
    let row: TrailRow | undefined;
    let startWall = 0;
    for (const change of [...changes].sort(byWriterThenStamp)) {
      const wall = decodeHlc(change.hlc)?.wall ?? 0;
      const sameSave =
        row !== undefined &&
        row.deviceId === change.deviceId &&
        row.author === change.author &&
        wall - startWall < SAVE_SPAN_MS;
      if (!row || !sameSave) {
        row = {
          recordId,
          hlc: change.hlc,
          deviceId: change.deviceId,
          author: change.author,
          fields: {},
        };
        rows.push(row);
        startWall = wall;
      }
      row.fields[change.field] = change.hlc;
      if (change.field === 'review.status' && isStatus(change.value))
        row.reviewStatus = change.value;
    }
  }
  return rows;
}

/**
 * Adds the saves of an import to the history, in the import's transaction (the caller's, over
 * `changeTrail`). A save seen before (a change held and applied later) gains its fields.
 * `stored` says which records had a row before this transaction: only those can have trail
 * rows (a trail row is written with its record's row, and a record held as incomplete makes
 * none), so only theirs are looked up. Looking up the absent rows of a bundle's new records
 * cost up to a second per demo officer's bundle on a large table.
 */
export async function recordTrail(
  db: LiaisonDb,
  results: readonly ChangeResult[],
  stored: { has(recordId: string): boolean },
): Promise<void> {
  const rows = trailRows(results);
  if (rows.length === 0) return;
  const known = rows.filter((r) => stored.has(r.recordId));
  const found =
    known.length === 0
      ? []
      : await db.changeTrail.bulkGet(known.map((r): [string, string] => [r.recordId, r.hlc]));
  const before = new Map<TrailRow, TrailRow | undefined>(known.map((r, i) => [r, found[i]]));
  const merged = rows.map((row) => {
    const old = before.get(row);
    if (!old) return row;
    const reviewStatus = row.reviewStatus ?? old.reviewStatus;
    return {
      ...row,
      fields: { ...old.fields, ...row.fields },
      ...(reviewStatus ? { reviewStatus } : {}),
    };
  });
  await db.changeTrail.bulkPut(merged);
}

/** What an entry's history is made of: own changes, imported saves, the current stamps. */
export interface EntryHistory {
  /** This device's own changes to the entry, in stamp order (values still sealed). */
  local: Change[];
  /** The saves that arrived in bundles, in stamp order. */
  imported: TrailRow[];
  /** Field path -> stamp of the write the entry holds now. */
  clocks: Record<string, string>;
  /**
   * How many of `imported` are rebuilt from the entry's stamps: saves imported before the
   * history was kept (schema 6), of which only the last write of each field is known.
   */
  rebuilt: number;
}

/**
 * The saves an entry's stamps show but neither its change log nor its history holds: writes
 * imported before the history was kept. Each field's stamp names the device and the time of
 * the write the entry holds, so the last write of every field is known; its author is the
 * person the profile (or a lead's approval) gives that device, or the device id. Pure.
 */
export function rebuiltSaves(
  recordId: string,
  clocks: Readonly<Record<string, string>>,
  known: ReadonlySet<string>,
  authorOf: (deviceId: string) => string,
): TrailRow[] {
  const results: ChangeResult[] = [];
  for (const [field, hlc] of Object.entries(clocks)) {
    const deviceId = hlcDeviceId(hlc);
    if (deviceId === null || known.has(hlc)) continue;
    const change: Change = {
      deviceId,
      seq: 0,
      collection: 'activities',
      recordId,
      field,
      value: null,
      hlc,
      author: authorOf(deviceId),
    };
    results.push({ change, outcome: 'inserted', flags: [] });
  }
  return trailRows(results);
}

/** Who writes from each device this computer knows of: the profile's devices and approvals. */
async function deviceAuthors(db: LiaisonDb): Promise<(deviceId: string) => string> {
  const [signed, approvals] = await Promise.all([
    getMeta(db, 'profile'),
    db.exchangeApprovals.toArray(),
  ]);
  const authors = new Map<string, string>();
  for (const d of signed?.profile.devices ?? []) authors.set(d.deviceId, d.officerId);
  for (const a of approvals) if (!authors.has(a.deviceId)) authors.set(a.deviceId, a.officerId);
  return (deviceId) => authors.get(deviceId) ?? deviceId;
}

export async function getEntryHistory(db: LiaisonDb, recordId: string): Promise<EntryHistory> {
  return db.transaction(
    'r',
    [db.changes, db.changeTrail, db.activities, db.meta, db.exchangeApprovals],
    async () => {
      const [local, imported, row, authorOf] = await Promise.all([
        db.changes
          .where('[recordId+hlc]')
          .between([recordId, Dexie.minKey], [recordId, Dexie.maxKey], true, true)
          .toArray(),
        db.changeTrail
          .where('[recordId+hlc]')
          .between([recordId, Dexie.minKey], [recordId, Dexie.maxKey], true, true)
          .toArray(),
        db.activities.get(recordId),
        deviceAuthors(db),
      ]);
      const clocks: Record<string, string> =
        row && typeof row.clocks === 'object' && row.clocks !== null ? row.clocks : {};
      const known = new Set<string>(local.map((c) => c.hlc));
      for (const save of imported) for (const hlc of Object.values(save.fields)) known.add(hlc);
      const rebuilt = rebuiltSaves(recordId, clocks, known, authorOf);
      const all = [...imported, ...rebuilt].sort((a, b) =>
        a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0,
      );
      return { local, imported: all, clocks, rebuilt: rebuilt.length };
    },
  );
}
