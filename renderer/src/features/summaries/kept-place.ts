// Where the Summaries screen was (period, level, tab, the steps down, the charts' measure),
// kept for the page's life: "Show these entries" then the browser's Back (or Forward) comes
// back to the same level, as the review queue does from an entry. It was the screen's own
// state, lost on leaving, so Back from the log landed on the network's top level. The menu
// and a reload open the screen afresh, as before. UI state only (kernel/store.ts's rule).
import { useCallback, useState } from 'react';
import { create } from 'zustand';

interface KeptStore {
  /** Whose place it is (a device's officer id and role): another session starts afresh. */
  owner: string;
  values: Record<string, unknown>;
  /** The view the place was last claimed for: the same view shown again (after the lock) keeps it. */
  placeFor: object | null;
  set: (owner: string, key: string, value: unknown) => void;
}

const useKeptStore = create<KeptStore>((set) => ({
  owner: '',
  values: {},
  placeFor: null,
  set: (owner, key, value) =>
    set((s) => ({
      owner,
      values: { ...(s.owner === owner ? s.values : {}), [key]: value },
    })),
}));

/**
 * useState, kept across visits of the screen for one owner: the value comes back when the
 * screen mounts again. `initial` is taken once, as the mount's default (useState's rule), so
 * a value not kept yet keeps its identity from one render to the next.
 */
export function useKeptState<T>(
  owner: string,
  key: string,
  initial: () => T,
): [T, (next: T | ((previous: T) => T)) => void] {
  const [fallback] = useState(initial);
  const kept = useKeptStore((s) => (s.owner === owner && key in s.values ? s.values[key] : null));
  const has = useKeptStore((s) => s.owner === owner && key in s.values);
  const value = has ? (kept as T) : fallback;
  const setValue = useCallback(
    (next: T | ((previous: T) => T)) => {
      const store = useKeptStore.getState();
      const previous =
        store.owner === owner && key in store.values ? (store.values[key] as T) : fallback;
      const resolved = typeof next === 'function' ? (next as (previous: T) => T)(previous) : next;
      store.set(owner, key, resolved);
    },
    [owner, key, fallback],
  );
  return [value, setValue];
}

/**
 * Called as the screen mounts, before it reads its place, and whenever its view changes:
 * kept when the view resumes (reached by a change of the address: the browser's Back or
 * Forward, or an address typed in the same page) or is the same view shown again (the shell
 * after the lock); forgotten otherwise (the menu, a reload).
 */
export function claimKeptPlace(view: object, resume: boolean): 'kept' | 'afresh' {
  const store = useKeptStore.getState();
  const held = store.placeFor === view;
  useKeptStore.setState(held || resume ? { placeFor: view } : { placeFor: view, values: {} });
  return held || resume ? 'kept' : 'afresh';
}
