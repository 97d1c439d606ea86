// Above a list edited one item at a time: the form for the item being edited or added, or
// else the Add button, which gets the focus back when the form closes (useListEditor).
import { Fragment, type ReactNode } from 'react';
import { type ListEditor } from './useListEditor.ts';

export function FormOrAdd<T>({
  editor,
  addLabel,
  form,
}: {
  editor: ListEditor<T>;
  addLabel: string;
  /** The form for this item (undefined: a new one), given the keys the others hold. */
  form: (item: T | undefined, takenKeys: ReadonlySet<string>) => ReactNode;
}) {
  if (!editor.open) {
    return (
      <button type="button" ref={editor.addButton} onClick={editor.add}>
        {addLabel}
      </button>
    );
  }
  // Keyed by the item, so opening another item's form starts it afresh.
  return (
    <Fragment key={editor.editingKey ?? 'new'}>
      {form(editor.editingItem, editor.takenKeys)}
    </Fragment>
  );
}
