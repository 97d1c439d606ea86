// The index that finds entries by type and review state. Since version 8 it also answers a
// type alone and a review state alone (their own indexes were dropped: docs/database.md):
// one key range per state of the type, or per type holding the state, merged newest first.
import Dexie, { type IndexableType, type IndexableTypePart, type PromiseExtended } from 'dexie';
import { type LiaisonDb } from './db.ts';

export const TYPE_STATE_INDEX = '[type+reviewStatus+sortKey]';

/**
 * The values that follow `prefix` in the type index, each once, in index order: the types of
 * the listed entries (no prefix), or the review states one type's entries are in ([type]).
 * Read by skipping from one value to the next, one key each (8 or so reads), rather than
 * taken from the catalogue: an entry of a type this build does not know (a newer app's)
 * stays findable by its review state, as it was with the review state's own index. Nil
 * reports and deleted rows have no sortKey, so they are not in the index.
 */
export function valuesAfter(
  db: LiaisonDb,
  prefix: readonly IndexableTypePart[],
): PromiseExtended<IndexableTypePart[]> {
  const values: IndexableTypePart[] = [];
  const upper: IndexableType = [...prefix, Dexie.maxKey];
  // A chain of Dexie promises, not an async loop: callers run it under liveQuery and inside
  // transactions, where awaiting a plain promise loses Dexie's zone.
  const from = (lower: IndexableType): PromiseExtended<IndexableTypePart[]> =>
    db.activities
      .where(TYPE_STATE_INDEX)
      .between(lower, upper, true, true)
      .limit(1)
      .keys()
      .then((keys) => {
        // A key of this index is an array: [type, reviewStatus, sortKey].
        const value = (keys[0] as readonly IndexableTypePart[] | undefined)?.[prefix.length];
        if (value === undefined) return values;
        values.push(value);
        // Every key that starts with this value sorts below this bound: the next key read is
        // the first of the next value.
        return from([...prefix, value, Dexie.maxKey]);
      });
  return from([...prefix, Dexie.minKey]);
}

/** The types the listed entries have (a type this build does not know included). */
export function listedTypes(db: LiaisonDb): PromiseExtended<IndexableTypePart[]> {
  return valuesAfter(db, []);
}
