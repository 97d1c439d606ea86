// The history of imported changes: each save of an entry that arrived in a bundle, kept as
// who, when and which fields (a compact index, no values), so a lead and HQ see who changed
// what when, although their own change log holds only their own writes.
import Dexie from 'dexie';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/domain/activity.ts';
import { type Change, type Json } from '../../../shared/sync/change.ts';
import { decodeHlc, hlcDeviceId } from '../../../shared/sync/hlc.ts';
import { type ChangeResult } from '../../../shared/sync/merge.ts';
import { inHlcOrder } from './change-log.ts';
import { type LiaisonDb } from './db.ts';
import { getMeta } from './meta.ts';
import { type ActivityRow, type TrailRow, type TrailSave } from './schema.ts';

/** The writes of one save are stamped together: one device, one author, within this span. */
export const SAVE_SPAN_MS = 1000;

/**
 * A merged change someone really made: applied here, or older than what is held (still a
 * write of its author). Duplicates, refusals and held changes are not history (yet).
 */
export function isHistory(r: ChangeResult): boolean {
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

function isStringMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/**
 * The saves a stored row keeps (its `trail`), those that can be read: a row damaged on disk,
 * or stored by another build, must not stop an import nor the history.
 */
export function savesOf(row: { trail?: unknown } | undefined): TrailSave[] {
  const trail = row?.trail;
  if (!Array.isArray(trail)) return [];
  return trail.filter(
    (s: unknown): s is TrailSave =>
      typeof s === 'object' &&
      s !== null &&
      typeof (s as TrailSave).hlc === 'string' &&
      typeof (s as TrailSave).deviceId === 'string' &&
      typeof (s as TrailSave).author === 'string' &&
      isStringMap((s as TrailSave).fields),
  );
}

/**
 * Saves kept before, with `added` folded in, in stamp order. A save seen before (same first
 * stamp: a change held and applied later) gains its fields, as its changeTrail row did. Pure.
 */
export function withSaves(
  kept: readonly TrailSave[],
  added: readonly (TrailSave | TrailRow)[],
): TrailSave[] {
  const byStamp = new Map<string, TrailSave>();
  for (const save of [...kept, ...added]) {
    const old = byStamp.get(save.hlc);
    const reviewStatus = save.reviewStatus ?? old?.reviewStatus;
    byStamp.set(save.hlc, {
      hlc: save.hlc,
      deviceId: save.deviceId,
      author: save.author,
      fields: { ...old?.fields, ...save.fields },
      ...(reviewStatus ? { reviewStatus } : {}),
    });
  }
  return [...byStamp.values()].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/**
 * The trail a record's row keeps after an import: the saves its stored row held, with those
 * that `results` (every merged change of the record in this import) make. Computed from all
 * of the import's changes of the record at once, so a save split between the bundle and
 * changes it released from the deferred ones is one save, as it was in changeTrail. Pure.
 */
export function importedTrail(
  stored: ActivityRow | undefined,
  results: readonly ChangeResult[],
): TrailSave[] {
  const added = trailRows(results).map(({ recordId: _recordId, ...save }) => save);
  return withSaves(savesOf(stored), added);
}

/** What an entry's history is made of: own changes, imported saves, the current stamps. */
export interface EntryHistory {
  /** This device's own changes to the entry, in stamp order (values still sealed). */
  local: Change[];
  /** The saves that arrived in bundles (the row's trail and changeTrail), in stamp order. */
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
      const [logRows, imported, row, authorOf] = await Promise.all([
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
      const local = inHlcOrder(logRows);
      const clocks: Record<string, string> =
        row && typeof row.clocks === 'object' && row.clocks !== null ? row.clocks : {};
      // Saves imported before they were kept in the row are in changeTrail; a save in both
      // (a held change of it applied since) shows once, with the fields of both.
      const saves = withSaves(imported, savesOf(row)).map((save) => ({ recordId, ...save }));
      const known = new Set<string>(local.map((c) => c.hlc));
      for (const save of saves) for (const hlc of Object.values(save.fields)) known.add(hlc);
      const rebuilt = rebuiltSaves(recordId, clocks, known, authorOf);
      const all = [...saves, ...rebuilt].sort((a, b) =>
        a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0,
      );
      return { local, imported: all, clocks, rebuilt: rebuilt.length };
    },
  );
}
