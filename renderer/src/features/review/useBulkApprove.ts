// Approving the selected entries of the review queue in one go: hundreds take seconds, so it
// says it is working and cannot be started twice; afterwards what it approved leaves the
// selection (what was chosen meanwhile stays), and the focus goes to the current entry (or
// the empty message), so the keys go on working.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReviewActor } from '../../../../shared/review/index.ts';
import { approveEntries, type ActivityView, type Author, type LiaisonDb } from '../../db/index.ts';
import { errorMessageKey } from '../../kernel/errors.ts';
import { useUi } from '../../kernel/store.ts';
import { focusSoon } from '../../ui/focus.ts';
import { QUEUE_EMPTY_SELECTOR } from './useQueueCursor.ts';

export function useBulkApprove(deps: {
  db: LiaisonDb;
  author: Author;
  actor: ReviewActor | null;
  /** The selection as listed: a selection hidden by a filter is never approved. */
  selected: readonly ActivityView[];
  /** Drops these from the selection (others chosen while the approval ran stay chosen). */
  deselect: (ids: ReadonlySet<string>) => void;
  /** A line under the queue (some could not be approved), or null to clear it. */
  setNotice: (notice: string | null) => void;
}): { approving: boolean; approve: () => Promise<void> } {
  const { t } = useTranslation();
  const showToast = useUi((s) => s.showToast);
  const [approving, setApproving] = useState(false);
  const approve = async () => {
    const { db, author, actor, selected, deselect, setNotice } = deps;
    if (!actor || approving) return;
    setApproving(true);
    try {
      const outcomes = await approveEntries(db, author, actor, selected);
      const done = outcomes.filter((o) => o.ok).length;
      deselect(new Set(selected.map((e) => e.id)));
      // The button just pressed goes with the selection.
      focusSoon(
        () =>
          document.querySelector<HTMLElement>('[data-testid="queue-row"][aria-selected="true"]') ??
          document.querySelector<HTMLElement>(QUEUE_EMPTY_SELECTOR),
        { stillWanted: () => document.activeElement === document.body },
      );
      if (done === outcomes.length) {
        setNotice(null);
        showToast({ kind: 'ok', key: 'queue.bulkDone', params: { count: done } });
      } else setNotice(t('queue.bulkPartly', { done, left: outcomes.length - done }));
    } catch (error) {
      showToast({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      setApproving(false);
    }
  };
  return { approving, approve };
}
