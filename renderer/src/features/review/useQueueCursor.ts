// Which entry of the review queue is current, and where the keyboard focus goes when the
// list changes under it. The current entry keeps its place: when a review moves it out of
// the list (approved out of the pending queue), the entry now at that place is current, and
// if the focus went with the row that left (to the page's body) it goes to that entry, or to
// the empty-state message when none is left, so j/k/a/i/r/x keep working without a click.
// New filters start again at the first entry (`restart`).
import { useCallback, useEffect, useRef } from 'react';
import { focusSoon } from '../../ui/focus.ts';

/** The empty-state message of the queue (ReviewScreen), focusable for this purpose. */
export const QUEUE_EMPTY_SELECTOR = '[data-testid="queue-empty"]';

function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

export function useQueueCursor<Row extends { id: string }>(
  rows: readonly Row[],
  /** false while the list is being read: nothing moves then. */
  ready: boolean,
  currentId: string | null,
  setCurrentId: (id: string | null) => void,
) {
  const lastIndex = useRef(0);
  const found = rows.findIndex((e) => e.id === currentId);
  const index = found >= 0 ? found : Math.min(lastIndex.current, Math.max(0, rows.length - 1));
  const current = rows[index];
  const shown = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!ready) return;
    lastIndex.current = index;
    const before = shown.current;
    shown.current = current?.id;
    // What is shown as current is current (a fresh queue shows its first entry).
    if (current && current.id !== currentId) setCurrentId(current.id);
    const left =
      before !== undefined && before !== current?.id && !rows.some((r) => r.id === before);
    if (left && focusLost()) {
      focusSoon(() =>
        current
          ? [...document.querySelectorAll<HTMLElement>('[data-entry]')].find(
              (el) => el.dataset.entry === current.id,
            )
          : document.querySelector<HTMLElement>(QUEUE_EMPTY_SELECTOR),
      );
    }
  }, [ready, index, current, currentId, rows, setCurrentId]);

  const restart = useCallback(() => {
    lastIndex.current = 0;
    setCurrentId(null);
  }, [setCurrentId]);

  return { index, current, restart };
}
