// Opening one stored entry for a screen (its page, its edit form): read live, its sealed values
// opened, and sorted into what the screen must show instead when it cannot show the entry.
import { useLiveQuery } from 'dexie-react-hooks';
import { findActivityType } from '../../../../shared/domain/catalogue.ts';
import { type ActivityTypeDef } from '../../../../shared/domain/catalogue-types.ts';
import { isUnreadable, readActivity, type UnreadableActivity } from '../../db/index.ts';
import { openActivity, type OpenedActivity } from '../../db/opened.ts';
import { useSealer, useServices } from '../../kernel/services.tsx';

export type Opening =
  /** Still reading. */
  | { kind: 'loading' }
  /** Stored but damaged, or in a shape this version cannot read. */
  | { kind: 'unreadable'; entry: UnreadableActivity }
  /** No such entry, or it was deleted. */
  | { kind: 'missing' }
  /** Of a type this version does not know: written by a newer Liaison Log. */
  | { kind: 'unknown-type'; activity: OpenedActivity }
  | { kind: 'open'; activity: OpenedActivity; typeDef: ActivityTypeDef };

export function useOpenActivity(id: string): Opening {
  const { db } = useServices();
  const sealer = useSealer();
  const activity = useLiveQuery(async () => {
    const view = await readActivity(db, id);
    if (!view) return null;
    return isUnreadable(view) ? view : openActivity(sealer, view);
  }, [db, id, sealer]);
  if (activity === undefined) return { kind: 'loading' };
  if (activity && isUnreadable(activity)) return { kind: 'unreadable', entry: activity };
  if (!activity || activity.deleted) return { kind: 'missing' };
  const typeDef = findActivityType(activity.type);
  return typeDef ? { kind: 'open', activity, typeDef } : { kind: 'unknown-type', activity };
}
