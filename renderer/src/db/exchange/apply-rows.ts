// The row side of applying a bundle, inside its transaction: the stored rows it touches read
// in one go, its changes cut into slices of records, and the merged rows handed to IndexedDB
// while the next slice merges (apply.ts runs them in order).
import { type Change } from '../../../../shared/sync/change.ts';
import { type ChangeResult, type RecordState } from '../../../../shared/sync/merge.ts';
import { type Contribution, rollupDeltas } from '../../../../shared/summary/measures.ts';
import { type LiaisonDb } from '../db.ts';
import { getMeta } from '../meta.ts';
import { listedInLog } from '../rows.ts';
import { type ActivityRow } from '../schema.ts';
import { importedTrail, isHistory } from '../trail.ts';
import { ExchangeError } from './errors.ts';
import { rowFromState, unsealedSensitive } from './merge.ts';

/** Below this many ids, the seeks of one cursor cost little whatever the table's size. */
const FEW_IDS = 200;
/** Up to this many stored rows per id, one read of every key costs less than a get per id. */
const ROWS_PER_ID_TO_SCAN = 2;

/**
 * The stored rows of these ids. A few ids: one cursor (anyOf), next to nothing on an empty or
 * sparse table. Many ids: one get per id, all at once (bulkGet), unless the table is hardly
 * larger than the batch, where one read of every key (no values) says which exist. The table's
 * size is taken from meta's live count, not count(): Chromium's count walks every key, and so
 * does reading every key. Doing either per file made the 63 demo bundles cost more with each
 * file (the keys read at file 63 were 70,000): 60 of 249 s of the import in one profiled run
 * (docs/exchange.md, "Many big bundles in a row"); before that, a cursor's seeks cost up to 10 s
 * per file. The live count leaves out tombstones and nil reports: it only picks the cheaper
 * read, and either gives the same rows.
 */
export async function storedRows(db: LiaisonDb, ids: string[]): Promise<ActivityRow[]> {
  if (ids.length < FEW_IDS) return db.activities.where(':id').anyOf(ids).toArray();
  const live = (await getMeta(db, 'activityCount')) ?? 0;
  if (live > ids.length * ROWS_PER_ID_TO_SCAN) {
    const rows = await db.activities.bulkGet(ids);
    return rows.filter((row): row is ActivityRow => row !== undefined);
  }
  const keys = new Set(await db.activities.toCollection().primaryKeys());
  const present = ids.filter((id) => keys.has(id));
  return present.length === 0 ? [] : db.activities.where(':id').anyOf(present).toArray();
}

/** Records per merge slice: big enough to amortise, small enough to overlap with writes. */
const RECORDS_PER_SLICE = 1_000;

/** The changes grouped by record (order kept within each), RECORDS_PER_SLICE records a slice. */
export function* recordSlices(changes: readonly Change[]): Generator<Change[]> {
  const byRecord = new Map<string, Change[]>();
  for (const c of changes) {
    const list = byRecord.get(c.recordId);
    if (list) list.push(c);
    else byRecord.set(c.recordId, [c]);
  }
  let slice: Change[] = [];
  let records = 0;
  for (const list of byRecord.values()) {
    for (const c of list) slice.push(c);
    records += 1;
    if (records === RECORDS_PER_SLICE) {
      yield slice;
      slice = [];
      records = 0;
    }
  }
  if (slice.length > 0) yield slice;
}

/**
 * Builds rows from merged states and puts them without waiting, so IndexedDB writes one
 * slice while the next merges; done() waits for every put and gives the change in live
 * rows. A state written twice (bundle, then a retried change) counts from where it was.
 * Each row keeps its record's history (trail.ts): the saves its stored row held and those
 * of every merged change of the record this import has handed in so far. A record whose
 * changes made history without changing it (older than what it holds) is written again for
 * its history alone.
 */
export function rowWriter(db: LiaisonDb, stored: ReadonlyMap<string, ActivityRow>) {
  const puts: Promise<unknown>[] = [];
  const written = new Map<string, ActivityRow>();
  const history = new Map<string, ChangeResult[]>();
  const deltas: Contribution[] = [];
  let liveDelta = 0;
  return {
    /** What the rows written change in the summary rollups (a row written twice counts once). */
    rollupDeltas: deltas,
    /** `results`: the merge results these states came from (their history). */
    write(states: Iterable<RecordState>, results: readonly ChangeResult[]): void {
      const touched = new Set<string>();
      for (const r of results) {
        if (!isHistory(r)) continue;
        const id = r.change.recordId;
        const list = history.get(id);
        if (list) list.push(r);
        else history.set(id, [r]);
        touched.add(id);
      }
      const rows: ActivityRow[] = [];
      for (const state of states) {
        const before = written.get(state.id) ?? stored.get(state.id);
        const row = rowFromState(state, stored.get(state.id), db.typeLookup);
        const unsealed = unsealedSensitive(row, db.typeLookup);
        if (unsealed) throw new ExchangeError('unexpected', `${unsealed} would be stored unsealed`);
        const trail = importedTrail(stored.get(state.id), history.get(state.id) ?? []);
        if (trail.length > 0) row.trail = trail;
        liveDelta += (listedInLog(row) ? 1 : 0) - (listedInLog(before) ? 1 : 0);
        for (const delta of rollupDeltas(before ?? null, row)) deltas.push(delta);
        written.set(row.id, row);
        rows.push(row);
        touched.delete(state.id);
      }
      for (const id of touched) {
        const base = written.get(id) ?? stored.get(id);
        if (!base) continue;
        const row = { ...base, trail: importedTrail(stored.get(id), history.get(id) ?? []) };
        written.set(id, row);
        rows.push(row);
      }
      if (rows.length === 0) return;
      const put = db.activities.bulkPut(rows);
      // Awaited in done(); until then a failure must not count as unhandled (the
      // transaction aborts either way).
      put.catch(() => undefined);
      puts.push(put);
    },
    async done(): Promise<number> {
      await Promise.all(puts);
      return liveDelta;
    },
  };
}
