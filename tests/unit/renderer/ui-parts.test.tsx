// Shared screen parts: the labelled field ties its help and error to the control for screen
// readers, and the list editor edits one item in place, adds at the end, and never counts the
// item being edited among the keys already taken.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { Field } from '../../../renderer/src/ui/Field.tsx';
import { useListEditor } from '../../../renderer/src/ui/useListEditor.ts';

afterEach(cleanup);

describe('Field', () => {
  it('reads the help, then the error, with the control, and marks it invalid', () => {
    render(
      <Field id="code" label="Post code" help="Three letters." error="Already taken." required>
        {(aria) => <input {...aria} />}
      </Field>,
    );
    const input = screen.getByRole('textbox', {
      name: 'Post code',
      description: 'Three letters. Already taken.',
    });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('*').getAttribute('aria-hidden')).toBe('true');
  });

  it('describes a valid control by its help alone, and one without help by nothing', () => {
    render(
      <>
        <Field id="city" label="City" help="As on the map.">
          {(aria) => <input {...aria} />}
        </Field>
        <Field id="name" label="Name">
          {(aria) => <input {...aria} />}
        </Field>
      </>,
    );
    const city = screen.getByRole('textbox', { name: 'City', description: 'As on the map.' });
    expect(city.getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByRole('textbox', { name: 'Name' }).hasAttribute('aria-describedby')).toBe(
      false,
    );
  });
});

interface Item {
  key: string;
  value: number;
}
const keyOf = (item: Item) => item.key;

describe('useListEditor', () => {
  const items: Item[] = [
    { key: 'a', value: 1 },
    { key: 'b', value: 2 },
  ];

  it('edits an item in place, its own key not counted as taken', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useListEditor(items, keyOf, onChange));
    expect(result.current.open).toBe(false);
    act(() => result.current.edit('b'));
    expect(result.current.open).toBe(true);
    expect(result.current.editingItem).toEqual({ key: 'b', value: 2 });
    expect([...result.current.takenKeys]).toEqual(['a']);
    act(() => result.current.save({ key: 'b', value: 3 }));
    expect(onChange).toHaveBeenCalledWith([
      { key: 'a', value: 1 },
      { key: 'b', value: 3 },
    ]);
    expect(result.current.open).toBe(false);
  });

  it('adds a new item at the end, every existing key taken', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useListEditor(items, keyOf, onChange));
    act(() => result.current.add());
    expect(result.current.editingItem).toBeUndefined();
    expect([...result.current.takenKeys]).toEqual(['a', 'b']);
    act(() => result.current.save({ key: 'c', value: 4 }));
    expect(onChange).toHaveBeenCalledWith([...items, { key: 'c', value: 4 }]);
  });
});
