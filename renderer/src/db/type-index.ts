// The index that finds entries by type and review state. Since version 8 it also answers a
// type alone and a review state alone (their own indexes were dropped: docs/database.md):
// one key range per state of the type, or per type holding the state, merged newest first.
import Dexie, { type IndexableType, type IndexableTypePart, type PromiseExtended } from 'dexie';
import { REVIEW_STATUSES } from '../../../shared/domain/activity.ts';
import { ACTIVITY_TYPE_IDS } from '../../../shared/domain/catalogue-types.ts';
import { type LiaisonDb } from './db.ts';

export const TYPE_STATE_INDEX = '[type+reviewStatus+sortKey]';

/**
 * The values that follow `prefix` in the type index: the types of the listed entries (no
 * prefix), or the review states one type's entries are in ([type]). The values this build
 * knows (`known`: the catalogue's types, the review states) are taken as they are, whether
 * or not an entry has them yet (an empty range costs one empty read); only the gaps between
 * them are read, by skipping from one value to the next, one key each, so an entry of a type
 * this build does not know (a newer app's) stays findable by its review state, as it was
 * with the review state's own index.
 *
 * Why the gaps only: under liveQuery, Dexie watches the whole key range a read asks for,
 * whatever its limit. Skipping through the whole index would make every list and count that
 * asks for the types re-run after any write of any entry (each of HQ's import transactions,
 * each save); the gaps hold no known value, so a write there is an entry of an unknown type
 * or state, which should re-run them. Nil reports and deleted rows have no sortKey, so they
 * are not in the index.
 */
export function valuesAfter(
  db: LiaisonDb,
  prefix: readonly IndexableTypePart[],
  known: readonly string[],
): PromiseExtended<IndexableTypePart[]> {
  // IndexedDB orders strings by UTF-16 code units, as JavaScript's default sort does.
  const sorted = [...new Set(known)].sort();
  const found: IndexableTypePart[] = [];
  // A chain of Dexie promises, not an async loop: callers run it under liveQuery and inside
  // transactions, where awaiting a plain promise loses Dexie's zone.
  const scan = (lower: IndexableType, upper: IndexableType): PromiseExtended<void> =>
    db.activities
      .where(TYPE_STATE_INDEX)
      .between(lower, upper, true, false)
      .limit(1)
      .keys()
      .then((keys) => {
        // A key of this index is an array: [type, reviewStatus, sortKey].
        const value = (keys[0] as readonly IndexableTypePart[] | undefined)?.[prefix.length];
        if (value === undefined) return;
        found.push(value);
        // Every key that starts with this value sorts below this bound: the next key read is
        // the first of the next value.
        return scan([...prefix, value, Dexie.maxKey], upper);
      });
  // The gaps: before the first known value, between two, after the last. A bound of
  // [...prefix, v] sorts before every key that starts with v (a shorter array is smaller),
  // and [...prefix, v, maxKey] after every one of them.
  const bounds: IndexableType[] = [
    [...prefix, Dexie.minKey],
    ...sorted.flatMap((v) => [
      [...prefix, v],
      [...prefix, v, Dexie.maxKey],
    ]),
    [...prefix, Dexie.maxKey],
  ];
  const gaps: [IndexableType, IndexableType][] = [];
  for (let i = 0; i + 1 < bounds.length; i += 2) {
    gaps.push([bounds[i] as IndexableType, bounds[i + 1] as IndexableType]);
  }
  return Dexie.Promise.all(gaps.map(([lower, upper]) => scan(lower, upper))).then(() => [
    ...sorted,
    ...found,
  ]);
}

/** The types of the listed entries: the catalogue's, and any this build does not know. */
export function listedTypes(db: LiaisonDb): PromiseExtended<IndexableTypePart[]> {
  return valuesAfter(db, [], ACTIVITY_TYPE_IDS);
}

/** The review states of one type's entries: the known ones, and any this build does not know. */
export function statesOf(db: LiaisonDb, type: string): PromiseExtended<IndexableTypePart[]> {
  return valuesAfter(db, [type], REVIEW_STATUSES);
}
