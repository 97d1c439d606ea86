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
  filters: QueueFilters;
  sort: { by: QueueColumn; desc: boolean };
  currentId: string | null;
  setFilters: (patch: Partial<QueueFilters>) => void;
  setSort: (update: (sort: QueuePlace['sort']) => QueuePlace['sort']) => void;
  setCurrentId: (id: string | null) => void;
  /** Back to the start: pending entries, newest first, none current. */
  reset: () => void;
}

export const useQueuePlace = create<QueuePlace>((set) => ({
  filters: START_FILTERS,
  sort: { by: 'date', desc: true },
  currentId: null,
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  setSort: (update) => set((s) => ({ sort: update(s.sort) })),
  setCurrentId: (currentId) => set({ currentId }),
  reset: () => set({ filters: START_FILTERS, sort: { by: 'date', desc: true }, currentId: null }),
}));
