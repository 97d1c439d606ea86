// One local write's IndexedDB requests (a save, an edit, a review, a deletion) in a few round
// trips to the storage backend instead of one per request: everything it reads first, in one
// batch, then every write issued as soon as it is known and all awaited together at the end
// (two round trips for a new entry; an edit or a review reads its row first, and a deletion
// also erases the record's values from the change log).
// IndexedDB runs the requests of one transaction in the order they were issued, so the stored
// result is that of awaiting each in turn; a failed one still fails the caller's transaction
// scope, which aborts everything (no row, no change, no seq used).
import { type Change } from '../../../shared/sync/change.ts';
import { type FieldChange } from '../../../shared/domain/activity-paths.ts';
import { type Contribution } from '../../../shared/summary/measures.ts';
import Dexie from 'dexie';
import { deltasByMonth } from '../../../shared/summary/packed.ts';
import { saveRow } from './change-log.ts';
import { type LiaisonDb } from './db.ts';
import { assertInWriteTransaction, stampsAfter } from './device.ts';
import { getMetas, metaRow, seqKey } from './meta.ts';
import { FOLD_EVERY, foldRollupJournal } from './rollup-store.ts';

export interface Appended {
  changes: Change[];
  lastSeq: number;
  lastHlc: string;
}

interface Counters {
  /** Last seq allocated to the device: its next change is numbered one above. */
  lastSeq: number;
  hlc: string | undefined;
  /** meta's activityCount. */
  count: number;
}

/**
 * One write inside the caller's rw transaction (rows, change log, meta, rollups). Every write
 * it issues must be issued before `finish`, with no await in between, so the requests go to
 * the backend together; one that fails before `finish` waits for it is not reported as
 * unhandled (`issue`), and still fails the scope.
 */
export class LocalWrite {
  readonly #pending: Promise<unknown>[] = [];
  #numbered = false;
  #countMoved = false;
  #rollupsMoved = false;

  private constructor(
    private readonly db: LiaisonDb,
    private readonly author: { deviceId: string; officerId: string },
    private readonly counters: Counters,
  ) {}

  /** Reads the device's seq counter and clock and the live count, in one batch. */
  static async begin(
    db: LiaisonDb,
    author: { deviceId: string; officerId: string },
  ): Promise<LocalWrite> {
    assertInWriteTransaction('LocalWrite');
    const [lastSeq, hlc, count] = await getMetas(db, [
      seqKey(author.deviceId),
      'hlc',
      'activityCount',
    ] as const);
    return new LocalWrite(db, author, { lastSeq: lastSeq ?? 0, hlc, count: count ?? 0 });
  }

  /**
   * Numbers and stamps one change per path, after every change numbered before, and appends
   * them to the change log as one save row.
   */
  appendChanges(recordId: string, fields: readonly FieldChange[]): Appended {
    const { deviceId, officerId } = this.author;
    const firstSeq = this.counters.lastSeq + 1;
    const { stamps, current } = stampsAfter(
      deviceId,
      this.db.now,
      this.counters.hlc,
      fields.length,
    );
    this.counters.lastSeq += fields.length;
    this.counters.hlc = current;
    this.#numbered = true;
    const changes: Change[] = fields.map(({ path, value }, i) => ({
      deviceId,
      seq: firstSeq + i,
      hlc: stamps[i] as string,
      collection: 'activities',
      recordId,
      field: path,
      value,
      author: officerId,
    }));
    // One row for the whole write (change-log.ts): one request, not one per field.
    this.issue(this.db.changes.add(saveRow(changes)));
    return { changes, lastSeq: this.counters.lastSeq, lastHlc: stamps.at(-1) as string };
  }

  /**
   * Moves the rollups by `deltas`, once per write: a journal row per month touched, nothing
   * read (rollup-store.ts). The write that adds a journal row whose id is a multiple of
   * FOLD_EVERY folds the journal into the packed months once everything it is part of has
   * committed, in a transaction of its own.
   */
  applyRollupDeltas(deltas: Iterable<Contribution>): void {
    if (this.#rollupsMoved) throw new Error('LocalWrite.applyRollupDeltas runs once per write');
    this.#rollupsMoved = true;
    const rows = [...deltasByMonth(deltas)].map(([month, list]) => ({ month, deltas: list }));
    if (rows.length === 0) return;
    const { db } = this;
    // The outermost transaction: a nested one (a nil report's save inside fileNilReport)
    // reports 'complete' when its own function ends, before anything is committed.
    let outer = Dexie.currentTransaction;
    while (outer.parent) outer = outer.parent;
    this.issue(
      db.rollupJournal.bulkAdd(rows, { allKeys: true }).then((ids) => {
        if (!ids.some((id) => id % FOLD_EVERY === 0)) return;
        outer.on('complete', () => {
          // Outside every transaction, so never part of (or able to abort) a write. A fold
          // that fails leaves the journal, which every read adds in; the next one retries.
          Dexie.ignoreTransaction(() => foldRollupJournal(db)).catch((error: unknown) =>
            console.warn('The summary rollups journal could not be folded', error),
          );
        });
      }),
    );
  }

  /** Keeps meta's live-record count in step with the rows. */
  addToCount(delta: number): void {
    this.counters.count = Math.max(0, this.counters.count + delta);
    this.#countMoved = true;
  }

  /** A write of this transaction, awaited by `finish` with the others. */
  issue(request: Promise<unknown>): void {
    // Until finish awaits it, a failure must not count as unhandled: when the caller throws
    // before finish, the transaction aborts and this request rejects with nobody waiting.
    request.catch(() => undefined);
    this.#pending.push(request);
  }

  /** Writes the counters that moved, then waits for every write issued. */
  async finish(): Promise<void> {
    const rows = [];
    if (this.#numbered) {
      rows.push(metaRow(seqKey(this.author.deviceId), this.counters.lastSeq));
      if (this.counters.hlc !== undefined) rows.push(metaRow('hlc', this.counters.hlc));
    }
    if (this.#countMoved) rows.push(metaRow('activityCount', this.counters.count));
    if (rows.length > 0) this.issue(this.db.meta.bulkPut(rows));
    await Promise.all(this.#pending);
  }
}
