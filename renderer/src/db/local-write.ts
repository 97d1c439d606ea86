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
import { deltasByMonth } from '../../../shared/summary/packed.ts';
import { saveRow } from './change-log.ts';
import { type LiaisonDb } from './db.ts';
import { assertInWriteTransaction, stampsAfter } from './device.ts';
import { getMetas, metaRow, seqKey } from './meta.ts';
import { applyRollupDeltas, readRollupMonths, type MonthsRead } from './rollups.ts';

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
  #months: MonthsRead | undefined;

  private constructor(
    private readonly db: LiaisonDb,
    private readonly author: { deviceId: string; officerId: string },
    private readonly counters: Counters,
    months: MonthsRead,
  ) {
    this.#months = months;
  }

  /**
   * Reads the device's seq counter and clock, the live count and the rollup months of
   * `expectedDeltas` (what the write is expected to add, as known before its stamps) in one
   * batch. A month the final deltas touch beyond those is read when the rollups are written.
   */
  static async begin(
    db: LiaisonDb,
    author: { deviceId: string; officerId: string },
    expectedDeltas: Iterable<Contribution>,
  ): Promise<LocalWrite> {
    assertInWriteTransaction('LocalWrite');
    const [[lastSeq, hlc, count], months] = await Promise.all([
      getMetas(db, [seqKey(author.deviceId), 'hlc', 'activityCount'] as const),
      readRollupMonths(db.summaryRollups, deltasByMonth(expectedDeltas).keys()),
    ]);
    return new LocalWrite(db, author, { lastSeq: lastSeq ?? 0, hlc, count: count ?? 0 }, months);
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

  /** Moves the stored rollups by `deltas`; once per write (the months read are then stale). */
  applyRollupDeltas(deltas: Iterable<Contribution>): void {
    if (!this.#months) throw new Error('LocalWrite.applyRollupDeltas runs once per write');
    this.issue(applyRollupDeltas(this.db.summaryRollups, deltas, this.#months));
    this.#months = undefined;
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
