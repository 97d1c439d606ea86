// The review queue's filters: post, officer, type, state and dates. Plain labelled
// controls; a start date after the end date says so (ui/DatesReversed).
import { useTranslation } from 'react-i18next';
import { CATALOGUE } from '../../../../shared/domain/catalogue.ts';
import { REVIEW_STATUSES } from '../../../../shared/domain/activity.ts';
import { useLang } from '../../i18n/useLang.ts';
import { DatesReversed, datesReversed } from '../../ui/DatesReversed.tsx';
import { type Person } from '../../db/index.ts';
import { type QueueFilters as Filters } from './queue-place.ts';

export function QueueFilterBar({
  filters,
  set,
  posts,
  officers,
  postName,
}: {
  filters: Filters;
  set: (patch: Partial<Filters>) => void;
  posts: readonly string[];
  officers: readonly Person[];
  postName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <fieldset className="review-filters">
      <legend className="visually-hidden">{t('queue.filters')}</legend>
      <label>
        {t('queue.post')}
        <select value={filters.post} onChange={(e) => set({ post: e.target.value })}>
          <option value="">{t('queue.any')}</option>
          {posts.map((code) => (
            <option key={code} value={code}>
              {postName(code)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('queue.officer')}
        <select value={filters.officer} onChange={(e) => set({ officer: e.target.value })}>
          <option value="">{t('queue.any')}</option>
          {officers.map((p) => (
            <option key={p.officerId} value={p.officerId}>
              {p.name} ({p.officerId})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('queue.type')}
        <select value={filters.type} onChange={(e) => set({ type: e.target.value })}>
          <option value="">{t('queue.any')}</option>
          {CATALOGUE.map((def) => (
            <option key={def.id} value={def.id}>
              {def.label[lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('queue.state')}
        <select
          value={filters.state}
          onChange={(e) => set({ state: e.target.value as Filters['state'] })}
        >
          <option value="">{t('queue.any')}</option>
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`review.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('queue.from')}
        <input type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label>
        {t('queue.to')}
        <input
          type="date"
          value={filters.to}
          aria-invalid={datesReversed(filters.from, filters.to) || undefined}
          aria-describedby={
            datesReversed(filters.from, filters.to) ? 'queue-dates-reversed' : undefined
          }
          onChange={(e) => set({ to: e.target.value })}
        />
      </label>
      <DatesReversed id="queue-dates-reversed" reversed={datesReversed(filters.from, filters.to)} />
    </fieldset>
  );
}
