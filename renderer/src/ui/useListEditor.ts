// A list edited one item at a time in a form above it (HQ's posts, its team leads): whether
// the form is open and for which item, the keys the other items hold (a key must not repeat),
// saving in place or at the end, and the focus back on the Add button when the form closes.
import { useMemo, useRef, useState } from 'react';

type Editing = { kind: 'none' } | { kind: 'add' } | { kind: 'edit'; key: string };

export type ListEditor<T> = ReturnType<typeof useListEditor<T>>;

/** `keyOf` must be stable (declared at module level): the taken keys are memoised on it. */
export function useListEditor<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  onChange: (items: T[]) => void,
) {
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const addButton = useRef<HTMLButtonElement>(null);
  const editingKey = editing.kind === 'edit' ? editing.key : undefined;
  const takenKeys = useMemo(
    () => new Set(items.map(keyOf).filter((key) => key !== editingKey)),
    [items, keyOf, editingKey],
  );
  const close = () => {
    setEditing({ kind: 'none' });
    requestAnimationFrame(() => addButton.current?.focus());
  };
  return {
    open: editing.kind !== 'none',
    /** The key of the item in the form; undefined for a new one (or no form). */
    editingKey,
    editingItem: items.find((item) => keyOf(item) === editingKey),
    takenKeys,
    addButton,
    add: () => setEditing({ kind: 'add' }),
    edit: (key: string) => setEditing({ kind: 'edit', key }),
    close,
    save: (item: T) => {
      onChange(
        editingKey === undefined
          ? [...items, item]
          : items.map((old) => (keyOf(old) === editingKey ? item : old)),
      );
      close();
    },
  };
}
