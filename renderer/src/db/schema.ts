// The stored shapes and the Dexie store specs of every schema version. A released
// version's spec is never edited: a change is a new version (see docs/database.md).
import { type Activity, type ReviewStatus } from '../../../shared/domain/activity.ts';
import { type PackedMonth } from '../../../shared/summary/packed.ts';
import { type Contribution } from '../../../shared/summary/measures.ts';
import { type Json } from '../../../shared/sync/change.ts';

/** An activity as stored: the synced record plus what the database needs to find it. */
export interface ActivityRow extends Activity {
  /** Field path -> encoded HLC of the last write applied to it (field-level merge reads it). */
  clocks: Record<string, string>;
  /**
   * occurredOn + '|' + createdAt, for newest-first lists. Absent on a deleted row: IndexedDB
   * leaves a row out of every index on a missing key, so tombstones drop out of all lists
   * (including the compound ones) without a filter.
   */
  sortKey?: string;
  /** Copy of review.status: IndexedDB cannot index a nested path inside a compound index. */
  reviewStatus: ReviewStatus;
  /**
   * Search tokens (lowercase, accents folded) of non-sensitive text fields and select labels
   * only. Never a sensitive value: an index is readable without the record's key.
   */
  words: string[];
  /**
   * 1 while the row has own changes not yet acknowledged (a number: booleans are not keys).
   * Absent otherwise (rows written before 2026-12-07 may hold 0): an absent key writes no
   * [pending+sortKey] entry, and at HQ almost no row is pending (docs/database.md).
   */
  pending?: 0 | 1;
  /**
   * Highest own change seq on this row that some recipient has not acknowledged; absent (or
   * 0, in older rows) when none, so a settled row writes no `localSeq` index entry. A receipt
   * up to seq N settles exactly the rows with 0 < localSeq <= N.
   */
  localSeq?: number;
  /**
   * Sensitive fields removed from this device by the retention policy after HQ confirmed
   * them (HQ keeps them). Local only: never a change, never synced.
   */
  purged?: string[];
  /**
   * The saves of this entry that arrived in bundles, in stamp order (trail.ts): the history
   * HQ and a lead read. Kept in the row, which every import writes anyway, instead of one
   * changeTrail row per entry and save: that was one more IndexedDB request per imported
   * entry, a sixth of HQ's import of the demo bundles (docs/exchange.md). Rows imported
   * before keep their saves in changeTrail; the history reads both. Local writers carry it
   * as they carry `purged` (the record's unknown properties survive toActivity).
   */
  trail?: TrailSave[];
}

/** One key/value setting or counter. The typed view is in meta.ts. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * One month of summary rollups, packed (shared/summary/packed.ts): id is the month
 * ('YYYY-MM', '' for entries whose date is not a date). Since version 7; versions 5 and 6
 * kept one row per month × post × officer × type (id rollupId of the key, its counters).
 */
export interface RollupStoredRow extends PackedMonth {
  id: string;
}

/**
 * What one local write moved in one month's rollups, not yet added into the month's packed
 * row (version 10, rollup-store.ts): the month's total is its packed row plus these.
 */
export interface RollupJournalRow {
  /** Given by IndexedDB (auto-increment): every FOLD_EVERY-th write folds the journal. */
  id?: number;
  month: string;
  deltas: Contribution[];
}

/** An autosaved, not yet submitted form. Values are what the form holds, unvalidated. */
export interface DraftRow {
  id: string;
  type: string;
  values: Json;
  updatedAt: string;
}

/**
 * Version 1: the first released schema. activities by id, newest-first order overall, per
 * type and per review status; the change log keyed by device and sequence so a device's
 * gaps and "everything after seq N" are key ranges.
 */
export const STORES_V1 = {
  activities: 'id, sortKey, [type+sortKey], [reviewStatus+sortKey]',
  changes: '[deviceId+seq], hlc, [recordId+hlc]',
  meta: 'key',
  drafts: 'id, updatedAt',
} as const;

/**
 * Version 2: free-text search (`*words`, one index entry per token), the list of what has
 * not yet reached HQ ([pending+sortKey]), a review queue per type ([type+reviewStatus+
 * sortKey]) and `localSeq`, so a receipt finds the rows it settles as a key range. Its
 * upgrade backfills them and the live-record counter (migrations.ts).
 */
export const STORES_V2 = {
  ...STORES_V1,
  activities: [
    'id',
    'sortKey',
    '[type+sortKey]',
    '[reviewStatus+sortKey]',
    '[type+reviewStatus+sortKey]',
    '[pending+sortKey]',
    '*words',
    'localSeq',
  ].join(', '),
};

/**
 * Version 3: the bundle exchange (schema.ts). Received bundle ids, per sending
 * device its coverage and announced highest seq (gaps), deferred remote changes by record,
 * devices and bundles waiting for approval, a lead's local approvals, the durable import
 * queue and the kept import reports. New tables only: its upgrade has no data to move.
 */
