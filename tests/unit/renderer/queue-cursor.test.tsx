// The review queue's current entry when the list changes under it (useQueueCursor): it keeps
// its place, and the keyboard focus follows it when it went with the row that left, from a
// fresh queue too, and to the empty message when nothing is left.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useQueueCursor } from '../../../renderer/src/features/review/useQueueCursor.ts';

afterEach(cleanup);

function Queue({ ids }: { ids: readonly string[] }) {
  const [currentId, setCurrentId] = useState<string | null>(null);
  const rows = ids.map((id) => ({ id }));
  const { current, restart } = useQueueCursor(rows, true, currentId, setCurrentId);
  return (
    <div>
      <button onClick={restart}>new filters</button>
      {rows.length > 0 ? (
        rows.map((r) => (
          <div
            key={r.id}
            data-entry={r.id}
            tabIndex={-1}
            aria-selected={current?.id === r.id}
            onClick={() => setCurrentId(r.id)}
          >
            {r.id}
          </div>
        ))
      ) : (
        <p data-testid="queue-empty" tabIndex={-1}>
          empty
        </p>
      )}
    </div>
  );
}

const row = (id: string) => screen.getByText(id, { selector: '[data-entry]' });

describe('the review queue’s current entry', () => {
  it('on a fresh queue, passes to the next entry and its focus when the first leaves', async () => {
    const { rerender } = render(<Queue ids={['a', 'b', 'c']} />);
    expect(row('a').getAttribute('aria-selected')).toBe('true');
    act(() => row('a').focus());
    rerender(<Queue ids={['b', 'c']} />);
    expect(row('b').getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(row('b')));
  });

  it('keeps its place in the middle, and ends on the empty message', async () => {
    const { rerender } = render(<Queue ids={['a', 'b', 'c']} />);
    act(() => row('b').click());
    act(() => row('b').focus());
    rerender(<Queue ids={['a', 'c']} />);
    expect(row('c').getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(row('c')));
    rerender(<Queue ids={['a']} />);
    await waitFor(() => expect(document.activeElement).toBe(row('a')));
    rerender(<Queue ids={[]} />);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('queue-empty')));
  });

  it('leaves the focus alone when the person is elsewhere, and starts again at the top', () => {
    const { rerender } = render(<Queue ids={['a', 'b', 'c']} />);
    act(() => row('c').click());
    const button = screen.getByRole('button', { name: 'new filters' });
    act(() => button.focus());
    act(() => button.click());
    rerender(<Queue ids={['x', 'y']} />);
    expect(row('x').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(button);
  });
});
