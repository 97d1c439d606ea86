// Turns a period choice ("this fiscal year"...) into an inclusive date range.
import {
  fiscalQuarterOf,
  fiscalYearOf,
  fiscalYearRange,
  quarterRange,
} from '../../../../shared/domain/fiscal.ts';
import { type ListFilters } from '../../kernel/store.ts';

export function periodRange(filters: ListFilters, today: string): { from?: string; to?: string } {
  switch (filters.period) {
    case 'all':
      return {};
    case 'thisFy':
      return fiscalYearRange(fiscalYearOf(today));
    case 'lastFy':
      return fiscalYearRange(fiscalYearOf(today) - 1);
    case 'thisQuarter':
      return quarterRange(fiscalYearOf(today), fiscalQuarterOf(today));
    case 'thisMonth': {
      const [y, m] = today.split('-').map(Number) as [number, number];
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const mm = String(m).padStart(2, '0');
      return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
    }
    case 'custom':
      return {
        ...(filters.from ? { from: filters.from } : {}),
        ...(filters.to ? { to: filters.to } : {}),
      };
  }
}