export const STORES_V3 = {
  ...STORES_V2,
  exchangeBundles: 'bundleId, senderDeviceId',
  exchangeSenders: 'deviceId',
  exchangeDeferred: '[deviceId+seq], recordId',
  exchangePendingDevices: 'deviceId',
  exchangePendingBundles: 'bundleId, deviceId',
  exchangeApprovals: 'deviceId',
  exchangeQueue: 'id, runId',
  exchangeRuns: 'id, startedAt',
  exchangeState: 'key',
};

/**
 * Version 4: the review queue by post ([postCode+reviewStatus+sortKey]: a lead reads the
 * posts it leads, one key range each). reviewStatus now holds the state people see (an
 * edited returned entry is pending again); its upgrade recomputes it (migrations-v4.ts).
 */
export const STORES_V4 = {
  ...STORES_V3,
  activities: `${STORES_V2.activities}, [postCode+reviewStatus+sortKey]`,
};

/**
 * Version 5: summary rollups (rollups.ts), counters per month × post × officer × type kept in
 * the transaction of every entry write and import, so summaries never scan the entries. A
 * new table only; its upgrade counted the stored entries into it (since version 7, the
 * version 7 upgrade does: migrations-v7.ts).
 */
export const STORES_V5 = {
  ...STORES_V4,
  summaryRollups: 'id, month',
};

/**
 * One save of an entry that arrived in a bundle, for the entry's history (trail.ts): who
 * (author, device), when (the stamps) and which fields, never their values (the row holds the
 * current ones, and a sensitive value is never copied). The review state a save gave is kept:
 * it is short, not sensitive, and the history of reviews is what a lead and HQ read.
 */
export interface TrailRow {
  recordId: string;
  /** Stamp of the save's first change: with recordId the key, so a save is stored once. */
  hlc: string;
  deviceId: string;
  author: string;
  /** Field path -> the stamp of this save's write to it. */
  fields: Record<string, string>;
  reviewStatus?: ReviewStatus;
}

/** A save as an activity row keeps it (its `trail`): a TrailRow without the row's id. */
export type TrailSave = Omit<TrailRow, 'recordId'>;

/**
 * Version 6: the history of imported changes (`changeTrail`, one row per entry and save that
 * arrived in a bundle). A new table only: saves imported before it have no history here.
 */
export const STORES_V6 = {
  ...STORES_V5,
  changeTrail: '[recordId+hlc]',
};

/**
 * Version 7: the same stores; summaryRollups holds one packed row per month instead of one
 * per month × post × officer × type, so a summary reads ~24 rows, not ~8,000 objects
 * (docs/summaries.md, "Rollups"). Its upgrade counts the entries again (migrations-v7.ts).
 */
export const STORES_V7 = { ...STORES_V6 };

/**
 * Version 8: the officer filter gets its index ([officerId+sortKey]: an officer's entries are
 * one key range, newest first), and the type alone and the review state alone lose theirs
 * ([type+sortKey], [reviewStatus+sortKey]): [type+reviewStatus+sortKey] answers both, one
 * range per state of the type or per type of the state, merged newest first
 * (activity-queries.ts). A listed row keeps one index entry fewer than before, which is what
 * HQ's import and the demo seeding spend their time writing (docs/database.md). IndexedDB
 * fills the new index from the stored rows itself: no upgrade step.
 */
export const STORES_V8 = {
  ...STORES_V7,
  activities: [
    'id',
    'sortKey',
    '[type+reviewStatus+sortKey]',
    '[pending+sortKey]',
    '*words',
    'localSeq',
    '[postCode+reviewStatus+sortKey]',
    '[officerId+sortKey]',
  ].join(', '),
};

/**
 * Version 9: the same stores. What changed is what a row may hold: an entry's imported saves
 * (`trail`, its history, instead of one changeTrail row per save) and no `pending` or
 * `localSeq` once settled. The number moves so that an older build, whose import would
 * rebuild a row without its `trail` and lose that history, refuses this database
 * (`version-too-new`) instead of opening it (docs/database.md). No upgrade step: version 8
 * rows are read as they are.
 */
export const STORES_V9 = { ...STORES_V8 };

/**
 * Version 10: a local write stores its changes as one row (change-log.ts, a save row keyed by
 * its last seq) instead of one row per field, and the change log loses its `hlc` index,
 * which nothing reads. A local write no longer reads and rewrites its month's packed rollup
 * row: it adds what it moved to `rollupJournal`, which readers add in and which is folded into
 * the packed rows every so many writes (rollup-store.ts). An older build would take a save
 * row for a damaged change and drop it, and would not count the journal, so the number moves
 * and such a build refuses the database. No upgrade step: rows written before are read as
 * they are; IndexedDB drops the index itself.
 */
export const STORES_V10 = {
  ...STORES_V9,
  changes: '[deviceId+seq], [recordId+hlc]',
  rollupJournal: '++id, month',
};

/** The schema version this build writes; a database stamped higher is refused. */
export const DB_VERSION = 10;

/** Sorts after every sortKey of a given day: '|' then an ISO time are all below U+FFFF. */
export const SORT_KEY_MAX_SUFFIX = '|\uffff';
