// Every measure for the period, beside the period before and the same period a year earlier.
import { useTranslation } from 'react-i18next';
import { counterValue, type CounterId } from '../../../../shared/summary/measures.ts';
import { type Comparison } from '../../../../shared/summary/totals.ts';
import { ALL_COUNTERS } from './model.ts';

export function TotalsTable({
  comparison,
  format,
  yearEarlierIsPrevious,
}: {
  comparison: Comparison;
  format: (n: number) => string;
  /** A fiscal year's period before is the year earlier: one column, not the same twice. */
  yearEarlierIsPrevious: boolean;
}) {
  const { t } = useTranslation();
  const shown = ALL_COUNTERS.filter((id: CounterId) =>
    [comparison.current, comparison.previous, comparison.yearEarlier].some(
      (s) => counterValue(s.total, id) !== 0,
    ),
  );
  return (
    <table className="summary-totals">
      <thead>
        <tr>
          <th scope="col">{t('summaries.measure')}</th>
          <th scope="col" className="num">
            {t('summaries.current')}
          </th>
          <th scope="col" className="num">
            {t('summaries.previous')}
          </th>
          {yearEarlierIsPrevious ? null : (
            <th scope="col" className="num">
              {t('summaries.yearEarlier')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {shown.map((id) => (
          <tr key={id} data-measure={id}>
            <th scope="row">{t(`summary.counters.${id}`)}</th>
            <td className="num">{format(counterValue(comparison.current.total, id))}</td>
            <td className="num">{format(counterValue(comparison.previous.total, id))}</td>
            {yearEarlierIsPrevious ? null : (
              <td className="num">{format(counterValue(comparison.yearEarlier.total, id))}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
