// Where the lead or HQ is in the review queue: its filters, its sort and the current entry.
// Kept outside the screen, so opening an entry's full page and coming back ("Back to the
// review queue", a view with `resume`) finds the queue as it was left; opened from the menu
// or an address, the queue starts afresh (a filter left from last time would hide new
// entries).
import { create } from 'zustand';
import { type ReviewStatus } from '../../../../shared/domain/activity.ts';

export type QueueColumn = 'date' | 'officer' | 'type' | 'state';
export interface QueueFilters {
  post: string;
  officer: string;
  type: string;
  state: ReviewStatus | '';
  from: string;
  to: string;
}
export const START_FILTERS: QueueFilters = {
  post: '',
  officer: '',
  type: '',
  state: 'pending',
  from: '',
  to: '',
};

interface QueuePlace {
  /**
   * The view the place belongs to: a new review view (the menu, an address) starts afresh,
   * the same one (the shell shown again after the lock) or one with `resume` keeps it.
   */
  placeFor: object | null;
  filters: QueueFilters;
  sort: { by: QueueColumn; desc: boolean };
  currentId: string | null;
  setFilters: (patch: Partial<QueueFilters>) => void;
  setSort: (update: (sort: QueuePlace['sort']) => QueuePlace['sort']) => void;
  setCurrentId: (id: string | null) => void;
  /** Back to the start: pending entries, newest first, none current. */
  reset: () => void;
  /** The place for `view`: kept if it is the one already held or resumes, else afresh. */
  claim: (view: object, resume: boolean) => 'kept' | 'afresh';
}

export const useQueuePlace = create<QueuePlace>((set, get) => ({
  placeFor: null,
  filters: START_FILTERS,
  sort: { by: 'date', desc: true },
  currentId: null,
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  setSort: (update) => set((s) => ({ sort: update(s.sort) })),
  setCurrentId: (currentId) => set({ currentId }),
  reset: () => set({ filters: START_FILTERS, sort: { by: 'date', desc: true }, currentId: null }),
  claim: (view, resume) => {
    const held = get().placeFor === view;
    set({ placeFor: view });
    if (held || resume) return 'kept';
    get().reset();
    return 'afresh';
  },
}));
