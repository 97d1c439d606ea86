// The filter bar above the log: type, period, review status, a text search, and for a lead
// and HQ where (region, post, officer).
import { useTranslation } from 'react-i18next';
import { CATALOGUE } from '../../../../shared/domain/catalogue.ts';
import { REVIEW_STATUSES } from '../../../../shared/domain/activity.ts';
import { useUi, type ListFilters as Filters, type PeriodChoice } from '../../kernel/store.ts';
import { useLang } from '../../i18n/useLang.ts';
import { type Session } from '../../kernel/session.ts';
import { DatesReversed, datesReversed } from '../../ui/DatesReversed.tsx';
import { PlaceFilters } from './PlaceFilters.tsx';

const PERIODS: PeriodChoice[] = ['all', 'thisFy', 'lastFy', 'thisQuarter', 'thisMonth', 'custom'];

export function ListFilters({ filters, session }: { filters: Filters; session: Session }) {
  const { t } = useTranslation();
  const lang = useLang();
  const setFilters = useUi((s) => s.setFilters);
  const reversed = filters.period === 'custom' && datesReversed(filters.from, filters.to);
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('list.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field grow">
        <label htmlFor="filter-text">{t('list.search')}</label>
        <input
          id="filter-text"
          type="search"
          placeholder={t('list.searchPlaceholder')}
          value={filters.text}
          onChange={(e) => setFilters({ text: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-type">{t('list.type')}</label>
        <select
          id="filter-type"
          value={filters.type}
          onChange={(e) => setFilters({ type: e.target.value as Filters['type'] })}
        >
          <option value="">{t('list.allTypes')}</option>
          {CATALOGUE.map((type) => (
            <option key={type.id} value={type.id}>
              {type.label[lang]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-period">{t('list.period')}</label>
        <select
          id="filter-period"
          value={filters.period}
          onChange={(e) => setFilters({ period: e.target.value as PeriodChoice })}
        >
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`period.${p}`)}
            </option>
          ))}
        </select>
      </div>
      {filters.period === 'custom' ? (
        <>
          <div className="field">
            <label htmlFor="filter-from">{t('list.from')}</label>
            <input
              id="filter-from"
              type="date"
              value={filters.from}
              onChange={(e) => setFilters({ from: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="filter-to">{t('list.to')}</label>
            <input
              id="filter-to"
              type="date"
              value={filters.to}
              aria-invalid={reversed || undefined}
              aria-describedby={reversed ? 'filter-dates-reversed' : undefined}
              onChange={(e) => setFilters({ to: e.target.value })}
            />
          </div>
          <DatesReversed id="filter-dates-reversed" reversed={reversed} />
        </>
      ) : null}
      <div className="field">
        <label htmlFor="filter-status">{t('list.status')}</label>
        <select
          id="filter-status"
          value={filters.status}
          onChange={(e) => setFilters({ status: e.target.value as Filters['status'] })}
        >
          <option value="">{t('list.allStatuses')}</option>
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`review.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {session.identity.role === 'officer' ? null : (
        <PlaceFilters filters={filters} session={session} />
      )}
    </form>
  );
}
