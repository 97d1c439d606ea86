// Who has reported in the period (lead and HQ): per post or per officer, the reporting rate,
// months reported of those expected, and the missing months; silent ones first, sortable by
// any column (TanStack Table). Read from the rollups the screen already holds.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SortableHeaders, sortableFeatures } from './SortableHeaders.tsx';
import { createColumnHelper, useTable, type SortingState } from '@tanstack/react-table';
import { type Language } from '../../../../shared/domain/catalogue-types.ts';
import { monthRuns, type CompletenessRow } from '../../../../shared/summary/completeness.ts';
import { periodLabel } from '../../../../shared/summary/periods.ts';
import { type Reporting } from './completeness-model.ts';

type Unit = 'post' | 'officer';

interface Line {
  id: string;
  name: string;
  rate: number | null;
  reported: number;
  expected: number;
  missing: string;
  missingCount: number;
}

const features = sortableFeatures;
const helper = createColumnHelper<typeof features, Line>();

export function CompletenessTable({
  reporting,
  lang,
  postName,
}: {
  reporting: Reporting;
  lang: Language;
  postName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<Unit>('post');
  const [sorting, setSorting] = useState<SortingState>([]);
  const locale = lang === 'fr' ? 'fr-CA' : 'en-CA';
  const lines = useMemo(() => {
    const month = (m: string) => periodLabel({ kind: 'month', month: m }, lang);
    const nameOf = (row: CompletenessRow) =>
      row.kind === 'post'
        ? postName(row.id)
        : t('summaries.completeness.officerAt', {
            officer: row.id,
            post: postName(reporting.officerPost.get(row.id) ?? ''),
          });
    const rows = unit === 'post' ? reporting.posts : reporting.officers;
    return rows.map((row): Line => ({
      id: row.id,
      name: nameOf(row),
      rate: row.rate,
      reported: row.monthsReported.length,
      expected: row.monthsExpected.length,
      missingCount: row.missingMonths.length,
      missing: monthRuns(row.missingMonths)
        .map(([from, to]) =>
          from === to
            ? month(from)
            : t('summaries.completeness.run', { from: month(from), to: month(to) }),
        )
        .join(', '),
    }));
  }, [reporting, unit, lang, postName, t]);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('name', {
          header: t(`summaries.dim_${unit}`),
          sortFn: 'alphanumeric',
        }),
        // Nothing expected sorts after every rate, as in the silent-first order.
        helper.accessor((line) => line.rate ?? 2, {
          id: 'rate',
          header: t('summaries.completeness.rate'),
          sortFn: 'basic',
        }),
        helper.accessor('reported', {
          header: t('summaries.completeness.reported'),
          sortFn: 'basic',
        }),
        helper.accessor('missingCount', {
          header: t('summaries.completeness.missing'),
          sortFn: 'basic',
          sortDescFirst: true,
        }),
      ]),
    [t, unit],
  );
  const table = useTable({
    features,
    columns,
    data: lines,
    state: { sorting },
    onSortingChange: setSorting,
  });
  const anyExpected = lines.some((line) => line.expected > 0);

  return (
    <section className="completeness" aria-labelledby="completeness-heading">
      <h2 id="completeness-heading">{t('summaries.completeness.heading')}</h2>
      <p className="hint">{t('summaries.completeness.rule')}</p>
      <div className="tabs no-print" role="group" aria-labelledby="completeness-heading">
        {(['post', 'officer'] as const).map((u) => (
          <button
            key={u}
            type="button"
            aria-pressed={u === unit}
            onClick={() => {
              setUnit(u);
              setSorting([]);
            }}
          >
            {t(`summaries.completeness.per_${u}`)}
          </button>
        ))}
      </div>
      {!anyExpected ? (
        <p className="summary-empty" role="status">
          {t('summaries.completeness.noneExpected')}
        </p>
      ) : (
        <div className="summary-table-wrap">
          <table className="completeness-table">
            <caption>{t(`summaries.completeness.caption_${unit}`)}</caption>
            <SortableHeaders table={table} textColumns={['name', 'missingCount']} />
            <tbody>
              {table.getRowModel().rows.map((row) => {
                const line = row.original;
                const silent = line.rate !== null && line.rate < 1;
                return (
                  <tr key={line.id} className={silent ? 'silent' : undefined}>
                    <th scope="row">{line.name}</th>
                    <td className="num">
                      {line.rate === null
                        ? t('summaries.completeness.nothingExpected')
                        : percent.format(line.rate)}
                    </td>
                    <td className="num">
                      {t('summaries.completeness.ofExpected', {
                        reported: line.reported,
                        expected: line.expected,
                      })}
                    </td>
                    <td>{line.missing === '' ? t('summaries.completeness.none') : line.missing}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
