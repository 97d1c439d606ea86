// The header row of a summaries table: each column sorts by a button (keyboard and screen
// reader alike: aria-sort says how), numbers aligned right except the columns named as text.
import { useTranslation } from 'react-i18next';
import {
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  type RowData,
  type Table,
} from '@tanstack/react-table';

/** What every summaries table does: sort its rows, by number or by name. */
export const sortableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});

export function SortableHeaders<Row extends RowData>({
  table,
  textColumns,
}: {
  table: Table<typeof sortableFeatures, Row>;
  /** Columns holding words, not numbers. */
  textColumns: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const label = String(header.column.columnDef.header);
            return (
              <th
                key={header.id}
                scope="col"
                aria-sort={
                  sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                }
                className={textColumns.includes(header.column.id) ? undefined : 'num'}
              >
                <button
                  type="button"
                  className="sort"
                  onClick={header.column.getToggleSortingHandler()}
                  title={t('summaries.sortBy', { column: label })}
                >
                  {label}
                  <span aria-hidden="true">
                    {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
