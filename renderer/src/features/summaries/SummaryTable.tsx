// The break-down table: one row per group, sortable by any column (TanStack Table), the
// group's name a button that drills into it, the total in the footer.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SortableHeaders, sortableFeatures } from './SortableHeaders.tsx';
import { createColumnHelper, useTable, type SortingState } from '@tanstack/react-table';
import { type Counters, counterValue } from '../../../../shared/summary/measures.ts';
import { TABLE_MEASURES, type Tab, type TableRow } from './model.ts';

const features = sortableFeatures;
const helper = createColumnHelper<typeof features, TableRow>();

export function SummaryTable({
  rows,
  total,
  tab,
  format,
  canDrill,
  onDrill,
}: {
  rows: readonly TableRow[];
  total: Counters;
  tab: Tab;
  format: (n: number) => string;
  canDrill: boolean;
  onDrill: (row: TableRow) => void;
}) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('name', {
          header: t(`summaries.dim_${tab}`),
          sortFn: 'alphanumeric',
        }),
        ...TABLE_MEASURES.map((id) =>
          helper.accessor((row) => row.counts[id] ?? 0, {
            id,
            header: t(`summary.counters.${id}`),
            sortFn: 'basic',
            sortDescFirst: true,
          }),
        ),
      ]),
    [t, tab],
  );
  const data = useMemo(() => [...rows], [rows]);
  const table = useTable({
    features,
    columns,
    data,
    state: { sorting },
    onSortingChange: setSorting,
  });
  return (
    <table className="summary-table">
      <SortableHeaders table={table} textColumns={['name']} />
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">
              {canDrill ? (
                <button
                  type="button"
                  className="link"
                  aria-label={t('summaries.drillInto', { name: row.original.name })}
                  onClick={() => onDrill(row.original)}
                >
                  {row.original.name}
                </button>
              ) : (
                row.original.name
              )}
              {row.original.secondary === undefined ? null : (
                <>
                  {' '}
                  <span className="secondary">{row.original.secondary}</span>
                </>
              )}
            </th>
            {TABLE_MEASURES.map((id) => (
              <td key={id} className="num">
                {format(row.original.counts[id] ?? 0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('summaries.total')}</th>
          {TABLE_MEASURES.map((id) => (
            <td key={id} className="num">
              {format(counterValue(total, id))}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
