// People by name: the officer's name and post from the profile, the id as secondary text.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listPeople, type Person } from '../../db/index.ts';
import { useServices } from '../../kernel/services.tsx';

export type People = ReadonlyMap<string, Person>;

export function usePeople(): People {
  const { db } = useServices();
  const list = useLiveQuery(() => listPeople(db), [db]);
  return useMemo(() => new Map((list ?? []).map((p) => [p.officerId, p])), [list]);
}

/** The name to show, falling back to the id when the profile does not name the person. */
export function nameOf(people: People, id: string): string {
  return people.get(id)?.name ?? id;
}
