// UI state only (the current screen, list filters, the passing message). Records live in
// Dexie and reach components through useLiveQuery; nothing here copies them.
import { create } from 'zustand';
import { type ActivityTypeId } from '../../../shared/domain/catalogue-types.ts';
import { type ReviewStatus } from '../../../shared/domain/activity.ts';
import { type RegionOrUnknown } from '../../../shared/summary/totals.ts';
import { parseHash, viewToHash, type View } from './router.ts';

export type PeriodChoice = 'all' | 'thisFy' | 'lastFy' | 'thisQuarter' | 'thisMonth' | 'custom';

export interface ListFilters {
  type: ActivityTypeId | '';
  status: ReviewStatus | '';
  period: PeriodChoice;
  from: string;
  to: string;
  text: string;
  /** Where (lead and HQ), as the summaries drill down: '' for anywhere. */
  region: RegionOrUnknown | '';
  postCode: string;
  officerId: string;
}

export const EMPTY_FILTERS: ListFilters = {
  type: '',
  status: '',
  period: 'all',
  from: '',
  to: '',
  text: '',
  region: '',
  postCode: '',
  officerId: '',
};

export interface Toast {
  kind: 'ok' | 'error' | 'info';
  /** i18n key and its parameters: translated when shown, so a language switch applies. */
  key: string;
  params?: Record<string, string | number>;
  /**
   * Said about the screen it was shown on (an export's "Saved as …"): leaving that screen
   * takes it away. Otherwise it follows the person ("Activity saved." on the log the save
   * returned to) until it times out or is dismissed.
   */
  ofScreen?: true;
}

/** The toast that may stay on the screen being opened. */
function toastAcross(toast: Toast | null): Toast | null {
  return toast?.ofScreen ? null : toast;
}

interface UiState {
  view: View;
  filters: ListFilters;
  toast: Toast | null;
  /**
   * The screen an entry was opened from, when not the log (the review queue): its page's
   * "Back" returns there. Kept through the entry and its edit; any other screen clears it.
   */
  entryFrom: View | null;
  navigate: (view: View) => void;
  /** Opens an entry's page from `from`, so that its "Back" returns there. */
  openEntryFrom: (id: string, from: View) => void;
  syncFromLocation: () => void;
  setFilters: (patch: Partial<ListFilters>) => void;
  resetFilters: () => void;
  showToast: (toast: Toast) => void;
  clearToast: () => void;
}

export const useUi = create<UiState>((set) => ({
  view: typeof location === 'undefined' ? { name: 'list' } : parseHash(location.hash),
  filters: EMPTY_FILTERS,
  toast: null,
  entryFrom: null,
  navigate: (view) => {
    const hash = viewToHash(view);
    if (location.hash !== hash) location.hash = hash;
    const onEntry = view.name === 'detail' || view.name === 'edit';
    set((s) => ({
      view,
      entryFrom: onEntry ? s.entryFrom : null,
      toast: viewToHash(s.view) === hash ? s.toast : toastAcross(s.toast),
    }));
  },
  openEntryFrom: (id, from) => {
    const view: View = { name: 'detail', id };
    const hash = viewToHash(view);
    if (location.hash !== hash) location.hash = hash;
    set((s) => ({ view, entryFrom: from, toast: toastAcross(s.toast) }));
  },
  syncFromLocation: () =>
    set((s) => {
      // The address of the screen shown already (navigate set it): nothing changes.
      if (viewToHash(s.view) === location.hash) return {};
      // The browser's Back from an entry to where it was opened: as its "Back" button.
      const back = s.entryFrom && viewToHash(s.entryFrom) === location.hash ? s.entryFrom : null;
      const parsed = back ?? parseHash(location.hash);
      // Back (or Forward) to the summaries: at the level they were left, not at the top.
      const view: View = parsed.name === 'summaries' ? { name: 'summaries', resume: true } : parsed;
      const onEntry = view.name === 'detail' || view.name === 'edit';
      return { view, entryFrom: onEntry ? s.entryFrom : null, toast: toastAcross(s.toast) };
    }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  resetFilters: () => set({ filters: EMPTY_FILTERS }),
  showToast: (toast) => set({ toast }),
  clearToast: () => set({ toast: null }),
}));
